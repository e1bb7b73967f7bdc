import pytest

from polevents.dates import is_historical, resolve


@pytest.mark.parametrize("expression, expected", [
    ("on Saturday", ("2022-03-05", "day")),       # the publication day itself was a Saturday
    ("Friday", ("2022-03-04", "day")),
    ("on Sunday", ("2022-02-27", "day")),
    ("yesterday", ("2022-03-04", "day")),
    ("last week", ("2022-02-26", "day")),
    ("in mid-December", ("2021-12-01", "month")),  # December lies before March: last year's
    ("in February", ("2022-02-01", "month")),
    ("March 2014", ("2014-03-01", "month")),
    ("in 2014", ("2014-01-01", "year")),
    ("on 24 February 2022", ("2022-02-24", "day")),
    ("February 24", ("2022-02-24", "day")),
])
def test_relative_and_absolute_dates_resolve_against_the_publication_date(expression, expected):
    assert resolve(expression, "2022-03-05") == expected


def test_without_a_publication_date_relative_dates_stay_unknown():
    assert resolve("on Saturday", None) == (None, "none")


def test_events_more_than_a_year_before_the_report_are_historical():
    assert is_historical("2014-03-01", "month", "2022-03-05")
    assert not is_historical("2022-03-01", "day", "2022-03-05")


def test_a_weekday_or_month_of_a_coming_act_lies_ahead():
    assert resolve("on Friday", "2018-09-05", future=True) == ("2018-09-07", "day")
    assert resolve("on Friday", "2018-09-05") == ("2018-08-31", "day")
    assert resolve("in March", "2018-09-05", future=True) == ("2019-03-01", "month")
