"""The days an RDF date value covers: xsd:date, xsd:gYearMonth or xsd:gYear.

Events carry dates at the precision the article gives ("in March 2024" is a
gYearMonth); filters and the timeline need the first and last day of each.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_DATE = re.compile(r"(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?(?:Z|[+-]\d{2}:\d{2})?")


def date_span(value: str) -> tuple[date, date] | None:
    """(first day, last day) of ``value`` ("2024-03-05", "2024-03" or "2024"),
    or None when it is no such date (a year outside 1..9999, a 13th month)."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            one = date(year, month, day)
            return one, one
        if month is not None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
