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


def test_a_body_is_of_the_state_whose_institutions_act_not_of_the_subject() -> None:
    """'Congress (Russia)': an article on the Russia inquiry names Russia more than the US; its
    FBI and White House are the US acting."""
    text = (
        "Russia denied it. The FBI asked about Russia's banks, the White House said. "
        "Congress will hear the FBI on Russia, the White House said."
    )
    mentions = _placed(
        text, ("Russia", "GPE"), ("FBI", "ORG"), ("White House", "ORG"), ("Congress", "ORG")
    )
    bodies = [e for e in resolve_entities(mentions, {"d1": text}) if e.type == "PublicBody"]
    congress = [e for e in bodies if e.name.startswith("Congress")]
    assert [e.name for e in congress] == ["Congress (United States)"]


def test_the_kremlin_is_russia_acting() -> None:
    """The same for another state: its bodies are that state's."""
    text = "The Kremlin said the Duma met. The Kremlin and Ukraine. The Parliament voted."
    mentions = _placed(
        text, ("Kremlin", "ORG"), ("Duma", "ORG"), ("Ukraine", "GPE"), ("Parliament", "ORG")
    )
    bodies = [e for e in resolve_entities(mentions, {"d1": text}) if e.type == "PublicBody"]
    assert "Parliament (Russia)" in [e.name for e in bodies]


def test_a_legislator_written_with_party_and_state_is_the_us_acting() -> None:
    """'Sen. Ann Hale, R-Texas,' is a member of the US Congress: 'the Senate' of a story on
    Israel that quotes her is the US Senate."""
    text = (
        "Israel voted. Sen. Ann Hale, R-Texas, and Rep. Bo Lind (D-Calif.) spoke of it. "
        "The Senate will act, Hale said."
    )
    mentions = _placed(
        text, ("Israel", "GPE"), ("Ann Hale", "PERSON"), ("Bo Lind", "PERSON"), ("Senate", "ORG")
    )
    bodies = [e for e in resolve_entities(mentions, {"d1": text}) if e.type == "PublicBody"]
    assert [e.name for e in bodies] == ["Senate (United States)"]
