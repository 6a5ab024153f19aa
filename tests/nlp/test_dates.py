"""Dates as a reader understands them: relative to the report, in the direction the clause's
tense says, keeping their granularity; anaphoric forms counted from the date told before."""

from __future__ import annotations

from datetime import date

from counterpoint.config import Settings
from counterpoint.lang import words
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.dates import FUTURE, PAST, half, resolve_date, shifted
from counterpoint.nlp.events import find_events

WEDNESDAY = date(2022, 8, 31)


def value(text: str, published: date | None = WEDNESDAY, **context: object) -> str | None:
    found = resolve_date(text, published, **context)  # type: ignore[arg-type]
    return found.value if found else None


def dated(text: str, trigger: str, published: date = WEDNESDAY) -> tuple[str | None, ...]:
    """When the event triggered by `trigger` happened, as the pipeline resolves it."""
    sdoc = load_pipeline(Settings().spacy_model)(text)
    event = next(e for e in find_events(sdoc, published) if text[e.start : e.end] == trigger)
    return event.date_value, event.happened, event.happened_end


def test_a_weekday_in_a_past_clause_is_on_or_before_the_report_not_a_week_early() -> None:
    assert value("Wednesday") == "2022-08-31"  # the day itself, in a Wednesday's paper
    assert value("on Tuesday") == "2022-08-30"
    assert value("Thursday", tense=PAST) == "2022-08-25"
    assert dated("Police arrested Tomas Brenner on Wednesday.", "arrested")[0] == "2022-08-31"


def test_a_weekday_in_a_clause_that_looks_ahead_is_the_coming_one_or_the_reports_day() -> None:
    assert value("Monday", tense=FUTURE) == "2022-09-05"
    # news names its own day by the weekday: "will testify Wednesday" in a Wednesday paper
    assert value("Wednesday", tense=FUTURE) == "2022-08-31"
    text = "Luis Ortega will meet Tomas Brenner on Monday in Helsinki."
    assert dated(text, "meet")[0] == "2022-09-05"
    assert dated("The two leaders met on Monday in Helsinki.", "met")[0] == "2022-08-29"


def test_a_year_or_a_month_alone_is_a_range_with_its_granularity_not_its_first_day() -> None:
    election = resolve_date("the 2016 election", WEDNESDAY)
    assert election is None or election.granularity == "year"
    year = resolve_date("2016", WEDNESDAY)
    assert year is not None and (year.value, year.granularity) == ("2016", "year")
    assert year.days == ("2016-01-01", "2016-12-31")
    assert dated("Valdoria held elections in 2016.", "elections") == (
        "2016",
        "2016-01-01",
        "2016-12-31",
    )
    month = resolve_date("last November", WEDNESDAY)
    assert month is not None and month.days == ("2021-11-01", "2021-11-30")
    assert value("March 2021", None) == "2021-03"


def test_month_and_day_without_a_year_take_the_nearest_or_the_tensed_one() -> None:
    assert value("December 6", date(2023, 1, 10)) == "2022-12-06"
    assert value("January 6", date(2023, 1, 10)) == "2023-01-06"
    assert value("November 2", date(2023, 1, 10), tense=FUTURE) == "2023-11-02"
    assert value("Saturday, April 25", date(1998, 4, 24)) == "1998-04-25"  # its weekday decides
    # news tells of the past: a July paper's "Jan. 6" is the January before, though the next
    # one is a little nearer
    assert value("Jan. 6", date(2021, 7, 22)) == "2021-01-06"
    assert value("Nov. 10", date(1989, 10, 27)) == "1989-11-10"


def test_relative_periods_keep_their_granularity() -> None:
    assert value("last week") == "2022-W34"
    assert value("this month") == "2022-08"
    assert value("earlier this year") == "2022"
    assert value("the third quarter") == "2022-Q3"
    assert value("next year's first quarter") == "2023-Q1"
    assert value("the 1990s") == "199"
    assert value("the late 1970s") == "197"
    assert value("the 20th century") == "19"
    assert value("last summer") == "2021-SU"
    assert value("five years ago") == "2017"
    assert value("two months ago") == "2022-06"
    assert value("yesterday") == "2022-08-30"
    assert value("the weekend") == "2022-W34-WE"


def test_vague_references_are_their_own_kind_and_durations_are_not_dates() -> None:
    assert value("now") == "PRESENT_REF"
    assert value("recent years") == "PAST_REF"
    assert value("several years ago") == "PAST_REF"
    assert value("the near future") == "FUTURE_REF"
    recently = resolve_date("recently", WEDNESDAY)
    assert recently is not None and recently.days is None
    assert value("90 days") is None
    assert value("two weeks") is None
    assert value("last week", None) is None


def test_anaphoric_forms_count_from_the_date_told_before() -> None:
    told = resolve_date("March 2021", None)
    assert value("the following month", anchor=told) == "2021-04"
    following = resolve_date("the following month", WEDNESDAY, anchor=told)
    assert following is not None and following.anaphoric
    quarter = resolve_date("the third quarter", WEDNESDAY)
    assert value("the year-earlier quarter", anchor=quarter) == "2021-Q3"
    assert value("a year ago", anchor=quarter) == "2021-Q3"
    assert value("a year ago") == "2021"
    assert value("the following month") is None  # nothing told before: not guessed


def test_years_and_holidays_written_out() -> None:
    assert value("nineteen ninety-six") == "1996"
    assert value("January nineteen ninety-seven") == "1997-01"
    assert value("Christmas", date(2022, 12, 27)) == "2022-12-25"
    assert value("Thanksgiving", date(2022, 11, 20), tense=FUTURE) == "2022-11-24"
    assert value("1990 and beyond") == "1990"


def test_a_half_year_shifts_into_the_next_and_the_previous_year() -> None:
    en = words("en", "dates")
    assert [shifted(half(2020, 2), n, en).value for n in (-1, 1, 2)] == [  # type: ignore[union-attr]
        "2020-H1",
        "2021-H1",
        "2021-H2",
    ]
    assert [shifted(half(2020, 1), n, en).value for n in (-1, 1)] == ["2019-H2", "2020-H2"]  # type: ignore[union-attr]
