"""Whose money an amount is: the whole call's (a budget), one year's, or several awards' sum.

A cap is one award's money. Announcements print three other kinds of amount beside caps,
and none of them is a cap:

    □ 공고규모 : ’17년도 정부출연금 43.0억 원 이내, 15개 과제     the call's budget
    □ 지원 규모 : 총 10개 과제, 24,935백만원                     the call's budget
    총 상금 6,500,000원 / ○ 지원 비용: 총 477,000천원            the call's budget
    ’25년 720백만원 / (1차년도)3.75억원 / '21년 정부지원연구개발비   one year's money
    □ 지정공모과제 : 12개 과제, 8,700백만 원 이내                several awards' sum

Public API:
    is_budget_line(text) -> bool         the line states the call's money
    budget_amount(text) -> Amount | None  the budget a line states (first amount after the cue,
                                          or a total over the awards: `8개사 대상 총 26억원`)
    year_money(label) / year_money_before(before) -> bool   one year's money
    aggregate_amount(text, start) -> bool the amount at `start` sums several awards
    several_programs(column) -> bool     a table's 사업명 column names two programs or more
    sheet_money_label(cell), sheet_period(label, value) -> bool   an RFP sheet's terms row
    row_budget(key, value) -> Amount | None  the budget a summary table's key/value row states
    corpus_value(text) -> int | None     the budget a line states (corpus/budget.jsonl)
"""

from __future__ import annotations

import regex

from gonggo.vocab.money import Amount, find_amounts
from gonggo.vocab.text import compiled

# The whole call's money, never one award's cap: `□ 공고규모 : ’17년도 정부출연금 43.0억 원 이내`,
# `총 상금 6,500,000원`, `□ 지원 규모 : 총 10개 과제, 24,935백만원`, `○ 지원 비용: 총 477,000천원`,
# `◦ 지정공모 : 2026년 신규과제 정부지원연구개발비 8,700백만 원 이내`, `총 예산 3억원`.
BUDGET_CUE = regex.compile(
    r"""공고\s*규모
      | 총\s*(?:상금|예산|사업\s*예산)
      | (?:지원|사업)\s*(?:규모|비용|예산)\s*(?:[)）]\s*[:：]?|[:：])\s*총
      | 신규\s*과제\s*(?:(?:정부\s*(?:지원\s*)?)?(?:연구\s*개발비|출연금)|국비|국고\s*보조금)
      | (?:사업\s*)?예산\s*[:：]
      # a 개요 item's parenthesised label (`◦ (사업예산) ’26년 1,200백만원`, `○ (예산) 총 12억원`)
      | [(（]\s*(?:총\s*)?(?:(?:사업|지원)\s*)?예산\s*[)）]
      # a budget label opening its line, run into its value with no colon (`□ 총 지원예산 12억원`,
      # `○ 사업예산 ’26년 정부출연금 43억원`, `○ ’26년 예산 1,200백만원`)
      | ^\s*(?:[□■○◦ㅇ●▶▷·\-]\s*)?(?:총\s*)?(?:(?:[’'‘]\s*\d{2}|20\d{2})\s*년\s*(?:도\s*)?)?
        (?:사업|지원)?\s*예산(?=\s+(?:총\s*)?(?:\d|[’'‘]\s*\d{2}|정부|국비|국고|출연금))
    """,
    regex.X,
)
# A year's money, not a cap: `’25년 720백만원`, `'21년 정부지원연구개발비`, `‘26년 예산(백만원)`,
# `(1차년도)3.75억원`, `당해연도 연구비`. (`총 연구비`, `연차별 최대 3억` are not one year's.)
YEAR_MONEY = regex.compile(
    r"""(?:[''‘’`´]\s*\d{2}|(?<!\d)20\d{2})\s*년\s*(?:도)?
      | (?<!\d)\d\s*(?:[~∼～〜-]\s*\d\s*)?차\s*(?:연\s*)?년\s*도
      | 당해\s*(?:연\s*)?년\s*도
    """,
    regex.X,
)
# `12개 과제, 8,700백만 원`, `총 10개 과제, 24,935백만원`: the sum for several awards
AGGREGATE_BEFORE = regex.compile(
    r"(?<!\d)(\d+)\s*개\s*(?:과제|기업|사|팀|기관)\s*(?:내외|이내)?\s*(?:대상)?\s*[,，]?\s*(?:총\s*)?$"
)


