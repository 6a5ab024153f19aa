"""Who says what: claims and quotes, read off the dependency parse of a spaCy `Doc`.

- Direct quotes: the words inside quotation marks (curly, straight or two apostrophes, pairing
  in turn whatever their shape), attributed to the cue verb that governs them or stands next
  to them ('"...," Abril said.', '"...," said Abril.', 'Abril said: "..."', 'pledged to
  "guarantee order"'). A quote split by its cue ('"A," X
  said, "B."'), or followed by more quoted words in its paragraph or at the start of the next,
  is one claim in several pieces (`Attribution.parts`; the `Claim` runs from the first piece to
  the last); a quote over several paragraphs opens each and closes only the last.
- Reported speech: a cue verb with a complement clause ("X said that ...", "X told Y ...",
  "X notes in his talk that ..."), passive forms with an agent ("it was announced by X that"),
  or, for cues beyond speech verbs, with its objects ("X accused Y of ...", "X urged Y to ...",
  "X called for ...", "X blamed Y on Z"). Cues are the speech verbs and the verbs learned from
  PolNeAR train (`LEARNED_CUES`); the speaker is the cue's subject, "he" and "she" the last
  person named of that gender (or of none the text shows). The subject is looked for through
  "After saying X, Lee ...", "are likely to say", a second "said" the parse hung on the first
  one's clause, a dateline ("WASHINGTON (AP) — Lee said": Lee), a quote ("'We won,' Lee, 58,
  said": not "We"), the noun right before a verb that lost its subject ("About 4 in 10
  say"); nobody is named by "Asked about X, Lee said" or "Lee was asked" (Lee is asked),
  "it appears", "it's hard to know".
- A speaker is something that can speak: no demonstrative ("That suggests ...", "That said,
  ..."), no noun of an event, act or quality ("the election", "his refusal"; bodies and texts
  with such endings do speak, "the commission", "the resolution"): no speaker rather than a
  wrong one. A cue noun's speaker is not the subject of a verb that meets it ("faced
  accusations of X", "denied claims that X") nor of a clause it is a circumstance of
  ("despite complaints that X"). "... if the party wins the election say 18 percent of
  voters": the object of a speech verb set after what it says is its speaker.
- "As the Post reported, X": the clause it is set beside. "Cruz continued:" at the end of a
  paragraph: the next paragraph.
- "The goal, he said, is a cease-fire": a speech verb set into the clause it reports says it.
- Cue nouns learned from PolNeAR train (`LEARNED_NOUN_CUES`): "her claim that X", "criticism of
  X", the speaker the noun's owner or the subject of the verb it hangs from.
- The cue model (`CueModel`, `lang/<code>/claims_cue_model.json` where a language has one): the
  rules propose a claim at every learned cue, verb or noun, and a logistic regression over the
  claim's features (the cue, its subject, its content) keeps those PolNeAR's annotators would
  count; quotes with their verb are not weighed. With it, a "what" or "how" clause is content
  too ("explained how ...", "isn't saying what ..."), and a relative clause's cue is cut out
  of its content ("which he said was ...": "which" / "was ...").
- "X: ...": a headline or lead naming a speaker before a colon.
- "according to X, ...": the rest of the clause.
- Documents: "a report by X showed that ...", "records showing that ...".
- The author's own assertions, only where certainty or endorsement is marked: boosters
  ("clearly", "it is known that"), distancing ("so-called", "falsely") or endorsement
  ("rightly"), kind "author"; hedged ("reportedly", "may", "it is said that"), kind "hedge",
  apart from attributed claims.
- Scare quotes: a short quoted term that is nobody's words and no clause is the author's label
  (kind "label", distanced), not a claim: its content is the term.

`find_claims` returns `Claim` records with `doc=""`; `speaker` is an index into `doc.ents`.
`find_attributions` returns them with what the record does not keep: where the speaker is
written at the cue and the pieces of the content (bench/polnear_attribution.py scores these).
The words and parse labels it reads are the language's (`lang/<code>/claims.py`).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path
from types import ModuleType

from spacy.tokens import Doc, Span, Token

from counterpoint.config import NlpSettings
from counterpoint.lang import words
from counterpoint.records import Claim

_WORD = re.compile(r"\w+")
# Which finding wins when two kinds find the same content.
PRIORITY = {"quote": 0, "document": 1, "reported": 2, "according_to": 3, "author": 4, "label": 5}


@dataclass
class _Quote:
    start: int  # inside the marks
    end: int
    open_at: int  # the marks themselves
    close_at: int


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    speaker: int | None = None
    speaker_text: str | None = None
    cue: tuple[int, int] | None = None  # characters
    verb: Token | None = None
    hedged: bool = False
    boosted: bool = False
    distanced: bool = False
    endorsed: bool = False
    speaker_at: tuple[int, int] | None = None  # characters: the speaker as written at the cue
    parts: tuple[tuple[int, int], ...] = ()  # characters: the content's pieces, when several


@dataclass(frozen=True)
class Attribution:
    """A claim with what its record does not keep: where its speaker is written at the cue
    ("he", "a source", which `Claim.speaker` resolves to a mention) and the pieces of its
    content (a quote split by its cue), for scoring against span-annotated corpora."""

    claim: Claim
    parts: tuple[tuple[int, int], ...]  # characters, in order; one piece for most claims
    speaker_span: tuple[int, int] | None  # characters


def find_claims(sdoc: Doc, settings: NlpSettings = NlpSettings()) -> list[Claim]:
    """The claims of one parsed document, in text order, with `doc=""`."""
    return [found.claim for found in find_attributions(sdoc, settings)]


def find_attributions(
    sdoc: Doc, settings: NlpSettings = NlpSettings(), model: CueModel | None = None
) -> list[Attribution]:
    """The claims of one parsed document, in text order, each with its speaker's written span
    and its content's pieces; claims at a verb weighed by `model` (by default the language's
    cue model, where it has one)."""
    return [found for found, _ in _Finder(sdoc, settings, model).run()]


def attribution_candidates(
    sdoc: Doc, settings: NlpSettings = NlpSettings()
) -> list[tuple[Attribution, tuple[str, ...]]]:
    """Every attribution the rules find before the cue model weighs them, each with the
    features the model reads (none for claims it does not weigh): what
    bench/polnear_cue_model.py learns the model from."""
    return _Finder(sdoc, settings, weigh=False).run()


@dataclass(frozen=True)
class CueModel:
    """A logistic regression over a verb claim's features (`_Finder._features`): whether the
    claim is someone's attribution as readers count them. Learned on PolNeAR train by
    bench/polnear_cue_model.py; a claim is kept from `threshold`."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, features: tuple[str, ...]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1 / (1 + math.exp(-score))


