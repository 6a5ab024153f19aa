"""A generic body ('Congress', 'the Senate') takes the state whose government acts in its
document, not the state the document is about (bench/README.md, "Generic bodies: the state
whose institutions act")."""

from __future__ import annotations

from counterpoint.records import Mention
from counterpoint.resolve.resolver import resolve_entities


def _placed(text: str, *names: tuple[str, str]) -> list[Mention]:
    """Mentions of (name, label) at each place `name` occurs in `text`."""
    found: list[Mention] = []
    for name, label in names:
        at = text.find(name)
        while at >= 0:
            found.append(Mention("d1", len(found), 0, at, at + len(name), name, label))
            at = text.find(name, at + 1)
    return found


def bodies(text: str, *names: tuple[str, str]) -> list[str]:
    """The names of the bodies resolved from the mentions of `names` in `text`."""
    entities = resolve_entities(_placed(text, *names), {"d1": text})
    return [e.name for e in entities if e.type == "PublicBody"]


def test_a_body_is_of_the_state_whose_institutions_act_not_of_the_subject() -> None:
    """'Congress (Russia)': an article on the Russia inquiry names Russia more than the US; its
    FBI and White House are the US acting."""
    text = (
        "Russia denied it. The FBI asked about Russia's banks, the White House said. "
        "Congress will hear the FBI on Russia, the White House said."
    )
    found = bodies(
        text, ("Russia", "GPE"), ("FBI", "ORG"), ("White House", "ORG"), ("Congress", "ORG")
    )
    assert [name for name in found if name.startswith("Congress")] == ["Congress (United States)"]


def test_the_kremlin_is_russia_acting() -> None:
    """The same for another state: its bodies are that state's."""
    text = "The Kremlin said the Duma met. The Kremlin and Ukraine. The Parliament voted."
    found = bodies(
        text, ("Kremlin", "ORG"), ("Duma", "ORG"), ("Ukraine", "GPE"), ("Parliament", "ORG")
    )
    assert "Parliament (Russia)" in found


def test_a_legislator_written_with_party_and_state_is_the_us_acting() -> None:
    """'Sen. Ann Hale, R-Texas,' is a member of the US Congress: 'the Senate' of a story on
    Israel that quotes her is the US Senate."""
    text = (
        "Israel voted. Sen. Ann Hale, R-Texas, and Rep. Bo Lind (D-Calif.) spoke of it. "
        "The Senate will act, Hale said."
    )
    found = bodies(
        text, ("Israel", "GPE"), ("Ann Hale", "PERSON"), ("Bo Lind", "PERSON"), ("Senate", "ORG")
    )
    assert found == ["Senate (United States)"]


def entities(text: str, *names: tuple[str, str]) -> dict[str, str]:
    """Name -> type of the entities resolved from the mentions of `names` in `text`."""
    return {e.name: e.type for e in resolve_entities(_placed(text, *names), {"d1": text})}


def test_a_state_named_as_a_province_of_the_state_a_text_names_is_that_province() -> None:
    """'Georgia' beside Ohio and the US is the US state, not the country, and 'the Senate' of
    its voters is not Georgia's."""
    text = (
        "Voters in Macon, Georgia, and in Ohio waited for hours. The US Senate met. "
        "Georgia counted again, and the Senate waited."
    )
    found = entities(text, ("Georgia", "GPE"), ("Ohio", "GPE"), ("US", "GPE"), ("Senate", "ORG"))
    assert found["Georgia"] == "Location"
    assert "Senate (Georgia)" not in found


def test_the_state_stays_a_state_where_the_text_names_it_otherwise() -> None:
    """Its capital says the country; a neighbour's people ('Nigerian troops' beside 'Niger')
    do not make it the neighbour's province."""
    text = "Tbilisi said Georgia and the US agreed. Ohio voted."
    found = entities(text, ("Tbilisi", "GPE"), ("Georgia", "GPE"), ("US", "GPE"), ("Ohio", "GPE"))
    assert found["Georgia"] == "Country"
    text = "US troops died in Niger. Nigerian soldiers came. The US said Niger was calm."
    found = entities(text, ("US", "GPE"), ("Niger", "GPE"), ("Nigerian", "NORP"))
    assert found["Niger"] == "Country"
