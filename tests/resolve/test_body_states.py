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
