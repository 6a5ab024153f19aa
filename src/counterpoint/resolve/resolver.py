"""Resolve: group mentions into entities, one per real-world actor, within and across documents,
and turn the relations found between mentions into ties and roles between entities.

Mentions are first keyed by their normalised name and type; keys are then joined when the text
gives good evidence that they name the same actor:
- an acronym or nickname defined in the text ("the National Electoral Council (CNE)");
- a shorter form of a person's name (a second surname or middle name dropped, one slip of the
  pen) or of an organisation's name ("the Hollin Institute"), when it fits exactly one longer
  name;
- a surname alone, when exactly one person of that surname is named in the document (or else in
  the corpus), or one of them far more often than the others ("Trump" beside "Donald Trump",
  named 30 times, and "Melania Trump", named twice);
- states by name, capital or demonym where the text uses them as the state ("Beijing
  announced", "Peruvian exports"), identified by ISO 3166 code from the bundled gazetteer;
- generic bodies ("Congress", "the Supreme Court") are told apart by the state they belong to.
When the evidence is weak (several candidates, or the same name with different types), the keys
stay apart and a `CandidateLink` records the possible merge with its score: a false merge is
worse than a missed one.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, replace
from functools import cache, partial
from pathlib import Path
from types import ModuleType
from typing import Protocol

from counterpoint.config import Settings
from counterpoint.lang import words
from counterpoint.nlp.names import (
    close_spelling,
    display_name,
    distinctive_words,
    initials,
    is_acronym,
    is_generic_organisation,
    normalise_name,
    organisation_name,
    organisation_type,
    person_name,
    same_person_name,
    title_case,
)
from counterpoint.records import (
    PRIVATE_MARK,
    CandidateLink,
    Entity,
    KeyItem,
    LocalResolution,
    Mention,
    Resolution,
    merged_keys,
    private_key,
)
from counterpoint.resolve.corrections import Corrections
from counterpoint.resolve.gazetteer import COMPANIES, State, load_gazetteer
from counterpoint.store import Store
from counterpoint.store.resolution import (
    add_local_resolutions,
    corrected,
    documents_to_resolve,
    forget_resolutions_made_otherwise,
    keys_to_link,
    link_inputs,
    name_kinds,
    region,
    resolution_inputs,
    set_tokens,
    tied_surnames,
)

# The one map of the spaCy labels the resolver groups to FollowTheMoney schema names; the
# default `Settings.actor_labels` (the labels annotate keeps) are its keys. Location (a place)
# and Group (a nationality or a group of people) are Counterpoint's own; organisations are
# refined into Company and PublicBody, places into Country where the gazetteer knows them.
ENTITY_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Location",
    "LOC": "Location",
    "NORP": "Group",
    "DESC": "Person",  # "the former rural teacher", standing for a person named nearby
}
ORGANISATIONS = {"Organization", "Company", "PublicBody"}
# Labels of mentions that stand for an actor without naming it: a description found with the
# person it stands for (DESC), and descriptions and pronouns the resolver resolves (NOM, PRON).
REFERRING_LABELS = {"DESC", "NOM", "PRON"}
PRONOUN_LABEL = "PRON"
STATE_KINDS = {"Country"}
# Where a generic body's key says its state was guessed from its document (`_identify_bodies`).
GUESSED_STATE = "Guess:"
PLACE_KINDS = STATE_KINDS | {"Location"}
LOCAL_BATCH = 200  # documents resolved on their own, and kept, per transaction
# Possible merges not made: (key, key, score, reason).
Candidates = list[tuple[str, str, float, str]]
# Why a bare surname stayed apart: its document named several people of it as often as each
# other (the corpus may still tell, `_join_tied_surnames`), or the corpus could not tell.
TIED_SURNAME = "surname of several people named as often"
SEVERAL_SURNAMES = "surname of several people"


@dataclass
class Item:
    """A mention with what the resolver derives from it."""

    mention: Mention
    name: str  # normalised
    kind: str
    key: str = ""
    iso: str | None = None
    place: str | None = None  # for generic bodies: the state or place they belong to

    @property
    def description(self) -> bool:
        """Whether it stands for an actor without naming it (a description, a pronoun)."""
        return self.mention.label in REFERRING_LABELS

    @property
    def shared(self) -> bool:
        return PRIVATE_MARK not in self.key

    @property
    def mentions(self) -> int:
        return 1  # an item is one mention (a `KeyItem` counts its key's)


class Named(Protocol):
    """What the rules that join names read of a mention or of a key."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def description(self) -> bool: ...
    @property
    def mentions(self) -> int: ...


def resolve(
    store: Store,
    corrections: Corrections | None = None,
    settings: Settings | None = None,
    docs: Collection[str] | None = None,
) -> Resolution:
    """Resolve the documents not yet resolved (those of `docs` only, if given), each on its
    own, then link their keys with the keys they can affect (`region`), not the whole store,
    unless the user's corrections are to be applied (then every key is linked, and the
    corrections made)."""
    settings = settings or Settings()
    pending = [
        doc
        for doc in documents_to_resolve(store, _fingerprint(settings))
        if docs is None or doc in docs
    ]
    for start in range(0, len(pending), LOCAL_BATCH):
        inputs = resolution_inputs(store, pending[start : start + LOCAL_BATCH])
        add_local_resolutions(
            store,
            [
                resolve_document(doc, mentions, text, same_as, settings)
                for doc, text, mentions, same_as in inputs
            ],
        )
    correcting = corrections is not None and bool(corrections.operations)
    everything = links_everything(store, corrections)
    touched = keys_to_link(store, everything)
    kinds = name_kinds(store, {item.name for item in touched})
    set_tokens(store, {i.key: key_tokens(i, kinds[i.name], settings.language) for i in touched})
    keys = None if everything else region(store, {item.key for item in touched})
    items, votes, aliases, forms = link_inputs(store, keys)
    bare = [i.key for i in items if not i.shared and i.kind == "Person" and " " not in i.name]
    ties = tied_surnames(store, bare, TIED_SURNAME)
    entity_of, entities, candidates = link_keys(
        {i.key: i for i in items}, votes, aliases, forms, settings, ties
    )
    if corrections is None or not correcting:
        return Resolution(entities, candidates, entity_of, keys)
    by_id = {e.id: e for e in entities}
    for mention in store.mentions():
        if mention.key in entity_of:
            by_id[entity_of[mention.key]].mentions.append(mention)
    made = corrections.apply(entities, settings.language)
    return Resolution(made, candidates, entity_of, None, corrected=True)


def forget_outdated_resolutions(store: Store, settings: Settings) -> None:
    """Forget the documents' own resolutions made with other resolver settings or code than
    `settings` and this version's: the stages after storing then take every document again."""
    forget_resolutions_made_otherwise(store, _fingerprint(settings))


def links_everything(store: Store, corrections: Corrections | None) -> bool:
    """Whether resolving links every key of the store, not only the region of the new
    documents: when the user's corrections are to be applied, or were applied before."""
    return (corrections is not None and bool(corrections.operations)) or corrected(store)


def key_tokens(item: KeyItem, kinds: set[str], language: str) -> set[str]:
    """What links a key to the keys whose linking can change its own, and back (see
    `store.resolution.region`): its name; for a one-word name, its spellings (a bare surname,
    an organisation's distinctive word) and itself as initials; for a person's full name, the
    spellings of its surnames; for an organisation's, its distinctive words and initials.
    `kinds`: every type its name was given, in any document."""
    if item.description or item.name == item.key:
        return set()  # a key of its own (a state, a people): no rule reads its name
    parts = item.name.split()
    if not item.shared:  # a document's own; a surname it left tied reaches its people's
        tied = item.kind == "Person" and len(parts) == 1  # (`_join_tied_surnames`)
        return {f"w:{v}" for v in _spelling_variants(parts[0])} if tied else set()
    tokens = {f"n:{item.name}"}
    if known := words(language, "resolve").KNOWN_ALIASES.get(item.name):
        tokens.add(f"n:{known}")  # 'gop' reaches 'republican party' (`_join_known_aliases`)
    if len(parts) == 1:
        return tokens | {f"w:{v}" for v in _spelling_variants(parts[0])} | {f"i:{parts[0]}"}
    if "Person" in kinds:
        tokens |= {f"w:{v}" for word in parts[1:] for v in _spelling_variants(word)}
    if kinds & ORGANISATIONS:
        tokens |= {f"w:{w}" for w in distinctive_words(item.name, language)}
        tokens.add(f"i:{initials(item.name, language)}")
    return tokens


def _fingerprint(settings: Settings) -> str:
    """What a document's own resolution depends on: the resolver's settings, its language and
    its code, so that a store resolved by an older version is resolved again."""
    return json.dumps(
        [settings.language, asdict(settings.resolve), resolver_code(settings.language)],
        sort_keys=True,
    )


