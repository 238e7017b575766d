"""The phrase-level field check (gonggo.eval.phrases): every distinct 신청기간 and 지원내용 string of
a real listing cache has a label in the family corpora and is read to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gonggo.eval import phrases


def test_a_labelled_phrase_passes_and_a_new_one_is_listed_unlabelled() -> None:
    cache = {"a": {"period": "2026.02.26(목) 16:00 ~ 2026.03.11(수) 18:00 까지"},
             "b": {"period": "2026.02.26(목) 16:00 ~ 2026.03.12(목) 18:00 까지"},
             "c": {"content": "선정팀당 최대 2,500만원 지원"}}
    report = phrases.check(cache)
    assert report.unlabelled == [("extractors/corpus/windows.jsonl", cache["b"]["period"])]
    assert report.misread == []
    assert report.checked == 2 + 3  # two periods by one reader, one snippet by three


def test_a_misread_phrase_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "2026.02.26(목) 16:00 ~ 2026.03.11(수) 18:00 까지"
    real = phrases.labels

    def wrong(corpus: str) -> dict[str, object]:
        out = real(corpus)
        out[text] = []  # as if the label said: no window
        return out

    monkeypatch.setattr(phrases, "labels", wrong)
    report = phrases.check({"a": {"period": text}})
    assert [m[1] for m in report.misread] == [text]
    assert not report.ok


def test_an_unreadable_cache_is_one_line_and_exit_2(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "cache.json"
    bad.write_text("{not json", encoding="utf-8")
    assert phrases.main([str(bad), str(bad)]) == 2
    assert phrases.main([str(tmp_path / "missing.json"), str(bad)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 4  # one line per file


@pytest.mark.skipif(not phrases.DEFAULT_CACHE.exists(), reason="the listing cache in "
                    "../shared/samples/text is not beside this checkout")
def test_every_phrase_of_the_real_cache_is_labelled_and_read_as_labelled() -> None:
    cache = json.loads(phrases.DEFAULT_CACHE.read_text(encoding="utf-8"))
    report = phrases.check(cache)
    assert report.checked > 200
    assert report.unlabelled == []
    assert report.misread == []


def _listing(*titles: str) -> dict[str, object]:
    return {"sources": {"bizinfo": {"items": [{"title": t} for t in titles]}}}


def test_titles_give_no_window_unless_labelled() -> None:
    labelled = "2026년 크리에이터미디어 콤플렉스 상반기 입주 모집공고(~3/30, 16:00)"
    report = phrases.check_titles(_listing(
        labelled, "2026년도 제2차 전통시장 및 상점가 활성화 지원사업 공고(전국우수시장박람회)"))
    assert report.ok and report.checked == 2
    unlabelled = "테스트 지원사업 모집공고(~4/30, 18:00)"  # a period no corpus line states
    report = phrases.check_titles(_listing(unlabelled))
    assert [m[1] for m in report.misread] == [unlabelled]


@pytest.mark.skipif(not phrases.DEFAULT_LIST.exists(), reason="the day's listing in "
                    "../shared/samples/text is not beside this checkout")
def test_every_title_of_the_real_listing_is_read_as_labelled() -> None:
    listing = json.loads(phrases.DEFAULT_LIST.read_text(encoding="utf-8"))
    report = phrases.check_titles(listing)
    assert report.checked > 150
    assert report.misread == []
