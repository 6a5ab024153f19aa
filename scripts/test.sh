#!/usr/bin/env bash
# Command 2 of the README: install if needed, then lint, type-check and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/ruff check src tests bench
.venv/bin/ruff format --check src tests bench
.venv/bin/mypy
.venv/bin/lint-imports --no-cache  # the layer contract in pyproject.toml
# pytest exits 5 when it collects no test: set -e turns that into a failure too.
.venv/bin/pytest -q "$@"
