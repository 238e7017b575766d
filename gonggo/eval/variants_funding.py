"""Metamorphic checks, funding family: the same funding terms (caps, shares, periods, award
counts) printed the way OTHER real announcements print them must yield the same facts.

`gonggo.eval.variants` rewrites glyphs and money units, `variants_layout` lists and tables,
`variants_wording` section headings. These rewrite the words and forms a call states its money
in. Each was seen in a real text (cited per variant, `SEEN`): dev texts of the field corpus
(`gonggo ingest` of the dev documents in `corpus/field/SPLIT.tsv`), the samples, the seeds, or the listing cache
(`../shared/samples/text`, `bizinfo_kstartup_smtech_detail_cache_2026-03.json`):

- `share_hundredths`: `70% 이하` → `100분의 70 이하` (the 시행령 wording:
  mois_regional_disaster_rnd_2025 `연구개발비의 100분의 75 이하`);
- `cap_per_award_suffix`: `과제당 최대 1억원` → `최대 1억원/과제` (the base after the amount:
  mohw_health_rnd_master_2026 `400백만원 이내/년`, msit_deep_science_startup_2025 `5억원/년`);
- `cap_bound_prefix` / `cap_bound_suffix`: `1억원 이내` ↔ `최대 1억원` (both everywhere:
  seed 002 `정부지원금 최대 20백만원`, mafra_high_value_food_rnd_2026 `2,800백만원 이내`);
- `money_manwon`: `20백만원` → `2,000만원`, `1.5억원` → `1억 5,000만원` (listing cache
  `기업당 최대 2,000만원`, `선정팀당 최대 2,500만원`);
- `payer_state_synonym`: `정부지원금` / `정부지원사업비` / `정부출연금` → `국비`
  (mois_regional_disaster_rnd_2025 `국비 대비 25%`, seed 002 `지원규모(국비)`);
- `payer_applicant_synonym`: `자부담` ↔ `민간부담금`, `기업부담금` ↔ `자기부담사업비` (seed 000
  `중소기업 (자부담)`, daegutp_startup_scaleup_rnd_2026 `총 사업비의 20% 이상을 민간부담금으로`,
  seed 001 `기업부담금 중 50%이내`, kised_dodak_2025 `자기부담사업비 (30% 이상)`);
- `duration_from_agreement`: `사업기간 : 9개월` → `사업기간 : 협약일로부터 9개월`
  (mss_startup_univ_regional_2026 `협약기간 : 협약시작일로부터 8개월 이내`);
- `duration_years`: `24개월` ↔ `2년` on a line naming a period (`지원기간 : 최대 2년`, seed 002;
  mafra_high_value_food_rnd_2017 `개발 기간 : ~24개월`);
- `duration_stage_sum` / `duration_stage_words`: `사업기간 : 4년` → `4년(2+2)` / `총 4년(1단계 2년, 2단계
  2년)` (a staged project's total with its stages: mohw_health_rnd_master_2026 `4년(2+2) 이내`,
  msit_bio_rfp_2026_brain `총 연구개발 기간은 5년(3+2)이며`, msit_deep_science_startup_2025 `1단계(9개월,
  창업준비・기획) + 2단계(3년, …)`);
- `share_cash_part`: `자기부담사업비 (30% 이상)` → `자기부담사업비 (30% 이상) : 현금 10% 이상 + 현물 20% 이하`
  (the cash and in-kind parts of the applicant's share after it: kised_dodak_2025 and
  mss_startup_univ_regional_2026 print exactly that);
- `share_cost_base_rnd`: `총 사업비의 50% 이내` → `총 연구개발비의 50% 이내` (the R&D name of the whole cost:
  mafra_high_value_food_rnd_2018 `기업부담금을 총 연구개발비의 20% 이상`, mafra_high_value_food_rnd_2017
  `총 연구개발비의 25% 이상`; seed 002 `총 사업비의 50% 이내 지원`, daegutp_startup_scaleup_rnd_2026 `총 사업비의
  20% 이상을 민간부담금으로`);
- `awards_unit_wording`: `9개사` → `9개 기업`, `3개 과제` → `3과제` (suwon_carbon_neutral_livinglab_2026
  `9개 기업내외`, mafra_livestock_issues_master_2021 `34과제`);
- `size_label_item`: `□ 지원규모 : 총 10개 과제, 24,935백만원` → `□ 지원규모` / `ㅇ 총 10개 과제, 24,935백만원`
  (a size, budget or period label alone on its line, its value the item under it: the listing
  cache's `□ 지원규모 ㅇ 총 734.3억원 * 국비 예산확정에 따라 …`, `□ 사업목적 ㅇ 지역혁신선도기업 …`).

    python -m gonggo.eval.variants_funding corpus/seeds DIR_OF_TEXTS [--only …]
        [--jobs 2] [--out report.md]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import regex

from gonggo.eval.variants import Variant, _rewrite_amounts, run

# --- shares ---------------------------------------------------------------------------------

# `70% 이하` (a whole share with its bound word): the legal form always carries the bound
SHARE_WITH_BOUND = regex.compile(r"(?<![\d.])(?P<n>\d{1,3})\s?%\s?(?P<b>이내|이하|이상|미만|초과)(?![가-힣])")


def _hundredths(m: regex.Match[str]) -> str:
    return f"100분의 {m['n']} {m['b']}" if int(m["n"]) <= 100 else m[0]


# --- caps -----------------------------------------------------------------------------------

_AMOUNT = r"\d[\d,.]*\s?(?:[십백천]\s?)?(?:[만억]\s?)?(?:[\d,.]+\s?[십백천]?\s?[만억]?\s?)*원"
# `과제당 최대 1억원 (이내)`, `기업 당 80만원`: the base before the amount
PER_AWARD_BEFORE = regex.compile(
    rf"(?P<base>과제|기업|팀|개사|기관)\s?당\s?(?P<max>최대\s?)?(?P<amount>{_AMOUNT})(?P<bound>\s?이내)?"
    r"(?![\d/／])")
# `1억원 이내`, `1억원이하` not after `최대` (the amount alone)
AMOUNT_THEN_BOUND = regex.compile(rf"(?<!최대\s?|[\d,.])(?P<amount>{_AMOUNT})\s?(?:이내|이하)(?![가-힣])")
# `최대 1억원` with no bound word after it
MAX_THEN_AMOUNT = regex.compile(rf"최대\s?(?P<amount>{_AMOUNT})(?!\s?(?:이내|이하|까지|한도|[\d/／]))")


def _per_award_suffix(m: regex.Match[str]) -> str:
    return f"{m['max'] or ''}{m['amount']}{m['bound'] or ''}/{m['base']}"


def _fmt_manwon(won: int, printed: str) -> str | None:
    """`20백만원` → `2,000만원`, `1.5억원` → `1억 5,000만원` (whole 만원, not already in 만원)."""
    if won % 10**4 or won < 10**6 or regex.search(r"(?<![백천])만\s?원$", printed):
        return None
    eok, man = divmod(won // 10**4, 10**4)
    if not eok:
        return f"{man:,}만원"
    return f"{eok:,}억원" if not man else f"{eok:,}억 {man:,}만원"


# `과제당 최대 1억원`, `기업당 5천만원 이내` → `… 1억원 한도` (the limit word after the amount: seed 002
# `기업당 2억원 한도`, `최대 8천만원 한도`); only an amount printed as a limit already (`최대` before or
# `이내`/`이하` after it: `과제 당 1,500,000원 필수 편성` is a sum to budget, no limit)
PER_AWARD_LIMIT = regex.compile(
    rf"(?P<base>(?:과제|기업|팀|개사|기관)\s?당\s?)(?:최대\s?(?P<amount>{_AMOUNT})(?:\s?(?:이내|이하))?"
    rf"|(?P<amount>{_AMOUNT})\s?(?:이내|이하))(?![\d/／]|\s?(?:한도|까지|내외))")
# `400백만원 이내/년` → `연 400백만원 이내` (the year before the amount: knpa_policelab_rnd_2026
# `총 10억원(연 4억원)`; mohw_health_rnd_master_2026 `400백만원 이내/년`)
PER_YEAR_AFTER = regex.compile(rf"(?<![\d,.])(?P<amount>{_AMOUNT})\s?(?P<bound>이내|이하)\s?[/／]\s?년(?![가-힣])")

# a table whose money cells are bare numbers under a unit line (mafra_high_value_food_rnd_2026
# `(단위 : 백만 원 이내)` over `300 | 1,500`; mafra_livestock_disease_rnd_2019 `(단위:억 원 이내)`):
# `2,800백만원 이내` in a cell → `2,800`, the unit (and the bound every such cell shares) in a line
# before the table
UNIT_CELL = regex.compile(r"^(?P<pad>[ ]*)(?:최대\s?)?(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s?(?P<unit>백만|억)\s?원"
                          r"\s?(?P<bound>이내|이하)?[ ]*$")
MONEY_IN_CELL = regex.compile(r"\d\s?[십백천만억]*\s?원")


def _unit_header(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        run = lines[i:j]
        cells = [c for line in run for c in line.split("\t")]
        hits = [m for c in cells if (m := UNIT_CELL.match(c))]
        others = [c for c in cells if MONEY_IN_CELL.search(c) and not UNIT_CELL.match(c)]
        units = {m["unit"] for m in hits}
        bounds = {m["bound"] for m in hits}
        if hits and not others and len(units) == 1 and len(bounds) == 1:
            unit = "백만 원" if units == {"백만"} else "억 원"
            bound = next(iter(bounds))
            out.append(f"(단위 : {unit}{' ' + bound if bound else ''})")
            for line in run:
                out.append("\t".join((f"{m['pad']}{m['num']}" if (m := UNIT_CELL.match(c)) else c)
                                     for c in line.split("\t")))
        else:
            out += run
        i = j
    return "\n".join(out)


# a column of the whole period's money labelled without `총` when its cells print it (knpa_policelab_rnd_2026
# `총 지원 규모` over `총 10억원(연 4억원)*`; mohw_health_rnd_master_2026 and suwon_carbon_neutral_livinglab_2026
# head the column `지원규모`)
TOTAL_LABEL = regex.compile(r"^(?P<pad>[ ]*)총[ ]?(?P<label>지원[ ]?규모|지원[ ]?금액?|연구[ ]?(?:개발)?비)(?P<end>[ ]*)$")
TOTAL_YEAR_CELL = regex.compile(r"^[ ]*총[ ]?\d[^\t]*[(（][ ]?연")


def _total_label(text: str) -> str:
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        if any(TOTAL_YEAR_CELL.match(c) for line in lines[i:j] for c in line.split("\t")):
            for k in range(i, j):
                lines[k] = "\t".join(TOTAL_LABEL.sub(r"\g<pad>\g<label>\g<end>", c) for c in lines[k].split("\t"))
        i = j
    return "\n".join(lines)


# --- payers ---------------------------------------------------------------------------------

STATE_WORD = regex.compile(r"정부\s?지원금|정부\s?지원\s?사업비|정부\s?출연금")
APPLICANT_SWAP = {"자부담": "민간부담금", "민간부담금": "자부담", "기업부담금": "자기부담사업비",
                  "자기부담사업비": "기업부담금"}
APPLICANT_WORD = regex.compile(r"자기부담사업비|민간부담금|기업부담금|자부담(?![가-힣]*사업비)")

# --- periods --------------------------------------------------------------------------------

# a line labelled with a period word, its value a bare count: `□ 사업기간 : 최대 9개월 이내`
PERIOD_VALUE = regex.compile(
    r"(?m)^(?P<head>[^\n\t]{0,6}(?:사업|지원|협약|수행|과제|연구(?:\s?개발)?)\s?기간\s?[:：]\s?)"
    r"(?P<max>최대\s?)?(?P<n>\d{1,2})\s?(?P<unit>개월|년)(?![가-힣\d])")
PERIOD_LINE = regex.compile(r"(?m)^[^\n]*(?:사업|지원|협약|수행|과제|연구(?:\s?개발)?)\s?기간[^\n]*$")
MONTHS_WHOLE_YEARS = regex.compile(r"(?<![\d.])(?P<n>\d{2,3})\s?개월")
YEARS = regex.compile(r"(?<![\d.’'])(?P<n>[1-9])\s?년(?![가-힣\d]|\s?\d)")


def _from_agreement(m: regex.Match[str]) -> str:
    return f"{m['head']}협약일로부터 {m['max'] or ''}{m['n']}{m['unit']}"


def _swap_period_units(text: str) -> str:
    def line(m: regex.Match[str]) -> str:
        s = m[0]
        if "년도" in s or "차" in s:
            return s  # `1차년도 9개월`, `2026년도`: years of a plan, not a length
        s2 = MONTHS_WHOLE_YEARS.sub(lambda k: f"{int(k['n']) // 12}년" if int(k["n"]) % 12 == 0 else k[0], s)
        if s2 != s:
            return s2
        return YEARS.sub(lambda k: f"{int(k['n']) * 12}개월", s)

    return PERIOD_LINE.sub(line, text)


# a whole count of years (2 to 9) on a period line, no breakdown after it yet
STAGED_YEARS = regex.compile(r"(?<![\d.’'+~∼])(?P<n>[2-9])\s?년(?![가-힣\d]|\s?\d|\s?[(（+])")


def _stages(printed: Callable[[int, int, int], str]) -> Callable[[str], str]:
    """A period line's `N년` with its stages after it, the first stage the longer one
    (`printed(n, first, second)`); a line already about one year or stage is left alone."""
    def line(m: regex.Match[str]) -> str:
        s = m[0]
        if regex.search(r"년도|차|단계|\+|연장", s):
            return s
        return STAGED_YEARS.sub(lambda k: printed(int(k["n"]), (int(k["n"]) + 1) // 2, int(k["n"]) // 2), s)

    return lambda text: PERIOD_LINE.sub(line, text)


# --- shares with their cash part ----------------------------------------------------------------

# the applicant's minimum share right after its payer word, ending its line (`자기부담사업비 (30% 이상)`,
# `민간부담금 20% 이상`, `자부담 : 총 사업비의 25% 이상`): where the real prints put the cash part after it
APPLICANT_MIN_SHARE = regex.compile(
    r"(?P<head>(?:자기\s?부담(?:사업비|금)?|자부담|민간\s?부담금|기업\s?부담금|기관\s?부담\s?연구\s?개발비)"
    r"[^\n\t%]{0,14}?(?<![\d.])(?P<n>[1-9]\d)\s?%\s?이상\)?)(?=[ ]*$)", regex.M)


def _cash_part(m: regex.Match[str]) -> str:
    n = int(m["n"])
    return m[0] if n <= 10 else f"{m['head']} : 현금 10% 이상 + 현물 {n - 10}% 이하"


# the whole cost a share is of, as a non-R&D call names it (`총 사업비의 50% 이내`, `총사업비의 70% 이하`)
COST_BASE = regex.compile(r"총\s?사업비(?=\s?의\s?(?:최대\s?|최소\s?)?\d{1,3}\s?%)")


# --- award counts ---------------------------------------------------------------------------

COMPANIES = regex.compile(r"(?<![\d,.])(?P<n>\d{1,4})\s?개사(?![가-힣])")
PROJECTS = regex.compile(r"(?<![\d,.])(?P<n>\d{1,4})\s?개\s?과제")


def _award_units(text: str) -> str:
    text = COMPANIES.sub(lambda m: f"{m['n']}개 기업", text)
    return PROJECTS.sub(lambda m: f"{m['n']}과제", text)


# --- a label and its value on two lines -------------------------------------------------------

SIZE_LINE = regex.compile(
    r"(?m)^(?P<indent>[ ]*)(?P<mark>[□■])[ ]*(?P<label>(?:지원|선정|공고|사업)[ ]?(?:규모|예산|기간)|(?:지원|협약)[ ]?기간)"
    r"[ ]*[:：][ ]*(?P<value>\S[^\n\t]*)$")
ITEM_UNDER_BOX = regex.compile(r"(?m)^[ ]*[□■][^\n]*\n[ ]*(?P<mark>[ㅇ○◦●\-])[ ]")


def _label_item(text: str) -> str:
    """`□ <label> : <value>` → `□ <label>` / `<item mark> <value>`, the item drawn with the marker
    the document's other `□` lines have under them (`ㅇ` when none)."""
    marks = [m["mark"] for m in ITEM_UNDER_BOX.finditer(text)]
    mark = max(set(marks), key=marks.count) if marks else "ㅇ"
    return SIZE_LINE.sub(lambda m: f"{m['indent']}{m['mark']} {m['label']}\n{m['indent']} {mark} {m['value']}", text)


