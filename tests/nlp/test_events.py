"""Events read off the parse: type, who did it to whom, where, when, how many, and whether it
happened at all."""

from __future__ import annotations

from datetime import date

import pytest

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.events import EXTENSIONS, PLOVER_TYPES, find_events, plover_type
from counterpoint.records import Event

PUBLISHED = date(2023, 1, 10)


def events(text: str, published: date | None = PUBLISHED) -> list[tuple[Event, dict[str, str]]]:
    """The events of a text, each with its roles written out."""
    nlp = load_pipeline(Settings().spacy_model)
    sdoc = nlp(text)
    found = []
    for event in find_events(sdoc, published):
        assert event.doc == ""
        assert event.type in PLOVER_TYPES or event.type in EXTENSIONS
        assert text[event.start : event.end], "the trigger is words of the text"
        names = {
            role: sdoc.ents[index].text
            for role in ("source", "target", "place")
            if (index := getattr(event, role)) is not None
        }
        found.append((event, names))
    return found


def by_trigger(text: str, published: date | None = PUBLISHED) -> dict[str, Event]:
    return {text[e.start : e.end]: e for e, _ in events(text, published)}


def roles(text: str, trigger: str) -> dict[str, str]:
    found = {text[e.start : e.end]: names for e, names in events(text)}
    return found[trigger]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Valdoria deployed 140,000 soldiers to the border.", "deployed", "MOBILIZE"),
        ("Tomas Brenner was arrested in Port Ilen.", "arrested", "ARREST"),
        ("Norland's invasion of Valdoria began in March.", "invasion", "FIGHT"),
        ("Farmers staged protests against the government.", "protests", "PROTEST"),
        ("Valdoria threatened to impose sanctions on Norland.", "threatened", "THREATEN"),
        ("Valdoria threatened to impose sanctions on Norland.", "sanctions", "SANCTION"),
        ("Peru and Chile signed a free trade agreement.", "agreement", "TRADE_AGREEMENT"),
        ("Congress dissolved itself.", "dissolved", "DISSOLVE"),
        ("Hugo Brenner stepped down on Monday.", "stepped down", "RESIGN"),
        ("The opposition criticized the budget.", "criticized", "DISAPPROVE"),
        ("Prosecutors opened an investigation into the contracts.", "investigation", "INVESTIGATE"),
        ("Corvane Mining Group acquired Alcantara Consultores.", "acquired", "ACQUIRE"),
    ],
)
def test_verbs_and_nouns_are_typed(text: str, trigger: str, kind: str) -> None:
    assert by_trigger(text)[trigger].type == kind


def test_ordinary_verbs_and_speech_are_no_events() -> None:
    assert events("The minister said the economy had grown and that prices were high.") == []
    assert events("Valdoria has a large army and is a republic.") == []


def test_calling_a_thing_a_name_is_no_request() -> None:
    """'a city far from what they call the epicenter' had corroborated 'called for an end to
    the finger pointing' as one request, in two real reports of one visit."""
    assert events("The mayor went far from what critics call the centre of the crisis.") == []
    assert by_trigger("The mayor called for an end to the strike.")["called"].type == "REQUEST"


def test_a_fall_and_a_booster_shot_are_no_events() -> None:
    """'Poverty declined last year' was a refusal and 'got his booster shot' an assault."""
    assert events("Poverty in Larkspur declined last year.") == []
    assert events("Ida Voss got her booster shot on Monday.") == []
    assert by_trigger("Ida Voss declined to comment.")["declined"].type == "REJECT"
    assert by_trigger("Police shot a man in Larkspur.")["shot"].type == "ASSAULT"


def test_active_voice_subject_acts_on_object() -> None:
    text = "Minister Luis Ortega met President Tomas Brenner in Port Ilen."
    assert roles(text, "met") == {
        "source": "Luis Ortega",
        "target": "Tomas Brenner",
        "place": "Port Ilen",
    }


def test_passive_voice_agent_is_the_source() -> None:
    text = "Tomas Brenner was arrested by the Valdoria police in Port Ilen last week."
    assert roles(text, "arrested") == {
        "source": "Valdoria",
        "target": "Tomas Brenner",
        "place": "Port Ilen",
    }


def test_nominal_events_share_their_patient() -> None:
    text = "Congress voted for the impeachment and arrest of Tomas Brenner on December 6."
    found = by_trigger(text)
    assert found["impeachment"].type == "IMPEACH"
    assert found["arrest"].type == "ARREST"
    assert roles(text, "impeachment") == {"source": "Congress", "target": "Tomas Brenner"}
    assert roles(text, "arrest")["target"] == "Tomas Brenner"


def test_possessor_of_an_event_noun() -> None:
    assert roles("Norland's invasion of Valdoria began in March.", "invasion") == {
        "source": "Norland",
        "target": "Valdoria",
    }


def test_negation() -> None:
    assert by_trigger("Luis Ortega did not meet Tomas Brenner.")["meet"].negated
    assert by_trigger("Valdoria and Norland did not sign the deal.")["deal"].negated
    refused = by_trigger("Norland refused to meet Valdoria.")
    assert refused["refused"].type == "REJECT"
    assert refused["meet"].negated and not refused["refused"].negated
    assert not by_trigger("Luis Ortega met Tomas Brenner.")["met"].negated


