"""The light normaliser decides clause pairs without kiwipiepy; kiwipiepy is asked only for
scores within `BAND` of a decision threshold."""

from __future__ import annotations

from gonggo.changes import similarity as sim
from gonggo.changes.align import ITEM_LEFTOVER_THRESHOLD, ITEM_THRESHOLD, align_items


def test_particles_and_endings_are_cut() -> None:
    assert sim.light_terms("중소기업은") == sim.light_terms("중소기업이") == {"중소", "소기", "기업"}
    assert sim.light_letters("확산사업과 관련하여 제재 중인 기업") == \
        sim.light_letters("확산 사업과 관련 제재중인 기업")


def test_the_band_covers_every_threshold_the_aligner_uses() -> None:
    assert set(sim.DECISION_POINTS) == {ITEM_THRESHOLD, ITEM_LEFTOVER_THRESHOLD}


def test_clear_pairs_need_no_model(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def no_model(text: str) -> frozenset[str]:
        raise AssertionError(f"kiwipiepy asked for {text!r}")

    monkeypatch.setattr(sim, "_morphemes", no_model)
    old = ["중소기업기본법에 따른 중소기업", "국세 또는 지방세를 체납 중인 기업"]
    new = ["지방세 또는 국세를 체납하고 있는 기업", "「중소기업기본법」 제2조에 따른 중소기업",
           "전혀 다른 새로운 조건으로 추가된 항목입니다"]
    pairs = align_items(old, new, str)
    matched = {(p.old_index, p.new_index) for p in pairs if p.kind == "matched"}
    assert matched == {(0, 1), (1, 0)}
