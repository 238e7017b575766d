"""`gonggo demo`: the whole job over a folder of announcements, into one output folder.

    out/text/<stem>.txt            normalized text (what every evidence span indexes)
    out/specs/<stem>.json          the announcement spec (`gonggo extract`)
    out/findings/<stem>.json       validation findings (`gonggo check --json`)
    out/rules/<stem>/*.yaml        one engine rule config per program, and its JSON Schema
    out/review/<stem>.html         the review page (`gonggo review`)
    out/summary/<stem>.xlsx        the spec summary for staff (facts as Korean sentences, findings)
    out/changes/<old>__<new>.md    year-over-year 신구대비표 (and .html, .xlsx, .docx, .json)
    out/index.html                 links to all of the above

Year-over-year pairs are not named anywhere: each announcement is paired with the earlier-year
announcement holding the program that `changes.align` pairs with one of its own at the highest
score (the pairing the 신구대비표 itself uses), if any program continues at all.

A file that fails prints one line and the run goes on; the return value counts failures.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from rich import box
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from gonggo import atomic
from gonggo.atomic import WriteError
from gonggo.batch import run_batch
from gonggo.changes import office
from gonggo.changes.align import continued_pairs
from gonggo.changes.diff import diff
from gonggo.changes.locate import annotate
from gonggo.changes.report import Source, to_html, to_markdown
from gonggo.cli.commands import esc, output_stems, parse_within, progress_bar
from gonggo.export.config import write_configs
from gonggo.export.office import summary_xlsx
from gonggo.export.review import render_review
from gonggo.ingest import IngestError
from gonggo.schemas.announcement import Announcement
from gonggo.schemas.document import Document
from gonggo.schemas.rule_config import RuleConfig

SUFFIXES = {".txt", ".md", ".pdf", ".hwp", ".hwpx"}
T = TypeVar("T")


def announcement_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


@dataclass
class Extracted:
    path: Path
    doc: Document
    spec: Announcement
    key: str = ""  # output file stem, unique in the run (`output_stems`)


@dataclass
class YearPair:
    old: str  # file stems
    new: str
    score: float
    old_program: str
    new_program: str


def year_over_year_pairs(specs: dict[str, Announcement]) -> list[YearPair]:
    """For each announcement, the earlier-year one it most likely continues, if any: the one
    whose program `changes.align` pairs with one of its own at the highest score."""
    pairs = []
    calls = {stem: s for stem, s in specs.items() if s.kind == "support_call"}
    for new_stem, new in calls.items():
        best: YearPair | None = None
        for old_stem, old in calls.items():
            if not (old.announced_on and new.announced_on
                    and old.announced_on.year < new.announced_on.year):
                continue
            for p in continued_pairs(old.programs, new.programs):
                if best is None or p.score > best.score:
                    best = YearPair(old_stem, new_stem, p.score, p.old.name,  # type: ignore[union-attr]
                                    p.new.name)  # type: ignore[union-attr]
        if best is not None:
            pairs.append(best)
    return sorted(pairs, key=lambda p: (p.old, p.new))


def _attempt(console: Console, what: str, fn: Callable[..., T], *args: object) -> T | None:
    """Run one step for one file; a failure is one line, and None."""
    try:
        return fn(*args)
    except (IngestError, WriteError) as err:
        console.print(f"[red]gonggo: {esc(err)}[/red]", highlight=False, soft_wrap=True)
    except Exception as err:  # noqa: BLE001 - one file's bug must not stop the others
        console.print(f"[red]gonggo: {esc(what)}: {type(err).__name__}: {esc(err)}[/red]",
                      highlight=False, soft_wrap=True)
    return None


def extract_one(path: Path, out: Path, keys: dict[Path, str] | None = None,
                timeout: float | None = None) -> Extracted:
    key = (keys or {}).get(path) or path.stem
    result = parse_within(path, timeout)
    doc, spec = result.document, result.spec
    atomic.write_text(out / "text" / f"{key}.txt", doc.text + "\n")
    atomic.write_text(out / "specs" / f"{key}.json", spec.model_dump_json(indent=1))
    atomic.write_bytes(out / "summary" / f"{key}.xlsx", summary_xlsx(spec))
    findings = [f.model_dump(mode="json") for f in spec.findings]
    atomic.write_text(out / "findings" / f"{key}.json",
        json.dumps(findings, ensure_ascii=False, indent=1))
    return Extracted(path, doc, spec, key)


def review_one(item: Extracted, out: Path) -> Path:
    target = out / "review" / f"{item.key}.html"
    atomic.write_text(target, render_review(item.spec, item.doc.text, item.doc))
    return target


def changes_one(pair: YearPair, old: Extracted, new: Extracted, out: Path) -> Path:
    """The 신구대비표 of one pair, with section references into both documents."""
    cs = annotate(diff(old.spec, new.spec), old.doc, new.doc)
    years = tuple(f"({s.announced_on.year})" if s.announced_on else ""
                  for s in (old.spec, new.spec))
    base = out / "changes" / f"{pair.old}__{pair.new}"
    sources = (Source(old.doc.text, f"../review/{pair.old}.html"),
               Source(new.doc.text, f"../review/{pair.new}.html"))
    atomic.write_text(base.with_suffix(".md"), to_markdown(cs, *years, *sources))
    atomic.write_text(base.with_suffix(".html"), to_html(cs, *years, *sources))
    atomic.write_bytes(base.with_suffix(".xlsx"), office.to_xlsx(cs, *years, *sources))
    atomic.write_bytes(base.with_suffix(".docx"), office.to_docx(cs, *years, *sources))
    atomic.write_text(base.with_suffix(".json"),
        json.dumps([c.model_dump(mode="json") for c in cs.changes], ensure_ascii=False,
                   indent=1))
    return base.with_suffix(".html")


def _step(progress: Progress, name: str, total: int) -> Callable[[str], None]:
    task = progress.add_task(name, total=total)

    def advance(label: str) -> None:
        progress.update(task, description=f"{name} {label}")
        progress.advance(task)
    return advance


def run_demo(folder: Path, out: Path, console: Console, timeout: float | None = None,
             jobs: int | None = None) -> int:
    """Returns the number of files (and pairs) that failed. Extraction runs in `jobs`
    worker processes (`gonggo.batch`; default every core), in file order."""
    files = announcement_files(folder) if folder.is_dir() else []
    if not files:
        console.print(f"[red]gonggo: no announcement files in {esc(folder)}[/red]")
        return 1
    for sub in ("text", "specs", "summary", "findings", "rules", "review", "changes"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    failed = 0
    done: list[Extracted] = []
    rules: dict[str, list[tuple[Path, RuleConfig]]] = {}
    reviews: dict[str, Path] = {}
    reports: list[tuple[YearPair, Path]] = []
    with progress_bar(console) as progress:
        step = _step(progress, "extract + check", len(files))
        keys = output_stems(files)
        task = partial(extract_one, out=out, keys=keys, timeout=timeout)
        for outcome in run_batch(files, task, jobs):
            if outcome.error is not None:
                progress.console.print(f"[red]gonggo: {esc(outcome.error)}[/red]",
                                       highlight=False, soft_wrap=True)
                failed += 1
            else:
                done.append(outcome.value)  # type: ignore[arg-type]
            step(esc(outcome.path.name))
        step = _step(progress, "export", len(done))
        for item in done:
            written = _attempt(progress.console, f"{item.path}: export", write_configs,
                               item.spec, out / "rules" / item.key)
            if written is None:
                failed += 1
            else:
                rules[item.key] = written
            step(esc(item.path.name))
        step = _step(progress, "review", len(done))
        for item in done:
            page = _attempt(progress.console, f"{item.path}: review", review_one, item, out)
            if page is None:
                failed += 1
            else:
                reviews[item.key] = page
            step(esc(item.path.name))
        by_stem = {i.key: i for i in done}
        pairs = year_over_year_pairs({stem: i.spec for stem, i in by_stem.items()})
        step = _step(progress, "changes", len(pairs))
        for pair in pairs:
            report = _attempt(progress.console, f"{pair.old} → {pair.new}: changes",
                              changes_one, pair, by_stem[pair.old], by_stem[pair.new], out)
            if report is None:
                failed += 1
            else:
                reports.append((pair, report))
            step(esc(f"{pair.old} → {pair.new}"))
    index = write_index(out, done, rules, reviews, reports, folder)
    console.print(summary_table(done, rules))
    print_where_to_look(console, out, index, reviews, reports, failed)
    return failed


def summary_table(done: list[Extracted],
                  rules: dict[str, list[tuple[Path, RuleConfig]]]) -> Table:
    table = Table(title="gonggo 처리 결과", box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("파일", "공고일", "사업", "규칙 설정", "오류", "경고"):
        table.add_column(col, no_wrap=True, justify="left" if col in ("파일", "공고일") else "right")
    for item in done:
        s = item.spec
        table.add_row(esc(item.path.name), s.announced_on.isoformat() if s.announced_on else "-",
                      str(len(s.programs)), str(len(rules.get(item.key, []))),
                      str(sum(f.severity == "error" for f in s.findings)),
                      str(sum(f.severity == "warning" for f in s.findings)))
    return table


def print_where_to_look(console: Console, out: Path, index: Path, reviews: dict[str, Path],
                        reports: list[tuple[YearPair, Path]], failed: int) -> None:
    def say(path: object, what: str) -> None:
        console.print(f"  {esc(path)}\n      {esc(what)}", highlight=False, soft_wrap=True)

    console.print("\n[bold]결과 보기 (where to look)[/bold]")
    say(index, "여기서 시작: 아래 모든 결과로 가는 목록")
    say(out / "review" / "<file>.html", f"검토 화면 {len(reviews)}개: 모든 사실이 표시된 원문과 "
        "사실·검토 의견; 사실을 누르면 원문의 그 자리로 이동")
    for pair, report in reports:
        say(report, f"신구대비표 {pair.old_program} → {pair.new_program} "
            f"(사업 유사도 {pair.score:.2f}로 연결; .md, .json, .xlsx, .docx도 있음)")
    say(out / "rules" / "<file>" / "*.yaml", "엔진용 규칙 설정 (사업마다 하나, "
        "rule_config.schema.json 옆); 시험: `gonggo simulate CONFIG --track 유형 --total-cost 1억`")
    say(out / "specs" / "<file>.json", "공고 명세(JSON); 검토 의견은 "
        f"{out / 'findings'}/, 정규화한 본문은 {out / 'text'}/")
    if failed:
        console.print(f"[red]{failed}개 단계가 실패했습니다. 위의 줄을 보십시오.[/red]")


def write_index(out: Path, done: list[Extracted], rules: dict[str, list[tuple[Path, RuleConfig]]],
                reviews: dict[str, Path], reports: list[tuple[YearPair, Path]],
                folder: Path | None = None) -> Path:
    """One Korean page linking every output, relative to `out`, with each file's findings
    (Jinja2 template `templates/index.html.j2`)."""
    from datetime import datetime

    from jinja2 import Environment, PackageLoader, select_autoescape

    from gonggo.export.labels import READER_ERRORS, SEVERITY_KO, finding_title
    from gonggo.vocab.kinds import KIND_KO

    def rel(path: Path) -> str:
        return path.relative_to(out).as_posix()

    files = []
    for item in done:
        stem, s = item.key, item.spec
        findings = [{"severity": f.severity, "severity_ko": SEVERITY_KO[f.severity],
                     "title": finding_title(f.code), "message": f.message}
                    for f in sorted(s.findings, key=lambda f: ("error", "warning", "info")
                                    .index(f.severity))]
        counts = [{"severity": sev, "label": SEVERITY_KO[sev], "count": n} for sev in
                  ("error", "warning", "info")
                  if (n := sum(f.severity == sev for f in s.findings))]
        banner = ", ".join(dict.fromkeys(finding_title(f.code) for f in s.findings
                                         if f.code in READER_ERRORS))
        summary = out / "summary" / f"{stem}.xlsx"
        files.append({
            "name": item.path.name, "title": s.title or item.path.name,
            "announced": s.announced_on.isoformat() if s.announced_on else None,
            "programs": len(s.programs),
            "kind_ko": KIND_KO[s.kind] if s.kind != "support_call" else None,
            "counts": counts, "findings": findings, "banner": banner,
            "open": any(f.severity == "error" for f in s.findings),
            "review": rel(reviews[stem]) if stem in reviews else None,
            "spec": rel(out / "specs" / f"{stem}.json"),
            "findings_json": rel(out / "findings" / f"{stem}.json"),
            "summary": rel(summary) if summary.exists() else None,
            "configs": [{"href": rel(p), "label": f"{p.stem[:2]} {cfg.program}"}
                        for p, cfg in rules.get(stem, [])]})
    changes = []
    for pair, report in reports:
        extra = {ext: rel(report.with_suffix(f".{ext}"))
                 for ext in ("xlsx", "docx") if report.with_suffix(f".{ext}").exists()}
        changes.append({"html": rel(report), "md": rel(report.with_suffix(".md")),
                        "old_program": pair.old_program, "new_program": pair.new_program,
                        "score": pair.score, **extra})
    all_findings = [f for item in done for f in item.spec.findings]
    env = Environment(loader=PackageLoader("gonggo.cli", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                      lstrip_blocks=True)
    page = env.get_template("index.html.j2").render(
        folder=str(folder or ""), generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
        files=files, changes=changes,
        n_programs=sum(len(i.spec.programs) for i in done),
        n_configs=sum(len(v) for v in rules.values()),
        n_errors=sum(f.severity == "error" for f in all_findings),
        n_warnings=sum(f.severity == "warning" for f in all_findings))
    target = out / "index.html"
    atomic.write_text(target, page)
    return target