@cache
def cue_model(path: Path) -> CueModel | None:
    """The cue model of a language, from its data file; none where the language has none."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return CueModel(data["bias"], data["weights"], data["threshold"])


class _Finder:
    def __init__(
        self,
        doc: Doc,
        settings: NlpSettings,
        model: CueModel | None = None,
        weigh: bool = True,
    ) -> None:
        self.en: ModuleType = words(doc.lang_, "claims")
        # with a cue model, the rules propose claims from every learned cue and the model
        # weighs them; without one, the learned cues above their rate, with a speaker who can
        # say something (`weigh` false: every candidate, none weighed)
        if model is None and weigh:
            model = cue_model(Path(str(self.en.__file__)).with_name(self.en.CUE_MODEL_FILE))
        self.model = model
        self.candidates = model is not None or not weigh
        self.cue_verbs: set[str] = (
            self.en.CANDIDATE_CUE_VERBS if self.candidates else self.en.CUE_VERBS
        )
        self.settings = settings
        self.doc = doc
        self.text = doc.text
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        # where each token starts and ends, in order: the tokens near a quote are found by
        # bisection, not by a pass over the whole document for each quote
        self.token_starts = [t.idx for t in doc]
        self.token_ends = [t.idx + len(t) for t in doc]
        self.ents = doc.ents  # spaCy builds this tuple anew at each access
        self.ent_of: dict[int, int] = {}
        for number, ent in enumerate(doc.ents):
            for token in ent:
                self.ent_of[token.i] = number
        self.described: dict[int, int] = {}  # description ent -> person ent
        starts = {ent.start: number for number, ent in enumerate(doc.ents)}
        for description, person in getattr(doc._, "described", None) or []:
            if description in starts and person in starts:
                self.described[starts[description]] = starts[person]
        self.roles: list[tuple[int, str]] = []  # (person ent, last word of its title)
        for found in getattr(doc._, "relations", None) or []:
            if found.kind == "role" and found.role:
                self.roles.append((found.source, found.role.split()[-1].lower()))
        self.quotes = _quotes(self.text, self.en)

    # -- the whole document ---------------------------------------------------------------

    def run(self) -> list[tuple[Attribution, tuple[str, ...]]]:
        found: list[_Found] = []
        found += self._quote_claims()
        found += self._verb_claims()
        if self.candidates:
            found += self._noun_claims()
        features = {id(item): self._features(item) for item in found
                    if item.verb is not None and item.kind in self.en.CUE_MODEL_KINDS}  # fmt: skip
        if self.model is not None:
            model = self.model
            found = [f for f in found if id(f) not in features
                     or model.probability(features[id(f)]) >= model.threshold]  # fmt: skip
        found += self._according_to()
        found += self._colon_claims(found)
        found += self._author_claims(found)
        unique: dict[tuple[int, int], _Found] = {}
        for item in sorted(found, key=lambda f: PRIORITY[f.kind]):
            if item.end > item.start:
                unique.setdefault((item.start, item.end), item)
        ordered = sorted(unique.values(), key=lambda f: (f.start, -f.end))
        claims = [self._claim(item) for item in ordered]
        return [
            (
                Attribution(
                    replace(claim, nested_in=nested),
                    item.parts or ((item.start, item.end),),
                    item.speaker_at,
                ),
                features.get(id(item), ()),
            )
            for claim, item, nested in zip(claims, ordered, _nested_in(ordered), strict=True)
        ]

    def _features(self, item: _Found) -> tuple[str, ...]:
        """What the cue model reads of a claim found at a verb: the verb (lemma, how often
        train saw it as a cue, its place in the parse, negation, inside a quote), who its
        subject is (a kind of name, a pronoun, a noun of people or documents) and what its
        content is (its length, its first word and head, before or after the verb)."""
        en = self.en
        verb = item.verb
        assert verb is not None
        lemma = verb.lemma_.lower()
        if verb.pos_ in en.NOUN_POS:  # "criticism of X", "his claim that ..."
            cue, seen = en.LEARNED_NOUN_CUES.get(lemma, (0, 0))
            lemma = en.NOUN_CUE_PREFIX + lemma
            subject = self._noun_source(verb)
        else:
            cue, seen = en.LEARNED_CUES.get(lemma, (0, 0))
            subject = self._subject(verb)
        who = self._subject_kind(subject)
        group = who.split(":")[0]
        pieces = item.parts or ((item.start, item.end),)
        n_words = sum(len(_WORD.findall(self.text[a:b])) for a, b in pieces)
        content = self.doc.char_span(item.start, item.end, alignment_mode="expand")
        head = content.root.dep_ if content is not None else ""
        inside = any(q.start <= verb.idx < q.end for q in self.quotes)
        objects = sorted({c.dep_ for c in verb.children if c.dep_ in en.CUE_MODEL_CHILD_DEPS})
        found = [
            f"kind={item.kind}",
            f"lemma={lemma}",
            f"rate={min(int(10 * cue / seen), 9) if seen else -1}",
            f"speech={lemma in en.SPEECH_VERBS}",
            f"dep={verb.dep_}",
            f"tag={verb.tag_}",
            f"subj={who}",
            f"subjg={group}",
            f"neg={_negated(verb)}",
            f"len={min(int(math.log2(n_words + 1)), 6)}",
            f"after={item.start >= verb.idx}",
            f"pieces={min(len(pieces), 3)}",
            f"inquote={inside}",
            f"childdeps={','.join(objects)}",
            f"lemma_subjg={lemma}|{group}",
            f"lemma_root={lemma}|{head}",
        ]
        if content is not None:
            first = content[0]
            found += [f"first={first.pos_}", f"firstdep={first.dep_}", f"root={head}",
                      f"rootpos={content.root.pos_}",
                      f"to={first.lower_ == en.INFINITIVE_MARKER}"]  # fmt: skip
        return tuple(found)

    def _subject_kind(self, subject: Token | None) -> str:
        """What kind of speaker a subject is, for the cue model: "ent:PERSON", "pron:he",
        "speakernoun", "docnoun", "rel" ("who"), "noun:NOUN", or "none"."""
        en = self.en
        if subject is None:
            return "none"
        if subject.ent_type_:
            return "ent:" + subject.ent_type_
        if subject.pos_ == "PRON":
            return "pron:" + subject.lower_
        lemma = subject.lemma_.lower()
        if lemma in en.SPEAKER_NOUNS:
            return "speakernoun"
        if lemma in en.DOCUMENT_NOUNS:
            return "docnoun"
        if subject.tag_ in en.RELATIVE_TAGS:
            return "rel"
        return "noun:" + subject.pos_

    def _claim(self, item: _Found) -> Claim:
        en = self.en
        cue_text = self.text[item.cue[0] : item.cue[1]] if item.cue else None
        pieces = item.parts or ((item.start, item.end),)  # not the cue between two pieces
        words = [t for a, b in pieces for t in self._tokens(a, b)]
        said = " ".join(self.text[a:b] for a, b in pieces)
        cue_words = [t for t in self._tokens(*item.cue)] if item.cue else []
        hedged = item.hedged or any(self._is_hedge(t) for t in words + cue_words)
        hedged = hedged or bool(en.HEDGE_PHRASES.search(said))
        boosted = item.boosted or any(self._is_booster(t) for t in words + cue_words)
        boosted = boosted or bool(en.BOOSTER_PHRASES.search(said))
        certainty = "hedged" if hedged else "boosted" if boosted else "asserted"
        kind = "hedge" if item.kind == "author" and certainty == "hedged" else item.kind
        distanced, endorsed = item.distanced, item.endorsed
        if item.verb is not None:
            lemma = item.verb.lemma_.lower()
            adverbs = {c.lower_ for c in item.verb.children if c.dep_ == "advmod"}
            distanced = (
                distanced or lemma in en.DISTANCING_LEMMAS or bool(adverbs & en.DISTANCING_WORDS)
            )
            endorsed = (
                endorsed or lemma in en.ENDORSING_LEMMAS or bool(adverbs & en.ENDORSING_WORDS)
            )
        endorsement = "distanced" if distanced else "endorsed" if endorsed else "neutral"
        return Claim(
            doc="",
            sentence=max(0, bisect_right(self.sent_starts, item.start) - 1),
            start=item.start,
            end=item.end,
            kind=kind,
            speaker=item.speaker,
            speaker_text=item.speaker_text,
            cue=cue_text,
            cue_start=item.cue[0] if item.cue else None,
            cue_end=item.cue[1] if item.cue else None,
            certainty=certainty,
            endorsement=endorsement,
        )

    # -- quotes ---------------------------------------------------------------------------

    def _quote_claims(self) -> list[_Found]:
        """Quotes with their verb; a quote split by its cue ('"A," X said, "B."'), or followed by
        more quoted words of the same speaker in its paragraph or at the start of the next one,
        is one claim with several pieces."""
        found: list[_Found] = []
        previous: _Found | None = None
        previous_quote: _Quote | None = None
        for quote in self.quotes:
            tokens = self._tokens(quote.start, quote.end)
            if not tokens:
                continue
            verb = (
                self._governing_verb(tokens) or self._verb_after(quote) or self._verb_before(quote)
            )
            if (
                verb is not None
                and previous is not None
                and previous.verb is not None
                and previous.verb.i == verb.i
            ):
                _extend(previous, quote)
                previous_quote = quote
                continue
            if verb is not None:
                item = self._attributed(verb, quote.start, quote.end, "quote")
                found.append(item)
                previous, previous_quote = item, quote
                continue
            words = [t for t in tokens if not t.is_punct]
            if (
                previous is not None
                and previous_quote is not None
                and self._continues(previous_quote, quote)
                and len(words) > self.settings.claims_scare_max_words
            ):
                _extend(previous, quote)
                previous_quote = quote
        return found

    def _continues(self, previous: _Quote, quote: _Quote) -> bool:
        """A quote goes on from the one before: in the same paragraph, or opening the next."""
        between = self.text[previous.close_at : quote.open_at]
        if "\n" not in between:
            return True
        paragraphs = [p for p in re.split(r"\n\s*\n|\n", between)]
        return len([p for p in paragraphs[1:-1] if p.strip()]) == 0 and not paragraphs[-1].strip()

    def _governing_verb(self, tokens: list[Token]) -> Token | None:
        """The speech verb the quoted words hang from: 'X said that she "regrets ..."'."""
        inside = {t.i for t in tokens}
        for token in tokens:
            if token.head.i in inside or token.is_punct:
                continue
            for ancestor in list(token.ancestors)[: self.settings.claims_quote_verb_depth]:
                if ancestor.i in inside:
                    continue
                if self._is_cue_verb(ancestor) and self._adjacent(ancestor, tokens):
                    return ancestor
        return None

    def _adjacent(self, verb: Token, tokens: list[Token]) -> bool:
        """No sentence ends between the quoted words and their verb."""
        first, last = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        between = self.text[last : verb.idx] if verb.idx >= last else self.text[verb.idx : first]
        return not re.search(r"[.?!]\W*\s", between.replace("\n", " ") + " ")

    def _verb_after(self, quote: _Quote) -> Token | None:
        """'"...," Abril said.' / '"...," said Abril.'; after a quote that ends its sentence,
        only a verb that ends its own ('"... no." Abril said.', not '"... no." Abril said
        on Monday she would ...')."""
        stopped = self.text[quote.start : quote.close_at].rstrip()[-1:] in self.en.FULL_STOPS
        first = bisect_right(self.token_starts, quote.close_at)
        for token in self.doc[first : first + self.settings.claims_verb_after_quote]:
            if self._ends_search(token):
                break
            own = any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)
            if self._is_speech_verb(token) and not own and self._subject(token) is not None:
                return token if not stopped or self._ends_clause(token, quote) else None
        return None if stopped else self._manner_verb(quote, first)

    def _manner_verb(self, quote: _Quote, first: int) -> Token | None:
        """'"Stay there!" he yelled.' / '"Go home," she barked.': any verb of someone right
        after a quote that has not ended its sentence, with nothing else in its clause, says
        how the quote was said."""
        subject: Token | None = None
        for token in self.doc[first : first + self.settings.claims_verb_after_quote]:
            if token.is_punct or token.is_space:
                if subject is None and token.i == first:
                    continue  # the comma or closing mark after the quote
                return None
            if token.pos_ == "VERB":
                subject = self._subject(token)
                if (
                    subject is None
                    or subject.tag_ in self.en.RELATIVE_TAGS
                    or not self._someone(subject)
                ):
                    return None
                if any(c.dep_ in self.en.COMPLEMENT_DEPS and c.i > token.i
                       for c in token.children):  # fmt: skip
                    return None
                return token if self._ends_clause(token, quote) else None
            if token.pos_ not in self.en.MANNER_SUBJECT_POS:
                return None
            subject = token
        return None

    def _ends_clause(self, verb: Token, quote: _Quote) -> bool:
        """Nothing follows the verb but its subject, its cue's words ("told ABC News in a
        statement"), a time ("on Monday") and the sentence's end or a comma."""
        en = self.en
        cue_end = self._cue(verb, quote.start, quote.end)[1]
        subject = self._subject(verb)
        named = {t.i for t in subject.subtree} if subject is not None else set()
        rest = [t for t in self.doc[verb.i + 1 : self._sentence(verb).end] if t.idx >= cue_end
                and t.i not in named and not t.is_space and t.ent_type_ not in en.TIME_LABELS
                and not (t.dep_ == "prep" and all(g.ent_type_ in en.TIME_LABELS
                                                  for g in t.children))]  # fmt: skip
        return not rest or rest[0].text in en.CLAUSE_ENDS

    def _verb_before(self, quote: _Quote) -> Token | None:
        """'Abril said: "..."' / 'Abril said, "..."'."""
        last = bisect_right(self.token_ends, quote.open_at)
        before = list(self.doc[max(0, last - self.settings.claims_verb_before_quote) : last])
        if not before or before[-1].text not in {":", ","}:
            return None
        for token in reversed(before[:-1]):
            if self._ends_search(token):
                break
            if self._is_cue_verb(token):
                return token
        return None

    def _ends_search(self, token: Token) -> bool:
        """Another quote or the end of a sentence: the verb of a quote is not beyond it."""
        marks = self.en.OPEN_QUOTES + self.en.CLOSE_QUOTES
        doubled = self.en.DOUBLED_APOSTROPHE[0]
        return token.text in marks or token.text in {".", "?", "!", doubled}

    # -- speech verbs and documents ---------------------------------------------------------

    def _verb_claims(self) -> list[_Found]:
        en = self.en
        found: list[_Found] = []
        spans = [(q.open_at, q.close_at + 1) for q in self.quotes]
        for verb in self.doc:
            if not self._is_cue_verb(verb, candidate=True) or (
                _negated(verb) and not self.candidates
            ):
                continue
            if verb.lower_ == en.ACCORDING_TO[0]:
                continue  # "according to X": a pass of its own
            subject = self._subject(verb)
            if (
                not self._is_speech_verb(verb)
                and not self._someone(subject)
                and (not self.candidates or subject is not None)
            ):
                continue  # "the immune system attacks the nerves": a learned cue needs someone
                # doing it; with the cue model, one without a subject is weighed ("seeking the
                # presidency" rarely passes, "after pledging to X" often)
            if not self._is_speech_verb(verb) and self._passive(verb) and not self._subject(verb):
                continue  # "it is known that ...": the author's, found with the author's claims
            clauses = [
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                or (
                    c.dep_ == "dobj"
                    and any(g.dep_ == "mark" and g.lower_ == en.COMPLEMENTIZER for g in c.children)
                )  # fmt: skip
            ]
            if any(c.i > verb.i for c in clauses):
                clauses = [c for c in clauses if c.i > verb.i]
            contents = [list(c.subtree) for c in clauses]
            preposition: Token | None = None
            inverted = not contents and self._inverted(verb) is not None
            if inverted:  # "..., if the party wins the election say 18 percent of voters"
                contents = [self._before_inverted(verb)]
            if not contents:
                contents, preposition = self._complement(verb)
            if not contents:
                below = self._said_below(verb)
                if below is not None:
                    found.append(below)
                    continue
                around = self._said_around(verb, spans)
                if around:
                    found.append(self._attributed(verb, around[0][0], around[-1][1], "reported"))
                    found[-1].parts = tuple(around) if len(around) > 1 else ()
                continue
            for subtree in contents:
                words = [t for t in subtree if not (t.is_punct or t.is_space)]
                if not words:
                    continue
                if (
                    words[0].lower_ in en.WH_WORDS
                    and verb.lemma_.lower() not in en.QUESTION_VERBS
                    and not self.candidates
                ):
                    continue  # "knows what ...": with the cue model, weighed ("explained how")
                if words[0].dep_ == "mark" and words[0].lower_ == en.COMPLEMENTIZER:
                    words = words[1:]
                words = self._before_next_cue(words)
                if not words:
                    continue
                start, end = words[0].idx, words[-1].idx + len(words[-1])
                if any(a <= start and end <= b for a, b in spans):
                    continue  # the quote itself, found above
                item = self._attributed(verb, start, end, "reported")
                if start < verb.idx < end:  # "which he said was ...": the cue is no content
                    pieces = [
                        self._trim([t for t in words if t.i < verb.i]),
                        self._trim([t for t in words if t.i > verb.i]),
                    ]
                    item.parts = tuple((p[0].idx, p[-1].idx + len(p[-1])) for p in pieces if p)
                if preposition is not None and item.cue is not None:
                    item.cue = (item.cue[0], max(item.cue[1], preposition.idx + len(preposition)))
                if not clauses and not inverted:
                    self._raised(verb, item)
                found.append(item)
        return found

    def _raised(self, verb: Token, item: _Found) -> None:
        """ "Cuban seemed to rely on ...", "Smith is expected to run", "Lee was named the
        winner": the subject is what is said (of it), not who says it; it joins the content
        and nobody is named."""
        en = self.en
        subject = next((c for c in verb.children if c.dep_ in en.RAISED_SUBJECT_DEPS), None)
        if subject is None or subject.i > verb.i:
            return
        passive = subject.dep_ != "nsubj" and not any(c.dep_ == "agent" for c in verb.children)
        if not passive and verb.lemma_.lower() not in en.RAISING_VERBS:
            return
        words = self._phrase(subject)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        item.parts = ((start, end), *(item.parts or ((item.start, item.end),)))
        item.start = min(item.start, start)
        item.speaker = item.speaker_text = item.speaker_at = None

    def _said_around(self, verb: Token, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """ "The goal, he said, is a cease-fire." / "Prices will rise, she said.": a speech verb
        set into the clause it reports says that clause, in pieces around the cue (character
        spans); none when the clause is quoted (the quote is found apart) or no clause."""
        head = verb.head
        en = self.en
        aside = any(c.dep_ == "mark" and c.lower_ in en.AS_MARKERS for c in verb.children)
        if (
            not (verb.dep_ in en.PARENTHETICAL_DEPS or (verb.dep_ == "advcl" and aside))
            or head.pos_ not in self.en.VERB_POS
            or not self._is_speech_verb(verb)
            or self._subject(verb) is None
        ):
            return []
        inside = {t.i for t in verb.subtree}
        words = [t for t in head.subtree if t.i not in inside and t.sent == verb.sent]
        pieces = [self._trim([t for t in words if t.i < verb.i]),
                  self._trim([t for t in words if t.i > verb.i])]  # fmt: skip
        spans = [(p[0].idx, p[-1].idx + len(p[-1])) for p in pieces if _content_words(p)]
        if not spans or any(a < e and s < b for a, b in quotes for s, e in spans):
            return []
        return spans

    def _said_below(self, verb: Token) -> _Found | None:
        """ "Cruz continued:" / "He said:" at the end of a paragraph: what is said is the next
        paragraph (a quote there, to its closing mark, over several paragraphs if it runs so)."""
        en = self.en
        end = self._sentence(verb).end
        while end > verb.i + 1 and self.doc[end - 1].is_space:
            end -= 1
        if self.doc[end - 1].text != ":" or end - 1 == verb.i or verb.head.i != verb.i:
            return None
        after = [t for t in self.doc[verb.i + 1 : end] if not t.is_space]
        if any(t.head.i != verb.i or t.dep_ not in en.COLON_CUE_DEPS for t in after[:-1]):
            return None
        colon = after[-1].idx + 1
        rest = self.text[colon:]
        if not rest.startswith("\n"):
            return None
        start = colon + len(rest) - len(rest.lstrip())
        end = self.text.find("\n\n", start)
        end = len(self.text) if end < 0 else end
        kind = "reported"
        end = start + len(self.text[start:end].rstrip())
        for quote in self.quotes:
            if quote.open_at == start:  # the quote's words, inside its marks
                start, end, kind = quote.start, quote.end, "quote"
        return self._attributed(verb, start, end, kind) if end > start else None

    def _noun_claims(self) -> list[_Found]:
        """Cues that are nouns, learned from train (`LEARNED_NOUN_CUES`): "his claim that X",
        "Trump's criticism of X", "a plan to X"; the speaker is the noun's owner, if named.
        Only with the cue model, which weighs them."""
        en = self.en
        found = []
        for noun in self.doc:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in en.NOUN_CUES:
                continue
            words, preposition = self._noun_content(noun)
            words = self._trim(words)
            if not _content_words(words):
                continue
            source = self._noun_source(noun)
            if source is not None and not self._voices(noun, source):
                source = None
            speaker, speaker_text = self._speaker(source) if source is not None else (None, None)
            last = preposition if preposition is not None else noun
            found.append(
                _Found(words[0].idx, words[-1].idx + len(words[-1]), "reported", speaker=speaker,
                       speaker_text=speaker_text, cue=(noun.idx, last.idx + len(last)),
                       verb=noun, speaker_at=self._written(source) if source is not None
                       else None)
            )  # fmt: skip
        return found

    def _noun_content(self, noun: Token) -> tuple[list[Token], Token | None]:
        """What a cue noun is about: its "that" clause or infinitive ("the claim that X", "a
        plan to X"), else the object of its preposition ("criticism of X"), with that
        preposition."""
        en = self.en
        for child in noun.children:
            if child.i > noun.i and child.dep_ in en.NOUN_CLAUSE_DEPS:
                marks = [g for g in child.children if g.dep_ in {"mark", "aux"}]
                if any(g.lower_ in {en.COMPLEMENTIZER, en.INFINITIVE_MARKER} for g in marks):
                    return [t for t in child.subtree if t.lower_ != en.COMPLEMENTIZER
                            or t.head.i != child.i], None  # fmt: skip
        for child in noun.children:
            if child.dep_ == "prep" and child.i > noun.i and child.lower_ in en.NOUN_CUE_PREPS:
                objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
                if objects:
                    return list(objects[0].subtree), child
        return [], None

    def _noun_source(self, noun: Token) -> Token | None:
        """Whose a cue noun is: its owner ("Trump's criticism", "his claim") or the name
        before it ("the Clinton campaign's statement", "a Trump statement")."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        for child in noun.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                return child
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ in self.en.NOUN_CUE_OBJECT_DEPS and verb.pos_ in self.en.VERB_POS:
            return self._subject(verb)  # "he voiced criticism of X", "X responded to claims"
        return None

    def _voices(self, noun: Token, source: Token) -> bool:
        """Whether the source found for a cue noun said it: its owner ("his claim"), or the
        subject of the verb it hangs from ("raised concerns about X"), unless that verb meets
        the noun ("faced accusations of X", "denied claims that X") or the noun is a
        circumstance ("despite complaints that X"); a source that can speak."""
        en = self.en
        if not self._can_speak(source):
            return False
        if any(c.i == source.i for c in noun.children):
            return True  # "his claim", "a Trump statement"
        if noun.dep_ == "pobj" and noun.head.lower_ in en.CIRCUMSTANCE_PREPS:
            return False
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.lemma_.lower() == en.COPULA and noun.dep_ == "attr":
            return False  # "there were complaints that X", "the sticking point is a demand"
        return verb.lemma_.lower() not in en.MEETING_VERBS

    def _infinitive(self, verb: Token) -> bool:
        """ "to send": a clause in the infinitive, which says what is asked for."""
        return any(c.dep_ == "aux" and c.lower_ == self.en.INFINITIVE_MARKER
                   for c in verb.children)  # fmt: skip

    def _before_next_cue(self, words: list[Token]) -> list[Token]:
        """The content up to a cue verb the parse hung on it that is the cue's conjunct and
        says something of its own: "X says he would win and tells the crowd that ...", not
        "and tells the crowd ..."; a verb of the content's own tense stays in it ("X says Y is
        wasting money and ignoring Z"); or up to another speaker's clause ("..., while Lee
        argues ...")."""
        for n, token in enumerate(words):
            if (
                n > 0
                and token.dep_ == "conj"
                and token.head.i < token.i
                and self._conjoined_cue(token) is not None
                and any(c.dep_ in self.en.COMPLEMENT_DEPS for c in token.children)
            ) or (n > 0 and self._another_speaker(token)):
                first = token.left_edge.i  # "but did not promise": its auxiliaries go too
                return self._trim([t for t in words[:n] if t.i < first])
        return words

    def _another_speaker(self, clause: Token) -> bool:
        """A clause joined to a content that says who else says what: "most said the economy
        is weak, and 4 in 10 said Lee would do best", "..., while Lee suggests ...": a cue
        verb (or one its clause leads to, "voters are more likely to say") with a subject
        of its own and something said. It starts a new attribution."""
        en = self.en
        if clause.dep_ not in en.JOINED_CLAUSE_DEPS or clause.head.i > clause.i:
            return False
        if not any(c.dep_ in en.SUBJECT_DEPS for c in clause.children):
            return False
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if clause.dep_ != "conj" and not marks & en.CONTRAST_MARKS:
            return False  # "... until Lee said so": part of what is said
        verbs = [clause] + [c for c in clause.children if c.dep_ in en.RAISED_CUE_DEPS]
        verbs += [g for c in verbs[1:] for g in c.children if g.dep_ in en.RAISED_CUE_DEPS]
        return any(
            self._is_speech_verb(v) and any(c.dep_ in en.COMPLEMENT_DEPS for c in v.children)
            for v in verbs
        )

    def _complement(self, verb: Token) -> tuple[list[list[Token]], Token | None]:
        """What a cue verb without a clause is about: its objects and complements after it, as
        one content ("accused X of Y", "urged X to Y", "called X a Y"), or else the object of
        the preposition right after it ("focused on X"), which then belongs to the cue."""
        en = self.en
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in en.COMPLEMENT_DEPS]
        if after:
            words = [t for c in after for t in c.subtree]
            extra = [
                t
                for c in verb.children
                if c.dep_ == "prep" and c.i > min(t.i for t in words)
                for t in c.subtree
            ]
            return [sorted(words + extra, key=lambda t: t.i)], None
        following = [c for c in verb.children if c.dep_ in {"prep", "prt"} and c.i == verb.i + 1]
        if following and following[0].dep_ == "prep":
            objects = [c for c in following[0].children if c.dep_ in {"pobj", "pcomp"}]
            if objects:  # "pleading with the governor to send water": what follows goes too
                later = [t for c in verb.children if c.i > objects[0].i
                         and (c.dep_ in en.COMPLEMENT_DEPS or self._infinitive(c))
                         for t in c.subtree]  # fmt: skip
                return [list(objects[0].subtree) + later], following[0]
        return [], None

    def _attributed(self, verb: Token, start: int, end: int, kind: str) -> _Found:
        en = self.en
        subject = self._subject(verb)
        if subject is None and verb.lower_ == en.ACCORDING_TO[0]:
            subject = self._according_object(verb)  # 'According to X, "..."'
        around = start <= verb.idx < end  # "The goal, he said, is ..."
        inside = subject is not None and start <= subject.idx < end and not around
        if inside or (subject is None and kind == "quote"):
            subject = self._beside(verb, start, end)  # '"We won," Lee, 58, told AFP'
        if subject is None and not self._passive(verb):
            subject = self._leading_actor(verb)
        speaking = subject if subject is not None and self._can_speak(subject) else None
        speaker, speaker_text = self._speaker(speaking) if speaking is not None else (None, None)
        if subject is not None and kind == "reported" and _head_lemma(subject) in en.DOCUMENT_NOUNS:
            kind = "document"
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in en.DOCUMENT_NOUNS:
            kind = "document"
        hedged = False
        if subject is None and self._passive(verb):  # "it is said that": nobody named
            hedged = verb.lemma_.lower() in en.HEARSAY_PASSIVES
            kind = "author"
        return _Found(
            start=start,
            end=end,
            kind=kind,
            speaker=speaker,
            speaker_text=speaker_text,
            cue=self._cue(verb, start, end),
            verb=verb,
            hedged=hedged,
            speaker_at=self._written(speaking) if speaking is not None else None,
        )

    def _can_speak(self, subject: Token) -> bool:
        """Whether a subject names someone who can say something, or a text: not a
        demonstrative standing for a thing ("That suggests ...", "That said, ..."), nor a noun
        of an event, act or quality ("the election", "his refusal", "the pressure"); a wrong
        speaker misleads a reader more than none."""
        en = self.en
        if subject.tag_ in en.RELATIVE_TAGS and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "a law that sought": the law
        if subject.pos_ == "PRON":
            return subject.lower_ not in en.DEMONSTRATIVES or any(
                not c.is_punct for c in subject.children
            )
        lemma = subject.lemma_.lower()
        if subject.pos_ != "NOUN" or not lemma.endswith(en.ABSTRACT_SUFFIXES):
            return True
        if subject.is_title and (not subject.is_sent_start or subject.lower_ in self._name_words):
            return True  # a name the tagger took for a noun: "Hannity tweeted"
        if lemma in en.SPEAKER_NOUNS or lemma in en.SPEAKING_ABSTRACT_NOUNS:
            return True
        if subject.ent_type_ in en.SPEAKER_LABELS or any(
            c.dep_ == "compound" and c.ent_type_ in en.SPEAKER_LABELS for c in subject.children
        ):
            return True  # "the Reform Movement"
        return any(  # "a succession of officials", "comments by senators"
            g.dep_ == "pobj" and self._can_speak(g) and self._someone(g)
            for c in subject.children
            if c.dep_ == "prep" and c.lower_ in en.SPEAKING_PREPS
            for g in c.children
        )

    def _sentence(self, token: Token) -> Span:
        """The sentence of a token, found by bisection (spaCy's `Token.sent` walks the
        sentence, which on a text without full stops is the whole text)."""
        return self.sents[bisect_right(self.sent_starts, token.idx) - 1]

    def _beside(self, verb: Token, start: int, end: int) -> Token | None:
        """The speaker of a content the parse gave none or one inside it ('"We won," Lee, 58,
        told AFP', '"...," said Lee'): the noun between the content's end and its verb, or
        right after the verb; none where there is none."""
        if end <= verb.idx:
            first = bisect_right(self.token_starts, end - 1)
            ranges = [range(first, verb.i), range(verb.i + 1, len(self.doc))]
        else:
            ranges = [range(verb.i + 1, bisect_right(self.token_starts, start - 1) - 1)]
        sentence = self._sentence(verb)
        for between in ranges:
            for i in between:
                token = self.doc[i]
                if not sentence.start <= i < sentence.end or token.text in self.en.SENTENCE_ENDS:
                    break
                if i > verb.i and token.is_punct:
                    break  # '"...," said Lee, the mayor': not past the name
                if token.pos_ in self.en.SPEAKER_POS and token.head.i not in between:
                    return token
        return None

    def _subject(self, verb: Token) -> Token | None:
        """Who speaks: the subject, the agent of a passive, the noun a participle qualifies
        ("records showing"), or the subject of the verb this one continues ("..., saying");
        never a dateline's place ("WASHINGTON (AP) — Lee said": Lee)."""
        inverted = self._inverted(verb)
        if inverted is not None:
            return inverted
        subject = self._parsed_subject(verb)
        return self._past_dateline(subject) if subject is not None else None

    def _inverted(self, verb: Token) -> Token | None:
        """The speaker of a speech verb set after what it says where the parse took the
        speaker for its object ("... if the party wins the election say 18 percent of
        voters.", "..., reported the Examiner."): an object that names an actor or people, the
        verb's only complement, ending its clause, with words before the verb. None
        elsewhere: where the verb has a subject who can speak ("he said Ryan"), and for verbs
        that take their hearer as object ("warned Congress")."""
        en = self.en
        if (
            not self._is_speech_verb(verb)
            or verb.tag_ not in en.FINITE_TAGS  # not "a tweet announcing the Alliance"
            or verb.lemma_.lower() in en.HEARER_OBJECT_VERBS
        ):
            return None
        objects = [c for c in verb.children if c.dep_ in en.COMPLEMENT_DEPS]
        if len(objects) != 1 or objects[0].dep_ != "dobj" or objects[0].i < verb.i:
            return None
        speaker = objects[0]
        after = speaker.right_edge.i + 1
        sentence = self._sentence(verb)
        ends = after >= sentence.end or self.doc[after].is_punct
        if not ends or verb.i - sentence.start < en.INVERTED_MIN_WORDS:
            return None
        lemma = _head_lemma(speaker)
        named = speaker.ent_type_ in en.SPEAKER_LABELS or (
            lemma in en.SPEAKER_NOUNS and lemma not in en.DOCUMENT_NOUNS
        )  # not "found no record"
        if not named or speaker.pos_ == "PRON" or any(c.dep_ == "mark" for c in verb.children):
            return None
        subject = self._parsed_subject(verb)
        if subject is not None and (
            subject.i > verb.i
            or subject.pos_ in en.NAMING_POS
            or subject.ent_type_ in en.PERSON_LABELS
            or (self._can_speak(subject) and _head_lemma(subject) in en.SPEAKER_NOUNS)
        ):
            return (
                None  # "he said Ryan", "Lee announces a bill"; not "Treason ..." the tagger named
            )
        return speaker

    def _before_inverted(self, verb: Token) -> list[Token]:
        """What an inverted speech verb says: its sentence's words before it."""
        sentence = self._sentence(verb)
        return self._trim(list(self.doc[sentence.start : verb.i]))

    def _past_dateline(self, subject: Token) -> Token | None:
        """A subject the parse found in a dateline ("WASHINGTON (AP) — Lee said"): the noun
        after the dateline's dash and before the verb, or none."""
        en = self.en
        verb = subject.head
        sentence = self._sentence(subject)
        head = sentence[: self.settings.claims_dateline_tokens]
        dash = next((t for t in head if t.text in en.DATELINE_DASHES), None)
        if (
            dash is None
            or not subject.i < dash.i < verb.i
            or any(t.pos_ in en.VERB_POS for t in self.doc[sentence.start : dash.i])
        ):
            return subject
        between = range(dash.i + 1, verb.i)
        return next(
            (t for t in self.doc[dash.i + 1 : verb.i]
             if t.pos_ in en.SPEAKER_POS and t.head.i not in between),
            None,
        )  # fmt: skip

    def _parsed_subject(self, verb: Token) -> Token | None:
        en = self.en
        current = verb
        for _ in range(self.settings.claims_subject_depth):
            here = current.i
            for child in current.children:
                if child.dep_ == "agent":
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            # the subject nearest the verb, where the parse gave two ("In Salem, New
            # Hampshire, Trump went")
            for child in sorted(current.children, key=lambda c: abs(c.i - here)):
                if child.dep_ in en.SUBJECT_DEPS:
                    return None if self._dummy(child) else child
            for child in current.children:
                if (
                    child.dep_ == "nsubjpass"
                    and child.lower_ != en.DUMMY_SUBJECT
                    and current.lemma_.lower() not in en.ASKED_VERBS
                ):  # "Lee was asked whether ...": Lee is asked, nobody named asks
                    return child
            if current.dep_ in en.QUALIFYING_DEPS and current.head.pos_ in en.NOUN_POS:
                return current.head
            if self._passive(current) or self._participle(current):
                return None  # "Asked about X, Lee said ...": Lee is asked, not asking
            if current.dep_ in en.CONTINUING_DEPS and current.head != current:
                current = self._conjoined_cue(current) or current.head
                continue
            if current.dep_ in en.PREPOSITION_CLAUSE_DEPS and current.head.head.pos_ in (
                en.VERB_POS
            ):  # "After saying X, the man left", "he began by saying"
                current = current.head.head
                continue
            return self._named_before(current)
        return None

    def _dummy(self, subject: Token) -> bool:
        """ "It appears that ...", "it's hard to know": an "it" that stands for no one."""
        en = self.en
        head = subject.head.lemma_.lower()
        return subject.lower_ == en.DUMMY_SUBJECT and (
            head in en.RAISING_VERBS or head == en.COPULA
        )

    def _named_before(self, verb: Token) -> Token | None:
        """The subject of a finite verb the parse lost: the noun right before it, hung on the
        verb or set beside another noun ("About 4 in 10 say", "his wife Ana Brun, former
        governor Hal Brun said"), not the object of another word ("with Trump, court papers
        showed")."""
        en = self.en
        if verb.tag_ not in en.FINITE_TAGS:
            return None
        first = self._sentence(verb).start
        at = verb.i - 1
        while at >= first and (
            self.doc[at].dep_ in en.BETWEEN_SUBJECT_DEPS or self.doc[at].text == en.CLOSING_BRACKET
        ):
            if self.doc[at].text == en.CLOSING_BRACKET:  # "Lee (R-Ohio) said"
                while at >= first and self.doc[at].text != en.OPENING_BRACKET:
                    at -= 1
            at -= 1
        if at < first:
            return None
        token = self.doc[at]
        head = token.head
        if (
            token.pos_ not in en.SPEAKER_POS
            or token.dep_ == en.EXPLETIVE_DEP
            or (head.i != verb.i and token.dep_ not in en.LOST_SUBJECT_DEPS)
            or any(q.start <= token.idx < q.end for q in self.quotes)
        ):
            return None
        return token

    def _conjoined_cue(self, verb: Token) -> Token | None:
        """The cue verb a conjoined cue goes with when the parse hung it on the clause that
        cue reports: in "Lee said the plan has failed and said that ...", the second "said"
        hangs from "failed"; it is Lee's, told by its tense, which is the first cue's and
        not that clause's. None where the verb is no such conjunct."""
        clause = verb.head
        cue = clause.head
        en = self.en
        if (
            clause.dep_ not in en.REPORTED_CLAUSE_DEPS
            or not self._is_speech_verb(verb)
            or not self._is_cue_verb(cue)
        ):
            return None
        aux = en.AUXILIARY_DEPS
        if verb.dep_ == "conj" and (
            verb.tag_ == cue.tag_ != clause.tag_
            or _tense(verb, aux) == _tense(cue, aux) != _tense(clause, aux)
        ):  # "said X had failed and said", "said X would win but did not promise"
            return cue
        if verb.dep_ in en.PARTICIPLE_CLAUSE_DEPS and verb.tag_ == en.GERUND_TAG:
            return cue  # "Lee said the plan failed, adding that ...": Lee adds
        return None

    def _participle(self, verb: Token) -> bool:
        """A past participle on its own, passive in meaning: "Asked about X, Lee said"."""
        en = self.en
        return (
            verb.tag_ == en.PAST_PARTICIPLE_TAG
            and verb.dep_ in en.PARTICIPLE_CLAUSE_DEPS
            and not any(c.dep_ in en.CUE_AUX_DEPS | en.PASSIVE_DEPS for c in verb.children)
        )

    def _leading_actor(self, verb: Token) -> Token | None:
        """A parse that lost the subject: the actor named first in the sentence, before the
        verb ("Opposition leader X, whose party holds ..., said")."""
        sentence = verb.sent
        first = min(self.settings.claims_leading_actor_tokens, verb.i - sentence.start)
        for token in sentence[:first]:
            ent = self._actor(token)
            if ent is not None and self.ents[ent].root.dep_ in self.en.LEADING_ACTOR_DEPS:
                return self.ents[ent].root
        return None

    def _speaker(self, subject: Token) -> tuple[int | None, str | None]:
        en = self.en
        if subject.tag_ in en.RELATIVE_TAGS and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Ferreira, who pledged": the noun "who" stands for
        if subject.dep_ == "appos" and self._actor(subject) is None:
            ent = self._actor(subject.head)  # "X, the commander, who ..."
            if ent is not None:
                return ent, None
        ent = self._actor(subject)
        if ent is None:
            ent = self._person_named_before(subject)
        noun = subject.pos_ in en.NOUN_POS
        if ent is None and noun and _head_lemma(subject) not in en.DOCUMENT_NOUNS:
            ent = self._person_described(subject)
        if ent is None and _head_lemma(subject) in en.DOCUMENT_NOUNS:  # "a report by X"
            for token in self._phrase(subject, keep_agent=True):
                found = self._actor(token)
                if found is not None and token.i != subject.i:
                    ent = found
                    break
        if ent is not None:
            return ent, None
        words = self._phrase(subject)
        return None, self.text[words[0].idx : words[-1].idx + len(words[-1])]

    def _written(self, subject: Token) -> tuple[int, int]:
        """Where the speaker is written: the subject's phrase, without its clauses; for "who"
        or "that", from the noun it stands for to the pronoun ("a group that", "Ames, who")."""
        words = self._phrase(subject)
        if subject.tag_ in self.en.RELATIVE_TAGS and subject.head.dep_ == "relcl":
            noun = self._phrase(subject.head.head)
            noun = [t for t in noun if t.i < subject.i]
            if noun:
                return noun[0].idx, subject.idx + len(subject)
        return words[0].idx, words[-1].idx + len(words[-1])

    def _person_named_before(self, subject: Token) -> int | None:
        """ "he", or a surname the tagger missed, after the full name: the person named last
        (for "he" and "she", the last of the text's gender or of none known)."""
        gender = self.en.PERSONAL_PRONOUNS.get(subject.lower_)
        if gender is not None:
            genders = self._genders
            people = [n for n, e in enumerate(self.ents) if e.label_ == "PERSON"
                      and e.end <= subject.i and genders.get(n, gender) == gender]  # fmt: skip
            if people:
                return people[-1]
        if subject.pos_ == "PROPN":
            name = " ".join(t.text for t in self._phrase(subject) if t.pos_ == "PROPN")
            people = [n for n, e in enumerate(self.ents) if e.label_ == "PERSON"
                      and e.end <= subject.i and e.text.endswith(" " + name)]  # fmt: skip
            if name and people:
                return people[-1]
        return None

    @cached_property  # made when a subject first needs it
    def _name_words(self) -> set[str]:
        """The words of the actors the text names (lower case): "Hannity" at the start of a
        sentence, which the tagger may take for a common noun, is the Sean Hannity named
        before."""
        return {t.lower_ for e in self.ents if e.label_ in self.en.SPEAKER_LABELS for t in e}

    @cached_property  # made when a pronoun first needs it
    def _genders(self) -> dict[int, str]:
        """The gender the text gives each person it names (entity index -> "m" or "f"): a title
        ("Mr.", "Mrs.") or the first personal pronoun after the name in its sentence with no
        other person between; a surname shares what one of its mentions shows."""
        en = self.en
        people = [n for n, e in enumerate(self.ents) if e.label_ == "PERSON"]
        found: dict[int, str] = {}
        for n in people:
            ent = self.ents[n]
            before = self.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
            title = en.GENDERED_TITLES.get(before) or en.GENDERED_TITLES.get(
                ent[0].lower_.rstrip(".")
            )
            if title:
                found[n] = title
                continue
            for token in self.doc[ent.end : ent.sent.end]:
                if token.ent_type_ == "PERSON":
                    break
                pronoun = en.GENDERED_PRONOUNS.get(token.lower_)
                if pronoun:
                    found[n] = pronoun
                    break
        by_surname: dict[str, set[str]] = {}
        for n, gender in found.items():
            by_surname.setdefault(self.ents[n][-1].lower_, set()).add(gender)
        for n in people:
            shown = by_surname.get(self.ents[n][-1].lower_, set())
            if n not in found and len(shown) == 1:
                found[n] = next(iter(shown))
        return found

    def _person_described(self, subject: Token) -> int | None:
        """ "Aldane, the chief executive," / "a spokesman, X", or "the President" after
        "President X"."""
        for child in subject.children:
            if child.dep_ == "appos":
                ent = self._actor(child)
                if ent is not None:
                    return ent
        definite = any(
            c.lower_ == self.en.DEFINITE_ARTICLE for c in subject.children if c.dep_ == "det"
        )
        holders = {p for p, title in self.roles if title == subject.lower_}
        earlier = {p for p in holders if self.ents[p].end <= subject.i}
        if definite and len(earlier) == 1 and len(list(subject.children)) == 1:
            return earlier.pop()
        return None

    def _actor(self, token: Token) -> int | None:
        number = self.ent_of.get(token.i)
        if number is None:
            return None
        label = self.ents[number].label_
        if label in self.en.SPEAKER_LABELS:
            return number
        return self.described.get(number)

    def _cue(self, verb: Token, start: int, end: int) -> tuple[int, int]:
        """The verb with its particle, addressee and venue: "told reporters", "said in a
        statement", "pointed out"; never running into the content."""
        en = self.en
        keep = {verb.i}
        for child in verb.children:
            if child.dep_ == "prt" or (child.dep_ in en.CUE_AUX_DEPS and child.i < verb.i):
                keep.add(child.i)
            elif (
                child.dep_ in en.ADDRESSEE_DEPS
                and verb.lemma_.lower() in en.ADDRESSEE_VERBS
                or (
                    child.dep_ == "prep"
                    and child.i > verb.i
                    and any(
                        g.dep_ == "pobj" and g.lemma_.lower() in en.VENUE_NOUNS
                        for g in child.children
                    )
                )
            ):
                keep.update(self._no_clauses(child))
        words = sorted(i for i in keep if not start <= self.doc[i].idx < end)
        run = [verb.i]  # the contiguous run around the verb
        for i in words:
            if i > run[-1] and all(j in keep for j in range(run[-1] + 1, i + 1)):
                run.append(i)
        for i in reversed(words):
            if i < run[0] and all(j in keep for j in range(i, run[0])):
                run.insert(0, i)
        first, last = self.doc[run[0]], self.doc[run[-1]]
        return first.idx, last.idx + len(last)

    # -- "X: ..." ---------------------------------------------------------------------------

    def _colon_claims(self, found: list[_Found]) -> list[_Found]:
        """A headline or lead that names a speaker and a colon, then what they said: "Trump:
        Clinton Not Fit to Serve", "Wash Post Fact-Check: If Obama Says It, It's True"."""
        en = self.en
        taken = _merged([(f.start, f.end) for f in found])
        claims = []
        for number, sentence in enumerate(self.sents):
            words = [t for t in sentence if not t.is_space]
            colon = next(
                (n for n, t in enumerate(words[: en.COLON_SPEAKER_WORDS + 1]) if t.text == ":"),
                None,
            )
            if not colon or words[0].is_punct:
                continue
            if number == 0 and colon == len(words) - 1 and len(self.sents) > 1:
                following = self.sents[1]  # a headline the parse split: "Lee to Voters:" | "We
                if "\n" not in self.text[words[colon].idx : following.start_char]:  # will win."
                    words += [t for t in following if not t.is_space]
            before, after = words[:colon], self._trim(words[colon + 1 :])
            if (
                not (any(t.pos_ == "PROPN" for t in before) or self._headline_name(before))
                or any(t.pos_ in en.VERB_POS for t in before)
                or before[0].lower_ in en.NOT_SPEAKERS
                or len([t for t in after if not t.is_punct]) < en.COLON_CONTENT_WORDS
            ):
                continue
            start, end = after[0].idx, after[-1].idx + len(after[-1])
            if any(a <= start < b for a, b in taken):
                continue
            root = next((t for t in before if t.head.i not in {w.i for w in before}), before[-1])
            speaker, speaker_text = self._speaker(root)
            claims.append(
                _Found(start, end, "reported", speaker=speaker, speaker_text=speaker_text,
                       cue=(words[colon].idx, words[colon].idx + 1),
                       speaker_at=(before[0].idx, before[-1].idx + len(before[-1])))
            )  # fmt: skip
        return claims

    def _headline_name(self, before: list[Token]) -> bool:
        """Words before a colon that open the text, all capitalized: a name in a headline,
        which the tagger often reads as a common noun ("Obama: I Am Optimistic", "Poll: ...").
        Only the first line: further down, such lines are mostly captions ("FILE PHOTO: ...",
        "Exposure: ...")."""
        headline = not self.text[: before[0].idx].strip()
        named = [t for t in before if t.is_alpha]
        return headline and bool(named) and all(t.is_title or t.is_upper for t in named)

    # -- according to ---------------------------------------------------------------------

    def _according_to(self) -> list[_Found]:
        found = []
        according = self.en.ACCORDING_TO[0]
        for token in self.doc:
            if token.lower_ != according:
                continue
            to = self._according_to_word(token)
            if to is None:
                continue
            objects = [c for c in to.children if c.dep_ == "pobj"]
            words = self._according_to_content(token, to, objects)
            if not words:
                continue
            speaker, speaker_text = (None, None)
            if objects:
                speaker, speaker_text = self._speaker(objects[0])
            found.append(
                _Found(
                    start=words[0].idx,
                    end=words[-1].idx + len(words[-1]),
                    kind="according_to",
                    speaker=speaker,
                    speaker_text=speaker_text,
                    cue=(token.idx, to.idx + len(to)),
                    speaker_at=self._written(objects[0]) if objects else None,
                )
            )
        return found

    def _according_to_word(self, according: Token) -> Token | None:
        """The "to" of "according to"."""
        to_word = self.en.ACCORDING_TO[1]
        to = next((c for c in according.children if c.lower_ == to_word), None)
        after = self.doc[according.i + 1] if according.i + 1 < len(self.doc) else None
        if to is None and after is not None and after.lower_ == to_word:
            to = after
        return to

    def _according_object(self, according: Token) -> Token | None:
        """The X of "according to X"."""
        to = self._according_to_word(according)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None

    def _according_to_content(
        self, according: Token, to: Token, objects: list[Token]
    ) -> list[Token]:
        """What "according to X" is said of: the rest of its clause, on the side of the phrase
        that has words when only one side has."""
        phrase = {t.i for t in according.subtree} | {to.i} | {t.i for o in objects
                                                              for t in o.subtree}  # fmt: skip
        clause = according.head
        while clause.dep_ not in self.en.CLAUSE_DEPS and clause.head != clause:
            clause = clause.head
        sentence = according.sent
        words = [t for t in clause.subtree if t.i not in phrase and t.sent == sentence]
        before = [t for t in words if t.i < according.i]
        after = [t for t in words if t.i > max(phrase)]
        if _content_words(before) and not _content_words(after):
            words = before
        elif _content_words(after) and not _content_words(before):
            words = after
        return self._trim(words)

    # -- the author's own voice -------------------------------------------------------------

    def _author_claims(self, found: list[_Found]) -> list[_Found]:
        """Claims in the author's own voice, where a word marks how sure the author is or
        whether the author stands behind them; words inside claims found already are theirs."""
        taken = _merged([(f.start, f.end) for f in found] + [f.cue for f in found if f.cue])
        taken_starts = [a for a, _ in taken]
        claimed_quotes = {(f.start, f.end) for f in found if f.kind == "quote"}

        def free(token: Token) -> bool:
            at = bisect_right(taken_starts, token.idx) - 1
            return at < 0 or token.idx >= taken[at][1]

        markers = [
            marked for token in self.doc if free(token) and (marked := self._word_mark(token))
        ]
        markers += self._phrase_marks(free)
        results: dict[tuple[int, int], _Found] = {}
        for marker, mark in markers:
            self._mark_clause(results, marker, mark)
        labels = [
            _Found(quote.start, quote.end, "label", cue=(quote.open_at, quote.close_at + 1),
                   distanced=True)
            for quote in self._scare_quotes(free, claimed_quotes)
        ]  # fmt: skip
        return list(results.values()) + labels

    def _word_mark(self, token: Token) -> tuple[Token, str] | None:
        """The marker and what it marks, where `token` is a hedge, a booster, a word of
        distance or of endorsement, or the "it" of "it is clear that", "it is said that"."""
        en = self.en
        lower = token.lower_
        if self._is_hedge(token) and not self._is_speech_verb(token):
            return token, "hedged"
        if self._is_booster(token):
            return token, "boosted"
        if lower in en.DISTANCING_WORDS:
            return token, "distanced"
        if lower in en.ENDORSING_WORDS:
            return token, "endorsed"
        if lower == en.DUMMY_SUBJECT and token.dep_ in en.IT_SUBJECT_DEPS:
            head = token.head
            if head.lemma_ == en.COPULA:
                head = next((c for c in head.children if c.dep_ == "acomp"), head)
            if head.lower_ in en.IMPERSONAL_ADJECTIVES:
                return head, "boosted"
            if self._passive(token.head) and token.head.lemma_.lower() in en.IT_HEARSAY_PASSIVES:
                return token.head, "hedged"
        return None

    def _phrase_marks(self, free: Callable[[Token], bool]) -> list[tuple[Token, str]]:
        """ "so-called", "self-styled": the author keeps a distance."""
        marks = []
        for match in self.en.DISTANCING_PHRASE.finditer(self.text):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and free(span[0]):
                marks.append((span[0], "distanced"))
        return marks

    def _scare_quotes(
        self, free: Callable[[Token], bool], claimed_quotes: set[tuple[int, int]]
    ) -> list[_Quote]:
        """Short quoted terms that are nobody's words and no clause: the author's labels."""
        scare: list[_Quote] = []
        for quote in self.quotes:
            words = [t for t in self._tokens(quote.start, quote.end) if not t.is_punct]
            if (
                words
                and len(words) <= self.settings.claims_scare_max_words
                and (quote.start, quote.end) not in claimed_quotes
                and free(words[0])
                and not any(t.pos_ in self.en.VERB_POS for t in words)
            ):
                scare.append(quote)
        return scare

    def _mark_clause(
        self,
        results: dict[tuple[int, int], _Found],
        marker: Token,
        mark: str,
    ) -> None:
        """Mark the claim of the clause `marker` stands in (made on first sight) as `mark`
        says; the first marker of a kind is its cue."""
        clause = marker
        while clause.dep_ not in self.en.CLAUSE_DEPS or clause.pos_ not in self.en.VERB_POS:
            if clause.head == clause:
                break
            clause = clause.head
        content = self._clause_content(clause, marker)
        if not content:
            return
        start, end = content[0].idx, content[-1].idx + len(content[-1])
        item = results.setdefault((start, end), _Found(start, end, "author"))
        cue = (marker.idx, marker.idx + len(marker))
        if mark == "hedged":
            item.hedged = True
        elif mark == "boosted":
            item.boosted = True
            if marker.lower_ in self.en.IMPERSONAL_ADJECTIVES:
                item = self._vouched_clause(results, (start, end), item, marker)
        elif mark == "distanced":
            item.distanced = True
        else:
            item.endorsed = True
        item.cue = item.cue or cue

    def _vouched_clause(
        self,
        results: dict[tuple[int, int], _Found],
        key: tuple[int, int],
        item: _Found,
        adjective: Token,
    ) -> _Found:
        """ "it is clear that X": the claim is X, not the whole sentence."""
        clauses = [t for t in adjective.head.children if t.dep_ == "ccomp"]
        if not clauses:
            return item
        words = self._trim([t for t in clauses[0].subtree if t.dep_ != "mark"])
        if not words:
            return item
        results.pop(key)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        item = results.setdefault((start, end), item)
        item.start, item.end = start, end
        return item

    def _clause_content(self, clause: Token, marker: Token) -> list[Token]:
        en = self.en
        sentence = marker.sent
        words = [t for t in clause.subtree if t.sent == sentence]
        if clause.dep_ in en.MAIN_CLAUSE_DEPS:
            words = [t for t in words if t.dep_ not in en.CONJUNCTION_DEPS or t.i > clause.i]
            # conjoined clauses of their own are not this claim
            others = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in en.VERB_POS
                      and not c.i <= marker.i <= max(t.i for t in c.subtree)]  # fmt: skip
            drop = {t.i for c in others for t in c.subtree}
            words = [t for t in words if t.i not in drop]
        return self._trim(words)

    # -- words ----------------------------------------------------------------------------

    def _tokens(self, start: int, end: int) -> list[Token]:
        span: Span | None = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _is_cue_verb(self, token: Token, candidate: bool = False) -> bool:
        """A speech verb, or a verb learned as a cue: "accused", "urged", "called for"; with
        `candidate`, any learned cue the cue model is there to weigh (elsewhere, as the verb
        of a quote or the end of a content, only the cues above their rate)."""
        if self._is_speech_verb(token):
            return True
        lemmas = self.cue_verbs if candidate else self.en.CUE_VERBS
        return token.pos_ == "VERB" and token.lemma_.lower() in lemmas

    def _someone(self, subject: Token | None) -> bool:
        """Whether a subject can say something: a named actor, a pronoun for people, or a
        noun for people or their bodies ("officials", "the committee")."""
        if subject is None:
            return False
        if subject.ent_type_ in self.en.SPEAKER_LABELS or subject.pos_ in {"PRON", "PROPN"}:
            return True
        return any(
            t.lemma_.lower() in self.en.SPEAKER_NOUNS or t.ent_type_ in self.en.SPEAKER_LABELS
            for t in (subject, *subject.children)
            if t.dep_ in {"compound", "poss"} or t.i == subject.i
        )

    def _is_speech_verb(self, token: Token) -> bool:
        if token.pos_ not in self.en.VERB_POS:
            return False
        lemma = token.lemma_.lower()
        particle = self.en.PARTICLE_SPEECH_VERBS.get(lemma)
        if particle is not None:
            return any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)
        return lemma in self.en.SPEECH_VERBS

    def _softened(self, token: Token) -> bool:
        """ "almost certainly", "not clearly": a booster turned into a hedge."""
        return token.i > 0 and token.doc[token.i - 1].lower_ in self.en.SOFTENERS

    def _is_hedge(self, token: Token) -> bool:
        en = self.en
        lower = token.lower_
        if lower in en.BOOSTER_WORDS:
            return self._softened(token)
        if lower in en.HEDGE_WORDS:
            return lower not in en.MODAL_HEDGES or token.tag_ == en.MODAL_TAG
        return token.pos_ == "VERB" and token.lemma_.lower() in en.HEDGE_LEMMAS

    def _is_booster(self, token: Token) -> bool:
        if token.lower_ in self.en.BOOSTER_WORDS:
            return not self._softened(token)
        return token.pos_ == "VERB" and token.lemma_.lower() in self.en.BOOSTER_LEMMAS

    def _passive(self, verb: Token) -> bool:
        return any(c.dep_ in self.en.PASSIVE_DEPS for c in verb.children)

    def _phrase(self, subject: Token, keep_agent: bool = False) -> list[Token]:
        """The words naming a speaker, without the clauses that describe it (but, when
        `keep_agent`, with the "by X" of "a survey published by X")."""
        drop: set[int] = set()
        for child in subject.children:
            if child.dep_ in self.en.DESCRIBING_DEPS and child.i > subject.i:
                agents = [g for g in child.children if g.dep_ == "agent"] if keep_agent else []
                keep = {t.i for g in agents for t in g.subtree}
                drop.update(t.i for t in child.subtree if t.i not in keep)
        words = [t for t in subject.subtree if t.i not in drop]
        # a name does not run over a line break (a headline above is not part of it), nor
        # over a dateline's dash: "WASHINGTON — A spokesman"
        breaks = [t.i for t in words if (t.is_space and "\n" in t.text)
                  or (t.text in self.en.DATELINE_DASHES and t.i < subject.i)]  # fmt: skip
        first = max((i for i in breaks if i < subject.i), default=-1)
        last = min((i for i in breaks if i > subject.i), default=len(self.doc))
        words = [t for t in words if first < t.i < last]
        while len(words) > 1 and (words[-1].is_punct or words[-1].dep_ in self.en.CONJUNCTION_DEPS):
            words.pop()
        while len(words) > 1 and (words[0].is_punct or words[0].is_space):
            words.pop(0)
        return words

    def _no_clauses(self, head: Token) -> set[int]:
        """The phrase under `head`, without the clauses hanging from it."""
        drop = {t.i for c in head.subtree if c.dep_ in self.en.SUBORDINATE_DEPS
                for t in c.subtree}  # fmt: skip
        return {t.i for t in head.subtree if t.i not in drop}

    def _trim(self, words: list[Token]) -> list[Token]:
        """The words in text order, without a dateline before them and without punctuation,
        space or a conjunction at either end."""
        conjunctions = self.en.CONJUNCTION_DEPS
        words = sorted(words, key=lambda t: t.i)
        head = words[: self.settings.claims_dateline_tokens]
        dash = next((n for n, t in enumerate(head) if t.text in self.en.DATELINE_DASHES), None)
        if dash is not None and not any(t.pos_ in self.en.VERB_POS for t in words[:dash]):
            words = words[dash + 1 :]  # a dateline: "PORT AUREL, March 3, 2025 —"
        while words and (words[0].is_punct or words[0].is_space or words[0].dep_ in conjunctions):
            words = words[1:]
        while words and (
            words[-1].is_punct or words[-1].is_space or words[-1].dep_ in conjunctions
        ):
            words = words[:-1]
        return words


