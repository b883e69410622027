"""Bring your own roster: upload CSV, Excel or Parquet, see the per-row report, rank the valid rows.

The roster lives in this person's session only (st.session_state), never on the server's disk,
and replacing it leaves the shortlist untouched.
"""
from __future__ import annotations

import hashlib
import io

import streamlit as st

from recommender import ProviderRanker
from recommender.directory import DirectoryError, read_table, validate
from recommender.export import to_csv_bytes

from . import models
from .i18n import t
from .safe_text import plain


def uploader() -> None:
    """Sidebar: upload a roster, or go back to the sample."""
    st.subheader(t("roster_title"))
    current = st.session_state.get("roster")
    st.caption(t("roster_current", name=plain(current["name"])) if current else t("roster_sample"))
    upload = st.file_uploader(t("roster_upload"), type=["csv", "xlsx", "parquet"], key="roster_upload", help=t("roster_help"))
    if upload is not None:
        data = upload.getvalue()
        digest = hashlib.sha256(data).hexdigest()
        if st.session_state.get("roster_digest") != digest:
            st.session_state["roster_digest"] = digest
            load(data, upload.name)
    if current and st.button(t("roster_back"), key="roster_back"):
        st.session_state.pop("roster", None)
        st.rerun()
    if st.session_state.get("roster_error"):
        st.error(st.session_state["roster_error"])


def load(data: bytes, name: str) -> None:
    bar = st.progress(0.0, text=t("roster_reading"))
    st.session_state.pop("roster_error", None)
    try:
        raw = read_table(io.BytesIO(data), name)
        loaded = validate(raw, progress=lambda fraction, message: bar.progress(0.9 * fraction, text=message))
        if loaded.directory.empty:
            st.session_state["roster_rejected"] = {"name": name, "loaded": loaded}
            raise DirectoryError(t("roster_none_valid"))
        bar.progress(0.95, text=t("roster_indexing"))
        ranker = ProviderRanker(models.approach_ranker()).fit(loaded.directory)
    except DirectoryError as exc:
        st.session_state["roster_error"] = t("roster_failed", name=name, reason=exc)
        bar.empty()
        return
    bar.empty()
    st.session_state.pop("roster_rejected", None)
    st.session_state["roster"] = {"name": name, "loaded": loaded, "ranker": ranker}


def report() -> None:
    """Main area: what happened to each row of the uploaded roster, with a download of the report."""
    current = st.session_state.get("roster") or st.session_state.get("roster_rejected")
    if not current:
        return
    loaded = current["loaded"]
    title = t("report_title", name=plain(current["name"]), loaded=len(loaded.directory), read=loaded.rows_read,
              rejected=loaded.rejected)
    with st.expander(title, expanded=loaded.rejected > 0 or loaded.directory.empty):
        if loaded.report.empty:
            st.success(t("report_clean"))
            return
        st.dataframe(loaded.report, hide_index=True, width="stretch", key="roster_report", column_config={
            "row": t("report_row"), "provider_id": "provider_id", "status": t("report_status"), "reason": t("report_reason")})
        st.download_button(t("report_download"), data=to_csv_bytes(loaded.report), file_name="roster-report.csv",
                           mime="text/csv", key="download_report")


def active():
    """(LoadResult, ProviderRanker, is_sample, name) for the directory in use."""
    current = st.session_state.get("roster")
    if current:
        return current["loaded"], current["ranker"], False, current["name"]
    loaded, ranker, name = models.default_providers()
    return loaded, ranker, name is None, name
