"""Event types and dyads on the PETRARCH2 unit-test / validation records (CAMEO-coded sentences).

    python bench/petrarch2_events.py [--limit N] [--json]

Reads `PETR.UnitTest.records.xml` in place (`<repo>/../shared/bench-data/petrarch2_validation`):
each `<Sentence>` has a `<Text>` and one or more `<EventCoding sourcecode targetcode eventcode>`
(or `noevents="True"`). Gold CAMEO codes are mapped to PLOVER 2021 types with the table
`CAMEO2PLOVER-2021.txt` (`plover_gsr`, read in place): the code itself, else its longest
prefix in the table (`1717` -> `171`); codes with no entry (CAMEO 02x appeals, which PLOVER
drops, and the suite's own test codes 21x, 22x, 345, 802, 9xx) leave a coding without a
type. Counterpoint runs the spaCy pipeline and `find_events(sdoc, None)` on the text and codes
each event with `plover_type(..., "2021")`.

A record is typed correctly when the predicted type is one of its gold types, with the predicted
event chosen two ways: `first` (the first event) and `best` (the first event whose type is a
gold type, else the first: an upper bound). Actors, for the `best` event and the gold coding
of its type (else the first coding): the entity text of its source/target against the gold
actor code's 3-letter prefix, at the country level, two ways: `dictionary` (the suite's own
actor dictionary, `PETR.Validate.actors.txt`: the entity contains a listed name of that code,
names being word prefixes as in PETRARCH) and `gazetteer` (`load_gazetteer()` state, demonym or
capital of the normalised entity text, against the prefix read as ISO alpha-3 with pycountry,
else countryinfo; only real-country prefixes count, not those the suite's dictionary gives to a
fictional place, as ERI for Eriador)."""

from __future__ import annotations

import argparse
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.events import find_events, plover_type
from counterpoint.nlp.names import normalise_name
from counterpoint.records import Event
from counterpoint.resolve.gazetteer import load_gazetteer

BENCH_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench-data"
DATA = BENCH_DATA / "petrarch2_validation"
RECORDS = DATA / "PETR.UnitTest.records.xml"
ACTORS = DATA / "PETR.Validate.actors.txt"
CAMEO2PLOVER = BENCH_DATA / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
NONE = "(none)"


@dataclass
class Coding:
    source: str
    target: str
    cameo: str
    plover: str | None


@dataclass
class Record:
    id: str
    category: str
    text: str
    noevents: bool
    codings: list[Coding] = field(default_factory=list)

    @property
    def gold_types(self) -> set[str]:
        return {c.plover for c in self.codings if c.plover}


