"""LLM assist with LangChain's fake chat models: grounded values kept, the rest dropped."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from typing import Any

import pytest

pytest.importorskip("langchain_core")

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, BaseMessage
from pydantic import Field

from gonggo.extractors import llm
from gonggo.extractors.pipeline import extract
from gonggo.ingest import read_document
from gonggo.schemas.announcement import Announcement
from gonggo.schemas.document import Document

from .conftest import ROOT, seed_path

ABSENT = "대표자가 신용불량자로 등록된 기업"  # a plausible exclusion 004 does not print


class ToolFake(FakeMessagesListChatModel):
    """A fake chat model that accepts tools (LangChain's fakes do not) and records calls."""

    bound: list[str] = Field(default_factory=list)
    seen: list[list[BaseMessage]] = Field(default_factory=list)

    def bind_tools(self, tools: Any, **kwargs: Any) -> ToolFake:  # type: ignore[override]
        self.bound.extend(t.__name__ for t in tools)
        return self

    def _generate(self, messages: Any, stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> Any:
        self.seen.append(list(messages))
        return super()._generate(messages, stop, run_manager, **kwargs)


class RaisingFake(ToolFake):
    def _generate(self, messages: Any, stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> Any:
        raise RuntimeError("provider timed out")


class EchoFake(ToolFake):
    """Answers every field with one value quoted from the excerpt and one invented value."""

    responses: list[BaseMessage] = Field(default_factory=list)

    def _generate(self, messages: Any, stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> Any:
        from langchain_core.outputs import ChatGeneration, ChatResult

        self.seen.append(list(messages))
        line = next(x.strip() for x in str(messages[-1].content).splitlines() if x.strip())
        grounded = {"text": line, "item": line, "name": line, "org": line, "count": 1,
                    "quote": line}
        invented = {**grounded, "quote": ABSENT}
        call = {"name": self.bound[-1], "args": {"items": [grounded, invented]}, "id": "c1"}
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content="",
                                                                        tool_calls=[call]))])


def tool_answer(field: str, items: Any) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": f"extract_{field}",
                                              "args": {"items": items}, "id": "call_1"}])


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_document(seed_path("004"))


@pytest.fixture(scope="module")
def spec(doc: Document) -> Announcement:
    return extract(doc)


def cleared(spec: Announcement, *fields: str) -> Announcement:
    """`spec` with the given fields of its program emptied (as if the rules found nothing)."""
    [program] = spec.programs
    empty = {f: None if f == "awards" else [] for f in fields}
    return spec.model_copy(update={"programs": [program.model_copy(update=empty)]})


def section_span(doc: Document, title: str) -> tuple[int, int]:
    [s] = [s for s in doc.sections if s.title == title]
    return s.start, s.end


# --- grounding ----------------------------------------------------------------------------


def test_grounded_value_is_kept_with_exact_offsets(doc: Document, spec: Announcement) -> None:
    quote = "국세 및 지방세 체납 중인 기업"
    model = ToolFake(responses=[tool_answer("exclusions", [
        {"text": quote, "kind": "tax", "quote": quote}])])
    report = llm.assist(doc, cleared(spec, "exclusions"), model, fields=["exclusions"])
    [clause] = report.spec.programs[0].exclusions
    [ev] = clause.evidence
    assert (clause.text, clause.kind, clause.source) == (quote, "tax", "llm")
    assert ev.start == doc.text.index(quote)
    assert doc.text[ev.start:ev.end] == ev.quote == quote
    assert report.fields["exclusions"].added == 1
    assert report.fields["exclusions"].dropped == 0


def test_value_whose_quote_is_not_in_the_text_is_dropped(doc: Document,
                                                         spec: Announcement) -> None:
    assert ABSENT not in doc.text
    kept = "휴·폐업중인 기업"
    model = ToolFake(responses=[tool_answer("exclusions", [
        {"text": ABSENT, "kind": "sanction", "quote": ABSENT},
        {"text": kept, "kind": "status", "quote": kept}])])
    report = llm.assist(doc, cleared(spec, "exclusions"), model, fields=["exclusions"])
    assert [c.text for c in report.spec.programs[0].exclusions] == [kept]
    tally = report.fields["exclusions"]
    assert (tally.added, tally.ungrounded, tally.dropped) == (1, 1, 1)


