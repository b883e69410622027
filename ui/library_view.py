"""The approach library: every approach in full, a side-by-side comparison, and the warning about
coercive "attachment therapy". Recommendations link here (the tab opens on the approach)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from recommender import load_catalogue, load_vocabulary
from recommender.catalogue import style_of

from .approaches_view import full_record
from .i18n import t
from .labels import approach_name, approach_text, formatter, label_for, style_text

FOCUS = "library_focus"
TABS = "main_tabs"


def open_in_library(name: str) -> None:
    """Button callback: switch to the library tab with this approach open."""
    st.session_state[FOCUS] = name
    st.session_state[TABS] = t("tab_library")


def who_for(name: str) -> str:
    return ", ".join(label_for("clients", c) for c in load_catalogue().loc[name, "populations"])


def compare(names: list[str]) -> None:
    rows = {
        t("library_summary"): [approach_text(n, "summary") for n in names],
        t("library_who"): [who_for(n) for n in names],
        t("style"): [" · ".join(style_text(v) for v in style_of(approach_text(n, "qualities")).values()) for n in names],
        t("length"): [approach_text(n, "length") for n in names],
        t("session_like"): [approach_text(n, "session") for n in names],
        t("good_fit_if"): ["; ".join(approach_text(n, "good_fit")) for n in names],
        t("may_not_fit_if"): ["; ".join(approach_text(n, "poor_fit")) for n in names],
        t("evidence"): [approach_text(n, "evidence") for n in names],
    }
    table = pd.DataFrame(rows, index=[approach_name(n) for n in names]).T
    st.dataframe(table, width="stretch", key="library_compare_table", row_height=90)


def show() -> None:
    vocab = load_vocabulary()
    st.header(t("library_title"))
    st.write(t("library_intro"))
    st.markdown(f"**{t('compare_approaches')}**")
    chosen = st.multiselect(t("compare_pick"), list(vocab.approaches), max_selections=3, key="library_compare",
                            help=t("compare_help"), format_func=formatter("approaches"), placeholder=t("choose_options"))
    if len(chosen) >= 2:
        compare(chosen)
    focus = st.session_state.get(FOCUS)
    for name in vocab.approaches:
        with st.expander(approach_name(name), expanded=(name == focus)):
            st.write(approach_text(name, "summary"))
            st.markdown(f"**{t('library_who')}:** {who_for(name)}")
            st.markdown(f"**{t('session_like')}:** {approach_text(name, 'session')}")
            full_record(name)
    st.warning(t("library_holding"), icon="⚠️")
