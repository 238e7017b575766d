"""Compose the extractors: Document → Announcement (before validation adds findings).

Each fact family is one module with one entry point taking a `Scope`. The table below is
the one place they are wired together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gonggo.extractors import (
    awards,
    clauses,
    contacts,
    costs,
    declared,
    documents,
    evaluation,
    related,
    shares,
    submission,
    subprograms,
    tracks,
    windows,
)
from gonggo.extractors.header import Header, read_header
from gonggo.extractors.supports import record_supports
from gonggo.reading.programs import (
    program_key,
    program_name_from_title,
    row_blocks,
    row_labels,
    rows_disagree,
    split_programs,
)
from gonggo.reading.scope import Scope, evidence
from gonggo.schemas.announcement import (
    Announcement,
    Finding,
    Funding,
    Program,
    Source,
    Track,
    Window,
)
from gonggo.schemas.document import Document
from gonggo.vocab.funding import find_months, generic_label, issuer_payer
from gonggo.vocab.kinds import KIND_KO, KindDecision, decide_kind
from gonggo.vocab.text import norm_key

# field of Program → extractor over the program's scope
FAMILIES: dict[str, Callable[[Scope], Any]] = {
    "tracks": tracks.extract_tracks,
    "awards": awards.extract_awards,
    "subprograms": subprograms.extract_subprograms,
    "related_programs": related.extract_related_programs,
    "windows": windows.extract_windows,
    "submission": submission.extract_submission,
    "eligibility": clauses.extract_eligibility,
    "exclusions": clauses.extract_exclusions,
    "obligations": clauses.extract_obligations,
    "documents": documents.extract_documents,
    "evaluation": evaluation.extract_evaluation,
    "bonus_points": evaluation.extract_bonus_points,
    "costs": costs.extract_costs,
    "contacts": contacts.extract_contacts,
}


# facts a master announcement states once for all its programs: a program that states none
# of its own reads them from the stretches no program owns (`Scope.shared`)
SHARED_FAMILIES = ("windows", "submission", "eligibility", "exclusions", "obligations",
                   "documents", "evaluation", "bonus_points", "costs", "contacts",
                   "related_programs")
# ... and these it reads both from its own text and from the shared stretches (its own
# 담당자 and the file's common help desk)
UNION_FAMILIES = ("contacts",)


def _program_name(doc: Document, scope: Scope, header: Header) -> tuple[str, list]:
    if scope.name_span is not None and scope.name:
        return scope.name, [evidence(doc, *scope.name_span)]
    if scope.section is not None and scope.name:
        title = scope.section.title
        offset = title.find(scope.name)
        start = scope.section.start + max(offset, 0)
        return scope.name, [evidence(doc, start, start + len(scope.name))]
    name, _lo, _hi = program_name_from_title(header.title)
    spans = header.evidence_of.get("title", [])
    # The name lies inside the joined title; find it in the document near the title spans.
    for span in spans:
        i = doc.text.find(name, span.start, span.end)
        if i >= 0:
            return name, [evidence(doc, i, i + len(name))]
    return header.title, spans


def shared_facts(doc: Document, scope: Scope) -> dict[str, Any]:
    """The shared families read over the stretches of `scope.shared` (once per file)."""
    def compute() -> dict[str, Any]:
        parts = [Scope(doc=doc, start=lo, end=hi, announced_on=scope.announced_on)
                 for lo, hi in scope.shared]
        out: dict[str, Any] = {}
        for field in SHARED_FAMILIES:
            values = [FAMILIES[field](part) for part in parts]
            if field == "submission":
                out[field] = next((v for v in values if v != type(v)()), values[0]
                                  if values else None)
            elif field == "windows":
                out[field] = _same_windows_once([x for v in values for x in v])
            else:
                out[field] = [x for v in values for x in v]
        return out
    return doc.memo(("shared_facts", tuple(scope.shared)), compute)


def _same_windows_once(found: list[Window]) -> list[Window]:
    """One window per period: the same period printed in two shared stretches (`○ 접수기간 :
    2026. 1. 26.(월)～2026. 2. 10(화) 오후 3시까지` in the cover, again in the `공고기간 | 전산 등록기간`
    table of the 신청 시 유의사항) is one window with the evidence of both."""
    out: dict[tuple, Window] = {}
    for w in found:
        key = (w.label, w.stage, tuple(w.tracks), w.opens, w.closes, w.rolling,
               w.until_budget_exhausted)
        if key in out:
            out[key].evidence += [e for e in w.evidence if e not in out[key].evidence]
        else:
            out[key] = w
    return list(out.values())


def _terms_key(track: Track) -> tuple:
    return (track.duration_months, track.extension_months,
            tuple(sorted((f.payer, f.cap_krw, f.cap_basis) for f in track.funding if f.cap_krw is not None)))


def _rows_cap_differently(scope: Scope) -> bool:
    """The program's overview rows print different caps (`80 이내` / `35 이내`): one row's cap
    is not the program's."""
    caps = set()
    for block in row_blocks(scope):
        part = Scope(doc=scope.doc, start=block.start, end=block.end,
                     announced_on=scope.announced_on, name=scope.name, own_blocks=[block])
        caps.add(tuple(sorted((f.payer, f.cap_krw) for t in tracks.extract_tracks(part)
                              for f in t.funding if f.cap_krw is not None)))
    return len(caps) > 1


