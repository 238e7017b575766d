"""Text keys shared by every floor: outline-marker stripping, comparison keys, bigram Dice."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import regex

# A pattern given as a string, compiled once: `compiled(r"…").search(text)`. `regex.search(r"…",
# text)` looks the pattern up in the module's compile cache on every call (~6 µs against
# ~1.5 µs for a compiled pattern), and a pattern compiled at import costs every start-up.
compiled = cache(regex.compile)

# The signs announcements print between the two ends of a range (`1~2억원`, `3. 4.(화) ∼ 3. 20.`,
# `7030～7037`, `4.1.〜4.30.`): tilde, tilde operator, full-width tilde, wave dash. One list,
# for every rule's character class (`[{RANGE_SIGNS}]`).
RANGE_SIGNS = "~∼～〜"
# The middle dots printed between words (`중소·중견`, `휴ㆍ폐업`, `중소‧중견`, `이미・이취`, `중소∙중견`):
# a rule's character class of middle dots lists all of them (tests/test_variants.py checks).
MIDDLE_DOTS = "·ㆍ‧・･․⸱∙"
# What may open a line before its first word: anything but a letter or digit, and the letters
# drawn as bullets when a space follows (`ㅇ 대면평가 : …`, `o 신청기간 : …`). Use as `^{LEAD}`.
LEAD = r"(?:[^\p{L}\p{N}]|[ㅇo](?=\s))*"
# Arrows drawn between the steps of a process laid out across (`접수 ▶ 심의 ▶ 발표`), or opening
# an item (`▸ 휴·폐업 중인 기업`).
ARROWS = "▶▷►▸▹→⇒➡⟶➔➜➤➢"
# Circled numbers opening items (`① 신청서`, `❶ 인천시 소재 창업기업 …`, `➊ …`): the circled digits,
# then the dingbat sets (negative circled, sans-serif circled and its negative). `circled_ordinal`
# gives each its number.
CIRCLED_SETS = ("".join(map(chr, range(0x2460, 0x2474))),  # ①–⑳
                "".join(map(chr, range(0x2776, 0x2780))),  # ❶–❿
                "".join(map(chr, range(0x2780, 0x278A))),  # ➀–➉
                "".join(map(chr, range(0x278A, 0x2794))))  # ➊–➓
CIRCLED_NUMBERS = "".join(CIRCLED_SETS)
CIRCLED_CLASS = "①-⑳❶-➓"  # the same characters as a regex class range


def circled_ordinal(ch: str) -> int | None:
    """`③` → 3, `➊` → 1; None for any other character."""
    for chars in CIRCLED_SETS:
        i = chars.find(ch)
        if i >= 0 and ch:
            return i + 1
    return None


_MARKER_PREFIX = regex.compile(
    r"^\s*(?:\[?\s*(?:붙\s?임|별\s?첨)\s*\d*\s*\]?|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*[.．]?|[IVX]+\s*[.．]|\d{1,2}\s*[.．)]|"
    r"[(（]\d{1,2}[)）]|[가-하]\s*[.．)]|[(（][가-하][)）]|[①-⑳❶-➓]|[□■◼◻▣◦○●◎∘ㅇ▪▫▸▶►◆◇•·∙ㆍ‧・･․⸱\-–—]|※|\*{1,2}|☞|#{1,6})\s*"
)


# Pure functions of one line, asked again for the same lines by every program's readers:
# their answers are kept for the most recent lines.
@lru_cache(maxsize=16384)
def strip_marker(text: str) -> str:
    """`□ 지원제외대상` → `지원제외대상`."""
    return _MARKER_PREFIX.sub("", text, count=1).strip()


@lru_cache(maxsize=16384)
def norm_key(text: str) -> str:
    """Comparison key: no spaces, brackets or middle dots."""
    return compiled(r"[\s·ㆍ‧・･․⸱∙\p{P}「」『』｢｣]+").sub("", text).lower()


def char_bigrams(text: str, key: Callable[[str], str] = norm_key) -> set[str]:
    """The character bigrams of `key(text)` (a one-letter key: itself; nothing: none)."""
    k = key(text)
    return {k[i : i + 2] for i in range(len(k) - 1)} or ({k} if k else set())


def dice(x: set[str], y: set[str]) -> float:
    """Dice coefficient of two bigram sets."""
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0
