"""Dates as a reader understands them: a DATE expression resolved against the report date, the
tense of its clause and the date told just before, to a value that keeps its granularity ("last
week" is a week, "2019" a year, "recently" the vague past), in TimeML's TIMEX3 notation so that
it can be scored against TempEval-3 (bench/tempeval_dates.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from types import ModuleType

import dateparser
from dateutil.easter import easter
from spacy.tokens import Span, Token

from counterpoint.lang import words

PAST, FUTURE = "past", "future"
# How a date qualifies a noun ("the Jan. 6 attack", "last year's vote"; spaCy's English labels).
NOUN_QUALIFIERS = {"compound", "nmod", "poss", "amod", "nummod"}
SCHEDULED = "scheduled"  # a present verb with a date: "meets Monday", "takes effect in June"


@dataclass(frozen=True)
class DateValue:
    """A resolved date: `value` in TimeML notation ("2022-12-07", "2022-W49", "2022-12",
    "2022-Q3", "2022-SU", "2022", "199" for the 1990s, "PAST_REF"), its granularity, and the
    first and last day it covers (None for the vague past and future)."""

    value: str
    granularity: str  # day, weekend, week, month, quarter, season, half, year, decade, century, ref
    start: date | None = None
    end: date | None = None
    anaphoric: bool = False  # counted from the date told before ("a year earlier")

    @property
    def days(self) -> tuple[str, str | None] | None:
        """(first day, last day or None for one day) as ISO dates, None when vague."""
        if self.start is None or self.end is None:
            return None
        return self.start.isoformat(), None if self.end == self.start else self.end.isoformat()


# --- Values of each granularity ----------------------------------------------------------------


def day(when: date) -> DateValue:
    return DateValue(when.isoformat(), "day", when, when)


def week(when: date) -> DateValue:
    monday = when - timedelta(days=when.weekday())
    year, number, _ = monday.isocalendar()
    return DateValue(f"{year}-W{number:02d}", "week", monday, monday + timedelta(days=6))


def weekend(when: date) -> DateValue:
    saturday = when - timedelta(days=when.weekday()) + timedelta(days=5)
    year, number, _ = saturday.isocalendar()
    return DateValue(f"{year}-W{number:02d}-WE", "weekend", saturday, saturday + timedelta(days=1))


def month(year: int, number: int) -> DateValue:
    year, number = year + (number - 1) // 12, (number - 1) % 12 + 1
    following = date(year + number // 12, number % 12 + 1, 1)
    return DateValue(
        f"{year:04d}-{number:02d}", "month", date(year, number, 1), following - timedelta(days=1)
    )


def quarter(year: int, number: int) -> DateValue:
    year, number = year + (number - 1) // 4, (number - 1) % 4 + 1
    first, last = month(year, 3 * number - 2), month(year, 3 * number)
    return DateValue(f"{year}-Q{number}", "quarter", first.start, last.end)


def _quarter_number(when: date) -> int:
    return (when.month + 2) // 3


def half(year: int, number: int) -> DateValue:
    first, last = month(year, 6 * number - 5), month(year, 6 * number)
    return DateValue(f"{year}-H{number}", "half", first.start, last.end)


def season(year: int, code: str, en: ModuleType) -> DateValue:
    first = en.SEASON_MONTHS[code]
    return DateValue(
        f"{year}-{code}", "season", month(year, first).start, month(year, first + 2).end
    )


def year(number: int) -> DateValue:
    return DateValue(f"{number:04d}", "year", date(number, 1, 1), date(number, 12, 31))


def decade(first_year: int) -> DateValue:
    first_year -= first_year % 10
    return DateValue(
        f"{first_year // 10:03d}", "decade", date(first_year, 1, 1), date(first_year + 9, 12, 31)
    )


def century(first_year: int) -> DateValue:
    first_year -= first_year % 100
    return DateValue(
        f"{first_year // 100:02d}",
        "century",
        date(max(first_year, 1), 1, 1),
        date(first_year + 99, 12, 31),
    )


def reference(kind: str, published: date | None) -> DateValue:
    """The vague present ("now"; the report date), past ("recently") or future ("soon")."""
    when = published if kind == "PRESENT_REF" else None
    return DateValue(kind, "ref", when, when)


def shifted(value: DateValue, steps: int, en: ModuleType) -> DateValue | None:
    """The period `steps` units of its own granularity after (or before) `value`."""
    start = value.start
    if start is None:
        return None
    match value.granularity:
        case "day":
            return day(start + timedelta(days=steps))
        case "week":
            return week(start + timedelta(weeks=steps))
        case "weekend":
            return weekend(start + timedelta(weeks=steps))
        case "month":
            return month(start.year, start.month + steps)
        case "quarter":
            return quarter(start.year, _quarter_number(start) + steps)
        case "half":
            halves = 2 * start.year + (start.month - 1) // 6 + steps
            return half(halves // 2, halves % 2 + 1)
        case "season":
            return season(start.year + steps, value.value[-2:], en)
        case "year":
            return year(start.year + steps)
        case "decade":
            return decade(start.year + 10 * steps)
        case "century":
            return century(start.year + 100 * steps)
    return None


# --- Tense -------------------------------------------------------------------------------------


def tense_of(span: Span) -> str | None:
    """Whether the clause a date belongs to tells of the past ("arrived on Monday") or looks
    ahead ("will meet on Monday", "is scheduled to vote Monday"); None when neither is said."""
    en = words(span.doc.lang_, "dates")
    if _names_an_incident(span, en):
        return PAST
    verb = span.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if _after_words(span, en.PROSPECTIVE_WORDS) and not _told_in_past(verb):
        return FUTURE  # "could arrive as early as Tuesday"; not "knew as early as March"
    if _after_words(span, en.AHEAD_WORDS):  # "campaigning ahead of the November election"
        return None if _told_in_past(verb) else FUTURE  # a past verb dates what came before
    clause = [verb, *verb.children]
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        clause += [verb.head, *verb.head.children]  # "is expected to arrive", "plans to vote"
    lowers = {token.lower_ for token in clause}
    lemmas = {token.lemma_.lower() for token in clause if token.dep_ not in {"nsubj", "dobj"}}
    plan_told_before = verb.tag_ == "VBD" and span.end <= verb.i  # "On Friday, X planned to"
    if lowers & en.FUTURE_AUXILIARIES or (
        lemmas & en.FUTURE_VERBS
        and any(token.dep_ == "xcomp" for token in clause)
        and not plan_told_before
    ):
        return FUTURE
    if _after_plan(span, verb, en):  # a past perfect ("had scheduled a hearing for Jan. 5",
        # "had planned an attack on Monday") tells of a plan kept or overtaken: no direction
        had = any(token.dep_ == "aux" and token.lower_ == "had" for token in verb.children)
        return None if had else FUTURE
    if _is_to(verb):
        return FUTURE  # "is to resume trading Tuesday"
    if not _attached_directly(span, verb, en):
        return None  # "said the offer expires Dec. 7": the past is the saying's
    auxiliaries = [token for token in verb.children if token.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBD" or any(token.tag_ == "VBD" for token in auxiliaries):
        return PAST  # "arrived", "was arrested", "did not say"
    if any(token.lemma_ == "have" for token in auxiliaries):
        return None  # "has set Nov. 10 as the deadline": a perfect does not date its event
    present = [
        token
        for token in auxiliaries or [verb]
        if token.tag_ == "VBZ" or token.tag_ == "VBP" and token.lower_ not in en.SAME_PAST_FORMS
    ]
    if present and verb.lemma_.lower() not in en.SAYING_VERBS:
        return SCHEDULED  # "Arafat meets Albright Monday", "the law takes effect in June"
    return None


def is_age(span: Span) -> bool:
    """ "James Fields, 20, drove ...": a number alone set off by commas after a name is the
    person's age, not a day of the month told before."""
    doc, en = span.doc, words(span.doc.lang_, "dates")
    return (
        en.BARE_NUMBER.fullmatch(span.text.strip()) is not None
        and span.start > 1
        and doc[span.start - 1].text == ","
        and doc[span.start - 2].pos_ == "PROPN"
        and span.end < len(doc)
        and doc[span.end].text in {",", ")", ";", "."}
    )


