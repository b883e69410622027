"""The shortlist tab: notes, side-by-side comparison, CSV export and re-import."""
from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from recommender.export import read_shortlist, shortlist_csv

from . import shortlist_state
from .i18n import t
from .safe_text import plain


def import_box() -> None:
    upload = st.file_uploader(t("import_label"), type=["csv"], key="shortlist_upload", help=t("import_help"))
    if upload is None:
        return
    data = upload.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    if st.session_state.get("shortlist_imported") == digest:
        return
    st.session_state["shortlist_imported"] = digest
    try:
        approaches, providers, notes = read_shortlist(data)
    except ValueError as exc:
        st.error(t("import_failed", reason=exc))
        return
    shortlist_state.restore(approaches, providers, notes)
    st.success(t("imported", a=len(approaches), p=len(providers)))


def compare(providers: pd.DataFrame) -> None:
    if len(providers) < 1:
        return
    st.markdown(f"**{t('compare_title')}**")
    rows = {t("col_score"): providers["score"].map(lambda s: f"{s:.0%}" if pd.notna(s) else ""),
            t("col_approaches"): providers["approaches"].map(lambda a: ", ".join(a) if isinstance(a, list) else a),
            t("col_city"): providers["city"] + ", " + providers["region"].astype(str),
            t("col_distance"): providers["distance_km"].map(lambda d: f"{d:.0f}" if pd.notna(d) else "—"),
            t("col_fee"): providers["fee"].map(lambda f: f"${f:.0f}"),
            t("col_formats"): providers["formats"].map(lambda a: ", ".join(a) if isinstance(a, list) else a),
            t("col_languages"): providers["languages"].map(lambda a: ", ".join(a) if isinstance(a, list) else a),
            t("why_fits"): providers["reasons_for"].map(lambda r: " ".join(r) if isinstance(r, list) else r),
            t("what_may_not_fit"): providers["reasons_against"].map(lambda r: " ".join(r) if isinstance(r, list) else r)}
    table = pd.DataFrame(rows).T
    table.columns = providers["name"].tolist()
    st.dataframe(table, width="stretch")


def show() -> None:
    st.header(t("shortlist_title"))
    import_box()
    items = shortlist_state.items()
    if not items:
        st.info(t("shortlist_empty"))
        return
    for key, item in list(items.items()):
        row = item["row"]
        title = row["approach"] if item["kind"] == "approach" else f"{plain(row['name'])} — {plain(row['city'])}"
        kind = t("approach_kind") if item["kind"] == "approach" else t("provider_kind")
        with st.container(border=True):
            c1, c2 = st.columns([5, 1])
            c1.markdown(f"**{title}**  \n{kind}")
            if c2.button(t("remove"), key=f"sl_remove_{key}"):
                shortlist_state.remove(key)
                st.rerun()
            st.text_input(t("note_label"), key=shortlist_state.NOTE_PREFIX + key, help=t("note_help"))
    approaches, providers = shortlist_state.frames()
    compare(providers)
    st.download_button(t("download"), data=shortlist_csv(approaches, providers, shortlist_state.notes()),
                       file_name="therapy-shortlist.csv", mime="text/csv", key="download_shortlist",
                       help=t("download_help"), type="primary")
