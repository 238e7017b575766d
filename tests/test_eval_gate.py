"""The regression gate: extraction scores on the gold corpus never fall below the baseline.

The baseline (`eval/baseline.json`) is committed; raise it with `gonggo eval
--update-baseline` when a change improves a field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gonggo.eval.run import BASELINE, EvalResult, evaluate, regressions, write_baseline
from gonggo.eval.score import Counts, DocumentScore

from .conftest import ROOT


@pytest.fixture(scope="module")
def result() -> EvalResult:
    return evaluate(ROOT / "corpus")


def test_no_field_falls_below_the_baseline(result: EvalResult) -> None:
    assert BASELINE.exists(), "eval/baseline.json is missing: run `gonggo eval --update-baseline`"
    assert regressions(result) == []


def test_baseline_covers_every_scored_field(result: EvalResult) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["f1"]
    assert set(result.f1_by_field()) <= set(baseline)


def test_every_evidence_span_is_grounded(result: EvalResult) -> None:
    grounded, total = result.grounded()
    assert total > 0
    assert grounded == total


def test_gold_documents_are_all_scored(result: EvalResult) -> None:
    gold = sorted((ROOT / "corpus" / "gold").glob("*.json"))
    assert len(result.documents) == len(gold) >= 4


def _result(tp: int, fp: int, fn: int) -> EvalResult:
    score = DocumentScore(name="x")
    score.fields["caps"] = Counts(tp=tp, fp=fp, fn=fn)
    return EvalResult([score])


def test_a_lower_field_fails_with_its_name(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    write_baseline(_result(9, 0, 1), baseline)
    assert regressions(_result(9, 0, 1), baseline) == []
    assert regressions(_result(10, 0, 0), baseline) == []
    messages = regressions(_result(8, 0, 2), baseline)
    assert len(messages) == 1
    assert messages[0].startswith("caps: F1")
