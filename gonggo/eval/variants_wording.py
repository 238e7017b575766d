"""Metamorphic checks, second family: the same announcement with its section headings and lead
phrases spelled the way OTHER real announcements spell them must yield the same facts.

The rules were tuned on a few dozen documents' wording (`제출서류`, `지원제외 대상`, `접수기간`
…); an unseen announcement heads the same section `구비서류`, `신청제한`, `모집기간`. Each
`Variant` here rewrites every heading (or item label) of one facet, in any of the facet's
real spellings, into one other real spelling: same marker, same level, only the words. Every
spelling below was seen in a real text (where: `SEEN`); `gonggo.eval.variants.compare` lists the
facts lost or gained.

    python -m gonggo.eval.variants_wording corpus/seeds DIR_OF_TEXTS [--only …]
        [--jobs 2] [--out report.md]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import regex

from gonggo.eval.variants import Variant, run

# facet → the heading wordings real announcements print, each with one text it was seen in
# (dev texts of the field corpus, the seeds, the untuned samples).
SEEN: dict[str, dict[str, str]] = {
    "documents": {
        "제출서류": "daegutp_startup_scaleup_rnd_2026", "제출 서류": "knpa_policelab_rnd_2026",
        "신청서류": "mois_regional_disaster_rnd_2025", "증빙서류": "pipc_privacy_rnd_2025",
        "구비서류": "gonggo/vocab/headings.py (table)", "필요서류": "gonggo/vocab/headings.py (table)",
        "첨부서류": "gonggo/vocab/headings.py (table)",
        "신청 시 제출서류": "gonggo/vocab/headings.py (table)",
        "제출자료": "mafra_high_value_food_rnd_2025", "제출서류 목록": "seed 001",
        "신청 구비서류": "motie_industry_talent_hrd_council_2025",
    },
    "exclusions": {
        "지원제외 대상": "daegutp_startup_scaleup_rnd_2026", "지원제외대상": "seed 000",
        "지원 제외 대상": "mss_startup_univ_regional_2026", "신청 제외 대상": "kised_dodak_2025",
        "지원제외": "msit_deep_science_startup_2025", "참여제한": "knpa_policelab_rnd_2026",
        "참여 제한": "knpa_policelab_rnd_2026", "지원 불가": "ulju_youth_culture_project_2025",
        "신청제한": "gonggo/vocab/headings.py (table)", "결격사유": "gonggo/vocab/headings.py (table)",
        "제외대상": "gonggo/vocab/headings.py (table)",
        "신청 제한": "mohw_health_rnd_master_2026", "신청제외대상": "kised_dodak_2025",
    },
    "windows": {
        "접수기간": "daegutp_startup_scaleup_rnd_2026", "접수 기간": "knpa_policelab_rnd_2026",
        "신청기간": "msit_lab_startup_univ_2025", "신청 기간": "seed 001",
        "모집기간": "seed 002", "공모기간": "suseong_idea_contest_2026",
        "신청접수": "daegutp_startup_scaleup_rnd_2026", "신청·접수": "seed 001",
        "신청 접수": "msit_deep_science_startup_2025",
        "전산접수기간": "pipc_privacy_rnd_2025", "전산신청기간": "mois_regional_disaster_rnd_2025",
    },
    "contacts": {
        "문의처": "knpa_policelab_rnd_2026", "문의": "kspo_public_data_contest_2023",
        "담당자": "daegutp_startup_scaleup_rnd_2026", "연락처": "mafra_high_value_food_rnd_2025",
        "문의사항": "seed 002",
    },
    "duration": {
        "사업기간": "daegutp_startup_scaleup_rnd_2026", "지원기간": "mafra_high_value_food_rnd_2025",
        "협약기간": "mss_startup_univ_regional_2026", "수행기간": "pipc_privacy_rnd_2025",
        "연구기간": "knpa_policelab_rnd_2026", "연구개발기간": "mafra_smartfarm_multi_ministry_rnd_2025",
    },
    "funding": {
        "지원내용": "daegutp_startup_scaleup_rnd_2026", "지원 내용": "msit_lab_startup_univ_2025",
        "지원규모": "seed 000", "지원조건": "seed 000", "지원금액": "msit_global_training_master_2025",
    },
}

# a heading's marker (or none: a table cell, a bare title line)
_MARKER = r"""(?:[□■○●◦ㅇ◎▪•∙·\-※❍]|[①-⑳]|\d{1,2}[.)]|[가-하][.)]|[(（]\d{1,2}[)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,4}\.?)"""
# after the wording: a closing bracket, a colon, the end of the line or cell, or `및 …`
_AFTER = r"(?=[ ]*(?:[)）\]】:：]|\t|$)|[ ]+및[ ]|[ ]*[·ㆍ][ ]*[가-힣])"


def heading_pattern(facet: str) -> regex.Pattern[str]:
    """A heading or item label of `facet` in any of its real wordings: the wording as group `w`."""
    words = sorted(SEEN[facet], key=len, reverse=True)
    alts = "|".join(regex.escape(w).replace(r"\ ", "[ ]?") for w in words)
    return regex.compile(
        rf"(?m)(?:^|(?<=\t))[ ]*(?:{_MARKER}[ ]*)?[(（\[【<]?[ ]*\K(?P<w>{alts}){_AFTER}")


def rewrite_headings(facet: str, target: str) -> Callable[[str], str]:
    """Every heading/label of `facet` written as `target` (one of its real wordings)."""
    pattern = heading_pattern(facet)
    return lambda text: pattern.sub(target, text)


def _variant_name(facet: str, target: str) -> str:
    return f"heading_{facet}_{target.replace(' ', '_')}"


WORDING_VARIANTS: list[Variant] = [
    Variant(_variant_name(facet, target), f"{facet} heading → {target}", rewrite_headings(facet, target))
    for facet, words in SEEN.items() for target in words
]
# An exclusions heading printed as the lead-in sentence itself, the list under it (real prints:
# mois_regional_disaster_rnd_2026 `□ 다음의 경우는 지원대상에서 제외될 수 있음`, seed 002 `◦ 다음 부적격
# 사항에 해당하는 경우 지원 대상에서 제외`, pipc_privacy_rnd_2025 `< 다음의 경우는 지원 대상에서 제외할 수
# 있음 >`): only a heading alone on its line is rewritten (a label with its content stays).
LEAD_INS = {
    "mois": "다음의 경우는 지원대상에서 제외될 수 있음",
    "seed002": "다음 부적격 사항에 해당하는 경우 지원 대상에서 제외",
    "pipc": "다음의 경우는 지원 대상에서 제외할 수 있음",
}


def rewrite_as_lead_in(target: str) -> Callable[[str], str]:
    pattern = heading_pattern("exclusions")
    bare = regex.compile(r"^[ ]*[)）\]】]?[ ]*$")

    def apply(text: str) -> str:
        out, last = [], 0
        for m in pattern.finditer(text):
            line_end = text.find("\n", m.end())
            rest = text[m.end():line_end if line_end >= 0 else len(text)]
            if not bare.match(rest):
                continue
            out += [text[last:m.start()], target]
            last = m.end()
        out.append(text[last:])
        return "".join(out)

    return apply


WORDING_VARIANTS += [
    Variant(f"heading_exclusions_lead_in_{key}", f"exclusions heading → {target}", rewrite_as_lead_in(target))
    for key, target in LEAD_INS.items()
]
BY_NAME = {v.name: v for v in WORDING_VARIANTS}


def _select(wanted: list[str]) -> list[Variant]:
    """Variants by name, or all of a facet's (`--only documents`)."""
    return [v for v in WORDING_VARIANTS
            if not wanted or v.name in wanted or any(v.name.startswith(f"heading_{w}_") for w in wanted)]


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv, registry=__name__, title="Metamorphic variants: heading wordings",
               select=_select)


if __name__ == "__main__":
    sys.exit(main())