def _names_an_incident(span: Span, en: ModuleType) -> bool:
    """Whether the date names an incident by the noun it qualifies ("will testify about the
    Jan. 6 attack", "will visit the scene of Sunday's shooting"): an attack or a crash is named
    by its date only once it has happened, so the date is past whatever the clause's tense.
    Planned events keep the clause's ("will win November's election", "after the Thanksgiving
    break")."""
    token, head = span.root, span.root.head
    return (
        token.dep_ in NOUN_QUALIFIERS
        and head.pos_ in {"NOUN", "PROPN"}
        and head.lemma_.lower() in en.INCIDENT_NOUNS
    )


def _after_plan(span: Span, verb: Token, en: ModuleType) -> bool:
    """Whether the date follows a verb of planning ("was scheduled for Thursday", "planned a
    march on Saturday", "has scheduled the vote for May 23"): the planned event's date, which
    lies ahead even when the planning is told in the past. Not a participle on a noun whose
    clause is past ("a service planned for Saturday was canceled"): that clause tells when."""
    if verb.lemma_.lower() not in en.PLAN_VERBS or span.start < verb.i:
        return False
    return not (verb.dep_ == "acl" and _told_in_past(verb.head.head))


def _told_in_past(verb: Token) -> bool:
    """ "was canceled", "arrived", "did not say": a verb in the simple past or its passive."""
    auxiliaries = [token for token in verb.children if token.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == "VBD" or any(token.tag_ == "VBD" for token in auxiliaries)


def _after_words(span: Span, phrases: set[str]) -> bool:
    """Whether the words just before `span`, an article aside, are one of `phrases` ("as
    early as" Tuesday, "ahead of the" November election)."""
    start = span.start
    if start > 0 and span.doc[start - 1].lower_ in {"the", "a", "an"}:
        start -= 1
    longest = max((len(phrase.split()) for phrase in phrases), default=0)
    before = [token.lower_ for token in span.doc[max(start - longest, 0) : start]]
    return any(" ".join(before[len(before) - len(p.split()) :]) == p for p in phrases)


def _is_to(verb: Token) -> bool:
    """ "is to resume", "are to meet": a present "be" with "to" and a verb, the plan to come."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and head.tag_ in {"VBZ", "VBP"}
        and any(token.dep_ == "aux" and token.lower_ == "to" for token in verb.children)
    )


def _attached_directly(span: Span, verb: Token, en: ModuleType) -> bool:
    """Whether the date modifies the verb itself ("rose in March", "left Monday"), not a noun
    or adjective on the way ("the redemption on Dec. 7", "payable Dec. 7"), nor ends a stretch
    ("extended to Nov. 16")."""
    token = span.root
    while token.i != verb.i:
        if token.dep_ not in {"pobj", "prep", "npadvmod", "tmod", "pcomp", "advmod", "nummod"}:
            return False
        if token.dep_ == "prep" and token.lower_ in en.ENDPOINT_PREPOSITIONS:
            return False
        token = token.head
    return True


# --- Resolution --------------------------------------------------------------------------------


def resolve_date(
    text: str,
    published: date | None,
    language: str = "en",
    tense: str | None = None,
    anchor: DateValue | None = None,
) -> DateValue | None:
    """A DATE expression's text to the date it names. Relative forms ("Wednesday", "last
    week", "December 6", "two years ago") count from the report date `published`, forward when
    the clause looks ahead (`tense` "future"), back when it tells of the past, else to the
    nearest; anaphoric forms ("the following month", "the quarter", "a year earlier") count from
    `anchor`, the date told just before. Durations ("90 days") and unknown forms give None."""
    en = words(language, "dates")
    text = _days_in_figures(en.LEADING_ARTICLE.sub("", _normalised(text)), en)
    if not text:
        return None
    for resolver in _RESOLVERS:
        found = resolver(text, published, tense, anchor, en)
        if found is not None:
            return found
    return _ended(text, published, tense, anchor, en) or _range(text, published, tense, anchor, en)


def _ended(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """ "the quarter ended Sept. 30", "the year ending June 30, 1990": the period that ends
    on that day; a numbered quarter is the company's own ("its fourth quarter ended Aug. 26"
    is that year's fourth, whatever the calendar says)."""
    found = en.PERIOD_ENDED.fullmatch(text)
    if found is None:
        return None
    when = PAST if found.group("verb") == "ended" else tense
    end = resolve_date(found.group("end"), published, tense=when, anchor=anchor)
    if end is None or end.end is None:
        return None
    period = found.group("period")
    numbered = en.QUARTER.fullmatch(_without_modifiers(period, en))
    if numbered:
        number = int(numbered.group("number") or en.ORDINALS.get(numbered.group("ordinal"), 4))
        return quarter(end.end.year, number)
    unit = en.PLAIN_PERIOD.fullmatch(_without_modifiers(period, en))
    if unit and unit.group("unit") in {"year", "fiscal year", "full year"}:
        return year(end.end.year)
    if en.THAT_QUARTER.fullmatch(period.removeprefix("the ")):
        return quarter(end.end.year, _quarter_number(end.end))
    return end


def _range(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """ "Aug. 26 to Oct. 20", "between 1985 and 1987": one stretch from the first date's start
    to the second's end, valued as an ISO 8601 interval ("1985/1987")."""
    found = en.DATE_RANGE.fullmatch(text)
    if found is None:
        return None
    first_text = found.group("first") or found.group("first2")
    second_text = found.group("second") or found.group("second2")
    if re.fullmatch(r"\d{1,2}", second_text):  # "March 3-4", "1996-97": the rest from the first
        if re.fullmatch(r"\d{4}", first_text):
            second_text = first_text[:2] + second_text
        elif re.fullmatch(r"[a-z]+ \d{1,2}", first_text):
            second_text = f"{first_text.split()[0]} {second_text}"
    first = resolve_date(first_text, published, tense=tense, anchor=anchor)
    second = resolve_date(second_text, published, tense=tense, anchor=first or anchor)
    if first is None or second is None or first.start is None or second.end is None:
        return None
    if second.end < first.start:
        return None
    return DateValue(f"{first.value}/{second.value}", "range", first.start, second.end)


def _normalised(text: str) -> str:
    text = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(' ,.;:()"')
    text = re.sub(r" (?=,|'s\b)", "", text)  # "Jan. 30 , 2010", "last year 's": as tokenized
    text = re.sub(r"^'(?!\d\d)|'$", "", text)  # quotes around, not the one of "'98"
    text = re.sub(r"(?<=[a-z])'s$|(?<=\d\d\d[1-9])'s$", "", text)  # "Monday's", "1997's"
    text = re.sub(r"(?<=\b[a-z]{3})\.(?= \d)", "", text)  # "Aug. 2" -> "aug 2"
    return text


def _days_in_figures(text: str, en: ModuleType) -> str:
    """ "March eighth" -> "march 8", "the first of May" -> "1 may": days of the month in words."""
    found = en.DAY_IN_WORDS.search(text)
    if found is None:
        return text
    word = found.group("word") or found.group("word2")
    number = en.ORDINALS.get(word)
    if number is None or number > 31:
        return text
    if found.group("month"):
        return f"{text[: found.start('word')]}{number}"
    return f"{number} {text[found.start('month2') :]}"


def _without_modifiers(text: str, en: ModuleType) -> str:
    text = en.OPEN_ENDS.sub("", en.PARTS_OF_DAY.sub("", text))
    return en.MODIFIERS.sub("", text).strip() or text


def _vague(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """ "now", "recently", "the future", "recent years", "coming weeks"."""
    bare = text.removeprefix("the ") if text.removeprefix("the ") in en.PRESENT else text
    for kind, known in (
        ("PRESENT_REF", en.PRESENT),
        ("PAST_REF", en.PAST),
        ("FUTURE_REF", en.FUTURE),
    ):
        if text in known or bare in known:
            return reference(kind, published)
    if en.PRESENT_MOMENT.fullmatch(text):
        return reference("PRESENT_REF", published)
    if en.VAGUE_AGO.fullmatch(text):
        return reference("PAST_REF", published)
    vague = en.VAGUE_PERIOD.fullmatch(text)
    if vague:
        past = vague.group("when") in en.VAGUE_PAST_WORDS
        return reference("PAST_REF" if past else "FUTURE_REF", published)
    return None


def _told(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """Forms read from the date just told: "then", "the day", "that night", "the day before",
    "the previous Friday"; and "year-end", "the second day" of a tally, read from the report."""
    told = anchor if anchor is not None and anchor.start is not None else None
    plain = text.removeprefix("the ")
    if text in en.THAT_TIME:
        return replace(told, anaphoric=True) if told else reference("PAST_REF", published)
    if published is None:
        return None
    told_day = told if told is not None and told.granularity == "day" else None
    within = en.WITHIN_PERIOD.fullmatch(text)  # "later in the day"
    if within and within.group("rest") in {"in the day", "that day", "in that day"}:
        plain = "day"
    if plain == "day" or en.NTH_DAY.fullmatch(text) and _ordinal(text, en):
        return replace(told_day, anaphoric=True) if told_day else day(published)
    found = en.ANAPHORIC_PERIOD.fullmatch(plain)
    if found and found.group("unit") in en.PARTS_OF_DAY_WORDS and told_day is not None:
        shift = en.ANAPHORIC_SHIFTS[found.group("shift")]  # "that night", "the next morning"
        return replace(shifted(told_day, shift, en) or told_day, anaphoric=True)
    found = en.TOLD_NEIGHBOUR.fullmatch(plain)
    if found:
        unit = found.group("unit")
        unit = "day" if unit in en.PARTS_OF_DAY_WORDS else unit
        step = 1 if found.group("direction") in {"after", "later"} else -1
        base = _base_within(unit, told, published) if told else day(published)
        moved = shifted(_period_of(unit, base), step, en)
        return replace(moved, anaphoric=base is told) if moved else None
    found = en.TOLD_WEEKDAY.fullmatch(text)
    if found:
        start = (told_day.start if told_day and told_day.start else None) or published
        weekday = en.WEEKDAYS.index(found.group("weekday"))
        if found.group("shift") in {"previous", "preceding"}:
            when = start - timedelta(days=(start.weekday() - weekday) % 7 or 7)
        elif found.group("shift") == "same":
            when = start
        else:
            when = start + timedelta(days=(weekday - start.weekday()) % 7 or 7)
        return replace(day(when), anaphoric=told_day is not None)
    if en.YEAR_END.fullmatch(_without_modifiers(text, en)):  # this year's; the last when past
        return year(published.year - (1 if tense == PAST else 0))
    found = en.BARE_DAY.fullmatch(text)
    if found and told_day is not None and told_day.start is not None:
        # "May 24 and 25": a day's number alone, after a day told, is in that day's month
        return _day_or_none(told_day.start.year, told_day.start.month, int(found.group("day")))
    found = en.DAY_OF_MONTH.fullmatch(text)
    if found:  # "the 8th": of the month just told, else the nearest
        number = int(found.group("day"))
        if told is not None and told.granularity in {"day", "month"} and told.start:
            return _day_or_none(told.start.year, told.start.month, number)
        months = [month(published.year, published.month + step) for step in (-1, 0, 1)]
        days = [_day_or_none(m.start.year, m.start.month, number) for m in months if m.start]
        return _pick(days, published, tense, en)
    return None


def _ordinal(text: str, en: ModuleType) -> int | None:
    found = en.NTH_DAY.fullmatch(text)
    if found is None:
        return None
    word = found.group("ordinal")
    return en.ORDINALS.get(word) or (_leading_number(word) if word[0].isdigit() else None)


def _absolute(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """Dates that name their year: "Aug. 2, 1990", "2 August 1990", "1990-08-02"."""
    bare = _without_modifiers(text, en)
    numeric = en.NUMERIC_DATE.fullmatch(bare)
    if numeric:
        if numeric.group("year"):
            year_text, month_text, day_text = numeric.group("year", "month", "day")
            return _day_or_none(int(year_text), int(month_text), int(day_text))
        year_text, month_text, day_text = numeric.group("y", "m", "d")
        year_number = (
            int(year_text) if len(year_text) == 4 else _full_year(int(year_text), published)
        )
        return _day_or_none(year_number, int(month_text), int(day_text))
    for pattern in (en.MONTH_DAY, en.DAY_MONTH):
        found = pattern.fullmatch(bare.removeprefix("this "))  # "In this June 28, 2019, photo"
        if found and found.group("year"):
            number = en.MONTH_NUMBERS[found.group("month")]
            return _day_or_none(int(found.group("year")), number, int(found.group("day")))
    return None


def _day_or_none(year_number: int, month_number: int, day_number: int) -> DateValue | None:
    try:
        return day(date(year_number, month_number, day_number))
    except ValueError:
        return None


def _named_days(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """ "today", "yesterday", "tomorrow night", "Wednesday", "last Friday", "December 6",
    "Christmas": a day, found from the report date."""
    if published is None:
        return None
    bare = text if text in en.DAY_WORDS else _without_modifiers(text, en)
    if bare in en.DAY_WORDS:
        return day(published + timedelta(days=en.DAY_WORDS[bare]))
    weekday_and_day = en.WEEKDAY_AND_DATE.fullmatch(bare)
    if weekday_and_day:  # "Saturday, April 25": the year in which that day is a Saturday
        rest = weekday_and_day.group(2)  # "June 5, 2020" names its year; "June 5" does not
        found = _absolute(rest, published, tense, anchor, en)
        if found is not None:
            return found
        found = _named_days(rest, published, tense, anchor, en)
        weekday = en.WEEKDAYS.index(weekday_and_day.group(1))
        if found is None or found.start is None or found.start.weekday() == weekday:
            return found
        for shift in (-1, 1):
            other = _day_or_none(found.start.year + shift, found.start.month, found.start.day)
            if other and other.start and other.start.weekday() == weekday:
                return other
        return found
    named = en.NAMED_WEEKDAY.fullmatch(bare)
    if named:
        weekday = en.WEEKDAYS.index(named.group("weekday"))
        return day(_weekday(published, weekday, named.group("shift"), tense))
    for pattern in (en.MONTH_DAY, en.DAY_MONTH):
        found = pattern.fullmatch(bare)
        if found and not found.group("year"):
            number, day_number = en.MONTH_NUMBERS[found.group("month")], int(found.group("day"))
            days = [_day_or_none(y, number, day_number) for y in _years_around(published)]
            return _pick([d for d in days if d is not None], published, tense, en)
    holiday = bare.removeprefix("the ")
    if _is_holiday(holiday, en):
        days = [_holiday(holiday, y, en) for y in _years_around(published)]
        return _pick(days, published, tense, en)
    holiday = holiday.removesuffix(" week")
    if _is_holiday(holiday, en):  # "Easter week", "Christmas week": the week it falls in
        weeks = [
            week(_holiday(holiday, y, en).start or published) for y in _years_around(published)
        ]
        return _pick(weeks, published, tense, en)
    return None


def _is_holiday(name: str, en: ModuleType) -> bool:
    return name in en.HOLIDAYS or name in en.MOVABLE_HOLIDAYS or name in en.EASTER


def _weekday(published: date, weekday: int, shift: str | None, tense: str | None) -> date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if shift in {"last", "this past"}:
        return published - timedelta(days=back or 7)
    if shift in {"next", "this coming"}:
        return published + timedelta(days=ahead or 7)
    if shift == "this":
        return published - timedelta(days=published.weekday()) + timedelta(days=weekday)
    if tense in {FUTURE, SCHEDULED}:  # "will meet Monday", "meets Monday": the coming one, or
        return published + timedelta(days=ahead)  # the report's own day, as news names it
    return published - timedelta(days=back)  # news tells of days past


def _holiday(name: str, year_number: int, en: ModuleType) -> DateValue:
    if name in en.EASTER:
        return day(easter(year_number))
    if name in en.HOLIDAYS:
        return day(date(year_number, *en.HOLIDAYS[name]))
    month_number, weekday, nth = en.MOVABLE_HOLIDAYS[name]
    first = date(year_number, month_number, 1)
    if nth > 0:
        return day(first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1)))
    last = month(year_number, month_number).end or first
    return day(last - timedelta(days=(last.weekday() - weekday) % 7))


def _years_around(published: date) -> list[int]:
    return [published.year - 1, published.year, published.year + 1]


def _pick(
    maybe: Sequence[DateValue | None], published: date, tense: str | None, en: ModuleType
) -> DateValue | None:
    """Of the same day or month in consecutive years, the one the tense points to: the latest
    not after the report for the past, the first not before it for the future, else the
    nearest to the report, the future counting for more (news tells of the past)."""
    candidates = [c for c in maybe if c is not None]
    past = [c for c in candidates if c.start and c.start <= published]
    if tense == PAST and past:
        return past[-1]
    future = [c for c in candidates if c.end and c.end >= published]
    if tense in {FUTURE, SCHEDULED} and future:
        return future[0]

    def distance(value: DateValue) -> float:
        assert value.start is not None and value.end is not None
        if value.start <= published <= value.end:
            return 0
        if value.start > published:
            return (value.start - published).days * en.FUTURE_DISTANCE_WEIGHT
        return (published - value.end).days

    return min(candidates, key=distance, default=None)


def _months(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """ "August 1988", "June last year", "last April", "this September", "December"."""
    bare = _without_modifiers(text, en)
    found = en.MONTH_YEAR.fullmatch(bare)
    if found:
        number = en.MONTH_NUMBERS[found.group("month")]
        if found.group("shift"):
            if published is None:
                return None
            return month(published.year + en.SHIFTS[found.group("shift")], number)
        return month(int(found.group("year")), number)
    in_words = en.MONTH_AND_WORDS.fullmatch(bare)
    year_number = _year_in_words(in_words.group(2), en) if in_words else None
    if in_words and year_number:  # "January nineteen ninety-seven"
        return month(year_number, en.MONTH_NUMBERS[in_words.group(1)])
    named = en.NAMED_MONTH.fullmatch(bare)
    if not named or published is None:
        return None
    number, shift = en.MONTH_NUMBERS[named.group("month")], named.group("shift")
    if shift == "this":
        return month(published.year, number)
    if shift in {"last", "this past"}:  # the month just ended is "last month": "last
        # February" in a March paper is a year back
        back = (published.month - number) % 12
        return month(published.year, published.month - (back + 12 if back <= 1 else back))
    if shift in {"next", "this coming"}:
        return month(published.year + (1 if number <= published.month else 0), number)
    return _pick([month(y, number) for y in _years_around(published)], published, tense, en)


def _years(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """ "1998", "fiscal 1989", "mid-1996", "'98", "nineteen ninety-six", "the 1990s",
    "the nineties", "the 20th century", "this century"."""
    bare = _without_modifiers(text, en)
    found = en.YEAR.fullmatch(bare)
    if found:
        if found.group("year"):
            return year(int(found.group("year")))
        return year(_full_year(int(found.group("short")), published))
    in_words = _year_in_words(bare, en)
    if in_words is not None:
        return year(in_words)
    found = en.DECADE.fullmatch(bare)
    if found:
        if found.group("year"):
            return decade(int(found.group("year")) * 10)
        tens = (
            int(found.group("short"))
            if found.group("short")
            else en.DECADE_WORDS.get(found.group("word"))
        )
        if tens is None:
            return None
        return decade(_full_year(tens * 10, published))
    found = en.CENTURY.fullmatch(bare)
    if found:
        if found.group("shift"):
            if published is None:
                return None
            return century(published.year + 100 * en.SHIFTS[found.group("shift")])
        ordinal = found.group("ordinal")
        number = en.ORDINALS.get(ordinal) or _leading_number(ordinal)
        return century((number - 1) * 100) if number else None
    return None


def _full_year(two_digits: int, published: date | None) -> int:
    """'98 -> 1998 and '05 -> 2005: the century that puts it nearest the report."""
    base = (published.year if published else 2000) // 100 * 100
    candidates = [base - 100 + two_digits, base + two_digits]
    reference_year = published.year if published else 2000
    return min(candidates, key=lambda y: (y > reference_year + 10, abs(y - reference_year)))


def _leading_number(text: str) -> int | None:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else None


def _year_in_words(text: str, en: ModuleType) -> int | None:
    found = en.YEAR_WORDS.fullmatch(text)
    if not found:
        return None
    if found.group("century"):
        hundreds = en.NUMBER_WORDS.get(found.group("century"), 20)
        rest = _number_in_words(found.group("rest"), en)
        return None if rest is None else hundreds * 100 + rest
    units = found.group("units")
    rest = _number_in_words(units, en) if units else 0
    return None if rest is None else 2000 + rest


def _number_in_words(text: str, en: ModuleType) -> int | None:
    """ "ninety-six" -> 96, "seven" -> 7, "oh five" -> 5."""
    total = 0
    for part in re.split(r"[- ]", text.replace("hundred", "")):
        if not part or part in en.NUMBER_FILLERS:
            continue
        if part not in en.NUMBER_WORDS:
            return None
        total += en.NUMBER_WORDS[part]
    return total


def _quarters(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """ "the third quarter", "this year's first quarter", "the first half of 1990", "the
    quarter" (the one just told, else the last ended), "the year-ago quarter"."""
    plain = text.removeprefix("the ")
    found = en.HALF.fullmatch(plain)
    if found:
        number = 1 if found.group("ordinal") == "first" else 2
        if found.group("year"):
            return half(int(found.group("year")), number)
        shift = found.group("shift") or found.group("of_shift")
        return half(published.year + en.SHIFTS[shift or "this"], number) if published else None
    bare = _without_modifiers(text, en)
    found = en.QUARTER.fullmatch(bare)
    if found:
        number = int(found.group("number") or en.ORDINALS.get(found.group("ordinal"), 4))
        year_text = found.group("year") or found.group("of_year")
        shift = found.group("shift") or found.group("of_shift")
        if year_text:
            return quarter(int(year_text), number)
        if published is None:
            return None
        if shift:
            return quarter(published.year + en.SHIFTS[shift], number)
        ahead = number > _quarter_number(published)
        return quarter(published.year - (1 if ahead and tense == PAST else 0), number)
    if published is None:
        return None
    current = quarter(published.year, _quarter_number(published))
    last_ended = shifted(current, -1, en)
    told = anchor if anchor is not None and anchor.granularity == "quarter" else None
    found = en.YEAR_AGO_QUARTER.fullmatch(plain)
    if found:  # a year before the quarter reported on: the one just told, unless that is one
        # still ahead ("losses through the third quarter of 1990"), else the last ended
        told = _reported_quarter(told, published)
        base = told or last_ended
        if base is None or base.start is None:
            return None
        number = en.ORDINALS.get(found.group("ordinal") or "", _quarter_number(base.start))
        target_year = int(found.group("year")) if found.group("year") else base.start.year - 1
        return replace(quarter(target_year, number), anaphoric=told is not None)
    if en.THAT_QUARTER.fullmatch(plain):
        if re.search(r"\b(this|current)\b", plain):
            return current
        if told is not None and not re.search(r"\b(latest|last|previous|past|recent)\b", plain):
            return replace(told, anaphoric=True)
        return last_ended
    return None


def _periods(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """ "last week", "this month", "earlier this year", "the weekend", "last summer",
    "five years ago", "a year earlier", "the following month"."""
    if published is None:
        return None
    inside = en.WITHIN_PERIOD.fullmatch(text)
    bare = _without_modifiers(inside.group("rest") if inside else text, en)
    today = day(published)
    told = anchor if anchor is not None and anchor.start is not None else None
    if bare == "weekend" and bare != text:  # "the weekend": the one past, or the next one
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        ahead = tense == FUTURE or (tense == SCHEDULED and saturday < published)
        return weekend(saturday + timedelta(weeks=1) if ahead else saturday)
    found = en.BEFORE_LAST.fullmatch(bare)
    if found:  # "the week before last": the one before last week
        return shifted(_period_of(found.group("unit"), today), -2, en)
    told_period = en.ANAPHORIC_PERIOD.fullmatch(bare)
    if told_period and told is not None and told_period.group("shift") in en.TOLD_ONLY_SHIFTS:
        return _from_told(told_period, told, published, en)  # "the previous week" of the day told
    found = en.SHIFTED_PERIOD.fullmatch(bare)
    if found:
        period = _period_of(found.group("unit"), today)
        steps = en.SHIFTS[found.group("shift")]
        this = found.group("shift") == "this" and period.granularity == "weekend"
        if this and tense == PAST and period.start and period.start > published:
            steps = -1  # "were there this weekend", told on a Monday: the one just past
        return shifted(period, steps, en)
    found = en.SEASON.fullmatch(bare)
    if found:
        return _season(found, published, tense, en)
    found = en.COUNTED.fullmatch(bare)
    if found:
        direction = en.COUNTED_DIRECTIONS[found.group("direction")]
        if found.group("amount") in en.VAGUE_AMOUNTS:
            return reference("PAST_REF" if direction < 0 else "FUTURE_REF", published)
        amount = _amount(found.group("amount"), en)
        if amount is None:
            return None
        from_told = told is not None and found.group("direction") in en.ANAPHORIC_DIRECTIONS
        base = told if from_told and told is not None else today
        unit = found.group("unit").replace("centurie", "century")
        reported = _reported_quarter(told, published)
        if unit == "year" and reported is not None:
            moved = shifted(reported, 4 * amount * direction, en)  # "the quarter ... a year ago"
            from_told = True
        else:
            moved = shifted(_period_of(unit, base), amount * direction, en)
        return replace(moved, anaphoric=from_told) if moved else None
    if en.YEAR_AGO.fullmatch(bare) or bare in en.YEAR_AGO_WORDS:
        reported = _reported_quarter(told, published)
        if reported is not None:
            moved = shifted(reported, -4, en)
            return replace(moved, anaphoric=True) if moved else None
        return shifted(_period_of("year", today), -1, en)
    if told_period and told is not None:
        return _from_told(told_period, told, published, en)
    found = en.PLAIN_PERIOD.fullmatch(bare)
    if found and bare != text:  # "the year", "this week"; not "week" alone
        return _period_of(found.group("unit"), today)
    return None


def _from_told(
    found: re.Match[str], told: DateValue, published: date, en: ModuleType
) -> DateValue | None:
    """ "the following month", "that week", "the previous year": a period counted from the
    date told just before."""
    unit = found.group("unit")
    unit = "day" if unit in en.PARTS_OF_DAY_WORDS else unit
    base = _base_within(unit, told, published)
    moved = shifted(_period_of(unit, base), en.ANAPHORIC_SHIFTS[found.group("shift")], en)
    return replace(moved, anaphoric=base is told) if moved else None


_GRANULARITY_ORDER = ("day", "weekend", "week", "month", "quarter", "season", "half", "year",
                      "decade", "century")  # fmt: skip


def _base_within(unit: str, told: DateValue, published: date) -> DateValue:
    """What "that day", "the next week" count from: the date told, unless it is coarser than the
    unit ("that day" after "this year"), when its first day would be an arbitrary guess and the
    report's day, if inside it, is the one a reader takes."""
    finer = (
        unit in _GRANULARITY_ORDER
        and told.granularity in _GRANULARITY_ORDER
        and (_GRANULARITY_ORDER.index(unit) < _GRANULARITY_ORDER.index(told.granularity))
    )
    inside = told.start is not None and told.end is not None and told.start <= published <= told.end
    return day(published) if finer and inside else told


def _reported_quarter(told: DateValue | None, published: date) -> DateValue | None:
    """The quarter just told when it is the one a report is about (ended within the year
    before the report, or running): "a year ago" is then that quarter a year before. A quarter
    told from further back is itself a year ago, not counted back once more."""
    if told is None or told.granularity != "quarter" or told.end is None:
        return None
    return (
        told
        if published - timedelta(days=365) < told.end <= published + timedelta(days=92)
        else None
    )


def _period_of(unit: str, value: DateValue) -> DateValue:
    """The week, month, year... that `value` falls in."""
    when = value.start
    assert when is not None, "a period is found from a dated value"
    if unit == "day":
        return day(when)
    if unit == "week":
        return week(when)
    if unit == "weekend":
        return weekend(when)
    if unit == "month":
        return month(when.year, when.month)
    if unit == "quarter":
        return quarter(when.year, _quarter_number(when))
    if unit == "decade":
        return decade(when.year)
    if unit == "century":
        return century(when.year)
    return year(when.year)


def _season(
    found: re.Match[str], published: date, tense: str | None, en: ModuleType
) -> DateValue | None:
    code = en.SEASONS[found.group("season")]
    if found.group("year"):
        return season(int(found.group("year")), code, en)
    if found.group("year_words"):
        number = _year_in_words(found.group("year_words"), en)
        return season(number, code, en) if number else None
    year_shift = found.group("year_shift") or found.group("of_shift")
    if year_shift:  # "last year's summer", "the spring of next year"
        return season(published.year + en.SHIFTS[year_shift], code, en)
    shift = found.group("shift")
    this_year = season(published.year, code, en)
    if shift == "this":
        return this_year
    assert this_year.start is not None and this_year.end is not None
    if shift in {"last", "this past"}:
        return this_year if this_year.end < published else season(published.year - 1, code, en)
    if shift in {"next", "this coming"}:
        return this_year if this_year.start > published else season(published.year + 1, code, en)
    return _pick([season(y, code, en) for y in _years_around(published)], published, tense, en)


def _amount(text: str, en: ModuleType) -> int | None:
    if text.isdigit():
        return int(text)
    return en.NUMBER_WORDS.get(text) or _number_in_words(text, en) or None


def _parsed(
    text: str, published: date | None, tense: str | None, anchor: DateValue | None, en: ModuleType
) -> DateValue | None:
    """Other forms that name a month or a day by number, left to dateparser."""
    has_month = any(name in text.split() for name in en.MONTH_NUMBERS)
    if not has_month and not re.search(r"\d", text) or en.DURATION.fullmatch(text):
        return None
    bare = _without_modifiers(text, en)
    if en.DURATION.fullmatch(bare) or en.BARE_NUMBER.fullmatch(bare):
        return None  # "about 132 years" is a stretch; "52" alone an age or a count
    ahead = tense in {FUTURE, SCHEDULED}
    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if ahead else "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    elif not re.search(r"\d{4}", text):
        return None
    parsed = dateparser.parse(text, languages=en.DATE_LANGUAGES, settings=settings)
    return day(parsed.date()) if parsed is not None else None


_RESOLVERS = (_vague, _told, _absolute, _named_days, _months, _quarters, _years, _periods, _parsed)
