"""Shared helpers of the metamorphic-variant tests: a text's facts as the pipeline reads them,
and a seed's text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from gonggo.eval.variants import compare_facts, facts
from gonggo.pipeline import Result, parse

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


def parsed_facts(text: str, tmp: Path, name: str = "doc.txt") -> object:
    """The facts `gonggo.eval.variants` compares, of `text` parsed as the file `tmp/name`."""
    return facts(parse_text(text, tmp, name).spec.model_dump(mode="json"))


@cache
def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def lost_gained(old: str, new: str, tmp: Path, name: str = "doc.txt") -> tuple[object, object]:
    """The facts lost and gained from `old` to `new` (its rewrite), both parsed as `name`."""
    return compare_facts(parsed_facts(old, tmp / "a", name),  # type: ignore[arg-type]
                         parsed_facts(new, tmp / "b", name))  # type: ignore[arg-type]


def parse_text(text: str, tmp: Path, name: str = "doc.txt") -> Result:
    """`text` parsed as the file `tmp/name` (document, spec and findings)."""
    tmp.mkdir(exist_ok=True)
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return parse(path)
