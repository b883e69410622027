"""The preferences form: who, what is going on, wants and avoids, practical limits; one submit."""
from __future__ import annotations

import streamlit as st

from recommender import load_vocabulary

from .i18n import t
from .labels import formatter, label_for
from .models import city_options


def preferences_form(plans: list[str]) -> dict | None:
    """Draw the form; on submit return the raw preferences dict (as in a preferences file), else None.

    `plans` are the insurance plans the directory in use lists (they differ from roster to roster)."""
    vocab = load_vocabulary()
    with st.form("preferences", border=False):
        st.subheader(t("form_title"))
        per_client = "\n".join(f"- **{label_for('clients', c)}**: {label_for('client_help', c)}" for c in vocab.clients)
        client = st.selectbox(t("client_label"), list(vocab.clients), key="client", help=t("client_help") + "\n\n" + per_client,
                              format_func=formatter("clients"))
        needs = st.multiselect(t("needs_label"), list(vocab.needs), key="needs", help=t("needs_help"),
                               format_func=formatter("needs"), placeholder=t("choose_options"))
        description = st.text_area(t("description_label"), key="description", help=t("description_help"),
                                   placeholder=t("description_placeholder"), max_chars=5000)
        wants = st.multiselect(t("wants_label"), list(vocab.wants), key="wants", help=t("wants_help"),
                               format_func=formatter("wants"), placeholder=t("choose_options"))
        wants_text = st.text_input(t("wants_text_label"), key="wants_text", help=t("wants_text_help"), max_chars=1000)
        avoid = st.multiselect(t("avoid_label"), list(vocab.avoid), key="avoid", help=t("avoid_help"),
                               format_func=formatter("avoid"), placeholder=t("choose_options"))
        avoid_text = st.text_input(t("avoid_text_label"), key="avoid_text", help=t("avoid_text_help"), max_chars=1000)

        st.subheader(t("practical_title"))
        location = st.selectbox(t("location_label"), city_options(), index=None, key="location", help=t("location_help"),
                                placeholder=t("location_placeholder"), accept_new_options=True)
        fmt = st.radio(t("format_label"), list(vocab.formats), index=list(vocab.formats).index("either"), key="format",
                       help=t("format_help"), horizontal=True, format_func=formatter("formats"))
        distance = st.slider(t("distance_label"), 5, 300, 50, step=5, key="max_distance_km", help=t("distance_help"))
        languages = st.multiselect(t("languages_label"), list(vocab.languages), key="languages", help=t("languages_help"),
                                   format_func=formatter("languages"), placeholder=t("choose_options"))
        max_fee = st.number_input(t("max_fee_label"), min_value=0, max_value=2000, value=None, step=10, key="max_fee",
                                  help=t("max_fee_help"), placeholder=t("max_fee_placeholder"))
        sliding = st.checkbox(t("sliding_label"), key="sliding_scale", help=t("sliding_help"))
        insurance = st.multiselect(t("insurance_label"), plans, key="insurance", help=t("insurance_help"),
                                   placeholder=t("choose_options"))
        accepting = st.checkbox(t("accepting_label"), value=True, key="accepting_only", help=t("accepting_help"))
        submitted = st.form_submit_button(t("submit"), type="primary", key="find", width="stretch")
    if not submitted:
        return None
    raw = {"client": client, "needs": needs, "description": description, "wants": wants, "wants_text": wants_text,
           "avoid": avoid, "avoid_text": avoid_text, "format": fmt, "languages": languages,
           "sliding_scale": sliding, "insurance": insurance, "accepting_only": accepting}
    if location:
        raw["location"] = location
        raw["max_distance_km"] = float(distance)
    if max_fee is not None:
        raw["max_fee"] = float(max_fee)
    return raw
