"""Year over year on the field corpus: every year pair of ../shared/corpus diffs with the
changes a reader wrote down first (corpus/field/yoy/pairs.json, taken from the twice-read
gold of both editions: the application deadline, the program budget, the award count).

An expectation the diff does not show yet is listed in `missed` (strict xfail naming it): it
starts failing once extraction finds the fact, and must then be taken off the list.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from gonggo.changes.diff import diff
from gonggo.pipeline import parse
from gonggo.schemas.changes import ChangeSet

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PAIRS = json.loads((ROOT / "corpus" / "field" / "yoy" / "pairs.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no field corpus at {CORPUS}")


@cache
def changes(old: str, new: str) -> ChangeSet:
    return diff(parse(CORPUS / old).spec, parse(CORPUS / new).spec)


def _mentions(value: object, expected: object) -> bool:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return str(expected) in text


def _cases() -> list:
    cases = []
    for pair in PAIRS:
        for exp in pair["must_report"]:
            marks = [pytest.mark.xfail(strict=True, reason=f"not reported yet: {exp['what']}")] \
                if exp.get("missed") else []
            name = f"{Path(pair['old']).stem}->{Path(pair['new']).stem}:{exp['what']}"
            cases.append(pytest.param(pair["old"], pair["new"], exp, marks=marks, id=name))
    return cases


@pytest.mark.slow
@pytest.mark.parametrize(("old", "new", "expect"), _cases())
def test_the_diff_reports_what_a_reader_wrote_down(old: str, new: str, expect: dict) -> None:
    cs = changes(old, new)
    hits = [c for c in cs.changes if c.field.split(".")[0] == expect["field"].split(".")[0]
            and _mentions(c.new, expect["new"])]
    assert hits, f"{expect['what']}: no change of {expect['field']} to {expect['new']}"


def test_every_corpus_year_pair_has_written_expectations() -> None:
    manifest = (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    paired = {line.split("\t")[0] for line in manifest[1:] if line.split("\t")[8].strip()}
    covered = {p["old"] for p in PAIRS} | {p["new"] for p in PAIRS}
    assert paired <= covered, sorted(paired - covered)
    assert all(p["must_report"] for p in PAIRS)
