"""Contacts of one program: who to call or write to, and about what.

Rules, each a small function below:

- `CONTACT_TABLE`  a table whose header names contact columns (기관 / 기관명 / 담당기관 / 부서,
  지역, 구분 / 문의사항 / 업무, 연락처 / 전화 / 전화번호, 이메일): one contact per phone (or e-mail)
  of each row. A text export leaves a merged 기관 cell empty below its first row: the org
  above is kept.
- `CONTACT_RUN`    the same table flattened to lines (`기관명 지역 연락처` / `서울지역본부
  02-2106-7455`): the header's column order tells which words before the phone are the org,
  the region or the topic; a line with an org alone (`스마트제조혁신추진단`) is the merged org
  cell of the rows below it.
- `CONTACT_LINE`   any other line with a phone or an e-mail (`문의처 : 스마트제조혁신추진단
  (☎ 02-123-4567)`, `(시스템 문의) 국번없이 1357`): org = the organisation named before the
  phone, topic = the line's `(label)` unless it only says 문의처 / 연락처.

`phone_printed` keeps the text as printed and `phones` every full number it stands for
(gonggo.vocab.phones: `031-420-6773~5` → three); a table printing the area code once in its
phone column's header (`연락처 (031-420-)` over rows `6754,6756`) completes each row's numbers.
An e-mail printed alone is a contact only under a 문의 heading and not as a 접수 address.
Phones are kept as printed, with ranges and extensions (`053-819-3045~6, 3055~9`,
`054-223-2242/2245`). A phone is `0XX-XXX(X)-XXXX`, `15XX/16XX/18XX-XXXX`, or a four-digit
number after ☎ / 국번없이 / 콜센터 (`국번없이 1357`); dates, amounts and 공고 numbers are not.

Attachments (붙임, 별첨, 서식) are read only when the body prints no contact at all.

A master announcement: the program's scope is its `(n)` section, while the announcement's
contact tables (`Ⅳ. 문의 및 연락처`) lie outside every program. Those rows are kept for this
program when their label names it: the row label's character bigrams must mostly occur in the
program's name (`업종별특화` in `업종별 특화 스마트공장 사업 운영기관 모집`), and more so than in
any other program's name. A contact section whose title names a program (`스마트공장 사후관리
지역별 접수 및 문의처`) belongs to that program as a whole; a row that says `지역별 문의처 참조`
takes the rows of the contact section its words name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from gonggo.reading.appendix import offset_in_appendix
from gonggo.reading.lines import STOP, Line, clean, scope_lines
from gonggo.reading.scope import Scope
from gonggo.schemas.announcement import Contact, Evidence
from gonggo.schemas.document import Cell, Section, Table
from gonggo.vocab.phones import expand_phone
from gonggo.vocab.text import char_bigrams, compiled, strip_marker

# Ranges and extensions printed after a number: `~6`, `/2245`, `, 3055~9`.
_SUFFIX = (
    r"(?:\s?[~∼～〜]\s?\d{1,4}|\s?/\s?\d{3,4}(?:\s?[~∼～〜]\s?\d{1,4})?"
    r"|,\s?\d{4}(?:\s?[~∼～〜]\s?\d{1,4})?(?![\d\-.]|\s?[년월일]))*"
)
PHONE = regex.compile(
    r"(?<![\d\-.])(?:\(0\d{1,2}\)\s?\d{3,4}-\d{4}|0\d{1,2}\)\s?\d{3,4}-\d{4}|0\d{1,2}-\d{3,4}-\d{4}"
    r"|0\d{1,2}\.\d{3,4}\.\d{4}|1[568]\d{2}-\d{4})(?![\d])" + _SUFFIX
)
SHORT_PHONE = regex.compile(
    r"(?:☎|☏|TEL|Tel|tel|전화|국번\s*없이|콜\s*센터|대표\s*번호)\s*[:：.]?\s*(?P<phone>1\d{3})(?![\d\-])"
)
# A fax number is no contact phone: `❍ Fax: 053-666-2119`, `팩스 : 02-123-4568`,
# `02-123-4568(팩스)`; a `팩스번호` column is no phone column.
# `팩스신청: 041-350-4049`, `팩스 접수 :` (untuned dangjin_gift_voucher_merchants): where forms are faxed to
FAX_BEFORE = regex.compile(r"(?:fax|팩\s*스|전\s*송)\s*(?:번호|신청|접수|제출|발송)?\s*[:：.)）]?\s*$", regex.I)
# … and `02-6209-3029으로 FAX 발송` (a number the form is faxed to).
FAX_AFTER = regex.compile(r"\s*(?:[(（]|(?:으로|로)\s*)\s*(?:fax|팩\s*스)", regex.I)
# A table printing the area code and exchange once, in its phone column's header
# (`연락처` / `(031-420-)`), and only the line numbers in the rows (`6754,6756`).
PHONE_PREFIX = regex.compile(r"^\(?\s*(?P<prefix>0\d{1,2}-\d{3,4}-)\s*\)?$")
LINE_NUMBERS = regex.compile(r"\d{4}(?:\s*(?:[~∼～〜]\s*\d{1,4}|[,/]\s*\d{4}))*")
# An e-mail printed alone is a contact only where the text asks for enquiries, and not
# when it is where applications go (`접수 주소: …`, `제출처 : …`, `이메일(…)로 1부 별도 발송`).
INQUIRY_CUE = regex.compile(r"문의|연락처|담당자|상담")
SUBMIT_CUE = regex.compile(r"접수|제출|발송|송부|신청서")
EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_CUE = regex.compile(r"(?:☎|☏|TEL|Tel|tel|국번\s*없이|전화\s*[:：]?|콜\s*센터)\s*[:：]?\s*$")

# The last word of an organisation's name.
ORG = regex.compile(
    r"(?:부|처|청|공단|재단|센터|협회|본부|지부|본지부|위원회|테크노파크|대학교|대학|산학협력단|조합|연합회|"
    r"공사|회의소|추진단|사업단|혁신단|팀|과|실|국|TP|협의회|진흥회|기금|은행|"
    r"(?:진흥|정보|평가|개발|교육|기술|관리|연수|연구|보건|인재|산업|지식|표준|문화)원)"
    r"(?:\s*[(（][^)）]{1,20}[)）])?$"
)
REGION = regex.compile(
    r"^(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|포항|"
    r"경기북부|충청|전라|경상)"
)
ROLES: dict[str, regex.Pattern[str]] = {
    "fax": regex.compile(r"^(?!.*(?:연락처|전화|TEL|☎)).*(?:팩\s*스|fax)", regex.I),
    "phone": regex.compile(r"연락처|전화|TEL|☎|번호"),
    "email": regex.compile(r"이메일|e-?mail|메일", regex.I),
    "org": regex.compile(r"기관|부서|소속|연수원명|센터명|담당처|확인처"),
    "region": regex.compile(r"지역|권역|시\s*도|소재지"),
    "topic": regex.compile(r"구분|사업명|문의\s*사항|업무|내용|분야|과정|역할|사업"),
    "skip": regex.compile(r"^(?:No\.?|번호|순번|연번|담당자|성명|이름|비고)$", regex.I),
}
# Labels that only say "contact" are no topic.
GENERIC_LABEL = regex.compile(
    r"^(?:문의\s*처?|연락처|이메일|e-?mail|전화(?:번호)?|담당자?|문의\s*사항|TEL|☎)$", regex.I
)
CONTACT_SECTION = r"문의|연락처|접수처|담당\s*기관|담당자"
# Words of a contact section's title that name no program.
TITLE_NOISE = regex.compile(
    r"사업별|지역별|접수|및|문의처?|연락처|담당\s*기관|담당자?|안내|[(（][^)）]*[)）]"
)


def find_phones(text: str) -> list[tuple[int, int]]:
    """Spans of the phone numbers in `text`, as printed (a fax number is none)."""
    return list(_phones(text))


@lru_cache(maxsize=8192)  # a pure function of the text: every scope asks for the same cells
def _phones(text: str) -> tuple[tuple[int, int], ...]:
    spans = [(m.start(), m.end()) for m in PHONE.finditer(text)]
    for m in SHORT_PHONE.finditer(text):
        s, e = m.start("phone"), m.end("phone")
        if not any(a <= s < b for a, b in spans):
            spans.append((s, e))
    return tuple(sorted((s, e) for s, e in spans
                        if not FAX_BEFORE.search(text, max(0, s - 16), s)
                        and not FAX_AFTER.match(text, e)))


def _is_org(text: str) -> bool:
    t = clean(text)
    return len(compiled(r"\s").sub("", t)) >= 3 and bool(ORG.search(t))


# An org or topic is a name: a label printed before it (`연락처 : 방위사업청`) is not part of it,
# a bare number is none (a postal code `(34054)`, a phone `(044-203-3111)` in a label's place),
# and neither is a sentence that happens to end in an org-like word (`… 등록을 하여야 합니다.
# 등록절차와 나라장터 이용안내는 정부조달콜센터`).
NAME_LABEL = regex.compile(r"^\s*(?:문\s*의\s*처?|연\s*락\s*처|담\s*당\s*자?|문의\s*사항)\s*[:：]\s*")
NAME_MARKER = regex.compile(r"^[\s□◦○▪•·ㆍ\-]+")  # `▪ 신청방법, 신청절차 …`: the marker is no part
SENTENCE = regex.compile(r"(?:니다|하며|하여야|바랍니다|있으며|수행|[다요]\.)(?:\s|$)|[□◦○▪]")


def _name(text: str | None) -> str | None:
    if text is None:
        return None
    text = NAME_LABEL.sub("", NAME_MARKER.sub("", text)).strip()
    if not regex.search(r"[\p{Hangul}A-Za-z]", text) or SENTENCE.search(text):
        return None
    return text


@dataclass
class Row:
    """One contact as read, before it is assigned to a program."""

    org: str | None
    topic: str | None
    phone: str | None
    email: str | None
    evidence: list[Evidence]
    label: str = ""  # what the row is about, for matching it to a program
    ref: str | None = None  # `지역별 문의처 참조`: the rows of another section
    prefix: str = ""  # the area code and exchange a table prints once in its header

    def contact(self) -> Contact:
        return Contact(
            org=_name(self.org),
            topic=_name(self.topic),
            phone=self.phone if not self.prefix else (expand_phone(self.prefix + self.phone)
                                                      or [self.phone])[0],
            phones=expand_phone(self.prefix + self.phone) or [self.phone] if self.phone else [],
            phone_printed=self.phone,
            email=self.email,
            evidence=self.evidence,
        )


# --- tables ---------------------------------------------------------------------------------


def _roles(head: list[str]) -> list[str | None]:
    return list(_roles_of(tuple(head)))


@lru_cache(maxsize=4096)  # a pure function of the header texts, asked per program scope
def _roles_of(head: tuple[str, ...]) -> tuple[str | None, ...]:
    roles: list[str | None] = []
    for text in head:
        t = clean(text)
        role = None
        if t and not ROLES["skip"].match(t):
            for name in ("fax", "email", "phone", "org", "region", "topic"):
                if ROLES[name].search(t):
                    role = name
                    break
        elif not t and roles:
            role = roles[-1]  # a merged header cell exported as an empty one
        roles.append(role)
    return tuple(roles)


def table_rows(scope: Scope, table: Table) -> list[Row]:
    """`CONTACT_TABLE`."""
    grid = table.grid()
    texts = table.rows_text()
    if not any(ROLES["phone"].search(t) or ROLES["email"].search(t) for t in texts[0]):
        return _loose_table_rows(scope, table)  # no header cell can be a phone or e-mail column
    roles = _roles(texts[0])
    if "phone" not in roles and "email" not in roles:
        return _loose_table_rows(scope, table)
    out: list[Row] = []
    carried_org: tuple[str, list[Evidence]] | None = None
    prefix, prefix_span = _phone_prefix(scope, grid, roles)
    for r in range(1, len(grid)):
        cells = grid[r]
        org_cells = [
            c
            for c, role in zip(cells, roles, strict=False)
            if role == "org" and c is not None and c.text.strip()
        ]
        if org_cells:
            best = next((c for c in org_cells if _is_org(c.text)), org_cells[-1])
            carried_org = (clean(best.text), [scope.evidence(best.start, best.end)])
        elif any(role == "org" for role in roles) and r > 1:
            pass  # keep the org of the row above (merged cell)
        else:
            carried_org = None
        topic = _pick_topic(scope, cells, roles, texts[0])
        phones: list[tuple[str, Evidence]] = []
        emails: list[tuple[str, Evidence]] = []
        seen: set[int] = set()
        for c, role in zip(cells, roles, strict=False):
            if c is None or id(c) in seen:
                continue
            seen.add(id(c))
            local = LINE_NUMBERS.fullmatch(c.text.strip())
            if prefix and role == "phone" and local and not find_phones(c.text):
                lead = len(c.text) - len(c.text.lstrip())
                phones.append((local.group(0), scope.evidence(c.start + lead,
                                                              c.start + lead + local.end())))
                continue
            if role in ("phone", "email", None):
                for s, e in find_phones(c.text):
                    phones.append((c.text[s:e], scope.evidence(c.start + s, c.start + e)))
                for m in EMAIL.finditer(c.text):
                    emails.append(
                        (m.group(0), scope.evidence(c.start + m.start(), c.start + m.end()))
                    )
        label_cells = [
            c
            for c, role in zip(cells, roles, strict=False)
            if role in ("topic", "org") and c is not None
        ]
        label = " ".join(clean(c.text) for c in _unique(label_cells))
        base = (carried_org[1] if carried_org else []) + (topic[1] if topic else [])
        org = carried_org[0] if carried_org else None
        if not phones and not emails:
            ref = next(
                (
                    clean(c.text)
                    for c in _unique([c for c in cells if c is not None])
                    if "참조" in c.text
                ),
                None,
            )
            if ref:
                out.append(Row(org, topic[0] if topic else None, None, None, base, label, ref))
            continue
        for i, (phone, span) in enumerate(phones or [(None, None)]):
            email = emails[i][0] if i < len(emails) else None
            spans = ([span] if span else []) + ([emails[i][1]] if i < len(emails) else []) + base
            if prefix and phone and not find_phones(phone):
                out.append(Row(org, topic[0] if topic else None, phone, email,
                               spans + prefix_span, label, prefix=prefix))
            else:
                out.append(Row(org, topic[0] if topic else None, phone, email, spans, label))
    return out


def _phone_prefix(scope: Scope, grid: list, roles: list[str | None]) -> tuple[str, list[Evidence]]:
    """`(031-420-)` printed once in the phone column's header (or the row under it)."""
    for row in grid[:2]:
        for c, role in zip(row, roles, strict=False):
            if c is None or role != "phone":
                continue
            for line in c.text.split("\n"):
                m = PHONE_PREFIX.match(line.strip())
                if m:
                    at = c.start + c.text.index(line) + line.index(m["prefix"])
                    return m["prefix"], [scope.evidence(at, at + len(m["prefix"]))]
    return "", []


