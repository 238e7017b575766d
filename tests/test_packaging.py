"""What an embedder expects of the package: described JSON Schemas with `$schema`/`$id`, and no
runtime dependency on test or bench tools (pdfplumber) or on spaCy."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from gonggo.schemas.announcement import json_schema as contract_schema
from gonggo.schemas.descriptions import undescribed
from gonggo.schemas.rule_config import json_schema as config_schema

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("schema", [contract_schema, config_schema], ids=["contract", "config"])
def test_every_property_has_a_description(schema) -> None:  # type: ignore[no-untyped-def]
    published = schema()
    assert published["$schema"].startswith("https://json-schema.org/")
    assert published["$id"].startswith("urn:gonggo:")
    assert undescribed(published) == []
    n = len(published["properties"]) + sum(len(d.get("properties", {}))
                                           for d in published["$defs"].values())
    assert n > 60


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_runtime_import_of_pdfplumber_or_spacy() -> None:
    offenders = []
    for path in sorted((ROOT / "gonggo").rglob("*.py")):
        names = _imported(path)
        rel = path.relative_to(ROOT).as_posix()
        if "spacy" in names or ("pdfplumber" in names and rel != "gonggo/eval/bench.py"):
            offenders.append(rel)
    assert offenders == []


def test_install_requires_neither() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"]).lower()
    assert "pdfplumber" not in runtime and "spacy" not in runtime
    extras = project["optional-dependencies"]
    assert any("pdfplumber" in d for d in extras["dev"])
    assert any("pdfplumber" in d for d in extras["bench"])
    assert {"jinja2", "openpyxl", "python-docx"} <= {d.split(">")[0].split("=")[0]
                                                      for d in project["dependencies"]}
