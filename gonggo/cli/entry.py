"""The `gonggo` console script: `--help` and `--version` answered without importing typer.

`gonggo --help` (and `gonggo COMMAND --help`) prints the help typer renders for the app,
pre-rendered into `gonggo.cli._help` by `python -m gonggo.cli.helptext` (tests/test_startup.py
fails when the two differ). Importing typer alone takes ~0.05 s, its click and the command
module more; the pre-rendered text is printed in the time Python takes to start. Every other
command line, and help for a terminal narrower than the text was rendered for or a stdout that
cannot take UTF-8, goes to the typer app (`gonggo.cli.main`) as before.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    text = fast_answer(args)
    if text is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from gonggo.cli.main import app

    app(args, prog_name="gonggo")


def fast_answer(args: list[str]) -> str | None:
    """What the typer app would print for `args` when that is `--help` of the app or of one
    command, or `--version`; None for everything else (typer answers)."""
    if args == ["--version"]:
        from gonggo import __version__

        return f"gonggo {__version__}\n"
    if not args or args[-1] != "--help" or len(args) > 2:
        return None
    if not _utf8(sys.stdout) or terminal_columns() < _help_columns():
        return None
    from gonggo.cli._help import HELP

    return HELP.get(" ".join(args[:-1]))


def _help_columns() -> int:
    from gonggo.cli._help import COLUMNS

    return COLUMNS


def _utf8(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") == "utf8"


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns` (what click wraps help to), without importing
    shutil and the archive modules it loads."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns
