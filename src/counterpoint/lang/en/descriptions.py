"""English words of descriptions that stand for a person (`nlp/descriptions.py`). General
English vocabulary."""

from __future__ import annotations

from counterpoint.lang.en import labels
from counterpoint.lang.en.relations import ROLE_NOUNS

# Nouns that name a person by what they do or are (besides positions, in ROLE_NOUNS).
PERSON_NOUNS = ROLE_NOUNS | set(
    """
    teacher farmer lawyer doctor soldier banker businessman businesswoman activist politician
    priest bishop nun union unionist economist writer novelist poet singer actor actress
    athlete player coach veteran newcomer outsider incumbent challenger dissident opponent
    man woman father mother son daughter widow husband wife
    """.split()
)
DEFINITE_ARTICLE = "the"  # a description that stands for one person: "the former teacher"
PERSON_LABEL = labels.PERSON  # the spaCy entity label of people
