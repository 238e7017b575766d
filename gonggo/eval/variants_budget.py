"""Metamorphic checks, the call's budget and its award count: the same budget line and the same
count printed the way OTHER real announcements print them must yield the same budget and awards.

`variants_funding` rewrites per-award money (caps, shares); `variants_layout.size_line_table`
moves a size line into a summary table. These rewrite the label and the words of the one line
that states the whole call's money, and the words around a count of awards. Each form was seen
in a real text (cited per variant): dev texts of the field corpus, the samples, the seeds, the
listing cache (`../shared/samples/text`) or the unseen pages (`/work/scratch/unseen`):

- `budget_label_business` / `budget_label_total_support`: `□ 공고규모 : …` → `□ 사업예산 : …` /
  `□ 총 지원예산 : …` (pipc_privacy_rnd_2026 `사업예산 변경이 가능`, suwon_carbon_neutral_livinglab_2026's
  column `지원예산`, knpa_policelab_rnd_2026 `신규과제 수 및 지원예산`, msit_ict_rnd_2026_1st `사업 총 예산`);
- `budget_label_paren`: `□ 공고규모 : …` → `◦ (사업예산) …` (the parenthesised label of a 개요 item:
  msit_lab_startup_univ_2025 `○ (추진절차) …`, awards' `◦ (지원규모) 90개사 내외`);
- `budget_label_no_colon`: `□ 공고규모 : …` → `□ 총 지원예산 …` (a label run into its value:
  kspo_public_data_contest_2023 `총 상금 6,500,000원`, knpa_policelab_rnd_2026 `총 사업비 50백만원 내외`);
- `budget_year_word`: `’17년도 정부출연금 43.0억 원` / `2025년 신규과제 정부지원연구개발비 총 157백만 원` →
  `’17년 예산 43.0억 원` (a year's budget named by the word 예산: knpa `‘26년도 신규과제 수 및 지원예산`,
  the seeds' `‘26년 예산(백만원)` column);
- `budget_bound_word`: the budget's `이내` / `내외` → `규모` (`총 12억원 규모`: mss and msit calls
  print `지원 규모`, `과제규모`);
- `size_line_overview`: the first size or budget line as the one row of an overview table under
  its column header (`사업명 | 공고규모` / `<title> | ’17년도 정부출연금 43.0억 원 이내,15개 과제`: suwon's
  `구분 (6개) | 세부 내용 | 선정규모 | 지원예산 | 사업기간`, pipc_privacy_rnd_2026's one-row call table);
- `budget_row_total_support` / `budget_row_spaced_note`: the budget line as a summary table's key/value
  row under another label (`총 지원예산 | …`, a letter-spaced key with its payer `예 산(국비) | …`: mss's
  `모집규모 | 535개사 내외`, tracks.py's `사 업 예 산:`, seed 002's `지원규모(국비)`);
- `budget_pair_row`: the budget line and the next `□` line as one summary row of two key/value pairs
  (`공고규모 | … 43.0억 원 이내,15개 과제 | 공고기간 | …`; summary tables of two pairs a row:
  msit_ict_rnd_2026_1st's RFP sheets `지원기간 | 2026.04 ~ 2030.12 | 정부지원금 | 9,736백만원`);
- `awards_approx_prefix`: `90개사 내외` → `약 90개사` (the listing cache's `약 30개사`, `팀당 약 1000만원`);
- `awards_label_paren`: `□ 선정규모 : 13개 대학` → `◦ (선정규모) 13개 대학`;
- `awards_label_target_and_size`: `□ 선정규모 : 총 535개사 …` → `□ 지원대상 및 규모 : 총 535개사 …` (a size
  label joined to another facet word by 및: motie_industry_talent_hrd_council_2025 `라. 지원기간 및 규모`,
  `□ 지원규모 및 조건`, `모집기간 및 규모`, the listing cache's `교육대상 및 규모`);
- `cap_size_label_business` / `cap_size_label_paren`: a size line stating each award's money
  (`□ 지원규모 : 과제당 160백만 원 내외`) under another label or as a parenthesised label
  (`□ 사업규모 : 과제당 …`, `◦ (지원규모) 과제당 …`: awards' `◦ (지원규모) 90개사 내외`).

    python -m gonggo.eval.variants_budget corpus/seeds DIR_OF_TEXTS [--only …] [--jobs 2]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import regex

from gonggo.eval.variants import Variant, run
from gonggo.eval.variants_layout import LINE_MARK, NOTE, TITLE_LINE
from gonggo.eval.variants_layout import SIZE_LINE as KEY_LINE
from gonggo.vocab.budget import budget_amount

# --- the budget line ----------------------------------------------------------------------

# `□ 공고규모 :’17년도 정부출연금 43.0억 원 이내,15개 과제`, `□ 지원 규모 : 총 10개 과제, 24,935백만원`,
# `○ 지원 비용: 총 477,000천원(9개 기업 내외 지원)`: a marked line whose label names the call's size
# or money; rewritten only when the line states a budget (vocab.budget.budget_amount)
BUDGET_LINE = regex.compile(
    r"(?m)^(?P<indent>[ ]*)(?P<mark>[□■○◦ㅇ])[ ]*(?P<label>공고[ ]?규모|지원[ ]?규모|지원[ ]?비용)[ ]*[:：][ ]*"
    r"(?P<value>[^\n\t]*\d[^\n\t]*)$")


def _budget_line(repl: Callable[[regex.Match[str]], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        return BUDGET_LINE.sub(lambda m: repl(m) if budget_amount(m[0]) is not None else m[0], text)
    return apply


def _value(m: regex.Match[str]) -> str:
    return m["value"].strip()


# `’17년도 정부출연금 43.0억 원`, `2025년 신규과제 정부지원연구개발비 총 157백만 원`, `'19년 정부출연금 32억 원`:
# a year, the money's name, the amount
YEAR_MONEY = regex.compile(
    r"(?P<year>[’'‘]\s?(?P<yy>\d{2})|(?<!\d)20(?P<yy2>\d{2}))\s?년(?:도)?\s?"
    r"(?:신규\s?과제\s?)?(?:정부\s?(?:지원\s?)?(?:연구\s?개발비|출연금)|국비)\s?(?:총\s?)?(?=\d)")


def _year_word(text: str) -> str:
    def line(m: regex.Match[str]) -> str:
        value = YEAR_MONEY.sub(lambda y: f"’{y['yy'] or y['yy2']}년 예산 ", m["value"], count=1)
        if value == m["value"]:
            return m[0]
        return f"{m['indent']}{m['mark']} {m['label']} : {value}"
    return _budget_line(line)(text)


# the budget's bound word right after its amount (`43.0억 원 이내`, `32억 원 내외`)
BOUND_AFTER_AMOUNT = regex.compile(r"(?<=\d\s?(?:[십백천만억]\s?)*원)\s?(?:이내|내외)(?![가-힣])")


def _bound_word(m: regex.Match[str]) -> str:
    value = BOUND_AFTER_AMOUNT.sub(" 규모", m["value"], count=1)
    if value == m["value"]:
        return m[0]
    return f"{m['indent']}{m['mark']} {m['label']} : {value}"


# --- award counts -------------------------------------------------------------------------

# `90개사 내외`, `9개 기업내외`, `535개사(명)내외`: a count with 내외 right after it
COUNT_APPROX = regex.compile(
    r"(?<![\d,.])(?P<n>\d{1,4})\s?(?P<unit>개\s?(?:사|기업|과제|기관|대학|팀)|개사|팀|명|과제)"
    r"(?P<alt>[(（][가-힣]{1,3}[)）])?\s?내외")
# `□ 선정규모 : 13개 대학`, `가. 선정규모 : …`: a size label opening its line
SIZE_LINE = regex.compile(
    r"(?m)^(?P<indent>[ ]*)(?:[□■○◦ㅇ]|[가-하][.])[ ]*(?P<label>(?:선정|지원|모집)[ ]?규모)[ ]*[:：][ ]*"
    r"(?P<value>[^\n\t]*\d[^\n\t]*)$")


# `과제당 160백만 원 내외`, `기업당 최대 1억원`: a size line's value that is each award's money
PER_AWARD_VALUE = regex.compile(r"^(?:과제|기업|기관|팀|개사)\s*당\s*(?:최대\s*)?\d")


def _per_award_size(repl: Callable[[regex.Match[str]], str]) -> Callable[[str], str]:
    """The size lines whose value is each award's money, rewritten by `repl`."""
    return _sub(SIZE_LINE, lambda m: repl(m) if PER_AWARD_VALUE.match(m["value"].strip()) else m[0])


