"""Optional LLM assist: a LangChain chat model fills the fields the rules left empty.

Off by default. For each program of an extracted spec, every contract field the rules left
empty (and only those) is asked for separately, over the sections whose headings name that
field (신청기간/접수 for windows, 제출서류 for documents, 지원제외 for exclusions, 문의 for
contacts …), never the whole file, and capped at `max_chars`. The model answers with the
contract's own pydantic types plus a `quote` per value (through `bind_tools` and a tool
call, or as plain JSON when the model cannot call tools). A value is kept only when

- it validates against the contract type, and
- its quote is found in the excerpt that was sent: exactly, or after whitespace is
  collapsed or removed, and then mapped back to exact offsets of `doc.text`.

Everything else is dropped and counted per field; malformed answers and model exceptions
are counted, never raised. Kept facts carry `source: "llm"`.

`langchain_core` is imported only inside the functions that talk to a model, so the default
path (no `--llm`) never imports it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from gonggo.reading.programs import split_programs
from gonggo.reading.scope import evidence
from gonggo.schemas.announcement import (
    Announcement,
    Awards,
    Clause,
    Contact,
    Cost,
    Criterion,
    DocumentReq,
    Fact,
    Finding,
    Program,
    Window,
)
from gonggo.schemas.document import Document, Section
from gonggo.vocab.headings import pattern as heading_pattern
from gonggo.vocab.text import strip_marker

MAX_CHUNK_CHARS = 4000
MIN_QUOTE_CHARS = 2  # non-space characters a quote needs to point at anything

# Program field → the contract type of one of its values.
FIELD_TYPES: dict[str, type[Fact]] = {
    "awards": Awards,
    "windows": Window,
    "eligibility": Clause,
    "exclusions": Clause,
    "documents": DocumentReq,
    "evaluation": Criterion,
    "bonus_points": Criterion,
    "obligations": Clause,
    "costs": Cost,
    "contacts": Contact,
}

SCALAR_FIELDS = frozenset({"awards"})  # one value, not a list

# Program field → what to ask for, in the prompt.
FIELD_ASKS: dict[str, str] = {
    "awards": "the number of awards (선정 규모, e.g. `90개사 내외`: count 90, approx true)",
    "windows": "the application periods (신청·접수 기간) with opening and closing dates",
    "eligibility": "who may apply (신청자격, 지원대상), one clause per condition",
    "exclusions": "who may not apply (지원제외대상, 참여제한, 부적격), one clause per condition",
    "documents": "the documents an applicant must submit (제출서류)",
    "evaluation": "the evaluation criteria with their points (평가항목, 배점)",
    "bonus_points": "the bonus-point items with their points (가점)",
    "obligations": "duties after selection (의무, 유의사항: education, reports, retention)",
    "costs": "mandatory budget lines or fees with amounts in won (원가계산비용, 교육비 …)",
    "contacts": "contact points: organisation, topic, phone, e-mail (문의처)",
}

PROMPT = (
    "You fill gaps in a structured spec of a Korean government support-program "
    "announcement (공고문). From the excerpt only, extract {ask} for the program "
    "「{program}」. For every item give `quote`: the shortest passage that states it, "
    "copied character for character from the excerpt (no paraphrase, no ellipsis, no "
    "translation). Leave out anything the excerpt does not state; if nothing applies, "
    "return an empty `items` list."
)
TOOL_PROMPT = " Answer by calling the `{tool}` tool."
JSON_PROMPT = (" Answer with one JSON object and nothing else, of this JSON Schema:\n{schema}")


class LLMUnavailable(RuntimeError):
    """The chat model named by `--llm` cannot be loaded (missing package, bad name)."""


# --- answer schemas -------------------------------------------------------------------


@cache
def quoted_type(field_name: str) -> type[BaseModel]:
    """The contract type of `field_name` without evidence/source, plus a required quote."""
    base = FIELD_TYPES[field_name]
    fields: dict[str, Any] = {
        name: (info.annotation, info)
        for name, info in base.model_fields.items()
        if name not in ("evidence", "source")
    }
    fields["quote"] = (str, Field(description="verbatim passage of the excerpt stating this"))
    return create_model(f"Quoted{base.__name__}", __config__=ConfigDict(extra="ignore"),
                        **fields)


@cache
def answer_schema(field_name: str) -> type[BaseModel]:
    """The tool the model calls for one field: `{"items": [...]}`."""
    item = quoted_type(field_name)
    return create_model(f"extract_{field_name}",
                        __doc__=f"Report {FIELD_ASKS[field_name]}, each with a verbatim quote.",
                        items=(list[item], Field(default_factory=list)))  # type: ignore[valid-type]


# --- which fields, which sections ----------------------------------------------------------


def is_empty(program: Program, field_name: str) -> bool:
    value = getattr(program, field_name)
    return value is None or value == []


def empty_fields(program: Program, fields: list[str] | None = None) -> list[str]:
    """The assistable fields of `program` the rules left empty (restricted to `fields`)."""
    wanted = FIELD_TYPES if fields is None else [f for f in fields if f in FIELD_TYPES]
    return [f for f in wanted if is_empty(program, f)]


def program_spans(doc: Document, spec: Announcement) -> list[tuple[int, int]]:
    """The `(start, end)` of the text each program of `spec` was read from."""
    scopes = split_programs(doc, spec.announced_on)
    if len(scopes) == len(spec.programs):
        return [(s.start, s.end) for s in scopes]
    by_title = {s.section.title: (s.start, s.end) for s in scopes if s.section is not None}
    return [by_title.get(p.section or "", (0, len(doc.text))) for p in spec.programs]


def _matching(doc: Document, pattern: regex.Pattern[str], lo: int, hi: int,
              others: list[tuple[int, int]]) -> list[Section]:
    """Sections inside [lo, hi) titled by `pattern`, outside every span of `others`."""
    return [s for s in doc.sections
            if lo <= s.start < hi and pattern.search(strip_marker(s.title)[:40])
            and not any(a <= s.start < b for a, b in others)]


def _outermost(sections: list[Section]) -> list[Section]:
    return [s for s in sections
            if not any(o is not s and o.start <= s.start and s.end <= o.end
                       and (o.start, -o.end) < (s.start, -s.end) for o in sections)]


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def relevant_spans(doc: Document, field_name: str, scope: tuple[int, int],
                   others: Sequence[tuple[int, int]] = (), max_chars: int = MAX_CHUNK_CHARS,
                   ) -> list[tuple[int, int]]:
    """Spans of the sections that hold `field_name` for the program read from `scope`.

    Sections inside the program's scope first; when it has none, sections shared by the
    whole announcement (outside every other program's scope). Headings before list items,
    higher levels before lower, until `max_chars` is spent; [] when no heading matches.
    """
    pattern = heading_pattern(field_name)
    found = [s for s in _matching(doc, pattern, scope[0], scope[1], [])
             if (s.start, s.end) != scope]  # never the program's own section as a whole
    if not found:
        found = _matching(doc, pattern, 0, len(doc.text), [o for o in others if o != scope])
    chosen = sorted(_outermost(found),
                    key=lambda s: (doc.blocks[s.block].kind != "heading", s.level, s.start))
    spans: list[tuple[int, int]] = []
    budget = max_chars
    for s in chosen:
        if budget <= 0:
            break
        spans.append((s.start, min(s.end, s.start + budget)))
        budget -= spans[-1][1] - spans[-1][0]
    return merge_spans(spans)


def excerpt(doc: Document, spans: list[tuple[int, int]]) -> str:
    return "\n\n".join(doc.text[a:b].strip() for a, b in spans)


# --- grounding -------------------------------------------------------------------------


def _squeezed(text: str, keep_space: bool) -> tuple[str, list[int]]:
    """`text` with white-space runs collapsed to one space (or removed), and for each kept
    character its index in `text`."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if keep_space and chars and chars[-1] != " ":
                chars.append(" ")
                where.append(i)
            continue
        chars.append(ch)
        where.append(i)
    return "".join(chars), where


def ground(text: str, spans: list[tuple[int, int]], quote: str) -> tuple[int, int] | None:
    """Exact offsets in `text` of `quote`, searched inside `spans` only.

    Exact match first, then with white space collapsed, then with white space removed; the
    span returned always satisfies `text[start:end]` equal to the printed passage.
    """
    needle = quote.strip()
    if sum(not c.isspace() for c in needle) < MIN_QUOTE_CHARS:
        return None
    for lo, hi in spans:
        i = text.find(needle, lo, hi)
        if i >= 0:
            return i, i + len(needle)
    for keep_space in (True, False):
        target, _ = _squeezed(needle, keep_space)
        for lo, hi in spans:
            hay, where = _squeezed(text[lo:hi], keep_space)
            i = hay.find(target)
            if i >= 0:
                return lo + where[i], lo + where[i + len(target) - 1] + 1
    return None


# --- reading the model's answer --------------------------------------------------------------


def _json_payload(content: Any) -> Any:
    if isinstance(content, list):  # content blocks
        content = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    if not isinstance(content, str):
        return None
    body = content.strip()
    fence = regex.match(r"^```(?:json)?\s*(.*?)\s*```$", body, flags=regex.DOTALL)
    if fence:
        body = fence.group(1)
    try:
        return json.loads(body)
    except (json.JSONDecodeError, ValueError):
        return None


def answer_items(message: Any, tool: str) -> list[Any] | None:
    """The list of raw items in a model answer; None when the answer is malformed."""
    calls = list(getattr(message, "tool_calls", None) or [])
    if calls:
        named = [c for c in calls if isinstance(c, dict) and c.get("name") == tool]
        payload: Any = (named or calls)[0]
        payload = payload.get("args") if isinstance(payload, dict) else None
    elif getattr(message, "invalid_tool_calls", None):
        return None
    else:
        payload = _json_payload(getattr(message, "content", message))
    if isinstance(payload, str):  # arguments sent as a JSON string
        payload = _json_payload(payload)
    if isinstance(payload, dict):
        payload = payload.get("items")
    return payload if isinstance(payload, list) else None


# --- the report ----------------------------------------------------------------------------


@dataclass
class FieldTally:
    asked: int = 0  # model calls made for this field
    added: int = 0  # values kept
    ungrounded: int = 0  # values dropped: quote not found in the excerpt
    invalid: int = 0  # values dropped: failed the contract's validation
    malformed: int = 0  # answers that were not JSON / not `{"items": [...]}`
    errors: int = 0  # model calls that raised
    no_section: int = 0  # empty fields not asked: no section heading names them

    @property
    def dropped(self) -> int:
        return self.ungrounded + self.invalid

    def add(self, other: FieldTally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Ask:
    program: str
    field: str
    spans: list[tuple[int, int]]


@dataclass
class AssistReport:
    spec: Announcement  # the spec with the kept facts added
    fields: dict[str, FieldTally] = field(default_factory=dict)
    asks: list[Ask] = field(default_factory=list)

    def tally(self, field_name: str) -> FieldTally:
        return self.fields.setdefault(field_name, FieldTally())

    def added(self) -> int:
        return sum(t.added for t in self.fields.values())

    def dropped(self) -> int:
        return sum(t.dropped for t in self.fields.values())

    def finding(self) -> Finding:
        bad = sum(t.malformed + t.errors for t in self.fields.values())
        return Finding(code="llm_assist", severity="info",
                       message=(f"LLM 보조가 source=llm 사실 {self.added()}개를 더했고, 원문에서 "
                                f"확인되지 않는 값 {self.dropped()}개와 형식이 틀리거나 실패한 "
                                f"답 {bad}개를 버렸습니다."))


def summarize(reports: list[AssistReport]) -> dict[str, FieldTally]:
    """Per field, the assist's counts summed over several documents (for `gonggo eval`)."""
    total: dict[str, FieldTally] = {}
    for report in reports:
        for name, tally in report.fields.items():
            total.setdefault(name, FieldTally()).add(tally)
    return dict(sorted(total.items()))


def summary_markdown(summary: dict[str, FieldTally]) -> list[str]:
    lines = ["## LLM assist (facts marked source=llm)", "",
             "| field | asked | added | dropped | ungrounded | invalid | malformed | errors |",
             "|---|---|---|---|---|---|---|---|"]
    for name, t in summary.items():
        lines.append(f"| {name} | {t.asked} | {t.added} | {t.dropped} | {t.ungrounded} | "
                     f"{t.invalid} | {t.malformed} | {t.errors} |")
    return lines + [""]


# --- asking -----------------------------------------------------------------------------------


def _bind(model: Any, schema: type[BaseModel]) -> tuple[Any, bool]:
    """`model` with the answer tool bound, and whether tools are in use."""
    try:
        try:
            return model.bind_tools([schema], tool_choice=schema.__name__), True
        except TypeError:
            return model.bind_tools([schema]), True
    except NotImplementedError:
        return model, False


def messages_for(program: str, field_name: str, text: str, tools: bool) -> list[Any]:
    from langchain_core.messages import HumanMessage, SystemMessage

    schema = answer_schema(field_name)
    system = PROMPT.format(ask=FIELD_ASKS[field_name], program=program)
    if tools:
        system += TOOL_PROMPT.format(tool=schema.__name__)
    else:
        system += JSON_PROMPT.format(schema=json.dumps(schema.model_json_schema(),
                                                       ensure_ascii=False))
    return [SystemMessage(content=system), HumanMessage(content=text)]


def ask_model(model: Any, program: str, field_name: str, text: str) -> list[Any] | None:
    """Raw items the model returns for one field over one excerpt (None: malformed)."""
    schema = answer_schema(field_name)
    bound, tools = _bind(model, schema)
    message = bound.invoke(messages_for(program, field_name, text, tools))
    return answer_items(message, schema.__name__)


def keep_items(doc: Document, field_name: str, raw: list[Any], spans: list[tuple[int, int]],
               tally: FieldTally) -> list[Fact]:
    """Validated, grounded contract values from raw answer items; the rest counted.

    A scalar field (`awards`) takes the first kept value; later items are not looked at.
    """
    kept: list[Fact] = []
    for item in raw:
        if field_name in SCALAR_FIELDS and kept:
            break
        try:
            quoted = quoted_type(field_name).model_validate(item)
        except ValidationError:
            tally.invalid += 1
            continue
        where = ground(doc.text, spans, quoted.quote)
        if where is None:
            tally.ungrounded += 1
            continue
        values = quoted.model_dump(exclude={"quote"})
        try:
            fact = FIELD_TYPES[field_name].model_validate(
                {**values, "evidence": [evidence(doc, *where)], "source": "llm"})
        except ValidationError:
            tally.invalid += 1
            continue
        kept.append(fact)
    tally.added += len(kept)
    return kept


def _with_facts(program: Program, field_name: str, facts: list[Fact]) -> Program:
    if not facts:
        return program
    if field_name in SCALAR_FIELDS:
        award = facts[0]
        return program.model_copy(update={
            "awards": award, "evidence_of": {**program.evidence_of,
                                             "awards": list(award.evidence)}})
    return program.model_copy(update={field_name: facts})


def assist(doc: Document, spec: Announcement, model: Any, *, fields: list[str] | None = None,
           max_chars: int = MAX_CHUNK_CHARS) -> AssistReport:
    """Ask `model` (a LangChain `BaseChatModel`) for the fields the rules left empty.

    Returns the report; `report.spec` is a copy of `spec` with the kept facts added.
    """
    report = AssistReport(spec=spec)
    scopes = program_spans(doc, spec)
    programs: list[Program] = []
    for program, scope in zip(spec.programs, scopes, strict=True):
        for name in empty_fields(program, fields):
            tally = report.tally(name)
            spans = relevant_spans(doc, name, scope, scopes, max_chars)
            if not spans:
                tally.no_section += 1
                continue
            report.asks.append(Ask(program.name, name, spans))
            tally.asked += 1
            try:
                raw = ask_model(model, program.name, name, excerpt(doc, spans))
            except Exception:  # noqa: BLE001 - a provider's failure must not stop extraction
                tally.errors += 1
                continue
            if raw is None:
                tally.malformed += 1
                continue
            program = _with_facts(program, name, keep_items(doc, name, raw, spans, tally))
        programs.append(program)
    report.spec = spec.model_copy(update={"programs": programs})
    return report


# --- provider factory --------------------------------------------------------------------------


def load_chat_model(spec: str) -> Any:
    """A chat model from `PROVIDER:MODEL` (e.g. `openai:gpt-4o-mini`) via LangChain."""
    provider, sep, name = spec.partition(":")
    if not sep or not provider.strip() or not name.strip():
        raise LLMUnavailable(f"--llm wants PROVIDER:MODEL (e.g. openai:gpt-4o-mini), not {spec!r}")
    try:
        from langchain.chat_models import init_chat_model
    except ImportError as err:
        raise LLMUnavailable(f"--llm {spec}: install langchain and the provider package "
                             f"(pip install langchain langchain-{provider.strip()})") from err
    try:
        return init_chat_model(name.strip(), model_provider=provider.strip())
    except ImportError as err:
        raise LLMUnavailable(f"--llm {spec}: install the provider package ({err})") from err
    except ValueError as err:
        raise LLMUnavailable(f"--llm {spec}: {err}") from err
