"""The work behind `gonggo extract`, `check` and `eval`, kept out of the argument parsing."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from gonggo import atomic
from gonggo.cli import UserError
from gonggo.cli.specs import SpecError, load_spec  # noqa: F401 - SpecError re-exported
from gonggo.ingest import IngestError
from gonggo.ingest.files import printable
from gonggo.pipeline import Result, parse
from gonggo.schemas.announcement import Announcement

if TYPE_CHECKING:  # rich loads when a command prints, not with `diff` or `export`
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table


def esc(value: object) -> str:
    """Text from an input (a file name, a value) made safe to print with rich: console markup
    escaped (`[/red]` prints as itself), undecodable file-name bytes as `\\udcXX`."""
    from rich.markup import escape

    return escape(printable(str(value)))


def process(path: Path, llm: object | None = None, timeout: float | None = None) -> Announcement:
    """The validated spec of one file (`gonggo.parse`), within `timeout` seconds if given."""
    return parse_within(path, timeout, llm).spec


def parse_within(path: Path, timeout: float | None = None, llm: object | None = None) -> Result:
    """`gonggo.parse`; with a timeout, in a worker process that is stopped when the time is
    up (one line naming the file, and the batch goes on)."""
    if timeout is None:
        return parse(path, llm=llm)
    from gonggo.ingest.isolate import run_isolated  # not on the `diff` of two specs

    try:
        result: Result = run_isolated(_parse, path, llm, timeout=timeout, memory=None)
    except IngestError as err:
        err.path = err.path or printable(path)
        raise
    return result


def _parse(path: Path, llm: object | None) -> Result:
    return parse(path, llm=llm)


def output_stems(paths: list[Path]) -> dict[Path, str]:
    """A file stem for each input's outputs, unique in the run: `name` for `name.pdf`; when
    two inputs share a stem, `name.pdf` and `name.hwp`; when two share a file name (other
    folders), a short hash of the path is added: `name.pdf.1a2b3c4d`."""
    stems = Counter(p.stem for p in paths)
    keys = {p: p.stem if stems[p.stem] == 1 else p.name for p in paths}
    taken = Counter(keys[p] for p in set(paths))
    for p in paths:
        if taken[keys[p]] > 1:
            digest = hashlib.sha1(str(p.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
            keys[p] = f"{p.name}.{digest[:8]}"
    return keys


def extract_task(path: Path, llm: object | None = None, timeout: float | None = None
                 ) -> tuple[str, str]:
    """One file for `gonggo extract` (runs in a batch worker): the spec JSON and its summary."""
    ann = process(path, llm, timeout)
    return ann.model_dump_json(indent=1), summary_line(path, ann)


def export_task(path: Path, out: Path) -> list[str]:
    """One file for `gonggo export`: write its rule configs under `out`, one line each."""
    from gonggo.export.config import write_configs

    spec = load_spec(path)
    if spec.kind != "support_call":
        return [f"{path}: 지원사업 공고가 아니므로 규칙 설정을 만들지 않습니다 (kind: {spec.kind})"]
    return [f"{target}  ({config.program}: {len(config.tracks)} track(s))"
            for target, config in write_configs(spec, out)]


def load_llm(spec: str) -> object:
    """The chat model for `--llm PROVIDER:MODEL`; a missing package is the user's to fix."""
    from gonggo.extractors.llm import LLMUnavailable, load_chat_model

    try:
        return load_chat_model(spec)
    except LLMUnavailable as err:
        raise UserError(str(err)) from err


def progress_bar(console: Console) -> Progress:
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                    console=console, transient=False)


def summary_line(path: Path, ann: Announcement) -> str:
    errors = sum(f.severity == "error" for f in ann.findings)
    warnings = sum(f.severity == "warning" for f in ann.findings)
    facts = sum(len(p.windows) + len(p.documents) + len(p.exclusions) + len(p.eligibility)
                + sum(len(t.funding) for t in p.tracks) for p in ann.programs)
    return (f"{esc(path.name)}: {len(ann.programs)} program(s), {facts} facts, "
            f"{errors} error / {warnings} warning findings")


def findings_table(ann: Announcement, title: str) -> Table:
    """The findings in Korean: 구분 (오류/경고/참고), 의견 (a title per code, and the code), 내용,
    위치 (page, or text offset)."""
    from rich.table import Table

    from gonggo.export.labels import SEVERITY_KO, finding_title

    table = Table(title=title, show_lines=False)
    for col in ("구분", "의견", "내용", "위치"):
        table.add_column(col, overflow="fold")
    for f in ann.findings:
        where = ", ".join(f"{e.page}쪽" if e.page else f"@{e.start}" for e in f.evidence[:3])
        colour = {"error": "red", "warning": "yellow"}.get(f.severity, "cyan")
        table.add_row(f"[{colour}]{SEVERITY_KO[f.severity]}[/{colour}]",
                      esc(f"{finding_title(f.code)} ({f.code})"), esc(f.message), where)
    return table


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
            atomic.write_bytes(path, data)
        else:
            atomic.write_text(path, data)
    except OSError as err:
        raise UserError(f"--out {path}: cannot write ({err.strerror or err})") from err
    return path


# When the output is not a terminal (a pipe, a file, CI logs) tables are drawn at their full
# width instead of being folded to 80 columns.
PIPE_WIDTH = 4000


def make_console(stderr: bool = False, quiet: bool = False) -> Console:
    import sys

    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    tty = hasattr(stream, "isatty") and stream.isatty()
    return Console(stderr=stderr, quiet=quiet, width=None if tty else PIPE_WIDTH)