# `가. 선정규모 : …`: a lettered line, left as printed by `awards_label_paren`: a bullet in place of
# its letter (`◦ (선정규모) …` then `나. 지원기간 : …`) breaks the 가/나/다 run (the outline then nests
# `나.` … `라.` under the bullet), a layout no call prints (msit_lab_startup_univ_2025: its `사업기간(2년)`
# left `라. 지원내용`, so the 21 months of `나. 지원기간` lost the conflicting 2 years beside them)
LETTERED = regex.compile(r"^[ ]*[가-하][.]")


# --- a one-row overview table ---------------------------------------------------------------


NOTICE_NO = regex.compile(r"공고\s*제")  # `중소벤처기업부 공고 제2021-35호`: the number, not the title


def _leaf_size_line(text: str, row: Callable[[regex.Match[str], str], str | None]) -> str:
    """The first leaf size or budget line (`variants_layout.size_line_table`'s: the next line a
    sibling, a heading or a note, so no item under it changes its parent) rewritten by `row(m,
    title)` (None: left as printed, the next tried)."""
    lines = text.split("\n")
    title = next((line.strip() for line in lines[:12] if TITLE_LINE.match(line.strip())
                  and not NOTICE_NO.search(line)), "")
    for i, line in enumerate(lines):
        m = KEY_LINE.match(line)
        if m is None:
            continue
        nxt = next((x for x in lines[i + 1:i + 4] if x.strip()), "")
        own, after = LINE_MARK.match(line), LINE_MARK.match(nxt)
        if "\t" in nxt or own is None or not (NOTE.match(nxt) or (after is not None and (
                after[1] == own[1] or regex.match(r"[□■\dⅠ-Ⅹ]", after[1])))):
            continue
        new = row(m, title)
        if new is not None:
            lines[i] = new
            return "\n".join(lines)
    return text


