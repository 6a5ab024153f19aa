"""Dates resolved as TempEval-3 scores them: for every DATE expression of TBAQ (TimeBank and
AQUAINT, 256 news documents annotated in TimeML), the share whose resolved value equals the gold
TIMEX3 `value` ("1998-01-07", "1998-W01", "1998-Q3", "199", "PAST_REF"), given the gold span
and the document's creation date. Each expression is resolved as the pipeline does it: the
document is parsed with spaCy, the tense is read from the expression's clause, and the
date told just before is the anchor of anaphoric forms ("the following month").

The rules were written looking at TimeBank (tune); AQUAINT was held out until 2026-11-30. Since
then AQUAINT's documents, sorted by name, are split by position: the even ones (0, 2, 4, ...) are
"AQUAINT-tune", whose errors may be read, the odd ones "AQUAINT-held", whose figure is read only
at milestones and whose errors are never printed (with `--errors` it is not even scored).
Beside it: the report date for every expression (trivial baseline), and the same resolver
without tense and anchor.
Published figures (TempEval-3 platinum test set, extraction included, so not the same task):
HeidelTime value F1 about 0.77-0.78, SUTime about 0.67.

    python bench/tempeval_dates.py [--data DIR] [--errors N] [--spans]
        [--part TimeBank|AQUAINT-tune|AQUAINT-held|AQUAINT|tune|all]
"""

from __future__ import annotations

import argparse
import random
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span

from counterpoint.config import Settings
from counterpoint.nlp.dates import DateValue, resolve_date, tense_of

DATA = Path(__file__).resolve().parents[2] / "shared" / "bench-data" / "tempeval3_tbaq"
PARTS = ("TimeBank", "AQUAINT-tune", "AQUAINT-held")
TUNE = ("TimeBank", "AQUAINT-tune")  # errors may be read; AQUAINT-held's never are
HELD = "AQUAINT-held"
GROUPS = {"AQUAINT": ("AQUAINT-tune", HELD), "tune": TUNE, "all": PARTS}
ENTITY = "spaCy entity"  # the text of the entity found over the gold span, not a method
# Published figures (SOURCE.md: TempEval-3 task paper, platinum test set, value F1 with the
# expressions found by each system, so a harder task than this one; not verified here).
PUBLISHED = {"HeidelTime": "0.77-0.78", "SUTime": "0.67"}


@dataclass(frozen=True)
class Timex:
    part: str
    document: str
    start: int
    end: int
    text: str
    gold: str


@dataclass(frozen=True)
class Article:
    part: str
    name: str
    created: date
    text: str
    dates: list[Timex]


def part_of(directory: str, position: int) -> str:
    """The part a document belongs to: TimeBank whole; AQUAINT's documents, sorted by name, at
    even positions to AQUAINT-tune, at odd ones to AQUAINT-held."""
    if directory != "AQUAINT":
        return directory
    return "AQUAINT-tune" if position % 2 == 0 else HELD


def load(data: Path, parts: tuple[str, ...]) -> list[Article]:
    """The documents of `parts`, their text (tags removed) and DATE expressions with offsets."""
    articles = []
    for directory in ("TimeBank", "AQUAINT"):
        for position, path in enumerate(sorted((data / directory).glob("*.tml"))):
            part = part_of(directory, position)
            if part not in parts:
                continue
            root = ET.parse(path).getroot()
            created = next(
                t.get("value", "")
                for t in root.iter("TIMEX3")
                if t.get("functionInDocument") == "CREATION_TIME"
            )
            body = root.find("TEXT")
            assert body is not None, path
            pieces: list[str] = []
            found: list[Timex] = []
            _walk(body, pieces, found, part, path.name)
            articles.append(
                Article(part, path.name, date.fromisoformat(created[:10]), "".join(pieces), found)
            )
    return articles


def _walk(element: ET.Element, pieces: list[str], found: list[Timex], part: str, name: str) -> None:
    start = sum(map(len, pieces))
    pieces.append(element.text or "")
    for child in element:
        _walk(child, pieces, found, part, name)
        pieces.append(child.tail or "")
    if element.tag == "TIMEX3" and element.get("type") == "DATE":
        end = sum(map(len, pieces))
        text = "".join(pieces)[start:end]
        found.append(Timex(part, name, start, end, text, element.get("value", "")))


