"""Dates read in their context: the tense a clause really gives its date (an end point, a
perfect, a scheduled present), forms that count from the date just told ("then", "the day
before", "the previous Friday"), and forms a news reader meets that the resolver once missed."""

from __future__ import annotations

from datetime import date

import pytest

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.dates import SCHEDULED, day, resolve_date, tense_of

MONDAY = date(1995, 10, 30)


def value(text: str, published: date | None = MONDAY, **context: object) -> str | None:
    found = resolve_date(text, published, **context)  # type: ignore[arg-type]
    return found.value if found else None


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline(Settings().spacy_model)


def in_sentence(nlp, sentence: str, expression: str, published: date = MONDAY) -> str | None:  # type: ignore[no-untyped-def]
    """The value of `expression` with the tense its sentence gives it."""
    doc = nlp(sentence)
    start = sentence.index(expression)
    span = doc.char_span(start, start + len(expression), alignment_mode="expand")
    return value(expression, published, tense=tense_of(span))


def test_a_date_that_ends_a_stretch_is_not_dated_by_the_past_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    assert in_sentence(nlp, "The bid was extended to Nov. 16.", "Nov. 16") == "1995-11-16"
    sentence = "The lenders gave the mill until mid-November to find a buyer."
    assert in_sentence(nlp, sentence, "mid-November") == "1995-11"
    # told as when it happened, the past still reaches back
    assert in_sentence(nlp, "The mill closed on Nov. 16.", "Nov. 16") == "1994-11-16"


def test_a_perfect_does_not_date_its_event_but_a_scheduled_present_looks_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "Norvik has set Nov. 10 as the deadline for rival offers."
    assert in_sentence(nlp, sentence, "Nov. 10") == "1995-11-10"
    sentence = "The two ministers meet separately Thursday with the mediator."
    assert in_sentence(nlp, sentence, "Thursday") == "1995-11-02"
    sentence = "Trading in the shares is to resume Wednesday in Oslo."
    assert in_sentence(nlp, sentence, "Wednesday") == "1995-11-01"
    # a verb whose past is spelt as its present is no sign of a schedule
    sentence = "Falling prices hurt the index, which fell 2% on Friday."
    assert in_sentence(nlp, sentence, "Friday") == "1995-10-27"
    # a present of saying keeps its date in the past
    assert in_sentence(nlp, "Officials say Friday that the mill closed.", "Friday") == "1995-10-27"


def test_a_scheduled_weekday_is_the_coming_one_or_the_report_day() -> None:
    assert value("Monday", tense=SCHEDULED) == "1995-10-30"
    assert value("Tuesday", tense=SCHEDULED) == "1995-10-31"


def test_then_the_day_and_the_previous_weekday_count_from_the_day_told() -> None:
    told = day(date(1995, 10, 12))
    assert value("then", anchor=told) == "1995-10-12"
    assert value("at the time", anchor=told) == "1995-10-12"
    assert value("then") == "PAST_REF"  # nothing told: the vague past
    assert value("the day", anchor=told) == "1995-10-12"
    assert value("later in the day") == "1995-10-30"  # nothing told: the report's day
    assert value("that night", anchor=told) == "1995-10-12"
    assert value("the next morning", anchor=told) == "1995-10-13"
    assert value("the day before", anchor=told) == "1995-10-11"
    assert value("the week after", anchor=told) == "1995-W42"
    assert value("the previous Friday", anchor=told) == "1995-10-06"
    assert value("the following Monday", anchor=told) == "1995-10-16"
    assert value("the 8th", anchor=told) == "1995-10-08"


def test_a_day_counted_from_a_year_told_is_the_reports_day_not_new_years() -> None:
    this_year = resolve_date("this year", MONDAY)
    assert value("that day", anchor=this_year) == "1995-10-30"
    assert value("the next day", anchor=this_year) == "1995-10-31"


def test_the_nth_day_of_a_tally_and_the_year_end() -> None:
    assert value("the eighth day") == "1995-10-30"
    assert value("year-end") == "1995"
    assert value("year's end") == "1995"
    assert value("year-end", tense="past") == "1994"


