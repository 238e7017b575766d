"""Phrase-level field check: real field strings of many announcements, read one by one.

A listing cache of support calls (`../shared/samples/text/bizinfo_kstartup_smtech_detail_cache_
2026-03.json`: the 신청기간 string and the 지원내용 snippet of ~190 real calls on 기업마당, K-Startup
and smtech) is read phrase by phrase, each by the reader of its field:

- every distinct `period` → the window reader (`extractors.windows.corpus_value`): start and
  end with their times, or an open-ended kind (`상시 접수`, `예산 소진시까지`);
- every distinct `content` → the money reader (`vocab.money`), the budget reader
  (`vocab.budget`) and the award counter (`extractors.awards`).

The ~190 titles of the day's listing (`bizinfo_kstartup_daily_list_2026-03-02.json`) go through
the window reader too: read one by one, only `… 입주 모집공고(~3/30, 16:00)` prints a period, so
every other title must give none (`우수시장` is no 수시).

The values each phrase must give were written by reading it and live in the family corpora
(`extractors/corpus/windows.jsonl`, `vocab/corpus/money.jsonl`, `vocab/corpus/budget.jsonl`,
`extractors/corpus/awards.jsonl`, the lines under the `// bizinfo` comment), which
`tests/test_corpora.py` runs. This check adds what a corpus cannot: that EVERY distinct string
of the cache has its label (a new cache lists the strings nobody labelled yet).

    python -m gonggo.eval.phrases [CACHE.json [LIST.json]]   # exit 1 on an unlabelled or misread
                                                             # phrase, 2 on a file it cannot read
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gonggo.eval.field import SHARED_CORPUS

ROOT = Path(__file__).resolve().parents[1]
# beside the shared corpus (`GONGGO_SHARED_CORPUS`, or ../shared found above the checkout)
DEFAULT_CACHE = (SHARED_CORPUS.parent / "samples" / "text"
                 / "bizinfo_kstartup_smtech_detail_cache_2026-03.json")
DEFAULT_LIST = SHARED_CORPUS.parent / "samples" / "text" / "bizinfo_kstartup_daily_list_2026-03-02.json"

# cache field → (family corpus, reader module): the reader's `corpus_value` reads one phrase
READERS: dict[str, list[tuple[str, str]]] = {
    "period": [("extractors/corpus/windows.jsonl", "gonggo.extractors.windows")],
    "content": [("vocab/corpus/money.jsonl", "gonggo.vocab.money"),
                ("vocab/corpus/budget.jsonl", "gonggo.vocab.budget"),
                ("extractors/corpus/awards.jsonl", "gonggo.extractors.awards")],
}


@dataclass
class Report:
    checked: int = 0
    unlabelled: list[tuple[str, str]] = field(default_factory=list)  # (corpus, phrase)
    misread: list[tuple[str, str, object, object]] = field(default_factory=list)  # + expect, got

    @property
    def ok(self) -> bool:
        return not self.unlabelled and not self.misread


def labels(corpus: str) -> dict[str, object]:
    """A corpus's expected value per phrase."""
    out: dict[str, object] = {}
    for line in (ROOT / corpus).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            case = json.loads(line)
            out[case["text"]] = case["expect"]
    return out


def phrases(cache: dict[str, dict[str, str]], key: str) -> list[str]:
    """The distinct strings of one field, in first-seen order."""
    return list(dict.fromkeys(v[key] for v in cache.values() if isinstance(v, dict) and v.get(key)))


def check(cache: dict[str, dict[str, str]]) -> Report:
    report = Report()
    for key, readers in READERS.items():
        for corpus, module in readers:
            expected = labels(corpus)
            read: Callable[[str], object] = importlib.import_module(module).corpus_value
            for text in phrases(cache, key):
                report.checked += 1
                if text not in expected:
                    report.unlabelled.append((corpus, text))
                    continue
                got = read(text)
                if got != expected[text]:
                    report.misread.append((corpus, text, expected[text], got))
    return report


def titles(listing: dict[str, object]) -> list[str]:
    """The distinct titles of a day's listing (`sources` → each source's `items` → `title`)."""
    sources = listing.get("sources")
    out: list[str] = []
    for source in sources.values() if isinstance(sources, dict) else []:
        for item in source.get("items") or [] if isinstance(source, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("title"), str):
                out.append(item["title"])
    return list(dict.fromkeys(out))


def check_titles(listing: dict[str, object], report: Report | None = None) -> Report:
    """Every title through the window reader: its corpus label, else no window."""
    report = report or Report()
    corpus, module = READERS["period"][0]
    expected = labels(corpus)
    read: Callable[[str], object] = importlib.import_module(module).corpus_value
    for text in titles(listing):
        report.checked += 1
        want = expected.get(text, [])
        got = read(text)
        if got != want:
            report.misread.append((corpus, text, want, got))
    return report


def _load(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"gonggo.eval.phrases: {path}: {e}", file=sys.stderr)
        return None
    return data if isinstance(data, dict) else None


def main(argv: list[str] | None = None) -> int:
    """`[CACHE [LIST]]`: the detail cache, then the day's listing (defaults beside ../shared)."""
    args = sys.argv[1:] if argv is None else argv
    cache = _load(Path(args[0]) if args else DEFAULT_CACHE)
    listing = _load(Path(args[1]) if len(args) > 1 else DEFAULT_LIST)
    if cache is None or listing is None:
        return 2
    report = check_titles(listing, check(cache))
    for corpus, text in report.unlabelled:
        print(f"unlabelled ({corpus}): {text[:100]!r}")
    for corpus, text, want, got in report.misread:
        print(f"misread ({corpus}): {text[:100]!r}\n    expected {want!r}\n    read     {got!r}")
    print(f"{report.checked} phrase readings: {len(report.unlabelled)} unlabelled, "
          f"{len(report.misread)} misread")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
