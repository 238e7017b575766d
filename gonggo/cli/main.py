"""`gonggo` commands. Errors are caught here, once, and become one line and an exit code."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

try:  # typer 0.2x vendors its own click; its Abort lives in typer.exceptions
    from typer._click import exceptions as click_errors
    from typer.exceptions import Abort as ClickAbort
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import exceptions as click_errors  # type: ignore[no-redef]
    from click.exceptions import Abort as ClickAbort  # type: ignore[assignment]

from gonggo import atomic
from gonggo.atomic import WriteError
from gonggo.cli import UserError
from gonggo.ingest.files import printable


class OneLineErrors(TyperGroup):
    """Usage errors (`--total-cost abc`, a missing argument) as one line, not a framed panel."""

    def main(self, args=None, prog_name=None, complete_var=None,  # type: ignore[no-untyped-def, override]
             standalone_mode=True, **extra):
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.NoArgsIsHelpError as err:
            err.show()
            sys.exit(err.exit_code)
        except click_errors.ClickException as err:
            message = printable(err.format_message()).replace("\n", " ")
            typer.echo(f"gonggo: {message} (see --help)", err=True)
            sys.exit(err.exit_code)
        except ClickAbort:
            typer.echo("gonggo: aborted", err=True)
            sys.exit(EXIT_FAILED_FILE)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)



# Command bodies import what they use, so `--help` and `schema` load neither the document
# model nor the extractors. Help is click's plain formatter: typer's rich help alone costs
# ~0.12 s of imports (rich.markdown, markdown_it) on every `--help`.
app = typer.Typer(add_completion=False, no_args_is_help=True, cls=OneLineErrors,
                  rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Korean support-program announcements → evidence-backed specs.")

T = TypeVar("T")
logger = logging.getLogger("gonggo")
_QUIET = False


def _version(value: bool) -> None:
    if value:
        from gonggo import __version__

        typer.echo(f"gonggo {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="print the version and exit")] = False,
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True,
                                         help="say more on stderr (-vv: debug)")] = 0,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="only errors on stderr")] = False,
) -> None:
    """Korean support-program announcements → evidence-backed specs."""
    global _QUIET
    _QUIET = quiet
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    logging.basicConfig(level=logging.WARNING, format="gonggo: %(message)s", force=True)
    logger.setLevel(level)
    if verbose:
        logger.debug("log level %s", logging.getLevelName(level))

EXIT_FAILED_FILE = 1


def make_console(stderr: bool = False, quiet: bool = False) -> Any:
    """`commands.make_console`, imported when a command prints (commands loads the spec
    model, pydantic and rich: `--help` and `schema` need none of them)."""
    from gonggo.cli.commands import make_console as make

    return make(stderr=stderr, quiet=quiet)

EXIT_INTERNAL = 3


def fail(message: str, code: int = EXIT_FAILED_FILE) -> None:
    typer.echo(printable(f"gonggo: {message}".replace("\n", " ")), err=True)
    raise typer.Exit(code)


def guarded(fn: Callable[[], T], code: int = EXIT_FAILED_FILE) -> T:
    """Run `fn`; typed reading errors and unexpected ones become one line on stderr."""
    from gonggo.ingest.errors import IngestError

    try:
        return fn()
    except (IngestError, UserError, WriteError) as err:
        fail(str(err), code)
    except typer.Exit:
        raise
    except Exception as err:  # noqa: BLE001 - the CLI edge: never a traceback
        fail(f"internal error: {type(err).__name__}: {err}", EXIT_INTERNAL)
    raise AssertionError("unreachable")


@app.command()
def ingest(
    file: Annotated[Path, typer.Argument(help="announcement file (txt, md, pdf, hwp, hwpx)")],
    as_json: Annotated[bool, typer.Option("--json", help="print the document model")] = False,
    outline: Annotated[bool, typer.Option("--outline", help="print the section tree")] = False,
) -> None:
    """Print the normalized text (the text every evidence span indexes)."""
    from gonggo.ingest import read_document

    doc = guarded(lambda: read_document(file))
    if as_json:
        sys.stdout.write(doc.model_dump_json(indent=1) + "\n")
    elif outline:
        from gonggo.ingest.structure import outline as outline_lines

        for line in outline_lines(doc):
            typer.echo(line)
    else:
        sys.stdout.write(doc.text + "\n")
    for finding in doc.findings:
        pages = f" (pages {', '.join(map(str, finding.pages))})" if finding.pages else ""
        typer.echo(printable(f"gonggo: {file}: {finding.severity}: {finding.message}{pages}"),
                   err=True)


@app.command()
def schema() -> None:
    """Print the announcement contract as JSON Schema."""
    from gonggo.schemas.announcement import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


@app.command()
def demo(
    folder: Annotated[Path, typer.Argument(help="folder of announcement files")] = Path("corpus/seeds"),
    out: Annotated[Path, typer.Option("--out", help="output folder")] = Path("out"),
    timeout: Annotated[float | None, typer.Option(
        "--timeout", min=0.1, help="seconds allowed per file; a file over it is one error line")] = None,
    jobs: Annotated[int | None, jobs_option()] = None,
) -> None:
    """Run the whole job on a folder of announcements and say where to look."""

    from gonggo.cli.commands import output_folder
    from gonggo.cli.demo import run_demo

    guarded(lambda: output_folder(out))
    failed = guarded(lambda: run_demo(folder, out, make_console(quiet=_QUIET), timeout,
                                      jobs=jobs))
    if failed:
        raise typer.Exit(EXIT_FAILED_FILE)


JOBS_HELP = "worker processes (default: every core); each file is isolated"


def jobs_option() -> Any:
    return typer.Option("--jobs", "-j", min=1, help=JOBS_HELP)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="announcement files")],
    out: Annotated[Path | None, typer.Option(
        "--out", help="write <stem>.json files here (<name>.json when stems clash)")] = None,
    llm: Annotated[str | None, typer.Option(
        "--llm", help="PROVIDER:MODEL chat model to fill empty fields (quoted or dropped)")] = None,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", min=0.1, help="seconds allowed per file; a file over it is one error line")] = None,
    jobs: Annotated[int | None, jobs_option()] = None,
) -> None:
    """Extract the announcement spec (JSON, see `gonggo schema`) from each file."""
    from functools import partial

    from gonggo.cli.commands import extract_task, load_llm, output_stems, process

    chat = guarded(lambda: load_llm(llm)) if llm else None
    if len(files) == 1 and out is None:
        ann = guarded(lambda: process(files[0], chat, timeout))
        sys.stdout.write(ann.model_dump_json(indent=1, exclude_none=False) + "\n")
        return
    from gonggo.cli.commands import output_folder

    target = guarded(lambda: output_folder(out or Path(".")))
    names = output_stems(files)
    # a chat model stays in this process: it need not pickle, and its calls are network-bound
    task = partial(extract_task, llm=chat, timeout=timeout)
    failed = _batch(files, task, 1 if chat is not None else jobs, "extract",
                    lambda path, value: _write_spec(target / f"{names[path]}.json", value))
    if failed:
        raise typer.Exit(EXIT_FAILED_FILE)


def _write_spec(target: Path, value: tuple[str, str]) -> list[str]:
    spec_json, summary = value
    atomic.write_text(target, spec_json)
    return [summary]


def _batch(files: list[Path], task: Callable[[Path], T], jobs: int | None, name: str,
           done: Callable[[Path, T], list[str]]) -> int:
    """Run `task` over `files` in the pool (`gonggo.batch`) with a progress bar on stderr;
    `done(path, value)` takes each result in input order and returns lines to print.
    Returns the number of files that failed (each printed as one line)."""
    from rich.console import Console

    from gonggo.batch import run_batch
    from gonggo.cli.commands import progress_bar

    failed = 0
    with progress_bar(Console(stderr=True)) as progress:
        bar = progress.add_task(name, total=len(files))
        for outcome in run_batch(files, task, jobs):
            progress.update(bar, description=f"{name} {outcome.path.name}")
            if outcome.error is not None:
                progress.console.print(f"gonggo: {outcome.error}", highlight=False, markup=False,
                                       soft_wrap=True)  # one line, however long
                failed += 1
            else:
                for line in done(outcome.path, outcome.value):  # type: ignore[arg-type]
                    progress.console.print(line, highlight=False, markup=False, soft_wrap=True)
            progress.advance(bar)
    return failed


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="announcement files")],
    as_json: Annotated[bool, typer.Option("--json", help="findings as JSON")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="exit 1 when there are errors")] = False,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", min=0.1, help="seconds allowed per file; a file over it is one error line")] = None,
    jobs: Annotated[int | None, jobs_option()] = None,
) -> None:
    """Validate announcements and list the findings (several files: in order, one table or
    one JSON object {file, findings} each)."""
    from functools import partial

    from gonggo.cli.commands import esc, findings_table, process

    outcomes: list = []  # type: ignore[type-arg]
    failed = 0
    if len(files) == 1:
        outcomes.append((files[0], guarded(lambda: process(files[0], None, timeout))))
    else:
        task = partial(process, llm=None, timeout=timeout)
        failed = _batch(files, task, jobs, "check",
                        lambda path, ann: outcomes.append((path, ann)) or [])
    errors = False
    for file, ann in outcomes:
        errors = errors or any(f.severity == "error" for f in ann.findings)
        if as_json:
            payload: object = [f.model_dump(mode="json") for f in ann.findings]
            if len(files) > 1:
                payload = {"file": printable(file), "findings": payload}
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
        else:
            make_console().print(findings_table(
                ann, f"{esc(file.name)}: 검토 의견 {len(ann.findings)}건"))
    if failed or (strict and errors):
        raise typer.Exit(EXIT_FAILED_FILE)


@app.command(name="eval")
def evaluate(
    corpus: Annotated[Path, typer.Option("--corpus", help="folder with gold/ and seeds/")] = Path("corpus"),
    report: Annotated[Path, typer.Option("--report", help="Markdown report")] = Path("eval/reports/scores.md"),
    update_baseline: Annotated[bool, typer.Option("--update-baseline")] = False,
    field: Annotated[bool, typer.Option(
        "--field/--seeds-only", help="also score the field corpus (../shared/corpus)")] = True,
    split: Annotated[str, typer.Option("--split", help="field split: dev, test or all")] = "all",
    llm: Annotated[str | None, typer.Option(
        "--llm", help="PROVIDER:MODEL: also report what the LLM assist adds and drops")] = None,
) -> None:
    """Score extraction against the hand-checked gold, per field and per document."""
    from rich.table import Table

    from gonggo.cli.commands import load_llm
    from gonggo.eval.run import evaluate as run_eval
    from gonggo.eval.run import markdown_report, regressions, write_baseline

    console = make_console()
    from gonggo.eval.score import load_gold

    if not guarded(lambda: load_gold(corpus)):
        fail(f"{corpus}: no gold documents in {corpus / 'gold'} (see corpus/GOLD.md)")
    chat = guarded(lambda: load_llm(llm)) if llm else None
    result = guarded(lambda: run_eval(corpus, progress=lambda name: console.print(f"scored {name}"),
                                      llm=chat))
    text = markdown_report(result)
    if field and llm is None:
        from gonggo.eval.field import SHARED_CORPUS
        from gonggo.eval.field import markdown as field_markdown
        from gonggo.eval.run import evaluate_field

        if SHARED_CORPUS.is_dir():
            splits = ("dev", "test") if split == "all" else (split,)
            scores = guarded(lambda: evaluate_field(
                splits, progress=lambda name: console.print(f"scored {name}")))
            text += "\n" + "\n".join(field_markdown(scores))
        else:
            console.print(f"field corpus not found at {SHARED_CORPUS}: seeds only")
    report.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(report, text)
    table = Table(title="gonggo eval")
    for col in ("field", "precision", "recall", "F1"):
        table.add_column(col)
    for name, c in result.totals().items():
        table.add_row(name, *(f"{x:.3f}" if x is not None else "–"
                              for x in (c.precision, c.recall, c.f1)))
    console.print(table)
    g, n = result.grounded()
    console.print(f"grounded evidence spans: {g}/{n}; report: {report}")
    if update_baseline:
        write_baseline(result)
        console.print("baseline updated")
        return
    worse = regressions(result)
    for line in worse:
        console.print(f"[red]regression: {line}[/red]")
    if worse:
        raise typer.Exit(EXIT_FAILED_FILE)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="last year's announcement file or extracted JSON")],
    new: Annotated[Path, typer.Argument(help="this year's announcement file or extracted JSON")],
    fmt: Annotated[str, typer.Option("--format", help="md, html, json, patch, xlsx or docx")] = "md",
    out: Annotated[Path | None, typer.Option("--out", help="write here instead of stdout")] = None,
    embedding_model: Annotated[Path | None, typer.Option(
        "--embedding-model", help="local sentence-transformers model folder (never downloaded)")] = None,
) -> None:
    """Year-over-year changes as a 신구대비표 (md/html), a change set (json) or a JSON Patch."""
    # the body is typer-free: `gonggo.cli.entry` runs it directly for a plain command line
    from gonggo.cli.diff_command import DiffExit, run_diff

    try:
        run_diff(old, new, fmt, out, embedding_model, echo=lambda text: typer.echo(text, err=True))
    except DiffExit as err:
        raise typer.Exit(err.code) from None


def _won(text: str) -> int:
    """`--total-cost`: digits with optional `,` or `_` separators and a trailing `원`."""
    digits = text.strip().removesuffix("원").replace(",", "").replace("_", "")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
        fail(f"--total-cost must be a whole number of won (like 50000000), not {text!r}", 2)
    return int(digits)


def _make_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(f"cannot create the folder {printable(path)}: "
                         f"{err.strerror or type(err).__name__}") from None


@app.command(name="export")
def export_configs(
    files: Annotated[list[Path] | None, typer.Argument(
        help="announcement files or extracted JSON specs")] = None,
    out: Annotated[Path, typer.Option("--out", help="folder for the YAML rule configs")] = Path("out/rules"),
    json_schema: Annotated[bool, typer.Option("--schema", help="print the config JSON Schema")] = False,
    jobs: Annotated[int | None, jobs_option()] = None,
    summary: Annotated[str | None, typer.Option(
        "--summary", help="also write a spec summary for staff: xlsx or docx")] = None,
) -> None:
    """Write one engine rule config (YAML) per program, and their JSON Schema beside them."""
    from gonggo.cli.commands import export_task, load_spec, output_folder, write_output

    if json_schema:
        from gonggo.schemas.rule_config import json_schema as config_schema

        typer.echo(json.dumps(config_schema(), ensure_ascii=False, indent=1))
        return
    if not files:
        fail("give an announcement FILE (or --schema)", 2)
        return
    from functools import partial

    if summary not in (None, "xlsx", "docx"):
        fail(f"--summary must be xlsx or docx, not {summary!r}", 2)
    guarded(lambda: output_folder(out))
    if summary:
        from gonggo.export import office

        write = office.summary_xlsx if summary == "xlsx" else office.summary_docx
        for file in files:
            target = guarded(partial(_write_summary, file, out, summary, write, load_spec,
                                     write_output))
            typer.echo(printable(f"{target}  (요약)"))
    if len(files) == 1:
        for line in guarded(lambda: export_task(files[0], out)):
            typer.echo(printable(line))
        return
    if _batch(files, partial(export_task, out=out), jobs, "export", lambda _path, lines: lines):
        raise typer.Exit(EXIT_FAILED_FILE)


def _write_summary(file: Path, out: Path, kind: str, write, load_spec, write_output):  # type: ignore[no-untyped-def]
    return write_output(out / f"{file.stem}.summary.{kind}", write(load_spec(file)))


@app.command()
def simulate(
    config: Annotated[Path, typer.Argument(help="a rule config written by `gonggo export`")],
    total_cost: Annotated[str, typer.Option(
        "--total-cost", help="total project cost: 150000000, 1,000,000, 1억, 5천만원")],
    track: Annotated[str | None, typer.Option("--track", help="track name")] = None,
    applicant: Annotated[Path | None, typer.Option("--applicant", help="applicant profile (YAML/JSON)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="the result as JSON")] = False,
) -> None:
    """Each payer's amount and, for an applicant, the verdict per clause of the track.

    Exit 0 pass, 1 fail, 2 undecidable (the profile leaves out what a clause needs), 4 bad input.
    """

    from gonggo.cli import simulate as sim
    from gonggo.export.simulate import SimulationError
    from gonggo.export.simulate import simulate as run

    def compute():  # type: ignore[no-untyped-def]
        cfg, profile, cost = sim.load_inputs(config, applicant, total_cost)
        try:
            return cfg, run(cfg, track, cost, profile)
        except SimulationError as err:
            raise UserError(str(err)) from err

    cfg, result = guarded(compute, sim.EXIT_BAD_INPUT)
    if as_json:
        sys.stdout.write(sim.to_json(cfg, result) + "\n")
    else:
        sim.print_table(cfg, result, make_console())
    raise typer.Exit(sim.EXIT_OF[result.verdict])


@app.command()
def review(
    file: Annotated[Path, typer.Argument(help="announcement file")],
    out: Annotated[Path | None, typer.Option("--out", help="HTML file to write")] = None,
) -> None:
    """One self-contained HTML page: the text with every fact highlighted, facts, findings."""
    from gonggo.export.review import render_review
    from gonggo.pipeline import parse

    def build() -> str:
        result = parse(file)
        return render_review(result.spec, result.document.text, result.document)

    from gonggo.cli.commands import write_output

    page = guarded(build)
    target = guarded(lambda: write_output(out or Path(f"{file.stem}.review.html"), page))
    typer.echo(printable(f"wrote {target}"))


# `update`, `pairs`, `serve` (the program history store) register themselves on `app`.
from gonggo.cli import store_commands as _store_commands  # noqa: F401