def _row_tracks(scope: Scope) -> list[Track] | None:
    """Each labelled row of a program's overview rows read as a track of its own (`미국` /
    `캐나다` / `스위스`, each with its 1인당 지원금액 and 지원기간); None when the rows have no
    labels or a row holds tiers of its own (`(석사) 43 내외 (박사) 52 내외`)."""
    labelled = row_labels(scope)
    if not labelled:
        return None
    out: list[Track] = []
    for row in labelled:
        part = Scope(doc=scope.doc, start=row.block.start, end=row.block.end,
                     announced_on=scope.announced_on, name=scope.name, own_blocks=[row.block])
        found = tracks.extract_tracks(part)
        if len(found) > 1 or (found and found[0].name is not None):
            return None
        track = found[0] if found else Track(name=None)
        label = evidence(scope.doc, *row.span)
        out.append(track.model_copy(update={"name": row.label, "evidence": [label, *track.evidence]}))
    if not any(f.cap_krw is not None for t in out for f in t.funding):
        # `60 이내 (장기연수 기준)` over every row: the cap of the row labelled with that case
        noted = {(case, payer, krw): (payer_label, span, basis) for row in labelled if row.block.table
                 for case, payer, payer_label, krw, span, basis in tracks.noted_case_caps(row.block.table)}
        for (case, payer, krw), (payer_label, span, basis) in noted.items():
            owners = [t for t in out if t.name and norm_key(case).startswith(norm_key(t.name))]
            if len(owners) == 1 and not any(f.cap_krw == krw for f in owners[0].funding):
                owners[0].funding.append(Funding(payer=payer, payer_label=payer_label, cap_krw=krw,
                                                 cap_basis=basis, evidence=[evidence(scope.doc, *span)]))
    return out


