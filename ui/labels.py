"""Vocabulary and approach labels in the interface language (the ids stay the one source of truth)."""
from __future__ import annotations

from recommender import load_catalogue, load_vocabulary
from recommender.data_files import load_toml

from .i18n import lang


def label_for(kind: str, key: str) -> str:
    """Label of a vocabulary id: kind is clients, needs, wants, avoid or formats."""
    translated = load_toml("ui_text.toml").get(lang(), {}).get("vocab", {}).get(kind, {}).get(key)
    return translated or load_vocabulary().labels()[kind][key]


def approach_text(name: str, field: str):
    """An approach's catalogue field in the interface language (English where untranslated)."""
    translated = load_toml("ui_text.toml").get(lang(), {}).get("approaches", {}).get(name, {}).get(field)
    return translated if translated is not None else load_catalogue(include_discredited=True).loc[name, field]
