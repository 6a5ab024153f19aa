"""Figures: the numbers a reader might compare, with value, unit, qualifier, what they measure,
whom they are about and when, and the words stating them."""

from __future__ import annotations

import pytest

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.figures import find_figures
from counterpoint.records import Figure


def figures(text: str) -> list[Figure]:
    nlp = load_pipeline(Settings().spacy_model)
    found = find_figures(nlp(text))
    for figure in found:
        assert figure.doc == ""
        assert text[figure.start : figure.end].strip() == text[figure.start : figure.end]
    return found


def written(text: str) -> dict[str, Figure]:
    """Each figure by the words stating it."""
    return {text[f.start : f.end]: f for f in figures(text)}


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("At least 66 people died in the floods in Marrow.", "At least 66 people", "at least"),
        ("Police detained more than 40 people in Kestrel.", "more than 40 people", "more than"),
        ("Over 500 jobs were lost at the plant.", "Over 500 jobs", "more than"),
        ("Some 140,000 soldiers took part in the drills.", "Some 140,000 soldiers", "about"),
        ("About 3,000 troops were sent to the border.", "About 3,000 troops", "about"),
        ("An estimated 4,000 workers joined the strike.", "An estimated 4,000 workers", "about"),
        ("Nearly 200 farms burned last summer.", "Nearly 200 farms", "nearly"),
        ("Almost 90 lawmakers signed the letter.", "Almost 90 lawmakers", "almost"),
        ("Fewer than 20 voters turned up.", "Fewer than 20 voters", "less than"),
        ("The law allows up to 90 days of detention.", "up to 90 days", "up to"),
        ("The office hired 12 lawyers.", "12 lawyers", "exact"),
    ],
)
def test_each_qualifier(text: str, span: str, qualifier: str) -> None:
    found = written(text)
    assert span in found, found
    assert found[span].qualifier == qualifier


def test_money_scales_and_currencies() -> None:
    text = (
        "Dravon Holdings pledged $2.4 billion, the bank lent US$3 million, the fund raised "
        "€5m, the council spent £1.2 billion and the farmers lost 3,000 soles."
    )
    found = written(text)
    assert (found["$2.4 billion"].value, found["$2.4 billion"].unit) == (2.4e9, "USD")
    assert (found["US$3 million"].value, found["US$3 million"].unit) == (3e6, "USD")
    assert (found["€5m"].value, found["€5m"].unit) == (5e6, "EUR")
    assert (found["£1.2 billion"].value, found["£1.2 billion"].unit) == (1.2e9, "GBP")
    assert (found["3,000 soles"].value, found["3,000 soles"].unit) == (3000, "PEN")


def test_money_in_words_and_per_year() -> None:
    found = written("The mine would earn about $310 million a year and cost 40 million euros.")
    assert found["about $310 million a year"].unit == "USD per year"
    assert found["about $310 million a year"].value == 310e6
    assert (found["40 million euros"].value, found["40 million euros"].unit) == (40e6, "EUR")


def test_nearly_three_billion_for_an_investment() -> None:
    found = written("The project will bring nearly $3 billion in investment to Tarsa.")
    figure = found["nearly $3 billion"]
    assert (figure.value, figure.unit, figure.qualifier) == (3e9, "USD", "nearly")
    assert figure.measures == "investment"


def test_percentages() -> None:
    found = written("Turnout was 41 percent, up from 38% and 3.5 per cent in the towns.")
    assert {span: (f.value, f.unit) for span, f in found.items()} == {
        "41 percent": (41.0, "percent"),
        "38%": (38.0, "percent"),
        "3.5 per cent": (3.5, "percent"),
    }


def test_spelled_numbers_and_scale_words() -> None:
    found = written(
        "Twenty-seven protesters were arrested, 6.2 million voters are registered and "
        "1.2m people live in the valley."
    )
    assert found["Twenty-seven protesters"].value == 27
    assert found["6.2 million voters"].value == 6.2e6
    assert found["1.2m people"].value == 1.2e6


def test_counted_noun_and_what_happens_to_it() -> None:
    found = written("Police killed 12 protesters, and 23 police officers were injured.")
    assert found["12 protesters"].unit == "protesters"
    assert found["12 protesters"].measures == "protesters killed"
    assert found["23 police officers"].unit == "officers"
    assert found["23 police officers"].measures == "police officers injured"