def load_cameo2plover(path: Path = CAMEO2PLOVER) -> dict[str, str]:
    """`CAMEOcode: PLOVER_TYPE, mode, context # comment` -> {code: type}; the first entry wins."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*(\d+)\s*:\s*([A-Z_]+)", line)
        if match:
            table.setdefault(match.group(1), match.group(2))
    return table


def cameo_to_plover(code: str, table: dict[str, str]) -> str | None:
    digits = re.match(r"\d+", code)
    code = digits.group(0) if digits else ""
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
        if len(code) < 3:  # a 2-digit root alone is too coarse (08 is CONCEDE and RETREAT)
            return None
    return None


def load_records(path: Path, table: dict[str, str]) -> list[Record]:
    root = ET.parse(path).getroot()
    records = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        record = Record(sentence.get("id", ""), sentence.get("category", ""), text, False)
        for coding in sentence.iter("EventCoding"):
            if coding.get("noevents", "").strip().lower() == "true":
                record.noevents = True
                continue
            cameo = coding.get("eventcode", "")
            record.codings.append(
                Coding(
                    coding.get("sourcecode", ""),
                    coding.get("targetcode", ""),
                    cameo,
                    cameo_to_plover(cameo, table),
                )
            )
        if text:
            records.append(record)
    return records


def load_actor_names(path: Path = ACTORS) -> dict[str, set[str]]:
    """The suite's actor dictionary as {3-letter code prefix: names}, names upper case with `_`
    between words; a name without a trailing `_` is a word prefix ("ARGENTIN")."""
    names: dict[str, set[str]] = {}
    group: list[str] = []
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [c.split()[0] for c in re.findall(r"\[([^\]]*)\]", line) if c.split()]
        name = re.sub(r"\[[^\]]*\]", "", line).strip()
        if name.startswith("+"):
            group.append(name[1:].strip())
        elif name and not raw[0].isspace():
            group = [name]
        for code in codes:
            prefix = code[:3].upper()
            if re.fullmatch(r"[A-Z]{3}", prefix):
                for member in group:
                    names.setdefault(prefix, set()).add(member.replace(" ", "_").upper())
    return names


def dictionary_match(entity: str, prefix: str, names: dict[str, set[str]]) -> bool:
    words = re.sub(r"[^\w.-]+", " ", entity.upper()).split()
    key = "_".join(words) + "_"
    for name in names.get(prefix, ()):
        exact = name.endswith("_")
        stem = name.rstrip("_")
        if not stem:
            continue
        for at in (m.start() for m in re.finditer(re.escape(stem), key)):
            after = key[at + len(stem)]
            if (at == 0 or key[at - 1] == "_") and (not exact or after == "_"):
                return True
    return False


def alpha2(prefix: str) -> str | None:
    try:
        import pycountry
    except ImportError:  # countryinfo, which the gazetteer uses, is always there
        from countryinfo import all_countries

        for country in all_countries():
            iso = country.info().get("ISO") or {}
            if iso.get("alpha3") == prefix:
                return str(iso.get("alpha2"))
        return None
    country = pycountry.countries.get(alpha_3=prefix)
    return country.alpha_2 if country else None


def state_iso(text: str) -> str | None:
    gazetteer = load_gazetteer()
    name = normalise_name(text)
    state = gazetteer.state(name) or gazetteer.demonym(name) or gazetteer.capital(name)
    return state.iso if state else None


def real_country(prefix: str, names: dict[str, set[str]]) -> str | None:
    """The alpha-2 of a prefix that is a real country's ISO alpha-3, unless the suite's dictionary
    uses it for a fictional one (ERI is Eriador there, not Eritrea)."""
    iso = alpha2(prefix)
    listed = names.get(prefix, set())
    if iso and listed and not any(state_iso(n.replace("_", " ")) == iso for n in listed):
        return None
    return iso


def gazetteer_match(entity: str, prefix: str, names: dict[str, set[str]]) -> bool:
    iso = real_country(prefix, names)
    return iso is not None and state_iso(entity) == iso


def typed(event: Event | None) -> str:
    if event is None:
        return NONE
    return plover_type(event.type, event.modality, version="2021") or NONE


def best(events: list[Event], gold: set[str]) -> Event | None:
    return next((e for e in events if typed(e) in gold), events[0] if events else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=RECORDS)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    table = load_cameo2plover()
    records = load_records(args.data, table)[: args.limit]
    names = load_actor_names()
    nlp = load_pipeline(Settings().spacy_model)

    typed_records = [r for r in records if r.gold_types]
    n_all, n_gold = len(records), len(typed_records)
    counts: dict[str, int] = dict.fromkeys(
        ["first", "best", "no_event", "no_event_gold", "noevents", "noevents_quiet"], 0
    )
    actors: dict[str, dict[str, int]] = {
        role: dict.fromkeys(["gold", "real", "found", "dictionary", "gazetteer", "either"], 0)
        for role in ("source", "target")
    }
    for record in records:
        sdoc = nlp(record.text)
        events = find_events(sdoc, None)
        counts["no_event"] += not events
        if record.noevents and not record.codings:
            counts["noevents"] += 1
            counts["noevents_quiet"] += not events
        gold = record.gold_types
        if not gold:
            continue
        counts["no_event_gold"] += not events
        counts["first"] += typed(events[0] if events else None) in gold
        chosen = best(events, gold)
        coding = next((c for c in record.codings if c.plover == typed(chosen)), record.codings[0])
        for role in ("source", "target"):
            prefix = getattr(coding, role)[:3]
            if not re.fullmatch(r"[A-Z]{3}", prefix):
                continue
            tally = actors[role]
            tally["gold"] += 1
            tally["real"] += real_country(prefix, names) is not None
            index = getattr(chosen, role) if chosen else None
            if index is None:
                continue
            entity = sdoc.ents[index].text
            tally["found"] += 1
            by_dictionary = dictionary_match(entity, prefix, names)
            by_gazetteer = gazetteer_match(entity, prefix, names)
            tally["dictionary"] += by_dictionary
            tally["gazetteer"] += by_gazetteer
            tally["either"] += by_dictionary or by_gazetteer
        counts["best"] += typed(chosen) in gold

    def share(k: int, m: int) -> str:
        return f"{k / m:.3f} ({k}/{m})" if m else "-"

    codings = [c for r in records for c in r.codings]
    mapped = sum(1 for c in codings if c.plover)
    print(f"records: {n_all} ({n_gold} with a gold PLOVER type; {counts['noevents']} noevents); "
          f"codings: {len(codings)}, {mapped} mapped to PLOVER")  # fmt: skip
    print("\n| measure | value |\n|---|---:|")
    print(f"| event type accuracy, first event | {share(counts['first'], n_gold)} |")
    print(f"| event type accuracy, best event | {share(counts['best'], n_gold)} |")
    print(f"| no event found, all records | {share(counts['no_event'], n_all)} |")
    print(f"| no event found, records with gold type | {share(counts['no_event_gold'], n_gold)} |")
    quiet = share(counts["noevents_quiet"], counts["noevents"])
    print(f"| no event found, noevents records | {quiet} |")
    print("\n| role | gold actors | real-country | predicted | dictionary | gazetteer | either |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for role, t in actors.items():
        print(f"| {role} | {t['gold']} | {t['real']} | {t['found']} | "
              f"{share(t['dictionary'], t['gold'])} | {share(t['gazetteer'], t['real'])} | "
              f"{share(t['either'], t['gold'])} |")  # fmt: skip
    print("(dictionary, either: of gold actors; gazetteer: of real-country gold actors)")
    if args.json:
        result: dict[str, Any] = {"records": n_all, "gold_typed": n_gold, **counts,
                                  "actors": actors}  # fmt: skip
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
