"""Figures: the numbers a reader might compare, read off a parsed spaCy `Doc`.

Percentages ("41 percent"), money with its currency and scale ("nearly $3 billion"), counts of
people or things ("Twenty-seven protesters", "at least 66 people", "a dozen firefighters"),
durations ("90 days"), ranks ("the second largest producer") and how long something has lasted
("the 14th day of the shutdown": 14 days of it), each with its value, unit, qualifier ("at
least", "about", ...), what it measures, the actor it is about and the date it refers to, when
the parse says so. Rates carry their period in the unit ("3 percent a year": "percent per
year"); ranges keep both ends ("between 20 and 30": value 20, `high` 30, qualifier "between");
plural number words are a lower bound within tenfold ("hundreds of": value 100, qualifier
"several", up to 1,000), since "hundreds" says neither how many hundreds nor more. Dates,
times, ages, article numbers, phone numbers and numbers inside names are not figures. Word
lists are the language data in `lang/<code>/figures.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import ModuleType

from spacy.tokens import Doc, Span, Token

from counterpoint.config import NlpSettings
from counterpoint.lang import words
from counterpoint.records import Figure

# ISO 4217 codes of the currencies an amount may be written in: "USD 40 million".
CODES = set(
    "USD EUR GBP JPY CNY CHF CAD AUD BRL MXN ARS CLP COP PEN INR RUB ZAR NGN KRW TRY HKD SGD"
    " NZD SEK NOK DKK PLN".split()
)
JOINERS = {"-", "/", ":", "."}  # between digits: "555-0134", "10:30", "1/2", "2019-2020"


@dataclass
class _Number:
    start: int  # token indexes of the number itself, [start, end)
    end: int
    value: float
    scale: float = 1.0  # the scale word it was written with: "7 billion" -> 1e9
    qualifier: str | None = None  # "several", for "hundreds of", "several thousand"


@dataclass
class _Reading:
    """What a number is a figure of: its unit, the tokens written for it, what it counts or
    measures, and the token that ties it into the parse."""

    unit: str
    start: int
    end: int
    noun: Token | None
    anchor: Token


def find_figures(sdoc: Doc, settings: NlpSettings = NlpSettings()) -> list[Figure]:
    """Every figure in `sdoc`, in text order; `doc` is left empty for the caller to fill."""
    en = words(sdoc.lang_, "figures")
    actor_of = {t: n for n, e in enumerate(sdoc.ents) if e.label_ in en.ACTOR_LABELS
                for t in range(e.start, e.end)}  # fmt: skip
    figures = []
    for index, sent in enumerate(sdoc.sents):
        i = sent.start
        while i < sent.end:
            counted = _day_count(sdoc, sent, i, en)
            if counted is not None:
                figures.append(_record(sdoc, sent, index, *counted, "exact", actor_of, settings))
                i = counted[1].end
                continue
            number = _rank(sdoc, i, en) or _number(sdoc, i, sent.end, en)
            if number is None:
                i += 1
                continue
            ranged = _range(sdoc, sent, number, en)
            figure = None
            if ranged is not None:
                high, first, low = ranged
                figure = _figure(sdoc, sent, index, high, actor_of, settings, (first, low))
            if figure is not None and ranged is not None:
                i = ranged[0].end
            else:
                figure = _figure(sdoc, sent, index, number, actor_of, settings)
                i = number.end
            if figure is not None:
                figures.append(figure)
    return figures


# --- numbers ---------------------------------------------------------------------------------
# These run at every token, so they take the language data (`en`) from the caller.


def _word_value(token: Token, en: ModuleType) -> float | None:
    lower = token.lower_
    if en.DIGITS.fullmatch(token.text):
        return float(token.text.replace(",", ""))
    return float(en.UNITS[lower]) if lower in en.UNITS else None


def _number(doc: Doc, i: int, stop: int, en: ModuleType) -> _Number | None:
    """The number starting at token i ("6.2 million", "Twenty-seven", "2.4bn", "a million")."""
    first = doc[i]
    scaled = en.DIGITS_SCALED.fullmatch(first.text)
    if scaled:
        scale = en.SUFFIXES[scaled.group(2).lower()]
        return _Number(i, i + 1, float(scaled.group(1)) * scale, scale)
    if first.lower_ in en.SCALES and i > 0 and doc[i - 1].lower_ in en.INDEFINITE:
        scale = en.SCALES[first.lower_]  # "a million", "half a dozen"
        if i > 1 and doc[i - 2].lower_ in en.SHARES:
            return _Number(i - 2, i + 1, scale * en.SHARES[doc[i - 2].lower_], scale)
        return _Number(i - 1, i + 1, scale, scale)
    several = _several(doc, i, stop, en)
    if several is not None:
        return several
    start_value = _word_value(first, en)
    if start_value is None:
        return None
    total, current, j, scale = 0.0, start_value, i + 1, 1.0
    while j < stop:
        j = _past_gap(doc, j, en)
        token, previous = doc[j], doc[j - 1].lower_
        if token.lower_ in en.UNITS and previous in en.ADDS_AFTER:
            current += en.UNITS[token.lower_]  # "twenty-seven", "one hundred and five"
        elif token.lower_ in en.SCALES:
            scale = max(scale, en.SCALES[token.lower_])
            if en.SCALES[token.lower_] == 100:
                current *= 100
            else:
                total, current = total + current * en.SCALES[token.lower_], 0.0
        elif token.lower_ in en.SUFFIXES and not doc[j - 1].whitespace_:
            scale = max(scale, en.SUFFIXES[token.lower_])
            total, current = total + current * en.SUFFIXES[token.lower_], 0.0  # "5" "m"
        elif not (
            j + 1 < stop
            and doc[j + 1].lower_ in en.UNITS
            and (token.text == "-" and previous in en.TENS
                 or token.lower_ == en.NUMBER_AND and previous in en.SCALES)
        ):  # fmt: skip
            break
        j += 1
    return _Number(i, j, total + current, scale)


def _past_gap(doc: Doc, j: int, en: ModuleType) -> int:
    """Past a quote mark, line break or hyphen between a number and its scale word, as in
    `$5.6 "billion"`, "$2.1<newline>billion" or "$7-billion"; else j. A line break may have
    ended the sentence: the scale word is looked for past its end."""
    k, stop = j, len(doc)
    while k < stop and k - j < 2 and (doc[k].is_space or doc[k].is_quote or doc[k].text == "-"):
        k += 1
    return k if k > j and k < stop and doc[k].lower_ in en.SCALES else j


def _several(doc: Doc, i: int, stop: int, en: ModuleType) -> _Number | None:
    """A plural number word and what it multiplies ("hundreds of", "tens of thousands of"), or
    a scale word after "several" or "a few" ("several hundred"): a lower bound within tenfold."""
    value, j = 1.0, i
    while j + 1 < stop and doc[j].lower_ in en.MULTIPLES and doc[j + 1].lower_ == en.OF_WORD:
        value, j = value * en.MULTIPLES[doc[j].lower_], j + 2
    if j > i and not (j == i + 2 and doc[i].lower_ in en.MULTIPLES_ONLY_BEFORE_ANOTHER):
        return _Number(i, j, value, value, en.SEVERAL)
    if doc[i].lower_ not in en.SEVERAL_WORDS or i + 1 >= stop or doc[i + 1].lower_ not in en.SCALES:
        return None
    j = i + 1
    while j < stop and doc[j].lower_ in en.SCALES:
        value, j = value * en.SCALES[doc[j].lower_], j + 1
    start = i - 1 if i > 0 and doc[i - 1].lower_ in en.INDEFINITE else i  # "a few hundred"
    return _Number(start, j, value, value, en.SEVERAL)


def _range(doc: Doc, sent: Span, low: _Number, en: ModuleType) -> tuple[_Number, int, float] | None:
    """A range whose low end is `low` ("between 20 and 30", "30 to 60", "$5 to $7 billion",
    "3-4", "two or three"): its high end, the index its words start at and its low value (with
    the high end's scale when the low end has none: "$5 to $7 billion" is from 5 billion)."""
    j = low.end
    if low.qualifier is not None or j + 1 >= sent.end:
        return None
    symbol = low.start > sent.start and _currency_symbol(doc[low.start - 1]) is not None
    first = low.start - symbol
    opener = doc[first - 1].lower_ if first > sent.start else ""
    joiner = doc[j].lower_
    if opener in en.RANGE_OPENERS:
        if joiner != en.RANGE_OPENERS[opener]:
            return None
        first -= 1
    elif joiner not in en.RANGE_JOINERS or opener in en.CHANGE_OPENERS:
        return None
    k = j + 1
    if symbol and doc[k].text == doc[low.start - 1].text and k + 1 < sent.end:
        k += 1  # "$5 to $7 billion"
    high = _number(doc, k, sent.end, en)
    if high is None or high.qualifier is not None:
        return None
    value = low.value * high.scale if low.scale == 1.0 and high.scale > 1.0 else low.value
    return (high, first, value) if value < high.value else None


def _currency_symbol(token: Token) -> str | None:
    """The currency a symbol or code before an amount names: "$", "€", "USD"."""
    en = words(token.doc.lang_, "figures")
    return en.SYMBOLS.get(token.lower_) or (token.text if token.text in CODES else None)


def _day_count(doc: Doc, sent: Span, i: int, en: ModuleType) -> tuple[_Number, _Reading] | None:
    """How long something has lasted, said by the day it is on: "the 14th day of the
    shutdown", "day 30 of the siege": 14 (30) days of it, what it measures the thing."""
    if i + 2 >= sent.end:
        return None
    token, after = doc[i], doc[i + 1]
    match = en.DIGIT_ORDINAL.fullmatch(token.text)
    ordinal = int(match.group(1)) if match else en.ORDINALS.get(token.lower_)
    if ordinal is not None and after.lower_ in en.COUNTED_PERIODS:
        period, value, start = after, float(ordinal), i
        if i > sent.start and doc[i - 1].lower_ == en.DETERMINER:
            start = i - 1
    elif token.lower_ in en.COUNTED_PERIODS and en.DIGITS.fullmatch(after.text):
        period, value, start = token, float(after.text.replace(",", "")), i
    else:
        return None
    of = doc[i + 2]
    things = [c for c in of.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}]
    if of.lower_ != en.OF_WORD or not things:
        return None
    unit = _plural(period)
    number = _Number(i, i + 2, value)
    return number, _Reading(unit, start, things[0].i + 1, things[0], things[0])


