"""Crisis resources (shown before anything else) and the trust notices on every results view."""
from __future__ import annotations

import streamlit as st

from recommender.safety import crisis_resources, notices

from recommender.data_files import load_toml

from .i18n import lang, t


def crisis_banner(slot) -> None:
    lines = load_toml("ui_text.toml").get(lang(), {}).get("crisis_resources") or crisis_resources()
    with slot.container():
        st.error("**" + t("crisis_title") + "**\n\n" + "\n".join(f"- {line}" for line in lines), icon="🆘")


def notice(key: str) -> str:
    """A notice in the interface language; the English text is the one exports and the CLI use (safety.toml)."""
    return load_toml("ui_text.toml").get(lang(), {}).get("notice_" + key) or notices()[key]


def trust_notices(sample: bool, roster_name: str | None = None) -> None:
    lines = [notice("sample_data") if sample else t("roster_badge", name=roster_name or ""), notice("not_medical_advice")]
    st.caption("  \n".join(lines))


def warnings(messages: list[str]) -> None:
    for message in messages:
        st.warning(message, icon="⚠️")