def _unique(cells: Iterable[Cell]) -> list[Cell]:
    seen: set[int] = set()
    out: list[Cell] = []
    for c in cells:
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


SPECIFIC_TOPIC = regex.compile(r"문의\s*사항|문의\s*내용|업무|내용|역할")


def _pick_topic(
    scope: Scope,
    cells: list[Cell | None],
    roles: list[str | None],
    head: list[str],
) -> tuple[str, list[Evidence]] | None:
    """The region, else the most specific topic column (문의사항 / 업무 over 구분)."""
    specific = {c for c, t in enumerate(head) if roles[c] == "topic" and SPECIFIC_TOPIC.search(t)}
    for want in ("region", "topic"):
        found = [
            c
            for k, (c, role) in enumerate(zip(cells, roles, strict=False))
            if role == want
            and c is not None
            and c.text.strip()
            and (want != "topic" or not specific or k in specific)
        ]
        if found:
            c = found[-1]
            return clean(c.text), [scope.evidence(c.start, c.end)]
    return None


def _loose_table_rows(scope: Scope, table: Table) -> list[Row]:
    """A table with phones but no contact header: each row read like a line."""
    out: list[Row] = []
    for row in table.grid():
        cells = _unique([c for c in row if c is not None and c.text.strip()])
        for c in cells:
            if find_phones(c.text) or EMAIL.search(c.text):
                context = " ".join(clean(x.text) for x in cells if x is not c)
                for found in line_rows(scope, Line(c.start, c.end, c.text)):
                    if found.org is None:
                        orgs = [clean(x.text) for x in cells if x is not c and _is_org(x.text)]
                        found.org = orgs[-1] if orgs else None
                    found.label = context
                    out.append(found)
    return out


