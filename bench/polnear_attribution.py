"""Attribution (who said what) on PolNeAR (Newell et al., 2018): source, cue and content.

    python bench/polnear_attribution.py [--split train|dev] [--limit N] [--details N]
    python bench/polnear_attribution.py --count-cues VERB   # the cue lexicon, counted on train

Runs the project's spaCy pipeline and `counterpoint.nlp.claims.find_attributions` on each
article of a PolNeAR split (train: tune on it; dev: report on it, never fitted to) and scores
per attribution against the gold `.ann` files.

Gold. Each `E` line is one attribution: its content (the union of its `Content` spans: a quote
split by its cue is one attribution), cue (union of `Cue` spans) and source. Gold `Discuss` and
`Discard` spans are no attribution and are ignored. An article annotated by several annotators
(the agreement subset) is scored against one of them: the annotator whose id sorts first.
`Attribution-no-source` entries (no source written: "it was reported that ...") count for
content and content+cue like the others; for content+source they are right when the prediction
names no speaker either.

Predictions. Counterpoint's attributed claims (kinds quote, reported, according_to, document:
the author's own voice, hedges and labels, is no attribution), one per cue (a PolNeAR cue has
one content: claims sharing a cue join their pieces), and those nested in an attribution with
another cue left out (PolNeAR is univocal: a token belongs to one attribution at most, so
"X said Y thinks Z" is annotated as X's only).

Cue lexicon. `LEARNED_CUES` in `lang/en/claims.py` was counted on train (all 840 articles):
for each verb lemma, the times one of its verbs is in a gold cue and the times it occurs outside
any attribution's content; its rate threshold was chosen on the first 150 train articles.
`LEARNED_NOUN_CUES` is counted the same way for nouns ("criticism of X", "his claim that X").

Cue model. With `lang/en/claims_cue_model.json` (learned by bench/polnear_cue_model.py on
train[150:], its threshold chosen on train[:150]), every learned cue proposes claims and the
model weighs each claim found at a verb or a cue noun; the figures are of the model that ships.

Overlap rule. Texts are cut into words (`\\w+`); a predicted content matches a gold content when
the words they share are at least half the words of the longer of the two; pairs are matched
one to one, greedily, most shared words first. Among matched pairs: the cue is right when the
predicted cue span overlaps the gold cue span; the source is right when the speaker as written
at the cue (the subject, "he", "a source") or the mention it was resolved to overlaps the gold
source span. P = right pairs / predictions, R = right pairs / gold, per
measure (content, content+cue, content+source). Speaker precision, two ways: the speaker right
among matched pairs (naming nobody is right where gold names nobody), and named speakers right
(among matched pairs whose prediction names a speaker, those naming gold's: a wrong speaker
misleads a reader more than none).

Baseline (written here, same articles, same scoring): a quoted passage (straight, curly or
two apostrophes, as the New York Times' articles write them, pairing in turn) of at least
`BASELINE_MIN_WORDS` words with a speech verb from `BASELINE_VERBS` right after its closing mark
('"...," X said' / '"...," said X', within `BASELINE_WINDOW` tokens) or right before its
opening mark ('X said: "..."'); the cue is that verb, the source its nominal subject.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.claims import Attribution, CueModel, find_attributions

DATA = (
    Path(__file__).resolve().parents[1].parent
    / "shared" / "bench-data" / "polnear_train_dev" / "data"
)  # fmt: skip
BASELINE_VERBS = {"say", "tell", "add", "write", "state", "ask", "explain"}
BASELINE_MIN_WORDS = 3
BASELINE_WINDOW = 4
QUOTE_MARKS = '"\u201c\u201d'
DOUBLED = "''"  # two apostrophes for a double mark, as in the New York Times' articles
WORD = re.compile(r"\w+")
# The extractors the benchmark does not read: left out of the parse, for speed.
UNUSED_PIPES = ["figures", "claims", "events", "loaded_words"]

Spans = tuple[tuple[int, int], ...]


@dataclass
class Gold:
    content: Spans
    cue: Spans
    source: Spans  # empty: Attribution-no-source
    text: str = ""


@dataclass
class Predicted:
    content: Spans
    cue: Spans
    source: Spans  # empty: no speaker named
    kind: str = ""


@dataclass
class Article:
    name: str
    text: str
    gold: list[Gold]
    annotator: str


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    right: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.right.update(other.right)

    def prf(self, measure: str) -> tuple[float, float, float]:
        right = self.right[measure]
        p = right / self.predicted if self.predicted else 0.0
        r = right / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


# -- the gold -------------------------------------------------------------------------------------


def load_split(data: Path, split: str, limit: int | None = None) -> list[Article]:
    """The split's articles in file-name order (the first `limit`), each with its gold."""
    texts = sorted((data / split / "text").glob("*.txt"))[:limit]
    articles = []
    for path in texts:
        annotations = sorted((data / split / "attributions").glob(path.stem + "_*.ann"))
        annotations = [a for a in annotations if a.stem[len(path.stem) + 1 :].isalnum()]
        first = annotations[0]  # the annotator id that sorts first
        text = path.read_text(encoding="utf-8")
        gold = read_ann(first.read_text(encoding="utf-8"), text)
        articles.append(Article(path.stem, text, gold, first.stem[len(path.stem) + 1 :]))
    return articles


