"""Figures: the numbers a reader might compare, read off a parsed spaCy `Doc`.

Percentages ("41 percent"), money with its currency and scale ("nearly $3 billion"), counts of
people or things ("Twenty-seven protesters", "at least 66 people"), durations ("90 days") and
ranks ("the second largest producer"), each with its value, unit, qualifier ("at least",
"about", ...), what it measures, the actor it is about and the date it refers to, when the parse
says so. Dates, times, ages in brackets, article numbers, phone numbers and numbers inside names
are not figures. Word lists are general English vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from counterpoint.records import Figure

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
DIGITS_SCALED = re.compile(r"(\d+(?:\.\d+)?)(k|m|mn|mln|b|bn|tn)", re.IGNORECASE)
DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)

SYMBOLS = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "c$": "CAD", "a$": "AUD",
    "r$": "BRL", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "₹": "INR", "₩": "KRW", "₽": "RUB",
}  # fmt: skip
CODES = set(
    "USD EUR GBP JPY CNY CHF CAD AUD BRL MXN ARS CLP COP PEN INR RUB ZAR NGN KRW TRY HKD SGD"
    " NZD SEK NOK DKK PLN".split()
)
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "sol": "PEN", "sole": "PEN",
    "real": "BRL", "reais": "BRL", "ruble": "RUB", "rouble": "RUB", "franc": "CHF",
    "lira": "TRY", "rand": "ZAR", "naira": "NGN",
}  # fmt: skip
PERCENT_WORDS = {"%", "percent", "pct"}
DURATIONS = {"year", "month", "week", "day", "hour", "minute", "decade", "century"}
PERIODS = {"year": "year", "month": "month", "week": "week", "day": "day", "annually": "year"}
QUALIFIERS = {
    ("at", "least"): "at least", ("more", "than"): "more than", ("less", "than"): "less than",
    ("fewer", "than"): "less than", ("up", "to"): "up to", ("close", "to"): "nearly",
    ("an", "estimated"): "about", ("over",): "more than", ("some",): "about",
    ("around",): "about", ("approximately",): "about", ("roughly",): "about",
    ("about",): "about", ("nearly",): "nearly", ("almost",): "almost", ("under",): "less than",
}  # fmt: skip
NAME_LABELS = {
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE",
}  # fmt: skip
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december"
        .split()
    )
}  # fmt: skip
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "pobj", "attr", "npadvmod", "oprd", "appos"}
# verbs whose subject reports a figure rather than being what it measures: "a survey found"
REPORTING = {"say", "find", "show", "estimate", "report", "suggest", "reveal", "indicate", "put"}
LIGHT_VERBS = REPORTING | {"be", "have", "say", "include", "reach", "total", "stand", "number"}


@dataclass
class _Number:
    start: int  # token indexes of the number itself, [start, end)
    end: int
    value: float


def find_figures(sdoc: Doc) -> list[Figure]:
    """Every figure in `sdoc`, in text order; `doc` is left empty for the caller to fill."""
    actor_of = {t: n for n, e in enumerate(sdoc.ents) if e.label_ in ACTOR_LABELS
                for t in range(e.start, e.end)}  # fmt: skip
    figures = []
    for index, sent in enumerate(sdoc.sents):
        i = sent.start
        while i < sent.end:
            number = _rank(sdoc, i) or _number(sdoc, i, sent.end)
            if number is None:
                i += 1
                continue
            figure = _figure(sdoc, sent, index, number, actor_of)
            if figure is not None:
                figures.append(figure)
            i = number.end
    return figures


# --- numbers ---------------------------------------------------------------------------------


def _word_value(token: Token) -> float | None:
    lower = token.lower_
    if DIGITS.fullmatch(token.text):
        return float(token.text.replace(",", ""))
    return float(UNITS[lower]) if lower in UNITS else None


def _number(doc: Doc, i: int, stop: int) -> _Number | None:
    """The number starting at token i ("6.2 million", "Twenty-seven", "2.4bn", "a million")."""
    first = doc[i]
    scaled = DIGITS_SCALED.fullmatch(first.text)
    if scaled:
        return _Number(i, i + 1, float(scaled.group(1)) * SUFFIXES[scaled.group(2).lower()])
    if first.lower_ in SCALES and i > 0 and doc[i - 1].lower_ in {"a", "one"}:
        return _Number(i - 1, i + 1, SCALES[first.lower_])
    start_value = _word_value(first)
    if start_value is None:
        return None
    total, current, j = 0.0, start_value, i + 1
    while j < stop:
        token, previous = doc[j], doc[j - 1].lower_
        if token.lower_ in UNITS and previous in SCALES.keys() | {"-", "and"}:
            current += UNITS[token.lower_]  # "twenty-seven", "one hundred and five"
        elif token.lower_ in SCALES:
            if SCALES[token.lower_] == 100:
                current *= 100
            else:
                total, current = total + current * SCALES[token.lower_], 0.0
        elif token.lower_ in SUFFIXES and not doc[j - 1].whitespace_:
            total, current = total + current * SUFFIXES[token.lower_], 0.0  # "5" "m"
        elif not (
            j + 1 < stop
            and doc[j + 1].lower_ in UNITS
            and (token.text == "-" and previous in TENS or token.lower_ == "and" and previous
                 in SCALES)
        ):  # fmt: skip
            break
        j += 1
    return _Number(i, j, total + current)


def _rank(doc: Doc, i: int) -> _Number | None:
    """An ordinal before a superlative: "second largest", "third-biggest", "2nd most popular"."""
    token = doc[i]
    match = DIGIT_ORDINAL.fullmatch(token.text)
    value = int(match.group(1)) if match else ORDINALS.get(token.lower_)
    if value is None:
        return None
    j = i + 1
    if j < len(doc) and doc[j].text == "-":
        j += 1
    if j < len(doc) and doc[j].lower_ in {"most", "least"}:
        j += 1
        if j < len(doc) and doc[j].pos_ == "ADJ":
            return _Number(i, j + 1, float(value))
        return None
    if j < len(doc) and doc[j].tag_ == "JJS":
        return _Number(i, j + 1, float(value))
    return None


# --- one figure ------------------------------------------------------------------------------


def _figure(
    doc: Doc, sent: Span, index: int, number: _Number, actor_of: dict[int, int]
) -> Figure | None:
    first, last = doc[number.start], doc[number.end - 1]
    if _skipped(doc, sent, number):
        return None
    start, end = number.start, number.end  # token span of the figure as written
    unit = ""
    noun: Token | None = None  # what is counted or measured
    anchor = last  # the token that ties the figure into the parse
    if DIGIT_ORDINAL.fullmatch(first.text) or first.lower_ in ORDINALS:
        unit, noun = "rank", last.head if last.head.i > last.i else None
        anchor = noun or last
    before = doc[start - 1] if start > sent.start else None
    if not unit and before is not None:
        code = SYMBOLS.get(before.lower_) or (before.text if before.text in CODES else None)
        if code:
            unit, start = code, start - 1
    after = doc[end] if end < sent.end else None
    if not unit and after is not None:
        if after.lower_ in PERCENT_WORDS:
            unit, end, anchor = "percent", end + 1, after
        elif (
            after.lower_ in {"per", "percentage"}
            and end + 1 < sent.end
            and doc[end + 1].lower_ in {"cent", "points", "point"}
        ):
            unit, end, anchor = "percent", end + 2, doc[end + 1]
        else:
            code = _currency_word(after)
            if code:
                unit, end, anchor = code, end + 1, after
    if unit and unit not in {"percent", "rank"}:  # money
        end, period = _per_period(doc, sent, end)
        unit = f"{unit} per {period}" if period else unit  # "$310 million a year"
        noun = _money_noun(doc, number, anchor)
    if unit == "rank" and noun is not None and noun.i == end:
        end += 1  # "second largest producer"
    if not unit:
        counted = _counted(doc, sent, number)
        if counted is None:
            return None
        noun, unit, end = counted
        anchor = noun
    if _in_date(doc, number) and not any(unit == d + "s" for d in DURATIONS):
        return None
    qualifier, start = _qualifier(doc, sent, start)
    text_start, text_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    verb = _clause_verb(anchor)
    return Figure(
        doc="",
        sentence=index,
        start=text_start,
        end=text_end,
        value=number.value,
        unit=unit,
        qualifier=qualifier,
        measures=_measures(doc, unit, noun, anchor, verb),
        about=_about(doc, number, noun, anchor, verb, actor_of),
        refers_to=_refers_to(doc, sent, number, verb),
    )


def _skipped(doc: Doc, sent: Span, number: _Number) -> bool:
    """Numbers that are not figures: in names, article numbers, ages in brackets, phone
    numbers, times, years standing alone, the pronoun "one"."""
    first, last = doc[number.start], doc[number.end - 1]
    tokens = doc[number.start : number.end]
    if any(t.ent_type_ in NAME_LABELS for t in tokens):
        return True
    before = doc[number.start - 1] if number.start > sent.start else None
    after = doc[number.end] if number.end < sent.end else None
    if before is not None and before.is_title and before.pos_ in {"PROPN", "NOUN"}:
        return True  # "Article 134", "Route 66", "Boeing 737"
    if before is not None and after is not None and before.text == "(" and after.text == ")":
        return True  # "Ana Ruiz (45)", "(2)"
    left = doc[number.start - 2] if number.start >= 2 else None
    right = doc[number.end + 1] if number.end + 1 < len(doc) else None
    joiners = {"-", "/", ":", "."}
    if (
        before is not None
        and before.text in joiners
        and not before.whitespace_
        and left is not None
        and left.text[:1].isdigit()
    ) or (
        after is not None
        and after.text in joiners
        and not last.whitespace_
        and right is not None
        and right.text[:1].isdigit()
    ):
        return True  # "555-0134", "10:30", "1/2", "2019-2020"
    if ":" in first.text or first.text.startswith("0") and len(first.text) > 1:
        return True
    if len(tokens) == 1 and first.lower_ in {"one", "zero"}:
        return True  # "one of the largest", "one trader", "zero-sum"
    if after is not None and after.text == "-" and number.end + 1 < len(doc):
        following = doc[number.end + 1]
        if following.lower_.rstrip("s") in ORDINALS or following.lower_ in {"halves", "quarters"}:
            return True  # "two-thirds"
        if following.lower_.rstrip("s") in {"third", "fifth", "quarter", "tenth"}:
            return True
    if after is not None and after.lower_ in {"a.m.", "p.m.", "am", "pm", "o'clock"}:
        return True
    return bool(
        len(tokens) == 1
        and re.fullmatch(r"1[89]\d\d|20\d\d", first.text)
        and (first.ent_type_ == "DATE" or after is None or after.tag_ != "NNS")
    )  # a year: "in 2019", "the 2016 contender"


def _in_date(doc: Doc, number: _Number) -> bool:
    return any(t.ent_type_ in {"DATE", "TIME"} for t in doc[number.start : number.end])


def _qualifier(doc: Doc, sent: Span, start: int) -> tuple[str, int]:
    for words, name in QUALIFIERS.items():
        begin = start - len(words)
        if begin >= sent.start and tuple(t.lower_ for t in doc[begin:start]) == words:
            return name, begin
    return "exact", start


def _currency_word(token: Token) -> str | None:
    """The currency a word after an amount names: "dollars", "euros", "soles", "USD"."""
    if token.text in CODES:
        return token.text
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for word in (token.lower_, token.lemma_.lower(), token.lower_.rstrip("s")):
        if word in CURRENCY_WORDS and (word != "pound" or token.ent_type_ == "MONEY"):
            return CURRENCY_WORDS[word]
    return None


def _per_period(doc: Doc, sent: Span, end: int) -> tuple[int, str | None]:
    """The end of "... a year", "... per month", "... annually" after an amount of money."""
    if end < sent.end and doc[end].lower_ == "annually":
        return end + 1, "year"
    if (
        end + 1 < sent.end
        and doc[end].lower_ in {"a", "per", "each", "every"}
        and doc[end + 1].lower_ in PERIODS
    ):
        return end + 2, PERIODS[doc[end + 1].lower_]
    return end, None


def _counted(doc: Doc, sent: Span, number: _Number) -> tuple[Token, str, int] | None:
    """The counted noun, its unit and the end of the figure's span: "12 protesters", "23 police
    officers", "a 30-year concession", "58 of the 130 seats", "all 12 dead"."""
    last = doc[number.end - 1]
    end = number.end
    if end + 1 < sent.end and doc[end].text == "-" and doc[end + 1].pos_ in {"NOUN", "PROPN"}:
        word = doc[end + 1]  # "30-year", "130-seat": a compound adjective
        if end + 3 < len(doc) and doc[end + 2].text == "-" and doc[end + 3].lower_ == "old":
            return None  # an age: "a 45-year-old farmer"
        head = word.head if word.head.i > word.i else word
        return head, _plural(word), end + 2
    head = last.head
    noun: Token | None = None
    if (
        last.dep_ in {"nummod", "compound", "quantmod", "amod"}
        and head.pos_ in {"NOUN", "PROPN"}
        and 0 < head.i - last.i <= 4
        and all(
            t.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} or t.text == "-" for t in doc[end : head.i]
        )
        and head.ent_type_ not in NAME_LABELS
    ):
        noun = head
    elif end < sent.end and doc[end].pos_ == "NOUN" and doc[end].ent_type_ not in NAME_LABELS:
        noun = doc[end]
    if noun is not None:
        if noun.tag_ == "NN" and doc[number.start].lower_ not in {"a", "one", "1"}:
            return None  # a singular noun after a number is a label: "the 3 line", "Grade 4 title"
        return noun, _plural(noun), noun.i + 1
    if end < sent.end and doc[end].pos_ == "ADJ" and doc[end].head.i == last.i:
        return doc[end], doc[end].lower_, end + 1  # "all 12 dead", "40 injured"
    for child in last.children:  # "58 of the 130 seats", "26 of the dead"
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].pos_ in {"NOUN", "ADJ"}:
                return objects[0], _plural(objects[0]), end
    return None


