"""The floors of gonggo, bottom up: a module imports only from its own floor or below, and a
fact family never imports another family (the shared reading lives in `gonggo.reading`,
the shared vocabulary in `gonggo.vocab`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "gonggo"

FLOORS: dict[str, int] = {
    "schemas": 0, "vocab": 0,
    "ingest": 1, "atomic": 1,
    "reading": 2,
    "extractors": 3,
    "validate": 4,
    "changes": 5, "export": 5,
    "pipeline": 6, "batch": 6, "eval": 6, "langchain_loader": 6,
    "store": 7,
    "web": 8,
    "cli": 9,
}
# modules of `extractors` that assemble the families (everything else there is a family)
ASSEMBLERS = {"pipeline", "llm", "supports"}
# `schemas` and `vocab` are both ground floor but hold no Document logic: vocab never
# imports schemas and schemas never import vocab.
GROUND_APART = {("vocab", "schemas"), ("schemas", "vocab")}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "gonggo":
                out += [(node.lineno, f"gonggo.{a.name}") for a in node.names]
            elif node.module.startswith("gonggo."):
                out += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith("gonggo.")]
    return out


def _floor_of(parts: list[str]) -> str | None:
    return parts[0] if parts and parts[0] in FLOORS else None


def violations(root: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("").parts
        here = _floor_of(list(rel))
        if here is None:
            continue
        for line, target in _imports(path):
            parts = target.split(".")[1:]
            there = _floor_of(parts)
            if there is None:
                continue
            where = f"{path.relative_to(root.parent)}:{line} imports {target}"
            if FLOORS[there] > FLOORS[here]:
                found.append(f"upward: {where}")
            elif (here, there) in GROUND_APART:
                found.append(f"ground floor mixes: {where}")
            elif here == there == "extractors" and len(rel) > 1 and len(parts) > 1:
                mine, theirs = rel[1], parts[1]
                if mine not in ASSEMBLERS and theirs != mine and theirs not in ASSEMBLERS:
                    found.append(f"sibling family: {where}")
    return found


def test_no_upward_or_sibling_imports() -> None:
    assert violations() == []


@pytest.mark.parametrize(("module", "line", "expect"), [
    ("reading/bad.py", "from gonggo.extractors.tracks import find_shares", "upward"),
    ("extractors/awards2.py", "from gonggo.extractors.windows import extract_windows", "sibling"),
    ("schemas/bad.py", "from gonggo.vocab.money import find_amounts", "ground floor"),
    ("vocab/bad.py", "import gonggo.ingest.hwp", "upward"),
])
def test_the_walker_catches_each_kind(tmp_path: Path, module: str, line: str, expect: str) -> None:
    target = tmp_path / "gonggo" / module
    target.parent.mkdir(parents=True)
    target.write_text(line + "\n", encoding="utf-8")
    (tmp_path / "gonggo" / "extractors").mkdir(exist_ok=True)
    found = violations(tmp_path / "gonggo")
    assert len(found) == 1 and found[0].startswith(expect), found
