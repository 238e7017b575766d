"""The CLI edge: one line on stderr and a non-zero exit for bad input, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, seed_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gonggo", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False)


def test_ingest_prints_normalized_text() -> None:
    result = run("ingest", str(seed_path("004")))
    assert result.returncode == 0, result.stderr
    assert "중소벤처기업부 공고 제2023-330호" in result.stdout


def test_ingest_json_is_the_document_model() -> None:
    result = run("ingest", str(seed_path("000")), "--json")
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    assert doc["source"]["format"] == "txt" and doc["blocks"] and doc["sections"]


def test_bad_files_get_one_line_and_nonzero_exit(tmp_path: Path) -> None:
    cases = {
        "missing.pdf": None,
        "empty.hwp": b"",
        "drm.hwp": b"<MARKANY_DOCUMENTSAFER>\x00\x01binary",
        "hwp3.hwp": b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05",
        "word.hwpx": b"PK\x03\x04broken zip",
    }
    for name, data in cases.items():
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        result = run("ingest", str(path))
        assert result.returncode != 0, name
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert name in lines[0]


def test_schema_command_publishes_the_contract() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "programs" in schema["properties"]


def test_eval_without_gold_is_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run("eval", "--corpus", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "no gold documents" in result.stderr
