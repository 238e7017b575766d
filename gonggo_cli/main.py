"""`gonggo` commands. Errors are caught here, once, and become one line and an exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from ingest import IngestError, read_document

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Korean support-program announcements → evidence-backed specs.")

T = TypeVar("T")

EXIT_FAILED_FILE = 1
EXIT_INTERNAL = 3


def fail(message: str, code: int = EXIT_FAILED_FILE) -> None:
    typer.echo(f"gonggo: {message}".replace("\n", " "), err=True)
    raise typer.Exit(code)


def guarded(fn: Callable[[], T]) -> T:
    """Run `fn`; typed reading errors and unexpected ones become one line on stderr."""
    try:
        return fn()
    except IngestError as err:
        fail(str(err))
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
    doc = guarded(lambda: read_document(file))
    if as_json:
        sys.stdout.write(doc.model_dump_json(indent=1) + "\n")
    elif outline:
        from ingest.structure import outline as outline_lines

        for line in outline_lines(doc):
            typer.echo(line)
    else:
        sys.stdout.write(doc.text + "\n")
    for finding in doc.findings:
        pages = f" (pages {', '.join(map(str, finding.pages))})" if finding.pages else ""
        typer.echo(f"gonggo: {file}: {finding.severity}: {finding.message}{pages}", err=True)


@app.command()
def schema() -> None:
    """Print the announcement contract as JSON Schema."""
    from schemas.announcement import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


@app.command()
def demo(
    folder: Annotated[Path, typer.Argument(help="folder of announcement files")] = Path("corpus/seeds"),
    out: Annotated[Path, typer.Option("--out", help="output folder")] = Path("out"),
) -> None:
    """Run the whole job on a folder of announcements and say where to look."""
    from rich.console import Console

    from gonggo_cli.demo import run_demo

    failed = guarded(lambda: run_demo(folder, out, Console()))
    if failed:
        raise typer.Exit(EXIT_FAILED_FILE)