def _overview_table(text: str) -> str:
    """The first size or budget line (`□ 공고규모 : … 43.0억 원 이내,15개 과제`, `□ 선정규모 : 총 535개사 …`)
    as the one row of an overview table under its header: `사업명 | 공고규모` / `<title> | … 43.0억 원
    이내,15개 과제` (the column-wise summary tables of other calls: suwon_carbon_neutral_livinglab_2026
    `구분 (6개) | 세부 내용 | 선정규모 | 지원예산 | 사업기간`, pipc_privacy_rnd_2026's one-row call table)."""
    return _leaf_size_line(text, lambda m, title: f"사업명\t{m['key']}\n{title}\t{m['value'].strip()}"
                           if title else None)


def _budget_row(label: str) -> Callable[[str], str]:
    """The first budget line as a summary table's key/value row under another label (`□ 공고규모 :
    … 43.0억 원 이내` → `총 지원예산 | … 43.0억 원 이내`)."""
    return lambda text: _leaf_size_line(
        text, lambda m, _: f"{label}\t{m['value'].strip()}" if budget_amount(m[0]) is not None else None)


# `□ 접수기간 :'17.4.14.(금)~4.28.(금),18:00까지`: a labelled `□` line (the next key of a summary row)
BOX_KEY_LINE = regex.compile(r"^[ ]*[□■][ ]*(?P<key>[^:：\t\n]{2,10}?)[ ]*[:：][ ]*(?P<value>\S[^\t\n]*)$")


