"""The `gonggo` console script: `--help` and `--version` answered without importing typer.

`gonggo --help` (and `gonggo COMMAND --help`) prints the help typer renders for the app,
pre-rendered into `gonggo.cli._help` by `python -m gonggo.cli.helptext` (tests/test_startup.py
fails when the two differ). Importing typer alone takes ~0.05 s, its click and the command
module more; the pre-rendered text is printed in the time Python takes to start. Every other
command line, and help for a terminal narrower than the text was rendered for or a stdout that
cannot take UTF-8, goes to the typer app (`gonggo.cli.main`) as before.

A plain `gonggo diff OLD NEW [--format F] [--out FILE] [--embedding-model DIR]` (each option
at most once, no value or argument that starts with `-`, UTF-8 stdout and stderr) runs the
typer-free body of the command (`gonggo.cli.diff_command`) here, with the logging the app's
callback sets up and the exit codes the app gives (130 on Ctrl-C, 1 on a closed stdout): ~0.05 s
less of imports on a command meant to be quick. Any other diff command line goes to typer;
tests/test_startup.py checks the options against the typer command's and both ways' outputs.
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
    diff_args = fast_diff(args)
    if diff_args is not None:
        sys.exit(run_fast_diff(diff_args))
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


# `gonggo diff`'s options → run_diff's parameters (tests/test_startup.py: the typer command's)
DIFF_ARGUMENTS = ("old", "new")
DIFF_OPTIONS = {"--format": "fmt", "--out": "out", "--embedding-model": "embedding_model"}


def fast_diff(args: list[str]) -> dict[str, str] | None:
    """The diff command's parameters when `args` is a plain `diff` command line the typer app
    would run as given; None for anything else (typer parses it, errors and all)."""
    if len(args) < 1 + len(DIFF_ARGUMENTS) or args[0] != "diff":
        return None
    if not (_utf8(sys.stdout) and _utf8(sys.stderr)):
        return None
    params: dict[str, str] = {}
    positional: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if arg.startswith("-"):
            name = DIFF_OPTIONS.get(arg)
            value = next(rest, None)
            if name is None or name in params or not value or value.startswith("-"):
                return None
            params[name] = value
        elif arg:
            positional.append(arg)
        else:
            return None
    if len(positional) != len(DIFF_ARGUMENTS):
        return None
    params.update(zip(DIFF_ARGUMENTS, positional, strict=True))
    return params


def run_fast_diff(params: dict[str, str]) -> int:
    """`gonggo diff` as the typer app runs it (its callback's logging, its exit codes)."""
    import logging
    from pathlib import Path

    from gonggo.cli.diff_command import DiffExit, run_diff

    logging.basicConfig(level=logging.WARNING, format="gonggo: %(message)s", force=True)
    logging.getLogger("gonggo").setLevel(logging.INFO)
    paths = {k: Path(v) for k, v in params.items() if k != "fmt"}
    try:
        run_diff(fmt=params.get("fmt", "md"), **paths)  # type: ignore[arg-type]
    except DiffExit as err:
        return err.code
    except KeyboardInterrupt:
        return 130
    except OSError as err:
        import errno

        if err.errno != errno.EPIPE:
            raise
        sys.stdout = _Pacified(sys.stdout)  # type: ignore[assignment]
        sys.stderr = _Pacified(sys.stderr)  # type: ignore[assignment]
        return 1
    return 0


class _Pacified:
    """click's PacifyFlushWrapper: the final flush of a closed pipe is not an error."""

    def __init__(self, wrapped: object) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()  # type: ignore[attr-defined]
        except OSError as err:
            import errno

            if err.errno != errno.EPIPE:
                raise

    def __getattr__(self, attr: str) -> object:
        return getattr(self.wrapped, attr)
