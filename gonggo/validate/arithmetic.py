"""Worked examples whose arithmetic is wrong (`6개월×40% = 2.4`, `1억원의 70%인 0.8억원`), and
one payer's share stated against two different bases (총사업비의 10% here, 정부지원금의 10%
there)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from gonggo.schemas.announcement import Announcement, Finding
from gonggo.schemas.document import Document
from gonggo.validate.common import ev, finding, forms_start, in_terms, q
from gonggo.vocab.text import compiled

_UNIT = r"(?:\s*[(（]?\s*(?:천|만|백만|억)?\s*원\s*[)）]?|\s*(?:개월|명|%|배))?"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_OPERAND = rf"(?P<n>{_NUM}){_UNIT}"
# `a × b (× c …) = r`: a product or quotient printed with its result
_CHAIN = regex.compile(
    rf"(?<![\d.,])(?:{_NUM}){_UNIT}(?:\s*[×xX＊*/÷]\s*(?:{_NUM}){_UNIT})+\s*=\s*(?:{_NUM}){_UNIT}")
_PART = regex.compile(rf"([×xX＊*/÷])?\s*({_NUM})(\s*%)?")
# `총사업비 1억원의 70%(인|는|=) 0.7억원`
_OF = regex.compile(
    rf"(?P<a>{_NUM})\s*(?P<au>천|만|백만|억)?\s*원\s*의\s*(?P<p>\d+(?:\.\d+)?)\s*%\s*"
    rf"(?:인|은|는|=|:|→|⇒|수준인|에\s*해당하는)\s*(?P<b>{_NUM})\s*(?P<bu>천|만|백만|억)?\s*원")
_SCALE = {None: 1, "": 1, "천": 1000, "만": 10_000, "백만": 1_000_000, "억": 100_000_000}


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _evaluate(expr: str) -> tuple[Decimal, Decimal] | None:
    """(left side, printed result) of `a × b = r`; a percentage counts as a fraction."""
    left, _, right = expr.rpartition("=")
    value: Decimal | None = None
    for op, num, pct in _PART.findall(left):
        n = _dec(num)
        if n is None:
            return None
        n = n / 100 if pct else n
        if value is None:
            value = n
        elif op in ("/", "÷"):
            if n == 0:
                return None
            value /= n
        elif op:
            value *= n
    m = _PART.search(right)
    result = _dec(m[2]) if m else None
    if value is None or result is None or m is None:
        return None
    return value, result / 100 if m[3] else result


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(abs(b) * Decimal("0.01"), Decimal("0.005"))


def check_examples(doc: Document, ann: Announcement) -> list[Finding]:
    out = []
    for m in _CHAIN.finditer(doc.text, 0, forms_start(doc)):
        before = doc.text[max(0, m.start() - 12) : m.start()].rstrip()
        if not in_terms(doc, m.start()) or compiled(r"[×xX＊*/÷+\-]$|이상$|이하$").search(before):
            continue  # a chain read from its middle
        got = _evaluate(m[0])
        if got is None or _close(*got):
            continue
        left, _, right = m[0].rpartition("=")
        out.append(finding(
            "example_arithmetic_wrong",
            f"계산 예시 ‘{q(left, 40)}’의 값은 {got[0]:g}인데 ‘{q(right, 20)}’로 적혀 "
            f"있습니다.", [ev(doc, m.start(), m.start() + len(left)),
                          ev(doc, m.start() + len(left) + 1, m.end())]))
    for m in _OF.finditer(doc.text, 0, forms_start(doc)):
        a, b = _dec(m["a"]), _dec(m["b"])
        if a is None or b is None or not in_terms(doc, m.start()):
            continue
        whole = a * _SCALE[m["au"]]
        part = b * _SCALE[m["bu"]]
        if _close(whole * Decimal(m["p"]) / 100, part):
            continue
        out.append(finding(
            "example_arithmetic_wrong",
            f"‘{q(m[0], 40)}’: {q(m['a'] + (m['au'] or '') + '원', 15)}의 {m['p']}%는 "
            f"{whole * Decimal(m['p']) / 100:,.0f}원인데 ‘{q(m['b'] + (m['bu'] or '') + '원', 15)}’"
            f"로 적혀 있습니다.", [ev(doc, m.start("a"), m.end("p") + 1),
                              ev(doc, m.start("b"), m.end())]))
    return out


# one share, two bases ----------------------------------------------------------------------

_PAYER = r"(?P<payer>현금|현물|자부담|자기부담|기업부담|민간부담|기관부담(?!\s*연구개발비의))"
_BASE = (r"(?P<base>총\s*사업비|총\s*연구개발비|정부\s*지원\s*(?:연구개발비|금)|정부\s*출연금|"
         r"지원금|보조금)")
_SHARE = regex.compile(_PAYER + r"[^\n%]{0,25}?" + _BASE + r"\s*(?:의|대비)\s*(?P<p>\d+(?:\.\d+)?)\s*%")
_TOTAL_BASE = regex.compile(r"총")


def check_share_bases(doc: Document, ann: Announcement) -> list[Finding]:
    """The same payer's share printed as N% of the total cost in one place and N% of the
    support amount in another."""
    seen: dict[tuple[str, str], regex.Match[str]] = {}
    out = []
    for m in _SHARE.finditer(doc.text, 0, forms_start(doc)):
        if not in_terms(doc, m.start()):
            continue
        total = bool(_TOTAL_BASE.match(m["base"]))
        key = (m["payer"], m["p"])
        first = seen.get(key)
        if first is None:
            seen[key] = m
            continue
        if bool(_TOTAL_BASE.match(first["base"])) == total:
            continue
        out.append(finding(
            "share_base_differs",
            f"{m['payer']} 비율이 ‘{q(first[0], 40)}’에서는 {q(first['base'], 12)} 기준, "
            f"‘{q(m[0], 40)}’에서는 {q(m['base'], 12)} 기준으로 다르게 적혀 있습니다.",
            [ev(doc, first.start(), first.end()), ev(doc, m.start(), m.end())]))
        seen[key] = m
    return out