def test_quote_from_outside_the_excerpt_is_not_grounded(doc: Document,
                                                        spec: Announcement) -> None:
    # The passage is in the document, but in 사업목적, not in the sections that were sent.
    elsewhere = "부품교체, 소프트웨어 업그레이드"
    assert elsewhere in doc.text
    model = ToolFake(responses=[tool_answer("exclusions", [
        {"text": elsewhere, "quote": elsewhere}])])
    report = llm.assist(doc, cleared(spec, "exclusions"), model, fields=["exclusions"])
    assert report.spec.programs[0].exclusions == []
    assert report.fields["exclusions"].ungrounded == 1


def test_ground_maps_normalised_white_space_back_to_exact_offsets() -> None:
    text = "□ 신청기간\n◦ 2023년 5월  31일(수)\n\n~ 6월 22일(목) 까지"
    spans = [(0, len(text))]
    start, end = llm.ground(text, spans, "5월 31일(수) ~ 6월 22일(목)")  # type: ignore[misc]
    assert text[start:end] == "5월  31일(수)\n\n~ 6월 22일(목)"
    start, end = llm.ground(text, spans, "5월31일(수)~6월22일")  # type: ignore[misc]
    assert text[start:end] == "5월  31일(수)\n\n~ 6월 22일"
    assert llm.ground(text, spans, "5월 31일(목)") is None
    assert llm.ground(text, [(0, 6)], "6월 22일") is None  # outside the spans searched
    assert llm.ground(text, spans, " 5 ") is None  # too short to point at anything


def test_whitespace_normalised_quote_in_a_seed_is_mapped_back(doc: Document,
                                                              spec: Announcement) -> None:
    printed = "지원받고자 하는 경우\n2023년 3월 27일(월) 부터"
    assert printed in doc.text
    model = ToolFake(responses=[tool_answer("windows", [
        {"label": "긴급AS", "opens": "2023-03-27", "rolling": True,
         "quote": "지원받고자 하는 경우 2023년 3월 27일(월) 부터"}])])
    report = llm.assist(doc, cleared(spec, "windows"), model, fields=["windows"])
    [window] = report.spec.programs[0].windows
    [ev] = window.evidence
    assert doc.text[ev.start:ev.end] == ev.quote == printed
    assert ev.start == doc.text.index(printed)
    assert window.opens.isoformat() == "2023-03-27" and window.source == "llm"


def test_scalar_field_takes_the_first_grounded_value(doc: Document, spec: Announcement) -> None:
    model = ToolFake(responses=[tool_answer("awards", [
        {"count": 120, "quote": "120개사 내외"},  # not printed: dropped
        {"count": 90, "approx": True, "unit": "개사", "quote": "90개사 내외"},
        {"count": 1, "quote": "1개 유형만 신청"},  # a second value for a scalar: ignored
    ])])
    report = llm.assist(doc, cleared(spec, "awards"), model, fields=["awards"])
    program = report.spec.programs[0]
    assert program.awards is not None
    assert (program.awards.count, program.awards.approx, program.awards.source) == (90, True, "llm")
    assert program.evidence_of["awards"] == program.awards.evidence
    assert program.awards.evidence[0].quote == "90개사 내외"
    assert (report.fields["awards"].added, report.fields["awards"].ungrounded) == (1, 1)


def test_value_failing_contract_validation_is_dropped(doc: Document,
                                                      spec: Announcement) -> None:
    model = ToolFake(responses=[tool_answer("windows", [
        {"opens": "3월 말경", "quote": "2023년 5월 31일(수)"},  # not a date
        {"opens": "2023-05-31", "closes": "2023-06-22", "label": "2차",
         "quote": "2023년 5월 31일(수) ~ 6월 22일(목)"},
        "2023-05-31",  # not an object
    ])])
    report = llm.assist(doc, cleared(spec, "windows"), model, fields=["windows"])
    assert [(w.label, str(w.opens)) for w in report.spec.programs[0].windows] == [
        ("2차", "2023-05-31")]
    assert (report.fields["windows"].invalid, report.fields["windows"].added) == (2, 1)


# --- malformed output -----------------------------------------------------------------------


