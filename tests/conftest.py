from __future__ import annotations

from pathlib import Path

import pytest

from gonggo.reading.scope import Scope
from gonggo.schemas.document import Document

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


@pytest.fixture(scope="session")
def seeds() -> dict[str, tuple[Document, list[Scope]]]:
    """Each seed's document and its program scopes, read once per test session."""
    from gonggo.ingest import read_document
    from gonggo.reading.programs import split_programs

    out = {}
    for prefix in ("000", "001", "002", "004"):
        doc = read_document(seed_path(prefix))
        out[prefix] = (doc, split_programs(doc, None))
    return out


from .store_support import db_url  # noqa: F401  (store tests: SQLite and PostgreSQL)
