"""English words of the figure reader (`nlp/figures.py`): number words and how numbers are
written, units (money, percent, durations), qualifiers, the cues of numbers that are no
figures, and the spaCy labels the rules read. General English vocabulary."""

from __future__ import annotations

import re

from counterpoint.lang.en import labels

# --- Numbers -----------------------------------------------------------------------------------

# Number words and their values.
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
SCALES = {
    "dozen": 12, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12,
}  # fmt: skip
# A share of a number written before "a": "half a dozen", "half a million".
SHARES = {"half": 0.5, "quarter": 0.25}
# Plural number words that say "some multiple of": "hundreds of", "tens of thousands of". Read
# as a lower bound within tenfold: value is the word's number, qualifier SEVERAL. "tens" only
# before another of them ("tens of thousands"): alone it is rarely a figure.
MULTIPLES = {
    "dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "trillions": 1e12, "tens": 10,
}  # fmt: skip
MULTIPLES_ONLY_BEFORE_ANOTHER = {"tens"}
# Words before a scale word that say the same: "several hundred", "a few thousand".
SEVERAL_WORDS = {"several", "few"}
SEVERAL = "several"  # the qualifier: from value to ten times value
OF_WORD = "of"
# Scale words written after digits: "5m", "2.4bn", "5 m".
SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}  # fmt: skip
# Digits as English writes them: "140,000", "6.2".
DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
DIGITS_SCALED = re.compile(r"(\d+(?:\.\d+)?)(k|m|mn|mln|b|bn|tn)", re.IGNORECASE)
DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)
INDEFINITE = {"a", "one"}  # before a scale word, its one: "a million"
NUMBER_AND = "and"  # between a scale and a unit: "one hundred and five"
# Words after which a number word adds to the number: "hundred five", "twenty-seven", "hundred
# and five".
ADDS_AFTER = SCALES.keys() | {"-", NUMBER_AND}
SUPERLATIVE_ADVERBS = {"most", "least"}  # a rank: "the second most popular"

# --- Units -------------------------------------------------------------------------------------

# Currency symbols as English-language news uses them.
SYMBOLS = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "c$": "CAD", "a$": "AUD",
    "r$": "BRL", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "₹": "INR", "₩": "KRW", "₽": "RUB",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "sol": "PEN", "sole": "PEN",
    "real": "BRL", "reais": "BRL", "ruble": "RUB", "rouble": "RUB", "franc": "CHF",
    "lira": "TRY", "rand": "ZAR", "naira": "NGN",
}  # fmt: skip
MONEY_IF_TAGGED = {"pound"}  # a currency only where the tagger says MONEY (else a weight)
PERCENT_WORDS = {"%", "percent", "pct"}
# Two-word percent: "41 per cent", "3 percentage points".
PERCENT_OPENERS = {"per", "percentage"}
PERCENT_CLOSERS = {"cent", "points", "point"}
DURATIONS = {"year", "month", "week", "day", "hour", "minute", "decade", "century"}
DURATION_UNITS = {d + "s" for d in DURATIONS}  # units of durations counted: "90 days"
# Periods of an amount of money: "$310 million a year", "... annually".
# The same after a percentage or a count: "3 percent a year", "40 patients per week".
PERIODS = {
    "year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour",
    "annually": "year",
}  # fmt: skip
PERIOD_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
                  "daily": "day", "hourly": "hour"}  # fmt: skip
PER_WORDS = {"a", "an", "per", "each", "every"}
# After "a year", a time the figure held at, not a rate: "40 percent a year ago".
NOT_A_RATE_AFTER = {"ago", "earlier", "later", "before", "after", "since", "from", "back", "on"}

# --- Ranges ------------------------------------------------------------------------------------