def test_a_percentage_of_what_the_subject_is() -> None:
    found = written("Halvan copper exports, which account for 41 percent of export earnings, grew.")
    assert found["41 percent"].measures == "copper exports"


def test_durations_and_ranks() -> None:
    found = written("Brevia is the second largest producer of tin and has mined it for 90 days.")
    assert (found["90 days"].value, found["90 days"].unit) == (90, "days")
    rank = found["second largest producer"]
    assert (rank.value, rank.unit, rank.measures) == (2, "rank", "largest producer")


def test_the_actor_a_figure_is_about() -> None:
    nlp = load_pipeline(Settings().spacy_model)
    doc = nlp("The Orvane Mining Group paid $1.8 million to a consultancy.")
    (figure,) = find_figures(doc)
    assert figure.about is not None
    assert doc.ents[figure.about].text == "The Orvane Mining Group"
    doc = nlp("Dravon Holdings's $2.4 billion plan for the mine was approved.")
    (figure,) = find_figures(doc)
    assert figure.about is not None
    assert doc.ents[figure.about].text.startswith("Dravon Holdings")


def test_refers_to_an_absolute_year_or_date() -> None:
    found = written("In 2029, exports will reach 41 percent of output.")
    assert found["41 percent"].refers_to == "2029"
    found = written("At least 66 people died on January 13, 2025 in the floods.")
    assert found["At least 66 people"].refers_to == "2025-01-13"
    found = written("At least 66 people died on Monday in the floods.")
    assert found["At least 66 people"].refers_to is None


def test_dates_years_times_and_article_numbers_are_not_figures() -> None:
    text = (
        "Article 134 of the Constitution was invoked in 2019 at 10:30 on January 13. "
        "Marta Ilves (45) said so. Call 555-0134 for details. Two-thirds of the chamber agreed."
    )
    assert figures(text) == []


def test_sentence_index_and_offsets() -> None:
    text = "The vote was close. Officials counted 412 ballots in Ostra."
    (figure,) = figures(text)
    assert figure.sentence == 1
    assert text[figure.start : figure.end] == "412 ballots"


# --- number words, ranges, rates, split amounts, day counts ----------------------------------


def test_a_dozen_and_scales_of_twelve() -> None:
    found = written("A dozen firefighters were hurt and about two dozen homes burned.")
    assert (found["A dozen firefighters"].value, found["A dozen firefighters"].qualifier) == (
        12,
        "exact",
    )
    assert (found["about two dozen homes"].value, found["about two dozen homes"].qualifier) == (
        24,
        "about",
    )


def test_half_a_dozen() -> None:
    found = written("Half a dozen ministers resigned.")
    assert found["Half a dozen ministers"].value == 6


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Hundreds of protesters marched.", "Hundreds of protesters", 100, "protesters"),
        ("Dozens of homes were flooded.", "Dozens of homes", 12, "homes"),
        ("Thousands of workers walked out.", "Thousands of workers", 1e3, "workers"),
        ("Tens of thousands of people fled.", "Tens of thousands of people", 1e4, "people"),
        ("It cut power to hundreds of thousands of homes.", "hundreds of thousands of homes",
         1e5, "homes"),
        ("The scheme cost millions of dollars.", "millions of dollars", 1e6, "USD"),
        ("Several hundred farmers blocked the road.", "Several hundred farmers", 100, "farmers"),
    ],
)  # fmt: skip
def test_plural_number_words_are_a_lower_bound_within_tenfold(
    text: str, span: str, value: float, unit: str
) -> None:
    """Hundreds of" is at least 100 and fewer than 1,000: the value is the low end, the
    qualifier "several" says up to ten times it."""
    found = written(text)
    assert span in found, found
    assert (found[span].value, found[span].unit, found[span].qualifier) == (value, unit, "several")


