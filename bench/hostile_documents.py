"""Time `counterpoint analyze` on hostile documents, then on a small article added to the same
store (it must not pay for what the hostile one holds).

    .venv/bin/python bench/hostile_documents.py [--sizes 200000,1000000,5000000] [--allsides N]

Documents: words without punctuation (one sentence of the given size, "said" and names in it, so
that it yields thousands of claims), and with `--allsides` the first N AllSides articles joined
into one realistic long article. Each runs in a fresh store, in a child process (its peak
memory is measured), with a timeout. See bench/README.md, "Hostile documents".
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ALLSIDES = Path("/work/shared/bench-data/allsides_baly2020_testonly/jsons")
WORDS = (
    "the government said police protesters minister election vote people city report court "
    "law officials new year president state country week group data"
).split()
SMALL = """A small article about the minister.

Police said on Monday that the minister resigned after protests in the city.
"""


def words_without_punctuation(size: int) -> str:
    rng = random.Random(1)
    out: list[str] = []
    length = 0
    while length < size:
        out.append(rng.choice(WORDS))
        length += len(out[-1]) + 1
    return " ".join(out)


def allsides(count: int) -> str:
    files = sorted(ALLSIDES.glob("*.json"))[:count]
    return "\n\n".join(json.loads(f.read_text())["content_original"] for f in files)


# The CLI in a child Python that reports its own peak memory when it exits.
_CHILD = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
    " file=sys.stderr))\n"
    "from counterpoint.cli import main\n"
    "sys.argv = ['counterpoint', *sys.argv[1:]]\n"
    "main()\n"
)


def timed_analyze(path: Path, db: Path, timeout: float) -> tuple[str, float, int]:
    """(outcome, seconds, peak memory in MB) of `counterpoint analyze path` in a child."""
    command = [sys.executable, "-c", _CHILD, "analyze", str(path), "--db", str(db), "--quiet"]
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - started, 0
    seconds = time.monotonic() - started
    lines = done.stderr.splitlines()
    peak = next((int(line.split()[1]) // 1024 for line in lines if line.startswith("peak ")), 0)
    outcome = "ok" if done.returncode == 0 else f"exit {done.returncode}"
    warned = sum(line.startswith("Warning:") for line in lines)
    return outcome + (f", {warned} warning(s)" if warned else ""), seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="200000,1000000,5000000")
    parser.add_argument("--allsides", type=int, default=171, help="0: no realistic article")
    parser.add_argument("--timeout", type=float, default=1200)
    args = parser.parse_args()
    texts = {
        f"flat {int(n) // 1000} kB": words_without_punctuation(int(n))
        for n in args.sizes.split(",")
    }
    if args.allsides:
        texts[f"{args.allsides} AllSides articles"] = allsides(args.allsides)
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text(SMALL)
        for name, text in texts.items():
            path = Path(folder) / f"{name.replace(' ', '_')}.txt"
            path.write_text(text)
            db = Path(folder) / f"{path.stem}.duckdb"
            outcome, seconds, peak = timed_analyze(path, db, args.timeout)
            after, small_seconds, _ = timed_analyze(small, db, args.timeout)
            print(
                f"{name:>24} ({len(text) / 1e6:.2f} MB): {seconds:6.1f} s, peak {peak} MB, "
                f"{outcome}; then a small article: {small_seconds:.1f} s, {after}"
            )


if __name__ == "__main__":
    main()