@cache
def resolver_code(language: str) -> str:
    """A digest of the code and word lists a resolution is made with: this package, the name
    rules of `nlp.names` and the language's word lists (all of them, to be safe)."""
    package = Path(__file__).parent
    sources = [
        *sorted(package.glob("*.py")),
        package.parent / "nlp" / "names.py",
        *sorted((package.parent / "lang" / language).glob("*.py")),
    ]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def resolve_entities(
    mentions: Iterable[Mention],
    texts: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> list[Entity]:
    """Entities for all `mentions` (of any number of documents), each with its mentions.
    `texts` (document id -> text) lets the resolver read definitions around the mentions."""
    return resolve_mentions(mentions, texts, settings=settings)[0]


def resolve_mentions(
    mentions: Iterable[Mention],
    texts: Mapping[str, str] | None = None,
    same_as: Iterable[tuple[str, int, int]] = (),
    settings: Settings | None = None,
) -> tuple[list[Entity], list[CandidateLink]]:
    """Entities and candidate links, in memory, as `resolve` makes them in a store. `same_as`
    pairs mentions the text says are one actor (document, mention index, mention index): a
    description and the person it stands for."""
    settings = settings or Settings()
    texts = texts or {}
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_doc[mention.doc].append(mention)
    pairs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, one, other in same_as:
        pairs[doc].append((one, other))
    local = {
        doc: resolve_document(doc, found, texts.get(doc, ""), pairs[doc], settings)
        for doc, found in by_doc.items()
    }
    items, forms = merged_keys(local.values())
    keyed = [
        (m, key)
        for doc, found in by_doc.items()
        for m in found
        if (key := local[doc].keys.get(m.index)) is not None
    ]
    aliases = sorted({pair for result in local.values() for pair in result.aliases})
    votes: Counter[tuple[str, str]] = Counter()
    for result in local.values():
        votes.update(result.votes)
    local_links = [c for result in local.values() for c in result.candidates]
    ties: dict[str, set[str]] = defaultdict(set)
    for link in local_links:
        if link.reason == TIED_SURNAME:
            ties[link.a].add(link.b)
    entity_of, entities, linked = link_keys(items, votes, aliases, forms, settings, ties)
    candidates = entity_links(local_links + linked, entity_of)
    by_id = {e.id: e for e in entities}
    for m, key in sorted(keyed, key=lambda pair: (pair[0].doc, pair[0].index)):
        by_id[entity_of[key]].mentions.append(m)
    return entities, candidates


def _link_order(link: CandidateLink) -> tuple[float, str, str]:
    return (-link.score, link.a, link.b)


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# -- one document ---------------------------------------------------------------------------------


def resolve_document(
    doc: str,
    mentions: Iterable[Mention],
    text: str,
    same_as: Iterable[tuple[int, int]] = (),
    settings: Settings | None = None,
) -> LocalResolution:
    """Group one document's mentions by what the document itself says (its own type votes,
    definitions, fuller names, surnames, states and descriptions). Each group gets its main key
    (its fullest name); a name that means that person only here (a surname, a shorter form) is
    not shared with other documents."""
    settings = settings or Settings()
    mentions = list(mentions)
    items = _named_items(mentions, settings.language)
    _trim_headline_names(items, text, settings.language)
    votes = Counter((i.name, i.kind) for i in items if not i.description)
    items = _keyed(items, settings.language)
    _identify_states(items, settings.language)
    provinces = _identify_provinces(items, settings.language)
    items = _office_titles(items, text, settings.language)
    _identify_bodies(items, {doc: text}, settings, provinces)
    joins = UnionFind()
    candidates: Candidates = []
    defined = _join_definitions(items, {doc: text}, joins, settings)
    _join_initials(items, joins, settings)
    _join_person_names(items, joins, candidates, settings)
    # An organisation's shorter name is joined to a longer one across the corpus only: "Boeing"
    # fits "Boeing 777" in one document and "aircraft maker Boeing" in another, and joined here
    # each document's "Boeing" would take the longer name's key, apart from every other one.
    _join_surnames(items, joins, candidates, settings)
    key_of = {i.mention.index: i.key for i in items}
    for one, other in same_as:
        if one in key_of and other in key_of:
            joins.join(key_of[one], key_of[other])
    references = resolve_references(mentions, items, text, joins, settings)
    items += [r.item for r in references]
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[joins.find(item.key)].append(item)
    result = LocalResolution(doc, votes=dict(votes))
    result.reasons = {r.item.mention.index: r.reason for r in references}
    main_of: dict[str, str] = {}
    for members in groups.values():
        main = _main_item(members)
        # A state or a people is named many ways ('Peru', 'Lima', 'Peruvian'): its key names it.
        name = main.key if main.kind in STATE_KINDS or main.key.startswith("Group:") else main.name
        result.items[main.key] = KeyItem(
            main.key, name, main.kind, main.iso, main.place, main.description, len(members)
        )
        for item in members:
            main_of[item.key] = main.key
            result.keys[item.mention.index] = main.key
            if item.mention.label != PRONOUN_LABEL:  # "he" names no one: not an alias
                result.forms[main.key][(item.mention.text, item.description)] += 1
    result.aliases = sorted({(a, main_of[i.key]) for a, named in defined.items() for i in named})
    for a, b, score, reason in candidates:
        if main_of.get(a, a) != main_of.get(b, b) and a in main_of and b in main_of:
            result.candidates.append(CandidateLink(main_of[a], main_of[b], score, reason))
    return result


def _main_item(members: list[Item]) -> Item:
    """The item whose key stands for its group: a state's, else the fullest shared name."""
    named = [i for i in members if not i.description] or members
    return max(
        named,
        key=lambda i: (
            i.kind == "Country",
            i.shared,
            len(i.key.split()),
            len(i.key),
            i.key,
        ),
    )


# -- keys and types ----------------------------------------------------------------------------


def _named_items(mentions: Iterable[Mention], language: str) -> list[Item]:
    """The actor mentions, each with its normalised name and the type the tagger gave it (but a
    name after a form of address is a person's); not the names of laws and diseases, which no
    one is, nor persons or places in lower case."""
    items = []
    lang = words(language, "names")
    for mention in mentions:
        kind = ENTITY_TYPES.get(mention.label)
        if kind is None:
            continue
        if mention.label in lang.CAPITALISED_LABELS and mention.text.islower():
            continue
        if mention.label != "DESC":
            if kind == "Person":
                mention = _cut_short(mention, lang)
            said = normalise_name(mention.text, language)
            if _names_no_actor(said, lang):
                continue
            if said in COMPANIES:
                kind = "Organization"  # a platform or an outlet the tagger took for a person
            elif kind == "Organization" and " " in said and said.split()[0] in lang.HONORIFICS:
                kind = "Person"  # "Ms Voss", "Mr Brenner": often its organisations without a stop
            elif kind == "Person" and " " in said and said.split()[-1] in lang.FACILITY_WORDS:
                kind = "Location"  # "John F. Kennedy International Airport", "Trump Tower"
        if mention.label == "DESC":
            name = normalise_name(mention.text, language)
        elif kind == "Person":
            name = person_name(mention.text, language)
        elif kind == "Organization":
            name = organisation_name(mention.text, language)
        else:
            name = normalise_name(mention.text, language)
        if name and not name.isdigit():
            items.append(Item(mention, name, kind))
    _surnames_taken_for_organisations(items, language)
    _people_taken_for_organisations(items, language)
    return items


def _person_shaped(name: str, language: str) -> bool:
    """Whether a name reads as a person's: a given name first ('nikki haley'), two or three
    words, none repeated ('johnson johnson'), none a word of an institution's or a company's
    name ('rosetta university'), the given name no place ('virginia company')."""
    lang = words(language, "names")
    refs = words(language, "references")
    parts = name.split()
    fewest, most = lang.PERSON_NAME_WORDS
    if not fewest <= len(parts) <= most or len(set(parts)) < len(parts):
        return False
    institutional = (
        lang.GENERIC_ORG_WORDS
        | lang.COMPANY_ENDINGS
        | lang.CONNECTIVES
        | refs.ORGANISATION_NOUNS
        | refs.BODY_NOUNS
        | refs.PLACE_NOUNS
    )
    gazetteer = load_gazetteer(language)
    given = parts[0]
    return (
        given in lang.GIVEN_NAMES
        and not institutional.intersection(parts)
        and not (gazetteer.state(given) or gazetteer.capital(given) or gazetteer.province(given))
    )


def _people_taken_for_organisations(items: list[Item], language: str) -> None:
    """A name the tagger labelled an organisation that reads as a person's (a given name first,
    `_person_shaped`) and whose last word its document writes alone as a person's ('Stormy
    Daniels' beside 'Ms Daniels', 'Nikki Haley' beside 'Haley said') is that person. Its
    document's votes then count it a person's, which the corpus vote reads."""
    people = {(i.mention.doc, i.name) for i in items if i.kind == "Person" and " " not in i.name}
    for item in items:
        m = item.mention
        if (
            item.kind == "Organization"
            and (m.doc, item.name.split()[-1]) in people
            and not re.search(r"&|\band\b", m.text)
            and _person_shaped(item.name, language)
        ):
            item.kind = "Person"
            item.name = person_name(m.text, language)


def _organisation_type(name: str, language: str) -> str:
    """Company, PublicBody or Organization, from the name (a known company's too)."""
    return "Company" if name in COMPANIES else organisation_type(name, language)


def _names_no_actor(name: str, lang: ModuleType) -> bool:
    """Whether a name is a law's, a plan's or a disease's, which the tagger took for an
    actor's, a legal form cut off its company's name ('LLC' of 'Chrysler LLC'), or a span cut
    in mid-phrase ('the Inspector General's Report on Crooked Hillary and'; a person's short
    name so cut is trimmed first, `_cut_short`)."""
    parts = name.split()
    return (
        name in lang.NOT_ACTOR_NAMES
        or name in lang.LEGAL_FORMS
        or (len(parts) > 1 and parts[-1] in lang.NOT_ACTOR_LAST_WORDS | lang.CONNECTIVES)
    )


def _cut_short(mention: Mention, lang: ModuleType) -> Mention:
    """A person's name the tagger ran into the next word ('Ilhan Omar of Minnesota', 'Donald
    Trump Jr. and'), without that word, if a person's name of at most three words is left."""
    written = mention.text.rstrip()
    trimmed = lang.TRAILING_CONNECTIVES.sub("", written)
    if trimmed == written or len(trimmed.split()) > lang.PERSON_NAME_WORDS[1]:
        return mention
    return replace(mention, text=trimmed, end=mention.start + len(trimmed))


def _trim_headline_names(items: list[Item], text: str, language: str) -> None:
    """A headline written in title case runs its next words into a name ('White House Allies
    to Dispel Rumours'): an organisation named there with words added to a name the rest of
    the document gives it is that name, when the words added are plain words: not a model's
    ('BlackBerry Q10') nor initials ('T-Mobile USA')."""

    def plain_words_added(item: Item, name: str) -> bool:
        added = set(item.name.split()) - set(name.split())
        written = [w for w in re.findall(r"[\w’'-]+", item.mention.text) if w.casefold() in added]
        return bool(written) and all(w.isalpha() and not w.isupper() for w in written)

    def in_headline(mention: Mention) -> bool:
        start = text.rfind("\n", 0, mention.start) + 1
        end = text.find("\n", mention.end)
        return title_case(text[start : end if end >= 0 else None], language)

    bodies = [i for i in items if i.kind == "Organization"]
    headed = [in_headline(i.mention) for i in bodies]
    told = {i.name: i.mention.text for i, head in zip(bodies, headed, strict=True) if not head}
    for item, head in zip(bodies, headed, strict=True):
        shorter = [name for name in told if head and _inside(name, item.name)]
        if shorter and plain_words_added(item, longest := max(shorter, key=len)):
            item.name = longest
            # shown and listed as the text writes it, not with the headline's words
            item.mention = replace(item.mention, text=told[item.name])


def _keyed(items: list[Item], language: str) -> list[Item]:
    """Each item's type settled by the document's votes, and its key."""
    _vote_types(items)
    for item in items:
        if item.kind in ORGANISATIONS:
            item.kind = _organisation_type(item.name, language)
        item.key = f"{item.kind}:{item.name}"
        if item.description:  # stands for its person in its sentence only
            item.kind = "Person"
            item.key = private_key(f"Person:{item.name}#{item.mention.index}", item.mention.doc)
    return items


def _surnames_taken_for_organisations(items: list[Item], language: str) -> None:
    """The tagger often labels a surname on its own as an organisation ('Márquez said',
    'Ocasio-Cortez said'); one that ends a person's full name in the same document is taken as
    that person, unless it is written as initials ('UN' beside 'Kim Jong Un') or is a body's
    noun ('Senate' beside a 'James Comey Senate' the tagger ran on)."""
    bodies = words(language, "references").BODY_NOUNS
    surnames: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.kind == "Person" and " " in item.name:
            surnames[item.mention.doc] |= {item.name.split()[-1], item.name.split(" ", 1)[1]}
    for item in items:
        # 'Ocasio-Cortez', one written word, ends 'Alexandria Ocasio-Cortez' too
        one_word = " " not in item.mention.text.strip()
        if (
            item.kind == "Organization"
            and item.name in surnames[item.mention.doc]
            and (one_word or " " not in item.name)
            and not (is_acronym(item.mention.text) and len(item.name) <= 3)
            and item.name not in bodies
        ):
            item.kind = "Person"


def _vote_types(items: list[Item]) -> None:
    """One type per name: the label the tagger gave it most often, which it often gets wrong
    from one sentence to the next. A person and a place of the same name stay apart, though:
    where the document's own majority says place and the corpus says person, or the reverse,
    the document wins."""
    order = list(dict.fromkeys(ENTITY_TYPES.values()))  # ties go to the earlier type
    in_doc: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    in_corpus: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        in_doc[(item.mention.doc, item.name)][item.kind] += 1
        in_corpus[item.name][item.kind] += 1

    def winner(votes: Counter[str]) -> str:
        return max(votes, key=lambda kind: (votes[kind], -order.index(kind)))

    for item in items:
        local = winner(in_doc[(item.mention.doc, item.name)])
        overall = winner(in_corpus[item.name])
        item.kind = local if {local, overall} == {"Person", "Location"} else overall


def _identify_states(items: list[Item], language: str) -> None:
    """Places and peoples that stand for a state are that state, keyed by its ISO code."""
    gazetteer = load_gazetteer(language)
    lang = words(language, "resolve")
    for item in items:
        if item.kind not in {"Location", "Group", "Organization"}:
            continue
        m = item.mention
        state = gazetteer.state(item.name) if item.kind != "Group" else None
        if state is None and item.kind == "Location" and m.dep in lang.STATE_ROLES:
            state = gazetteer.capital(item.name)
        if item.kind == "Group":
            state = gazetteer.demonym(item.name)
            if state and not (m.dep in lang.DEMONYM_ROLES and m.head in lang.STATE_NOUNS):
                item.iso = state.iso  # the people of a state: a group, not the state
                item.key = f"Group:{state.iso}"
                continue
        if state is not None:
            item.kind, item.iso, item.key = "Country", state.iso, f"Country:{state.iso}"


def _identify_provinces(items: list[Item], language: str) -> set[tuple[str, str]]:
    """'Georgia' beside 'Atlanta' and 'Alabama' is the US state, not the country: a state whose
    name is also a province of another state is that province in a document that names the other
    state most (by name, people, capital or another of its provinces) and names the first by
    nothing else (its capital, another of its names). Such items become places; the (document,
    name) pairs so read are returned, for the bodies named with them ('the Georgia Senate')."""
    gazetteer = load_gazetteer(language)

    def homonym(name: str) -> tuple[str, str] | None:
        """(the state of that name, the state with a province of that name), if they differ."""
        state, province = gazetteer.state(name), gazetteer.province(name)
        if state is None or province is None or state.iso == province.iso:
            return None
        return state.iso, province.iso

    signs: dict[str, Counter[str]] = defaultdict(Counter)  # document -> states it names
    named: dict[str, set[str]] = defaultdict(set)  # ... by name or capital
    for item in items:
        doc, found = item.mention.doc, None
        if item.kind in {"Country", "Group"} and item.iso and not homonym(item.name):
            found = item.iso  # a people is a sign ('Americans'), but names no state
        elif item.kind == "Location" and (capital := gazetteer.capital(item.name)):
            found = capital.iso
            named[doc].add(found)
        elif item.kind == "Location" and (province := gazetteer.province(item.name)):
            found = province.iso
        if found:
            signs[doc][found] += 1
            if item.kind == "Country":
                named[doc].add(found)
    provinces = set()
    for item in items:
        doc = item.mention.doc
        most = max(signs[doc].values(), default=0)
        for name in {item.name, *item.name.split()}:
            isos = homonym(name)
            # the state the document names most: 'Nigerian troops' in a US report on Niger
            if isos and most and signs[doc][isos[1]] == most and isos[0] not in named[doc]:
                provinces.add((doc, name))
    for item in items:
        if item.kind == "Country" and (item.mention.doc, item.name) in provinces:
            item.kind, item.iso, item.key = "Location", None, f"Location:{item.name}"
    return provinces


def _department_core(name: str, language: str) -> str:
    """One form of a department's names: 'justice department' and 'department of justice'
    are 'department of justice'; other names as they are."""
    subject = _department_subject(name, language)
    return f"department of {subject}" if subject else name


def _department_subject(name: str, language: str) -> str | None:
    """What a department's name says it is the department of: 'state' for 'state department',
    'department of state', 'ministry of the treasury' ('the' dropped); None for other names."""
    nouns = words(language, "names").DEPARTMENT_NOUNS
    parts = name.split()
    if len(parts) >= 2 and parts[-1] in nouns:
        subject = parts[:-1]
    elif len(parts) >= 3 and parts[0] in nouns and parts[1] == "of":
        subject = parts[3:] if parts[2] == "the" else parts[2:]
    else:
        return None
    return " ".join(subject) if subject and not nouns.intersection(subject) else None


def _office_titles(items: list[Item], text: str, language: str) -> list[Item]:
    """A department's short name in an office's title ('Secretary of State Ida Voss',
    'Treasury Secretary Ida Voss') names the department, not a body called 'State' or
    'Treasury': it is keyed as the department ('department of state'), which its document or
    the corpus names in full ('the State Department'), unless its document names that short
    name alone as an organisation elsewhere ('the Air Force' beside 'Secretary of the Air
    Force'). A title of a province's or a city's office ('Georgia's secretary of state') names
    no department of a state: no actor. Acronyms ('HUD Secretary'), names that are a body of
    their own ('Secretary of the Army') and department names stay as they are."""
    lang = words(language, "names")
    places = words(language, "resolve").PLACE_TO_BODY

    def title_start(item: Item) -> int | None:
        m = item.mention
        before = lang.OFFICE_TITLE_BEFORE.search(text, max(0, m.start - 40), m.start)
        if before:
            return before.start()
        return m.start if lang.OFFICE_TITLE_AFTER.match(text, m.end) else None

    def local_place(start: int) -> bool:
        """Whether a province or a city is named right before the title: its office."""
        return any(
            p.kind == "Location"
            and p.mention.end <= start
            and places.fullmatch(text, p.mention.end, start)
            for p in items
        )

    titles: dict[int, int] = {}  # mention index -> where its title starts
    for item in items:
        parts = item.name.split()
        if (
            item.kind in ORGANISATIONS
            and not item.description
            and len(parts) <= lang.OFFICE_NAME_MAX_WORDS
            and parts[-1] not in lang.OWN_BODY_WORDS
            and not is_acronym(item.mention.text)
            and _department_subject(item.name, language) is None
            and (start := title_start(item)) is not None
        ):
            titles[item.mention.index] = start
    if not titles:
        return items
    gazetteer = load_gazetteer(language)

    def without_states(name: str) -> str:
        return " ".join(w for w in name.split() if not gazetteer.state(w))

    departments = {without_states(s) for i in items if (s := _department_subject(i.name, language))}
    named_alone = {
        without_states(i.name)
        for i in items
        if i.kind in ORGANISATIONS and i.mention.index not in titles
    }
    kept = []
    for item in items:
        start = titles.get(item.mention.index)
        if start is not None and local_place(start):
            continue
        named = without_states(item.name)
        if start is not None and (named in departments or named not in named_alone):
            item.name = f"department of {item.name}"
            item.kind = _organisation_type(item.name, language)
            item.key = f"{item.kind}:{item.name}"
        kept.append(item)
    return kept


def _identify_bodies(
    items: list[Item],
    texts: Mapping[str, str],
    settings: Settings,
    provinces: set[tuple[str, str]],
) -> None:
    """'Congress' of one state is not 'Congress' of another: a generic body is keyed by the
    place named in its name or just before it ("Peru's Congress", "the US Senate"), else by the
    place its document gives it elsewhere ("the US Senate ... the Senate"), else by the state
    its document mentions most (by name, capital, institution or legislator: `_main_states`);
    where nothing says, it is keyed as of an unknown state. A name read as a province
    (`provinces`) places no body: 'the Georgia Senate' is no body of a state."""
    gazetteer = load_gazetteer(settings.language)
    lang = words(settings.language, "resolve")

    def state(doc: str, word: str) -> State | None:
        if (doc, word) in provinces:
            return None
        return gazetteer.state(word) or gazetteer.demonym(word)

    places: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.kind in {"Country", "Location"}:
            places[item.mention.doc].append(item)
    main_state = _main_states(items, texts, settings)
    bodies: list[tuple[Item, str, tuple[str, str | None, str] | None]] = []
    for item in items:
        if item.kind not in ORGANISATIONS:
            continue
        inside, rest = _states_in_name(item.name, partial(state, item.mention.doc))
        body = " ".join(rest)
        if not is_generic_organisation(body, settings.language):
            continue
        if (subject := _department_subject(body, settings.language)) is not None:
            body = f"department of {subject}"  # 'the State Department', 'Department of State'
        m = item.mention
        text = texts.get(m.doc, "")
        before = [
            p for p in places[m.doc]
            if 0 <= m.start - p.mention.end <= settings.resolve.place_gap_chars
            and lang.PLACE_TO_BODY.fullmatch(text[p.mention.end : m.start])
        ]  # fmt: skip
        said: tuple[str, str | None, str] | None = None  # (where, iso, place shown)
        if inside:
            said = (f"Country:{inside[0].iso}", inside[0].iso, inside[0].name)
        elif before:
            place = before[0]
            shown = display_name(place.mention.text, settings.language)
            said = (place.key, place.iso, gazetteer.state_name(place.iso) if place.iso else shown)
        bodies.append((item, body, said))
    given: dict[tuple[str, str], set[tuple[str, str | None, str]]] = defaultdict(set)
    for item, body, said in bodies:
        if said is not None:
            given[(item.mention.doc, body)].add(said)
    for item, body, said in bodies:
        elsewhere = given[(item.mention.doc, body)]
        if said is None and len(elsewhere) == 1:
            said = next(iter(elsewhere))
        if said is None and item.mention.doc in main_state:
            iso = main_state[item.mention.doc]  # a guess, which the corpus decides
            said = (f"{GUESSED_STATE}{iso}", iso, gazetteer.state_name(iso))
        where, item.iso, item.place = said or ("unknown", None, None)
        item.name, item.kind = body, "PublicBody"
        item.key = f"PublicBody:{body}@{where}"


def _states_in_name(
    name: str, state: Callable[[str], State | None], longest: int = 3
) -> tuple[list[State], list[str]]:
    """The states a name holds, of one word or several ('the united states air force'), and
    its other words."""
    found: list[State] = []
    rest: list[str] = []
    said = name.split()
    at = 0
    while at < len(said):
        for size in range(min(longest, len(said) - at), 0, -1):
            if (one := state(" ".join(said[at : at + size]))) is not None:
                found.append(one)
                at += size
                break
        else:
            rest.append(said[at])
            at += 1
    return found, rest


def _main_states(
    items: Iterable[Item], texts: Mapping[str, str], settings: Settings
) -> dict[str, str]:
    """Per document, the ISO code of the state it mentions most, by name, capital
    ('Washington'), an institution that is its government acting ('the White House', 'the
    Kremlin') or a legislator written with a party and state ('Sen. Ann Hale, R-Texas'), where
    that is at least `main_state_share` of its states. An article on the Russia inquiry names
    Russia as its subject more often than the US, whose FBI and White House act in it:
    counting them placed 512 mentions of bodies in the US that had been Russia's (201),
    another state's or none, and 1 in Russia, on 1,300 AllSides articles; the legislators 96
    more in the US, 2 from Russia to none. (Demonyms are not counted: 'Russian hackers' are no
    sign of Russia's Congress; counted, they moved 67 mentions of the US Congress and Senate to
    Russia's.)"""
    gazetteer = load_gazetteer(settings.language)
    lang = words(settings.language, "resolve")
    states: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        iso = item.iso if item.kind == "Country" else None
        if item.kind == "Location" and (capital := gazetteer.capital(item.name)) is not None:
            iso = capital.iso
        if item.kind in ORGANISATIONS and item.name in lang.NATIONAL_INSTITUTIONS:
            iso = lang.NATIONAL_INSTITUTIONS[item.name]
        text = texts.get(item.mention.doc, "")
        if item.kind == "Person" and lang.PARTY_STATE_TAG.match(text, item.mention.end):
            iso = lang.PARTY_STATE_TAG_STATE
        if iso:
            states[item.mention.doc][iso] += 1
    main_state: dict[str, str] = {}
    for doc, counted in states.items():
        iso, n = counted.most_common(1)[0]
        if n / sum(counted.values()) >= settings.resolve.main_state_share:
            main_state[doc] = iso
    return main_state


# -- joining keys --------------------------------------------------------------------------------


def _join_definitions(
    items: list[Item], texts: Mapping[str, str], joins: UnionFind, settings: Settings
) -> dict[str, list[Item]]:
    """'the Central Intelligence Agency (CIA)', 'CIA (Central Intelligence Agency)' and
    'Andrés Manuel López Obrador (aka AMLO)': the alias joins the name it defines, in its
    document, and across the corpus where no other name claims it. A place is given only its
    own initials or a nickname: the outlet a dateline credits is no name of its city, nor of
    a line's first word in capitals ("BALTIMORE (AP)"), whatever the tagger calls it."""
    alias_after = words(settings.language, "names").ALIAS_AFTER
    # alias -> the names it stands for, as items: a surname's key may change after this
    defined: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        text, start, end = texts.get(item.mention.doc, ""), item.mention.start, item.mention.end
        after = text[end : end + settings.resolve.definition_chars]
        match = alias_after.match(after)
        if not match:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        dateline = item.mention.text.isupper() and not text[line_start:start].strip()
        raw = match.group("alias").strip()
        alias = normalise_name(raw, settings.language)
        nickname = match.group("cue") or match.group("said")
        spelled_out = (
            is_acronym(item.mention.text) and initials(alias, settings.language) == item.name
        ) or initials(item.name, settings.language) == alias
        if (item.kind in PLACE_KINDS or dateline) and not (nickname or spelled_out):
            # "DALLAS (AP) —", "Washington (CNN)": a dateline's credit, no alias (the tagger
            # takes a city in capitals at a line's start for an organisation too)
            continue
        if nickname or is_acronym(raw) or spelled_out:
            defined[alias].append(item)
    for item in items:
        roots = {joins.find(named.key) for named in defined.get(item.name, ())}
        if len(roots) == 1 and item.kind != "Country":
            joins.join(item.key, roots.pop())
    return defined


def _join_initials(items: list[Item], joins: UnionFind, settings: Settings) -> None:
    """An organisation's initials in a document that names one organisation they fit ('GM'
    beside 'General Motors', with no '(GM)' to define it) are that organisation's there."""
    names: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.kind in ORGANISATIONS and "@" not in item.key and len(item.name.split()) >= 2:
            names[initials(item.name, settings.language)].add(item.key)
    for item in items:
        said = item.mention.text.strip()
        if item.kind not in ORGANISATIONS or not is_acronym(said):
            continue
        if len(fits := names.get(item.name, set())) == 1:
            joins.join(next(iter(fits)), item.key)


def _join_person_names(
    items: Sequence[Named], joins: UnionFind, candidates: Candidates, settings: Settings
) -> None:
    """Full names that are one person written differently ('Elena Marquez', 'Elena Márquez
    Duarte', 'Elena Marqez'), when the shorter fits exactly one longer name, or one named
    `tie_prominence` times as often as each other it fits. A name with
    words around it that a name named far more often holds whole ('Add Ida Voss', 'Ida Voss
    Will Run': a headline's or a page's words taken into it) is that name; a name made of two
    others ('Ida Voss Tomas Brenner') is two people and joins neither."""
    counted = _full_names(items)
    names = sorted(set(counted) - _name_lists(set(counted)))
    by_word: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for word in name.split():
            by_word[word].add(name)
    padded = _padded_names(counted, settings)
    for long, short in sorted(padded.items()):
        joins.join(f"Person:{long}", f"Person:{short}")
    for short in names:
        pool = set().union(*(by_word[w] for w in short.split()))
        fits = [
            long
            for long in pool - set(padded)
            if long != short
            and len(long) >= len(short)
            and same_person_name(short, long, settings.language)
        ]
        # Only the longest names count: 'ana ruiz' fits both 'ana ruiz ocampo' and a slip of it.
        fits = [
            f
            for f in fits
            if not any(f != g and same_person_name(f, g, settings.language) for g in fits)
        ]
        if len(fits) > 1:  # 'hillary rodham clinton' (46), not 'hillary rotten clinton' (1)
            top = _most_named(set(fits), counted, settings.resolve.tie_prominence)
            fits = [top] if top else fits
        if len(fits) == 1:
            joins.join(f"Person:{short}", f"Person:{fits[0]}")
        score = settings.resolve.person_shorter_score
        for long in fits if len(fits) > 1 else []:
            candidates.append(
                (f"Person:{short}", f"Person:{long}", score, "shorter form of the name")
            )


def _in_order(part: list[str], words: list[str]) -> bool:
    """Whether the words of `part` stand in `words` in the same order, others between them
    ('ford company' in 'ford motor company'; not 'democratic national committee' in 'national
    democratic redistricting committee')."""
    remaining = iter(words)
    return all(word in remaining for word in part)


def _words_at(words: list[str], part: list[str]) -> list[int]:
    """Where `part` stands whole in `words` (word positions)."""
    n = len(part)
    return [i for i in range(len(words) - n + 1) if words[i : i + n] == part]


def _padded(short: str, long: str, language: str) -> bool:
    """Whether `long` is `short` with words before or after it ('add ida voss', 'ida voss
    will run'), and no generation ('jr') more."""
    a, b = short.split(), long.split()
    generations = words(language, "names").GENERATIONS
    return (
        len(b) > len(a)
        and bool(_words_at(b, a))
        and generations.intersection(a) == generations.intersection(b)
    )


def _full_names(items: Iterable[Named]) -> Counter[str]:
    """The full names of people (two words or more) among some items, with their mentions."""
    counted: Counter[str] = Counter()
    for i in items:
        if i.kind == "Person" and " " in i.name and not i.description:
            counted[i.name] += i.mentions
    return counted


def _padded_names(counted: Mapping[str, int], settings: Settings) -> dict[str, str]:
    """Each name that is another with words around it ('add ida voss'), the other named
    `surname_prominence` times as often, mapped to that other name."""
    by_word: dict[str, set[str]] = defaultdict(set)
    for name in counted:
        for word in name.split():
            by_word[word].add(name)
    prominence = settings.resolve.surname_prominence
    padded: dict[str, str] = {}
    for short in sorted(counted, key=lambda n: (-counted[n], n)):
        for long in sorted(set().union(*(by_word[w] for w in short.split()))):
            if (
                long not in padded
                and _padded(short, long, settings.language)
                and counted[short] >= prominence * counted[long]
            ):
                padded[long] = short
    return padded


def _name_lists(names: set[str]) -> set[str]:
    """The names made of two other names side by side: 'ida voss tomas brenner', a headline's
    list of people taken for one."""
    lists = set()
    for name in names:
        parts = name.split()
        if len(parts) < 4:
            continue
        spans = [
            (at, at + len(other.split()))
            for other in names
            if other != name and " " in other
            for at in _words_at(parts, other.split())
        ]
        if any(x[1] <= y[0] for x in spans for y in spans):
            lists.add(name)
    return lists


def _join_organisation_names(
    items: Sequence[Named],
    joins: UnionFind,
    candidates: Candidates,
    settings: Settings,
    defined: AbstractSet[str] = frozenset(),
) -> None:
    """'the Hollin Institute' is 'the Hollin Institute for Highland Studies', 'CIA' is 'Central
    Intelligence Agency', when exactly one longer name fits, or, of the names its initials fit,
    the one named `acronym_prominence` times as often as any other. An acronym some text defines
    as another name's ('the Islamic State (ISIS)') is not read as the initials of a third. A
    name of several words or of four letters at most is not one of its units ('NBC News' is
    not 'the NBC News Verification Unit', 'CIA' not 'the CIA Center for Cyber Intelligence');
    a longer single word may be ('Reeltown' of 'Reeltown High School')."""
    organisations = {i.name: i.key for i in items if i.kind in ORGANISATIONS and "@" not in i.key}
    named: Counter[str] = Counter()
    for item in items:
        named[item.name] += item.mentions
    prominence = settings.resolve.acronym_prominence
    # bodies placed in a state ('justice department' keyed '...@US') are sides of lists too
    placed: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.kind in ORGANISATIONS:
            placed[item.name].add(item.key)
    lists = _organisation_lists(set(placed), settings.language)
    # what initials may stand for: the organisations, and the bodies of one place each ('CIA'
    # for 'central intelligence agency', keyed as the United States')
    targets = {name: min(keys) for name, keys in placed.items() if len(keys) == 1}
    targets.update(organisations)
    by_word: dict[str, set[str]] = defaultdict(set)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name in organisations:
        for word in distinctive_words(name, settings.language):
            by_word[word].add(name)
    for name in targets:
        if len(name.split()) >= 2:
            by_initials[initials(name, settings.language)].add(name)
    cores = {name: _department_core(name, settings.language).split() for name in organisations}
    units = words(settings.language, "names").UNIT_NOUNS
    for short, key in organisations.items():
        distinctive = distinctive_words(short, settings.language)
        fits: set[str] = set()
        if distinctive:
            pool = set.intersection(*(by_word[w] for w in distinctive))
            fits = {
                n
                for n in pool
                if n != short
                and _in_order(cores[short], cores[n])
                and not _a_side_of(short, n, settings.language)
            }
        acronym = " " not in short and len(short) <= settings.resolve.acronym_chars
        if " " in short or len(short) <= 4:  # 'NBC', 'NBC News': not 'the NBC News Desk'
            fits = {n for n in fits if not units & (set(n.split()) - set(short.split()))}
        spelled: set[str] = set()  # the names of which it is the initials only
        if acronym and short not in defined:
            spelled = by_initials.get(short, set()) - {short} - fits
            fits |= spelled
        # the longest names, and every name it spells: 'federal bureau of investigation' stays
        # beside 'us federal bureau of investigation' for the prominence test below
        longest = {
            f
            for f in fits
            if f in spelled or not any(set(f.split()) < set(g.split()) for g in fits)
        }
        if longest <= lists:
            continue  # "facebook" and "facebook and instagram": no name of either
        longest = _one_company(longest, joins, targets, settings.language)
        if len(longest) > 1 and spelled:
            first, second = sorted(longest, key=lambda f: (-named[f], f))[:2]
            if first in spelled and named[first] >= prominence * named[second]:
                longest = {first}
        if len(longest) == 1:
            joins.join(key, targets[longest.pop()])
        for other in longest if len(longest) > 1 else []:
            score = settings.resolve.organisation_shorter_score
            candidates.append((key, targets[other], score, "shorter form of the name"))


def _a_side_of(short: str, name: str, language: str) -> bool:
    """Whether `short` is the whole of one side of `name` around a conjunction, the side after
    it or a one-word side before it ('politico' of 'politico and defense one', 'sputnik news'
    of 'rt and sputnik news'): it names one of the two, not both. A longer first side is an
    official name's start ('centers for disease control' of '... and prevention')."""
    conjunctions = words(language, "names").LIST_CONJUNCTIONS
    parts, said = name.split(), short.split()
    return any(
        parts[at] in conjunctions and (said == parts[at + 1 :] or said == parts[:at] == parts[:1])
        for at in range(1, len(parts) - 1)
    )


def _one_company(
    longest: set[str], joins: UnionFind, organisations: Mapping[str, str], language: str
) -> set[str]:
    """Of the longer names a short one fits, those of one company ('ford motor company',
    'ford motors co') are one name: they are joined, and count as one fit."""
    by_core: dict[str, list[str]] = defaultdict(list)
    for name in sorted(longest):
        by_core[_company_core(name, language)].append(name)
    for names in by_core.values():
        for other in names[1:]:
            joins.join(organisations[names[0]], organisations[other])
    return {names[0] for names in by_core.values()}


def _company_core(name: str, language: str) -> str:
    """A name without its company endings, its last word singular: 'ford motors co' and
    'ford motor company' are one company's names."""
    said = name.split()
    endings = words(language, "names").COMPANY_ENDINGS
    while len(said) > 1 and said[-1].strip(".") in endings:
        said.pop()
    last = said[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*said[:-1], last])


