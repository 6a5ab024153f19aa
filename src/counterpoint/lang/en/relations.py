"""English words of roles and ties between actors (`nlp/relations.py`): the nouns of positions
and the ties they state, the verbs of ties, and the spaCy labels the rules read. General English
vocabulary."""

from __future__ import annotations

from counterpoint.lang.en import labels

# Nouns of a position or a standing a person holds: "President X", "X, a graduate of Y".
ROLE_NOUNS = set(
    """
    president vice-president minister secretary senator representative congressman
    congresswoman governor mayor judge justice general colonel captain admiral commander chief
    ambassador envoy consul king queen prince premier chancellor leader head chairman
    chairwoman chair director ceo founder co-founder spokesman spokeswoman spokesperson
    analyst professor researcher adviser advisor economist editor correspondent reporter
    journalist lawyer prosecutor officer official deputy lawmaker legislator candidate
    member graduate alumnus alumna trainee cadet student owner investor partner treasurer
    commissioner superintendent dean rector manager executive coordinator organizer activist
    """.split()
)
# The tie a role noun states with its owner: "a member of X", "the leader of X".
ROLE_TIES = {
    "member": "member_of",
    "graduate": "trained_at",
    "alumnus": "trained_at",
    "alumna": "trained_at",
    "trainee": "trained_at",
    "cadet": "trained_at",
    "student": "trained_at",
    "leader": "leads",
    "head": "leads",
    "chief": "leads",
    "president": "leads",
    "chairman": "leads",
    "chairwoman": "leads",
    "chair": "leads",
    "director": "leads",
    "ceo": "leads",
    "founder": "leads",
    "owner": "owns",
    "ambassador": "ambassador_of",
    "envoy": "ambassador_of",
}
# Roles that are ties only: "a graduate of X" is no position held.
NOT_ROLES = {"member", "graduate", "alumnus", "alumna", "trainee", "cadet", "student", "owner"}
# verb lemma -> (tie kind, prepositions that introduce the other actor)
VERB_TIES = {
    "invest": ("invests_in", {"in", "into"}),
    "own": ("owns", set()),
    "acquire": ("owns", set()),
    "buy": ("owns", set()),
    "control": ("owns", set()),
    "fund": ("funds", set()),
    "finance": ("funds", set()),
    "bankroll": ("funds", set()),
    "sponsor": ("funds", set()),
    "train": ("trained_at", {"at", "in", "by", "with"}),
    "graduate": ("trained_at", {"from"}),
    "study": ("trained_at", {"at"}),
    "meet": ("meets", {"with"}),
    "ally": ("allied_with", {"with"}),
    "trade": ("trades_with", {"with"}),
    "join": ("member_of", set()),
    "lead": ("leads", set()),
    "head": ("leads", set()),
    "chair": ("leads", set()),
}
# For these, "A trains B" means B is trained at A: the tie runs from object to subject.
OBJECT_FIRST = {"train"}
# Words of a position besides the role noun, not those that judge it: "former Defense Minister".
TITLE_MODIFIERS = {
    "former", "vice", "deputy", "acting", "interim", "assistant", "senior", "chief", "prime",
    "foreign", "general", "executive", "associate", "then",
}  # fmt: skip
TITLE_PREPS = {"of", "for"}  # part of the title: "Secretary of State", "Minister for Health"
OWNER_PREPS = {"of", "at", "for", "from"}  # whose position: "the leader of the Civic Party"
TO_PREPS = {"to"}  # where an envoy is sent: "Peru's ambassador to China"
COPULA = "be"  # "X is a member of Y"
# spaCy labels: subjects of a tie's verb; names of people, of states, of owners of a position.
SUBJECTS = {"nsubj"}
PERSON_LABEL = labels.PERSON
STATE_LABELS = {"GPE", "NORP"}
OWNER_LABELS = {"ORG", "GPE", "NORP"}  # a position is held in a body or a state, not a person
