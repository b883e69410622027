"""Vocabulary and approach labels in the interface language (the ids stay the one source of truth)."""
from __future__ import annotations

from recommender import load_catalogue, load_vocabulary
from recommender.data_files import load_toml

from .i18n import lang


def label_for(kind: str, key: str) -> str:
    """Label of a vocabulary id in the interface language: kind is clients, needs, wants, avoid or formats."""
    return load_vocabulary().label(kind, key, lang())


def formatter(kind: str):
    """A widget format_func bound to the language at the time the widget is drawn (Streamlit may call
    it again later, outside the run, where the session's language is not visible)."""
    language = lang()
    if kind == "approaches":
        return lambda name: approach_text(name, "name", language)
    return lambda key: load_vocabulary().label(kind, key, language)


def approach_text(name: str, field: str, language: str | None = None):
    """An approach's catalogue field in the interface language (`<field>_fr` in approaches.toml), else English."""
    language = language or lang()
    record = load_catalogue(include_discredited=True).loc[name]
    translated = record.get(f"{field}_{language}") if language != "en" else None
    return translated if isinstance(translated, (str, list)) and len(translated) else record[field]


def approach_name(name: str) -> str:
    return approach_text(name, "name")


def attachment_item(index: int) -> str:
    translated = load_toml("ui_text.toml").get(lang(), {}).get("attachment_items")
    return translated[index] if translated else load_toml("attachment_check.toml")["item"][index]["text"]


def attachment_style(style: str, field: str) -> str:
    translated = load_toml("ui_text.toml").get(lang(), {}).get("attachment_styles", {}).get(style, {}).get(field)
    return translated or load_toml("attachment_check.toml")["style"][style][field]


def style_text(text: str) -> str:
    """A style word from catalogue.style_of in the interface language."""
    return load_toml("ui_text.toml").get(lang(), {}).get("styles", {}).get(text, text)
