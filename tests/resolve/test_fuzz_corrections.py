"""Fuzzing the corrections file, which users edit by hand: whatever it holds, loading it gives
corrections or a `CounterpointError` with a short message naming the file, and applying what
loads never raises and never loses a mention (each one ends up in exactly one entity).

The seed is fixed and the budget small, so the suite runs in seconds; raise the budget with
COUNTERPOINT_FUZZ_EXAMPLES (see bench/README.md).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from counterpoint.errors import CounterpointError
from counterpoint.records import Entity, Mention
from counterpoint.resolve.corrections import Corrections, Merge, Split

from conftest import FUZZ

FILE = "s.corrections.yaml"
LONGEST_MESSAGE = 2000  # a message is one line a user reads, whatever the file holds

# Entities whose mentions share texts, so aliases and splits move mentions between them.
WRITTEN = {
    "person-aa": ("Ida Voss", ["Ida Voss", "Voss", "Mayor Voss", "Voss"]),
    "person-bb": ("Tomas Brenner", ["Tomas Brenner", "Brenner", "Voss"]),
    "org-cc": ("Harbour Authority", ["the Harbour Authority", "Harbour Board", "the Board"]),
    "org-dd": ("Harbour Board", ["the Harbour Board", "Harbour Board"]),
    "gpe-ee": ("Larkspur", ["Larkspur"]),
}
NAMES = sorted(
    {ref for id, (name, texts) in WRITTEN.items() for ref in (id, name, *texts)}
    | {"ida voss", "Nobody", "person-aa-", ""}
)


def entities() -> list[Entity]:
    made = []
    for number, (id, (name, texts)) in enumerate(WRITTEN.items()):
        mentions = [
            Mention(f"doc{i % 2}", number * 10 + i, 0, 0, len(t), t, "PERSON", id)
            for i, t in enumerate(texts)
        ]
        made.append(Entity(id, name, "Person", sorted(set(texts)), mentions))
    return made


text = st.text(st.characters(codec="utf-8"), max_size=40)
refs = st.one_of(st.sampled_from(NAMES), text, st.just("Voss " * 1000))
anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | refs,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text | refs, inner, max_size=3),
    max_leaves=10,
)
merges = st.lists(refs, max_size=4) | anything
splits = (
    st.fixed_dictionaries({"entity": refs, "aliases": st.lists(refs, max_size=3) | anything})
    | st.fixed_dictionaries({"entity": anything, "aliases": st.lists(refs, max_size=3)})
    | anything
)
aliases = st.fixed_dictionaries({"entity": refs, "alias": refs | anything}) | anything
KINDS = {"merge": merges, "split": splits, "alias": aliases}
entries = st.one_of(
    *(st.builds(lambda kind, value: {kind: value}, st.just(k), v) for k, v in KINDS.items()),
    st.dictionaries(st.sampled_from([*KINDS, "rename"]), anything, max_size=2),
    anything,
)
new_format = st.lists(entries, max_size=6)
first_format = st.fixed_dictionaries(
    {}, optional={k: st.lists(v, max_size=3) | anything for k, v in KINDS.items()}
)
# Pieces of YAML syntax, anchors and aliases among them, joined at random.
PIECES = [
    "- ", "merge: ", "split: ", "alias: ", "entity: ", "aliases: ", "&a ", "*a", "&b ", "*b",
    "<<: *a", "? ", "[", "]", "{", "}", ", ", "\n", "  ", "!!str ", "!!python/name:os.system ",
    "---\n", "...\n", "|\n", ">\n", "'", '"', "#", "%YAML 1.1\n", "~", "\t", "\x00", "\ufeff",
]  # fmt: skip
yaml_texts = st.lists(st.sampled_from(PIECES) | st.sampled_from(NAMES) | text, max_size=30).map(
    "".join
)


def load(content: bytes) -> Corrections | None:
    """The corrections in a file holding `content`, or None when it is refused as it should be."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, FILE)
        path.write_bytes(content)
        try:
            return Corrections.load(path)
        except CounterpointError as error:
            message = str(error)
            assert FILE in message and len(message) < LONGEST_MESSAGE, message[:300]
            return None


