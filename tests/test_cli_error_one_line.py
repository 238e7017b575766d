"""A failed file in a batch command is ONE line on stderr, however long its path and message
(rich wrapped it at 80 columns when stderr is not a terminal)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [["extract"], ["check"]])
def test_a_long_error_is_one_line(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / ("아주_긴_폴더_이름_" * 6)
    folder.mkdir()
    bad = folder / "공고문_변환_오류_파일_이름이_매우_긴_경우.hwp"
    bad.write_bytes("\ufffd\ufffd not an OLE file".encode())
    args = [sys.executable, "-m", "gonggo", *command, str(bad)]
    if command == ["extract"]:
        args += ["--out", str(tmp_path / "out")]
    run = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode != 0
    lines = [line for line in run.stderr.splitlines() if line.strip() and "━" not in line]
    errors = [line for line in lines if line.startswith("gonggo: ")]
    assert len(errors) == 1, run.stderr
    assert str(bad) in errors[0] and errors[0].endswith("(text or HTML)")
    assert "Traceback" not in run.stderr