def _rank(doc: Doc, i: int, en: ModuleType) -> _Number | None:
    """An ordinal before a superlative: "second largest", "third-biggest", "2nd most popular"."""
    token = doc[i]
    match = en.DIGIT_ORDINAL.fullmatch(token.text)
    value = int(match.group(1)) if match else en.ORDINALS.get(token.lower_)
    if value is None:
        return None
    j = i + 1
    if j < len(doc) and doc[j].text == "-":
        j += 1
    if j < len(doc) and doc[j].lower_ in en.SUPERLATIVE_ADVERBS:
        j += 1
        if j < len(doc) and doc[j].pos_ == "ADJ":
            return _Number(i, j + 1, float(value))
        return None
    if j < len(doc) and doc[j].tag_ == "JJS":
        return _Number(i, j + 1, float(value))
    return None


# --- one figure ------------------------------------------------------------------------------


def _figure(
    doc: Doc,
    sent: Span,
    index: int,
    number: _Number,
    actor_of: dict[int, int],
    settings: NlpSettings,
    low: tuple[int, float] | None = None,
) -> Figure | None:
    """The figure of `number`; with `low` (where its words start, its low value) the high end
    of a range."""
    if _skipped(doc, sent, number, ranged=low is not None):
        return None
    reading = _marked(doc, sent, number) or _counted(doc, sent, number, settings)
    if reading is None:
        return None
    en = words(doc.lang_, "figures")
    # A range of years is no figure (`_counts_nothing`), one of counts is; a toll's level is
    # none either way (the tagger takes "jumped to 60 overnight" for a time).
    tally = reading.noun is not None and reading.noun.lower_ in en.TALLY_NOUNS
    dated = _in_date(doc, number) and reading.unit not in en.DURATION_UNITS
    if dated and low is None and not tally:
        return None
    after = doc[reading.end] if reading.end < sent.end else None
    if after is not None and after.lower_ == en.AGE_WORD and reading.unit in en.DURATION_UNITS:
        return None  # an age: "13 years old"
    if reading.unit != "rank" and " per " not in reading.unit:
        end, period = _per_period(doc, sent, reading.end)
        if period:  # a rate: "3 percent a year", "40 patients per week"
            reading = replace(reading, unit=f"{reading.unit} per {period}", end=end)
    if low is not None:
        return _record(doc, sent, index, number, reading, en.RANGE, actor_of, settings, *low)
    if number.qualifier is not None:
        return _record(doc, sent, index, number, reading, number.qualifier, actor_of, settings)
    qualifier, start = _qualifier(doc, sent, reading.start)
    if qualifier == "exact":
        qualifier, end = _trailing_qualifier(doc, sent, number.end, reading.end)
        reading = replace(reading, end=end)
    return _record(doc, sent, index, number, reading, qualifier, actor_of, settings, start)


