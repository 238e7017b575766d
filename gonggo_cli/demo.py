"""`gonggo demo`: the whole job over a folder of announcements, into one output folder."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ingest import IngestError, read_document
from ingest.structure import outline

SUFFIXES = {".txt", ".md", ".pdf", ".hwp", ".hwpx"}


def announcement_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def run_demo(folder: Path, out: Path, console: Console) -> int:
    """Returns the number of files that failed."""
    files = announcement_files(folder)
    if not files:
        console.print(f"[red]no announcement files in {folder}[/red]")
        return 1
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    outlines: dict[str, list[str]] = {}
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=console) as progress:
        task = progress.add_task("ingest", total=len(files))
        for path in files:
            progress.update(task, description=f"ingest {path.name}")
            try:
                doc = read_document(path)
            except IngestError as err:
                console.print(f"[red]{err}[/red]")
                failed += 1
                progress.advance(task)
                continue
            (out / f"{path.stem}.txt").write_text(doc.text + "\n", encoding="utf-8")
            (out / f"{path.stem}.document.json").write_text(doc.model_dump_json(indent=1),
                                                            encoding="utf-8")
            outlines[path.name] = outline(doc, max_level=2)
            progress.advance(task)
    for name, lines in outlines.items():
        console.rule(name)
        for line in lines:
            console.print(line, highlight=False)
    console.print(f"\nnormalized text and document models: [bold]{out}/[/bold]")
    return failed
