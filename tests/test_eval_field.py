"""The field-corpus scorer: matching rules on constructed specs (no documents needed)."""

from __future__ import annotations

from gonggo.eval.field import core, header_counts, load_split, score_document


def _program(**kw):  # type: ignore[no-untyped-def]
    base = {"name": "2025년 디딤돌", "tracks": [{"name": None, "funding": []}], "windows": [],
            "documents": [], "exclusions": [], "contacts": []}
    return {**base, **kw}


def test_split_is_fixed_with_at_least_ten_test_documents_and_two_pairs() -> None:
    split = load_split()
    test = [f for f, s in split.items() if s == "test"]
    assert len(test) >= 10
    assert sum("2025" in f or "2020" in f for f in test) >= 2


def test_a_cap_with_the_wrong_basis_is_wrong() -> None:
    gold = {"programs": [_program(tracks=[{"name": None, "funding": [
        {"payer": "government", "cap_krw": 300_000_000, "cap_basis": "per_year"}]}])]}
    same = score_document(gold, gold, "x", "dev")
    assert same.fields["caps"].tp == 1 and same.fields["caps"].fp == 0
    wrong = {"programs": [_program(tracks=[{"name": None, "funding": [
        {"payer": "government", "cap_krw": 300_000_000, "cap_basis": "per_award"}]}])]}
    s = score_document(gold, wrong, "x", "dev")
    assert (s.fields["caps"].tp, s.fields["caps"].fp, s.fields["caps"].fn) == (0, 1, 1)


def test_shares_by_applicant_kind_are_separate_facts() -> None:
    rows = [{"payer": "government", "share_pct": p, "share_bound": "max", "applicant_kinds": [k]}
            for k, p in (("대기업", 50), ("중견기업", 70), ("중소기업", 75))]
    gold = {"programs": [_program(tracks=[{"name": None, "funding": rows}])]}
    pred = {"programs": [_program(tracks=[{"name": None, "funding": rows[2:]}])]}
    s = score_document(gold, pred, "x", "dev")
    assert (s.fields["shares"].tp, s.fields["shares"].fn) == (1, 2)


def test_a_cap_repeated_on_each_kind_row_is_one_fact() -> None:
    cap = {"payer": "government", "cap_krw": 2_133_000_000, "cap_basis": "per_year"}
    per_kind = [{**cap, "share_pct": p, "share_bound": "max", "applicant_kinds": [k]}
                for k, p in (("대기업", 50), ("중소기업", 75))]
    gold = {"programs": [_program(tracks=[{"name": None, "funding": per_kind}])]}
    apart = [cap] + [{**r, "cap_krw": None} for r in per_kind]
    pred = {"programs": [_program(tracks=[{"name": None, "funding": apart}])]}
    s = score_document(gold, pred, "x", "dev")
    assert (s.fields["caps"].tp, s.fields["caps"].fp, s.fields["caps"].fn) == (1, 0, 0)
    assert (s.fields["shares"].tp, s.fields["shares"].fn) == (2, 0)
    other = {"programs": [_program(tracks=[{"name": None, "funding": [
        {**cap, "cap_krw": 2_000_000_000}]}])]}
    s = score_document(gold, other, "x", "dev")
    assert (s.fields["caps"].tp, s.fields["caps"].fp, s.fields["caps"].fn) == (0, 1, 1)


def test_header_needs_the_same_notice_number_digits() -> None:
    gold = {"notice_no": "중소벤처기업부 공고 제2025–221호", "issuer": "중소벤처기업부 장관",
            "announced_on": "2025-04-02"}
    pred = {"notice_no": "중소벤처기업부 공고 제2025-221호", "issuer": "중소벤처기업부장관",
            "announced_on": "2025-04-01"}
    c = header_counts(gold, pred)
    assert (c.tp, c.fn, c.fp) == (2, 1, 1)


def test_programs_of_a_notice_that_is_not_a_support_call_are_false_positives() -> None:
    s = score_document({"programs": []}, {"programs": [_program()]}, "x", "dev")
    assert s.fields["programs"].fp == 1 and core(s.fields).tp == 0
