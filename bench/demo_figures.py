"""Score `find_figures` on the demo corpus's hand-written gold figures.

    python bench/demo_figures.py [--gold PATH] [--details]

The gold list is not exhaustive, so this reports recall: a gold figure is found when a found
figure's span overlaps the gold `text` in its document. On the found ones it reports how often
the value, the unit and the qualifier agree with gold, and it counts the figures found that
overlap no gold figure ("extra": many are real figures gold leaves out)."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

import counterpoint
from counterpoint.config import Settings
from counterpoint.evaluate.gold import DEMO_GOLD, load_gold, match_documents
from counterpoint.ingest.reader import ingest
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.figures import find_figures
from counterpoint.records import Figure


def gold_span(text: str, figure: dict[str, Any], taken: set[tuple[int, int]]) -> tuple[int, int]:
    """Where the gold figure's text is in the document: the first occurrence not yet used by
    another gold figure of the same document (gold repeats strings such as "12 protesters")."""
    start = text.find(figure["text"])
    while start >= 0 and (start, start + len(figure["text"])) in taken:
        start = text.find(figure["text"], start + 1)
    if start < 0:
        raise SystemExit(f"gold figure {figure['key']}: {figure['text']!r} not in {figure['doc']}")
    return start, start + len(figure["text"])


def kind(unit: str) -> str:
    """What sort of unit: money, percent, rank, duration, or a count (gold writes "people"
    where the text counts protesters or officers; the finder keeps the noun as written)."""
    if unit == "percent" or unit == "rank":
        return unit
    if unit in {"years", "months", "weeks", "days", "hours", "minutes", "decades"}:
        return "duration"
    if unit[:3].isupper():
        return "money"
    return "count"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEMO_GOLD)
    parser.add_argument("--details", action="store_true", help="list each gold figure's match")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    corpus = args.gold.parent / "corpus" if args.gold != DEMO_GOLD else counterpoint.DEMO_CORPUS
    documents = match_documents(gold, ingest([corpus]).documents)
    nlp = load_pipeline(Settings().spacy_model)
    found: dict[str, list[Figure]] = {
        key: find_figures(nlp(document.text)) for key, document in documents.items()
    }
    rows: list[tuple[dict[str, Any], Figure | None]] = []
    matched: set[tuple[str, int]] = set()
    taken: set[tuple[str, int, int]] = set()
    for figure in gold["figures"]:
        document = documents.get(figure["doc"])
        if document is None:
            rows.append((figure, None))
            continue
        used = {(s, e) for d, s, e in taken if d == figure["doc"]}
        start, end = gold_span(document.text, figure, used)
        taken.add((figure["doc"], start, end))
        hits = [
            (n, f) for n, f in enumerate(found[figure["doc"]]) if f.start < end and start < f.end
        ]
        hit = min(hits, key=lambda pair: abs(pair[1].start - start))[1] if hits else None
        matched.update((figure["doc"], n) for n, _ in hits)
        rows.append((figure, hit))
    hits_only = [(g, f) for g, f in rows if f is not None]
    total = sum(len(figures) for figures in found.values())
    extra = total - len(matched)

    def share(count: int, of: int) -> str:
        return f"{count / of:.3f}" if of else "n/a"

    value_ok = sum(math.isclose(f.value, float(g["value"])) for g, f in hits_only)
    unit_ok = sum(f.unit == g["unit"] for g, f in hits_only)
    kind_ok = sum(kind(f.unit) == kind(g["unit"]) for g, f in hits_only)
    qualifier_ok = sum(f.qualifier == g["qualifier"] for g, f in hits_only)
    print(f"gold file: {args.gold}")
    print(f"{'measure':28} {'value':>8}  {'count':>9}")
    print(f"{'recall of gold figures':28} {share(len(hits_only), len(rows)):>8}  "
          f"{len(hits_only):>4}/{len(rows):<4}")  # fmt: skip
    for name, ok in (("value accuracy", value_ok), ("unit accuracy", unit_ok),
                     ("unit kind accuracy", kind_ok),
                     ("qualifier accuracy", qualifier_ok)):  # fmt: skip
        print(f"{name:28} {share(ok, len(hits_only)):>8}  {ok:>4}/{len(hits_only):<4}")
    print(f"{'figures found':28} {total:>8}")
    print(f"{'extra (overlap no gold)':28} {extra:>8}")
    if args.details:
        for g, f in rows:
            got = (
                f"{documents[g['doc']].text[f.start : f.end]!r} {f.value:g} {f.unit} "
                f"{f.qualifier} | {f.measures} | {f.refers_to}"
                if f
                else "(missed)"
            )
            print(f"{g['key']:>4} {g['text']!r:32} {got}")
        for key, figures in found.items():
            for n, f in enumerate(figures):
                if (key, n) not in matched:
                    text = documents[key].text[f.start : f.end]
                    print(f"extra {key} {text!r} {f.value:g} {f.unit} {f.qualifier} "
                          f"| {f.measures} | {f.refers_to}")  # fmt: skip


if __name__ == "__main__":
    main()
