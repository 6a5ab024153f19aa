"""Event types and actors on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt).

    python bench/plover_events.py [--data FILE] [--limit N] [--json]

Runs the spaCy pipeline and `find_events` on each record's text. A record's predicted type is
that of one event, chosen two ways: `first` (the first event of the text) and `at gold` (the
first event whose trigger lies in the gold EVT markup span, else one whose trigger is a word of
the gold `eventText`, else the first). Events are coded as PLOVER codes them (`plover_type`:
extensions to the type they refine, an intent to cooperate as AGREE, to harm as THREATEN), with
the 0.5 names the records use (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE); a second table folds
both sides into the 2021 names. Actors: the gold source/target `actorText` against the text of
the predicted source/target entity, exact or overlapping, case-insensitive."""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.events import PLOVER_2021, find_events, plover_type
from counterpoint.records import Event

DATA = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "bench-data"
    / "plover_gsr"
    / "PLOVER_GSR_CAMEO.txt"
)
NONE = "(none)"


def evt_spans(record: dict[str, Any]) -> list[tuple[int, int]]:
    """Character spans in `text` of the markup's (EVT: ...) phrases, where they can be found."""
    info = record.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
    text = record["text"]
    spans = []
    for phrase in re.findall(r"\(EVT:\s*([^)]*)\)", markup):
        at = text.find(phrase.strip())
        if phrase.strip() and at >= 0:
            spans.append((at, at + len(phrase.strip())))
    return spans


def choose(events: list[Event], record: dict[str, Any]) -> Event | None:
    if not events:
        return None
    for start, end in evt_spans(record):
        for event in events:
            if start <= event.start < end:
                return event
    words = {w.lower() for w in re.findall(r"[\w-]+", record.get("eventText", ""))}
    text = record["text"]
    for event in events:
        if text[event.start : event.end].lower() in words:
            return event
    return events[0]


def coded(event: Event | None, version: str) -> str:
    if event is None:
        return NONE
    return plover_type(event.type, event.modality, version=version) or NONE


def scores(pairs: list[tuple[str, str]]) -> tuple[float, float, dict[str, tuple[float, int]]]:
    """Accuracy, macro-F1 over the gold types, and per gold type (F1, support)."""
    gold_types = sorted({g for g, _ in pairs})
    per: dict[str, tuple[float, int]] = {}
    for kind in gold_types:
        tp = sum(1 for g, p in pairs if g == kind and p == kind)
        fp = sum(1 for g, p in pairs if g != kind and p == kind)
        fn = sum(1 for g, p in pairs if g == kind and p != kind)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        per[kind] = (f1, tp + fn)
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs)
    return accuracy, sum(f for f, _ in per.values()) / len(per), per


def actor_match(gold: list[dict[str, Any]], predicted: str | None) -> tuple[bool, bool]:
    """(exact, overlapping) match of a predicted actor's text with any gold actorText."""
    if predicted is None:
        return False, False
    p = predicted.lower().removeprefix("the ").strip()
    texts = [str(a.get("actorText", "")).lower().removeprefix("the ").strip() for a in gold]
    exact = any(t == p for t in texts if t)
    overlap = any(t and (t in p or p in t or set(t.split()) & set(p.split())) for t in texts)
    return exact, bool(overlap)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    records = [r for r in json.loads(args.data.read_text(encoding="utf-8")) if r.get("text")]
    records = records[: args.limit]
    nlp = load_pipeline(Settings().spacy_model)
    rows = []
    for record in records:
        sdoc = nlp(record["text"])
        events = find_events(sdoc, None)
        chosen = choose(events, record)
        first = events[0] if events else None
        names = {}
        for role in ("source", "target"):
            index = getattr(chosen, role) if chosen else None
            names[role] = sdoc.ents[index].text if index is not None else None
        rows.append((record, events, first, chosen, names))

    n = len(rows)
    result: dict[str, Any] = {"records": n}
    result["no_event"] = sum(1 for _, events, *_ in rows if not events) / n
    print(f"records: {n}; no event found: {result['no_event']:.1%}")
    tables = {}
    for version in ("0.5", "2021"):
        for how, index in (("first", 2), ("at gold", 3)):
            pairs = []
            for row in rows:
                gold = row[0]["event"]
                gold = PLOVER_2021.get(gold, gold) if version == "2021" else gold
                pairs.append((gold, coded(row[index], version)))
            accuracy, macro, per = scores(pairs)
            tables[(version, how)] = per
            result[f"{version} {how}"] = {"accuracy": accuracy, "macro_f1": macro}
            print(f"PLOVER {version} names, event {how}: accuracy {accuracy:.3f}, "
                  f"macro-F1 {macro:.3f}")  # fmt: skip
    print("\n| type | support | F1 first | F1 at gold |\n|---|---:|---:|---:|")
    for kind, (f1, support) in tables[("0.5", "at gold")].items():
        print(f"| {kind} | {support} | {tables[('0.5', 'first')][kind][0]:.2f} | {f1:.2f} |")
    for role in ("source", "target"):
        with_gold = [r for r in rows if r[0].get(role)]
        found = [r for r in with_gold if r[4][role] is not None]
        exact = sum(actor_match(r[0][role], r[4][role])[0] for r in with_gold)
        overlap = sum(actor_match(r[0][role], r[4][role])[1] for r in with_gold)
        m = len(with_gold)
        result[role] = {"gold": m, "predicted": len(found), "exact": exact / m,
                        "overlap": overlap / m,
                        "overlap_of_predicted": overlap / max(1, len(found))}  # fmt: skip
        print(
            f"{role}: {m} gold, {len(found)} predicted; exact {exact / m:.1%}, "
            f"overlapping {overlap / m:.1%} (of predicted: {overlap / max(1, len(found)):.1%})"
        )
    confusion = Counter((r[0]["event"], coded(r[3], "0.5")) for r in rows)
    print("\nmost common confusions (gold -> predicted, event at gold):")
    for (gold, predicted), count in confusion.most_common(40):
        if gold != predicted:
            print(f"  {gold} -> {predicted}: {count}")
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