def _record(
    doc: Doc,
    sent: Span,
    index: int,
    number: _Number,
    reading: _Reading,
    qualifier: str,
    actor_of: dict[int, int],
    settings: NlpSettings,
    start: int | None = None,
    low: float | None = None,
) -> Figure:
    """The figure read: from token `start` (else where the reading starts); with `low`, a range
    from `low` to the number."""
    first = doc[reading.start if start is None else start]
    last = doc[reading.end - 1]
    verb = _clause_verb(reading.anchor, settings)
    return Figure(
        doc="",
        sentence=index,
        start=first.idx,
        end=last.idx + len(last),
        value=number.value if low is None else low,
        unit=reading.unit,
        qualifier=qualifier,
        measures=_measures(reading, verb, settings),
        about=_about(number, reading, verb, actor_of),
        refers_to=_refers_to(sent, number, verb, settings),
        high=None if low is None else number.value,
    )


def _skipped(doc: Doc, sent: Span, number: _Number, ranged: bool = False) -> bool:
    """Numbers that are not figures: labels, codes and times, and numbers that count nothing.
    The high end of a range may be joined to its low end by a hyphen ("3-4 percent")."""
    before = doc[number.start - 1] if number.start > sent.start else None
    after = doc[number.end] if number.end < sent.end else None
    months = words(doc.lang_, "figures").MONTHS
    return (
        _labels_something(doc, number, before, after)
        or _in_code(doc, number, None if ranged else before, after)
        or _counts_nothing(doc, number, after)
        or any(t is not None and t.lower_ in months for t in (before, after))  # "27 April"
    )