@pytest.mark.parametrize("message", [
    AIMessage(content="죄송합니다. 제외 대상을 찾지 못했습니다."),
    AIMessage(content='{"items": [{"text": "휴·폐업중인 기업"'),
    AIMessage(content='{"clauses": []}'),
    AIMessage(content="", tool_calls=[{"name": "extract_exclusions", "args": {"items": "없음"},
                                       "id": "c1"}]),
    AIMessage(content="", invalid_tool_calls=[{"name": "extract_exclusions", "args": "{items:",
                                               "id": "c1", "error": "bad json"}]),
], ids=["prose", "truncated-json", "wrong-shape", "items-not-a-list", "invalid-tool-call"])
def test_malformed_output_is_counted_not_raised(doc: Document, spec: Announcement,
                                                message: AIMessage) -> None:
    before = cleared(spec, "exclusions")
    report = llm.assist(doc, before, ToolFake(responses=[message]), fields=["exclusions"])
    assert report.spec.programs[0].exclusions == []
    assert report.fields["exclusions"].malformed == 1
    assert report.fields["exclusions"].added == 0


def test_model_exception_is_counted_not_raised(doc: Document, spec: Announcement) -> None:
    report = llm.assist(doc, cleared(spec, "exclusions", "contacts"),
                        RaisingFake(responses=[AIMessage(content="")]),
                        fields=["exclusions", "contacts"])
    assert report.fields["exclusions"].errors == report.fields["contacts"].errors == 1
    assert report.spec.programs[0].exclusions == []


def test_model_without_tools_answers_in_json(doc: Document, spec: Announcement) -> None:
    model = FakeMessagesListChatModel(responses=[AIMessage(
        content='```json\n{"items": [{"text": "휴·폐업중인 기업", "quote": "휴·폐업중인 기업"}]}\n```')])
    report = llm.assist(doc, cleared(spec, "exclusions"), model, fields=["exclusions"])
    assert [c.text for c in report.spec.programs[0].exclusions] == ["휴·폐업중인 기업"]


# --- what is asked, over what -------------------------------------------------------------


def test_only_empty_fields_are_asked(doc: Document, spec: Announcement) -> None:
    program = spec.programs[0]
    assert program.windows and program.documents  # the rules found these in 004
    model = ToolFake(responses=[tool_answer("exclusions", [])])
    report = llm.assist(doc, cleared(spec, "exclusions"), model,
                        fields=["windows", "exclusions", "documents"])
    assert model.bound == ["extract_exclusions"]
    assert [a.field for a in report.asks] == ["exclusions"]
    assert report.spec.programs[0].windows == program.windows


def test_every_empty_field_and_no_filled_one_is_asked(doc: Document, spec: Announcement) -> None:
    before = cleared(spec, "exclusions", "contacts")
    model = ToolFake(responses=[AIMessage(content='{"items": []}')])
    report = llm.assist(doc, before, model)
    asked = {a.field for a in report.asks}
    assert {"exclusions", "contacts"} <= asked
    assert all(llm.is_empty(before.programs[0], f) for f in asked)
    assert sorted(model.bound) == sorted(f"extract_{f}" for f in asked)


def test_chunk_sent_is_the_relevant_section(doc: Document, spec: Announcement) -> None:
    model = ToolFake(responses=[tool_answer("exclusions", [])])
    report = llm.assist(doc, cleared(spec, "exclusions", "contacts"), model,
                        fields=["exclusions", "contacts"])
    sent = [str(m[-1].content) for m in model.seen]
    lo, hi = section_span(doc, "5. 지원제외 대상 및 유의사항")
    exclusions = next(a for a in report.asks if a.field == "exclusions")
    assert any(a <= lo and hi <= b for a, b in exclusions.spans)
    assert "◦ 국세 및 지방세 체납 중인 기업" in sent[0]
    assert "스마트공장 활용도 제고" not in sent[0]  # 사업목적 is not sent
    assert len(sent[0]) < len(doc.text) / 3
    contacts = next(a for a in report.asks if a.field == "contacts")
    assert contacts.spans == [section_span(doc, "6. 지역별 문의처")]
    assert sent[1] == doc.text[slice(*contacts.spans[0])].strip()


def test_chunk_is_capped(doc: Document, spec: Announcement) -> None:
    model = ToolFake(responses=[tool_answer("exclusions", [])])
    report = llm.assist(doc, cleared(spec, "exclusions"), model, fields=["exclusions"],
                        max_chars=120)
    assert sum(b - a for a, b in report.asks[0].spans) <= 120
    assert len(str(model.seen[0][-1].content)) <= 120


def test_field_without_a_matching_heading_is_not_asked(doc: Document, spec: Announcement) -> None:
    assert "가점" not in doc.text  # 004 has no bonus points
    model = ToolFake(responses=[tool_answer("bonus_points", [])])
    report = llm.assist(doc, cleared(spec, "bonus_points"), model, fields=["bonus_points"])
    assert model.seen == []
    assert report.fields["bonus_points"].no_section == 1


