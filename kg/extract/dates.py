"""Date expressions in Arabic news, resolved against the publication date.

Finding, then parsing only what was found: one trie (``DateLexicon.triggers``)
holds the word that anchors every date expression (a Gregorian or Hijri month
name, a weekday, الشهر, العام/سنة, اليوم/يوم, أمس, غدا, "الجاري" after a day),
and a token that starts with a digit may open a numeric date or a year.  Only
at those tokens does the finder look around: back for a day, a day range or a
part of the month, forward for a year, a relation word or the month's other
name.  No general date parser runs over the text.

Forms (the words are data: months.tsv, hijri_months.tsv, weekdays.tsv,
date_words.tsv, ordinals.tsv):

- a month in any of the three Gregorian naming systems, with its other name
  after "/" or in brackets ("نوفمبر/تشرين الثاني", "يوليو (تموز)"), a day
  before it as digits (Arabic-Indic and Persian digits are folded by
  normalisation), as an ordinal ("الحادي عشر من مارس") or "فاتح", and a year
  after it ("2017", "2017م", "عام 2017", "من العام الجاري", "الماضي");
- a part of a month ("منتصف مارس", "مطلع الشهر"): the month, no day;
- Hijri dates with a day ("15 رمضان 1438هـ"), converted with hijridate;
- days relative to the publication date ("اليوم الأربعاء", "أمس", "أول أمس",
  "غدا", "الأحد المقبل", "15 الجاري"), months ("الشهر الماضي") and years
  ("العام المقبل", "نهاية العام", "سنة 2025", "منذ 2014"); a week has no ISO
  date, so "الأسبوع الماضي" gives nothing;
- numeric dates, day first or year first ("3/12/2023", "2023-12-03");
- ranges inside a month ("من 3 إلى 5 مارس", "بين 3 و5 مارس", "3-5 مارس",
  "يومي 8 و9 مارس"), between two dates ("من 28 نونبر إلى غاية فاتح دجنبر",
  the first taking the year of the second) and between two years ("عامي
  2015 و2016").

A relative expression with no publication date gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Final

from hijridate import Gregorian, Hijri

from kg.extract.lexicon import Match, PhraseLexicon, function_word, function_words, read_tsv, word_key
from kg.extract.lexicons import Lexicons
from kg.model import Span, TimeExpr, Token
from kg.text.memo import WordMemo
from kg.text.clitics import ARTICLE, FUTURE_PREFIXES, IMPERFECT_PREFIXES, behind_conjunction_only, stems, strip_article

# Roles of date_words.tsv whose words open an expression (the others are read around one).
_TRIGGER_ROLES: Final = ("relation", "month_word", "year_word", "year_pair", "day_word", "yesterday", "tomorrow", "morrow")
_AND: Final = "\u0648"          # و, the conjunction: "3 و5 مارس", "الحادية والتسعين"
_LAM_ARTICLE: Final = "\u0644" + ARTICLE[1]   # لل: ل + ال, the article's alef not written
_NUMBER: Final = re.compile(f"({_AND}?)(?:{ARTICLE})?" + r"(\d{1,4})")   # "5", "و5" (a range's second end), "ال91" (الـ91)
_YEAR: Final = re.compile(r"(\d{4})(\D*)")             # "2017", "2017م", "1438ه"
_COMMAS: Final = ("،", ",")   # the Arabic and the Latin comma
_GREGORIAN_YEARS: Final = (1800, 2100)
_HIJRI_YEARS: Final = (1300, 1600)
FUTURE_PARTICLE: Final = function_word("future_particle")   # "سوف": the future's own word before a verb
_THIRD_PERSON: Final = IMPERFECT_PREFIXES[:2]   # ي, ت: the imperfect of a third person ("يزور", "تستضيف")
_COMPLEMENTIZERS: Final = function_words("complementizer")   # "أن", "إن": what follows is reported
_SCHEDULED: Final = function_words("scheduled")   # "المقرر", "يرتقب"
FUTURE_REACH: Final = 20   # words before a weekday in which a verb in the future makes it the coming one

YMD = tuple[int | None, int | None, int | None]   # year (None while unknown), month, day


@dataclass(frozen=True)
class DateLexicon:
    triggers: PhraseLexicon[tuple[str, int]]       # phrase -> (role, value): month, hijri, weekday or a date_words role
    words: Mapping[str, Mapping[str, int]]         # date_words.tsv: role -> word key -> value
    numbers: Mapping[str, tuple[str, int]]         # ordinals.tsv: word key -> (kind, value)
    hijri_needs_year: frozenset[int]               # Hijri months whose name is also a common word (صفر)
    # whether a word may open a date expression (``opens_date``), remembered per word
    openings: WordMemo = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "openings", WordMemo(self._opens_date))

    def opens_date(self, norm: str) -> bool:
        """Whether an expression may start on the normalised word: a trigger's
        first word, or a number (``_Finder.at`` says None on any other word)."""
        return self.openings[norm]

    def _opens_date(self, norm: str) -> bool:
        return norm[:1].isdigit() or self.triggers.opens(norm)

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> DateLexicon:
        rows = read_tsv("date_words.tsv", 3)
        words: dict[str, dict[str, int]] = {}
        for word, role, value in rows:
            words.setdefault(role, {})[word_key(word)] = int(value)
        hijri = read_tsv("hijri_months.tsv", 3)
        triggers = [(row[0], ("month", int(row[1]))) for row in read_tsv("months.tsv", 2)]
        triggers += [(row[0], ("hijri", int(row[1]))) for row in hijri]
        triggers += [(row[0], ("weekday", int(row[1]))) for row in read_tsv("weekdays.tsv", 2)]
        triggers += [(word, (role, int(value))) for word, role, value in rows if role in _TRIGGER_ROLES]
        return cls(
            triggers=PhraseLexicon(triggers),
            words=words,
            numbers={word_key(row[0]): (row[1], int(row[2])) for row in read_tsv("ordinals.tsv", 3)},
            hijri_needs_year=frozenset(int(row[1]) for row in hijri if row[2] == "1"),
        )


@dataclass(frozen=True, slots=True)
class _Date:
    first: int              # token range of the expression
    last: int
    start: YMD
    end: YMD | None = None  # a range
    year_given: bool = True  # False: the year was guessed from the publication date, a range may correct it
    deictic: bool = False   # a weekday or "today": an explicit date right after it says the same, better


def _iso(ymd: YMD) -> str:
    year, month, day = ymd
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _valid(ymd: YMD) -> bool:
    year, month, day = ymd
    if day is None:
        return True
    try:
        date(2000 if year is None else year, month, day)  # 2000 is a leap year: 29 February may wait for its year
    except (ValueError, OverflowError):  # a day or year no calendar has, or a number past any C long
        return False
    return True


def _ymd(day: date) -> YMD:
    return day.year, day.month, day.day


def _from_hijri(year: int, month: int, day: int) -> YMD | None:
    try:
        return _ymd(Hijri(year, month, day).to_gregorian())
    except (ValueError, OverflowError):  # an impossible day, or a year outside the Umm al-Qura table
        return None


def _has_article(norm: str, cut: int) -> bool:
    """Whether the word matched after ``cut`` clitic characters carries the article
    ("الأحد", "والأحد", "للأحد"), which a weekday needs and "اليوم" has."""
    return norm.startswith(ARTICLE, cut) or (cut >= 2 and norm[cut - 2:cut] == _LAM_ARTICLE)


def _pick_year(month: int, day: int | None, relation: int | None, now: YMD) -> int:
    """The year of a month (and day) said without one, relative to ``now`` in the
    same calendar: the last one before it (relation -1), the next one after it
    (+1), this year (0), else the nearest."""
    year = now[0]
    target, here = ((month, day), (now[1], now[2])) if day is not None else ((month,), (now[1],))
    if relation == 0:
        return year
    if relation == -1:
        return year if target < here else year - 1
    if relation == 1:
        return year if target > here else year + 1
    position = month + ((day or 15) - 1) / 31
    now_position = now[1] + (now[2] - 1) / 31
    return min((year - 1, year, year + 1), key=lambda y: (abs(12 * (y - year) + position - now_position), y))


def _shift_month(anchor: date, months: int) -> tuple[int, int]:
    year, month = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    return year, month + 1


def _read_number(tokens: Sequence[Token], index: int, limit: int,
                 numbers: Mapping[str, tuple[str, int]]) -> tuple[int, int, bool, bool] | None:
    """The number written at ``index``: (value, end, joined, digits).  ``joined``
    says the first token carries the conjunction و ("و5", "والعشرين")."""
    norm = tokens[index].norm
    found = _NUMBER.fullmatch(norm)
    if found:
        return int(found[2]), index + 1, bool(found[1]), True
    if norm in (ARTICLE, _AND + ARTICLE) and index + 1 < limit:
        digits = tokens[index + 1].norm
        if digits.isdigit() and len(digits) <= 4:
            return int(digits), index + 2, norm[0] == _AND, True   # "الـ 91"
        return None
    entry, joined = numbers.get(strip_article(norm)), False
    if entry is None and norm.startswith(_AND):
        entry, joined = numbers.get(strip_article(norm[1:])), True
    if entry is None or entry[0] == "plus":
        return None
    kind, value = entry
    cursor = index + 1
    if kind == "unit" and cursor < limit:
        follow = tokens[cursor].norm
        if follow == _AND and cursor + 1 < limit:
            follow, cursor = _AND + tokens[cursor + 1].norm, cursor + 1   # "الحادي و العشرين"
        plain = numbers.get(strip_article(follow))
        conjoined = numbers.get(strip_article(follow[1:])) if follow.startswith(_AND) else None
        if plain and plain[0] == "teen" and value < 10:
            value, cursor = value + 10, cursor + 1
        elif conjoined and conjoined[0] == "ten":
            value, cursor = value + conjoined[1], cursor + 1
        else:
            cursor = index + 1
    if value < 100 and cursor + 1 < limit:
        plus = numbers.get(strip_article(tokens[cursor].norm))
        hundred = numbers.get(strip_article(tokens[cursor + 1].norm))
        if plus and plus[0] == "plus" and hundred and hundred[0] == "hundred":
            value, cursor = value + hundred[1], cursor + 2   # "الحادية والعشرين بعد المائة"
    return value, cursor, joined, False


def ordinal_value(tokens: Sequence[Token], index: int, end: int,
                  lex: DateLexicon | None = None) -> tuple[int, int] | None:
    """The ordinal or number written from ``tokens[index]`` (before ``end``) and
    the token after it: "الحادية والتسعين" 91, "الخامسة عشرة" 15, "الأولى" 1,
    "الـ91", "٩١"."""
    if not 0 <= index < end:
        return None
    read = _read_number(tokens, index, end, (lex or DateLexicon.bundled()).numbers)
    if read is None or read[2]:
        return None
    return read[0], read[1]


class _Finder:
    """One pass over tokens[start:end]: find anchors, read around them."""

    def __init__(self, tokens: Sequence[Token], start: int, end: int, anchor: date | None, lex: DateLexicon,
                 openers: Sequence[int] | None = None):
        self.tokens, self.start, self.end, self.anchor, self.lex = tokens, start, end, anchor, lex
        self.openers = openers   # the tokens whose word opens_date, when known already (find_dates)

    # -- reading single words -------------------------------------------------------------------

    def role(self, index: int, role: str) -> int | None:
        """The value of the word at ``index`` in a date_words role, under any clitic reading."""
        if not self.start <= index < self.end:
            return None
        table = self.lex.words[role]
        for _, stem in stems(self.tokens[index].norm):
            if stem in table:
                return table[stem]
        return None

    def future_before(self, index: int) -> bool:
        """A verb in the future ("سيعقد", "وستبدأ") or a word of what is scheduled
        ("من المقرر أن", "المرتقب") within FUTURE_REACH words before ``index``, in the
        same sentence."""
        verbs = Lexicons.bundled().verb_stems
        return any(word.startswith(FUTURE_PREFIXES) and word[2:] in verbs   # not "ستافان"
                   or word == FUTURE_PARTICLE   # "سوف يعقد"
                   or word in _SCHEDULED   # "ومن المقرر أن يتوجه X الأربعاء"
                   for i in range(max(self.start, index - FUTURE_REACH), index)
                   for _, word in stems(self.tokens[i].norm))

    def opens_on_imperfect(self, index: int) -> bool:
        """The sentence opens on a frequent verb in the imperfect, behind و at most
        ("يزور الرئيس ...", "وتستضيف الرباط"), and no complementizer stands before
        ``index``: the lede of what is coming, not a report of what was ("يذكر أن
        الوزير زار القاهرة يوم الأحد")."""
        if self.start >= self.end:
            return False
        verbs = Lexicons.bundled().verb_stems
        first = self.tokens[self.start].norm
        if not any(word[:1] in _THIRD_PERSON and word[1:] in verbs and behind_conjunction_only(first, cut)
                   for cut, word in stems(first)):
            return False
        return not any(stem in _COMPLEMENTIZERS for i in range(self.start + 1, index)
                       for _, stem in stems(self.tokens[i].norm))

    def trigger(self, index: int, role: str) -> tuple[Match, int, bool] | None:
        """The trigger phrase of ``role`` at ``index``: (match, value, has article)."""
        if not self.start <= index < self.end:
            return None
        match = self.lex.triggers.match_at(self.tokens, index, self.end)
        for found_role, value in match.values if match else ():
            if found_role == role:
                return match, value, _has_article(self.tokens[index].norm, match.cut)
        return None

    def year_number(self, index: int, hijri: bool) -> tuple[int, int] | None:
        """A year of the calendar at ``index``, with its calendar mark if any: (year, end)."""
        if not self.start <= index < self.end:
            return None
        found = _YEAR.fullmatch(self.tokens[index].norm)
        if found is None:
            return None
        year, mark, last = int(found[1]), found[2], index + 1
        if not mark and last < self.end:
            following = strip_article(self.tokens[last].norm)
            if following in self.lex.words["hijri_mark"] or following in self.lex.words["gregorian_mark"]:
                mark, last = following, last + 1
        if mark and mark not in self.lex.words["hijri_mark" if hijri else "gregorian_mark"]:
            return None
        low, high = _HIJRI_YEARS if hijri else _GREGORIAN_YEARS
        return (year, last) if low <= year <= high else None

    def day_ending(self, stop: int, words: bool, joined_ok: bool = True) -> tuple[int, int, bool] | None:
        """A day of the month written just before ``stop``: (day, first token, joined).
        Number words count only when ``words`` (after them comes "من" and the month)."""
        for first in range(max(self.start, stop - 4), stop):
            read = _read_number(self.tokens, first, stop, self.lex.numbers)
            if read is None or read[1] != stop:
                continue
            value, _, joined, digits = read
            if 1 <= value <= 31 and (digits or words) and (joined_ok or not joined):
                return value, first, joined
        return None

    def days_before(self, before: int) -> tuple[int, int, int | None] | None:
        """The day or day range before a month at ``before``: (first token, day, last day)."""
        stop = before - 1 if self.role(before - 1, "of") is not None else before
        found = self.day_ending(stop, words=stop < before)
        if found is None:
            if stop == before and self.role(before - 1, "first_day") is not None:
                return before - 1, 1, None
            return None
        day, first, joined = found
        link = first if joined else self.connector_before(first)
        earlier = self.day_ending(link, words=stop < before, joined_ok=False) if link is not None else None
        if earlier is None or earlier[0] >= day:
            return first, day, None
        opened = self.role(earlier[1] - 1, "range_open") is not None
        listed = joined or self.tokens[link].norm == _AND
        if listed and not opened and day != earlier[0] + 1:
            return first, day, None   # "في 15 و22 يوليو": two days; "8 و9 مارس" is a stay of two days
        return earlier[1] - opened, earlier[0], day

    def connector_before(self, index: int) -> int | None:
        if self.role(index - 1, "range_to") is None:
            return None
        return index - 2 if self.role(index - 2, "range_to") is not None else index - 1   # "إلى غاية"

    def now(self, hijri: bool) -> YMD:
        """The publication date in the calendar of the month being read."""
        if not hijri:
            return _ymd(self.anchor)
        today = Gregorian(self.anchor.year, self.anchor.month, self.anchor.day).to_hijri()
        return today.year, today.month, today.day

    def year_after(self, last: int, hijri: bool) -> tuple[int | None, int | None, int]:
        """What follows a month: (year, relation of the month, end).  "2017", "، 2017",
        "عام 2017", "من العام الماضي", "من هذا العام", "الماضي".  A year said relative
        to the publication date is resolved here; without one it is relation 0, which
        makes the caller give nothing."""
        cursor = last + 1 if last < self.end and self.tokens[last].norm in _COMMAS else last
        if (number := self.year_number(cursor, hijri)) is not None:
            return number[0], None, number[1]
        cursor = last + (self.role(last, "of") is not None)
        this = self.role(cursor, "this") is not None
        if self.role(cursor + this, "year_word") is not None:
            if (number := self.year_number(cursor + this + 1, hijri)) is not None:
                return number[0], None, number[1]
            shift = 0 if this else self.role(cursor + 1, "relation")
            if shift is not None:
                if self.anchor is None:
                    return None, 0, cursor + 2
                return self.now(hijri)[0] + shift, None, cursor + 2
        if (relation := self.role(last, "relation")) is not None:
            return None, relation, last + 1
        return None, None, last

    def stray_year(self, last: int, hijri: bool) -> bool:
        """A year after a month that is out of its calendar's range ("1 شوال 1200",
        "5 مارس 1500م"): the date is not to be guessed from the publication date.
        After a Gregorian month a bare number may be a count ("5 مارس 1500 شخص")."""
        if last >= self.end or (found := _YEAR.fullmatch(self.tokens[last].norm)) is None:
            return False
        marks = self.lex.words["hijri_mark"].keys() | self.lex.words["gregorian_mark"].keys()
        return hijri or found[2] in marks or (last + 1 < self.end and self.tokens[last + 1].norm in marks)

    def alias_end(self, last: int, month: int) -> int:
        """The end of the month's other name: "نوفمبر/تشرين الثاني", "يوليو (تموز)"."""
        if last + 1 >= self.end or self.tokens[last].norm not in ("/", "("):
            return last
        other = self.trigger(last + 1, "month")
        if other is None or other[1] != month:
            return last
        close = other[0].end
        if self.tokens[last].norm == "/":
            return close
        return close + 1 if close < self.end and self.tokens[close].norm == ")" else last

    # -- expressions ----------------------------------------------------------------------------

    def at(self, index: int) -> _Date | None:
        token = self.tokens[index]
        if token.norm[:1].isdigit():
            return self.numeric_date(index) or self.bare_year(index)
        match = self.lex.triggers.match_at(self.tokens, index, self.end)
        if match is None:
            return None
        article = _has_article(token.norm, match.cut)
        for role, value in match.values:
            found = getattr(self, "_" + role)(match, value, article)
            if found is not None:
                return found
        return None

    def _month(self, match: Match, month: int, article: bool) -> _Date | None:
        if article:
            return None   # month names take no article: "الأب" is not آب
        last = self.alias_end(match.end, month)
        before = match.start - (self.role(match.start - 1, "month_word") is not None)   # "شهر مارس"
        days = self.days_before(before)
        first, cue = before, before < match.start
        if days is not None:
            first = days[0]
        elif self.role(before - 1, "part") is not None:
            first, cue = before - 1, True
        elif self.role(before - 1, "month_cue") is not None:
            cue = True
        year, relation, last = self.year_after(last, hijri=False)
        if year is None and relation is None and (days is None and not cue or self.stray_year(last, hijri=False)):
            return None   # a bare month name ("مارس" is also a verb), or a year out of range
        given = year is not None or relation is not None
        if year is None and self.anchor is not None:
            year = _pick_year(month, days and days[1], relation, self.now(hijri=False))
        if year is None and relation is not None:
            return None
        start = (year, month, days and days[1])
        end = (year, month, days[2]) if days and days[2] else None
        if not _valid(start) or (end and not _valid(end)):
            return None
        return _Date(first, last, start, end, year_given=given)

    def _hijri(self, match: Match, month: int, article: bool) -> _Date | None:
        before = match.start - (self.role(match.start - 1, "month_word") is not None)
        days = self.days_before(before)
        if days is None:
            return None   # a Hijri month without a day has no Gregorian date ("رجب" is also a name)
        year, relation, last = self.year_after(match.end, hijri=True)
        if year is None:
            if self.anchor is None or relation is None and (month in self.lex.hijri_needs_year
                                                            or self.stray_year(last, hijri=True)):
                return None
            year = _pick_year(month, days[1], relation, self.now(hijri=True))
        start = _from_hijri(year, month, days[1])
        end = _from_hijri(year, month, days[2]) if days[2] else None
        if start is None or (days[2] and end is None):
            return None
        return _Date(days[0], last, start, end)

    def _weekday(self, match: Match, weekday: int, article: bool, first: int | None = None) -> _Date | None:
        if self.anchor is None or not article:
            return None   # without the article "أحد" is "one"
        relation = self.role(match.end, "relation")
        last = match.end + (relation is not None)
        if relation == 1:
            day = self.anchor + timedelta(days=(weekday - self.anchor.isoweekday()) % 7 or 7)
        elif relation == -1:
            day = self.anchor - timedelta(days=(self.anchor.isoweekday() - weekday) % 7 or 7)
        elif self.future_before(match.start) or self.opens_on_imperfect(match.start):
            # "سيعقد ... قمة يوم الثلاثاء", "يزور الوزير القاهرة يوم الأحد": the coming one
            day = self.anchor + timedelta(days=(weekday - self.anchor.isoweekday()) % 7)
        else:   # news mostly reports: the last such day up to the publication date
            day = self.anchor - timedelta(days=(self.anchor.isoweekday() - weekday) % 7)
        return _Date(match.start if first is None else first, last, _ymd(day), deictic=True)

    def _deictic(self, first: int, last: int, days: int) -> _Date:
        """A day ``days`` from the publication date, a weekday after it included."""
        last += self.trigger(last, "weekday") is not None
        return _Date(first, last, _ymd(self.anchor + timedelta(days=days)), deictic=True)

    def _day_word(self, match: Match, _: int, article: bool) -> _Date | None:
        if self.anchor is None:
            return None
        weekday = self.trigger(match.end, "weekday")
        if article:   # "اليوم", "اليوم الاثنين", but not "اليوم التالي", "لليوم الرابع", "في ذات اليوم"
            qualified = weekday is None and match.end < self.end and (
                self.role(match.end, "day_qualifier") is not None
                or strip_article(self.tokens[match.end].norm) in self.lex.numbers) \
                or self.role(match.start - 1, "same_before") is not None
            return None if qualified else self._deictic(match.start, match.end, 0)
        if weekday is not None:   # "يوم الأحد"
            return self._weekday(weekday[0], weekday[1], weekday[2], first=match.start)
        for role in ("yesterday", "morrow"):   # "يوم أمس", "يوم الغد"
            if (value := self.role(match.end, role)) is not None:
                return self._deictic(match.start, match.end + 1, value)
        return None

    def _yesterday(self, match: Match, shift: int, article: bool) -> _Date | None:
        if self.anchor is None:
            return None
        first, last = match.start, match.end
        if (before := self.role(first - 1, "before")) is not None:   # "أول أمس"
            return self._deictic(first - 1, last, before)
        if self.role(first - 1, "before_link") is not None and (before := self.role(first - 2, "before")) is not None:
            return self._deictic(first - 2, last, before)            # "أول من أمس"
        if (before := self.role(last, "before")) is not None and self.tokens[last].norm.startswith(ARTICLE):
            return self._deictic(first, last + 1, before)            # "أمس الأول"
        return self._deictic(first, last, shift)

    def _tomorrow(self, match: Match, shift: int, article: bool) -> _Date | None:
        return None if self.anchor is None else self._deictic(match.start, match.end, shift)

    def _morrow(self, match: Match, shift: int, article: bool) -> _Date | None:
        """"بعد غد", "صباح غد"; "يوم الغد" is read from يوم, and "الغد" alone is also a newspaper."""
        after = self.role(match.start - 1, "after")
        if after is None and not article:
            # "صباح غد الأربعاء", "حتى غد الاثنين": tomorrow
            after = self.role(match.start - 1, "day_time")
            if after is None:
                after = self.role(match.start - 1, "until_morrow")
        if self.anchor is None or after is None:
            return None
        return self._deictic(match.start - 1, match.end, after)

    def _relation(self, match: Match, relation: int, article: bool) -> _Date | None:
        """"15 الجاري": the day of the current month."""
        index = match.start
        if relation != 0 or self.anchor is None or index - 1 < self.start:
            return None
        number = _NUMBER.fullmatch(self.tokens[index - 1].norm)
        if number is None or number[1] or not 1 <= int(number[2]) <= 31:
            return None
        start = (self.anchor.year, self.anchor.month, int(number[2]))
        return _Date(index - 1, match.end, start) if _valid(start) else None

    def _month_word(self, match: Match, _: int, article: bool) -> _Date | None:
        """"الشهر الماضي", "هذا الشهر", "مطلع الشهر", "الثاني عشر من الشهر الجاري"."""
        if not article or self.anchor is None:
            return None
        first, last = match.start, match.end
        relation = self.role(last, "relation")
        if relation is not None:
            last += 1
        elif self.role(first - 1, "this") is not None:
            relation, first = 0, first - 1
        days = self.days_before(first)
        if days is not None:
            first = days[0]
        elif self.role(first - 1, "part") is not None:
            first -= 1
        elif relation is None:
            return None
        year, month = _shift_month(self.anchor, relation or 0)
        start = (year, month, days and days[1])
        end = (year, month, days[2]) if days and days[2] else None
        if not _valid(start) or (end and not _valid(end)):
            return None
        return _Date(first, last, start, end)

    def _year_word(self, match: Match, _: int, article: bool) -> _Date | None:
        """"عام 2017", "العام الماضي", "هذا العام", "نهاية العام"."""
        first, last = match.start, match.end
        number = self.year_number(last, hijri=False)
        if number is not None:
            year, last = number
        elif not article or self.anchor is None:
            return None
        elif (relation := self.role(last, "relation")) is not None:
            if self.role(last, "post_adjective") is not None and first - 1 >= self.start \
                    and self.tokens[first - 1].norm.startswith(ARTICLE):
                return None   # "الأمين العام الحالي": العام is "general"
            year, last = self.anchor.year + relation, last + 1
            number = self.year_number(last, hijri=False)   # "العام الحالي 2018"
            if number is not None:
                year, last = number
        elif self.role(first - 1, "this") is not None:
            year, first = self.anchor.year, first - 1
        elif self.role(first - 1, "part") is not None:
            year = self.anchor.year
        else:
            return None
        first -= self.role(first - 1, "part") is not None
        return _Date(first, last, (year, None, None))

    def _year_pair(self, match: Match, _: int, article: bool) -> _Date | None:
        """"عامي 2015 و2016"."""
        first = self.year_number(match.end, hijri=False)
        if first is None or first[1] >= self.end:
            return None
        cursor = first[1]
        norm = self.tokens[cursor].norm
        if norm == _AND:
            second = self.year_number(cursor + 1, hijri=False)
        elif norm.startswith(_AND) and norm[1:].isdigit() and len(norm) == 5:
            second = (int(norm[1:]), cursor + 1)
        else:
            return None
        if second is None or second[0] <= first[0]:
            return None
        return _Date(match.start, second[1], (first[0], None, None), (second[0], None, None))

    def numeric_date(self, index: int) -> _Date | None:
        """"3/12/2023", "3-12-2023", "2023-12-03", "15/9/1438هـ"."""
        if index + 5 > self.end:
            return None
        parts = [self.tokens[index + k].norm for k in range(4)]
        if not (parts[1] == parts[3] and parts[1] in ("/", "-", ".") and parts[0].isdigit() and parts[2].isdigit()):
            return None
        if len(parts[0]) == 4 and self.tokens[index + 4].norm.isdigit():
            start: tuple[int | None, int | None, int | None] | None = (int(parts[0]), int(parts[2]), int(self.tokens[index + 4].norm))
            return _Date(index, index + 5, start) if _valid(start) else None
        for hijri in (False, True):
            year = self.year_number(index + 4, hijri)
            if year is not None:
                start = (year[0], int(parts[2]), int(parts[0]))
                if hijri:
                    start = _from_hijri(*start)
                if start is not None and _valid(start):
                    return _Date(index, year[1], start)
        return None

    def bare_year(self, index: int) -> _Date | None:
        """"منذ 2014", "في 2009": a year after a preposition of time."""
        if self.role(index - 1, "year_cue") is None:
            return None
        number = self.year_number(index, hijri=False)
        return _Date(index, number[1], (number[0], None, None)) if number else None

    # -- the pass -------------------------------------------------------------------------------

    def find(self) -> list[_Date]:
        found: list[_Date] = []
        # the tokens a date may start on, picked in one pass asking each word once
        # (most sentences have none): the answer remembered, else opens_date
        starts = self.openers
        if starts is None:
            # (the memo's get bound once: looked up on the memo, a dict subclass, at every token it cost a third more)
            known, opens_date = self.lex.openings.get, self.lex.opens_date
            starts = [index for index, token in enumerate(self.tokens[self.start:self.end], self.start)
                      if (opens := known(token.norm)) or opens is None and opens_date(token.norm)]
        after = self.start   # the token after the last expression found
        for index in starts:
            if index < after:
                continue
            current = self.at(index)
            if current is None:
                continue
            if found and found[-1].last > current.first:   # read back into the previous expression
                if found[-1].first >= current.first:
                    found.pop()
                else:
                    current = replace(current, first=found[-1].last)
            found.append(current)
            after = max(current.last, index + 1)
        return self.join(found)

    def join(self, dates: list[_Date]) -> list[_Date]:
        """A weekday and the explicit date after it become one; "من X إلى Y" a range."""
        out: list[_Date] = []
        for current in dates:
            previous = out[-1] if out else None
            if previous is not None and previous.end is None and current.end is None:
                gap = [token.norm for token in self.tokens[previous.last:current.first]]
                if previous.deictic and not current.deictic and current.start[2] is not None \
                        and len(gap) <= 1 and all(norm in _COMMAS for norm in gap):
                    out[-1] = replace(current, first=previous.first)
                    continue
                if self.role(previous.first - 1, "range_open") is not None and self.links(previous.last, gap, current):
                    joined = _range(previous, current)
                    if joined is not None:
                        out[-1] = replace(joined, first=previous.first - 1)
                        continue
            out.append(current)
        return out

    def links(self, index: int, gap: list[str], current: _Date) -> bool:
        if not gap:   # "بين 3 مارس و5 أبريل": the و is on the day
            return self.tokens[current.first].norm.startswith(_AND)
        return len(gap) <= 2 and self.role(index, "range_to") is not None


def _range(first: _Date, second: _Date) -> _Date | None:
    """Two dates as one range; a start said without a year takes the end's."""
    start, end = first.start, second.start
    if not first.year_given and second.year_given and start[1] and end[1] and end[0] is not None:
        year = end[0] - ((start[1], start[2] or 0) > (end[1], end[2] or 0))
        start = (year, start[1], start[2])
    if start[0] is None or end[0] is None:
        return None
    if first.deictic and second.deictic:   # "من الأحد إلى الثلاثاء المقبل": the Sunday before that Tuesday
        gap = (date(*end) - date(*start)).days
        start = _ymd(date(*start) + timedelta(days=gap - gap % 7)) if gap >= 7 else start
        if gap < 0:   # "يومي الخميس والجمعة", Thursday today: the Friday after it, not the one before
            end = _ymd(date(*end) + timedelta(days=7 * -(gap // 7)))
    if tuple(part or 0 for part in start) > tuple(part or 0 for part in end):
        return None
    return _Date(first.first, second.last, start, end)


def find_dates(tokens: Sequence[Token], start: int, end: int, anchor: date | None,
               lex: DateLexicon | None = None, openers: Sequence[int] | None = None) -> list[TimeExpr]:
    """Date expressions in tokens[start:end], ranges joined.  ``openers``: the
    indices in [start, end) of the tokens whose word ``opens_date`` for the
    bundled lexicon, when known already (kg.extract.openers)."""
    lex = lex or DateLexicon.bundled()
    found = _Finder(tokens, start, end, anchor, lex, openers if lex is DateLexicon.bundled() else None).find()
    out = []
    for expr in found:
        if expr.start[0] is None or (expr.end is not None and expr.end[0] is None):
            continue   # a year that only the publication date could have given
        if not _valid(expr.start) or (expr.end is not None and not _valid(expr.end)):
            continue
        span = Span(tokens[expr.first].span.start, tokens[expr.last - 1].span.end)
        if expr.end is None:
            out.append(TimeExpr(span, value=_iso(expr.start)))
        else:
            out.append(TimeExpr(span, start=_iso(expr.start), end=_iso(expr.end)))
    return out


def dateline(times: Sequence[TimeExpr]) -> date | None:
    """A publication date stated in the article (the first full date)."""
    for time in times:
        if time.value and len(time.value) == 10:
            return date.fromisoformat(time.value)
    return None