def _plural(noun: Token) -> str:
    text = noun.lower_
    if noun.tag_ in {"NNS", "NNPS"} or noun.pos_ == "ADJ" or noun.lemma_.lower() != text:
        return text
    if noun.lemma_.lower() in DURATIONS or noun.tag_ in {"NN", "NNP"}:
        if text.endswith("y") and text[-2:-1] not in set("aeiou"):
            return text[:-1] + "ies"
        return text + ("es" if text.endswith(("s", "x", "ch", "sh")) else "s")
    return text


def _money_noun(doc: Doc, number: _Number, anchor: Token) -> Token | None:
    """What an amount of money is: "a $2.4 billion investment", "$3 billion in investment"."""
    last = doc[number.end - 1]
    for token in (last, anchor):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "of"}:
                objects = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                if objects:
                    return objects[0]
    head = last.head
    if (
        last.dep_ in {"nummod", "compound", "nmod", "amod"}
        and head.pos_ == "NOUN"
        and head.i > last.i
        and head.i != anchor.i
    ):
        return head
    return None


# --- what, whom, when ------------------------------------------------------------------------


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause the token is in."""
    for child in token.children:  # "12 protesters killed by police", "... who were killed"
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB":
            return child
    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _governs(head: Token, token: Token) -> bool:
    """Whether `token` is `head` or inside its phrase (not counting clauses on it)."""
    while token.i != head.i:
        if token.dep_ in {"relcl", "acl", "advcl", "ccomp"} or token.head.i == token.i:
            return False
        token = token.head
    return True


def _phrase(noun: Token) -> str:
    """The noun with its noun compounds, lowercased: "copper exports", "police officers"."""
    words = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"] + [noun]
    words = [w for w in words if w.i == noun.i or not any(t.like_num for t in w.subtree)]
    return " ".join(w.lower_ if w.pos_ != "PROPN" else w.text for w in words)


def _subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        return verb.head  # "exports, which account for ...": the antecedent
    return subject


def _measures(
    doc: Doc, unit: str, noun: Token | None, anchor: Token, verb: Token | None
) -> str | None:
    """The counted noun and what happens to it: "protesters killed", "investment", "copper
    exports"."""
    if unit == "percent":
        subject = _subject(verb) if verb is not None else None
        of = [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if (
            anchor.dep_ in OBJECTS
            and verb is not None
            and verb.lemma_.lower() not in REPORTING
            and subject is not None
            and subject.pos_ == "NOUN"
            and not _governs(subject, anchor)
        ):
            noun = subject  # "copper exports, which account for 41 percent of earnings"
        elif of:
            noun = of[0]  # "62 percent of respondents (who) disapproved"
            if any(c.dep_ in {"acl", "relcl"} for c in noun.children) or anchor.dep_ not in {
                "nsubj",
                "nsubjpass",
            }:
                verb = _clause_verb(noun)
        else:
            noun = None
    if unit == "rank" and noun is not None:
        superlative = [c for c in noun.lefts if c.tag_ == "JJS"]
        return " ".join([*(s.lower_ for s in superlative), _phrase(noun)])
    past = verb is not None and verb.tag_ in {"VBD", "VBN"} and verb.lemma_ not in LIGHT_VERBS
    if noun is None:
        return verb.lower_ if verb is not None and past else None  # "$1.8 million" ... "paid"
    phrase = _phrase(noun)
    if verb is None or not past or noun.i == verb.i:
        return phrase
    # the noun (or the figure) is the verb's subject or object, or the verb qualifies the noun
    tied = any(t.head.i == verb.i for t in (noun, anchor)) or verb.head.i == noun.i
    return f"{phrase} {verb.lower_}" if tied else phrase


def _about(
    doc: Doc,
    number: _Number,
    noun: Token | None,
    anchor: Token,
    verb: Token | None,
    actor_of: dict[int, int],
) -> int | None:
    """The actor the figure is about: a possessor ("Corvane's $2.4 billion plan"), "of X", or
    the subject of its clause ("the Alliance holds 58 seats")."""
    own = set(range(number.start, number.end)) | {anchor.i} | ({noun.i} if noun else set())
    for token in (noun, anchor):
        if token is None:
            continue
        for child in token.children:
            if child.dep_ == "poss" and child.i in actor_of:
                return actor_of[child.i]
            if child.dep_ == "prep" and child.lower_ == "of":
                for g in child.children:
                    if g.dep_ == "pobj" and g.i in actor_of:
                        return actor_of[g.i]
    if verb is None:
        return None
    subject = _subject(verb)
    if subject is None or any(_governs(subject, subject.doc[i]) for i in own):
        return None
    for t in subject.subtree:
        if t.i in actor_of and _governs(subject, t):
            return actor_of[t.i]
    return None


def _iso_date(text: str) -> str | None:
    """An absolute date: "2029", "January 13, 2025", "13 January 2025", "2025-01-13"."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    years = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", text)
    if len(years) != 1:
        return None
    year = years[0]
    words = re.findall(r"[a-z]+", text.lower())
    months = [MONTHS[w] for w in words if w in MONTHS]
    days = [int(d) for d in re.findall(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", text)]
    if months and days and 1 <= days[0] <= 31:
        return f"{year}-{months[0]:02d}-{days[0]:02d}"
    if months:
        return f"{year}-{months[0]:02d}"
    if not days and not (set(words) - {"in", "by", "of", "the", "year", "since", "until"}):
        return year
    return None


def _refers_to(doc: Doc, sent: Span, number: _Number, verb: Token | None) -> str | None:
    """The absolute date the figure holds at: one in the same clause, else in the sentence."""
    own = set(range(number.start, number.end))
    dates = [e for e in sent.ents if e.label_ == "DATE" and not own & set(range(e.start, e.end))]
    resolved = [(e, _iso_date(e.text)) for e in dates]
    resolved = [(e, iso) for e, iso in resolved if iso]
    if not resolved:
        return None
    if verb is not None:
        for ent, iso in resolved:
            if _clause_verb(ent.root) == verb:
                return iso
    # else a date on a clause above the figure's (not across a relative clause), or on none
    above: set[int] = set()
    token = verb
    while token is not None and token.head.i != token.i and token.dep_ not in {"relcl", "acl"}:
        token = token.head
        above.add(token.i)
    resolved = [(e, iso) for e, iso in resolved if _date_verb(e) is None or _date_verb(e) in above]
    if not resolved:
        return None
    nearest = min(resolved, key=lambda pair: abs(pair[0].start - number.start))
    return nearest[1]


def _date_verb(date: Span) -> int | None:
    verb = _clause_verb(date.root)
    return verb.i if verb is not None else None