def _labels_something(doc: Doc, number: _Number, before: Token | None, after: Token | None) -> bool:
    """A number in a name, after a capitalised word ("Article 134", "Route 66", "Boeing 737")
    or alone in brackets ("Ana Ruiz (45)", "(2)")."""
    names = words(doc.lang_, "figures").NAME_LABELS
    if any(t.ent_type_ in names for t in doc[number.start : number.end]):
        return True
    if before is not None and before.is_title and before.pos_ in {"PROPN", "NOUN"}:
        return True
    return before is not None and after is not None and before.text == "(" and after.text == ")"


def _in_code(doc: Doc, number: _Number, before: Token | None, after: Token | None) -> bool:
    """Digits joined to other digits ("555-0134", "10:30", "1/2", "2019-2020"), with a leading
    zero, or telling the time ("10 a.m.")."""
    first, last = doc[number.start], doc[number.end - 1]
    left = doc[number.start - 2] if number.start >= 2 else None
    right = doc[number.end + 1] if number.end + 1 < len(doc) else None
    if (
        before is not None
        and before.text in JOINERS
        and not before.whitespace_
        and left is not None
        and left.text[:1].isdigit()
    ) or (
        after is not None
        and after.text in JOINERS
        and not last.whitespace_
        and right is not None
        and right.text[:1].isdigit()
    ):
        return True
    if ":" in first.text or re.match(r"0\d", first.text):
        return True
    return after is not None and after.lower_ in words(doc.lang_, "figures").CLOCK_WORDS


