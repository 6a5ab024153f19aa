"""States by name, capital and demonym, from the data that ships in the `countryinfo` package
(nothing is looked up online), and the few companies the tagger takes for persons. Names are
matched after `normalise_name` (case, accents and punctuation folded)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from countryinfo import all_countries

from counterpoint.lang import DEFAULT_LANGUAGE, words
from counterpoint.nlp.names import normalise_name as normalise

# Platforms and outlets whose names are nobody's, which the small English model takes for
# persons (on 1,300 AllSides articles "Twitter" was a PERSON 303 times of 305, "Politico" 64 of
# 82). Names shared with people ("Bloomberg", "Fox") are left out.
COMPANIES = frozenset({
    "twitter", "facebook", "instagram", "youtube", "tiktok", "reddit", "whatsapp", "telegram",
    "linkedin", "snapchat", "parler", "google", "netflix", "politico", "axios", "breitbart",
    "reuters", "cnn", "msnbc", "buzzfeed", "huffpost",
})  # fmt: skip


@dataclass(frozen=True)
class State:
    iso: str  # ISO 3166-1 alpha-2
    name: str
    capital: str | None
    demonym: str | None


@dataclass(frozen=True)
class Gazetteer:
    by_iso: dict[str, State]
    by_name: dict[str, State]
    by_capital: dict[str, State]
    by_demonym: dict[str, State]
    by_province: dict[str, State]  # the name of one state's province ('georgia': US)

    def state_name(self, iso: str) -> str:
        state = self.by_iso.get(iso)
        return state.name if state else iso

    def state(self, name: str) -> State | None:
        return self.by_name.get(name)

    def capital(self, name: str) -> State | None:
        return self.by_capital.get(name)

    def demonym(self, name: str) -> State | None:
        """'peruvian', 'peruvians' -> Peru."""
        return self.by_demonym.get(name) or self.by_demonym.get(name.removesuffix("s"))

    def province(self, name: str) -> State | None:
        """The state one of whose provinces (states, regions) has this name, if only one has."""
        return self.by_province.get(name)


@lru_cache(maxsize=2)
def load_gazetteer(language: str = DEFAULT_LANGUAGE) -> Gazetteer:
    """The states, with the abbreviations news in `language` uses for them."""
    by_name: dict[str, State] = {}
    by_capital: dict[str, State] = {}
    by_demonym: dict[str, State] = {}
    provinces: dict[str, set[str]] = defaultdict(set)
    states: dict[str, State] = {}
    # Where states share a name or demonym ("American"), the most populous one is meant.
    infos = sorted((c.info() for c in all_countries()), key=lambda i: -(i.get("population") or 0))
    for info in infos:
        codes = info.get("ISO") or {}
        iso = codes.get("alpha2")
        if not iso:
            continue
        capital = info.get("capital") or None
        if isinstance(capital, list):  # a few states list several capitals
            capital = capital[0] if capital else None
        # Parts of a state share its code (Wales, GB): they all stand for the whole state.
        state = states.setdefault(
            iso, State(iso=iso, name=info["name"], capital=capital, demonym=info.get("demonym"))
        )
        names = [info["name"], *(info.get("altSpellings") or [])]
        names.append((info.get("translations") or {}).get("es") or "")
        for name in names:
            if name and name not in codes.values():
                by_name.setdefault(normalise(name, language), state)
        if capital and state.capital == capital:
            by_capital.setdefault(normalise(capital, language), state)
            # "Washington D.C." is written "Washington" when it stands for the state.
            by_capital.setdefault(normalise(capital.split(" D.C.")[0], language), state)
        if info.get("demonym"):
            by_demonym.setdefault(normalise(info["demonym"], language), state)
        for province in info.get("provinces") or []:
            provinces[normalise(province, language)].add(iso)
    for abbreviation, iso in words(language, "resolve").ABBREVIATIONS.items():
        if iso in states:
            by_name.setdefault(abbreviation, states[iso])
    by_name.pop("", None)
    by_province = {name: states[isos.pop()] for name, isos in provinces.items() if len(isos) == 1}
    return Gazetteer(
        by_iso=states,
        by_name=by_name,
        by_capital=by_capital,
        by_demonym=by_demonym,
        by_province=by_province,
    )