# --- flattened tables -----------------------------------------------------------------------


def _header_roles(text: str) -> list[str] | None:
    """`기관명 지역 연락처` → ["org", "region", "phone"], or None for a line that is no header."""
    if len(text) > 60:
        return None
    roles = _header_roles_of(text)
    return list(roles) if roles is not None else None


@lru_cache(maxsize=4096)
def _header_roles_of(text: str) -> tuple[str, ...] | None:
    # a pure function of the line's text, asked once per program scope and line: cached
    if not ROLES["phone"].search(text) or find_phones(text):
        return None  # no token can be a phone column's
    tokens = clean(text).split(" ")
    roles = [r for r in _roles(tokens) if r is not None]
    if "phone" not in roles or len(set(roles)) < 2:
        return None
    known = sum(1 for t in tokens if any(p.search(t) for p in ROLES.values()))
    return tuple(roles) if known >= max(2, int(len(tokens) * 0.6)) else None


@dataclass
class _Flat:
    scope: Scope
    roles: list[str]
    out: list[Row] = field(default_factory=list)
    org: tuple[str, list[Evidence]] | None = None
    pending: list[Line] = field(default_factory=list)  # label lines without a phone
    topic: tuple[str, list[Evidence]] | None = None

    def span(self, lines: list[Line]) -> list[Evidence]:
        return [self.scope.evidence(lines[0].start, lines[-1].end)]

    def label_line(self, line: Line) -> None:
        if "참조" in line.text:
            topic = self.topic[0] if self.topic else None
            spans = (self.org[1] if self.org else []) + (self.topic[1] if self.topic else [])
            self.out.append(
                Row(
                    self.org[0] if self.org else None,
                    topic,
                    None,
                    None,
                    [*spans, self.scope.evidence(line.start, line.end)],
                    topic or "",
                    clean(line.text),
                )
            )
            return
        joined = [*self.pending, line] if self._joins(line) else [line]
        text = "".join(clean(ln.text) for ln in joined) if len(joined) > 1 else clean(line.text)
        if _is_org(text):
            self.org = (text, self.span(joined))
            self.pending = [] if len(joined) > 1 else self.pending
            if self.pending:
                self.topic = (
                    clean(" ".join(ln.text for ln in self.pending)),
                    self.span(self.pending),
                )
                self.pending = []
        else:
            self.pending.append(line)
            self.topic = (clean(" ".join(ln.text for ln in self.pending)), self.span(self.pending))

    def _joins(self, line: Line) -> bool:
        """`중소벤처기업` / `진흥공단`: one name wrapped over two lines."""
        return (
            len(self.pending) == 1
            and " " not in clean(self.pending[0].text)
            and " " not in clean(line.text)
        )

    def phone_line(self, line: Line, spans: list[tuple[int, int]]) -> None:
        prefix = line.text[: spans[0][0]]
        prefix = clean(PHONE_CUE.sub("", prefix)).strip(" :：,")
        parts = _split_prefix(prefix, self.roles) if prefix else {}
        self.pending = []
        org = (
            (parts["org"], [self.scope.evidence(line.start, line.start + spans[0][0])])
            if parts.get("org")
            else self.org
        )
        if parts.get("org") and not parts.get("topic") and not parts.get("region"):
            self.org = org
        if parts.get("region") or parts.get("topic"):
            text = parts.get("region") or parts.get("topic") or ""
            self.topic = (text, [self.scope.evidence(line.start, line.start + spans[0][0])])
        topic = self.topic
        emails = list(EMAIL.finditer(line.text))
        for i, (s, e) in enumerate(spans):
            ev = [self.scope.evidence(line.start + s, line.start + e)]
            email = emails[i].group(0) if i < len(emails) else None
            extra = (org[1] if org else []) + (topic[1] if topic else [])
            self.out.append(
                Row(
                    org[0] if org else None,
                    topic[0] if topic else None,
                    line.text[s:e],
                    email,
                    _dedupe_spans(ev + extra),
                    " ".join(x for x in (topic[0] if topic else "", org[0] if org else "") if x),
                )
            )