def _counts_nothing(doc: Doc, number: _Number, after: Token | None) -> bool:
    """The pronoun "one", a fraction ("two-thirds"), a year ("in 2019", "the 2016 contender")."""
    en = words(doc.lang_, "figures")
    first = doc[number.start]
    single = number.end - number.start == 1
    if single and first.lower_ in en.NOT_COUNTS:
        return True
    if after is not None and after.text == "-" and number.end + 1 < len(doc):
        following = doc[number.end + 1].lower_
        stem = following.rstrip(en.PLURAL)
        if stem in en.ORDINALS or following in en.FRACTIONS or stem in en.FRACTION_STEMS:
            return True
    return bool(
        single
        and re.fullmatch(r"1[89]\d\d|20\d\d", first.text)
        and (first.ent_type_ == en.DATE_LABEL or after is None or after.tag_ != "NNS")
    )


def _in_date(doc: Doc, number: _Number) -> bool:
    dates = words(doc.lang_, "figures").DATE_LABELS
    return any(t.ent_type_ in dates for t in doc[number.start : number.end])


def _qualifier(doc: Doc, sent: Span, start: int) -> tuple[str, int]:
    for said, name in words(doc.lang_, "figures").QUALIFIERS.items():
        begin = start - len(said)
        if begin >= sent.start and tuple(t.lower_ for t in doc[begin:start]) == said:
            return name, begin
    return "exact", start


def _trailing_qualifier(doc: Doc, sent: Span, number_end: int, end: int) -> tuple[str, int]:
    """A qualifier written after the figure ("four years at least", "20 people or more") or
    right after its number ("$100-plus"), and the figure's new end."""
    for said, name in words(doc.lang_, "figures").TRAILING_QUALIFIERS.items():
        for at in dict.fromkeys((end, number_end)):
            stop = at + len(said)
            if stop <= sent.end and tuple(t.lower_ for t in doc[at:stop]) == said:
                return name, max(end, stop)
    return "exact", end


def _marked(doc: Doc, sent: Span, number: _Number) -> _Reading | None:
    """A number whose unit is written by it: a rank ("second largest"), money ("$3 billion",
    "3 billion soles") or a percentage ("41 percent", "41 per cent")."""
    en = words(doc.lang_, "figures")
    first, last = doc[number.start], doc[number.end - 1]
    if en.DIGIT_ORDINAL.fullmatch(first.text) or first.lower_ in en.ORDINALS:
        noun = last.head if last.head.i > last.i else None
        end = number.end + 1 if noun is not None and noun.i == number.end else number.end
        return _Reading("rank", number.start, end, noun, noun or last)  # "second largest producer"
    before = doc[number.start - 1] if number.start > sent.start else None
    if before is not None:
        code = _currency_symbol(before)
        if code:
            return _money(doc, sent, number, code, number.start - 1, number.end, last)
    if number.end >= sent.end:
        return None
    after = doc[number.end]
    if after.lower_ in en.PERCENT_WORDS:
        return _Reading("percent", number.start, number.end + 1, None, after)
    if (
        after.lower_ in en.PERCENT_OPENERS
        and number.end + 1 < sent.end
        and doc[number.end + 1].lower_ in en.PERCENT_CLOSERS
    ):
        return _Reading("percent", number.start, number.end + 2, None, doc[number.end + 1])
    code = _currency_word(after)
    if code:
        return _money(doc, sent, number, code, number.start, number.end + 1, after)
    return None


def _money(
    doc: Doc, sent: Span, number: _Number, code: str, start: int, end: int, anchor: Token
) -> _Reading:
    """An amount of money, with its period ("$310 million a year") and what it is ("a $2.4
    billion investment")."""
    end, period = _per_period(doc, sent, end)
    unit = f"{code} per {period}" if period else code
    return _Reading(unit, start, end, _money_noun(doc, number, anchor), anchor)


def _currency_word(token: Token) -> str | None:
    """The currency a word after an amount names: "dollars", "euros", "soles", "USD"."""
    en = words(token.doc.lang_, "figures")
    if token.text in CODES:
        return token.text
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for word in (token.lower_, token.lemma_.lower(), token.lower_.rstrip(en.PLURAL)):
        if word in en.CURRENCY_WORDS and (
            word not in en.MONEY_IF_TAGGED or token.ent_type_ == en.MONEY_LABEL
        ):
            return en.CURRENCY_WORDS[word]
    return None