def check(content: bytes) -> None:
    """Load `content`; if it loads, apply it and check that every mention is kept once."""
    corrections = load(content)
    if corrections is None:
        return
    before = entities()
    after = corrections.apply(before)
    ids = [e.id for e in after]
    assert len(ids) == len(set(ids)), ids
    assert all(e.mentions for e in after)
    kept = Counter(m for e in after for m in e.mentions)
    assert kept == Counter(m for e in before for m in e.mentions)
    for problem in corrections.problems.values():
        assert len(problem) < LONGEST_MESSAGE
    # What loaded is saved and read back the same.
    with tempfile.TemporaryDirectory() as folder:
        corrections.save(Path(folder, FILE))
        assert Corrections.load(Path(folder, FILE)).operations == corrections.operations


def dumped(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(
    text=yaml_texts,
    codec=st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1252", "latin-1"]),
)
def test_any_yaml_text_in_any_encoding(text: str, codec: str) -> None:
    check(text.encode(codec, errors="replace"))


@FUZZ
@given(data=new_format)
def test_any_list_of_corrections(data: Any) -> None:
    check(dumped(data))


@FUZZ
@given(data=first_format)
def test_any_file_of_the_first_format(data: Any) -> None:
    check(dumped(data))


@FUZZ
@given(operations=st.lists(st.sampled_from(list(KINDS)), min_size=1, max_size=8), data=st.data())
def test_well_formed_corrections_in_any_order(operations: list[str], data: st.DataObject) -> None:
    """Only well-formed corrections naming the entities, so most of them change something."""
    names = st.sampled_from([*WRITTEN, "Ida Voss", "Voss", "Harbour Board", "the Board"])
    made = {
        "merge": st.lists(names, min_size=2, max_size=3),
        "split": st.fixed_dictionaries(
            {"entity": names, "aliases": st.lists(names, min_size=1, max_size=2)}
        ),
        "alias": st.fixed_dictionaries({"entity": names, "alias": names}),
    }
    check(dumped([{kind: data.draw(made[kind])} for kind in operations]))


# What the fuzzing found, each as a plain test.


def test_a_deeply_nested_file_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / FILE
    path.write_text("- merge: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(CounterpointError, match="nested too deeply"):
        Corrections.load(path)


def test_aliases_that_repeat_a_value_exponentially_give_a_short_message(tmp_path: Path) -> None:
    """Seven lines of anchors stand for ten million names; the message must not spell them."""
    levels = ["&a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"&a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 7)]
    path = tmp_path / FILE
    path.write_text("- merge: [" + ", ".join(levels) + "]\n")
    with pytest.raises(CounterpointError, match="malformed merge") as error:
        Corrections.load(path)
    assert len(str(error.value)) < LONGEST_MESSAGE


def test_a_huge_name_is_shown_cut_short(tmp_path: Path) -> None:
    path = tmp_path / FILE
    path.write_text(f"- merge: [{'Voss ' * 1000}]\n- merge: ['{'Voss ' * 1000}', Ida Voss]\n")
    with pytest.raises(CounterpointError, match=r"malformed merge \['Voss Voss") as error:
        Corrections.load(path)
    assert len(str(error.value)) < LONGEST_MESSAGE
    path.write_text(f"- merge: ['{'Voss ' * 1000}', Ida Voss]\n")
    corrections = Corrections.load(path)
    corrections.apply(entities())
    assert corrections.problems[0].startswith("no single entity is named 'Voss Voss")
    assert len(corrections.problems[0]) < LONGEST_MESSAGE


def test_the_same_split_made_again_after_a_merge_keeps_every_mention() -> None:
    corrections = Corrections(
        [
            Split("person-aa", ("Voss",)),  # Ida Voss's two "Voss" leave her
            Merge(("person-aa", "person-bb")),  # Tomas Brenner's "Voss" comes in
            Split("person-aa", ("Voss",)),  # and leaves again, to the same entity
        ]
    )
    after = {e.id: e for e in corrections.apply(entities())}
    (voss,) = (e for e in after.values() if e.id.startswith("person-aa-"))
    assert sorted(m.entity for m in voss.mentions) == ["person-aa", "person-aa", "person-bb"]
    assert voss.aliases == ["Voss"] and "Voss" not in after["person-aa"].aliases
    assert sum(len(e.mentions) for e in after.values()) == 13