def test_modality() -> None:
    assert by_trigger("Luis Ortega could meet Tomas Brenner.")["meet"].modality == "could"
    assert by_trigger("Valdoria will invest $2 billion in Norland.")["invest"].modality == "will"
    expected = by_trigger("Tomas Brenner is expected to visit Mexico.")["visit"]
    assert expected.modality == "expect" and not expected.negated
    threat = by_trigger("Valdoria threatened to impose sanctions on Norland.")
    assert threat["threatened"].modality is None
    assert threat["sanctions"].modality == "threaten"
    assert by_trigger("Luis Ortega met Tomas Brenner.")["met"].modality is None


def test_dates_resolved_against_publication() -> None:
    text = "Congress voted for the impeachment of Tomas Brenner on December 6."
    event = by_trigger(text)["impeachment"]
    assert (event.happened, event.happened_end, event.reported) == (
        "2022-12-06",
        None,
        "2023-01-10",
    )
    week = by_trigger("Tomas Brenner was arrested by the police last week.")["arrested"]
    assert (week.happened, week.happened_end) == ("2023-01-02", "2023-01-08")
    year = by_trigger("Soldiers of Valdoria killed 27 people in Port Ilen in 2019.")["killed"]
    assert (year.happened, year.happened_end) == ("2019-01-01", "2019-12-31")
    assert by_trigger("Luis Ortega met Tomas Brenner.", None)["met"].reported is None


def test_a_date_of_a_noun_is_that_nouns_not_the_clauses() -> None:
    """'Mueller's investigation into Russian meddling in the 2016 election' had put the
    investigation in 2016 (on 600 real articles, about 80 events moved this way were read, four
    in five rightly); a date reaches the clause's event through a preposition of time, or as
    its subject's."""
    probe = by_trigger("Ida Voss will decide this week whether to investigate the June 6 riot.")
    assert probe["investigate"].happened is None and probe["riot"].date_value is not None
    founded = by_trigger("Ida Voss, founder of the 1919 Society, resigned on Monday.")
    assert founded["resigned"].happened == "2023-01-09"
    assert by_trigger("Monday's attack killed nine.")["killed"].happened == "2023-01-09"
    frame = by_trigger("Ida Voss praised the union during the 2016 campaign.")["praised"]
    assert frame.happened == "2016-01-01"


def test_an_event_noun_set_against_the_clause_or_on_another_noun_is_not_at_its_date() -> None:
    """'Before the fall election, Cuomo faces a primary next month' had put the election next
    month, 'faces sentencing next Wednesday in a case for fraud charges' the charges next
    Wednesday; a date inside the phrase is still the noun's, and so is one told through 'of',
    or a setting ('at a news conference on Monday')."""
    before = by_trigger("Before the spring election, Ida Voss faces a primary next month.")
    assert before["election"].happened is None
    nested = by_trigger("Ida Voss faces sentencing next Wednesday in a case for fraud charges.")
    assert nested["charges"].happened is None
    after = by_trigger("After the end of the war in 1953, Valdoria rebuilt its ports.")
    assert after["war"].happened == "1953-01-01"
    wave = by_trigger("Valdoria saw a wave of protests last week.")
    assert wave["protests"].happened == "2023-01-02"
    setting = by_trigger("Ida Voss faced questions at a news conference on Monday.")
    assert setting["conference"].happened == "2023-01-09"


def test_a_number_set_off_after_a_name_is_an_age_not_a_day() -> None:
    """'James Fields, 20,' after a day told had become the 20th of that month."""
    text = "Clashes began on Jan. 4 before Tomas Brenner, 20, was arrested."
    assert by_trigger(text)["arrested"].happened in {None, "2023-01-04"}


def test_magnitudes() -> None:
    killed = by_trigger("Soldiers of Valdoria killed 27 people in Port Ilen in 2019.")["killed"]
    assert killed.dead == 27 and killed.source is not None
    attack = by_trigger("The attack left 3 people injured and 12 dead.")["attack"]
    assert (attack.dead, attack.injured) == (12, 3)
    deployed = by_trigger("Valdoria deployed 140,000 soldiers to the border.")["deployed"]
    assert deployed.size == 140_000 and deployed.dead is None


def test_plover_coding_of_intents_and_extensions() -> None:
    assert plover_type("AID", "will") == "AGREE"
    assert plover_type("SANCTION", "threaten") == "THREATEN"
    assert plover_type("ARREST") == "COERCE"
    assert plover_type("DISAPPROVE") == "ACCUSE"
    assert plover_type("ACCUSE", version="0.5") == "DISAPPROVE"
    assert plover_type("ELECT") is None


def test_sentence_index_and_offsets() -> None:
    text = "Luis Ortega spoke on Monday.\nValdoria expelled two diplomats."
    ((event, _),) = events(text)
    assert (event.sentence, event.type, text[event.start : event.end]) == (
        1,
        "SANCTION",
        "expelled",
    )