def _per_period(doc: Doc, sent: Span, end: int) -> tuple[int, str | None]:
    """The end of "... a year", "... per month", "... annually" after an amount of money."""
    en = words(doc.lang_, "figures")
    if end < sent.end and doc[end].lower_ in en.PERIOD_ADVERBS:
        return end + 1, en.PERIOD_ADVERBS[doc[end].lower_]
    if end + 1 < sent.end and doc[end].lower_ in en.PER_WORDS and doc[end + 1].lower_ in en.PERIODS:
        if end + 2 < sent.end and doc[end + 2].lower_ in en.NOT_A_RATE_AFTER:
            return end, None  # "40 percent a year ago"
        return end + 2, en.PERIODS[doc[end + 1].lower_]
    return end, None


def _counted(doc: Doc, sent: Span, number: _Number, settings: NlpSettings) -> _Reading | None:
    """The counted noun, its unit and the end of the figure's span: "12 protesters", "23 police
    officers", "a 30-year concession", "58 of the 130 seats", "all 12 dead"."""
    en = words(doc.lang_, "figures")
    last = doc[number.end - 1]
    end = number.end
    if last.lower_ == en.OF_WORD:  # "hundreds of (young) people"
        things = [c for c in last.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}]
        if not things or things[0].ent_type_ in en.NAME_LABELS or things[0].lower_ in en.MULTIPLES:
            return None
        return _Reading(_plural(things[0]), number.start, things[0].i + 1, things[0], things[0])
    if end + 1 < sent.end and doc[end].text == "-" and doc[end + 1].pos_ in {"NOUN", "PROPN"}:
        word = doc[end + 1]  # "30-year", "130-seat": a compound adjective
        if end + 3 < len(doc) and doc[end + 2].text == "-" and doc[end + 3].lower_ == en.AGE_WORD:
            return None  # an age: "a 45-year-old farmer"
        head = word.head if word.head.i > word.i else word
        return _Reading(_plural(word), number.start, end + 2, head, head)
    noun = _counted_noun(doc, sent, number, settings)
    if noun is not None:
        if noun.tag_ == "NN" and doc[number.start].lower_ not in en.SINGULAR_NUMBERS:
            return None  # a singular noun after a number is a label: "the 3 line", "Grade 4 title"
        return _Reading(_plural(noun), number.start, noun.i + 1, noun, noun)
    if end < sent.end and doc[end].pos_ == "ADJ" and doc[end].head.i == last.i:
        return _Reading(doc[end].lower_, number.start, end + 1, doc[end], doc[end])  # "all 12 dead"
    for child in last.children:  # "58 of the 130 seats", "26 of the dead"
        if child.dep_ == "prep" and child.lower_ in en.OF_PREPS:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].pos_ in {"NOUN", "ADJ"}:
                return _Reading(_plural(objects[0]), number.start, end, objects[0], objects[0])
    predicate = _toll_predicate(last, en)
    if predicate is not None:  # "60 are confirmed dead": the figure runs to its predicate
        return _Reading(predicate.lower_, number.start, predicate.i + 1, predicate, predicate)
    tally = _tally_level(last, en)
    if tally is not None:  # "the death toll rose to 45"
        return _Reading(_phrase(tally), number.start, end, tally, last)
    return None


def _toll_predicate(number: Token, en: ModuleType) -> Token | None:
    """What befell the people a number stands for, where the number is its clause's subject
    and no noun says who they are: "60 are confirmed dead", "three were killed"."""
    if number.dep_ not in en.SUBJECTS:
        return None
    head = number.head
    told = [c for c in head.children if c.dep_ in {"oprd", "acomp"}] + [head]
    return next((w for w in told if w.lower_ in en.TOLL_PREDICATES and w.i > number.i), None)


