"""Start-up (issue 16): what `gonggo --help` and `gonggo diff` of two specs import, and the
pre-rendered help (`gonggo.cli._help`) being exactly what the typer app prints."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gonggo.cli import entry
from gonggo.cli._help import COLUMNS, HELP
from gonggo.cli.helptext import command_names, module_text, render, rendered

from .conftest import ROOT, seed_path

# `python -m gonggo ARGS` through the typer app, never the pre-rendered text
TYPER = "import sys; from gonggo.cli.main import app; app(sys.argv[1:], prog_name='gonggo')"


def run(args: list[str], columns: int | None = None, typer: bool = False,
        importtime: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    env["PYTHONIOENCODING"] = "utf-8"
    flags = ["-X", "importtime"] if importtime else []
    how = ["-c", TYPER] if typer else ["-m", "gonggo"]
    return subprocess.run([sys.executable, *flags, *how, *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, check=False)


def imported(stderr: str) -> set[str]:
    """The modules a `python -X importtime` run imported."""
    rows = [line[len("import time:"):].split("|") for line in stderr.splitlines()
            if line.startswith("import time:")]
    return {row[2].strip() for row in rows if len(row) == 3 and row[0].strip().isdigit()}


def loads(modules: set[str], prefix: str) -> bool:
    return any(m == prefix or m.startswith(prefix + ".") for m in modules)


# The pre-rendered help ------------------------------------------------------------------

def test_the_generated_help_module_is_what_the_typer_app_renders_now() -> None:
    """Fails after a command, option or docstring changes until `python -m
    gonggo.cli.helptext` is run."""
    helps = rendered()
    assert set(helps) == {"", *command_names()} == set(HELP)
    for key, text in helps.items():
        assert HELP[key] == text, f"gonggo {key} --help: run python -m gonggo.cli.helptext"
    assert (ROOT / "gonggo" / "cli" / "_help.py").read_text(encoding="utf-8") == module_text(helps)


@pytest.mark.parametrize("args", [["--help"], ["diff", "--help"], ["simulate", "--help"],
                                  ["--version"]])
@pytest.mark.parametrize("columns", [COLUMNS, 132])
def test_the_fast_answer_is_byte_for_byte_the_typer_apps(args: list[str], columns: int) -> None:
    fast, slow = run(args, columns), run(args, columns, typer=True)
    assert slow.returncode == 0 == fast.returncode, slow.stderr + fast.stderr
    assert fast.stdout == slow.stdout and fast.stdout.strip()
    assert fast.stderr == slow.stderr == ""


def test_a_narrow_terminal_gets_typers_own_wrapping() -> None:
    narrow = run(["--help"], COLUMNS - 20)
    assert narrow.stdout != HELP[""]  # click wrapped it narrower: the guard matters
    assert narrow.stdout == run(["--help"], COLUMNS - 20, typer=True).stdout
    assert narrow.stdout == render(["--help"], COLUMNS - 20)


def test_only_help_and_version_are_answered_without_typer() -> None:
    for args in (["--help"], ["diff", "--help"], ["--version"]):
        assert entry.fast_answer(args) is not None, args
    for args in ([], ["diff"], ["-q", "--help"], ["diff", "x", "--help"], ["nope", "--help"],
                 ["--help", "--help"], ["--version", "--help"]):
        assert entry.fast_answer(args) is None, args


def test_a_stdout_that_cannot_take_utf8_goes_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="latin-1"))
    assert entry.fast_answer(["--help"]) is None
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="UTF-8"))
    monkeypatch.setenv("COLUMNS", str(COLUMNS))
    assert entry.fast_answer(["--help"]) == HELP[""]


@pytest.mark.parametrize("value", [None, "100", "79", "0", "-3", "abc", ""])
def test_terminal_columns_is_shutils(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", value)
    assert entry.terminal_columns() == shutil.get_terminal_size().columns


# What the short commands import ---------------------------------------------------------

def test_help_imports_nothing_but_the_entry_and_its_text() -> None:
    bare = imported(subprocess.run([sys.executable, "-X", "importtime", "-c", "pass"],
                                   capture_output=True, text=True, check=True).stderr)
    for args in (["--help"], ["diff", "--help"], ["--version"]):
        out = run(args, COLUMNS, importtime=True)
        assert out.returncode == 0
        extra = imported(out.stderr) - bare - {"runpy"}  # runpy: `python -m`
        assert extra <= {"gonggo", "gonggo.cli", "gonggo.cli.entry", "gonggo.cli._help"}, extra


@pytest.fixture(scope="module")
def specs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two extracted seed specs, as `gonggo extract` writes them."""
    from gonggo.cli.commands import process

    folder = tmp_path_factory.mktemp("specs")
    paths = []
    for prefix in ("002", "000"):
        path = folder / f"{prefix}.json"
        path.write_text(process(seed_path(prefix)).model_dump_json(indent=1), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


# never on the diff of two extracted specs: reading, extraction, validation, the document
# model, worker processes, the batch commands and their atomic writer, the store, the
# exporters, console and office libraries, models
DIFF_MUST_NOT_IMPORT = ("gonggo.ingest.builder", "gonggo.ingest.isolate", "gonggo.reading",
                        "gonggo.cli.commands", "gonggo.pipeline", "gonggo.atomic",
                        "gonggo.extractors", "gonggo.validate", "gonggo.schemas.document",
                        "gonggo.store", "gonggo.export", "gonggo.eval", "gonggo.web", "rich",
                        "yaml", "openpyxl", "docx", "sqlalchemy", "spacy",
                        "sentence_transformers", "torch")


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_diff_of_two_specs_imports_only_the_comparison(specs: tuple[Path, Path], fmt: str) -> None:
    out = run(["diff", *map(str, specs), "--format", fmt], importtime=True)
    assert out.returncode == 0, out.stderr[-2000:]
    modules = imported(out.stderr)
    assert loads(modules, "gonggo.changes.diff") and loads(modules, "gonggo.schemas.announcement")
    assert [m for m in DIFF_MUST_NOT_IMPORT if loads(modules, m)] == []
    # the report prints amounts (vocab.krw) but finds none: vocab.money's amount patterns
    # are not compiled (these seeds' declared changes name no amount)
    assert not loads(modules, "gonggo.vocab.money")
    if fmt == "json":  # the change set needs no report writer, nor the money formats
        assert not loads(modules, "gonggo.changes.report")
        assert not loads(modules, "gonggo.vocab.krw")


def test_the_markdown_report_adds_only_its_writer_to_the_json_path(
        specs: tuple[Path, Path]) -> None:
    """Measured (issue 16): of the ~0.24 s of a two-spec diff, the report writer is ~0.01 s;
    the rest is the comparison both formats share. The markdown path may load no more than
    the writer, its money formats and its word diff."""
    md, js = (imported(run(["diff", *map(str, specs), "--format", fmt], importtime=True).stderr)
              for fmt in ("md", "json"))
    assert js < md
    assert md - js <= {"gonggo.changes.report", "gonggo.vocab.krw", "difflib"}, md - js


def test_diff_of_a_spec_with_itself_never_asks_kiwipiepy(specs: tuple[Path, Path]) -> None:
    """Kiwipiepy (a 2.5 s, ~300 MB model load) is asked only for a pair whose light score is
    undecided; identical texts never are."""
    out = run(["diff", str(specs[0]), str(specs[0])], importtime=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert not loads(imported(out.stderr), "kiwipiepy")


# `gonggo diff` without typer ------------------------------------------------------------

def test_the_fast_diff_options_are_the_typer_commands() -> None:
    """entry.DIFF_ARGUMENTS / DIFF_OPTIONS cannot drift from the typer command: a new or
    renamed option, a flag, a repeatable option or a changed default fails here."""
    import inspect

    import typer

    from gonggo.cli.diff_command import run_diff
    from gonggo.cli.main import app

    params = typer.main.get_command(app).commands["diff"].params  # type: ignore[attr-defined]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    assert tuple(p.name for p in arguments) == entry.DIFF_ARGUMENTS
    assert {opt: p.name for p in options for opt in [*p.opts, *p.secondary_opts]} == entry.DIFF_OPTIONS
    assert all(p.nargs == 1 and not p.multiple for p in params)
    assert not any(p.is_flag or p.count for p in options)
    defaults = {k: v.default for k, v in inspect.signature(run_diff).parameters.items()}
    assert {p.name: p.default for p in options} == {n: defaults[n] for n in entry.DIFF_OPTIONS.values()}
    assert [p.name for p in params] == list(defaults)[:len(params)]


@pytest.mark.parametrize(("args", "params"), [
    (["diff", "a.json", "b.json"], {"old": "a.json", "new": "b.json"}),
    (["diff", "--format", "json", "a", "b"], {"old": "a", "new": "b", "fmt": "json"}),
    (["diff", "a", "--out", "x.md", "b", "--embedding-model", "m"],
     {"old": "a", "new": "b", "out": "x.md", "embedding_model": "m"}),
])
def test_a_plain_diff_command_line_is_parsed(args: list[str], params: dict[str, str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("stdout", "stderr"):
        monkeypatch.setattr(sys, name, io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    assert entry.fast_diff(args) == params


@pytest.mark.parametrize("args", [
    ["diff"], ["diff", "a"], ["diff", "a", "b", "c"], ["diff", "a", "b", "--help"],
    ["diff", "a", "b", "--format=json"], ["diff", "a", "b", "--format"],
    ["diff", "a", "b", "--format", "md", "--format", "json"], ["diff", "a", "b", "--out", "-"],
    ["diff", "a", "b", "--"], ["diff", "-", "b"], ["diff", "", "b"], ["diff", "a", "b", "--bogus"],
    ["-q", "diff", "a", "b"], ["check", "a", "b"],
])
def test_anything_else_goes_to_typer(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("stdout", "stderr"):
        monkeypatch.setattr(sys, name, io.TextIOWrapper(io.BytesIO(), encoding="utf-8"))
    assert entry.fast_diff(args) is None
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="latin-1"))
    assert entry.fast_diff(["diff", "a", "b"]) is None


def test_diff_of_two_specs_imports_neither_typer_nor_click(specs: tuple[Path, Path]) -> None:
    out = run(["diff", *map(str, specs), "--format", "json"], importtime=True)
    assert out.returncode == 0, out.stderr[-2000:]
    modules = imported(out.stderr)
    assert loads(modules, "gonggo.cli.diff_command")
    assert [m for m in ("typer", "click", "gonggo.cli.main") if loads(modules, m)] == []


def test_the_fast_diff_is_the_typer_commands_output_errors_and_exit_codes(
        specs: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = map(str, specs)
    (tmp_path / "bad.json").write_text('{"a": 1', encoding="utf-8")
    (tmp_path / "old.json").write_text('{"schema_version": 999}', encoding="utf-8")
    cases = [[old, new], [old, new, "--format", "json"], [old, new, "--format", "patch"],
             [old, new, "--format", "html"], [new, old, "--format", "md"],
             [str(tmp_path / "missing.json"), new], [str(tmp_path / "bad.json"), new],
             [old, str(tmp_path / "old.json")], [old, new, "--format", "nope"],
             [old, new, "--format", "xlsx"], [old, new, "--embedding-model", str(tmp_path / "none")],
             [old, new, "--out", str(tmp_path / "d" / "x.md")],
             [old, new, "--out", str(tmp_path)], [old, new, "--out", str(tmp_path / "bad.json" / "x")]]
    for args in cases:
        assert entry.fast_diff(["diff", *args]) is not None, args
        fast, slow = run(["diff", *args]), run(["diff", *args], typer=True)
        assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout,
                                                               slow.stderr), args
        assert fast.stdout.strip() or fast.stderr.strip(), args
    md = run(["diff", old, new]).stdout
    assert md.strip() and (tmp_path / "d" / "x.md").read_text(encoding="utf-8") in (md, md[:-1])