def read_ann(ann: str, text: str) -> list[Gold]:
    """The attributions of one brat file."""
    spans: dict[str, Spans] = {}
    events: list[list[str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, where = parts[1].partition(" ")
            spans[parts[0]] = tuple(
                (int(a), int(b)) for a, b in (piece.split() for piece in where.split(";"))
            )
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    gold = []
    for roles in events:
        found: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for role in roles:
            name, _, ref = role.partition(":")
            name = name.rstrip("0123456789")
            if name in found and ref in spans:
                found[name].extend(spans[ref])
        if found["Content"]:
            content = tuple(sorted(found["Content"]))
            gold.append(
                Gold(content, tuple(sorted(found["Cue"])), tuple(sorted(found["Source"])),
                     " / ".join(text[a:b] for a, b in content))
            )  # fmt: skip
    return gold


# -- the predictions ------------------------------------------------------------------------------

ATTRIBUTED = {"quote", "reported", "according_to", "document"}


def counterpoint(sdoc: Doc, model: CueModel | None = None) -> list[Predicted]:
    """Counterpoint's attributions: one per cue (a PolNeAR cue has one content), those nested
    in another attribution left out (PolNeAR is univocal). `model`: the cue model, by default
    the one that ships."""
    every = [(a, ()) for a in find_attributions(sdoc, model=model)]
    return [predicted for predicted, _ in grouped(every, sdoc)]  # type: ignore[arg-type]


def grouped(
    every: list[tuple[Attribution, tuple[str, ...]]], sdoc: Doc
) -> list[tuple[Predicted, tuple[str, ...]]]:
    """The attributed claims (each with what rides along, the cue model's features), one
    prediction per cue, those nested in another attribution left out."""

    def cue_of(number: int) -> tuple[int, int, int]:
        claim = every[number][0].claim
        if claim.cue_start is None or claim.cue_end is None:
            return (-1, -1, number)
        return (claim.cue_start, claim.cue_end, -1)

    def inside_another(number: int) -> bool:
        outer = every[number][0].claim.nested_in
        while outer is not None:
            if every[outer][0].claim.kind in ATTRIBUTED and cue_of(outer) != cue_of(number):
                return True
            outer = every[outer][0].claim.nested_in
        return False

    by_cue: dict[tuple[int, int, int], list[tuple[Attribution, tuple[str, ...]]]] = {}
    for number, (item, features) in enumerate(every):
        if item.claim.kind in ATTRIBUTED and not inside_another(number):
            by_cue.setdefault(cue_of(number), []).append((item, features))
    predicted = []
    for items in by_cue.values():
        first, features = items[0]
        claim = first.claim
        content = _merged([p for item, _ in items for p in item.parts])
        cue = ((claim.cue_start, claim.cue_end),) if claim.cue_start is not None else ()
        source: list[tuple[int, int]] = []
        if first.speaker_span is not None:
            source.append(first.speaker_span)
        if claim.speaker is not None:
            ent = sdoc.ents[claim.speaker]
            source.append((ent.start_char, ent.end_char))
        found = Predicted(tuple(content), cue, tuple(source), claim.kind)  # type: ignore[arg-type]
        predicted.append((found, features))
    return predicted


def baseline(sdoc: Doc) -> list[Predicted]:
    """Quotes with a speech verb from a short list next to their marks."""
    predicted = []
    text = sdoc.text
    for start, end, open_at, close_at in _quoted(text):
        if len(WORD.findall(text[start:end])) < BASELINE_MIN_WORDS:
            continue
        verb = _verb_after(sdoc, close_at) or _verb_before(sdoc, open_at)
        if verb is None:
            continue
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        source = ()
        if subjects:
            words = list(subjects[0].subtree)
            source = ((words[0].idx, words[-1].idx + len(words[-1])),)
        predicted.append(
            Predicted(((start, end),), ((verb.idx, verb.idx + len(verb)),), source, "quote")
        )
    return predicted


def _quoted(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, opening mark, closing mark) of each quoted passage; marks pair in turn."""
    marks = [(m.start(), m.end()) for m in re.finditer(f"[{QUOTE_MARKS}]|{DOUBLED}", text)]
    found = []
    for (open_at, start), (close_at, _) in zip(marks[::2], marks[1::2], strict=False):
        found.append((start, close_at, open_at, close_at))
    return found


def _verb_after(sdoc: Doc, close_at: int) -> object | None:
    span = sdoc.char_span(close_at, close_at + 1, alignment_mode="expand")
    if span is None:
        return None
    for token in sdoc[span.end : span.end + BASELINE_WINDOW]:
        if token.lemma_.lower() in BASELINE_VERBS and token.pos_ == "VERB":
            return token
        if token.text in {".", "!", "?", DOUBLED} or token.text in QUOTE_MARKS:
            return None
    return None


def _verb_before(sdoc: Doc, open_at: int) -> object | None:
    span = sdoc.char_span(open_at, open_at + 1, alignment_mode="expand")
    if span is None:
        return None
    before = sdoc[max(0, span.start - BASELINE_WINDOW) : span.start]
    for token in reversed(list(before)):
        if token.lemma_.lower() in BASELINE_VERBS and token.pos_ == "VERB":
            return token
        if token.text in {".", "!", "?", DOUBLED} or token.text in QUOTE_MARKS:
            return None
    return None


# -- scoring --------------------------------------------------------------------------------------


def words_of(text: str, spans: Spans) -> set[int]:
    """The start offsets of the words inside the spans."""
    return {m.start() for a, b in spans for m in WORD.finditer(text, a, b) if m.end() <= b}


def overlaps(a: Spans, b: Spans) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def score(text: str, gold: list[Gold], predicted: list[Predicted]) -> tuple[Tally, list]:
    """The tally of one article, and its matched pairs (gold index, predicted index)."""
    gold_words = [words_of(text, g.content) for g in gold]
    pred_words = [words_of(text, p.content) for p in predicted]
    pairs = []
    for gi, gw in enumerate(gold_words):
        for pi, pw in enumerate(pred_words):
            shared = len(gw & pw)
            if shared and shared * 2 >= max(len(gw), len(pw)):
                pairs.append((shared, gi, pi))
    matched: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            matched.append((gi, pi))
    tally = Tally(gold=len(gold), predicted=len(predicted))
    for gi, pi in matched:
        g, p = gold[gi], predicted[pi]
        tally.right["content"] += 1
        tally.right["content+cue"] += overlaps(g.cue, p.cue)
        right_source = overlaps(g.source, p.source) if g.source else not p.source
        tally.right["content+source"] += right_source
        tally.right["all three"] += right_source and overlaps(g.cue, p.cue)
        tally.right["named"] += bool(p.source)
        tally.right["named right"] += bool(p.source) and right_source
    return tally, matched


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# -- the cue lexicon ------------------------------------------------------------------------------

CUE_MIN_COUNT = 5  # a lemma seen in a gold cue at least this often
CUE_MIN_RATE = 0.2  # and at this rate of its occurrences outside any content


def count_cues(articles: list[Article], pos: str = "VERB") -> dict[str, tuple[int, int]]:
    """Lemma -> (its words in a gold cue, its words outside any gold content), for the lemmas
    of that part of speech seen often enough at a high enough rate: `LEARNED_CUES` (verbs) and
    `LEARNED_NOUN_CUES` (nouns) of `lang/en/claims.py`."""
    nlp = load_pipeline(Settings().spacy_model)
    in_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    with nlp.select_pipes(disable=UNUSED_PIPES):
        docs = nlp.pipe((a.text for a in articles), batch_size=8)
        for article, sdoc in zip(articles, docs, strict=True):
            contents = [span for g in article.gold for span in g.content]
            cues = [span for g in article.gold for span in g.cue]
            for token in sdoc:
                if token.pos_ != pos or any(a <= token.idx < b for a, b in contents):
                    continue
                lemma = token.lemma_.lower()
                seen[lemma] += 1
                in_cue[lemma] += any(a <= token.idx < b for a, b in cues)
    return {
        lemma: (n, seen[lemma])
        for lemma, n in sorted(in_cue.items())
        if n >= CUE_MIN_COUNT and n >= CUE_MIN_RATE * seen[lemma] and lemma.isalpha()
    }


# -- the run --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="the first N articles only")
    parser.add_argument("--details", type=int, default=0, help="show N misses and N extras")
    parser.add_argument("--count-cues", choices=("VERB", "NOUN"), default=None,
                        help="print the cue lexicon of verbs (LEARNED_CUES) or nouns "
                        "(LEARNED_NOUN_CUES), counted on train")  # fmt: skip
    args = parser.parse_args()
    if args.count_cues:
        train = load_split(args.data, "train", args.limit)
        for lemma, counts in count_cues(train, args.count_cues).items():
            print(f'"{lemma}": {counts},')
        return
    started = time.perf_counter()
    articles = load_split(args.data, args.split, args.limit)
    results = run(articles, args.details)
    seconds = time.perf_counter() - started
    n_gold = sum(len(a.gold) for a in articles)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_gold} gold attributions, "
          f"{seconds:.0f} s")  # fmt: skip
    print(f"{'system':14} {'measure':15} {'P':>6} {'R':>6} {'F1':>6}   right/pred/gold")
    for name, tally in results.items():
        for measure in ("content", "content+cue", "content+source", "all three"):
            p, r, f = tally.prf(measure)
            print(f"{name:14} {measure:15} {p:6.3f} {r:6.3f} {f:6.3f}   "
                  f"{tally.right[measure]}/{tally.predicted}/{tally.gold}")  # fmt: skip
        right, named = tally.right["content+source"], tally.right["named"]
        print(
            f"{name:14} speaker right among matched {right / max(tally.right['content'], 1):.3f}"
            f" ({right}/{tally.right['content']}); named speakers right "
            f"{tally.right['named right'] / max(named, 1):.3f} "
            f"({tally.right['named right']}/{named})"
        )


def run(articles: list[Article], details: int = 0) -> dict[str, Tally]:
    """Tallies of Counterpoint and of the baseline over the articles."""
    nlp = load_pipeline(Settings().spacy_model)
    totals = {"baseline": Tally(), "counterpoint": Tally()}
    shown = Counter[str]()
    with nlp.select_pipes(disable=UNUSED_PIPES):
        docs = nlp.pipe((a.text for a in articles), batch_size=8)
        for article, sdoc in zip(articles, docs, strict=True):
            for name, system in (("baseline", baseline), ("counterpoint", counterpoint)):
                predicted = system(sdoc)
                tally, matched = score(article.text, article.gold, predicted)
                totals[name].add(tally)
                if details and name == "counterpoint":
                    _show(article, predicted, matched, details, shown)
    return totals


def _show(
    article: Article,
    predicted: list[Predicted],
    matched: list[tuple[int, int]],
    limit: int,
    shown: Counter[str],
) -> None:
    """Print missed gold attributions, extra predictions and wrong sources, up to `limit` each."""
    text = article.text

    def show(spans: Spans) -> str:
        return " / ".join(text[a:b] for a, b in spans)[:150].replace("\n", " ")

    gold_hit = {g for g, _ in matched}
    pred_hit = {p for _, p in matched}
    for number, g in enumerate(article.gold):
        if number not in gold_hit and shown["miss"] < limit:
            shown["miss"] += 1
            print(f"MISS  [{show(g.source)}] [{show(g.cue)}] {show(g.content)}")
    for number, p in enumerate(predicted):
        if number not in pred_hit and shown["extra"] < limit:
            shown["extra"] += 1
            print(f"EXTRA {p.kind} [{show(p.source)}] [{show(p.cue)}] {show(p.content)}")
    for gi, pi in matched:
        g, p = article.gold[gi], predicted[pi]
        wrong = not (overlaps(g.source, p.source) if g.source else not p.source)
        if wrong and shown["source"] < limit:
            shown["source"] += 1
            print(f"SRC   gold [{show(g.source)}] found [{show(p.source)}] cue [{show(p.cue)}]")


if __name__ == "__main__":
    main()