def resolved(
    articles: list[Article], model: str, spans: bool = False
) -> list[tuple[Timex, dict[str, str | None]]]:
    """Each gold DATE with the value of each method. With `spans`, also the value the pipeline
    gives when spaCy's NER must find the expression itself: the text of the DATE or TIME entity
    overlapping the gold span is resolved (None, so wrong, when no entity overlaps it)."""
    nlp = spacy.load(model) if spans else spacy.load(model, disable=["ner"])
    rows = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        anchor: DateValue | None = None
        for timex in sorted(article.dates, key=lambda t: t.start):
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            tense = tense_of(span) if span is not None and len(span) else None
            full = resolve_date(timex.text, article.created, tense=tense, anchor=anchor)
            bare = resolve_date(timex.text, article.created)
            values = {
                "report date": article.created.isoformat(),
                "text only": bare.value if bare else None,
                "Counterpoint": full.value if full else None,
            }
            if spans:
                found = _entity(doc, timex)
                by_ner = found and resolve_date(
                    found.text, article.created, tense=tense_of(found), anchor=anchor
                )
                values["NER span"] = by_ner.value if by_ner else None
                values[ENTITY] = found.text if found else None
            if full is not None and full.granularity != "ref" and not full.anaphoric:
                anchor = full
            rows.append((timex, values))
    return rows


def _entity(doc: Doc, timex: Timex) -> Span | None:
    """The DATE or TIME entity spaCy found over the gold expression, if any."""
    for ent in doc.ents:
        if (
            ent.label_ in {"DATE", "TIME"}
            and ent.start_char < timex.end
            and timex.start < ent.end_char
        ):
            return ent
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--part", choices=[*PARTS, *GROUPS], default="all")
    parser.add_argument(
        "--errors", type=int, default=0, help=f"print N wrong values at random (not of {HELD})"
    )
    parser.add_argument(
        "--spans", action="store_true", help="also resolve the spans spaCy's NER finds itself"
    )
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"TempEval-3 TBAQ not found at {args.data}")
    parts = GROUPS.get(args.part, (args.part,))
    if args.errors:  # the held-out part is then not even scored
        parts = tuple(part for part in parts if part in TUNE)
        if not parts:
            sys.exit(f"--errors: the errors of {HELD} are never read; choose a tuning part")
    rows = resolved(load(args.data, parts), Settings().spacy_model, spans=args.spans)
    methods = [m for m in rows[0][1] if m != ENTITY]
    print(f"{'part':<26}{'DATE':>6}" + "".join(f"{m:>15}" for m in methods))
    lines: list[tuple[str, tuple[str, ...]]] = [
        (f"{p} ({'tune' if p in TUNE else 'held out'})", (p,)) for p in parts
    ]
    lines += [
        (f"{name} (both)" if name == "AQUAINT" else name, group)
        for name, group in GROUPS.items()
        if set(group) <= set(parts)
    ]
    for label, group in lines:
        mine = [(t, v) for t, v in rows if t.part in group]
        print(
            f"{label:<26}{len(mine):>6}" + "".join(f"{accuracy(mine, m):>15.3f}" for m in methods)
        )
        if args.spans:
            found = sum(values[ENTITY] is not None for _, values in mine)
            print(f"{'':<26}found by spaCy's NER (DATE/TIME overlapping): {found / len(mine):.3f}")
    print(
        "published value F1, TE3 platinum test, extraction included (SOURCE.md): "
        + ", ".join(f"{name} {figure}" for name, figure in PUBLISHED.items())
    )
    if args.errors:
        wrong = [(t, v["Counterpoint"]) for t, v in rows if v["Counterpoint"] != t.gold]
        print(f"\nerrors of {', '.join(parts)} (never of {HELD})")
        print("text | gold | resolved | document")
        for timex, value in random.Random(0).sample(wrong, min(args.errors, len(wrong))):
            print(f"{timex.text!r} | {timex.gold} | {value} | {timex.document}")
        print(Counter(_shape(t.gold) for t, _ in wrong).most_common(12))


def accuracy(rows: list[tuple[Timex, dict[str, str | None]]], method: str) -> float:
    return sum(values[method] == timex.gold for timex, values in rows) / max(len(rows), 1)


def _shape(value: str) -> str:
    return "".join("9" if c.isdigit() else c for c in value)


if __name__ == "__main__":
    main()
