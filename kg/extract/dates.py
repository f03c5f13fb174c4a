"""Date expressions, resolved against the publication date.

Candidates are found token by token (a month name, a weekday, a deictic word,
a year after سنة/عام), and only those are parsed: no general date parser runs
over the whole text.  Handled: "1 ديسمبر 2023", "فاتح دجنبر الحالي",
"28 نونبر الماضي", "كانون الأول 2023", "من 28 نونبر الماضي إلى غاية فاتح
دجنبر الحالي" (a range), "اليوم الجمعة", "أمس", "غدا", "الأحد المقبل",
"الشهر الماضي", "سنة 2025", "12/03/2017".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kg.extract.lexicon import PhraseLexicon, read_tsv, word_key
from kg.model import Span, TimeExpr, Token

_FIRST_DAY = {"فاتح", "مطلع"}  # "فاتح" is the first day of the month (Maghrebi usage)
_PAST = {"ماضي", "منصرم", "فائت", "سابق"}
_FUTURE = {"مقبل", "قادم"}
_CURRENT = {"حالي", "جاري"}
_YEAR_WORDS = {"سنه", "عام", "لعام", "لسنه", "بعام", "بسنه"}
_RANGE_OPEN = {"من", "بين"}
_RANGE_CLOSE = {"الي", "حتي", "و"}


@dataclass(frozen=True)
class DateLexicon:
    months: PhraseLexicon[int]
    weekdays: dict[str, int]

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> DateLexicon:
        return cls(
            months=PhraseLexicon((row[0], int(row[1])) for row in read_tsv("months.tsv", 2)),
            weekdays={word_key(row[0]): int(row[1]) for row in read_tsv("weekdays.tsv", 2)},
        )


@dataclass(frozen=True, slots=True)
class _Date:
    first: int      # token range of the expression
    last: int
    value: str      # ISO: 2023-12-01, 2023-12 or 2025


def _key(token: Token) -> str:
    return word_key(token.text)


def _int(token: Token) -> int | None:
    return int(token.norm) if token.norm.isdigit() and len(token.norm) <= 4 else None


def _with_year(month: int, anchor: date | None, relation: str | None) -> int | None:
    if anchor is None:
        return None
    year = anchor.year
    if relation == "past" and month > anchor.month:
        year -= 1
    elif relation == "future" and month < anchor.month:
        year += 1
    return year


def _relation(token: Token | None) -> str | None:
    if token is None:
        return None
    key = _key(token)
    if key in _PAST:
        return "past"
    if key in _FUTURE:
        return "future"
    if key in _CURRENT:
        return "current"
    return None


def _month_date(tokens: Sequence[Token], index: int, end: int, anchor: date | None, lex: DateLexicon) -> _Date | None:
    """A date built around the month name at ``index``: day before it, year or
    relation word after it."""
    found = lex.months.match_at(tokens, index, end)
    if found is None:
        return None
    month = found.values[0]
    first, last = index, found.end
    day = None
    if index > 0:
        before = tokens[index - 1]
        if _int(before) is not None and 1 <= _int(before) <= 31:
            day, first = _int(before), index - 1
        elif _key(before) in _FIRST_DAY and _key(before) == "فاتح":
            day, first = 1, index - 1
    year = None
    cursor = last
    if cursor < end and tokens[cursor].text in ("،", ",") and cursor + 1 < end and _int(tokens[cursor + 1]):
        cursor += 1
    if cursor < end and (number := _int(tokens[cursor])) and number >= 1000:
        year, last = number, cursor + 1
    elif cursor < end and (relation := _relation(tokens[cursor])):
        year, last = _with_year(month, anchor, relation), cursor + 1
    elif day is not None:
        year = _with_year(month, anchor, "past" if anchor else None)
    if year is None:
        return None
    value = f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"
    if day is not None:
        try:
            date(year, month, day)
        except ValueError:
            return None
    return _Date(first, last, value)


def _deictic_date(tokens: Sequence[Token], index: int, end: int, anchor: date | None, lex: DateLexicon) -> _Date | None:
    if anchor is None:
        return None
    key = _key(tokens[index])
    if key in ("يوم",) and index + 1 < end and _key(tokens[index + 1]) in lex.weekdays:
        return _weekday(tokens, index + 1, end, anchor, lex, first=index)
    if key == "اليوم" or tokens[index].norm in ("اليوم",):
        if index + 1 < end and _key(tokens[index + 1]) in lex.weekdays:
            return _Date(index, index + 2, anchor.isoformat())
        return _Date(index, index + 1, anchor.isoformat())
    if key in ("امس", "البارحه"):
        return _Date(index, index + 1, (anchor - timedelta(days=1)).isoformat())
    if key in ("غدا",):
        return _Date(index, index + 1, (anchor + timedelta(days=1)).isoformat())
    if key in lex.weekdays and tokens[index].norm.startswith(("ال", "وال", "بال")):
        return _weekday(tokens, index, end, anchor, lex, first=index)
    if key == "شهر" and index + 1 < end:
        relation = _relation(tokens[index + 1])
        if relation:
            month_start = anchor.replace(day=1)
            if relation == "past":
                month_start = (month_start - timedelta(days=1)).replace(day=1)
            elif relation == "future":
                month_start = (month_start + timedelta(days=32)).replace(day=1)
            return _Date(index, index + 2, month_start.strftime("%Y-%m"))
    return None


def _weekday(tokens: Sequence[Token], index: int, end: int, anchor: date, lex: DateLexicon, first: int) -> _Date:
    weekday = lex.weekdays[_key(tokens[index])]
    relation = _relation(tokens[index + 1]) if index + 1 < end else None
    last = index + 2 if relation else index + 1
    delta = (weekday - anchor.isoweekday()) % 7
    if relation == "future":
        day = anchor + timedelta(days=delta or 7)
    elif relation == "past":
        day = anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7 or 7)
    else:
        day = anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7)
    return _Date(first, last, day.isoformat())


def _year_date(tokens: Sequence[Token], index: int, end: int) -> _Date | None:
    if _key(tokens[index]) in _YEAR_WORDS and index + 1 < end:
        number = _int(tokens[index + 1])
        if number and 1900 <= number <= 2100:
            return _Date(index, index + 2, f"{number:04d}")
    return None


def _numeric_date(tokens: Sequence[Token], index: int, end: int) -> _Date | None:
    """"3/12/2023", "3-12-2023" (day first, as Arabic news writes it)."""
    if index + 5 > end:
        return None
    parts = [tokens[index + k].norm for k in range(5)]
    if not (parts[1] == parts[3] and parts[1] in ("/", "-", ".") and all(p.isdigit() for p in parts[::2])):
        return None
    day, month, year = int(parts[0]), int(parts[2]), int(parts[4])
    if len(parts[4]) != 4:
        return None
    try:
        return _Date(index, index + 5, date(year, month, day).isoformat())
    except ValueError:
        return None


def find_dates(tokens: Sequence[Token], start: int, end: int, anchor: date | None,
               lex: DateLexicon | None = None) -> list[TimeExpr]:
    """Date expressions in tokens[start:end], ranges joined."""
    lex = lex or DateLexicon.bundled()
    dates: list[_Date] = []
    index = start
    while index < end:
        found = (_month_date(tokens, index, end, anchor, lex) or _deictic_date(tokens, index, end, anchor, lex)
                 or _year_date(tokens, index, end) or _numeric_date(tokens, index, end))
        if found is None:
            index += 1
            continue
        if dates and dates[-1].last > found.first:
            found = _Date(max(found.first, dates[-1].last), found.last, found.value)
        dates.append(found)
        index = max(found.last, index + 1)
    return _join_ranges(tokens, dates)


def _join_ranges(tokens: Sequence[Token], dates: list[_Date]) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    skip = False
    for number, current in enumerate(dates):
        if skip:
            skip = False
            continue
        following = dates[number + 1] if number + 1 < len(dates) else None
        opener = current.first - 1
        if following is not None and opener >= 0 and _key(tokens[opener]) in _RANGE_OPEN:
            between = [_key(token) for token in tokens[current.last:following.first]]
            if between and between[0] in _RANGE_CLOSE and len(between) <= 2:
                span = Span(tokens[opener].span.start, tokens[following.last - 1].span.end)
                out.append(TimeExpr(span, start=current.value, end=following.value))
                skip = True
                continue
        span = Span(tokens[current.first].span.start, tokens[current.last - 1].span.end)
        out.append(TimeExpr(span, value=current.value))
    return out


def dateline(times: Sequence[TimeExpr]) -> date | None:
    """A publication date stated in the article (the first full date)."""
    for time in times:
        if time.value and len(time.value) == 10:
            return date.fromisoformat(time.value)
    return None