def _organisation_lists(names: AbstractSet[str], language: str) -> set[str]:
    """Names of two organisations joined by a conjunction, each named alone too ('facebook and
    instagram'), or side by side, each of two words or more ('abc news washington post', which
    news writes with a hyphen): the tagger's one span for two actors, which neither joins. A
    name only one side of which is named alone ('bath and body works') is one."""
    conjunctions = words(language, "names").LIST_CONJUNCTIONS

    def core(name: str) -> str:
        return _department_core(name, language)

    known = {core(name) for name in names}
    lists = set()
    for name in names:
        parts = name.split()
        for at in range(2, len(parts) - 1):
            if {core(" ".join(parts[:at])), core(" ".join(parts[at:]))} <= known:
                lists.add(name)
        for at, word in enumerate(parts[1:-1], start=1):
            sides = {core(" ".join(parts[:at])), core(" ".join(parts[at + 1 :]))}
            if word in conjunctions and sides <= known:
                lists.add(name)
    return lists


def _join_surnames(
    items: list[Item], joins: UnionFind, candidates: Candidates, settings: Settings
) -> None:
    """A surname alone, in one document, is the one person of that surname it names (or the
    one it names far more often); with several, it stays apart, linked to each as a candidate.
    Which person a bare surname means is decided per document (its key becomes the document's
    own), so that "Biden" meaning Joe here and Hunter there never joins the two through it."""
    people = _People(items, joins, settings)
    organisations = _organisations_by_bare_name(items, joins, settings.language)
    for item in items:
        if item.kind != "Person" or " " in item.name or item.description:
            continue
        fits, barred = people.fitting(item.name)
        _, inexact = people.fitting(item.name, join_slips=False)  # no tie by a slip ('Crump')
        if not fits:
            fits = _one_organisation(organisations, item.name)
        if fits:
            item.key = private_key(f"Person:{item.name}", item.mention.doc)
        _join_surname(item.key, fits, people.named, joins, candidates, settings, barred, inexact)