def is_budget_line(text: str) -> bool:
    """A line that states the whole call's money (see BUDGET_CUE)."""
    return bool(BUDGET_CUE.search(text))


# a size label whose value, after a marker or a count, is a total of money (`□ 지원규모 ㅇ 총 734.3억원`,
# `□ 지원규모 : 10개사 내외, 총 5억원`): the call's money, the amount right after `총`
SIZE_TOTAL = regex.compile(
    r"""(?:지원|사업)\s*규모\s*[:：]?\s*(?:[ㅇ○◦·∙\-]\s*)?
        (?:\d+\s*개\s*[가-힣]{0,3}\s*(?:내외|이내)?\s*[,/]\s*)?총\s*(?=\d)""",
    regex.X,
)


# A total over the awards, with no label: the count of awards (more than one) right before
# `총` (`선발 8개사 대상 총 26억원 이내 先투자`, bizinfo list), or one award's share printed beside
# the total (`총 5,500만원 사업개발비(팀당 약 1000만원 내외)`, bizinfo list). Not `총 10억 원
# 내외(과제당)`: a parenthesis naming no amount makes the total one award's.
AWARDS_TOTAL = regex.compile(
    r"""(?<!\d)(?P<n>\d+)\s*개\s*(?:과제|기업|사|팀|기관|업체)\s*(?:내외|이내)?\s*(?:대상)?
        \s*[,，]?\s*총\s*(?=\d)""",
    regex.X,
)
TOTAL = regex.compile(r"(?<![가-힣])총\s*(?=\d)")
# one award's money: `과제당 (최대)`, `기업별`, `팀당 약` right before the amount
PER_AWARD_BEFORE = regex.compile(r"(?:과제|기업|팀|기관|업체|개사|社|대학)\s*(?:당|별)\s*(?:약|최대|최고|평균)?\s*$")
# ... or right after it: `총 10억 원 내외(과제당)` (knpa_policelab_rnd_2026's `· (예산) …`), `1억원/과제`
PER_AWARD_AFTER = regex.compile(
    r"\s*(?:이내|내외|이하)?\s*(?:[(（]\s*(?:과제|기업|팀|기관|업체|개사|社|대학)\s*(?:당|별)\s*[)）]"
    r"|[/／]\s*(?:과제|기업|팀|기관|업체|개사|社)(?![가-힣]))")
SHARE_PER_AWARD_AFTER = regex.compile(
    r"""[^()（）\n]{0,15}[(（]\s*(?:팀|기업|과제|업체|기관|개사|社)\s*(?:당|별)
        \s*(?:약|최대|평균)?\s*\d""",
    regex.X,
)


def _awards_total(text: str) -> Amount | None:
    """A total the line prints over its awards (AWARDS_TOTAL, SHARE_PER_AWARD_AFTER)."""
    amounts = find_amounts(text)
    for m in AWARDS_TOTAL.finditer(text):
        if int(m["n"]) > 1:
            found = [a for a in amounts if a.value_start == m.end() and a.bound != "min"]
            if found:
                return found[0]
    for m in TOTAL.finditer(text):
        found = [a for a in amounts if a.value_start == m.end() and a.bound != "min"
                 and SHARE_PER_AWARD_AFTER.match(text, a.end)]
        if found:
            return found[0]
    return None