def build_program(doc: Document, scope: Scope, header: Header,
                  outside: list[shares.ShareRow] | None = None) -> Program:
    """`outside`: share rows printed outside every program's section (a master
    announcement's closing 기타 part); they apply to a program that prints none of its own."""
    name, name_evidence = _program_name(doc, scope, header)
    facts = {field: extract(scope) for field, extract in FAMILIES.items()}
    if scope.shared:
        common = shared_facts(doc, scope)
        for field in SHARED_FAMILIES:
            if field in scope.not_shared:
                continue  # `RFP 2-1, 6-1 …의 경우 공고 마감 일자가 상이`: the common deadline is not its
            empty = facts[field] == type(facts[field])()
            if empty and common.get(field) is not None:
                facts[field] = common[field]
            elif field in UNION_FAMILIES:
                facts[field] = facts[field] + [x for x in common[field] if x not in facts[field]]
    if scope.overview_rows > 1 and len(facts["tracks"]) == 1 and facts["tracks"][0].name is None:
        # a program over several rows of a master's overview table (one per 지원대상, 파견국가 …)
        # read as one unnamed track: when the rows state different terms, each row is a track
        # named by the column that tells the rows apart; without one, one row's period or cap
        # is not the program's
        only = facts["tracks"][0]
        rows = _row_tracks(scope)
        if rows is not None and len({_terms_key(t) for t in rows}) > 1:
            facts["tracks"] = rows
        else:
            if _rows_cap_differently(scope):
                only.funding = [f.model_copy(update={"cap_krw": None}) for f in only.funding
                                if f.share_pct is not None]
            if only.duration_months is not None and any(
                    rows_disagree(scope, e.start, e.end) for e in only.evidence
                    if any(m.months == only.duration_months for m in find_months(e.quote))):
                facts["tracks"] = []
    facts["tracks"] = facts["tracks"] or [Track(name=None)]
    shares.attach(doc, facts["tracks"], shares.extract_shares(scope) or outside or [])
    _issuer_pays(facts["tracks"], issuer_payer(header.issuer))
    program = Program(name=name, key=program_key(name), section=scope.section.title
                      if scope.section else None, **facts)
    program.evidence_of["name"] = name_evidence
    if program.awards is not None:
        program.evidence_of["awards"] = list(program.awards.evidence)
    budget = tracks.extract_budget(scope, program.awards)
    if budget is not None:
        program.budget_krw = budget.krw
        program.evidence_of["budget_krw"] = budget.evidence
    return program


def _issuer_pays(tracks_: list[Track], payer: str | None) -> None:
    """Money named by no payer (`지원금`, `지원금액`) is the signer's: a city's call pays the
    local government's, a foundation's its own (vocab.funding.issuer_payer); not in a track that
    already names that payer."""
    if payer is None:
        return
    for track in tracks_:
        if any(f.payer == payer for f in track.funding):
            continue
        for f in track.funding:
            if f.payer == "government" and generic_label(f.payer_label):
                f.payer = payer


def not_an_announcement(doc: Document, decision: KindDecision) -> Finding:
    """The one finding a file that is not a support call gets (no programs, no rule config)."""
    spans = [evidence(doc, decision.start, decision.end)] if decision.end > decision.start else []
    what = f"{decision.rule}" + (f" ('{doc.text[decision.start:decision.end].strip()}')"
                                 if spans else "")
    return Finding(code="not_an_announcement", severity="warning", evidence=spans,
                   message=f"지원사업 공고가 아닙니다({KIND_KO[decision.kind]}: {what}). "
                           "사업·규칙 설정·신구대비표를 만들지 않습니다.")


def extract(doc: Document) -> Announcement:
    header = read_header(doc)
    decision = decide_kind(doc.text)
    if decision.kind != "support_call":
        return Announcement(source=Source(**doc.source.model_dump()), kind=decision.kind,
                            title=header.title, notice_no=header.notice_no, issuer=header.issuer,
                            announced_on=header.announced_on, evidence_of=header.evidence_of,
                            findings=[not_an_announcement(doc, decision)])
    scopes = split_programs(doc, header.announced_on)
    outside = shares.outside_scopes(doc, [(s.start, s.end) for s in scopes])
    programs = [build_program(doc, scope, header, outside) for scope in scopes]
    return record_supports(Announcement(
        source=Source(**doc.source.model_dump()),
        title=header.title,
        notice_no=header.notice_no,
        issuer=header.issuer,
        announced_on=header.announced_on,
        announced_on_precision=header.announced_on_precision,
        programs=programs,
        declared_changes=declared.extract_declared_changes(doc),
        evidence_of=header.evidence_of,
    ))
