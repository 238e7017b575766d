"""Phone numbers as printed → every full number they stand for.

`044-204-7253, 7262` is two numbers, `031-420-6773~5` three, `053-819-3045~6, 3055~9` six;
a range holding more than `MAX_RANGE` numbers keeps only the numbers printed in full
(its first). Each full number keeps the printed hyphenation of the first.
"""

from __future__ import annotations

import regex

from gonggo.vocab.text import RANGE_SIGNS

FULL = regex.compile(
    r"""
    (?P<head>\(?0\d{1,2}\)?[\s.\-)]?\s?\d{3,4}[.\-])(?P<last>\d{4})   # 0XX-XXX(X)-XXXX, (02) …
    | (?P<head>1[568]\d{2}-)(?P<last>\d{4})                          # 15XX/16XX/18XX-XXXX
    """,
    regex.VERBOSE,
)
# What may follow the full number: a range end `~5`, another extension `/2245`, `, 3055`.
STEP = regex.compile(rf"\s*(?P<sep>[{RANGE_SIGNS}]|/|,)\s*(?P<digits>\d{{1,4}})")
MAX_RANGE = 10


def expand_phone(printed: str) -> list[str]:
    """Every full number `printed` stands for, in printed order; [] when it is no phone."""
    text = printed.strip()
    m = FULL.match(text)
    if not m:
        return []
    head, last = m["head"], m["last"]
    out = [head + last]
    pos = m.end()
    while step := STEP.match(text, pos):
        pos = step.end()
        digits = step["digits"]
        value = last[: len(last) - len(digits)] + digits
        if step["sep"] in RANGE_SIGNS:
            lo, hi = int(last), int(value)
            if lo < hi and hi - lo < MAX_RANGE:
                out += [head + f"{n:0{len(last)}d}" for n in range(lo + 1, hi + 1)]
        else:
            out.append(head + value)
        last = value
    if text[pos:].strip():
        return out[:1]
    return list(dict.fromkeys(out))


def corpus_value(text: str) -> list[str]:
    """tests/test_corpora.py: the full numbers of one printed phone."""
    return expand_phone(text)