def test_amounts_split_by_a_quote_mark_or_a_line_break() -> None:
    found = written('The wall would cost $5.6 "billion" and the fund $2.1\nbillion.')
    values = sorted((f.value, f.unit) for f in found.values())
    assert values == [(2.1e9, "USD"), (5.6e9, "USD")], found
    found = written("He spent $7-billion on the wall.")
    assert [(f.value, f.unit) for f in found.values()] == [(7e9, "USD")]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("Between 20 and 30 people were hurt.", "Between 20 and 30 people", 20, 30, "people"),
        ("She will need money in the next 30 to 60 days.", "30 to 60 days", 30, 60, "days"),
        ("The plan costs $5 billion to $7 billion.", "$5 billion to $7 billion", 5e9, 7e9, "USD"),
        ("The plan costs $5 to $7 billion.", "$5 to $7 billion", 5e9, 7e9, "USD"),
        ("Prices rose 3-4 percent in the towns.", "3-4 percent", 3, 4, "percent"),
        ("It happened two or three weeks ago.", "two or three weeks", 2, 3, "weeks"),
    ],
)
def test_ranges_keep_both_ends(text: str, span: str, low: float, high: float, unit: str) -> None:
    found = written(text)
    assert span in found, found
    figure = found[span]
    assert (figure.value, figure.high, figure.unit, figure.qualifier) == (
        low,
        high,
        unit,
        "between",
    )


def test_a_change_from_one_value_to_another_is_no_range() -> None:
    found = written("Turnout rose from 40 to 50 percent.")
    assert all(f.high is None for f in found.values()), found


def test_scores_and_years_joined_by_a_hyphen_are_no_range() -> None:
    assert figures("The Senate voted 53-47 on the bill in 2019-2020.") == []


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Prices grew 3 percent a year.", "3 percent a year", "percent per year"),
        ("The clinic treats 40 patients per week.", "40 patients per week", "patients per week"),
        ("Workers earn $15 an hour.", "$15 an hour", "USD per hour"),
    ],
)
def test_rates_per_period(text: str, span: str, unit: str) -> None:
    found = written(text)
    assert span in found, found
    assert found[span].unit == unit


def test_a_year_ago_is_no_rate() -> None:
    found = written("Turnout was 40 percent a year ago.")
    assert found["40 percent"].unit == "percent"


def test_the_nth_day_of_a_tally() -> None:
    found = written("The strike entered the 14th day of the shutdown on Monday.")
    figure = found["the 14th day of the shutdown"]
    assert (figure.value, figure.unit, figure.qualifier) == (14, "days", "exact")
    assert figure.measures == "shutdown"
    found = written("It was day 30 of the siege.")
    assert (found["day 30 of the siege"].value, found["day 30 of the siege"].measures) == (
        30,
        "siege",
    )


def test_durations_stay_durations() -> None:
    found = written("The shutdown has lasted 14 days and the talks three weeks.")
    assert (found["14 days"].value, found["14 days"].unit) == (14, "days")
    assert (found["three weeks"].value, found["three weeks"].unit) == (3, "weeks")


def test_fractions_of_one_ages_and_dates_before_a_month() -> None:
    found = written("Growth slowed by 0.6 percentage points. She is 13 years old.")
    assert list(found) == ["0.6 percentage points"]
    assert found["0.6 percentage points"].value == 0.6
    assert figures("Leaders met at the 27 April summit.") == []


def test_qualifiers_written_after_the_figure() -> None:
    found = written("They served for four years at least and bought $100-plus tickets.")
    assert found["four years at least"].qualifier == "at least"
    assert (found["$100-plus"].value, found["$100-plus"].qualifier) == (100, "at least")
    found = written("We expect 20 people or more.")
    assert found["20 people or more"].qualifier == "at least"


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        (
            "At least 14 are confirmed dead after the flood in Marrow.",
            "At least 14 are confirmed dead",
            14,
            "dead",
        ),
        ("Three were killed and 12 injured in the blast.", "Three were killed", 3, "killed"),
        ("Three were killed and 12 injured in the blast.", "12 injured", 12, "injured"),
        ("Two were arrested on Monday, police said.", "Two were arrested", 2, "arrested"),
    ],
)
def test_a_toll_told_without_a_noun(text: str, span: str, value: float, unit: str) -> None:
    """'At least 60 are confirmed dead': the number alone stands for the people, and what
    befell them is the unit (a condo collapse's toll had been found in one report of three)."""
    figure = written(text)[span]
    assert (figure.value, figure.unit) == (value, unit)


def test_the_new_level_of_a_toll() -> None:
    """'The number of confirmed dead jumped to 60 overnight', 'the death toll rose to 45'."""
    found = written("The number of confirmed dead in Marrow jumped to 38 overnight.")
    assert (found["38"].value, found["38"].unit) == (38, "dead")
    found = written("The death toll rose to 45 on Monday.")
    assert (found["45"].value, found["45"].unit) == (45, "death toll")
    assert written("Of the 10 senators, 3 voted against the bill.").keys() == {"10 senators"}