def _dedupe_spans(spans: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, int]] = set()
    out = []
    for e in spans:
        if (e.start, e.end) not in seen:
            seen.add((e.start, e.end))
            out.append(e)
    return out


def _split_prefix(prefix: str, roles: list[str]) -> dict[str, str]:
    """Words before a phone → org / region / topic, in the header's column order."""
    order = [r for r in roles if r in ("org", "region", "topic")]
    if "phone" in roles:
        order = [
            r for r in roles[: roles.index("phone")] if r in ("org", "region", "topic")
        ] or order
    tokens = prefix.split(" ")
    if len(order) <= 1:
        role = order[0] if order else ("org" if _is_org(prefix) else "topic")
        return {role: prefix}
    first, second = order[0], order[1]
    if first == "region" and REGION.match(tokens[0]):
        return (
            {"region": tokens[0], second: " ".join(tokens[1:])}
            if len(tokens) > 1
            else {"region": prefix}
        )
    if "org" in (first, second):
        k = max((i for i, t in enumerate(tokens) if _is_org(t)), default=None)
        if k is None:
            return {first if first != "org" else second: prefix}
        if first == "org":
            head, tail = " ".join(tokens[: k + 1]), " ".join(tokens[k + 1 :])
            if second == "region" and not tail and REGION.match(prefix):
                return {"region": prefix}  # the org is the merged cell above
            return {"org": head, second: tail} if tail else {"org": head}
        j = k
        while j > 0 and _is_org(tokens[j - 1]):
            j -= 1
        head, tail = " ".join(tokens[:j]), " ".join(tokens[j:])
        return {first: head, "org": tail} if head else {"org": tail}
    return {first: prefix}


