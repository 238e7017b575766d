"""One installable package: the wheel holds `gonggo` (with its data) and nothing else."""

from __future__ import annotations

import subprocess
import sys
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
    assert {n.split("/")[0] for n in names} == {"gonggo", wheel.name.split("-py")[0] + ".dist-info"}
    assert "gonggo/py.typed" in names
    assert any(n.startswith("gonggo/vocab/corpus/") and n.endswith(".jsonl") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "gonggo = gonggo.cli.main:app" in zipfile.ZipFile(wheel).read(entry_points).decode()


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
