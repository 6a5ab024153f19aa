"""Sentence embeddings for the benchmarks that train on them, kept outside the project between
runs (a cache file chosen by the user), since embedding a training set takes minutes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from counterpoint.align.embeddings import embed


def vectors(texts: Sequence[str], cache: Path | None = None) -> np.ndarray:
    """Unit-length e5 embeddings of the texts; with `cache` (a .npz file), kept there by the
    text's sha1."""
    known = dict(np.load(cache)) if cache and cache.is_file() else {}
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if missing:
        known.update(zip([k for k, _ in missing], embed([t for _, t in missing]), strict=True))
        if cache:
            cache.parent.mkdir(parents=True, exist_ok=True)
            np.savez(cache, **known)
    return np.stack([known[k] for k in keys])