def budget_amount(text: str) -> Amount | None:
    """The call's budget a line states: the first amount after its budget cue (not a minimum),
    the total a size label states (SIZE_TOTAL), or a total over the awards (AWARDS_TOTAL)."""
    cue = BUDGET_CUE.search(text)
    if cue is None:
        size = SIZE_TOTAL.search(text)
        found = [a for a in find_amounts(text) if size and a.value_start == size.end()]
        if found:
            return found[0] if found[0].bound != "min" else None
        return _awards_total(text)
    for a in find_amounts(text):
        if a.value_start >= cue.start() and a.bound != "min":
            # one award's money under the budget's label (`사업예산 : 과제당 최대 5억원`,
            # `지원예산 | 기업당 최대 1억 원`): no budget, the line's total may follow
            if (PER_AWARD_BEFORE.search(text[max(cue.start(), a.start - 12):a.start])
                    or PER_AWARD_AFTER.match(text, a.end)):
                continue
            return a
    return None


# The label cell of a summary table's row that states the call's money (`공고규모 | ’17년도 정부출연금
# 43.0억 원 이내,15개 과제`, `지원 비용 | 총 477,000천원(9개 기업 내외 지원)`): the line other calls
# print as `□ 공고규모 : …` laid out as a key/value row (mss_startup_univ_regional_2026 prints its
# sizes so: `모집규모 | 535개사 내외 | 222개사 내외`).
# Its other labels (a summary row keyed `총 지원예산`, `총 사업예산`, `’26년 예산`, `예 산`, `사업예산(국비)`):
# the same money, as BUDGET_CUE reads them on a line. Not `총 사업비` (one project's whole cost:
# knpa_policelab_rnd_2026 `총 사업비 50백만원 내외`).
ROW_KEY = regex.compile(
    r"""^\s*(?:총\s*)?(?:(?:[’'‘]\s*\d{2}|20\d{2})\s*년\s*(?:도\s*)?)?
        (?:(?:공고|지원|사업|선정|모집)\s*(?:규모|비용|예\s*산)|예\s*산)
        (?:\s*[(（][^()（）\d]{1,8}[)）])?\s*$
      | ^\s*총\s*상\s*금\s*$""",
    regex.X,
)


KEY_NOTE = regex.compile(r"[(（][^()（）]*[)）]")
SPACES = regex.compile(r"\s+")


def row_budget(key: str, value: str) -> Amount | None:
    """The budget a key/value row states, its offsets into `value`: read as the line `key : value`."""
    if not ROW_KEY.match(key):
        return None
    # the key as a line's label: no spaces, no parenthesised note (`예 산`, `사업예산(국비)` → `사업예산`)
    label = KEY_NOTE.sub("", SPACES.sub("", key))
    head = f"{label} : "
    a = budget_amount(head + value)
    if a is None or a.value_start < len(head):
        return None
    n = len(head)
    return Amount(a.start - n, a.end - n, a.krw, a.bound, a.value_start - n, a.value_end - n)


def aggregate_amount(text: str, start: int) -> bool:
    """The amount at `start` sums several awards (`12개 과제, 8,700백만 원`)."""
    m = AGGREGATE_BEFORE.search(text[max(0, start - 20) : start])
    return bool(m) and int(m[1]) > 1


# A joint announcement's `□ 공고규모 : … 133억 원 이내` over a table whose 사업명 column
# names each program (`(농식품부) 축산현안대응 산업화기술개발`, `(농진청) 축산현안대응 고도화
# 기술개발`) sums several programs: no one program's budget.
PROGRAM_COLUMN = regex.compile(r"^\s*사\s*업\s*명\s*$")
TOTAL_ROW = regex.compile(r"^\s*(?:합|소|총)\s*계")


def several_programs(column: list[str]) -> bool:
    """`column` (a table's first column, header first) is a 사업명 column naming two programs
    or more (total rows aside)."""
    if not column or not PROGRAM_COLUMN.match(column[0]):
        return False
    names = {compiled(r"\s+").sub("", c) for c in column[1:]
             if c.strip() and not TOTAL_ROW.match(c) and not PROGRAM_COLUMN.match(c)}
    return len(names) >= 2