def flat_rows(scope: Scope, lines: list[Line]) -> tuple[list[Row], set[int]]:
    """`CONTACT_RUN` over every flattened contact table among `lines`; also the lines used."""
    out: list[Row] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        roles = _header_roles(lines[i].text)
        if roles is None:
            i += 1
            continue
        run = _Flat(scope, roles)
        used.add(lines[i].start)
        j = i + 1
        while (
            j < len(lines)
            and not STOP.match(lines[j].text)
            and _header_roles(lines[j].text) is None
        ):
            spans = find_phones(lines[j].text)
            if spans:
                run.phone_line(lines[j], spans)
            elif len(lines[j].text) <= 40:
                run.label_line(lines[j])
            else:
                break
            used.add(lines[j].start)
            j += 1
        if _clean_run(run, lines[i + 1 : j]):
            out += run.out
        else:
            # Cells of several columns wrapped into each other: read the lines one by one.
            used -= {ln.start for ln in lines[i:j]}
        i = j
    return out, used


def _clean_run(run: _Flat, lines: list[Line]) -> bool:
    """A flattened table is trusted only when its rows stayed one to a line."""
    for line in lines:
        spans = find_phones(line.text)
        if spans and len(compiled(r"[\s,.;:)）]").sub("", line.text[spans[-1][1] :])) > 6:
            return False
    return all(len(r.topic or "") <= 30 and len(r.org or "") <= 30 for r in run.out)