def _sub(pattern: regex.Pattern[str], repl: str | Callable[[regex.Match[str]], str]) -> Callable[[str], str]:
    return lambda text: pattern.sub(repl, text)


FUNDING_VARIANTS: list[Variant] = [
    Variant("share_hundredths", "70% 이하 → 100분의 70 이하", _sub(SHARE_WITH_BOUND, _hundredths)),
    Variant("cap_per_award_suffix", "과제당 최대 1억원 → 최대 1억원/과제",
            _sub(PER_AWARD_BEFORE, _per_award_suffix)),
    Variant("cap_bound_prefix", "1억원 이내 → 최대 1억원", _sub(AMOUNT_THEN_BOUND, lambda m: f"최대 {m['amount']}")),
    Variant("cap_bound_suffix", "최대 1억원 → 1억원 이내", _sub(MAX_THEN_AMOUNT, lambda m: f"{m['amount']} 이내")),
    Variant("money_manwon", "20백만원 → 2,000만원, 1.5억원 → 1억 5,000만원", _rewrite_amounts(_fmt_manwon)),
    Variant("payer_state_synonym", "정부지원금 → 국비", _sub(STATE_WORD, "국비")),
    Variant("payer_applicant_synonym", "자부담 ↔ 민간부담금, 기업부담금 ↔ 자기부담사업비",
            _sub(APPLICANT_WORD, lambda m: APPLICANT_SWAP[m[0]])),
    Variant("duration_from_agreement", "사업기간 : 9개월 → 사업기간 : 협약일로부터 9개월",
            _sub(PERIOD_VALUE, _from_agreement)),
    Variant("duration_years", "사업기간 … 24개월 ↔ 2년", _swap_period_units),
    Variant("duration_stage_sum", "사업기간 : 4년 → 사업기간 : 4년(2+2)",
            _stages(lambda n, a, b: f"{n}년({a}+{b})")),
    Variant("duration_stage_words", "사업기간 : 4년 → 사업기간 : 총 4년(1단계 2년, 2단계 2년)",
            _stages(lambda n, a, b: f"총 {n}년(1단계 {a}년, 2단계 {b}년)")),
    Variant("share_cash_part", "자기부담사업비 30% 이상 → 자기부담사업비 30% 이상 : 현금 10% 이상 + 현물 20% 이하",
            _sub(APPLICANT_MIN_SHARE, _cash_part)),
    Variant("share_cost_base_rnd", "총 사업비의 50% 이내 → 총 연구개발비의 50% 이내", _sub(COST_BASE, "총 연구개발비")),
    Variant("awards_unit_wording", "9개사 → 9개 기업, 3개 과제 → 3과제", _award_units),
    Variant("size_label_item", "□ 지원규모 : 총 5억원 → □ 지원규모 / ㅇ 총 5억원", _label_item),
    # caps printed the way other calls print them (issue 13, caps)
    Variant("cap_limit_word", "기업당 최대 5천만원 → 기업당 5천만원 한도",
            _sub(PER_AWARD_LIMIT, lambda m: f"{m['base']}{m['amount']} 한도")),
    Variant("cap_per_year_prefix", "400백만원 이내/년 → 연 400백만원 이내",
            _sub(PER_YEAR_AFTER, lambda m: f"연 {m['amount']} {m['bound']}")),
    Variant("cap_unit_header", "cell 2,800백만원 이내 → (단위 : 백만 원 이내) over the cell 2,800", _unit_header),
    Variant("cap_total_label", "총 지원 규모 | 총 10억원(연 4억원) → 지원 규모 | 총 10억원(연 4억원)", _total_label),
]
BY_NAME = {v.name: v for v in FUNDING_VARIANTS}


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv, registry=__name__, title="Metamorphic variants: funding terms",
               select=lambda names: [BY_NAME[n] for n in names] or FUNDING_VARIANTS)


if __name__ == "__main__":
    sys.exit(main())
