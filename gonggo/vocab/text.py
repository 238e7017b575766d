"""Text keys shared by every floor: outline-marker stripping, comparison keys, bigram Dice."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import regex

# A pattern given as a string, compiled once: `compiled(r"…").search(text)`. `regex.search(r"…",
# text)` looks the pattern up in the module's compile cache on every call (~6 µs against
# ~1.5 µs for a compiled pattern), and a pattern compiled at import costs every start-up.
compiled = cache(regex.compile)

_MARKER_PREFIX = regex.compile(
    r"^\s*(?:\[?\s*(?:붙\s?임|별\s?첨)\s*\d*\s*\]?|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*[.．]?|[IVX]+\s*[.．]|\d{1,2}\s*[.．)]|"
    r"[(（]\d{1,2}[)）]|[가-하]\s*[.．)]|[(（][가-하][)）]|[①-⑮]|[□■◼◻▣◦○●◎∘ㅇ▪▫▸▶►◆◇•·∙ㆍ\-–—]|※|\*{1,2}|☞|#{1,6})\s*"
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
    return compiled(r"[\s\p{P}「」『』｢｣·ㆍ]+").sub("", text).lower()


def char_bigrams(text: str, key: Callable[[str], str] = norm_key) -> set[str]:
    """The character bigrams of `key(text)` (a one-letter key: itself; nothing: none)."""
    k = key(text)
    return {k[i : i + 2] for i in range(len(k) - 1)} or ({k} if k else set())


def dice(x: set[str], y: set[str]) -> float:
    """Dice coefficient of two bigram sets."""
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0