# --- lines ----------------------------------------------------------------------------------


def line_rows(scope: Scope, line: Line) -> list[Row]:
    """`CONTACT_LINE`: one row per phone (e-mails go with the phone they follow)."""
    text = line.text
    phones = find_phones(text)
    emails = list(EMAIL.finditer(text))
    if not phones and not emails:
        return []
    if not phones and not _asks_enquiries(scope, line):
        return []
    body_start = len(text) - len(strip_marker(text))
    label_m = compiled(r"\s*[(（]\s*([^)）]{1,20})\s*[)）]\s*|\s*([^:：()（）]{1,12}?)\s*[:：]\s*").match(text[body_start:],
    )
    topic: str | None = None
    topic_span: list[Evidence] = []
    after_label = body_start
    if label_m:
        label = clean(label_m.group(1) or label_m.group(2) or "")
        after_label = body_start + label_m.end()
        if label and not GENERIC_LABEL.match(label) and not EMAIL.search(label):
            topic = label
            s = body_start + label_m.start(1 if label_m.group(1) else 2)
            topic_span = [
                scope.evidence(
                    line.start + s, line.start + s + len(label_m.group(1) or label_m.group(2))
                )
            ]
    anchors = phones or [(m.start(), m.end()) for m in emails[:1]]
    out: list[Row] = []
    prev_end = after_label
    for n, (s, e) in enumerate(anchors):
        org, org_span = _org_before(text, max(prev_end, after_label), s)
        spans = [scope.evidence(line.start + s, line.start + e)] if phones else []
        email_m = next(
            (
                m
                for m in emails
                if m.start() >= prev_end
                and (n + 1 >= len(anchors) or m.start() < anchors[n + 1][0])
            ),
            None,
        )
        if email_m is None and n == 0:
            email_m = next((m for m in emails if m.end() <= s), None)
        if email_m is not None:
            spans.append(scope.evidence(line.start + email_m.start(), line.start + email_m.end()))
        if org_span is not None:
            spans.append(scope.evidence(line.start + org_span[0], line.start + org_span[1]))
        out.append(
            Row(
                org,
                topic,
                text[s:e] if phones else None,
                email_m.group(0) if email_m else None,
                spans + topic_span,
                label=clean(text),
            )
        )
        prev_end = e
    return out