def year_money(label: str) -> bool:
    """A label or the words before an amount naming one year's money (`’25년`, `1차년도`)."""
    return bool(YEAR_MONEY.search(label))


YEAR_MONEY_BEFORE = regex.compile(
    rf"(?:{YEAR_MONEY.pattern})\s*[)）]?\s*(?:[가-힣\s]{{0,14}}?(?:연구\s*개발비|연구비|출연금|예산|지원금|사업비|국비|보조금))?"
    r"\s*[:：)）]?\s*(?:최대\s*)?$",
    regex.X,
)


# `2026년은 7월 연구개시로 2억원 지원 예정`: a clause about one year
YEAR_TOPIC = regex.compile(rf"(?:{YEAR_MONEY.pattern})\s*(?:은|는|에는)(?![가-힣])[^,.]*$", regex.X)


def year_money_before(before: str) -> bool:
    """The words before an amount make it one year's money (`’25년 720백만원`,
    `(1차년도)3.75억원`, `'21년 정부지원연구개발비 2,245백만 원`, `2026년은 … 2억원 지원 예정`)."""
    return bool(YEAR_MONEY_BEFORE.search(before) or YEAR_TOPIC.search(before))


def corpus_value(text: str) -> int | None:
    """The budget a line states; a tab-separated `key<TAB>value` is a summary table's row."""
    if "\t" in text:
        key, _, value = text.partition("\t")
        row = row_budget(key, value)
        return row.krw if row else None
    a = budget_amount(text)
    return a.krw if a else None


# What one cap covers (contract v2 `cap_basis`): a year (`연 4억원`, `연간 최대 2억원`, `연차별 최대 3억`,
# `5억원/년`), one case (`건당 500만원`, `300만원/건`), else one award (`과제당`, `/과제`, `기업당`).
PER_YEAR_BEFORE = regex.compile(r"(?:(?<![가-힣])연|연간|연차별|매년|년간|1년\s*(?:에|당))\s*(?:최대\s*)?$")
PER_YEAR_AFTER = regex.compile(r"^\s*(?:이내|내외|이하)?\s*[/／]\s*(?:년|연)(?![가-힣])")
PER_CASE_BEFORE = regex.compile(r"건\s*당\s*(?:최대\s*)?$")
PER_CASE_AFTER = regex.compile(r"^\s*(?:이내|이하)?\s*[/／]\s*건(?![가-힣])")


# money for one month (`월 임차료 50% 지원(최대 50만원)`, `월 최대 50만원`, `매월 100만원`, `50만원/월`):
# the contract has no monthly basis, and a month's money is never the award's cap. `월` stands
# alone (not the `3월` of a date), its clause running up to the amount.
PER_MONTH_BEFORE = regex.compile(
    r"""(?:(?<![\d.'’]\s?)(?<!\p{Hangul})월(?:별|간)?|매\s*월|월\s*평균)
        (?:\s+[^\d\s,.;:：][^,.;:：]{0,22})?\s*[(（]?\s*(?:최대|최고|한도)?\s*$""",
    regex.X,
)
PER_MONTH_AFTER = regex.compile(r"^\s*(?:이내|이하|내외)?\s*(?:[/／]\s*월|[(（]\s*월\s*[)）]|\s*씩\s*매\s*월)(?![가-힣])")


def per_month(before: str, after: str) -> bool:
    """Whether the amount between `before` and `after` is a month's money (PER_MONTH_*)."""
    return bool(PER_MONTH_BEFORE.search(before) or PER_MONTH_AFTER.match(after))


# the whole period's money of an R&D project: `총 연구비 4.6억원 이내`, `총 정부출연금 15억원`, the
# state's money by its other names (`총 국비`, `총 출연금`)
TOTAL_BEFORE = regex.compile(r"(?<![가-힣])총\s*(?:연구\s*(?:개발)?\s*비|정부\s*(?:지원\s*)?(?:연구\s*(?:개발)?\s*비|출연금)|국비|출연금)\s*(?:최대\s*)?$")


