"""English words and parse labels of the stance a sentence takes toward one named actor: where
the actor stands in its clause, which words are said of it, and what turns a word around. The
weights given to what is found are learnt (`stance_model.py`, written by
bench/newsmtsc_stance.py); these lists only say what is looked at."""

from __future__ import annotations

# The actor's place in its clause: the one who acts, the one acted on, or a name or noun
# standing beside another ("Senator X", "X, the senator").
SUBJECT_DEPS = {"nsubj", "csubj", "expl", "agent"}
OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative"}
NAME_DEPS = {"compound", "appos"}
# Words that carry what is said of someone: their lemmas are read as features.
CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "INTJ"}
# The word whose clause the actor is in: the nearest verb above it.
PREDICATE_POS = {"VERB", "AUX"}
# Words that turn the word they hang from around ("did not praise", "never corrupt").
NEGATIONS = {"not", "n't", "no", "never", "without", "nor"}
# A negated verb turns these complements around too ("is not corrupt", "did not win it").
NEGATED_COMPLEMENTS = {"acomp", "dobj", "attr", "xcomp"}