def test_a_year_ago_after_a_quarter_already_a_year_back_is_not_counted_twice() -> None:
    reported = resolve_date("the third quarter", MONDAY)
    assert value("a year ago", anchor=reported) == "1994-Q3"
    old = resolve_date("the 1994 third quarter", MONDAY)
    assert old is not None and old.value == "1994-Q3"
    assert value("a year ago", anchor=old) == "1994"


def test_forms_news_writes_that_were_missed() -> None:
    assert value("'97") == "1997"
    assert value("March eighth") == "1995-03-08"
    assert value("the first of May") == "1995-05-01"
    assert value("this coming Sunday, November fifth") == "1995-11-05"
    assert value("Monday's") == "1995-10-30"
    assert value("last year's") == "1994"
    assert value("1993's") == "1993"
    assert value("the 1980's") == "198"
    assert value("the 80s") == "198"
    assert value("summer 1993") == "1993-SU"
    assert value("the spring of last year") == "1994-SP"
    assert value("last year's first half") == "1994-H1"
    assert value("the second half of next year") == "1996-H2"
    assert value("fiscal year 1994") == "1994"
    assert value("the 1994 fiscal year") == "1994"
    assert value("this past year") == "1994"
    assert value("a century ago") == "18"
    assert value("the next century") == "20"
    assert value("New Year's") == "1996-01-01"
    assert value("in recent weeks") == "PAST_REF"
    assert value("decades ago") == "PAST_REF"
    assert value("the other day") == "PAST_REF"
    assert value("at this crucial point") == "PRESENT_REF"
    assert value("for the time being") == "PRESENT_REF"


def test_a_period_named_by_its_last_day_and_a_range_of_two_dates() -> None:
    assert value("the quarter ended Sept. 30") == "1995-Q3"
    assert value("its fourth quarter ended Aug. 26") == "1995-Q4"  # the company's own quarter
    assert value("the year ended March 31") == "1995"
    found = resolve_date("Sept. 14 to Thursday", MONDAY)
    assert found is not None and found.granularity == "range"
    assert found.days == ("1995-09-14", "1995-10-26")
    assert value("between 1985 and 1987") == "1985/1987"
    assert value("March 3-4") == "1995-03-03/1995-03-04"
    assert value("an Aug. 10, 1988") == "1988-08-10"
    assert value("a year ago") == "1994"  # "a" as the count is kept