def _organisations_by_bare_name(
    items: Iterable[Item], joins: UnionFind, language: str
) -> dict[str, set[str]]:
    """The organisations of one document a bare name may be, by that name, read as a person's
    or a company's name would be: its last word ('Haley' of 'Nikki Haley', a person the tagger
    took for an organisation; 'Klan') or its first before a company's ending ('Corvane' of
    'Corvane Mining Group'). Not 'Trump' of 'the Trump White House' or 'Clinton' of 'the Clinton
    Foundation': named after the person, not the person; the corpus decides those
    (`_join_bare_surnames`)."""
    endings = words(language, "names").COMPANY_ENDINGS
    found: dict[str, set[str]] = defaultdict(set)
    for item in items:
        parts = item.name.split()
        if item.kind in ORGANISATIONS and len(parts) > 1:
            found[parts[-1]].add(joins.find(item.key))
            if parts[-1] in endings:
                found[parts[0]].add(joins.find(item.key))
    return found


class _People:
    """The people named in full among some items, by surname: each root (union-find) with its
    surnames and how often it is named, and the roots by the spellings of their surnames."""

    def __init__(self, items: Iterable[Named], joins: UnionFind, settings: Settings) -> None:
        self.surnames: dict[str, set[str]] = defaultdict(set)  # root -> surnames
        self.last_names: dict[str, set[str]] = defaultdict(set)  # root -> last of its surnames
        self.named: Counter[str] = Counter()  # root -> mentions
        self.by_spelling: dict[str, set[str]] = defaultdict(set)  # spelling variant -> roots
        language = settings.language
        self.given_names = words(language, "names").GIVEN_NAMES
        named = [i for i in items if i.kind == "Person" and " " in i.name and not i.description]
        counted = _full_names(named)
        # Not read for surnames: a list of names, a name with a headline's words around it
        # ('add ida voss': 'add' is no surname), a 'Jr' (news writes 'Trump Jr.' for the son,
        # 'Trump' for the father).
        skipped = _name_lists(set(counted)) | set(_padded_names(counted, settings))
        generations = words(language, "names").GENERATIONS
        for item in named:
            if item.name not in skipped and not generations.intersection(item.name.split()):
                root = joins.find(item.key)
                self.named[root] += item.mentions
                surnames = _surnames(item.name, language)
                self.surnames[root].update(surnames)
                self.last_names[root].update(surnames[-1:])
                for surname in surnames[:-1]:  # a middle name has no slip: 'Bader' is no 'Baker'
                    self.by_spelling[surname].add(root)
                for variant in _spelling_variants(surnames[-1]) if surnames else ():
                    self.by_spelling[variant].add(root)

    def all_surnames(self) -> set[str]:
        return set().union(*self.surnames.values())

    def fitting(self, word: str, join_slips: bool = True) -> tuple[set[str], set[str]]:
        """The roots with a surname `word` spells up to one slip, and those of them it must not
        join: a given name alone is a candidate only of those it fits by a slip or as a middle
        name ('Robert' and 'Roberta' beside 'John Roberts', 'Jay' beside 'Albert Jay Nock'),
        and, without `join_slips`, any it fits by a slip only ('Salon' beside 'Matt Salmon'),
        though they still keep an exact fit from being the only one."""
        near = set().union(*(self.by_spelling.get(v, set()) for v in _spelling_variants(word)))
        fits = {r for r in near if word in self.surnames[r] or self._slip_of_last(word, r)}
        slipped = set() if join_slips else {r for r in fits if word not in self.surnames[r]}
        if word not in self.given_names:
            return fits, slipped
        return fits, slipped | {r for r in fits if word not in self.last_names[r]}

    def _slip_of_last(self, word: str, root: str) -> bool:
        return any(close_spelling(word, last) for last in self.last_names[root])


