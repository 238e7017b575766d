"""What an embedder expects of the package: one top-level package `gonggo` (with its data),
described JSON Schemas with `$schema`/`$id`, and no runtime dependency on test or bench tools
(pdfplumber) or on spaCy."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_wheel_installs_exactly_one_top_level_package(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT),
                          "-w", str(tmp_path)], capture_output=True, text=True, timeout=300,
                         check=False)
    if out.returncode != 0 and "Could not find a version" in out.stderr:
        pytest.skip("no package index to fetch the build backend from")
    assert out.returncode == 0, out.stderr[-2000:]
    wheel = next(tmp_path.glob("gonggo-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    dist_info = "-".join(wheel.name.split("-")[:2]) + ".dist-info"
    assert {n.split("/")[0] for n in names} == {"gonggo", dist_info}
    # the PDF reader's C loops (setup.py), built for this platform
    assert any(n.startswith("gonggo/ingest/_pdfscan.") and n.endswith((".so", ".pyd"))
               for n in names), names
    assert "gonggo/py.typed" in names
    assert "gonggo/eval/kordoc_worker.mjs" in names  # the bench's kordoc worker (package data)
    assert any(n.startswith("gonggo/vocab/corpus/") and n.endswith(".jsonl") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "gonggo = gonggo.cli.entry:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_import_gonggo_and_parse_a_seed() -> None:
    code = ("import gonggo, sys; r = gonggo.parse(sys.argv[1]); "
            "print(gonggo.__version__, len(r.spec.programs), r.document.source.format)")
    seed = next((ROOT / "corpus" / "seeds").glob("004_*.txt"))
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True,
                         timeout=120, check=True)
    version, programs, fmt = out.stdout.split()
    assert version.count(".") == 2 and int(programs) == 1 and fmt == "txt"


def test_version_option() -> None:
    out = subprocess.run([sys.executable, "-m", "gonggo", "--version"], capture_output=True,
                         text=True, timeout=60, check=True)
    assert out.stdout.startswith("gonggo ")


from gonggo.schemas.announcement import json_schema as contract_schema
from gonggo.schemas.descriptions import undescribed
from gonggo.schemas.rule_config import json_schema as config_schema


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
