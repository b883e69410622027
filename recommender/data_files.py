"""Where the bundled data lives, and reading it once.

Everything a person reads (vocabularies, approach texts, lexicon, safety terms) is data in `data/`,
so this module is the only place that knows the folder.
"""
from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SAMPLE_DIRECTORY = DATA_DIR / "sample_directory.csv"


@cache
def load_toml(name: str) -> dict:
    """Parse `data/<name>` once per process; callers must not mutate the result."""
    with open(DATA_DIR / name, "rb") as f:
        return tomllib.load(f)
