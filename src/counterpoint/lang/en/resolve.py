"""English data of the resolve stage: when a place or a people stands for its state, and the
abbreviations news uses for states."""

from __future__ import annotations

import re

# A capital names its state when it acts or owns: "Beijing announced", "Beijing's loans"
# (spaCy dependency labels of the capital).
STATE_ROLES = {"nsubj", "nsubjpass", "poss", "agent"}
# A demonym qualifying a noun (spaCy dependency labels): "Peruvian exports".
DEMONYM_ROLES = {"amod", "compound"}
# A demonym names its state when it qualifies what states have or do: "Peruvian exports".
STATE_NOUNS = set(
    """
    government exports export imports import economy military army navy officials official
    authorities ministry embassy investment investments trade president leader policy diplomats
    diplomacy loans loan aid troops forces state administration regime budget debt presidency
    sanctions intelligence consulate delegation envoy minister ministers spokesman treasury
    """.split()
)
# What may stand between a place and the generic body it owns: "Peru's Congress", "the US
# Senate".
PLACE_TO_BODY = re.compile(r"(?:['’]s)?\s*(?:the\s+)?")
# Abbreviations news uses for states, which the gazetteer's data lists only among bare ISO codes.
ABBREVIATIONS = {
    "us": "US", "usa": "US", "uk": "GB", "uae": "AE", "prc": "CN", "drc": "CD", "britain": "GB",
    "america": "US",  # alone, English news means the United States ("Latin America" is a name)
}  # fmt: skip
# Institutions whose name is their state's government acting, as a capital's is ("the White
# House said", "the Kremlin denied"): a document's mention of one counts toward the state it
# is about, for the bodies it leaves unplaced ("Congress", "the Justice Department"). Names as
# keyed (normalised, no leading "the").
NATIONAL_INSTITUTIONS = {
    "white house": "US", "pentagon": "US", "fbi": "US", "cia": "US", "kremlin": "RU",
    "duma": "RU", "state duma": "RU", "downing street": "GB", "knesset": "IL", "bundestag": "DE",
}  # fmt: skip
# A legislator's party and state after the name ("Sen. Ann Hale, R-Texas,", "Ann Hale
# (D-Calif.)"): English news writes them so for members of the US Congress only, and such a
# person counts as a mention of the US, as an institution does.
PARTY_STATE_TAG = re.compile(r",?\s*\(?[RD]-[A-Z][a-z]*\.?")
PARTY_STATE_TAG_STATE = "US"
# Nicknames of parties that every reader of US news knows and no text defines ("the GOP"), as
# normalised, with the name each stands for ("Grand Old Party", written twice on 1,300 AllSides
# articles, is left out: shown as the party's fullest name, it would name the party).
KNOWN_ALIASES = {"gop": "republican party"}
