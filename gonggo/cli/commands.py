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
    """The findings in Korean: 구분 (오류/경고/참고), 의견 (a title per code, and the code), 내용,
    위치 (page, or text offset)."""
    from gonggo.export.labels import SEVERITY_KO, finding_title

    table = Table(title=title, show_lines=False)
    for col in ("구분", "의견", "내용", "위치"):
        table.add_column(col, overflow="fold")
    for f in ann.findings:
        where = ", ".join(f"{e.page}쪽" if e.page else f"@{e.start}" for e in f.evidence[:3])
        colour = {"error": "red", "warning": "yellow"}.get(f.severity, "cyan")
        table.add_row(f"[{colour}]{SEVERITY_KO[f.severity]}[/{colour}]",
                      f"{finding_title(f.code)} ({f.code})", f.message, where)
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


def output_folder(path: Path) -> Path:
    """`--out DIR`: created with its parents; a file in the way is one line, not a traceback."""
    if path.exists() and not path.is_dir():
        raise UserError(f"--out {path}: is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(f"--out {path}: cannot create the folder ({err.strerror or err})") from err
    return path


def write_output(path: Path, data: str | bytes) -> Path:
    """`--out FILE`: its folder created; a folder in the way or no permission is one line."""
    if path.is_dir():
        raise UserError(f"--out {path}: is a folder; give a file name")
    if path.parent != Path("") and path.parent.exists() and not path.parent.is_dir():
        raise UserError(f"--out {path}: {path.parent} is a file, not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as err:
        raise UserError(f"--out {path}: cannot write ({err.strerror or err})") from err
    return path


# When the output is not a terminal (a pipe, a file, CI logs) tables are drawn at their full
# width instead of being folded to 80 columns.
PIPE_WIDTH = 4000


def make_console(stderr: bool = False, quiet: bool = False) -> Console:
    import sys

    stream = sys.stderr if stderr else sys.stdout
    tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(stderr=stderr, quiet=quiet, width=None if tty else PIPE_WIDTH)