def test_a_date_after_a_verb_of_planning_is_the_planned_events(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "The referendum was scheduled for Thursday."
    assert in_sentence(nlp, sentence, "Thursday") == "1995-11-02"
    sentence = "Farmers planned a march through the capital on Saturday."
    assert in_sentence(nlp, sentence, "Saturday") == "1995-11-04"
    sentence = "The mayor will open the new bridge on Monday."
    assert in_sentence(nlp, sentence, "Monday") == "1995-10-30"  # the report's own Monday
    # a date told before a past verb of planning is when the plan was made
    sentence = "On Friday, the ministry planned to pay the first installment."
    assert in_sentence(nlp, sentence, "Friday") == "1995-10-27"
    # a planned event whose clause is past, and a past perfect, do not look ahead
    sentence = "A concert planned for Saturday was canceled."
    assert in_sentence(nlp, sentence, "Saturday") == "1995-10-28"
    sentence = "The rebels had planned an attack on Sunday, but the army struck first."
    assert in_sentence(nlp, sentence, "Sunday") == "1995-10-29"
    sentence = "The board had scheduled a hearing for Nov. 20."
    assert in_sentence(nlp, sentence, "Nov. 20") == "1995-11-20"  # no direction: the nearest


def test_the_earliest_a_date_may_come_looks_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "Talks could resume as early as Tuesday, a spokesman said."
    assert in_sentence(nlp, sentence, "Tuesday") == "1995-10-31"
    sentence = "The ferry may sail as soon as Friday."
    assert in_sentence(nlp, sentence, "Friday") == "1995-11-03"
    # told in the past, the earliest date is when it was already so
    sentence = "Engineers knew as early as March that the dam was weak."
    assert in_sentence(nlp, sentence, "March") == "1995-03"


def test_what_comes_ahead_of_a_date_is_told_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    june = date(1996, 6, 12)
    sentence = "The party is raising money ahead of the November election."
    assert in_sentence(nlp, sentence, "November", june) == "1996-11"
    sentence = "Farmers sold their grain ahead of the February frost."
    assert in_sentence(nlp, sentence, "February", june) == "1996-02"


def test_a_number_alone_is_a_day_only_after_a_day_told() -> None:
    told = day(date(1995, 4, 24))
    assert value("25", anchor=told) == "1995-04-25"  # "on April 24 and 25"
    assert value("25") is None
    assert value("52") is None  # "Ortega, 52, said": an age
    assert value("about 40 years") is None  # a stretch, not forty years ago


def test_last_with_a_month_skips_the_month_just_ended() -> None:
    assert value("last September") == "1994-09"  # in October, September is "last month"
    assert value("last August") == "1995-08"
    assert value("last December", date(1996, 1, 15)) == "1994-12"


def test_holiday_weeks_weekends_told_in_the_past_and_dated_captions() -> None:
    assert value("Easter week", date(2000, 4, 17), tense="past") == "2000-W16"
    assert value("Christmas week", date(1995, 12, 20)) == "1995-W52"  # Monday the 25th
    friday = date(1995, 11, 3)
    assert value("this weekend", friday) == "1995-W44-WE"
    assert value("this weekend", friday, tense="past") == "1995-W43-WE"
    assert value("this past weekend", friday, tense="past") == "1995-W43-WE"
    assert value("this June 28, 1994") == "1994-06-28"  # "In this June 28, 1994, photo"


def test_the_year_ago_quarter_is_a_year_before_the_quarter_reported_not_one_forecast() -> None:
    forecast = resolve_date("the third quarter of 1996", MONDAY, tense="future")
    assert forecast is not None and forecast.value == "1996-Q3"
    # "... losses through the third quarter of 1996. In the year-ago period, it earned ..."
    assert value("the year-ago period", anchor=forecast) == "1994-Q3"
    reported = resolve_date("the third quarter", MONDAY)
    assert value("the year-ago period", anchor=reported) == "1994-Q3"


def test_previous_and_prior_count_from_the_date_told_last_from_the_report() -> None:
    told = day(date(1995, 6, 14))  # a Wednesday in week 24
    assert value("the previous week", anchor=told) == "1995-W23"
    assert value("the prior year", anchor=told) == "1994"
    assert value("the preceding month", anchor=told) == "1995-05"
    assert value("last week", anchor=told) == "1995-W43"  # "last" is the report's
    assert value("the prior year") == "1994"  # nothing told: from the report
    assert value("that same day", anchor=told) == "1995-06-14"


def test_two_periods_back_and_a_weekday_before_a_full_date() -> None:
    assert value("the week before last") == "1995-W42"
    assert value("the year before last") == "1993"
    assert value("early Friday, June 5, 1992") == "1992-06-05"
    assert value("Jan. 30 , 1995") == "1995-01-30"  # text tokenized with spaces
    assert value("last year 's") == "1994"


def test_a_date_that_names_an_incident_by_its_noun_is_past_whatever_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    """'will testify about the Jan. 6 attack' had become the coming Jan. 6, 'will visit the
    scene of Sunday's shooting' the coming Sunday: an incident is named by its date once it
    has happened. A planned event keeps the clause's tense."""
    sentence = "Ida Voss will testify in December about the Jan. 6 attack."
    assert in_sentence(nlp, sentence, "Jan. 6") == "1995-01-06"
    assert in_sentence(nlp, sentence, "December") == "1995-12"
    sentence = "Ida Voss will visit the scene of Sunday's shooting on Wednesday."
    assert in_sentence(nlp, sentence, "Sunday") == "1995-10-29"
    assert in_sentence(nlp, sentence, "Wednesday") == "1995-11-01"
    sentence = "The winner of the Jan. 20 election will take office in March."
    assert in_sentence(nlp, sentence, "Jan. 20") == "1996-01-20"
