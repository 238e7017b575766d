"""Shared by the store tests: the corpus subset, and a fresh store on each backend."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("GONGGO_CORPUS", ROOT.parent / "shared" / "corpus"))
# four small files: a renamed program's two editions (산업혁신인재성장지원: 협의회 2025 →
# 양성 2026), and two unrelated announcements
SUBSET = ["hwpx/motie_industry_talent_hrd_council_2025_gonggo.hwpx",
          "hwpx/motie_industry_talent_training_2026_gonggo.hwpx",
          "hwp/ulju_culture_delivery_2025_gonggo.hwp", "hwp/mois_regional_disaster_rnd_2025_gonggo.hwp"]

needs_corpus = pytest.mark.skipif(
    not all((CORPUS / f).exists() for f in SUBSET),
    reason=f"{CORPUS} (../shared/corpus) is not beside this checkout; set GONGGO_CORPUS")


def fresh_url(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = os.environ.get("GONGGO_TEST_PG_URL")
    if not url:
        pytest.skip("GONGGO_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
    from sqlalchemy import create_engine, text

    from gonggo.store.db import normalize_url

    engine = create_engine(normalize_url(url))
    with engine.begin() as conn:  # an empty database for each test
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_url(request.param, tmp_path)
