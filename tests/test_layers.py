"""The architecture a contributor relies on: stages import only the floors below them, and a
light module does not drag in the heavy ones."""

import subprocess
import sys
from pathlib import Path

import pytest

from counterpoint.lang import words

ROOT = Path(__file__).resolve().parents[1]


def test_the_layer_contract_holds() -> None:
    run = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


@pytest.mark.parametrize("module", ["counterpoint", "counterpoint.store", "counterpoint.config"])
def test_importing_a_light_module_does_not_load_spacy(module: str) -> None:
    code = f"import sys, {module}; print('spacy' in sys.modules, 'trafilatura' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "False"]


def test_language_data_falls_back_to_english_where_a_language_has_none() -> None:
    assert words("xx", "claims") is words("en", "claims")
    assert words(None, "claims").__name__ == "counterpoint.lang.en.claims"