def _asks_enquiries(scope: Scope, line: Line) -> bool:
    """An e-mail-only line under a 문의 heading (or saying 문의 itself), not a 접수 address."""
    if SUBMIT_CUE.search(line.text):
        return False
    titles = [sec.title for sec in scope.doc.sections if sec.start <= line.start < sec.end]
    return any(INQUIRY_CUE.search(t) for t in [line.text, *titles])


def _org_before(text: str, lo: int, hi: int) -> tuple[str | None, tuple[int, int] | None]:
    """The organisation named in text[lo:hi]: from its first to its last org-like word."""
    segment = text[lo:hi]
    tokens = [
        (m.start() + lo, m.end() + lo, m.group(0))
        for m in compiled(r"[^\s(（]+(?:\s*[(（][^)）]*[)）])?").finditer(segment)
    ]
    orgs = [i for i, t in enumerate(tokens) if _is_org(t[2].strip("(（,:：☎☏"))]
    if not orgs:
        return None, None
    a, b = tokens[orgs[0]], tokens[orgs[-1]]
    org = clean(text[a[0] : b[1]]).strip("(（,:：☎☏ ")
    return org, (a[0], a[0] + len(text[a[0] : b[1]].rstrip("(（,:：☎☏ ")))


# --- scope ----------------------------------------------------------------------------------


def _in_attachment(scope: Scope, offset: int) -> bool:
    return offset_in_appendix(scope.doc, offset)


def _read(scope: Scope, start: int, end: int) -> list[tuple[int, Row]]:
    """Every contact row in doc.text[start:end], each with the offset it was read at."""
    out: list[tuple[int, Row]] = []
    for block, table in scope.tables():
        if start <= block.start < end:
            out += [(block.start, r) for r in table_rows(scope, table)]
    lines = scope_lines(scope, start, end)
    flat, used = flat_rows(scope, lines)
    out += [(r.evidence[0].start if r.evidence else start, r) for r in flat]
    for line in lines:
        if line.start not in used:
            out += [(line.start, r) for r in line_rows(scope, line)]
    return out


def _containment(label: str, name: str) -> float:
    a = char_bigrams(label)
    return len(a & char_bigrams(name)) / len(a) if a else 0.0


def best_program(label: str, names: list[str]) -> int | None:
    """The program a row label names: most of its bigrams in that name, clearly more than in
    any other."""
    if not label.strip():
        return None
    scores = sorted(((_containment(label, n), i) for i, n in enumerate(names)), reverse=True)
    if not scores or scores[0][0] < 0.6:
        return None
    if len(scores) > 1 and scores[1][0] > scores[0][0] - 0.15:
        return None
    return scores[0][1]


def _master_rows(scope: Scope) -> list[Row]:
    """Rows of the announcement's own contact sections that name this program."""
    from gonggo.reading.programs import program_sections

    programs = program_sections(scope.doc)
    if scope.section is None or not programs:
        return []
    me = next((i for i, p in enumerate(programs) if p.index == scope.section.index), None)
    if me is None:
        return []
    # Read once per document and shared out: per program it would cost programs × text.
    by_program = scope.doc.memo(("contacts.master_rows", scope.announced_on),
                                lambda: _master_rows_by_program(scope, programs))
    return by_program.get(me, [])


