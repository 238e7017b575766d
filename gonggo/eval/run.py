"""`gonggo eval`: score every gold document, write a Markdown report, gate on a baseline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gonggo import atomic
from gonggo.eval.score import (
    FIELDS,
    Counts,
    DocumentScore,
    grounded_spans,
    load_gold,
    score_programs,
)

# eval is a tool of this repository: its baseline and reports live in the checkout (eval/)
BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"


@dataclass
class EvalResult:
    documents: list[DocumentScore]
    assist: dict | None = None  # with an LLM: per field, what it added/dropped (FieldTally)

    def totals(self) -> dict[str, Counts]:
        totals = {f: Counts() for f in FIELDS}
        for d in self.documents:
            for f, c in d.fields.items():
                totals[f].add(c)
        return totals

    def grounded(self) -> tuple[int, int]:
        return (sum(d.grounded for d in self.documents), sum(d.spans for d in self.documents))

    def f1_by_field(self) -> dict[str, float]:
        return {f: round(c.f1, 4) for f, c in self.totals().items() if c.f1 is not None}


def process(path: Path, llm=None, reports=None):  # type: ignore[no-untyped-def]
    """ingest → extract (→ LLM assist, its report appended to `reports`) → validate."""
    from gonggo.pipeline import parse

    result = parse(path, llm=llm)
    if result.assist is not None and reports is not None:
        reports.append(result.assist)
    return result.document, result.spec


def evaluate(corpus: Path, progress=None, llm=None) -> EvalResult:  # type: ignore[no-untyped-def]
    scores, reports = [], []  # type: ignore[var-annotated]
    for doc_path, gold in load_gold(corpus):
        doc, announcement = process(doc_path, llm, reports)
        pred = announcement.model_dump(mode="json")
        score = score_programs(gold, pred, doc_path.name)
        score.grounded, score.spans = grounded_spans(pred, doc.text)
        scores.append(score)
        if progress:
            progress(doc_path.name)
    if llm is None:
        return EvalResult(scores)
    from gonggo.extractors.llm import summarize

    return EvalResult(scores, summarize(reports))


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def markdown_report(result: EvalResult) -> str:
    from gonggo.eval import score as score_module

    lines = ["# gonggo evaluation", "",
             (f"Generated {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} over "
             f"{len(result.documents)} gold documents in `corpus/gold/`."), "",
             "## Per field (all documents)", "",
             "| field | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
    for f, c in result.totals().items():
        lines.append(f"| {f} | {_fmt(c.precision)} | {_fmt(c.recall)} | {_fmt(c.f1)} | "
                     f"{c.tp} | {c.fp} | {c.fn} |")
    g, n = result.grounded()
    lines += ["", f"Grounded evidence spans: {g} / {n}"
              + (f" ({g / n:.1%})" if n else ""), "", "## Per document", ""]
    for d in result.documents:
        lines += [f"### {d.name}", "", "| field | P | R | F1 | tp | fp | fn |",
                  "|---|---|---|---|---|---|---|"]
        total = Counts()
        for f, c in d.fields.items():
            if c.tp + c.fp + c.fn:
                total.add(c)
                lines.append(f"| {f} | {_fmt(c.precision)} | {_fmt(c.recall)} | {_fmt(c.f1)} | "
                             f"{c.tp} | {c.fp} | {c.fn} |")
        lines.append(f"| **all fields** | {_fmt(total.precision)} | {_fmt(total.recall)} | "
                     f"{_fmt(total.f1)} | {total.tp} | {total.fp} | {total.fn} |")
        lines.append(f"\nGrounded evidence spans: {d.grounded} / {d.spans}")
        if d.pairs:
            lines += ["", "Programs paired (gold ↔ extracted, similarity):", ""]
            lines += [f"- {g_name} ↔ {p_name} ({s})" for g_name, p_name, s in d.pairs]
        lines.append("")
    if result.assist is not None:
        from gonggo.extractors.llm import summary_markdown

        lines += summary_markdown(result.assist)
    lines += ["## How facts are matched", "", (score_module.__doc__ or "").strip(), ""]
    return "\n".join(lines)


def regressions(result: EvalResult, baseline_path: Path = BASELINE) -> list[str]:
    """Fields whose F1 fell below the committed baseline, as messages naming the field."""
    if not baseline_path.exists():
        return []
    baseline = json.loads(baseline_path.read_text(encoding="utf-8"))["f1"]
    now = result.f1_by_field()
    return [f"{f}: F1 {now.get(f, 0.0):.4f} < baseline {b:.4f}"
            for f, b in baseline.items() if now.get(f, 0.0) + 1e-9 < b]


def write_baseline(result: EvalResult, baseline_path: Path = BASELINE) -> None:
    atomic.write_text(baseline_path, json.dumps({"f1": result.f1_by_field()}, indent=1,
                                        ensure_ascii=False) + "\n")


def evaluate_field(splits: tuple[str, ...] = ("dev", "test"), progress=None):  # type: ignore[no-untyped-def]
    """Score every field-corpus gold document of `splits` (see gonggo.eval.field)."""
    from gonggo.eval.field import (
        SHARED_CORPUS,
        FieldScore,
        load_field_gold,
        load_split,
        score_document,
    )
    from gonggo.ingest import IngestError
    from gonggo.pipeline import parse

    split_of = load_split()
    scores: list[FieldScore] = []
    for name, gold in load_field_gold():
        split = gold.get("split") or split_of.get(gold["document"], "dev")
        if split not in splits:
            continue
        path = SHARED_CORPUS / gold["document"]
        try:
            result = parse(path)
        except IngestError as err:
            score = score_document(gold, {"programs": []}, name, split)
            score.error = str(err)
        else:
            pred = result.spec.model_dump(mode="json")
            score = score_document(gold, pred, name, split)
            score.grounded, score.spans = grounded_spans(pred, result.document.text)
        scores.append(score)
        if progress:
            progress(name)
    return scores
