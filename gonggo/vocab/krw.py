"""Won amounts as a report prints them: one style per report (`money_style`), each amount in it
(`format_krw`). No patterns: a report that prints amounts need not compile `vocab.money`'s
amount rules (re-exported there, where amounts are found).
"""

from __future__ import annotations

from typing import Literal

MoneyStyle = Literal["원", "만원", "억원"]


def money_style(values: list[int]) -> MoneyStyle:
    """The one unit a report prints all its amounts in: 억원 when every amount is a whole
    number of 천만원 of at least 1억, 만원 when every amount is a whole number of 만원, else 원."""
    nonzero = [v for v in values if v]
    if not nonzero:
        return "만원"
    if all(v % 10**4 == 0 for v in nonzero):
        if all(v >= 10**8 and v % 10**7 == 0 for v in nonzero):
            return "억원"
        return "만원"
    return "원"


def format_krw(won: int, style: MoneyStyle = "만원") -> str:
    """`18000000` → `1,800만원` (만원), `1.8억원` (억원), `18,000,000원` (원). A value the
    style cannot state exactly is printed in 원, so a report never rounds money."""
    if style == "억원" and won % 10**7 == 0:
        whole, tenth = divmod(won // 10**7, 10)
        return f"{whole:,}.{tenth}억원" if tenth else f"{whole:,}억원"
    if style in ("만원", "억원") and won % 10**4 == 0:
        return f"{won // 10**4:,}만원"
    return f"{won:,}원"