def _organisation_roots(
    items: Iterable[Named], joins: UnionFind, language: str, surnames: AbstractSet[str]
) -> dict[str, set[str]]:
    """Distinctive word -> roots of the organisations with a name of several words using it;
    not a name of surnames only, one of them a named person's ('Biden-Putin', a summit the
    tagger took for an organisation, is no name of Biden's)."""
    lang = words(language, "names")
    generic = lang.GENERIC_ORG_WORDS | lang.COMPANY_ENDINGS  # "Joule Global Holdings" is one
    organisations: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.kind not in ORGANISATIONS or " " not in item.name:
            continue
        distinctive = distinctive_words(item.name, language)
        if distinctive & surnames and not generic.intersection(item.name.split()):
            continue
        for word in distinctive:
            organisations[word].add(joins.find(item.key))
    return organisations


def _one_organisation(organisations: dict[str, set[str]], word: str) -> set[str]:
    """No person has that name, but one organisation has it for its own: 'Corvane' for
    'Corvane Mining Group', which the tagger took for a person."""
    found = organisations.get(word, set())
    return set(found) if len(found) == 1 else set()


def _join_surname(
    key: str,
    fits: set[str],
    named: Counter[str],
    joins: UnionFind,
    candidates: Candidates,
    settings: Settings,
    barred: AbstractSet[str] = frozenset(),
    untied: AbstractSet[str] | None = None,
) -> None:
    """A bare surname's key joins the one root it fits, or the one named `surname_prominence`
    times as often as any other, unless that one is `barred`; the other fits are candidate
    links. With `untied` (in a document), a choice left open between fits not in it is a tie
    the corpus may decide (`TIED_SURNAME`)."""
    prominent = _most_named(fits, named, settings.resolve.surname_prominence)
    chosen = prominent or (next(iter(fits)) if len(fits) == 1 else None)
    score = settings.resolve.surname_score
    if chosen is not None and chosen not in barred:
        joins.join(key, chosen)
        for root in sorted(fits - {chosen}):
            reason = "surname of several people; the most named taken"
            candidates.append((key, root, score, reason))
    else:
        for root in sorted(fits):
            tied = chosen is None and untied is not None and root not in untied
            candidates.append((key, root, score, TIED_SURNAME if tied else SEVERAL_SURNAMES))


def _most_named(roots: set[str], counts: Counter[str], prominence: float) -> str | None:
    """Of several people, the one named at least `prominence` times as often as any other."""
    if len(roots) < 2:
        return None
    ranked = sorted(roots, key=lambda root: (-counts[root], root))
    first, second = counts[ranked[0]], counts[ranked[1]]
    return ranked[0] if first >= prominence * max(second, 1) and first > second else None


def _flag_type_clashes(items: Sequence[Named], candidates: Candidates, settings: Settings) -> None:
    keys: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if not item.description:
            keys[item.name].add(item.key)
    for name_keys in keys.values():
        ordered = sorted(name_keys)
        for a, b in zip(ordered, ordered[1:], strict=False):
            candidates.append(
                (a, b, settings.resolve.type_clash_score, "same name, different type")
            )


