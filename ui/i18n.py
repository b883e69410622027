"""Interface text in the person's chosen language, from data/ui_text.toml (one source for every label)."""
from __future__ import annotations

import streamlit as st

from recommender.data_files import load_toml

LANGUAGES = {"en": "English", "fr": "Français"}


def lang() -> str:
    return st.session_state.get("lang", "en")


def t(key: str, **values) -> str:
    """The label for `key` in the current language (English where a translation is missing)."""
    table = load_toml("ui_text.toml")
    text = table.get(lang(), {}).get(key) or table["en"][key]
    return text.format(**values) if values else text
