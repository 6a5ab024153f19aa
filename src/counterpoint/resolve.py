"""Resolve: group mentions into entities, one per real-world actor, within and across documents.

This first resolver works from names alone: normalised names (case, accents, punctuation,
titles and a leading article removed) match exactly, and a surname on its own joins the one full
name that it ends in the same document, or else in the whole corpus, when there is exactly one.
When the choice is ambiguous it keeps mentions apart: a false merge is worse than a missed one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from .records import Entity, Mention, Resolution
from .store import Store

# spaCy labels to FollowTheMoney schema names (Location and Group are Counterpoint's own, for
# places and for nationalities, religious or political groups, which FtM has no schema for).
ENTITY_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Location",
    "LOC": "Location",
    "NORP": "Group",
}

# Words that precede a name without being part of it.
TITLES = set(
    """
    president vice prime minister secretary senator sen representative rep congressman
    congresswoman governor gov mayor judge justice general gen colonel col captain capt admiral
    lieutenant lt sergeant sgt commander chief ambassador king queen prince princess pope father
    rev reverend sheikh mr mrs ms miss dr prof professor sir dame lord lady former late then
    defense defence interior foreign finance economy deputy attorney chancellor premier dictator
    leader spokesman spokeswoman spokesperson the señor señora don doña
    """.split()
)
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def normalise_name(text: str) -> str:
    """Case, accents, punctuation and possessive removed: 'Márquez’s' -> 'marquez'."""
    text = POSSESSIVE.sub("", text.strip())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[.\u2019']", "", text.casefold())
    text = re.sub(r"[^\w]+", " ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def person_name(text: str) -> str:
    """A person's normalised name with leading titles dropped: 'Defense Minister Ana Ruiz' ->
    'ana ruiz'."""
    words = normalise_name(text).split()
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def resolve(store: Store) -> Resolution:
    """Resolve everything in the store afresh."""
    return Resolution(entities=resolve_entities(store.mentions()))


def resolve_entities(mentions: Iterable[Mention]) -> list[Entity]:
    """Entities for all `mentions` (of any number of documents), each with its mentions."""
    keyed: list[tuple[Mention, str, str]] = []  # (mention, normalised name, type)
    for mention in mentions:
        kind = ENTITY_TYPES.get(mention.label)
        if kind is None:
            continue
        name = person_name(mention.text) if kind == "Person" else normalise_name(mention.text)
        if name and not name.isdigit():
            keyed.append((mention, name, kind))
    keyed = _surnames_taken_for_organizations(keyed)

    kinds = _vote_kinds(keyed)
    full_names = {name for name, kind in kinds.items() if kind == "Person" and " " in name}
    full_names_in_doc: dict[str, set[str]] = defaultdict(set)
    for m, name, _ in keyed:
        if name in full_names:
            full_names_in_doc[m.doc].add(name)

    clusters: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention, name, _ in keyed:
        kind = kinds[name]
        if kind == "Person" and " " not in name:
            name = _expand_surname(name, full_names_in_doc[mention.doc], full_names)
        clusters[(kind, name)].append(mention)

    return [_make_entity(kind, key, members) for (kind, key), members in sorted(clusters.items())]


def _surnames_taken_for_organizations(
    keyed: list[tuple[Mention, str, str]],
) -> list[tuple[Mention, str, str]]:
    """The tagger often labels a surname on its own as an organisation ('Márquez said'); one
    that ends a person's full name in the same document is taken as that person."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for mention, name, kind in keyed:
        if kind == "Person" and " " in name:
            surnames[mention.doc].add(name.split()[-1])
    return [
        (m, name, "Person" if kind == "Organization" and name in surnames[m.doc] else kind)
        for m, name, kind in keyed
    ]


def _vote_kinds(keyed: list[tuple[Mention, str, str]]) -> dict[str, str]:
    """One type per name across the corpus: the one the tagger gave it most often, since the
    tagger often labels the same name differently from one sentence to the next."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for _, name, kind in keyed:
        votes[name][kind] += 1
    order = list(dict.fromkeys(ENTITY_TYPES.values()))  # ties go to the earlier type
    return {
        name: max(counter, key=lambda kind: (counter[kind], -order.index(kind)))
        for name, counter in votes.items()
    }


def _expand_surname(surname: str, in_doc: set[str], in_corpus: set[str]) -> str:
    """The one full name this surname stands for, looking first in its document, then in the
    corpus; the surname itself where there is none or more than one."""
    for candidates in (in_doc, in_corpus):
        matches = [name for name in candidates if surname in name.split()[1:]]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            return surname
    return surname


def _make_entity(kind: str, key: str, mentions: list[Mention]) -> Entity:
    """The id comes from the resolved key, so it stays the same across runs."""
    forms = Counter(m.text for m in mentions)
    # The name shown: the longest form, then the most frequent, then alphabetical.
    name = sorted(forms, key=lambda f: (-len(f.split()), -forms[f], f))[0]
    digest = hashlib.sha256(f"{kind}:{key}".encode()).hexdigest()[:12]
    return Entity(
        id=f"{kind.lower()}-{digest}",
        name=LEADING_THE.sub("", POSSESSIVE.sub("", name)),
        type=kind,
        aliases=sorted(forms),
        mentions=sorted(mentions, key=lambda m: (m.doc, m.index)),
    )