def _pair_row(text: str) -> str:
    """The first budget line and the next `□` line beside it (notes between them kept below) as one
    row of a summary table printing two key/value pairs: `공고규모 | … 43.0억 원 이내,15개 과제 | 공고기간 |
    '17.3.30.(목)~…` (the overview tables of other calls: `사업명 | … | 주관기관 | …`)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = KEY_LINE.match(line)
        if m is None or budget_amount(line) is None or not line.lstrip().startswith(("□", "■")):
            continue
        for j in range(i + 1, min(i + 6, len(lines))):
            if NOTE.match(lines[j]):
                continue
            other = BOX_KEY_LINE.match(lines[j])
            if other is None:
                break
            row = f"{m['key']}\t{m['value'].strip()}\t{other['key'].strip()}\t{other['value'].strip()}"
            return "\n".join([*lines[:i], row, *lines[i + 1:j], *lines[j + 1:]])
        break
    return text


def _sub(pattern: regex.Pattern[str], repl: str | Callable[[regex.Match[str]], str]) -> Callable[[str], str]:
    return lambda text: pattern.sub(repl, text)


BUDGET_VARIANTS: list[Variant] = [
    Variant("budget_label_business", "□ 공고규모 : 43억 원 이내 → □ 사업예산 : 43억 원 이내",
            _budget_line(lambda m: f"{m['indent']}{m['mark']} 사업예산 : {_value(m)}")),
    Variant("budget_label_total_support", "□ 공고규모 : 43억 원 이내 → □ 총 지원예산 : 43억 원 이내",
            _budget_line(lambda m: f"{m['indent']}{m['mark']} 총 지원예산 : {_value(m)}")),
    Variant("budget_label_paren", "□ 공고규모 : 43억 원 이내 → ◦ (사업예산) 43억 원 이내",
            _budget_line(lambda m: f"{m['indent']}◦ (사업예산) {_value(m)}")),
    Variant("budget_label_no_colon", "□ 공고규모 : 43억 원 이내 → □ 총 지원예산 43억 원 이내",
            _budget_line(lambda m: f"{m['indent']}{m['mark']} 총 지원예산 {_value(m)}")),
    Variant("budget_year_word", "’17년도 정부출연금 43.0억 원 → ’17년 예산 43.0억 원", _year_word),
    Variant("budget_bound_word", "43.0억 원 이내 → 43.0억 원 규모", _budget_line(_bound_word)),
    Variant("size_line_overview", "□ 공고규모 : 43억 원 이내,15개 과제 → 사업명 | 공고규모 / <title> | 43억 원 이내,15개 과제",
            _overview_table),
    Variant("budget_row_total_support", "□ 공고규모 : 43억 원 이내 → 총 지원예산 | 43억 원 이내",
            _budget_row("총 지원예산")),
    Variant("budget_row_spaced_note", "□ 공고규모 : 43억 원 이내 → 예 산(국비) | 43억 원 이내", _budget_row("예 산(국비)")),
    Variant("budget_pair_row", "□ 공고규모 : 43억 원 / □ 공고기간 : … → 공고규모 | 43억 원 | 공고기간 | …", _pair_row),
    Variant("awards_approx_prefix", "90개사 내외 → 약 90개사",
            _sub(COUNT_APPROX, lambda m: f"약 {m['n']}{m['unit']}{m['alt'] or ''}")),
    Variant("awards_label_paren", "□ 선정규모 : 13개 대학 → ◦ (선정규모) 13개 대학",
            _sub(SIZE_LINE, lambda m: m[0] if LETTERED.match(m[0])
                 else f"{m['indent']}◦ ({m['label']}) {m['value'].strip()}")),
    Variant("awards_label_target_and_size", "□ 선정규모 : 총 535개사 → □ 지원대상 및 규모 : 총 535개사",
            _sub(SIZE_LINE, lambda m: m[0].replace(m["label"], "지원대상 및 규모", 1)
                 if m["label"].startswith("선정") else m[0])),
    Variant("cap_size_label_business", "□ 지원규모 : 과제당 160백만 원 내외 → □ 사업규모 : 과제당 160백만 원 내외",
            _per_award_size(lambda m: m[0].replace(m["label"], "사업규모", 1))),
    Variant("cap_size_label_paren", "□ 지원규모 : 과제당 160백만 원 내외 → ◦ (지원규모) 과제당 160백만 원 내외",
            _per_award_size(lambda m: f"{m['indent']}◦ ({m['label']}) {m['value'].strip()}")),
]
BY_NAME = {v.name: v for v in BUDGET_VARIANTS}


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv, registry=__name__, title="Metamorphic variants: budget and award counts",
               select=lambda names: [BY_NAME[n] for n in names] or BUDGET_VARIANTS)


if __name__ == "__main__":
    sys.exit(main())