# -- references: descriptions and pronouns --------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """A description or a pronoun taken for an actor its document names: its own item (keyed
    privately), the key of the actor it joins and why."""

    item: Item
    antecedent: str
    reason: str


def resolve_references(
    mentions: Iterable[Mention],
    items: list[Item],
    text: str,
    joins: UnionFind,
    settings: Settings,
) -> list[Reference]:
    """Descriptions ("the president", "the company") and pronouns ("he", "its") of one
    document, each joined to the actor it stands for where the text makes that clear: a role
    the text gives one actor as a title or an apposition, the one person of a compatible
    gender named just before. The rest stay unresolved (no key). Read in the order of the
    text, so that a pronoun can stand for what a description before it stood for."""
    lang = words(settings.language, "references")
    labels = {lang.DESCRIPTION_LABEL, lang.PRONOUN_LABEL}
    found: list[Reference] = []
    actors = _Actors(items, text, joins, settings)
    for mention in sorted((m for m in mentions if m.label in labels), key=lambda m: m.start):
        if mention.label == lang.DESCRIPTION_LABEL:
            chosen = actors.described(mention)
        else:
            chosen = actors.pronoun(mention)
        if chosen is None:
            if mention.label == lang.DESCRIPTION_LABEL:
                actors.unnamed.append(mention)
            continue
        antecedent, reason = chosen
        if antecedent.mention.index in actors.made:  # an unnamed person, now an actor
            found.append(
                Reference(antecedent, antecedent.key, actors.made[antecedent.mention.index])
            )
        kind = antecedent.kind
        name = normalise_name(mention.text, settings.language)
        key = private_key(f"{kind}:{name}#{mention.index}", mention.doc)
        item = Item(mention, name, kind, key, antecedent.iso, antecedent.place)
        joins.join(key, antecedent.key)
        actors.add(item)
        found.append(Reference(item, antecedent.key, reason))
    return found


class _Actors:
    """The actors one document names, as its references read them: where each is mentioned,
    the roles and the gender the text gives it."""

    def __init__(self, items: Iterable[Item], text: str, joins: UnionFind, settings: Settings):
        self.lang = words(settings.language, "references")
        self.language = settings.language
        self.company_lead = settings.resolve.company_lead
        self.text = text
        self.joins = joins
        self.items = sorted(items, key=lambda i: i.mention.start)
        self.unnamed: list[Mention] = []  # descriptions that joined no actor, in text order
        self.made: dict[int, str] = {}  # descriptions made actors by a relative pronoun: why
        self.plain: dict[int, tuple[str, ...]] = {}  # each name's words, as `_plain_words`
        # Where each line starts, and whether it is a headline (title case), read once a line:
        # a text of one long line must not be read again for each name and description.
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.title_case_lines: dict[int, bool] = {}
        self.quote_marks = {
            mark: [m.start() for m in re.finditer(re.escape(mark), text)]
            for mark in (self.lang.QUOTE_OPEN, self.lang.QUOTE_CLOSE, self.lang.QUOTE_STRAIGHT)
        }

    def add(self, item: Item) -> None:
        self.items.append(item)

    def described(self, mention: Mention) -> tuple[Item, str] | None:
        """The actor a definite description names: the one the text gives that role (as a
        title, "President Ruiz", "chipmaker Corvane", or in apposition, "Ruiz, the president"),
        named before the description or beside it, whose name is of the description's kind.
        Without the role it stays alone: news tells of many actors it never names ("the man",
        "the company", "the country"); and the one company named before or named most was
        wrong about half the time on AllSides articles (outlets named as sources). Before the
        role: a description in apposition with a name ("the German chancellor, Angela Merkel,")
        is that actor; after it: one that is a name of the text in its own words ("the Trump
        administration" beside "the Trump Administration")."""
        noun = _head_noun(mention.text)
        if not noun:
            return None
        return (
            self._in_apposition(mention, noun)
            or self._role_holder(mention, noun)
            or self._name_written_so(mention)
        )

    def _role_holder(self, mention: Mention, noun: str) -> tuple[Item, str] | None:
        """The one actor the text gives the description's role (see `described`)."""
        lang = self.lang
        if not self._definite(mention) or self._specified(mention):
            return None
        kinds = _kinds_of_noun(noun, lang)
        if not kinds or _names_something(mention.text):
            return None
        candidates = [
            i
            for i in self.items
            if i.kind in kinds
            and i.mention.index != mention.index
            and not i.description
            and _name_like(i.mention.text, lang)
            and not self._in_title_case_line(i.mention)
            and (i.kind == "Person" or _kind_noun_fits(i.mention.text, noun, lang))
        ]
        if noun in lang.FEMALE_WORDS or noun in lang.MALE_WORDS:
            gender = "f" if noun in lang.FEMALE_WORDS else "m"
            candidates = [i for i in candidates if self.may_be(i, gender)]
        role = _qualified_role(mention.text, noun, lang)
        # Given plainly, or else in a quotation or as a state's ("Ukrainian President"): the
        # plain holder, unless one given it otherwise is named more often ("President George W
        # Bush", once, beside "US President Donald Trump"); with no plain holder, the actor the
        # document names most, if given it otherwise.
        holders = self._roots([i for i in candidates if self._has_role(i, role)])
        loose = self._roots([i for i in candidates if self._has_role(i, role, loose=True)])
        named = self._times_named(kinds)
        if len(holders) == 1:
            (plain,) = holders
            if any(named[r] > named[plain] for r in loose if r not in holders):
                return None
        elif not holders:
            holders = {r: i for r, i in loose.items() if r in self._most_named(kinds)}
        why = "the role the text gives"
        if not holders and noun in lang.COMPANY_NOUNS:
            holders = self._leading_company(mention, candidates, kinds)
            why = "the company the text names far more often than any other body:"
        if len(holders) != 1:
            return None  # several hold it, or nobody is given it: anyone's
        ((root, holder),) = holders.items()
        if root.split(":", 1)[0] not in kinds or not self._refers_back(mention, root):
            return None
        return holder, f"'{role}': {why} {holder.mention.text}"

    def _leading_company(
        self, mention: Mention, candidates: list[Item], kinds: AbstractSet[str]
    ) -> dict[str, Item]:
        """The company a text is about, for "the company" that no name is given as a role:
        the one the text names `company_lead` times as often as any other organisation (a
        report on one company names others in passing, and the outlets it quotes), and the
        last organisation named before the description (else it may be one the text names
        once, "... at Facebook. The company's moderators")."""
        counts, roots = self._actors_named(kinds)
        top = counts.most_common(2)
        lead = self.company_lead
        if not top or top[0][1] < lead or (len(top) == 2 and top[0][1] < lead * top[1][1]):
            return {}
        before = [
            i
            for i in self.items
            if i.kind in kinds and not i.description and i.mention.end <= mention.start
        ]
        last = max(before, key=lambda i: i.mention.end, default=None)
        if last is None or self.joins.find(last.key) not in roots[top[0][0]]:
            return {}
        return {
            r: i
            for r, i in self._roots(candidates).items()
            if r in roots[top[0][0]] and self._a_business(r)
        }

    def _a_business(self, root: str) -> bool:
        """Whether an actor is a company by its type or by the text, which calls one of its
        names so ("automaker Halvard Motors", "Halvard, the carmaker,"); a body or a group
        named most ("FBI", "Project Veritas") is not what "the company" means."""
        mine = [i for i in self.items if self.joins.find(i.key) == root and not i.description]
        return any(i.kind == "Company" for i in mine) or any(
            self._has_role(i, noun, loose=True) for i in mine for noun in self.lang.BUSINESS_NOUNS
        )

    def _name_written_so(self, mention: Mention) -> tuple[Item, str] | None:
        """The one actor of the document whose name is the description's words, whatever
        their case ("the Trump administration" beside "the Trump Administration", "the navy"
        beside "the Navy"): the words are the name itself, not a role another could hold. A
        name that is only a kind ("Court", "State", "Party": a capital the tagger took for a
        name) and names on a headline line, whose bounds are guesses, are not read."""
        lang = self.lang
        said = _plain_words(mention.text)
        if not said or (len(said) == 1 and _kinds_of_noun(said[0], lang)):
            return None
        found = self._roots(
            i
            for i in self.items
            if not i.description
            and self._plain_words(i) == said
            and _name_like(i.mention.text, lang)
            and not self._in_title_case_line(i.mention)
        )
        if len(found) != 1:
            return None
        ((_, item),) = found.items()
        return item, f"'{mention.text}': the name {item.mention.text} in the text's own words"

    def _plain_words(self, item: Item) -> tuple[str, ...]:
        """An item's `_plain_words`, read once."""
        index = item.mention.index
        if index not in self.plain:
            self.plain[index] = _plain_words(item.mention.text)
        return self.plain[index]

    def _in_apposition(self, mention: Mention, noun: str) -> tuple[Item, str] | None:
        """The actor named right beside a description in apposition, in its sentence: "Ruiz,
        the star of the show," or "the German chancellor, Angela Merkel, said". The sentence
        makes them one whatever the role, so no holder of the role is looked for, and the
        description may name a state or qualify the role ("the Senate minority leader"); a
        description of a known kind joins only an actor of that kind and gender. A description
        inside a phrase ("the fifth member of the court, Ruiz,") is no apposition."""
        lang = self.lang
        if noun in lang.NOT_ROLES:
            return None
        kinds = _kinds_of_noun(noun, lang)
        names = [
            i
            for i in self.items
            if i.mention.sentence == mention.sentence
            and not i.description
            and _name_like(i.mention.text, lang)
            and (not kinds or i.kind in kinds)
        ]
        found: tuple[Item, str] | None = None
        rest = self.text[mention.end : mention.end + lang.ROLE_WINDOW_CHARS]
        before = [i for i in names if i.mention.end <= mention.start]
        if before:
            last = max(before, key=lambda i: i.mention.end)
            gap = self.text[last.mention.end : mention.start]
            opened = re.search(lang.APPOSITION_ARTICLE, gap) or re.match(
                lang.APPOSITION_ARTICLE, mention.text + " "
            )
            if (
                opened
                and re.fullmatch(lang.APPOSITION_OPENING, gap)
                and re.match(lang.APPOSITION_END, rest)
                and not re.match(lang.APPOSITION_UNCLOSED, rest)
            ):
                found = last, f"'{mention.text}': in apposition after {last.mention.text}"
        opening = self.text[max(0, mention.start - lang.ROLE_WINDOW_CHARS) : mention.start]
        after = [i for i in names if i.mention.start >= mention.end]
        if found is None and after and kinds and not re.search(lang.INSIDE_PHRASE, opening):
            first = min(after, key=lambda i: i.mention.start)
            gap = self.text[mention.end : first.mention.start]
            closed = self.text[first.mention.end : first.mention.end + 12]
            if re.fullmatch(lang.APPOSITION_NAME_GAP, gap) and re.match(
                lang.APPOSITION_NAME_END, closed
            ):
                found = first, f"'{mention.text}': in apposition before {first.mention.text}"
        if found is None:
            return None
        if noun in lang.FEMALE_WORDS or noun in lang.MALE_WORDS:
            gender = "f" if noun in lang.FEMALE_WORDS else "m"
            if found[0].kind != "Person" or not self.may_be(found[0], gender):
                return None
        return found

    def _refers_back(self, mention: Mention, root: str) -> bool:
        """Whether the actor is named before the description, or right beside it in
        apposition ("the singer Anita Bryant"): a description looks back for what it names."""
        for item in self.items:
            if item.description or self.joins.find(item.key) != root:
                continue
            m = item.mention
            if m.start < mention.start:
                return True
            gap = self.text[mention.end : m.start]
            if re.fullmatch(self.lang.APPOSITION_GAP, gap):
                return True
        return False

    def pronoun(self, mention: Mention) -> tuple[Item, str] | None:
        """The actor a third-person pronoun stands for: the one actor of a compatible type
        (a person of a compatible gender for 'he' and 'she', an organisation or a state for
        'its') named in its sentence before it or in the sentence before; among several people,
        the one whose gender the text gives and matches. A relative pronoun ('who', 'whose')
        stands for the actor named right before it ("Tara Reid, who")."""
        lang = self.lang
        word = mention.text.strip().lower()
        if word in lang.RELATIVE_PRONOUNS:
            return self._relative(mention, lang.RELATIVE_PRONOUNS[word])
        if word in lang.MALE_PRONOUNS or word in lang.FEMALE_PRONOUNS:
            kinds, gender = {"Person"}, "m" if word in lang.MALE_PRONOUNS else "f"
        elif word in lang.THING_PRONOUNS or word == lang.THING_SUBJECT_PRONOUN:
            kinds, gender = ORGANISATIONS | STATE_KINDS, None
        else:
            return None
        near = [
            i
            for i in self.items
            if i.mention.start < mention.start
            and mention.sentence - lang.PRONOUN_SENTENCES <= i.mention.sentence
        ]
        if kinds != {"Person"}:  # a thing, not a person: any place or body may be it
            near = [i for i in near if i.kind != "Person"]
            roots = self._roots(near)
            if len(roots) == 1 and next(iter(roots.values())).kind in kinds:
                (one,) = roots.values()
                return one, f"'{word}': the one body or state named just before"
            return None
        people = self._roots([i for i in near if i.kind in kinds])
        fit = {r: i for r, i in people.items() if self.may_be(i, gender)}
        if len(fit) == 1:
            (one,) = fit.values()
            return one, f"'{word}': the one person of that gender named just before"
        sure = [i for i in fit.values() if self.gender(i) == gender]
        if len(sure) == 1:
            return sure[0], f"'{word}': the one person named just before known to fit"
        if people:
            return None
        # Nobody named just before: the one person of a compatible gender the text has named
        # at all before it, with no unnamed person ("a woman", "the driver") since.
        earlier = self._roots(
            i for i in self.items if i.kind in kinds and i.mention.start < mention.start
        )
        fit = {r: i for r, i in earlier.items() if self.may_be(i, gender)}
        if len(fit) != 1 or len(earlier) != 1:
            return None
        (one,) = fit.values()
        last = max(i.mention.end for i in self.items if self.joins.find(i.key) == next(iter(fit)))
        if any(last < m.start < mention.start for m in self.unnamed):
            return None
        return one, f"'{word}': the one person the text has named before it"

    def _relative(self, mention: Mention, kinds: AbstractSet[str]) -> tuple[Item, str] | None:
        """The actor of a compatible type whose mention ends right before a relative pronoun,
        with at most a comma between ("Tara Reid, who"; "Corvane, whose"). Right after a
        description that joined no actor ("a maid who"), 'who' makes that person an actor of
        its own, unnamed, kept to the document."""
        word = mention.text.strip().lower()
        before = [i for i in self.items if i.mention.end <= mention.start and i.kind in kinds]
        last = max(before, key=lambda i: i.mention.end, default=None)
        unnamed = [m for m in self.unnamed if m.end <= mention.start]
        if "Person" in kinds and unnamed and (last is None or unnamed[-1].end > last.mention.end):
            described = unnamed[-1]
            if not re.fullmatch(self.lang.RELATIVE_GAP, self.text[described.end : mention.start]):
                return None
            name = normalise_name(described.text, self.language)
            key = private_key(f"Person:{name}#{described.index}", described.doc)
            item = Item(described, name, "Person", key)
            self.unnamed.remove(described)
            self.items.append(item)
            self.made[described.index] = f"'{word}' right after it: a person the text does not name"
            return item, f"'{word}': the relative pronoun right after {described.text}"
        if last is None or not re.fullmatch(
            self.lang.RELATIVE_GAP, self.text[last.mention.end : mention.start]
        ):
            return None
        return last, f"'{word}': the relative pronoun right after {last.mention.text}"

    def gender(self, item: Item) -> str | None:
        """'f' or 'm' where the text says so for some mention of the item's actor (an
        honorific or a gendered title before it, a gendered description or pronoun standing
        for it), None where it does not or disagrees."""
        lang = self.lang
        root = self.joins.find(item.key)
        said: set[str] = set()
        for other in self.items:
            if self.joins.find(other.key) != root:
                continue
            m = other.mention
            before = self.text[max(0, m.start - 24) : m.start].lower()
            title = re.findall(r"[a-z]+", before)[-2:] + m.text.lower().split()[:-1]
            words_said = {w.strip(".") for w in title}
            if other.description:
                words_said = {_head_noun(m.text) or "", m.text.strip().lower()}
            if words_said & (lang.FEMALE_WORDS | lang.FEMALE_PRONOUNS):
                said.add("f")
            if words_said & (lang.MALE_WORDS | lang.MALE_PRONOUNS):
                said.add("m")
        return said.pop() if len(said) == 1 else None

    def may_be(self, item: Item, gender: str | None) -> bool:
        """Whether the item's actor may be of that gender (any, if None): the text's word where
        it gives one (`gender`), else its given names' (`_given_names_gender`: 'she' is not
        Brett Kavanaugh). Given names only rule an actor out; they never make one the sure
        pick, as the text's words do."""
        if gender is None:
            return True
        said = self.gender(item)
        if said is not None:
            return said == gender
        return self._given_names_gender(self.joins.find(item.key)) in {gender, None}

    def _given_names_gender(self, root: str) -> str | None:
        """'m' or 'f' when every given name written in full for the actor is a man's or every
        one a woman's (`_given_name_gender`)."""
        found = {
            gender
            for other in self.items
            if other.kind == "Person"
            and not other.description
            and self.joins.find(other.key) == root
            and (gender := _given_name_gender(other.name, self.language))
        }
        return found.pop() if len(found) == 1 else None

    def _actors_named(self, kinds: AbstractSet[str]) -> tuple[Counter[str], dict[str, set[str]]]:
        """How often the document names each actor of these kinds, and the roots it has: a
        person counted by surname ("Donald Trump" and "Mr Trump", if kept apart), else by
        root."""
        counts: Counter[str] = Counter()
        roots: dict[str, set[str]] = defaultdict(set)
        for item in self.items:
            if item.kind not in kinds or item.description or not item.name:
                continue
            root = self.joins.find(item.key)
            actor = item.name.split()[-1] if item.kind == "Person" else root
            counts[actor] += 1
            roots[actor].add(root)
        return counts, roots

    def _times_named(self, kinds: AbstractSet[str]) -> Counter[str]:
        """How often the document names the actor of each root of these kinds."""
        counts, roots = self._actors_named(kinds)
        return Counter({root: counts[actor] for actor, found in roots.items() for root in found})

    def _most_named(self, kinds: AbstractSet[str]) -> set[str]:
        """The roots of the one actor of these kinds the document names most, if one is."""
        counts, roots = self._actors_named(kinds)
        top = counts.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return set()
        return roots[top[0][0]]

    def _has_role(self, item: Item, noun: str, loose: bool = False) -> bool:
        """Whether the text gives the item's mention the role `noun`: as a title ("President
        Ruiz", "chipmaker Corvane") or in apposition ("Ruiz, the president", "the company's
        chief, Ruiz"), as the role itself (not "vice president", "then-President", "former
        president"). Unless `loose`, in the text's own words (a quotation may speak of another
        time: "if he fought against President Obama ...", in a story about his successor) and
        not as a state's ("Ukrainian President Zelensky" is one president among others)."""
        lang = self.lang
        m = item.mention
        window = lang.ROLE_WINDOW_CHARS
        near = self.text[max(0, m.start - window) : m.end + window].lower()
        if noun.split()[-1].lower() not in near:  # the role's noun is not even written there
            return False
        if not loose and self._quoted(m.start):
            return False
        # "former director" is also "former FBI director"
        role = r"(?:\s+[\w.&-]+){0,2}?\s+".join(re.escape(w) for w in noun.split())
        inside = " ".join(m.text.split()[:-1])
        before = self.text[max(0, m.start - window) : m.start]
        after = self.text[m.end : m.end + window]
        found = [
            (inside, re.search(lang.TITLE.format(role=role), inside)),
            (before, re.search(lang.TITLE_BEFORE.format(role=role), before)),
            (after, re.search(lang.APPOSITION_AFTER.format(role=role), after, re.IGNORECASE)),
        ]
        if re.match(lang.APPOSITION_CLOSED, after) is not None:
            found.append((before, re.search(lang.APPOSITION_BEFORE.format(role=role), before)))
        return any(
            match is not None
            and self._the_role_itself(
                said[: match.start("role")], noun, loose or item.kind != "Person"
            )
            for said, match in found
        )

    def _the_role_itself(self, before: str, role: str, loose: bool = False) -> bool:
        """Whether the words right before a role leave it that role: not a word it is part of
        ("then-President", "limited-government"), no qualifier the description lacks in the
        title ("Former National Security Adviser" is not "the adviser"), and unless `loose`
        no state's name right before it ("Ukrainian President"; the capitalised words before
        it are read whole: "U.S. District Judge" is a judge, "the New Jersey governor" and
        "Concerned Women for America President" no state's)."""
        lang = self.lang
        if before.endswith("-"):
            return False
        phrase = re.split(lang.TITLE_PHRASE_BREAK, before)[-1]
        said = re.findall(r"[\w.’'-]+", phrase)[-lang.TITLE_PHRASE_WORDS :]
        qualifiers = {w.lower().strip(".") for w in said} & lang.ROLE_QUALIFIERS
        if qualifiers - set(role.split()):
            return False
        run: list[str] = []
        for word in reversed(said):
            if not word[:1].isupper() and word not in lang.NAME_PARTICLES:
                break
            run.insert(0, word)
        while run and not run[0][:1].isupper():  # "Women for America": the name is whole
            run.pop(0)
        if loose or not run:
            return True
        gazetteer = load_gazetteer(self.language)
        name = normalise_name(" ".join(run), self.language)
        return gazetteer.state(name) is None and gazetteer.demonym(name) is None

    def _quoted(self, at: int) -> bool:
        """Whether a position lies inside a quotation of its paragraph: after an opening mark
        with no closing one since, or after an odd number of straight marks (the marks' places
        are read once, by `__init__`)."""
        lang = self.lang
        start = self.line_starts[self._line(at)]

        def before(mark: str) -> tuple[int, int]:
            """The last place of `mark` in the paragraph before `at` (-1: none), and how many."""
            places = self.quote_marks[mark]
            first, end = bisect_left(places, start), bisect_left(places, at)
            return (places[end - 1] if end > first else -1), end - first

        if before(lang.QUOTE_OPEN)[0] > before(lang.QUOTE_CLOSE)[0]:
            return True
        return before(lang.QUOTE_STRAIGHT)[1] % 2 == 1

    def _line(self, at: int) -> int:
        """The number of the line (paragraph) a position lies in."""
        return bisect_right(self.line_starts, at) - 1

    def _in_title_case_line(self, mention: Mention) -> bool:
        """Whether a mention stands in a line written in title case (a headline)."""
        line = self._line(mention.start)
        if line not in self.title_case_lines:
            start = self.line_starts[line]
            end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else None
            self.title_case_lines[line] = title_case(self.text[start:end], self.language)
        return self.title_case_lines[line]

    def _specified(self, mention: Mention) -> bool:
        """Whether the description says which holder of the role it means, by an ordinal or
        a complement after it: then it may be another than the one the text names."""
        after = self.text[mention.end : mention.end + 40]
        said = " ".join(mention.text.lower().split())
        ordinal = self.lang.ORDINAL.search(said) and not any(
            role in said for role in self.lang.ORDINAL_ROLES
        )
        return bool(ordinal or self.lang.COMPLEMENT_AFTER.match(after))

    def _definite(self, mention: Mention) -> bool:
        """'the president', or 'president' right after 'the' (a span without its article)."""
        said = mention.text.strip().lower()
        before = self.text[max(0, mention.start - 8) : mention.start].lower()
        return said.startswith("the ") or bool(re.search(r"\bthe\s+$", before))

    def _roots(self, items: Iterable[Item]) -> dict[str, Item]:
        """The actors of some items: each root with its first named item (else any)."""
        roots: dict[str, Item] = {}
        for item in items:
            root = self.joins.find(item.key)
            if root not in roots or (roots[root].description and not item.description):
                roots[root] = item
        return roots


def _plain_words(text: str) -> tuple[str, ...]:
    """A mention's words in lower case, without a leading article or a possessive: 'the
    Navy's' -> ('navy',)."""
    text = re.sub(r"['’]s?$", "", text.strip())
    found = [w.lower() for w in re.findall(r"[^\W_][\w&-]*", text)]
    return tuple(found[1:] if found[:1] in (["the"], ["a"], ["an"]) else found)


def _names_something(text: str) -> bool:
    """Whether a description holds a capitalised word past its first ('the Trump
    administration')."""
    return any(w[:1].isupper() for w in text.split()[1:])


def _name_like(text: str, lang: ModuleType) -> bool:
    """Whether a mention's words read as a name: capitalised but for name particles ("de",
    "of"), at most `NAME_MAX_WORDS` capitalised words ('spar ahead', a headline run are not)."""
    found = re.findall(r"[^\W\d_][\w.’'&-]*", re.sub(r"^(?i:the)\s+", "", text.strip()))
    if not found or not found[0][:1].isupper():
        return False
    capitalised = [w for w in found if w[:1].isupper() or any(c.isupper() for c in w)]
    rest = [w for w in found if w not in capitalised]
    return len(capitalised) <= lang.NAME_MAX_WORDS and all(
        w.lower() in lang.NAME_PARTICLES for w in rest
    )


def _kind_noun_fits(name: str, noun: str, lang: ModuleType) -> bool:
    """Whether a body's, place's or organisation's name is of the kind the description's noun
    says: the noun its name gives its kind by ("Department of Justice", "Ferguson Police
    Department": 'department'), if it has one, is that noun ('the police' is not the police
    department, 'the party' not the Senate)."""
    nouns = lang.ORGANISATION_NOUNS | lang.BODY_NOUNS | lang.PLACE_NOUNS
    found = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    if "of" in found:  # "the Department of Labor": the kind comes before "of"
        found = found[: found.index("of")]
    kind = [w for w in found if w in nouns]
    if kind and kind[-1] in lang.COMPANY_WORDS:  # "Corvane Group": a company's ending
        return noun in lang.ORGANISATION_NOUNS
    return not kind or kind[-1] == noun


def _head_noun(text: str) -> str | None:
    """The last word of a description, lowercased, without a possessive: 'the company's' ->
    'company'."""
    found = re.findall(r"[A-Za-z-]+", re.sub(r"['’]s?$", "", text.strip()))
    return found[-1].lower() if found else None


def _qualified_role(text: str, noun: str, lang: ModuleType) -> str:
    """The role a description names: its noun with the words right before it that make one
    title with it, and the qualifiers it has that make it another role ('the former vice
    president' -> 'former vice president', 'the police department' -> 'police department',
    'the former national security adviser' -> 'former security adviser')."""
    found = re.findall(r"[a-z]+", re.sub(r"['’]s?$", "", text.strip()).lower())
    before = found[:-1]
    kinds = lang.ORGANISATION_NOUNS | lang.BODY_NOUNS | lang.PLACE_NOUNS | lang.TITLE_PARTS
    role = [noun]
    while before and (before[-1] in lang.ROLE_QUALIFIERS or before[-1] in kinds):
        role.insert(0, before.pop())
    return " ".join([w for w in before if w in lang.ROLE_QUALIFIERS] + role)


def _kinds_of_noun(noun: str, lang: ModuleType) -> set[str]:
    """The types of actor a description's noun may stand for."""
    if noun in lang.NOT_ROLES:
        return set()
    if noun in lang.PERSON_REFERENCE_NOUNS:
        return {"Person"}
    if noun in lang.BODY_NOUNS:
        return {"PublicBody", "Organization"}
    if noun in lang.ORGANISATION_NOUNS:
        return {"Company", "Organization"}
    if noun in lang.PLACE_NOUNS:
        return STATE_KINDS | {"Location"}
    return set()


# -- across documents -------------------------------------------------------------------------


def link_keys(
    items: Mapping[str, KeyItem],
    votes: Mapping[tuple[str, str], int],
    aliases: Iterable[tuple[str, str]],
    forms: Mapping[str, Mapping[tuple[str, bool], int]],
    settings: Settings,
    ties: Mapping[str, AbstractSet[str]] | None = None,
) -> tuple[dict[str, str], list[Entity], list[CandidateLink]]:
    """Join the keys of all documents into entities, by what the corpus says: one type per
    name (`votes`: the mentions of each name and type the tagger gave it, in all documents),
    aliases defined elsewhere, fuller names, bare surnames, and the surnames their documents
    left tied (`ties`: a document's own key -> the people it named as often). `forms` counts
    each key's mention texts (text, whether a description) for the entity's name and aliases.
    Returns each key's entity id, the entities (without mentions) and the merges left open,
    between keys."""
    ties = ties or {}
    shared = sorted((i for i in items.values() if i.shared), key=lambda i: i.key)
    joins = UnionFind()
    candidates: Candidates = []
    aliases = list(aliases)
    tagged: dict[str, Counter[str]] = defaultdict(Counter)  # name -> type -> mentions
    for (name, kind), n in votes.items():
        tagged[name][kind] += n
    _vote_kinds(shared, tagged, settings)
    _places_named_by_initials(shared, forms, settings)
    _companies_by_their_endings(shared, forms, settings.language)
    _join_votes(shared, joins)
    _join_plural_groups(shared, joins)
    _place_bodies(shared, joins)
    _join_aliases(shared, aliases, joins)
    _join_known_aliases(shared, joins, settings.language)
    _join_person_names(shared, joins, candidates, settings)
    _join_organisation_names(shared, joins, candidates, settings, {a for a, _ in aliases})
    _join_bare_surnames(shared, joins, candidates, settings, tagged)
    _join_tied_surnames(items, ties, forms, joins, settings)
    _flag_type_clashes(shared, candidates, settings)
    groups: dict[str, list[KeyItem]] = defaultdict(list)
    for item in items.values():
        groups[joins.find(item.key)].append(item)
    entity_of: dict[str, str] = {}
    entities = []
    for members in groups.values():
        entity = _make_entity(members, forms, settings.language)
        entities.append(entity)
        entity_of.update((m.key, entity.id) for m in members)
    links = [CandidateLink(a, b, score, reason) for a, b, score, reason in candidates]
    return entity_of, sorted(entities, key=lambda e: e.id), sorted(links, key=_link_order)


def entity_links(
    links: Iterable[CandidateLink], entity_of: Mapping[str, str]
) -> list[CandidateLink]:
    """Merges left open between keys, as merges between the entities of those keys: the
    surest reason for each pair of entities."""
    best: dict[tuple[str, str], CandidateLink] = {}
    for link in sorted(links, key=_link_order):
        if link.a not in entity_of or link.b not in entity_of:
            continue
        x, y = sorted((entity_of[link.a], entity_of[link.b]))
        if x != y and (x, y) not in best:
            best[(x, y)] = CandidateLink(x, y, link.score, link.reason)
    return sorted(best.values(), key=_link_order)


def _vote_kinds(
    items: Sequence[KeyItem], tagged: Mapping[str, Counter[str]], settings: Settings
) -> None:
    """One type per name (`tagged`: each name's mentions by the type the tagger gave them):
    the one the tagger gave it most often in the corpus ('Soros' tagged
    an organisation in one article and a person in ten is a person), but a name that reads as a
    person's (`_person_shaped`) given as a person's `person_evidence_mentions` times is a
    person's. A person and a place of one name stay apart, though: each document decided that
    for itself."""
    language = settings.language
    order = list(dict.fromkeys(ENTITY_TYPES.values()))  # ties go to the earlier type
    for item in items:
        if item.description or "@" in item.key or item.kind in {"Country", "Group"}:
            continue
        counted = tagged.get(item.name)
        if not counted:
            continue
        winner = max(counted, key=lambda kind: (counted[kind], -order.index(kind)))
        if (
            winner in ORGANISATIONS
            and counted["Person"] >= settings.resolve.person_evidence_mentions
            and _person_shaped(item.name, language)
        ):
            winner = "Person"
        base = "Organization" if item.kind in ORGANISATIONS else item.kind
        if winner != base and {winner, base} != {"Person", "Location"}:
            item.kind = (
                _organisation_type(item.name, language) if winner in ORGANISATIONS else winner
            )


def _companies_by_their_endings(
    items: Sequence[KeyItem], forms: Mapping[str, Mapping[tuple[str, bool], int]], language: str
) -> None:
    """A name the corpus also writes with a company's legal form ('Pfizer Inc', whose name as
    an organisation's is 'pfizer') is a company's, whatever the tagger said of it more often
    ('Pfizer and Moderna vaccines': PERSON 7 times against ORG once on 18 roundup stories)."""
    endings = words(language, "names").LEGAL_FORMS
    companies = {
        organisation_name(text, language)
        for item in items
        for text, description in forms.get(item.key, {})
        if not description
        and len(said := text.split()) > 1
        and said[-1].strip(".,").casefold() in endings
        and not {"&", "and"} & set(said)
    }
    for item in items:
        if item.kind == "Person" and item.name in companies:
            item.kind = "Company"


def _places_named_by_initials(
    items: Sequence[KeyItem],
    forms: Mapping[str, Mapping[tuple[str, bool], int]],
    settings: Settings,
) -> None:
    """The tagger takes a body's initials for a place ('NRA', labelled GPE 50 times of 50 on
    AllSides): a place written only in capitals, of more letters than a postal code ('NY'),
    that the gazetteer knows no place by, and whose letters are the initials of an
    organisation's name in the corpus, is an organisation, which `_join_organisation_names`
    then joins to that name."""
    language = settings.language
    lang = words(language, "names")
    gazetteer = load_gazetteer(language)
    initialled = {
        initials(i.name, language)
        for i in items
        if i.kind in ORGANISATIONS and len(i.name.split()) >= 2 and "@" not in i.key
    }
    for item in items:
        written = [text for text, description in forms.get(item.key, {}) if not description]
        if (
            item.kind == "Location"
            and lang.PLACE_CODE_MAX_CHARS < len(item.name) <= settings.resolve.acronym_chars
            and item.name in initialled
            and written
            and all(is_acronym(text) for text in written)
            and not (
                gazetteer.state(item.name)
                or gazetteer.province(item.name)
                or gazetteer.capital(item.name)
            )
        ):
            item.kind = "Organization"


def _join_votes(items: Sequence[KeyItem], joins: UnionFind) -> None:
    """The keys of one name and one type, written as other types in other documents, are one
    actor."""
    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in items:
        if not item.description and "@" not in item.key and item.kind not in {"Country", "Group"}:
            by_name[(item.name, item.kind)].append(item.key)
    for keys in by_name.values():
        for key in keys[1:]:
            joins.join(keys[0], key)


def _place_bodies(items: Sequence[KeyItem], joins: UnionFind) -> None:
    """Generic bodies whose document did not say their state. One given the state its
    document names most ('the Senate' of a US report on Iran: a guess) is that state's body if
    the corpus names that state's body somewhere; if it names the body of one other state only,
    it is that one ('Senate (United States)'); with no such body named anywhere the guess
    stands. One whose document names no state at all ('the Senate' in a story that took the
    state for granted) is the one body of that name whose state the corpus names, or, with none
    named, the one it guesses; with a second state's 'Senate' it stays unplaced."""
    named: dict[str, dict[str | None, KeyItem]] = defaultdict(dict)
    guessed: dict[str, list[KeyItem]] = defaultdict(list)
    unplaced: dict[str, str] = {}
    for item in items:
        if item.kind != "PublicBody":
            continue
        if item.key.endswith("@unknown"):
            unplaced[item.name] = item.key
        elif "@Country:" in item.key:
            named[item.name][item.iso] = item
        elif GUESSED_STATE in item.key:
            guessed[item.name].append(item)
    for name, guesses in guessed.items():
        given = named.get(name, {})
        only = next(iter(given.values())) if len(given) == 1 else None
        for item in guesses:
            if (target := given.get(item.iso) or only) is not None:
                item.iso, item.place = target.iso, target.place
                joins.join(target.key, item.key)
    for name, key in unplaced.items():
        placed = {joins.find(i.key) for i in named[name].values()} or {
            joins.find(i.key) for i in guessed[name]
        }
        if len(placed) == 1:
            joins.join(next(iter(placed)), key)


def _join_plural_groups(items: Sequence[KeyItem], joins: UnionFind) -> None:
    """'Republicans' and 'a Republican', 'Christians' and 'Christian', 'Democrats' and
    'Democratic' are one group of people (a people of a state is keyed by the state's code
    already)."""
    groups = {i.name: i.key for i in items if i.kind == "Group" and not i.iso}
    for name, key in groups.items():
        if name.endswith("s") and name[:-1] in groups:
            joins.join(key, groups[name[:-1]])
        if name.endswith("ic"):  # the adjective of its members' name
            members = [groups[m] for m in (name[:-2], f"{name[:-2]}s") if m in groups]
            if members:
                joins.join(key, members[0])


def _join_aliases(
    items: Sequence[KeyItem], aliases: Iterable[tuple[str, str]], joins: UnionFind
) -> None:
    """An alias one document defines ("the National Electoral Council (CNE)") names the same
    actor in the documents that use it bare, where no other name claims it."""
    defined: dict[str, set[str]] = defaultdict(set)
    for alias, key in aliases:
        defined[alias].add(key)
    for item in items:
        roots = {joins.find(k) for k in defined.get(item.name, ())}
        if len(roots) == 1 and item.kind != "Country":
            joins.join(item.key, roots.pop())


def _join_known_aliases(items: Sequence[KeyItem], joins: UnionFind, language: str) -> None:
    """A nickname every reader knows and no text defines ('the GOP': `KNOWN_ALIASES`) is the
    organisation it stands for, where the corpus names that organisation."""
    known = words(language, "resolve").KNOWN_ALIASES
    named: dict[str, list[str]] = defaultdict(list)
    for item in items:
        if item.kind in ORGANISATIONS and not item.description:
            named[item.name].append(item.key)
    for alias, name in known.items():
        for key in named.get(alias, []) if named.get(name) else []:
            joins.join(key, named[name][0])


def _join_bare_surnames(
    items: Sequence[KeyItem],
    joins: UnionFind,
    candidates: Candidates,
    settings: Settings,
    tagged: Mapping[str, Counter[str]],
) -> None:
    """A surname its document leaves bare ("Trump said") is the one person of that surname in
    the corpus, or the one named far more often than the others; else it stays apart, linked to
    each as a candidate. Never one of another document it fits by a slip only: read on real
    news, those were other words and other people ('Salon', 'Barack' for Ehud Barak); nor a
    name the tagger gives as a place more often than as a person (`tagged`: 'Ferguson')."""
    people = _People(items, joins, settings)
    organisations = _organisation_roots(items, joins, settings.language, people.all_surnames())
    for item in items:
        if item.kind != "Person" or " " in item.name or item.description:
            continue
        if joins.find(item.key) in people.surnames:  # already one named person
            continue
        said = tagged.get(item.name, Counter())
        if said["Location"] > said["Person"]:
            continue  # 'Ferguson', 'Austin': the tagger's person is likelier the place
        fits, barred = people.fitting(item.name, join_slips=False)
        if not fits:
            fits = _one_organisation(organisations, item.name)
        _join_surname(item.key, fits, people.named, joins, candidates, settings, barred)


def _join_tied_surnames(
    items: Mapping[str, KeyItem],
    ties: Mapping[str, AbstractSet[str]],
    forms: Mapping[str, Mapping[tuple[str, bool], int]],
    joins: UnionFind,
    settings: Settings,
) -> None:
    """A surname its document gave to several people named there as often as each other
    ("Trump" beside one "Donald Trump" and one "Melania Trump") is the one of them the corpus
    names `tie_prominence` times as often as anyone of that surname: the document cannot tell,
    the corpus can. Not when the one the corpus names most is none of the document's ("Reagan"
    beside Nancy and Maureen Reagan is Ronald), nor where the document writes it with an
    honorific of the other sex ("Mrs Trump")."""
    if not ties:
        return
    named: Counter[str] = Counter()
    for item in items.values():
        named[joins.find(item.key)] += item.mentions
    given = _given_name_genders(items.values(), joins, settings.language)
    people = _People([i for i in items.values() if i.shared], joins, settings)
    for key in sorted(ties):
        if key not in items:
            continue
        fits, inexact = people.fitting(items[key].name, join_slips=False)
        chosen = _most_named(fits - inexact, named, settings.resolve.tie_prominence)
        if chosen is None or chosen not in {joins.find(t) for t in ties[key] if t in items}:
            continue
        said = _honorific_genders(forms.get(key, {}), settings.language)
        if not said or not given[chosen] or said == given[chosen]:
            joins.join(key, chosen)


def _honorific_genders(forms: Mapping[tuple[str, bool], int], language: str) -> set[str]:
    """The genders the honorifics of a key's written forms say ('Mrs Trump': 'f')."""
    refs = words(language, "references")
    honorifics = words(language, "names").HONORIFICS
    said = set()
    for text, _ in forms:
        first = text.split()[0].rstrip(".").lower() if text.split() else ""
        if first in honorifics and first in refs.FEMALE_WORDS:
            said.add("f")
        elif first in honorifics and first in refs.MALE_WORDS:
            said.add("m")
    return said


def _given_name_genders(
    items: Iterable[KeyItem], joins: UnionFind, language: str
) -> dict[str, set[str]]:
    """Root -> the genders the given names of its people's full names say."""
    found: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.kind == "Person" and (gender := _given_name_gender(item.name, language)):
            found[joins.find(item.key)].add(gender)
    return found


def _given_name_gender(name: str, language: str) -> str | None:
    """'m' or 'f' for a person's full name whose given name the US Census Bureau's lists give
    ten times as often to one sex (`lang/en/given_names.py`); None for a bare name, a given
    name given to both, or one they lack ('Kim', 'Xi')."""
    names = words(language, "names")
    given = name.split()[0] if " " in name else ""
    if given not in names.GIVEN_NAMES or given in names.UNISEX_GIVEN_NAMES:
        return None
    return "m" if given in names.MALE_GIVEN_NAMES else "f"


def _surnames(name: str, language: str) -> list[str]:
    """The words after a person's given name, but a generation ('jr')."""
    generations = words(language, "names").GENERATIONS
    return [word for word in name.split()[1:] if word not in generations]


def _spelling_variants(word: str) -> set[str]:
    """The word and, where `close_spelling` allows a slip (five letters or more), the word
    without each of its letters: two words one slip apart share a variant."""
    if len(word) < 5:
        return {word}
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _make_entity(
    members: list[KeyItem], forms: Mapping[str, Mapping[tuple[str, bool], int]], language: str
) -> Entity:
    """The id comes from the group's main key, so it stays the same across runs while the same
    names are found: a state's key, else the fullest name of the type named most. Its name is
    the form written most (`_shown_name`)."""
    named = [i for i in members if not i.description] or members
    votes: Counter[str] = Counter()
    for item in named:
        votes[item.kind] += item.mentions
    main = max(
        named,
        key=lambda i: (
            i.kind == "Country",
            votes[i.kind],
            i.shared,
            len(i.key.split()),
            len(i.key),
            i.key,
        ),
    )
    texts: Counter[str] = Counter()
    described: Counter[str] = Counter()
    for item in members:
        for (text, description), n in forms.get(item.key, {}).items():
            (described if description else texts)[text] += n
    texts = texts or described
    # the forms written most first: "Trump; Donald Trump", not "A.M. Donald Trump; Add Donald Trump"
    aliases = sorted(set(texts) | set(described), key=lambda a: (-texts[a] - described[a], a))
    if main.kind == "Country" and main.iso:
        name = load_gazetteer(language).state_name(main.iso)
        entity_id = f"country-{main.iso.lower()}"
    else:
        name = _shown_name(texts, main.kind, language) or main.name
        if main.place:  # "Senate (United States)", not "United States Senate (United States)"
            bare = {t: n for t, n in texts.items() if " ".join(_plain_words(t)) == main.name}
            name = f"{_shown_name(bare, main.kind, language) or name} ({main.place})"
        entity_id = f"{main.kind.lower()}-{hashlib.sha256(main.key.encode()).hexdigest()[:12]}"
    identifiers = {"iso3166": main.iso} if main.iso else {}
    return Entity(entity_id, name, main.kind, aliases, identifiers=identifiers)


def _shown_name(texts: Mapping[str, int], kind: str, language: str) -> str:
    """The name an entity is shown by. A person's or a place's: its most written full form,
    not its longest, which is where a headline's or a list's words taken into a name end up
    ('Ida Voss Will Run', 'Ida Voss Tomas Brenner'). A body's: its most written name of
    several proper words ('the Tallow River Authority' rather than 'TRA', 'the Clinton
    Foundation' rather than a 'Clinton Global Foundation' written once), then its fullest."""
    names = words(language, "names")
    written = {text.lower() for text in texts}
    shown: Counter[str] = Counter()
    for text, n in texts.items():
        if kind == "Person":
            text = names.OWNED.sub("", text)  # "Ida Voss's Instagram": shown as its owner
            text = names.SENTENCE_STOP.sub("", text.strip())  # "Ida Voss.": a sentence's stop
        elif owner := names.OWNER.match(text):
            # "Ida Voss's Tallowleaks" shown as Tallowleaks, "Tallow Radio's Voss" as its owner
            parts = (text[owner.end() :], owner.group("owner"))
            text = next((part for part in parts if part.lower() in written), text)
        if form := display_name(" ".join(text.split()), language):
            shown[form] += n
    if kind not in {"Person", "Location"}:
        # "a White House" is no fuller than "White House": words in lower case do not count
        if full := [f for f in shown if _proper_words(f) > 1]:
            return min(full, key=lambda f: (-shown[f], -_proper_words(f), f))
        return min(shown, key=lambda f: (-_proper_words(f), -shown[f], f), default="")
    full = [f for f in shown if len(f.split()) > 1]
    pool = full if kind == "Person" and full else list(shown)
    return max(pool, key=lambda f: (shown[f], len(f.split()), f), default="")


def _inside(part: str, whole: str) -> bool:
    """Whether the words of `part` run, in order, inside the longer `whole`."""
    words_of, within = part.split(), whole.split()
    return len(words_of) < len(within) and bool(_words_at(within, words_of))


def _proper_words(text: str) -> int:
    return sum(not word.islower() for word in text.split())
