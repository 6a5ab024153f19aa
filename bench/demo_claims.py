"""Score `counterpoint.claims.find_claims` on the demo corpus's hand-written gold claims.

    python bench/demo_claims.py [--gold PATH] [--details]

A gold claim is found when a found claim's content overlaps its content (the gold `content` is
an exact substring of the document; where several found claims overlap it, the one overlapping
it most is taken). Recall: share of gold claims found. Precision: share of found claims that
overlap some gold claim; the gold list is not exhaustive (it holds the claims that matter to
the story), so a found claim overlapping none is counted as extra, and precision is a floor.
On the matched claims: speaker accuracy (the gold speaker is an actor key, whose names in that
document are in `actors[...].mentions[doc]`, or "author", which a claim with no named speaker
matches), quote accuracy (kind "quote" against gold `quote`) and certainty accuracy."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import counterpoint
from counterpoint.config import Settings
from counterpoint.evaluate.gold import DEMO_GOLD, load_gold, match_documents
from counterpoint.ingest.reader import ingest
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.claims import find_claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEMO_GOLD)
    parser.add_argument("--details", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    documents = match_documents(gold, ingest([counterpoint.DEMO_CORPUS]).documents)
    nlp = load_pipeline(Settings().spacy_model)
    names = {a["key"]: a["mentions"] for a in gold["actors"]}
    found_total = extra = matched = speaker_ok = quote_ok = certainty_ok = 0
    rows: list[tuple[str, int, int, int]] = []
    for key, document in documents.items():
        text = document.text
        sdoc = nlp(text)
        found = find_claims(sdoc)
        golds = [c for c in gold["claims"] if c["doc"] == key]
        spans = []
        for claim in golds:
            start = text.find(claim["content"])
            assert start >= 0, f"gold content not in {key}: {claim['content']!r}"
            spans.append((start, start + len(claim["content"])))
        overlapping = [
            c for c in found if any(c.start < end and start < c.end for start, end in spans)
        ]
        found_total += len(found)
        extra += len(found) - len(overlapping)
        hits = 0
        for claim, (start, end) in zip(golds, spans, strict=True):
            candidates = [c for c in found if c.start < end and start < c.end]
            if not candidates:
                if args.details:
                    print(f"missed {claim['key']} ({key}): {claim['content']!r}")
                continue
            best = max(  # the most overlap; on a tie the tighter claim (a quote within speech)
                candidates,
                key=lambda c: (min(c.end, end) - max(c.start, start), c.start - c.end),
            )
            hits += 1
            said_by = sdoc.ents[best.speaker].text if best.speaker is not None else None
            right_speaker = _speaker_matches(claim["speaker"], said_by, names, key)
            speaker_ok += right_speaker
            quote_ok += (best.kind == "quote") == bool(claim["quote"])
            certainty_ok += best.certainty == claim["certainty"]
            if args.details and (best.kind == "quote") != bool(claim["quote"]):
                print(f"quote {claim['key']} ({key}): gold {claim['quote']}, found {best.kind}")
            if args.details and not right_speaker:
                print(f"speaker {claim['key']} ({key}): gold {claim['speaker']}, found {said_by}")
        matched += hits
        rows.append((key, len(golds), hits, len(found)))
        if args.details:
            for c in found:
                if c not in overlapping:
                    print(f"extra ({key}) {c.kind}: {text[c.start : c.end][:90]!r}")
    total = len(gold["claims"])
    print(f"gold file: {args.gold}")
    print(f"{'doc':4} {'gold':>5} {'found':>6} {'claims':>7}")
    for key, n_gold, hits, n_found in rows:
        print(f"{key:4} {n_gold:5d} {hits:6d} {n_found:7d}")
    print()
    print(f"{'measure':38} {'value':>6}  count")
    print(f"{'recall (gold claims found)':38} {matched / total:6.3f}  {matched}/{total}")
    precision = (found_total - extra) / found_total if found_total else 0.0
    print(f"{'precision floor (overlap a gold)':38} {precision:6.3f}  "
          f"{found_total - extra}/{found_total}")  # fmt: skip
    for name, ok in (("speaker", speaker_ok), ("quote / not quote", quote_ok),
                     ("certainty", certainty_ok)):  # fmt: skip
        share = ok / matched if matched else 0.0
        print(f"{name + ' accuracy (matched)':38} {share:6.3f}  {ok}/{matched}")


def _speaker_matches(
    gold_speaker: str, found: str | None, names: dict[str, Any], doc_key: str
) -> bool:
    if gold_speaker == "author":
        return found is None
    if found is None:
        return False
    written = names.get(gold_speaker, {}).get(doc_key, [])
    return any(name in found or found in name for name in written)


if __name__ == "__main__":
    main()
