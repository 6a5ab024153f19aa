"""Who says what: claims and quotes, read off the dependency parse of a spaCy `Doc`.

- Direct quotes: the words inside quotation marks (curly or straight), attributed to the speech
  verb that governs them or stands next to them ('"...," Abril said.', '"...," said Abril.',
  'Abril said: "..."', 'pledged to "guarantee order"'); a quote right after an attributed one
  in the same paragraph continues it.
- Reported speech: a speech verb with a complement clause ("X said that ...", "X told Y ...",
  "X notes in his talk that ..."), passive forms with an agent ("it was announced by X that").
- "according to X, ...": the rest of the clause.
- Documents: "a report by X showed that ...", "records showing that ...".
- The author's own assertions, only where certainty or endorsement is marked: hedges
  ("reportedly", "may", "it is said that"), boosters ("clearly", "it is known that"),
  distancing ("so-called", "falsely", scare quotes) or endorsement ("rightly").

`find_claims` returns `Claim` records with `doc=""`; `speaker` is an index into `doc.ents`.
Word lists are general English vocabulary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from counterpoint.records import Claim

SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
SPEECH_VERBS = set(
    """
    say tell claim insist state announce argue add note warn deny confirm acknowledge admit
    reveal suggest report explain believe think allege maintain assert stress write declare
    promise pledge vow predict estimate conclude indicate testify tweet post complain contend
    concede emphasise emphasize reply respond recall observe remark comment disclose reiterate
    repeat show find prove demonstrate point charge accuse assure inform remind caution
    """.split()
)
# Verbs whose subject is a text rather than a person: "the report found that ...".
DOCUMENT_NOUNS = set(
    """
    report study survey poll statement document documents record records data analysis
    investigation inquiry audit memo memorandum letter filing review findings paper research
    assessment evaluation census ruling verdict indictment complaint lawsuit transcript email
    emails cable cables file files footage video recording recordings figures statistics
    """.split()
)
# Objects of "tell"-like verbs that are part of the cue: "told reporters", "told a conference".
ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "brief", "warn"}
# Where a thing was said: "said in a statement", "told reporters on a call".
VENUE_NOUNS = set(
    """
    statement response interview conference briefing speech talk address letter post release
    email message tweet call hearing testimony broadcast podcast column article book memo
    communique communiqué note video
    """.split()
)
HEDGE_WORDS = set(
    """
    reportedly allegedly apparently possibly perhaps maybe probably presumably seemingly
    supposedly purportedly ostensibly rumoured rumored unconfirmed unverified may might could
    likely unlikely suspected
    """.split()
)
HEDGE_LEMMAS = {"suggest", "claim", "allege", "appear", "seem", "rumour", "rumor"}
BOOSTER_WORDS = set(
    """
    clearly certainly undoubtedly definitely surely obviously indisputably unquestionably
    evidently undeniably plainly
    """.split()
)
BOOSTER_LEMMAS = {"prove", "demonstrate"}
HEDGE_PHRASES = re.compile(
    r"\b(it is (said|claimed|alleged|rumou?red|believed|thought|reported|understood) that|"
    r"(is|are|was|were) (said|reported|believed|thought|rumou?red|alleged) to|"
    r"according to some|not (yet )?(been )?confirmed|sort of|kind of)\b",
    re.IGNORECASE,
)
BOOSTER_PHRASES = re.compile(
    r"\b(of course|without (a )?doubt|no doubt|beyond doubt|in fact|it is (well |widely )?"
    r"(known|clear|certain|evident|obvious|undeniable|beyond doubt) that|there is no doubt)\b",
    re.IGNORECASE,
)
DISTANCING_LEMMAS = {"claim", "insist", "allege", "purport", "contend"}
DISTANCING_WORDS = {"falsely", "wrongly", "baselessly", "supposedly", "purportedly", "dubiously"}
DISTANCING_PHRASE = re.compile(r"\b(so-called|so called|self-styled|self-proclaimed)\b", re.I)
ENDORSING_LEMMAS = set(
    """
    acknowledge reveal confirm note admit concede recognise recognize show prove demonstrate
    establish realise realize
    """.split()
)
ENDORSING_WORDS = {"rightly", "correctly", "accurately", "aptly", "justifiably", "justly"}
IMPERSONAL_ADJECTIVES = {"known", "clear", "certain", "evident", "obvious", "undeniable"}
WH_WORDS = {"how", "why", "whether", "if", "what", "when", "where", "who", "which", "whom"}
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj"}
OPEN_QUOTES = '\u201c"'
CLOSE_QUOTES = '\u201d"'
SCARE_MAX_WORDS = 4  # a quoted term this short, nobody's words, is held at a distance
PRIORITY = {"quote": 0, "document": 1, "reported": 2, "according_to": 3, "author": 4}


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
    extra_cues: list[Token] = field(default_factory=list)
    hedged: bool = False
    boosted: bool = False
    distanced: bool = False
    endorsed: bool = False


def find_claims(sdoc: Doc) -> list[Claim]:
    """The claims of one parsed document, in text order, with `doc=""`."""
    finder = _Finder(sdoc)
    return finder.run()


class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
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
        self.quotes = _quotes(self.text)

    # -- the whole document ---------------------------------------------------------------

    def run(self) -> list[Claim]:
        found: list[_Found] = []
        found += self._quote_claims()
        found += self._verb_claims(found)
        found += self._according_to()
        found += self._author_claims(found)
        unique: dict[tuple[int, int], _Found] = {}
        for item in sorted(found, key=lambda f: PRIORITY[f.kind]):
            if item.end > item.start:
                unique.setdefault((item.start, item.end), item)
        ordered = sorted(unique.values(), key=lambda f: (f.start, -f.end))
        claims = [self._claim(item) for item in ordered]
        result = []
        for number, (item, claim) in enumerate(zip(ordered, claims, strict=True)):
            outer = [
                other
                for other, candidate in enumerate(ordered)
                if other != number
                and candidate.start <= item.start
                and item.end <= candidate.end
                and (candidate.end - candidate.start) > (item.end - item.start)
            ]
            nested = min(outer, key=lambda o: ordered[o].end - ordered[o].start, default=None)
            result.append(replace(claim, nested_in=nested))
        return result

    def _claim(self, item: _Found) -> Claim:
        cue_text = self.text[item.cue[0] : item.cue[1]] if item.cue else None
        words = [t for t in self._tokens(item.start, item.end)]
        cue_words = [t for t in self._tokens(*item.cue)] if item.cue else []
        hedged = item.hedged or any(_is_hedge(t) for t in words + cue_words)
        hedged = hedged or bool(HEDGE_PHRASES.search(self.text[item.start : item.end]))
        boosted = item.boosted or any(_is_booster(t) for t in words + cue_words)
        boosted = boosted or bool(BOOSTER_PHRASES.search(self.text[item.start : item.end]))
        certainty = "hedged" if hedged else "boosted" if boosted else "asserted"
        distanced, endorsed = item.distanced, item.endorsed
        if item.verb is not None:
            lemma = item.verb.lemma_.lower()
            adverbs = {c.lower_ for c in item.verb.children if c.dep_ == "advmod"}
            distanced = distanced or lemma in DISTANCING_LEMMAS or bool(adverbs & DISTANCING_WORDS)
            endorsed = endorsed or lemma in ENDORSING_LEMMAS or bool(adverbs & ENDORSING_WORDS)
        endorsement = "distanced" if distanced else "endorsed" if endorsed else "neutral"
        return Claim(
            doc="",
            sentence=max(0, bisect_right(self.sent_starts, item.start) - 1),
            start=item.start,
            end=item.end,
            kind=item.kind,
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
            if verb is not None:
                item = self._attributed(verb, quote.start, quote.end, "quote")
                found.append(item)
                previous, previous_quote = item, quote
                continue
            words = [t for t in tokens if not t.is_punct]
            same_paragraph = (
                previous is not None
                and previous_quote is not None
                and "\n" not in self.text[previous_quote.close_at : quote.open_at]
            )
            if same_paragraph and previous is not None and len(words) > SCARE_MAX_WORDS:
                found.append(replace(previous, start=quote.start, end=quote.end))
                previous_quote = quote
        return found

    def _governing_verb(self, tokens: list[Token]) -> Token | None:
        """The speech verb the quoted words hang from: 'X said that she "regrets ..."'."""
        inside = {t.i for t in tokens}
        for token in tokens:
            if token.head.i in inside or token.is_punct:
                continue
            for ancestor in list(token.ancestors)[:4]:
                if ancestor.i in inside:
                    continue
                if _is_speech_verb(ancestor) and self._adjacent(ancestor, tokens):
                    return ancestor
        return None

    def _adjacent(self, verb: Token, tokens: list[Token]) -> bool:
        """No sentence ends between the quoted words and their verb."""
        first, last = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        between = self.text[last : verb.idx] if verb.idx >= last else self.text[verb.idx : first]
        return not re.search(r"[.?!]\W*\s", between.replace("\n", " ") + " ")

    def _verb_after(self, quote: _Quote) -> Token | None:
        """'"...," Abril said.' / '"...," said Abril.'"""
        after = [t for t in self.doc if t.idx > quote.close_at][:12]
        for token in after:
            if token.text in OPEN_QUOTES + CLOSE_QUOTES or token.text in {".", "?", "!"}:
                break
            own = any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)
            if _is_speech_verb(token) and not own and self._subject(token) is not None:
                return token
        return None

    def _verb_before(self, quote: _Quote) -> Token | None:
        """'Abril said: "..."' / 'Abril said, "..."'."""
        before = [t for t in self.doc if t.idx + len(t) <= quote.open_at][-6:]
        if not before or before[-1].text not in {":", ","}:
            return None
        for token in reversed(before[:-1]):
            if token.text in OPEN_QUOTES + CLOSE_QUOTES or token.text in {".", "?", "!"}:
                break
            if _is_speech_verb(token):
                return token
        return None

    # -- speech verbs and documents ---------------------------------------------------------

    def _verb_claims(self, quotes: list[_Found]) -> list[_Found]:
        found: list[_Found] = []
        spans = [(q.open_at, q.close_at + 1) for q in self.quotes]
        for verb in self.doc:
            if not _is_speech_verb(verb) or _negated(verb):
                continue
            clauses = [
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                or (
                    c.dep_ == "dobj"
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                )  # fmt: skip
            ]
            if any(c.i > verb.i for c in clauses):
                clauses = [c for c in clauses if c.i > verb.i]
            for clause in clauses:
                words = [t for t in clause.subtree if not t.is_punct]
                if not words or words[0].lower_ in WH_WORDS:
                    continue
                if words[0].dep_ == "mark" and words[0].lower_ == "that":
                    words = words[1:]
                if not words:
                    continue
                start, end = words[0].idx, words[-1].idx + len(words[-1])
                if any(a <= start and end <= b for a, b in spans):
                    continue  # the quote itself, found above
                found.append(self._attributed(verb, start, end, "reported"))
        return found

    def _attributed(self, verb: Token, start: int, end: int, kind: str) -> _Found:
        subject = self._subject(verb)
        if subject is None and not _passive(verb):
            subject = self._leading_actor(verb)
        speaker, speaker_text = self._speaker(subject) if subject is not None else (None, None)
        if subject is not None and kind == "reported" and _head_lemma(subject) in DOCUMENT_NOUNS:
            kind = "document"
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
            kind = "document"
        hedged = False
        if subject is None and _passive(verb):  # "it is said that": nobody named
            hedged = verb.lemma_.lower() in {"say", "report", "claim", "allege", "believe"}
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
        )

    def _subject(self, verb: Token) -> Token | None:
        """Who speaks: the subject, the agent of a passive, the noun a participle qualifies
        ("records showing"), or the subject of the verb this one continues ("..., saying")."""
        current: Token | None = verb
        for _ in range(3):
            if current is None:
                return None
            for child in current.children:
                if child.dep_ == "agent":
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            for child in current.children:
                if child.dep_ in {"nsubj", "csubj"}:
                    return child
                if child.dep_ == "nsubjpass" and child.lower_ not in {"it"}:
                    return child
            if current.dep_ in {"acl", "relcl"} and current.head.pos_ in {"NOUN", "PROPN"}:
                return current.head
            if current.dep_ in {"advcl", "xcomp", "conj"} and current.head != current:
                current = current.head
                continue
            return None
        return None

    def _leading_actor(self, verb: Token) -> Token | None:
        """A parse that lost the subject: the actor named first in the sentence, before the
        verb ("Opposition leader X, whose party holds ..., said")."""
        sentence = verb.sent
        for token in sentence[: min(6, verb.i - sentence.start)]:
            ent = self._actor(token)
            if ent is not None and self.doc.ents[ent].root.dep_ in {"nsubj", "compound", "ROOT"}:
                return self.doc.ents[ent].root
        return None

    def _speaker(self, subject: Token) -> tuple[int | None, str | None]:
        if subject.tag_ in {"WP", "WDT"} and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Ferreira, who pledged": the noun "who" stands for
        if subject.dep_ == "appos" and self._actor(subject) is None:
            ent = self._actor(subject.head)  # "X, the commander, who ..."
            if ent is not None:
                return ent, None
        ent = self._actor(subject)
        if ent is not None:
            return ent, None
        lower = subject.lower_
        if lower in {"he", "she", "him", "her"}:
            people = [n for n, e in enumerate(self.doc.ents)
                      if e.label_ == "PERSON" and e.end <= subject.i]  # fmt: skip
            if people:
                return people[-1], None
        if subject.pos_ == "PROPN":  # a surname the tagger missed, after the full name
            name = " ".join(t.text for t in _phrase(subject) if t.pos_ == "PROPN")
            people = [n for n, e in enumerate(self.doc.ents) if e.label_ == "PERSON"
                      and e.end <= subject.i and e.text.endswith(" " + name)]  # fmt: skip
            if name and people:
                return people[-1], None
        if subject.pos_ in {"NOUN", "PROPN"} and _head_lemma(subject) not in DOCUMENT_NOUNS:
            for child in subject.children:  # "Aldane, the chief executive," / "a spokesman, X"
                if child.dep_ == "appos":
                    ent = self._actor(child)
                    if ent is not None:
                        return ent, None
            definite = any(c.lower_ == "the" for c in subject.children if c.dep_ == "det")
            holders = {p for p, title in self.roles if title == subject.lower_}
            earlier = {p for p in holders if self.doc.ents[p].end <= subject.i}
            if definite and len(earlier) == 1 and len(list(subject.children)) == 1:
                return earlier.pop(), None  # "the President", after "President X"
        if _head_lemma(subject) in DOCUMENT_NOUNS:  # "a report by X", "X's survey"
            for token in _phrase(subject, keep_agent=True):
                ent = self._actor(token)
                if ent is not None and token.i != subject.i:
                    return ent, None
        words = _phrase(subject)
        return None, self.text[words[0].idx : words[-1].idx + len(words[-1])]

    def _actor(self, token: Token) -> int | None:
        number = self.ent_of.get(token.i)
        if number is None:
            return None
        label = self.doc.ents[number].label_
        if label in SPEAKER_LABELS:
            return number
        return self.described.get(number)

    def _cue(self, verb: Token, start: int, end: int) -> tuple[int, int]:
        """The verb with its particle, addressee and venue: "told reporters", "said in a
        statement", "pointed out"; never running into the content."""
        keep = {verb.i}
        for child in verb.children:
            if child.dep_ == "prt" or (child.dep_ in {"aux", "neg"} and child.i < verb.i):
                keep.add(child.i)
            elif (
                child.dep_ in {"dobj", "dative"}
                and verb.lemma_.lower() in ADDRESSEE_VERBS
                or (
                    child.dep_ == "prep"
                    and child.i > verb.i
                    and any(
                        g.dep_ == "pobj" and g.lemma_.lower() in VENUE_NOUNS for g in child.children
                    )
                )
            ):
                keep.update(_no_clauses(child))
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

    # -- according to ---------------------------------------------------------------------

    def _according_to(self) -> list[_Found]:
        found = []
        for token in self.doc:
            if token.lower_ != "according":
                continue
            to = next((c for c in token.children if c.lower_ == "to"), None)
            if to is None and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                to = self.doc[token.i + 1]
            if to is None:
                continue
            objects = [c for c in to.children if c.dep_ == "pobj"]
            phrase = {t.i for t in token.subtree} | {to.i} | {t.i for o in objects
                                                                for t in o.subtree}  # fmt: skip
            clause = token.head
            while clause.dep_ not in CLAUSE_DEPS and clause.head != clause:
                clause = clause.head
            sentence = token.sent
            words = [t for t in clause.subtree if t.i not in phrase and t.sent == sentence]
            before = [t for t in words if t.i < token.i]
            after = [t for t in words if t.i > max(phrase)]
            if _content_words(before) and not _content_words(after):
                words = before
            elif _content_words(after) and not _content_words(before):
                words = after
            words = _trim(words)
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
                )
            )
        return found

    # -- the author's own voice -------------------------------------------------------------

    def _author_claims(self, found: list[_Found]) -> list[_Found]:
        taken = [(f.start, f.end) for f in found] + [f.cue for f in found if f.cue]
        claimed_quotes = {(f.start, f.end) for f in found if f.kind == "quote"}

        def free(token: Token) -> bool:
            return not any(a <= token.idx < b for a, b in taken)

        markers: list[tuple[Token, str]] = []
        scare: dict[int, tuple[int, int]] = {}  # first quoted word -> the term with its marks
        for token in self.doc:
            if not free(token):
                continue
            lower = token.lower_
            if _is_hedge(token) and not _is_speech_verb(token):
                markers.append((token, "hedged"))
            elif _is_booster(token):
                markers.append((token, "boosted"))
            elif lower in DISTANCING_WORDS:
                markers.append((token, "distanced"))
            elif lower in ENDORSING_WORDS:
                markers.append((token, "endorsed"))
            elif lower == "it" and token.dep_ in {"nsubj", "nsubjpass"}:
                head = token.head
                if head.lemma_ == "be":
                    head = next((c for c in head.children if c.dep_ == "acomp"), head)
                if head.lower_ in IMPERSONAL_ADJECTIVES:
                    markers.append((head, "boosted"))
                elif _passive(token.head) and token.head.lemma_.lower() in {
                    "say", "report", "claim", "allege", "believe", "rumour", "rumor", "think",
                }:  # fmt: skip
                    markers.append((token.head, "hedged"))
        for match in DISTANCING_PHRASE.finditer(self.text):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and free(span[0]):
                markers.append((span[0], "distanced"))
        for quote in self.quotes:
            words = [t for t in self._tokens(quote.start, quote.end) if not t.is_punct]
            if (
                words
                and len(words) <= SCARE_MAX_WORDS
                and (quote.start, quote.end) not in claimed_quotes
                and free(words[0])
                and not any(t.pos_ in {"VERB", "AUX"} for t in words)
            ):
                markers.append((words[0], "distanced"))
                scare[words[0].i] = (quote.open_at, quote.close_at + 1)
        results: dict[tuple[int, int], _Found] = {}
        for marker, mark in markers:
            clause = marker
            while clause.dep_ not in CLAUSE_DEPS or clause.pos_ not in {"VERB", "AUX"}:
                if clause.head == clause:
                    break
                clause = clause.head
            content = self._clause_content(clause, marker)
            if not content:
                continue
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            item = results.setdefault((start, end), _Found(start, end, "author"))
            if mark == "hedged":
                item.hedged = True
                if item.cue is None:
                    item.cue = (marker.idx, marker.idx + len(marker))
            elif mark == "boosted":
                item.boosted = True
                if marker.lower_ in IMPERSONAL_ADJECTIVES:
                    clause_words = [t for t in marker.head.children if t.dep_ == "ccomp"]
                    if clause_words:
                        words = _trim([t for t in clause_words[0].subtree if t.dep_ != "mark"])
                        if words:
                            results.pop((start, end))
                            start, end = words[0].idx, words[-1].idx + len(words[-1])
                            item = results.setdefault((start, end), item)
                            item.start, item.end = start, end
                if item.cue is None:
                    item.cue = (marker.idx, marker.idx + len(marker))
            elif mark == "distanced":
                item.distanced = True
                item.cue = item.cue or scare.get(marker.i, (marker.idx, marker.idx + len(marker)))
            else:
                item.endorsed = True
                item.cue = item.cue or (marker.idx, marker.idx + len(marker))
        return list(results.values())

    def _clause_content(self, clause: Token, marker: Token) -> list[Token]:
        sentence = marker.sent
        words = [t for t in clause.subtree if t.sent == sentence]
        if clause.dep_ in {"ROOT", "conj", "parataxis"}:
            words = [t for t in words if t.dep_ not in {"cc"} or t.i > clause.i]
            # conjoined clauses of their own are not this claim
            others = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                      and not c.i <= marker.i <= max(t.i for t in c.subtree)]  # fmt: skip
            drop = {t.i for c in others for t in c.subtree}
            words = [t for t in words if t.i not in drop]
        return _trim(words)

    # -- helpers --------------------------------------------------------------------------

    def _tokens(self, start: int, end: int) -> list[Token]:
        span: Span | None = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []


