"""The approach catalogue: one record per therapy approach, read from `data/approaches.toml`.

Also resolves the many ways people and rosters spell an approach ("eft", "Gottman method") to the
catalogue's canonical name, and knows which entries are discredited and must never be recommended.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

import pandas as pd

from .data_files import load_toml

STYLE_THRESHOLD = 0.6


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse spaces: the form every name lookup compares."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().lower()


@cache
def load_catalogue(include_discredited: bool = False) -> pd.DataFrame:
    """The catalogue as a DataFrame indexed by approach name (recommendable approaches only by default)."""
    records = load_toml("approaches.toml")["approach"]
    df = pd.DataFrame(records)
    df["discredited"] = df.get("discredited", False)
    df["discredited"] = df["discredited"].fillna(False).astype(bool)
    df["qualities"] = df["qualities"].apply(lambda q: q if isinstance(q, dict) else {})
    df["warning"] = df.get("warning", "").fillna("") if "warning" in df else ""
    df = df.set_index("name", drop=False)
    if not include_discredited:
        df = df[~df["discredited"]]
    return df


def style_of(qualities: dict[str, float]) -> dict[str, str]:
    """Describe an approach's style in plain words, derived from its quality levels."""
    q = lambda k: qualities.get(k, 0.0)  # noqa: E731
    return {
        "structure": "Structured" if q("structured") >= STYLE_THRESHOLD else
                     ("Exploratory" if q("open_conversation") >= 0.5 or q("structured") <= 0.3 else "Semi-structured"),
        "focus": "Past and childhood" if q("childhood_focus") >= STYLE_THRESHOLD else
                 ("Goals and the future" if q("future_goals") >= STYLE_THRESHOLD else "The present"),
        "tools": "Concrete tools and homework" if max(q("concrete_tools"), q("homework")) >= STYLE_THRESHOLD
                 else "Few set exercises",
        "emotion": "Emotion-focused" if q("emotion_focus") >= STYLE_THRESHOLD else "Not mainly emotion-focused",
        "length": "Short-term" if q("short_term") >= 0.7 else ("Long-term" if q("long_term") >= STYLE_THRESHOLD else "Medium-term"),
    }


@cache
def _name_index() -> dict[str, str]:
    """Folded name or alias -> canonical name, discredited entries included (so they can be refused)."""
    index: dict[str, str] = {}
    for rec in load_toml("approaches.toml")["approach"]:
        for alias in [rec["name"], *rec.get("aliases", [])]:
            index.setdefault(fold(alias), rec["name"])
    return index


def canonical_approach(name: str, cutoff: float = 0.82) -> tuple[str | None, bool]:
    """Map a spelling to a catalogue name. Returns (name or None, was_near_miss)."""
    key = fold(name)
    index = _name_index()
    if key in index:
        return index[key], False
    close = difflib.get_close_matches(key, index.keys(), n=1, cutoff=cutoff)
    return (index[close[0]], True) if close else (None, False)

