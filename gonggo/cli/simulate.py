"""`gonggo simulate`: amounts per payer and the verdict on an applicant profile.

Exit codes (engines and scripts branch on them):

    0  pass         every clause the profile can be judged on is met (or no profile was given)
    1  fail         a clause for this track fails (an eligibility condition, or an exclusion)
    2  undecidable  nothing fails, but a clause needs what the profile leaves out
    4  bad input    an unreadable config or profile, an unknown key, a bad amount, no such track
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from gonggo.cli import UserError
from gonggo.export.simulate import Simulation
from gonggo.schemas.rule_config import RuleConfig
from gonggo.vocab.money import format_krw, money_style

EXIT_PASS, EXIT_FAIL, EXIT_UNDECIDABLE, EXIT_BAD_INPUT = 0, 1, 2, 4
EXIT_OF = {"pass": EXIT_PASS, "fail": EXIT_FAIL, "undecidable": EXIT_UNDECIDABLE}
VERDICT_KO = {"pass": "충족", "fail": "불충족", "undecidable": "판단 불가"}
OUTCOME_KO = {"pass": "충족", "fail": "불충족", "undecidable": "판단 불가", "skipped": "해당 없음"}
FIELD_KO = {"eligibility": "신청자격", "exclusions": "제외대상"}


def load_inputs(config: Path, applicant: Path | None, total_cost: str) -> tuple:  # type: ignore[type-arg]
    """The rule config, the profile and the cost, each read within `gonggo.ingest.limits`
    (size, YAML aliases and depth, tracks) and validated; any problem is one line."""
    from pydantic import ValidationError

    from gonggo.export.config import load_config_file
    from gonggo.export.profile import ProfileError, load_profile
    from gonggo.ingest.files import printable
    from gonggo.ingest.limits import MAX_CONFIG_BYTES
    from gonggo.ingest.structured import DataError, load_yaml
    from gonggo.vocab.money import AmountError, parse_krw

    try:
        cost = parse_krw(total_cost)
    except AmountError as err:
        raise UserError(f"--total-cost: {err}") from err
    try:
        cfg = load_config_file(config)
    except DataError as err:
        raise UserError(f"{printable(config)}: not a readable rule config ({err.message})") from None
    except (ValidationError, TypeError) as err:
        raise UserError(f"{printable(config)}: not a valid rule config "
                        f"({type(err).__name__})") from None
    profile = None
    if applicant is not None:
        try:
            data = load_yaml(applicant, MAX_CONFIG_BYTES)
        except DataError as err:
            raise UserError(f"{printable(applicant)}: not a readable profile "
                            f"({err.message})") from None
        try:
            profile = load_profile(data, printable(applicant))
        except ProfileError as err:
            raise UserError(str(err)) from err
    return cfg, profile, cost


def to_json(cfg: RuleConfig, result: Simulation) -> str:
    return json.dumps({"program": cfg.program, **result.to_json()}, ensure_ascii=False, indent=1)


def print_table(cfg: RuleConfig, result: Simulation, console: Console) -> None:
    style = money_style([result.total_cost] + [a.amount_krw for a in result.amounts])
    table = Table(title=f"{cfg.program} / {result.track or '-'}: "
                        f"총사업비 {format_krw(result.total_cost, style)}")
    for col in ("부담 주체", "표기", "금액", "산식"):
        table.add_column(col)
    for a in result.amounts:
        table.add_row(a.payer, a.label, format_krw(a.amount_krw, style), a.rule)
    console.print(table)
    for p in result.problems:
        console.print(f"[yellow]문제: {p}[/yellow]")
    if not result.profile_given:
        return
    for c in result.checks:
        if c.outcome in ("fail", "undecidable"):
            colour = "red" if c.outcome == "fail" else "yellow"
            console.print(f"[{colour}]{OUTCOME_KO[c.outcome]} ({FIELD_KO[c.field]}):[/{colour}] "
                          f"{c.text} — {c.reason}", highlight=False)
    console.print(f"판정: {VERDICT_KO[result.verdict]}", highlight=False)
