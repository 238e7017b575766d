"""How to apply (신청방법, 접수방법, 제출방법) → `Submission`: channels, URLs, e-mails.

Read only from items that speak of the method: an item labelled `(신청방법)` / `접수방법 :`
and what hangs under it, or any item under a heading that is one (`□ 신청방법`,
`□ 신청기간 및 방법`), unless the item is labelled with another facet (`(제출서류)`,
`(신청기간)`). A web address anywhere else (a contact list, a form's source) is not a channel.

Channels, by rule (`CHANNELS`): `online` for 온라인 / 홈페이지 / 시스템(을 통해) 접수;
`email` for 이메일 / e-mail / 전자우편 or an e-mail address given there; `post` for 우편 /
등기; `visit` for 방문 접수 / 직접 제출. Every channel, URL and e-mail carries the span it
was read from.

`corpus_value(text)`: {"channels", "urls", "emails"} read from one method phrase, or null.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from gonggo.reading.items import Item, context_of, in_appendix, items
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Channel, Evidence, Submission
from gonggo.vocab.text import compiled

CHANNEL_ORDER: tuple[Channel, ...] = ("online", "email", "post", "visit")


@dataclass(frozen=True)
class ChannelRule:
    name: str  # an example of what it reads
    channel: Channel
    pattern: regex.Pattern[str]


CHANNELS: list[ChannelRule] = [
    ChannelRule("이메일 제출 / e-mail / 전자우편", "email", regex.compile(
        r"이\s?메일|[Ee]\s?-?\s?[Mm]ail|전자\s*우편|메일\s*(?:접수|제출|송부|신청)")),
    ChannelRule("온라인 접수 / 홈페이지 / 누리집", "online", regex.compile(
        r"온라인|인터넷|홈페이지|누리집|웹\s*사이트|사이트\s*(?:접속|에서|를\s*통)|전자\s*접수")),
    ChannelRule("시스템(…)을 통해 신청", "online", regex.compile(
        r"(?:시스템|플랫폼|포털)\s*(?:[(（][^)）\n]{0,60}[)）]\s*)?(?:을|를|에서|으로|로)?\s*"
        r"(?:통한|통해|통하여)?\s*(?:사업\s*)?(?:접수|신청|제출)")),
    ChannelRule("우편 접수 / 등기", "post", regex.compile(
        r"(?<!전자\s?)우편(?!\s*번호)|등기|우송|택배")),
    ChannelRule("방문 접수 / 직접 제출", "visit", regex.compile(
        r"방문\s*(?:접수|제출|신청)|(?:직접|현장)\s*(?:방문|제출|접수)|내방")),
]
METHOD_LABEL = regex.compile(r"(?:신청|접수|제출|응모)\s*(?:[·ㆍ]\s*(?:접수|제출)\s*)?(?:방법|방식)"
                             r"\s*(?:은|는|[:：]|[)）])?")
# a channel ruled out: `우편, 이메일 제출 불가`, `방문 접수는 받지 않음`
NEGATED = regex.compile(r"[^.()\n]{0,15}?(?:불가|불인정|제외|받지\s*않|하지\s*않|안\s*됨|금지)")
EMAIL = regex.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# ASCII only: a Korean particle right after an address (`smart-factory.kr에서`) ends it
_URL_PATH = r"(?:/[A-Za-z0-9._~:/?#@!$&*+,;=%-]*)?"
_HOST = r"(?<![@A-Za-z0-9_./-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
URL = regex.compile(
    r"https?://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+"
    r"|(?<![@A-Za-z0-9_.-])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+" + _URL_PATH
    + r"|" + _HOST + r"\.(?:go|or|co|re|ac|ne|pe)\.kr(?![A-Za-z0-9_.-])" + _URL_PATH
    + r"|" + _HOST + r"\.(?:kr|com|net|org)(?![A-Za-z0-9_.@-])" + _URL_PATH
)


@dataclass
class Found:
    channels: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # the first span of each value

    @property
    def empty(self) -> bool:
        return not (self.channels or self.urls or self.emails)


def _url_key(url: str) -> str:
    url = compiled(r"^https?://").sub("", url.lower().rstrip("/.,"))
    return compiled(r"^www\.").sub("", url)


def read_method(text: str, found: Found | None = None, offset: int = 0) -> Found:
    """Channels, URLs and e-mails in one method text; spans offset by `offset`."""
    found = found or Found()
    emails = list(EMAIL.finditer(text))
    for m in emails:
        if m.group(0) not in found.emails:
            found.emails.append(m.group(0))
            found.spans.append((offset + m.start(), offset + m.end()))
        if "email" not in found.channels:
            found.channels.append("email")  # its span is the address
    for m in URL.finditer(text):
        url = m.group(0).rstrip(".,")
        if any(e.start() <= m.start() < e.end() for e in emails):
            continue
        if _url_key(url) not in {_url_key(u) for u in found.urls}:
            found.urls.append(url)
            found.spans.append((offset + m.start(), offset + m.start() + len(url)))
    for rule in CHANNELS:
        for m in rule.pattern.finditer(text):
            if any(e.start() <= m.start() < e.end() for e in emails):
                continue
            if NEGATED.match(text, m.end()):  # `(우편, 이메일 제출 불가)`
                continue
            if rule.channel not in found.channels:
                found.channels.append(rule.channel)
                found.spans.append((offset + m.start(), offset + m.end()))
            break
    return found


def corpus_value(text: str) -> dict[str, list[str]] | None:
    f = read_method(text)
    return None if f.empty else {"channels": f.channels, "urls": f.urls, "emails": f.emails}


def extract_submission(scope: Scope) -> Submission:
    found = _read_items(scope, [i for i in items(scope) if not in_appendix(scope, i)])
    if found.empty:
        found = _read_items(scope, [i for i in items(scope) if in_appendix(scope, i)])
    evidence: list[Evidence] = []
    for a, b in sorted(set(found.spans)):
        ev = scope.evidence(a, b)
        if ev.quote:
            evidence.append(ev)
    channels: list[Channel] = [c for c in CHANNEL_ORDER if c in found.channels]
    return Submission(channels=channels, urls=found.urls, emails=found.emails, evidence=evidence)


def _read_items(scope: Scope, chosen: list[Item]) -> Found:
    found = Found()
    for item in chosen:
        ctx = context_of(scope, item)
        text_blocks = [b for b in item.blocks if b.table is None]
        if "method" in ctx.facets:
            for b in text_blocks:
                read_method(scope.text(b), found, b.start)
            continue
        if "period" in ctx.facets and ctx.own is not None:
            continue
        spans = [(b.start, b.end) for b in text_blocks]
        spans += [(c.start, c.end) for b in item.blocks if b.table is not None
                  for c in b.table.cells]
        for lo, hi in spans:
            _inline(scope, lo, hi, found)
    return found


def _inline(scope: Scope, lo: int, hi: int, found: Found) -> None:
    """`… 신청방법 : 온라인 접수` inside an item about something else: the rest of its line."""
    text = scope.doc.text[lo:hi]
    for m in METHOD_LABEL.finditer(text):
        line_end = text.find("\n", m.end())
        end = len(text) if line_end < 0 else line_end
        read_method(text[m.end():end], found, lo + m.end())