def _quotes(text: str) -> list[_Quote]:
    """Quoted passages: curly marks pair by their shape, straight ones in turn; a paragraph
    break closes nothing and drops an unclosed mark."""
    found = []
    opened: int | None = None
    mark = ""
    for index, char in enumerate(text):
        if char == "\n" and opened is not None and text[index + 1 : index + 2] == "\n":
            opened = None
        elif opened is None and char in OPEN_QUOTES:
            if char == '"' and index > 0 and text[index - 1].isalnum():
                continue  # inches, a stray mark
            opened, mark = index, char
        elif opened is not None and char in CLOSE_QUOTES and (char == "\u201d") == (mark != '"'):
            inner = text[opened + 1 : index]
            start = opened + 1 + (len(inner) - len(inner.lstrip()))
            stripped = inner.rstrip().rstrip(",;:.").rstrip()
            end = opened + 1 + len(stripped)
            if end > start:
                found.append(_Quote(start, end, opened, index))
            opened = None
    return found


def _is_speech_verb(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    return lemma in SPEECH_VERBS


def _softened(token: Token) -> bool:
    """ "almost certainly", "not clearly": a booster turned into a hedge."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in {"almost", "nearly", "not", "probably"}


def _is_hedge(token: Token) -> bool:
    lower = token.lower_
    if lower in BOOSTER_WORDS:
        return _softened(token)
    if lower in HEDGE_WORDS:
        return lower not in {"may", "might", "could"} or token.tag_ == "MD"
    return token.pos_ == "VERB" and token.lemma_.lower() in HEDGE_LEMMAS


def _is_booster(token: Token) -> bool:
    if token.lower_ in BOOSTER_WORDS:
        return not _softened(token)
    return token.pos_ == "VERB" and token.lemma_.lower() in BOOSTER_LEMMAS


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _head_lemma(token: Token) -> str:
    return token.lemma_.lower()


def _phrase(subject: Token, keep_agent: bool = False) -> list[Token]:
    """The words naming a speaker, without the clauses that describe it (but, when
    `keep_agent`, with the "by X" of "a survey published by X")."""
    drop: set[int] = set()
    for child in subject.children:
        if child.dep_ in {"relcl", "appos", "punct", "acl"} and child.i > subject.i:
            agents = [g for g in child.children if g.dep_ == "agent"] if keep_agent else []
            keep = {t.i for g in agents for t in g.subtree}
            drop.update(t.i for t in child.subtree if t.i not in keep)
    words = [t for t in subject.subtree if t.i not in drop]
    while len(words) > 1 and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    return words


def _no_clauses(head: Token) -> set[int]:
    """The phrase under `head`, without the clauses hanging from it."""
    drop = {t.i for c in head.subtree if c.dep_ in {"acl", "relcl", "ccomp", "advcl", "mark"}
            for t in c.subtree}  # fmt: skip
    return {t.i for t in head.subtree if t.i not in drop}


def _trim(words: list[Token]) -> list[Token]:
    words = sorted(words, key=lambda t: t.i)
    dash = next((n for n, t in enumerate(words[:15]) if t.text in {"\u2014", "--"}), None)
    if dash is not None and not any(t.pos_ in {"VERB", "AUX"} for t in words[:dash]):
        words = words[dash + 1 :]  # a dateline: "PORT AUREL, March 3, 2025 —"
    while words and (words[0].is_punct or words[0].is_space or words[0].dep_ == "cc"):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].dep_ == "cc"):
        words = words[:-1]
    return words


def _content_words(words: list[Token]) -> int:
    return sum(1 for t in words if not t.is_punct)
