"""The work behind `gonggo extract`, `check` and `eval`, kept out of the argument parsing."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from gonggo.cli import UserError
from gonggo.pipeline import parse
from gonggo.schemas.announcement import Announcement


def process(path: Path, llm: object | None = None) -> Announcement:
    """The validated spec of one file (`gonggo.parse`)."""
    return parse(path, llm=llm).spec


def extract_task(path: Path, llm: object | None = None) -> tuple[str, str]:
    """One file for `gonggo extract` (runs in a batch worker): the spec JSON and its summary."""
    ann = process(path, llm)
    return ann.model_dump_json(indent=1), summary_line(path, ann)


def export_task(path: Path, out: Path) -> list[str]:
    """One file for `gonggo export`: write its rule configs under `out`, one line each."""
    from gonggo.export.config import write_configs

    return [f"{target}  ({config.program}: {len(config.tracks)} track(s))"
            for target, config in write_configs(load_spec(path), out)]


def load_llm(spec: str) -> object:
    """The chat model for `--llm PROVIDER:MODEL`; a missing package is the user's to fix."""
    from gonggo.extractors.llm import LLMUnavailable, load_chat_model

    try:
        return load_chat_model(spec)
    except LLMUnavailable as err:
        raise UserError(str(err)) from err


def progress_bar(console: Console) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                    console=console, transient=False)


def summary_line(path: Path, ann: Announcement) -> str:
    errors = sum(f.severity == "error" for f in ann.findings)
    warnings = sum(f.severity == "warning" for f in ann.findings)
    facts = sum(len(p.windows) + len(p.documents) + len(p.exclusions) + len(p.eligibility)
                + sum(len(t.funding) for t in p.tracks) for p in ann.programs)
    return (f"{path.name}: {len(ann.programs)} program(s), {facts} facts, "
            f"{errors} error / {warnings} warning findings")


def findings_table(ann: Announcement, title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("severity", "code", "message", "where"):
        table.add_column(col, overflow="fold")
    for f in ann.findings:
        where = ", ".join(f"p.{e.page}" if e.page else f"@{e.start}" for e in f.evidence[:3])
        colour = {"error": "red", "warning": "yellow"}.get(f.severity, "cyan")
        table.add_row(f"[{colour}]{f.severity}[/{colour}]", f.code, f.message, where)
    return table


def load_spec(path: Path) -> Announcement:
    """An extracted spec (JSON with `schema_version`) or an announcement file to extract."""
    if path.suffix.lower() == ".json":
        import json

        from pydantic import ValidationError

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise SpecError(f"{path}: not a readable JSON spec ({err})") from err
        if isinstance(data, dict) and "schema_version" in data:
            try:
                return Announcement.model_validate(data)
            except ValidationError as err:
                raise SpecError(f"{path}: not a valid gonggo spec "
                                f"({err.error_count()} schema errors)") from err
    return process(path)


class SpecError(UserError):
    """A JSON file given where a spec was expected that is not one."""
