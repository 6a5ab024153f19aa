"""Figures on real news: `find_figures` on AllSides articles (Baly et al., 2020, test split).

    python bench/figures_allsides.py [--data DIR] [--part look|held|all] [--quiet]

There is no gold for figures in this data, so the script prints every figure found with its
sentence (value, unit, qualifier, what it measures) for a person to check by reading; the
precision measured that way is written down in bench/README.md ("Figures on real news"). The
articles are taken by sorted file name: the first 30 ("look") are the part read while writing
the rules, the next 30 ("held") are read only at the end. Beside the finder it prints a trivial
baseline measured in the same run: a regular expression of digits with an optional currency
symbol, scale word and unit word after them (`BASELINE`), and the counts of number words,
ranges and rates the finder reads.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.figures import find_figures
from counterpoint.records import Figure

DATA = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "bench-data"
    / "allsides_baly2020_testonly"
)
PARTS = {"look": slice(0, 30), "held": slice(30, 60), "all": slice(0, 60)}
# The trivial baseline: digits, with an optional currency symbol before them and an optional
# scale word and one unit word after ("$5.6 billion", "41 percent", "12 people").
BASELINE = re.compile(
    r"(?P<symbol>[$€£])?(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion))?"
    r"(?:\s*(?P<unit>%|[A-Za-z]+))?"
)
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
NUMBER_WORDS = re.compile(
    r"\b(?:dozens?|scores|hundreds|thousands|millions|billions|several|few)\b", re.IGNORECASE
)
DAY_OF = re.compile(r"\b(?:day|week|month|year)\b.*\bof\b", re.IGNORECASE)


def articles(data: Path, part: str) -> list[tuple[str, str]]:
    """(id, text) of the part's articles, by sorted file name."""
    paths = sorted((data / "jsons").glob("*.json"))[PARTS[part]]
    found = []
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        found.append((record["ID"], record["content_original"]))
    return found


def baseline(text: str) -> list[tuple[str, float, str, int]]:
    """(words, value, unit, offset) of each digit run the baseline regex reads."""
    found = []
    for match in BASELINE.finditer(text):
        value = float(match["digits"].replace(",", "")) * SCALES.get(
            (match["scale"] or "").lower(), 1.0
        )
        unit = "USD" if match["symbol"] == "$" else (match["unit"] or "").lower()
        found.append((match.group(0), value, unit, match.start()))
    return found


def kind(figure: Figure, text: str) -> str:
    """What the finder had to read beyond a number and its unit: a range, a rate, a number
    word ("a dozen", "hundreds of"), the day something is on, or nothing ("plain")."""
    written = text[figure.start : figure.end]
    if figure.high is not None:
        return "range"
    if " per " in figure.unit:
        return "rate"
    if NUMBER_WORDS.search(written):
        return "words"
    if DAY_OF.search(written):
        return "day of"
    return "plain"


def show(figure: Figure, text: str, sentence: str) -> str:
    value = f"{figure.value:g}" + (f"..{figure.high:g}" if figure.high is not None else "")
    return (
        f"  [{text[figure.start : figure.end]}] value={value} unit={figure.unit!r} "
        f"qualifier={figure.qualifier!r} measures={figure.measures!r}\n      | {sentence}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--part", choices=sorted(PARTS), default="look")
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    parser.add_argument("--baseline", action="store_true", help="print the baseline's too")
    args = parser.parse_args()
    nlp = load_pipeline(Settings().spacy_model)
    kinds: Counter[str] = Counter()
    total_baseline = 0
    for doc_id, text in articles(args.data, args.part):
        sdoc = nlp(text)
        sentences = [s.text.replace("\n", " ").strip() for s in sdoc.sents]
        figures = find_figures(sdoc)
        base = baseline(text)
        total_baseline += len(base)
        if not args.quiet:
            print(f"== {doc_id}: {len(figures)} figures (baseline {len(base)})")
        for figure in figures:
            kinds[kind(figure, text)] += 1
            if not args.quiet:
                print(show(figure, text, sentences[figure.sentence]))
        if args.baseline and not args.quiet:
            for words, value, unit, where in base:
                around = text[max(0, where - 60) : where + 60].replace("\n", " ")
                print(f"  baseline [{words}] value={value:g} unit={unit!r} | {around}")
    print()
    names = ("plain", "words", "range", "rate", "day of")
    print(f"{'part':<6} {'finder':>7} " + " ".join(f"{n:>7}" for n in names) + f" {'baseline':>9}")
    print(
        f"{args.part:<6} {sum(kinds.values()):>7} "
        + " ".join(f"{kinds[n]:>7}" for n in names)
        + f" {total_baseline:>9}"
    )


if __name__ == "__main__":
    main()