RANGE = "between"  # the qualifier of a range: value is its low end, `high` its high end
RANGE_OPENERS = {"between": "and"}  # "between 20 and 30 people"
RANGE_JOINERS = {"to", "or", "-", "–", "—"}  # "30 to 60 days", "two or three weeks", "3-4%"
# Before "X to Y" a change from one value to another, not a range: "rose from 40 to 50".
CHANGE_OPENERS = {"from"}
# "the 14th day of the shutdown", "day 30 of the siege", "the third week of the strike": how
# many days (weeks, ...) something has lasted, a count that grows; read as "14 days" of it.
COUNTED_PERIODS = {"day", "week", "month", "year"}
DETERMINER = "the"  # "the 14th day of ...": part of the figure's words
QUALIFIERS = {
    ("at", "least"): "at least", ("more", "than"): "more than", ("less", "than"): "less than",
    ("fewer", "than"): "less than", ("up", "to"): "up to", ("close", "to"): "nearly",
    ("an", "estimated"): "about", ("over",): "more than", ("some",): "about",
    ("around",): "about", ("approximately",): "about", ("roughly",): "about",
    ("about",): "about", ("nearly",): "nearly", ("almost",): "almost", ("under",): "less than",
}  # fmt: skip
# The same written after the figure: "four years at least", "$100-plus", "20 people or more".
TRAILING_QUALIFIERS = {
    ("at", "least"): "at least", ("or", "more"): "at least", ("-", "plus"): "at least",
    ("plus",): "at least", ("or", "so"): "about",
}  # fmt: skip

# --- Numbers that are no figures ---------------------------------------------------------------

NOT_COUNTS = {"one", "zero"}  # "one of the largest", "one trader", "zero-sum"
# After a hyphen, a fraction: "two-thirds", "three-quarters".
FRACTIONS = {"halves", "quarters"}
FRACTION_STEMS = {"third", "fifth", "quarter", "tenth"}
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "o'clock"}
AGE_WORD = "old"  # "a 45-year-old farmer", "13 years old": an age
PLURAL = "s"  # stripped to find a word's singular: "thirds", "dollars"
# spaCy entity labels of names (a number in one is part of it) and of dates.
NAME_LABELS = labels.NAMES
DATE_LABELS = {"DATE", "TIME"}
DATE_LABEL = labels.DATE
MONEY_LABEL = labels.MONEY

# --- Counted nouns -----------------------------------------------------------------------------

SINGULAR_NUMBERS = {"a", "one", "1"}  # a singular noun after another number is a label
OF_PREPS = {"of"}  # "58 of the seats", "62 percent of respondents", "the budget of X"
MONEY_PREPS = {"in", "of"}  # "$3 billion in investment"
# English plurals of counted nouns: "-es" after these endings, "-ies" after a consonant and "y".
ES_ENDINGS = ("s", "x", "ch", "sh")
VOWELS = set("aeiou")

# --- What, whom, when --------------------------------------------------------------------------

ACTOR_LABELS = labels.ACTING  # spaCy entity labels a figure may be about
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december"
        .split()
    )
}  # fmt: skip
# The words of a date's text, and its day: "January 13th, 2025".
DATE_WORDS = re.compile(r"[a-z]+")
DAY = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
# Words a date of a year alone may have: "in 2029", "by the year 2030".
YEAR_FILLERS = {"in", "by", "of", "the", "year", "since", "until"}
# spaCy dependency labels of subjects, and of the objects a percentage may be.
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "pobj", "attr", "npadvmod", "oprd", "appos"}
# verbs whose subject reports a figure rather than being what it measures: "a survey found"
REPORTING = {"say", "find", "show", "estimate", "report", "suggest", "reveal", "indicate", "put"}
# Verbs too plain to say what happens to what is counted.
LIGHT_VERBS = REPORTING | {"be", "have", "say", "include", "reach", "total", "stand", "number"}

# What befalls the people a number stands for when the number is a clause's subject ("60 are
# confirmed dead", "three were killed", "80 unaccounted for"): the toll's own word is its unit.
TOLL_PREDICATES = {"dead", "killed", "injured", "wounded", "hurt", "missing", "unaccounted",
                   "arrested", "detained", "hospitalized", "hospitalised", "displaced",
                   "evacuated", "rescued", "infected"}  # fmt: skip
# A tally a number is told as the level of ("the death toll rose to 45", "the number of dead
# jumped to 60"): the noun of the subject, or of the "number of" it names.
TALLY_NOUNS = {"toll", "tally", "count"} | TOLL_PREDICATES
LEVEL_PREPS = {"to", "at"}  # "rose to 45", "stands at 45"
NUMBER_NOUNS = {"number", "total"}  # "the number of confirmed dead"
