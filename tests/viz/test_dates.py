"""Dates at the precision articles give them, as the days they cover."""

from datetime import date

import pytest

from kg.viz.dates import date_span


@pytest.mark.parametrize(("value", "span"), [
    ("2024-03-05", (date(2024, 3, 5), date(2024, 3, 5))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
    ("2024-03-05Z", (date(2024, 3, 5), date(2024, 3, 5))),
    ("2024-13", None),
    ("2024-02-30", None),
    ("soon", None),
    ("", None),
])
def test_dates_span_of_date_month_and_year(value, span):
    assert date_span(value) == span