def cap_basis(before: str, after: str) -> str:
    """`per_year`, `per_case`, `total` or `per_award` for an amount between `before` and `after`."""
    if PER_YEAR_BEFORE.search(before) or PER_YEAR_AFTER.match(after):
        return "per_year"
    if TOTAL_BEFORE.search(before):
        return "total"
    if PER_CASE_BEFORE.search(before) or PER_CASE_AFTER.match(after):
        return "per_case"
    return "per_award"


# An RFP sheet's terms row: `지원기간 | 2026.04 ~ 2030.12 | 정부지원금 | 9,736백만원` (msit RFP
# sheets). The money label beside the whole support period states the RFP's money for all
# its years; when the sheet selects several 과제 it is their sum (`tracks.extract_budget`).
# The government's money (`정부지원금`, `총 정부출연금`, `정부지원 연구개발비`, `정부지원사업비`)
# or the whole research money (`총 연구비`, `총연구개발비`); never one award's (`과제별 연구비`).
SHEET_MONEY_LABEL = regex.compile(
    r"""^(?:총\s*)?정부\s*(?:지원|출연)\s*(?:연구\s*개발\s*비|금|사업\s*비)$
      | ^(?:총\s*)?(?:국비|국고\s*보조금|출연금)$   # the state's money by its other names
      | ^총\s*연구\s*(?:개발\s*)?비$""",
    regex.X,
)
SHEET_PERIOD_LABEL = regex.compile(r"^(?:지원|연구|연구\s*개발|사업|수행)\s*기간$")
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def sheet_money_label(cell: str) -> bool:
    """A cell naming the government's money of an RFP sheet (`정부지원금`, `총 정부출연금`, even
    letter-spaced: `정 부 지 원 금`)."""
    return bool(SHEET_MONEY_LABEL.match(compiled(r"\s+").sub("", cell)))


def sheet_period(label: str, value: str) -> bool:
    """A cell pair printing a support period over several years (`지원기간 | 2026.04 ~ 2030.12`)."""
    years = {int(y) for y in YEAR.findall(value)}
    return bool(SHEET_PERIOD_LABEL.match(compiled(r"\s+").sub(" ", label).strip())) and len(years) >= 2


# A call table's one 과제 row under a year's money column (`’26년 정부지원 연구개발비`) printing one
# 과제's money with the sum over its 과제 in parentheses: `1,440 (2,880)` beside `개인정보 보호‧활용
# 석‧박사 전문인력 양성 (총 2개 과제 지원)` (pipc R&D calls). The sum is that year's budget of the call.
YEAR_MONEY_COLUMN = regex.compile(r"연구\s*개발비|연구비|출연금|지원금|예산|사업비|국비|보조금")
EACH_AND_SUM = regex.compile(
    r"^\s*(?P<each>\d{1,3}(?:,\d{3})+|\d+)\s*[(（]\s*(?P<sum>\d{1,3}(?:,\d{3})+|\d+)\s*[)）]\s*$")
PROJECTS_TOTAL = regex.compile(r"총\s*(?P<n>\d{1,3})\s*개\s*과제")


def year_money_column(header: str) -> bool:
    """A column header naming one year's money (`’26년 정부지원 연구개발비`)."""
    flat = compiled(r"\s+").sub(" ", header)
    return year_money(flat) and bool(YEAR_MONEY_COLUMN.search(flat))


def each_and_sum(cell: str, row: str) -> tuple[int, int] | None:
    """`1,440 (2,880)` in a row naming `총 2개 과제`: the sum's offsets in `cell`, when the sum is
    exactly the one 과제's money times the row's count of 과제 (two or more)."""
    m = EACH_AND_SUM.match(cell)
    n = PROJECTS_TOTAL.search(row)
    if m is None or n is None or int(n["n"]) < 2:
        return None
    each, total = (int(m[g].replace(",", "")) for g in ("each", "sum"))
    if each * int(n["n"]) != total:
        return None
    return m.start("sum"), m.end("sum")