def _tally_level(number: Token, en: ModuleType) -> Token | None:
    """The tally a number is the new level of: the subject of "rose to 45", "stands at 45", when
    it is a toll ("the death toll") or the number of one ("the number of confirmed dead")."""
    if number.dep_ != "pobj" or number.head.lower_ not in en.LEVEL_PREPS:
        return None
    subject = _subject(number.head.head)
    if subject is not None and subject.lower_ in en.NUMBER_NOUNS:
        counted = [
            t
            for c in subject.children
            if c.lower_ in en.OF_PREPS
            for t in c.subtree
            if t.lower_ in en.TALLY_NOUNS
        ]
        subject = counted[0] if counted else None
    return subject if subject is not None and subject.lower_ in en.TALLY_NOUNS else None


def _counted_noun(doc: Doc, sent: Span, number: _Number, settings: NlpSettings) -> Token | None:
    """The noun the number counts: the one it modifies, a few words on ("12 police officers"),
    or the noun right after it."""
    names = words(doc.lang_, "figures").NAME_LABELS
    last, end = doc[number.end - 1], number.end
    head = last.head
    if (
        last.dep_ in {"nummod", "compound", "quantmod", "amod"}
        and head.pos_ in {"NOUN", "PROPN"}
        and 0 < head.i - last.i <= settings.figures_noun_distance
        and all(
            t.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} or t.text == "-" for t in doc[end : head.i]
        )
        and head.ent_type_ not in names
    ):
        return head
    if end < sent.end and doc[end].pos_ == "NOUN" and doc[end].ent_type_ not in names:
        return doc[end]
    return None


def _plural(noun: Token) -> str:
    en = words(noun.doc.lang_, "figures")
    text = noun.lower_
    if noun.tag_ in {"NNS", "NNPS"} or noun.pos_ == "ADJ" or noun.lemma_.lower() != text:
        return text
    if noun.lemma_.lower() in en.DURATIONS or noun.tag_ in {"NN", "NNP"}:
        if text.endswith("y") and text[-2:-1] not in en.VOWELS:
            return text[:-1] + "ies"
        return text + ("es" if text.endswith(en.ES_ENDINGS) else "s")
    return text


def _money_noun(doc: Doc, number: _Number, anchor: Token) -> Token | None:
    """What an amount of money is: "a $2.4 billion investment", "$3 billion in investment"."""
    preps = words(doc.lang_, "figures").MONEY_PREPS
    last = doc[number.end - 1]
    for token in (last, anchor):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
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


def _clause_verb(token: Token, settings: NlpSettings) -> Token | None:
    """The verb of the clause the token is in."""
    for child in token.children:  # "12 protesters killed by police", "... who were killed"
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB":
            return child
    current = token
    for _ in range(settings.figures_clause_depth):
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
    phrase = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"] + [noun]
    phrase = [w for w in phrase if w.i == noun.i or not any(t.like_num for t in w.subtree)]
    return " ".join(w.lower_ if w.pos_ != "PROPN" else w.text for w in phrase)


def _subject(verb: Token) -> Token | None:
    subjects = words(verb.doc.lang_, "figures").SUBJECTS
    subject = next((c for c in verb.children if c.dep_ in subjects), None)
    if subject is not None and subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        return verb.head  # "exports, which account for ...": the antecedent
    return subject


def _measures(reading: _Reading, verb: Token | None, settings: NlpSettings) -> str | None:
    """The counted noun and what happens to it: "protesters killed", "investment", "copper
    exports"."""
    en = words(reading.anchor.doc.lang_, "figures")
    noun, anchor = reading.noun, reading.anchor
    if reading.unit == "percent":
        noun, verb = _percent_of(anchor, verb, settings)
    if reading.unit == "rank" and noun is not None:
        superlative = [c for c in noun.lefts if c.tag_ == "JJS"]
        return " ".join([*(s.lower_ for s in superlative), _phrase(noun)])
    past = verb is not None and verb.tag_ in {"VBD", "VBN"} and verb.lemma_ not in en.LIGHT_VERBS
    if noun is None:
        return verb.lower_ if verb is not None and past else None  # "$1.8 million" ... "paid"
    phrase = _phrase(noun)
    if verb is None or not past or noun.i == verb.i:
        return phrase
    # the noun (or the figure) is the verb's subject or object, or the verb qualifies the noun
    tied = any(t.head.i == verb.i for t in (noun, anchor)) or verb.head.i == noun.i
    return f"{phrase} {verb.lower_}" if tied else phrase


