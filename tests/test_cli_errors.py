"""Every CLI error path: one line on stderr naming what is wrong, a documented exit code, never
a traceback. One table; each row is (case, arguments, exit code, words the line must hold)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from gonggo.cli.main import app
from gonggo.export.config import to_yaml
from gonggo.schemas.rule_config import ClauseRule, PayerRule, RuleConfig, SourceRef, TrackRule

CONFIG = RuleConfig(program="p", key="p", source=SourceRef(path="x", sha256="0", title="t"),
                    tracks=[TrackRule(name="고도화", payers=[
                        PayerRule(payer="government", label="정부", cap_krw=18_000_000,
                                  share_pct=30, share_bound="max")])],
                    exclusions=[ClauseRule(kind="tax", text="국세 체납 기업")])


@pytest.fixture()
def files(tmp_path: Path) -> Path:
    (tmp_path / "rule.yaml").write_text(to_yaml(CONFIG), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("program: [", encoding="utf-8")
    (tmp_path / "typo.yaml").write_text("regoin: 강원\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- 강원\n", encoding="utf-8")
    (tmp_path / "scalar.yaml").write_text("강원\n", encoding="utf-8")
    (tmp_path / "ok.yaml").write_text("tax_arrears: false\n", encoding="utf-8")
    (tmp_path / "arrears.yaml").write_text("tax_arrears: true\n", encoding="utf-8")
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    (tmp_path / "spec.json").write_text("{not json", encoding="utf-8")
    return tmp_path


SEED = "corpus/seeds/004_24870ec50e9eacea.txt"
OLD_SEED = "corpus/seeds/002_34b7be75f7e38256.txt"

CASES = [
    # simulate: 0 pass / 1 fail / 2 undecidable / 4 bad input
    ("simulate pass", ["simulate", "{d}/rule.yaml", "--total-cost", "1억", "--applicant",
                       "{d}/ok.yaml"], 0, None),
    ("simulate fail", ["simulate", "{d}/rule.yaml", "--total-cost", "5천만원", "--applicant",
                       "{d}/arrears.yaml"], 1, None),
    ("simulate typo key", ["simulate", "{d}/rule.yaml", "--total-cost", "1,000,000",
                              "--applicant", "{d}/typo.yaml"], 4, "regoin"),
    ("simulate bad amount", ["simulate", "{d}/rule.yaml", "--total-cost", "1억원쯤"], 4,
     "not an amount"),
    ("simulate list profile", ["simulate", "{d}/rule.yaml", "--total-cost", "1억", "--applicant",
                               "{d}/list.yaml"], 4, "not a list"),
    ("simulate scalar profile", ["simulate", "{d}/rule.yaml", "--total-cost", "1억",
                                 "--applicant", "{d}/scalar.yaml"], 4, "not a str"),
    ("simulate missing profile", ["simulate", "{d}/rule.yaml", "--total-cost", "1억",
                                  "--applicant", "{d}/nope.yaml"], 4, "nope.yaml"),
    ("simulate broken config", ["simulate", "{d}/broken.yaml", "--total-cost", "1억"], 4,
     "not a readable rule config"),
    ("simulate missing config", ["simulate", "{d}/none.yaml", "--total-cost", "1억"], 4,
     "none.yaml"),
    ("simulate unknown track", ["simulate", "{d}/rule.yaml", "--total-cost", "1억", "--track",
                                "기초"], 4, "no track"),
    ("simulate no profile keys", ["simulate", "{d}/rule.yaml", "--total-cost", "1억",
                                  "--applicant", "{d}/ok.yaml", "--track", "고도화"], 0, None),
    # output paths: a missing folder is created; a file or folder in the way is one line
    ("diff --out into a missing folder", ["diff", "{d}/spec.json", SEED, "--out",
                                          "{d}/new/deeper/t.md"], 1, "not JSON"),
    ("diff --out onto a folder", ["diff", OLD_SEED, SEED, "--out", "{d}"], 1, "is a folder"),
    ("diff --out under a file", ["diff", OLD_SEED, SEED, "--out", "{d}/a_file/t.md"], 1,
     "is a file, not a folder"),
    ("diff bad format", ["diff", OLD_SEED, SEED, "--format", "pdf"], 2, "--format must be"),
    ("diff xlsx without --out", ["diff", OLD_SEED, SEED, "--format", "xlsx"], 2, "give --out"),
    ("diff missing file", ["diff", "{d}/none.txt", SEED], 1, "none.txt"),
    ("export --out onto a file", ["export", SEED, "--out", "{d}/a_file"], 1,
     "is a file, not a folder"),
    ("export bad summary", ["export", SEED, "--summary", "pdf"], 2, "--summary must be"),
    ("export without file", ["export"], 2, "give an announcement FILE"),
    ("export bad json spec", ["export", "{d}/spec.json", "--out", "{d}/r"], 1,
     "not JSON"),
    ("review --out under a file", ["review", SEED, "--out", "{d}/a_file/r.html"], 1,
     "is a file, not a folder"),
    ("review missing file", ["review", "{d}/none.hwp"], 1, "none.hwp"),
    ("extract --out onto a file", ["extract", SEED, SEED, "--out", "{d}/a_file"], 1,
     "is a file, not a folder"),
    ("demo --out onto a file", ["demo", "corpus/seeds", "--out", "{d}/a_file"], 1,
     "is a file, not a folder"),
    ("check missing file", ["check", "{d}/none.pdf"], 1, "none.pdf"),
    ("ingest missing file", ["ingest", "{d}/none.pdf"], 1, "none.pdf"),
]


@pytest.mark.parametrize("case, args, code, words", CASES, ids=[c[0] for c in CASES])
def test_cli_error_paths(files: Path, case: str, args: list[str], code: int,
                         words: str | None) -> None:
    result = CliRunner().invoke(app, [a.format(d=files) for a in args])
    assert result.exit_code == code, (case, result.output, result.stderr)
    assert "Traceback" not in result.stderr
    if words is not None:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (case, result.stderr)


def test_undecidable_exit(files: Path) -> None:
    (files / "empty.yaml").write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["simulate", str(files / "rule.yaml"), "--total-cost", "1억",
                                      "--applicant", str(files / "empty.yaml"), "--json"])
    assert result.exit_code == 2
    assert '"verdict": "undecidable"' in result.stdout


def test_out_into_a_missing_folder_creates_it(files: Path) -> None:
    target = files / "made" / "on" / "demand" / "t.xlsx"
    result = CliRunner().invoke(app, ["diff", OLD_SEED, SEED, "--format", "xlsx", "--out",
                                      str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes()[:2] == b"PK"
    assert "wrote" in result.stderr
    quiet = CliRunner().invoke(app, ["-q", "diff", OLD_SEED, SEED, "--out", str(files / "q.md")])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_diff_of_a_non_announcement_says_its_side_is_empty(files: Path) -> None:
    # a JSON that is no spec is read as an announcement; with no program read the 신구대비표 is
    # empty, and the run says so on stderr instead of printing an empty table silently
    (files / "other.json").write_text('{"a": 1}', encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", str(files / "other.json"), SEED])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "other.json: no program read" in lines[0], result.stderr
    real = CliRunner().invoke(app, ["diff", OLD_SEED, SEED])
    assert real.exit_code == 0 and "no program read" not in real.stderr


def test_tables_are_full_width_when_not_a_terminal() -> None:
    """Piped output is not folded to 80 columns: each finding stays on one line."""
    result = CliRunner().invoke(app, ["check", "corpus/seeds/000_50e8d47739c6eae6.txt", "--strict"])
    assert result.exit_code == 1
    row = next(line for line in result.stdout.splitlines() if "impossible_date" in line)
    assert "달력에 없는 날짜" in row and "31일" in row and len(row) > 100