def test_master_announcement_chunks_stay_in_their_program() -> None:
    doc = read_document(seed_path("002"))
    spec = extract(doc)
    model = ToolFake(responses=[AIMessage(content='{"items": []}')])
    report = llm.assist(doc, spec, model, fields=["awards", "costs", "obligations"])
    scopes = dict(zip([p.name for p in spec.programs], llm.program_spans(doc, spec),
                      strict=True))

    def own_or_shared(program: str, start: int, end: int) -> bool:
        lo, hi = scopes[program]
        return (lo <= start and end <= hi) or not any(
            a < end and start < b for a, b in scopes.values())  # shared by all programs

    assert len({a.program for a in report.asks}) >= 5
    for ask in report.asks:
        assert all(own_or_shared(ask.program, s, e) for s, e in ask.spans), ask


# --- default path, provider factory, eval ----------------------------------------------------


def test_default_path_never_imports_langchain() -> None:
    code = (
        "import sys\n"
        "from gonggo.cli.main import app\n"
        "from gonggo.cli.commands import process\n"
        "import gonggo.extractors.llm, gonggo.eval.run\n"
        f"ann = process(__import__('pathlib').Path({str(seed_path('004'))!r}))\n"
        "assert ann.programs\n"
        "print(sorted(m for m in sys.modules if m.startswith(('langchain', 'openai', "
        "'anthropic'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_load_chat_model_explains_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(llm.LLMUnavailable, match="PROVIDER:MODEL"):
        llm.load_chat_model("gpt-4o")
    monkeypatch.setitem(sys.modules, "langchain", None)
    monkeypatch.setitem(sys.modules, "langchain.chat_models", None)
    with pytest.raises(llm.LLMUnavailable, match="install langchain and the provider package"):
        llm.load_chat_model("openai:gpt-4o-mini")


def test_cli_llm_option_fails_in_one_line_without_langchain() -> None:
    code = ("import sys; sys.modules['langchain'] = None\n"
            "from gonggo.cli.main import app\n"
            f"app(['extract', '--llm', 'openai:gpt-4o-mini', {str(seed_path('004'))!r}])\n")
    out = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        ("gonggo: --llm openai:gpt-4o-mini: install langchain and the provider package "
         "(pip install langchain langchain-openai)")]


def test_eval_reports_added_and_dropped_per_field(tmp_path: Any) -> None:
    from gonggo.eval.run import evaluate, markdown_report

    seed = seed_path("004")
    (tmp_path / "gold").mkdir()
    (tmp_path / "seeds").mkdir()
    shutil.copy(seed, tmp_path / "seeds" / seed.name)
    gold = json.loads((ROOT / "corpus" / "gold" / f"{seed.stem}.json").read_text("utf-8"))
    (tmp_path / "gold" / f"{seed.stem}.json").write_text(json.dumps(gold), "utf-8")

    model = EchoFake()
    result = evaluate(tmp_path, llm=model)
    assert result.assist, "the assist asked for nothing"
    assert sum(t.asked for t in result.assist.values()) == len(model.seen) >= 1
    for name, tally in result.assist.items():
        assert (tally.added, tally.ungrounded) == (tally.asked, tally.asked), name
    report = markdown_report(result)
    assert "## LLM assist" in report
    for name, t in result.assist.items():
        assert f"| {name} | {t.asked} | {t.added} | {t.dropped} |" in report


# --- the eval harness with the assist on ------------------------------------------------------


def test_eval_reports_what_the_assist_added_and_dropped_per_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gonggo.eval.run import evaluate, markdown_report

    corpus = tmp_path / "corpus"
    (corpus / "gold").mkdir(parents=True)
    (corpus / "seeds").mkdir()
    gold = next((ROOT / "corpus" / "gold").glob("004_*.json"))
    shutil.copy(gold, corpus / "gold" / gold.name)
    shutil.copy(seed_path("004"), corpus / "seeds" / seed_path("004").name)

    result = evaluate(corpus, llm=EchoFake(responses=[AIMessage(content="")]))
    assert result.assist, "the assist asked nothing"
    asked = {name: t for name, t in result.assist.items() if t.asked}
    assert asked
    for name, tally in asked.items():
        # EchoFake answers each field with one quoted value and one invented quote
        assert tally.ungrounded >= tally.asked, name
    report = markdown_report(result)
    assert "## LLM assist" in report
    for name, tally in asked.items():
        assert f"| {name} | {tally.asked} | {tally.added} |" in report
