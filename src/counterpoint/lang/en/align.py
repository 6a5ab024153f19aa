"""English words of the align stage: the words that say what a sentence is about, what a figure
counts, whether a figure keeps rising as news comes in, and whether a statement denies."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP_WORDS

# Words too common to say what a sentence is about (spaCy's English stop words).
STOP_WORDS = SPACY_STOP_WORDS

# Counts that keep rising as news comes in: a later, larger figure is an update.
RUNNING_TALLIES = re.compile(
    r"\b(dead|death|deaths|die|died|kill|killed|killing|toll|casualt\w*|injur\w*|wound\w*|"
    r"arrest\w*|detain\w*|displac\w*|missing|case|cases|victim\w*|evacu\w*|refugee\w*)\b",
    re.IGNORECASE,
)

# What a figure counts, coarsely, by the words of its measure and its text: two figures compare
# only when they count the same thing.
QUANTITIES = {
    "deaths": re.compile(r"\b(dead|death|deaths|die|died|kill\w*|toll|fatalit\w*|shot)\b"),
    "injuries": re.compile(r"\b(injur\w*|wound\w*|hurt)\b"),
    "arrests": re.compile(r"\b(arrest\w*|detain\w*|jail\w*|imprison\w*)\b"),
}

# Words that deny what a statement says.
NEGATION = re.compile(r"\b(not|no|never|none|nobody|nothing|neither|nor|n't|denied|deny)\b", re.I)

# Words by which a sentence says that something is not so or did not happen, negations and
# refusals alike: "declined the offer" and "rejects the offer" say one thing, so a contradiction
# needs such a word on one side only.
DENIAL_WORDS = re.compile(
    r"n[’']t\b|\b(not|cannot|no|never|none|nobody|nothing|neither|nor|without|"
    r"den(y|ied|ies|ying)|refus\w*|declin\w*|reject\w*|fail\w*|dismiss\w*|disput\w*|"
    r"refut\w*|rebut\w*)\b",
    re.IGNORECASE,
)
# How many words before an event's trigger such a word reaches ("refused to apologize").
DENIAL_REACH = 6

# Prefixes that turn a word into its opposite ("lawful" / "unlawful").
NEGATING_PREFIXES = ("un", "il", "in", "im", "ir", "non", "dis")

# Units of time (singular): a figure in one of them is a duration.
DURATION_UNITS = {"year", "month", "week", "day", "hour", "minute", "decade"}

# Cues by which a speaker disputes what is reported: "denied the report", "rejected the claim".
DISPUTES = re.compile(
    r"\b(den(y|ied|ies|ying)|disput\w*|reject\w*|refut\w*|contest\w*|rebut\w*|dismiss\w*)\b",
    re.IGNORECASE,
)

# Terms in which a word that reads as loaded is only part of a name for something: a
# "special counsel" is not special, a "grand jury" not grand. Lowercased.
FIXED_TERMS = re.compile(
    r"\b(special (counsel|prosecutor|session|election|envoy|committee|forces|operations)|"
    r"grand (jury|juries|slam|prix)|supreme (court|leader)|high (court|school|commissioner)|"
    r"civil (war|rights|servants?|liberties|society)|cold war|world war|free (trade|speech)|"
    r"hate (crimes?|speech)|first lady|prime minister|attorney general|secretary general|"
    r"general (election|assembly|counsel)|great (britain|depression|recession)|"
    r"united (states|nations|kingdom)|white house|natural gas|public (health|safety))\b",
    re.IGNORECASE,
)
