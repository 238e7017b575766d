"""Window stages read from labels (gonggo.extractors.windows): approval rows, evaluation lines."""

from __future__ import annotations

import pytest

from gonggo.extractors.windows import EVALUATION_LABEL, _approval_cell, _period_cell, _stage


@pytest.mark.parametrize(("text", "expect"), [
    ("주관연구기관 검토·승인 기간", True),
    ("주관연구개발기관 검토·승인 기간**", True),
    ("주관연구기관 검토/승인 기간", True),
    ("연구책임자 신청 기간", False),
    ("주관연구기관 승인", False),  # no period named
])
def test_approval_cell(text: str, expect: bool) -> None:
    assert _approval_cell(text) is expect


def test_period_cell_ignores_notes_in_parentheses() -> None:
    assert _period_cell("연구책임자\n과제신청기간(전산입력)*")
    assert not _period_cell("사업 공고 기간")


def test_stage_of_label() -> None:
    assert _stage("주관연구기관 검토·승인 기간") == "institution_approval"
    assert _stage("접수 기간") == "application"


@pytest.mark.parametrize(("line", "label"), [
    (" ○ 대면평가(발표평가) : 2025. 2. 27.(목) ~ 28.(금) 예정", "대면평가(발표평가)"),
    ("⦁심사기간: 2026. 3. 3.(화) ~ 3. 10.(화)", "심사기간"),
    ("⦁심사일정: 2026. 3. 13.(금) 예정", "심사일정"),
    ("○ 평가방법 : 심사기준에 따라 절대평가하여 수상팀 공지", None),
    ("○ 평가결과 발표 : 3. 18.(수)", None),
    ("○ 결과발표 : 12.1.(금)", None),
    # one round of several (pipc_privacy_rnd_2026 prints both with a month only: no window)
    ("○ (1차) 서류심사(서면평가) : 2026. 2월 예정", "(1차) 서류심사(서면평가)"),
    ("○ (2차) 대면평가(발표평가) : 2026. 2 ~ 3월 예정", "(2차) 대면평가(발표평가)"),
    ("- 2차 발표평가: 2025. 4. 8.(화)", "2차 발표평가"),
    ("○ 2차 접수 : 2025. 4. 1.(화) ~ 4. 30.(수)", None),  # a round of the applications
    ("ㅇ 선정평가 및 선정결과 공고 : ’26. 2월 말", None),  # knpa_policelab_rnd_2026
])
def test_evaluation_label(line: str, label: str | None) -> None:
    m = EVALUATION_LABEL.match(line)
    assert (m["label"].strip() if m else None) == label


SCHEDULE = ("중소벤처기업부 공고 제2025-10호\n2025년 스마트공장 지원사업 공고\n□ 지원내용\n○ 기업당 최대 5천만원\n"
            "□ 신청기간 : 2025. 3. 4.(화) ~ 3. 20.(목) 18:00까지\n□ 평가 일정\n{lines}□ 제출서류\n- 사업계획서 1부\n")


@pytest.mark.parametrize(("lines", "want"), [
    # each round of the evaluation printed with its days is an evaluation window
    ("○ (1차) 서면평가 : 2025. 3. 25.(화) ~ 3. 28.(금)\n○ (2차) 발표평가 : 2025. 4. 8.(화) 예정\n",
     [("evaluation", "2025-03-25", "2025-03-28"), ("evaluation", "2025-04-08", "2025-04-08")]),
    ("○ 1차 서면평가 : 2025. 3. 25.(화) ~ 3. 28.(금)\n", [("evaluation", "2025-03-25", "2025-03-28")]),
    # a month is no window; a result announcement none either
    (("○ (1차) 서류심사(서면평가) : 2025. 3월 예정\n○ (2차) 대면평가(발표평가) : 2025. 3 ~ 4월 예정\n"
      "○ 선정결과 발표 : 2025. 4. 15.(화), 누리집 게시\n"), []),
])
def test_evaluation_rounds_in_a_scope(lines: str, want: list[tuple[str, str, str]], tmp_path) -> None:
    from gonggo.pipeline import parse

    path = tmp_path / "doc.txt"
    path.write_text(SCHEDULE.format(lines=lines), encoding="utf-8")
    (program,) = parse(path).spec.programs
    got = [(w.stage, str(w.opens)[:10], str(w.closes)[:10]) for w in program.windows]
    assert got == [("application", "2025-03-04", "2025-03-20"), *want]


ROUNDS = ("중소벤처기업부 공고 제2025-10호\n2025년 스마트공장 지원사업 공고\n□ 지원내용\n○ 기업당 최대 5천만원\n"
          "□ 접수기간\n{rows}□ 제출서류\n- 사업계획서 1부\n")


@pytest.mark.parametrize(("rows", "want"), [
    # rounds of the applications (seed 002 prints `1차 | 2021. 1. 22 ~ …`), then a row of another
    # step: its own stage, never an application round; a result announcement is no window
    (("1차\t2025. 3. 4.(화) ~ 3. 20.(목)\n2차\t2025. 5. 7.(수) ~ 5. 30.(금)\n평가\t2025. 6. 2.(월) ~ 6. 5.(목)\n"
      "결과발표\t2025. 6. 20.(금)\n"),
     [("application", "2025-03-04", "2025-03-20"), ("application", "2025-05-07", "2025-05-30"),
      ("evaluation", "2025-06-02", "2025-06-05")]),
    ("1차\t2025. 3. 4.(화) ~ 3. 20.(목)\n2차\t2025. 5. 7.(수) ~ 5. 30.(금)\n",
     [("application", "2025-03-04", "2025-03-20"), ("application", "2025-05-07", "2025-05-30")]),
    # a period-word row, then the steps after it with their days
    (("구분\t일정\n신청·접수\t2025. 3. 4.(화) ~ 3. 20.(목)\n서면평가\t2025. 3. 25.(화) ~ 3. 28.(금)\n"
      "협약체결\t2025. 4. 15.(화) ~ 4. 30.(수)\n결과발표\t2025. 4. 10.(목)\n"),
     [("application", "2025-03-04", "2025-03-20"), ("evaluation", "2025-03-25", "2025-03-28"),
      ("agreement", "2025-04-15", "2025-04-30")]),
])
def test_rows_of_a_period_table_by_their_step(rows: str, want: list[tuple[str, str, str]], tmp_path) -> None:
    from gonggo.pipeline import parse

    path = tmp_path / "doc.txt"
    path.write_text(ROUNDS.format(rows=rows), encoding="utf-8")
    (program,) = parse(path).spec.programs
    assert [(w.stage, str(w.opens)[:10], str(w.closes)[:10]) for w in program.windows] == want