def _quotes(text: str, en: ModuleType) -> list[_Quote]:
    """Quoted passages. Marks pair in turn, whatever their shape (news texts mix them: '"A,”
    she said' opens straight and closes curly); an opening curly mark written against the word
    before it and followed by a space closes ('out of balance.“ The'). A paragraph break closes
    nothing and drops an unclosed mark, unless the next paragraph opens with a mark (a quote
    running over several paragraphs opens each and closes only the last). Marks inside markup
    tags are none."""
    doubled, straight = en.DOUBLED_APOSTROPHE
    text = text.replace(doubled, straight)  # the same length: offsets hold
    # marks inside markup left in a text are no quotes ('<tweet author="@x">'): blanked
    text = en.MARKUP_TAG.sub(lambda tag: " " * len(tag.group()), text)
    found = []
    opened: int | None = None
    reopened = -1  # the opening mark of a paragraph that goes on with the quote before it
    for index, char in enumerate(text):
        if index == reopened:
            continue
        if char == "\n" and opened is not None and text[index + 1 : index + 2] == "\n":
            rest = text[index:]
            following = len(rest) - len(rest.lstrip())
            mark_after = text[index + following : index + following + 1]
            if mark_after and mark_after in en.OPEN_QUOTES:
                reopened = index + following  # a quote of several paragraphs opens each one
                continue
            opened = None
        elif opened is None and char in en.OPEN_QUOTES:
            if char in en.STRAIGHT_QUOTES and index > 0 and text[index - 1].isalnum():
                continue  # inches, a stray mark
            opened = index
        elif opened is not None and (
            char in en.CLOSE_QUOTES or (char in en.OPEN_QUOTES and _closes(text, index))
        ):
            inner = text[opened + 1 : index]
            start = opened + 1 + (len(inner) - len(inner.lstrip()))
            stripped = inner.rstrip().rstrip(",;:.").rstrip()
            end = opened + 1 + len(stripped)
            if end > start:
                found.append(_Quote(start, end, opened, index))
            opened = None
    return found


