"""Tests generated from the phrase corpora next to the rules (Duckling style).

`extractors/corpus/<family>.jsonl` holds real phrases with the value each must resolve to
(negative examples expect null or []); `extractors/<family>.py` exposes `corpus_value`.
Adding a case is one line of data.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "gonggo"
# one corpus per dimension, beside its rules: vocabulary on the ground floor, facts in extractors
CORPORA = {"vocab": ROOT / "vocab" / "corpus", "extractors": ROOT / "extractors" / "corpus"}


def _cases() -> list[tuple[str, int, str, object]]:
    cases = []
    paths = [(floor, p) for floor, folder in CORPORA.items() for p in sorted(folder.glob("*.jsonl"))]
    for floor, path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("//"):
                case = json.loads(line)
                cases.append((f"{floor}.{path.stem}", n, case["text"], case["expect"]))
    return cases


CASES = _cases()


def test_every_family_has_a_corpus_with_negative_examples() -> None:
    families = {family for family, *_ in CASES}
    assert families, "no corpora found"
    for family in families:
        expects = [expect for fam, _, _, expect in CASES if fam == family]
        assert any(e in (None, [], {}, False) for e in expects), f"{family}: no negative example"


@pytest.mark.parametrize(("family", "line", "text", "expect"), CASES,
                         ids=[f"{f}:{n}" for f, n, _, _ in CASES])
def test_corpus_phrase(family: str, line: int, text: str, expect: object) -> None:
    module = importlib.import_module(f"gonggo.{family}")
    assert module.corpus_value(text) == expect, f"{family}.jsonl line {line}: {text!r}"
