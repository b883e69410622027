"""Therapy finder: the Streamlit page. It only lays out the page; all ranking lives in `recommender/`."""
import pandas as pd
import streamlit as st

from recommender import Preferences, PreferencesError
from ui import (approaches_view, form, library_view, models, providers_view, roster_view, safety_view, selfcheck_view,
                shortlist_view)
from ui.i18n import LANGUAGES, lang, t

st.set_page_config(page_title=t("page_title"), page_icon="🧭", layout="wide")

with st.sidebar:
    st.radio(t("language_label"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang", horizontal=True)
    roster_view.uploader()

st.title(t("page_title"))
st.write(t("intro"))
st.caption(t("privacy"))
crisis_slot = st.empty()

ranker = models.approach_ranker()
loaded, provider_ranker, is_sample, directory_name = roster_view.active()
roster_view.report()

find_tab, shortlist_tab, selfcheck_tab, library_tab = st.tabs(
    [t("tab_find"), t("tab_shortlist"), t("tab_selfcheck"), t("tab_library")], key=library_view.TABS, on_change="rerun")

with selfcheck_tab:
    selfcheck_view.show()

with find_tab:
    left, right = st.columns([1, 2], gap="large")
    with left:
        raw = form.preferences_form(provider_ranker.insurance_plans_)
    if raw is not None:
        try:
            st.session_state["prefs"] = Preferences.from_dict(raw)
        except PreferencesError as exc:
            left.error(str(exc))
    prefs = st.session_state.get("prefs")
    if prefs is not None and selfcheck_view.chosen_style() != prefs.attachment_style:
        prefs = Preferences.from_dict({**prefs.to_dict(), "attachment_style": selfcheck_view.chosen_style()})
    with right:
        if prefs is None:
            st.info(t("start_hint"))
        else:
            ranked = ranker.rank(prefs, language=lang())
            if ranked.attrs["crisis"]:
                safety_view.crisis_banner(crisis_slot)
            safety_view.warnings(ranked.attrs["warnings"])
            safety_view.trust_notices(sample=is_sample, roster_name=directory_name)
            approaches_view.show(ranked)
            st.header(t("providers_title"))
            chosen = providers_view.approach_picker()
            query = Preferences.from_dict({**prefs.to_dict(), "approaches": chosen})
            results = provider_ranker.rank(query, top=providers_view.SHOWN, approach_scores=pd.Series(ranked.attrs["scores"]),
                                           language=lang())
            safety_view.warnings([w for w in results.attrs["warnings"] if w not in ranked.attrs["warnings"]])
            providers_view.show(results)

with shortlist_tab:
    safety_view.trust_notices(sample=is_sample)
    shortlist_view.show()

with library_tab:
    library_view.show()
