"""The body of `gonggo diff`, free of typer and click.

`gonggo.cli.main.diff` (the typer command) and `gonggo.cli.entry` (which answers a plain
`gonggo diff OLD NEW [--format F] [--out FILE] [--embedding-model DIR]` without importing
typer, ~0.05 s of CPU, nor the command module) both run `run_diff`; errors are the same one
line on stderr and the same exit code either way (tests/test_startup.py runs both).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import regex

T = TypeVar("T")
logger = logging.getLogger("gonggo")

FORMATS = ("md", "html", "json", "patch", "xlsx", "docx")
EXIT_FAILED_FILE = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

# click.echo strips ANSI styles from a stream that is not a terminal: so do we
ANSI = regex.compile(r"\033\[[;?0-9]*[a-zA-Z]")


class DiffExit(Exception):
    """The diff ends with this exit code (its message is already on stderr)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def echo_error(text: str) -> None:
    """`typer.echo(text, err=True)` without click (the entry checked stderr takes UTF-8)."""
    text += "\n"
    stream = sys.stderr
    if not stream.isatty():
        text = ANSI.sub("", text)
    stream.write(text)
    stream.flush()


def fail(message: str, code: int = EXIT_FAILED_FILE,
         echo: Callable[[str], None] = echo_error) -> None:
    from gonggo.ingest.files import printable

    echo(printable(f"gonggo: {message}".replace("\n", " ")))
    raise DiffExit(code)


def guarded(fn: Callable[[], T], echo: Callable[[str], None] = echo_error) -> T:
    """Run `fn`; typed reading errors and unexpected ones become one line on stderr."""
    try:
        return fn()
    except DiffExit:
        raise
    except Exception as err:  # noqa: BLE001 - the CLI edge: never a traceback
        # the typed errors' modules load once one is raised (gonggo.atomic's tempfile is
        # not on the path of a diff printed to stdout)
        from gonggo.atomic import WriteError
        from gonggo.cli import UserError
        from gonggo.ingest.errors import IngestError

        if isinstance(err, (IngestError, UserError, WriteError)):
            fail(str(err), EXIT_FAILED_FILE, echo)
        fail(f"internal error: {type(err).__name__}: {err}", EXIT_INTERNAL, echo)
    raise AssertionError("unreachable")


def _year(spec) -> str:  # type: ignore[no-untyped-def]
    return f"({spec.announced_on.year})" if spec.announced_on else ""


def run_diff(old: Path, new: Path, fmt: str = "md", out: Path | None = None,
             embedding_model: Path | None = None,
             echo: Callable[[str], None] = echo_error) -> None:
    """`gonggo diff`; raises DiffExit after `echo`ing its one error line."""
    if fmt not in FORMATS:
        fail(f"--format must be md, html, json, patch, xlsx or docx, not {fmt!r}", EXIT_USAGE,
             echo)
    if fmt in ("xlsx", "docx") and out is None:
        fail(f"--format {fmt} writes a file: give --out FILE.{fmt}", EXIT_USAGE, echo)

    # each format imports its own writer: `--format json` of two specs loads no report code
    from gonggo.changes.diff import diff as diff_specs
    from gonggo.changes.locate import annotate
    from gonggo.changes.similarity import UnsuitableModel, lexical_similarity, semantic_similarity
    from gonggo.cli.specs import SpecError, load_spec

    def load(path: Path):  # type: ignore[no-untyped-def]
        """The spec, and the document when the input is an announcement (for section refs)."""
        if path.suffix.lower() == ".json":
            spec, doc = load_spec(path), None
        else:
            from gonggo.pipeline import parse

            result = parse(path)
            spec, doc = result.spec, result.document
        if not spec.programs:
            # an empty side makes an empty 신구대비표: say why rather than print it silently
            from gonggo.ingest.files import printable

            logger.warning("%s: no program read (not an announcement?): its side of the "
                           "comparison is empty", printable(path))
        return spec, doc

    def run() -> str | bytes:
        (old_spec, old_doc), (new_spec, new_doc) = load(old), load(new)
        try:
            sim = semantic_similarity(embedding_model) if embedding_model else lexical_similarity
        except UnsuitableModel as err:
            raise SpecError(str(err)) from err
        cs = annotate(diff_specs(old_spec, new_spec, sim), old_doc, new_doc)
        if fmt == "json":
            return json.dumps([c.model_dump(mode="json") for c in cs.changes], ensure_ascii=False,
                              indent=1)
        if fmt == "patch":
            from gonggo.changes.patch import make_patch

            return json.dumps(make_patch(cs, old_spec, new_spec), ensure_ascii=False, indent=1)
        from gonggo.changes.report import Source, to_html, to_markdown

        years = (_year(old_spec), _year(new_spec))
        sources = (Source(old_doc.text if old_doc else None),
                   Source(new_doc.text if new_doc else None))
        if fmt == "md":
            return to_markdown(cs, *years, *sources)
        if fmt == "html":
            return to_html(cs, *years, *sources)
        from gonggo.changes import office

        return (office.to_xlsx if fmt == "xlsx" else office.to_docx)(cs, *years, *sources)

    text = guarded(run, echo)
    if out:
        from gonggo.cli.commands import write_output
        from gonggo.ingest.files import printable

        guarded(lambda: write_output(out, text), echo)
        logger.info("wrote %s", printable(out))
    else:
        assert isinstance(text, str)
        sys.stdout.write(text + ("" if text.endswith("\n") else "\n"))
