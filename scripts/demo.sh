#!/usr/bin/env bash
# Command 1 of the README: install everything, then run the main job on the bundled demo corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/counterpoint demo --out demo-output
