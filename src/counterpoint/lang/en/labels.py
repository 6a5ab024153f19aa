"""The spaCy entity labels the rules rely on: the label scheme of the English models
(OntoNotes). A language whose models label otherwise (Spanish: PER, ORG, LOC, MISC) keeps its
own scheme here, under the same names."""

from __future__ import annotations

PERSON = "PERSON"
DATE = "DATE"
MONEY = "MONEY"
# Actors that speak, act, own and are counted: people, organisations, states, groups.
ACTING = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Names: a number inside one is part of it, and its words are never the writer's own.
NAMES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
    | {"LANGUAGE"}
)
# Dates, amounts and numbers.
NUMERIC = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Places, buildings and peoples: a headline's capitals do not make these up ("China Warns
# Taiwan"), and a name cut short to one of them is another's ("the Washington Post").
PLACES_AND_PEOPLES = frozenset({"GPE", "LOC", "FAC", "NORP"})