def _closes(text: str, index: int) -> bool:
    """An opening mark used to close: against the word before it, a space or the end after."""
    before = text[index - 1 : index]
    after = text[index + 1 : index + 2]
    return bool(before) and not before.isspace() and (not after or after.isspace())


def _extend(item: _Found, quote: _Quote) -> None:
    """One more piece of a claim's content: the claim runs on to its end."""
    item.parts = (item.parts or ((item.start, item.end),)) + ((quote.start, quote.end),)
    item.end = max(item.end, quote.end)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _tense(verb: Token, auxiliary_deps: set[str]) -> str:
    """The tag of a verb's finite word: its first auxiliary ("did not suggest": VBD, "would
    offer": MD, "has won": VBZ), else its own."""
    auxiliaries = [c for c in verb.children if c.dep_ in auxiliary_deps and c.i < verb.i]
    return auxiliaries[0].tag_ if auxiliaries else verb.tag_


def _head_lemma(token: Token) -> str:
    return token.lemma_.lower()


def _content_words(words: list[Token]) -> int:
    return sum(1 for t in words if not t.is_punct)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans joined where they overlap or touch, in order (empty ones dropped)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _nested_in(ordered: list[_Found]) -> list[int | None]:
    """For each claim (in order of start, longest first, no two with the same span), the
    shortest other claim that contains it, the first of equals. A claim that contains it starts
    before it in that order, so only the earlier claims still open at its start are looked at."""
    nested: list[int | None] = []
    open_claims: list[int] = []  # earlier claims that end after the start of the current one
    for number, item in enumerate(ordered):
        open_claims = [o for o in open_claims if ordered[o].end > item.start]
        outer = [o for o in open_claims if item.end <= ordered[o].end]
        nested.append(min(outer, key=lambda o: ordered[o].end - ordered[o].start, default=None))
        open_claims.append(number)
    return nested
