from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
SEEDS = ROOT / "corpus" / "seeds"

needs_samples = pytest.mark.skipif(
    not (SAMPLES / "MANIFEST.tsv").exists(),
    reason="../shared/samples is not beside this checkout (CI always has it)",
)


def seed_path(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}*"))
    assert matches, f"no seed {prefix} in {SEEDS}"
    return matches[0]
