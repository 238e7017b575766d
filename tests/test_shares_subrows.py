"""A kind's share split by a condition (corpus/field/GOLD_FIELD.md, shares): the `중견기업` cell
`70%이내` over the sub-rows `평균매출액 등이 3천억 원 미만 | 75% 이내` / `… 이상 | 70% 이내` gives the
kind's row and a row for the sub-row whose share differs; the sub-row repeating the kind's share
is the kind's row already. The same table in three real calls (dev)."""

from __future__ import annotations

import pytest

from gonggo.eval.field import SHARED_CORPUS
from gonggo.pipeline import parse

CALLS = [SHARED_CORPUS / "hwp" / "pipc_privacy_rnd_2025_gonggo.hwp",
         SHARED_CORPUS / "hwp" / "pipc_privacy_rnd_2026_gonggo.hwp",
         SHARED_CORPUS.parent / "samples" / "hwp" / "msit_ict_rnd_2026_1st_gonggo.hwp"]


@pytest.mark.parametrize("path", CALLS, ids=[p.stem for p in CALLS])
def test_a_sub_row_repeating_its_kinds_share_is_no_row(path) -> None:  # type: ignore[no-untyped-def]
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    doc = parse(path)
    for program in doc.spec.programs:
        for track in program.tracks:
            rows = sorted((f.share_pct, "3천억 원 미만" in f.applicant_kinds[0], "3천억 원 이상" in f.applicant_kinds[0])
                          for f in track.funding if f.share_pct is not None and f.applicant_kinds
                          and f.applicant_kinds[0].startswith("중견기업"))
            # (share, under 3천억, over 3천억): the kind's 70, the differing sub-row's 75; no second 70
            assert rows == [(70, False, False), (75, True, False)], (program.name, track.name)