def _master_rows_by_program(scope: Scope, programs: list[Section]) -> dict[int, list[Row]]:
    """The rows of the contact sections outside every program, by the program they name."""
    names = [strip_marker(p.title) for p in programs]
    full = Scope(doc=scope.doc, start=0, end=len(scope.doc.text), announced_on=scope.announced_on)
    outside = [
        s
        for s in full.sections_titled(CONTACT_SECTION)
        if not any(p.start <= s.start < p.end for p in programs)
        and not _in_attachment(full, s.start)
    ]
    # innermost contact sections only: a `Ⅳ. 문의 및 연락처` with `□` children is read via them
    leaves = [
        s for s in outside if not any(o is not s and s.start <= o.start < s.end for o in outside)
    ]
    named: list[tuple[Section, int | None]] = []
    for s in leaves:
        title = TITLE_NOISE.sub(" ", strip_marker(s.title))
        named.append((s, best_program(title, names) if clean(title) else None))
    out: dict[int, list[Row]] = {}
    for s, owner in named:
        rows = scope.doc.memo(("contact_rows", s.start, s.end),
                              lambda s=s: [r for _, r in _read(full, s.start, s.end)])
        if owner is not None:
            out.setdefault(owner, []).extend(rows)
            continue
        for row in rows:
            target = best_program(row.topic or row.label, names)
            if target is None:
                continue
            if row.ref is None:
                out.setdefault(target, []).append(row)
                continue
            for t, t_owner in named:
                if (
                    t is not s
                    and t_owner is None
                    and _containment(row.ref.replace("참조", ""), t.title) >= 0.6
                ):
                    out.setdefault(target, []).extend(
                        _with_ref(r, row) for _, r in _read(full, t.start, t.end))
    return out


def _with_ref(row: Row, ref: Row) -> Row:
    return Row(row.org, row.topic, row.phone, row.email, [*row.evidence, *ref.evidence], row.label,
               prefix=row.prefix)


def _merge(rows: list[Row]) -> list[Contact]:
    """One contact per (org, phone); a row without org joins the row with the same phone."""
    out: list[Row] = []
    for row in rows:
        if row.phone is None and row.email is None:
            continue
        twin = next(
            (
                o
                for o in out
                if (
                    row.phone
                    and o.phone == row.phone
                    and (o.org == row.org or o.org is None or row.org is None)
                )
                or (not row.phone and row.email and o.email == row.email)
            ),
            None,
        )
        if twin is None:
            out.append(Row(row.org, row.topic, row.phone, row.email, list(row.evidence), row.label,
                           prefix=row.prefix))
            continue
        twin.org = twin.org or row.org
        twin.topic = twin.topic or row.topic
        twin.email = twin.email or row.email
        twin.evidence = _dedupe_spans(twin.evidence + row.evidence)
    return [r.contact() for r in _pair_lone_emails(out)]


def _pair_lone_emails(rows: list[Row], near: int = 80) -> list[Row]:
    """`E-MAIL : …` and `TEL : …` on neighbouring lines are one contact."""
    out = list(rows)
    for row in rows:
        if row.phone is not None or row.email is None or not row.evidence:
            continue
        at = row.evidence[0].start
        mate = next((o for o in out if o.phone and o.email is None and o.evidence
                     and abs(o.evidence[0].start - at) <= near), None)
        if mate is not None:
            mate.email = row.email
            mate.evidence = _dedupe_spans(mate.evidence + row.evidence)
            out.remove(row)
    return out


def extract_contacts(scope: Scope) -> list[Contact]:
    rows = [row for lo, hi in scope.parts for row in _read(scope, lo, hi)]
    body = [r for at, r in rows if not _in_attachment(scope, at)]
    chosen = body + _master_rows(scope)
    if not chosen:
        chosen = [r for _, r in rows]
    return _merge(chosen)


def corpus_value(text: str) -> list[str]:
    """The phone numbers in one line, as printed."""
    return [text[s:e] for s, e in find_phones(text)]
