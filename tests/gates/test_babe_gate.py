"""Gate: loaded-language detection on BABE's expert-labelled sentences must not slip."""

from __future__ import annotations

import random
import sys

import pytest
from spacy.language import Language

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.loaded_words import find_loaded_words, is_loaded

from conftest import REPO

# BABE's expert-labelled sentences; see bench/README.md. The floor is a little under the
# figure measured on this sample when it was set; raise it when a change earns more.
BABE = REPO.parent / "shared" / "bench-data" / "babe_media_bias"
BABE_SAMPLE, BABE_SEED = 1000, 0
BABE_FLOOR = 0.56  # measured 0.575 on the sample; 0.591 on all of SG2 (bench script)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings().spacy_model)


def test_babe_loaded_language_macro_f1_does_not_slip(nlp: Language) -> None:
    """Sentence-level macro-F1 on a fixed sample of BABE's SG2 file, held out from the SG1
    file the thresholds were tuned on."""
    if not BABE.is_dir():
        pytest.skip(f"BABE not found at {BABE}")
    sys.path.insert(0, str(REPO / "bench"))
    import babe_loaded_language as bench

    rows = random.Random(BABE_SEED).sample(bench.load(BABE / "final_labels_SG2.csv"), BABE_SAMPLE)
    docs = nlp.pipe([text for text, _, _ in rows], batch_size=64)
    pairs = [
        (biased, is_loaded(find_loaded_words(sdoc)))
        for (_, biased, _), sdoc in zip(rows, docs, strict=True)
    ]
    assert bench.scores(pairs)["macro_f1"] >= BABE_FLOOR