def _percent_of(
    anchor: Token, verb: Token | None, settings: NlpSettings
) -> tuple[Token | None, Token | None]:
    """What a percentage is a share of, and the verb that says what happens to it: the subject
    of its clause ("copper exports, which account for 41 percent"), or "of X" ("62 percent of
    respondents disapproved")."""
    en = words(anchor.doc.lang_, "figures")
    subject = _subject(verb) if verb is not None else None
    of = [g for c in anchor.children if c.dep_ == "prep" and c.lower_ in en.OF_PREPS
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if (
        anchor.dep_ in en.OBJECTS
        and verb is not None
        and verb.lemma_.lower() not in en.REPORTING
        and subject is not None
        and subject.pos_ == "NOUN"
        and not _governs(subject, anchor)
    ):
        return subject, verb  # "copper exports, which account for 41 percent of earnings"
    if not of:
        return None, verb
    noun = of[0]  # "62 percent of respondents (who) disapproved"
    if any(c.dep_ in {"acl", "relcl"} for c in noun.children) or anchor.dep_ not in {
        "nsubj",
        "nsubjpass",
    }:
        verb = _clause_verb(noun, settings)
    return noun, verb


def _about(
    number: _Number, reading: _Reading, verb: Token | None, actor_of: dict[int, int]
) -> int | None:
    """The actor the figure is about: a possessor ("Corvane's $2.4 billion plan"), "of X", or
    the subject of its clause ("the Alliance holds 58 seats")."""
    noun, anchor = reading.noun, reading.anchor
    of_preps = words(anchor.doc.lang_, "figures").OF_PREPS
    own = set(range(number.start, number.end)) | {anchor.i} | ({noun.i} if noun else set())
    for token in (noun, anchor):
        if token is None:
            continue
        for child in token.children:
            if child.dep_ == "poss" and child.i in actor_of:
                return actor_of[child.i]
            if child.dep_ == "prep" and child.lower_ in of_preps:
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


def _iso_date(text: str, language: str) -> str | None:
    """An absolute date: "2029", "January 13, 2025", "13 January 2025", "2025-01-13"."""
    en = words(language, "figures")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    years = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", text)
    if len(years) != 1:
        return None
    year = years[0]
    said = en.DATE_WORDS.findall(text.lower())
    months = [en.MONTHS[w] for w in said if w in en.MONTHS]
    days = [int(d) for d in en.DAY.findall(text)]
    if months and days and 1 <= days[0] <= 31:
        return f"{year}-{months[0]:02d}-{days[0]:02d}"
    if months:
        return f"{year}-{months[0]:02d}"
    if not days and not (set(said) - en.YEAR_FILLERS):
        return year
    return None


def _refers_to(
    sent: Span, number: _Number, verb: Token | None, settings: NlpSettings
) -> str | None:
    """The absolute date the figure holds at: one in the same clause, else in the sentence."""
    own = set(range(number.start, number.end))
    date_label = words(sent.doc.lang_, "figures").DATE_LABEL
    dates = [
        e for e in sent.ents if e.label_ == date_label and not own & set(range(e.start, e.end))
    ]
    resolved = [(e, _iso_date(e.text, sent.doc.lang_)) for e in dates]
    resolved = [(e, iso) for e, iso in resolved if iso]
    if not resolved:
        return None
    if verb is not None:
        for ent, iso in resolved:
            if _clause_verb(ent.root, settings) == verb:
                return iso
    # else a date on a clause above the figure's (not across a relative clause), or on none
    above: set[int] = set()
    token = verb
    while token is not None and token.head.i != token.i and token.dep_ not in {"relcl", "acl"}:
        token = token.head
        above.add(token.i)
    resolved = [
        (e, iso)
        for e, iso in resolved
        if _date_verb(e, settings) is None or _date_verb(e, settings) in above
    ]
    if not resolved:
        return None
    nearest = min(resolved, key=lambda pair: abs(pair[0].start - number.start))
    return nearest[1]


def _date_verb(date: Span, settings: NlpSettings) -> int | None:
    verb = _clause_verb(date.root, settings)
    return verb.i if verb is not None else None
