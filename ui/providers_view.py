"""Ranked providers: table, reasons, a tile-free map, how each limit narrowed the list, the empty state."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from recommender import load_vocabulary
from recommender.export import SHORTLIST_COLUMNS

from .approaches_view import _bullets, shortlist_toggle
from .i18n import t
from .labels import approach_name, formatter, label_for
from .safe_text import plain

SHOWN = 50
DETAILED = 10


def approach_picker() -> list[str]:
    """Empty means any approach: providers are already ranked by how well their approaches fit."""
    vocab = load_vocabulary()
    return st.multiselect(t("providers_for"), list(vocab.approaches), key="provider_approaches", help=t("providers_for_help"),
                          format_func=formatter("approaches"), placeholder=t("choose_options"))


def empty_state(counts: pd.DataFrame) -> None:
    st.info(t("empty_title"), icon="🔎")
    helpful = counts[counts["matches_without_it"] > 0].sort_values("matches_without_it", ascending=False)
    if helpful.empty:
        st.markdown(t("relax_none"))
    for rec in helpful.to_dict("records"):
        n = rec["matches_without_it"]
        st.markdown(t("relax_one" if n == 1 else "relax", limit=rec["limit"], n=n))


def limits_table(counts: pd.DataFrame) -> None:
    with st.expander(t("limits_title"), expanded=False):
        counts = counts.copy()
        counts.attrs = {}
        st.dataframe(counts, hide_index=True, width="stretch",
                     column_config={"limit": t("limit_col"), "removed": t("removed_col"), "matches_without_it": t("without_col")})


def table(results: pd.DataFrame) -> None:
    view = results[["rank", "name", "score", "approaches", "city", "distance_km", "fee", "formats", "languages", "insurance",
                    "website"]].copy()
    view.attrs = {}
    view["formats"] = view["formats"].map(lambda f: [label_for("formats", x) for x in f])
    view["approaches"] = view["approaches"].map(lambda a: [approach_name(x) for x in a])
    view["languages"] = view["languages"].map(lambda langs: [label_for("languages", x) for x in langs])
    # Only http(s) links are clickable; anything else from a roster is shown as plain text.
    view["website"] = view["website"].where(view["website"].astype(str).str.match(r"^https?://"), None)
    st.dataframe(view, hide_index=True, width="stretch", key="providers_table", column_config={
        "rank": t("col_rank"), "name": t("col_name"),
        "score": st.column_config.ProgressColumn(t("col_score"), min_value=0.0, max_value=1.0, format="percent"),
        "approaches": st.column_config.ListColumn(t("col_approaches")),
        "city": t("col_city"),
        "distance_km": st.column_config.NumberColumn(t("col_distance"), format="%.1f"),
        "fee": st.column_config.NumberColumn(t("col_fee"), format="$%.0f"),
        "formats": st.column_config.ListColumn(t("col_formats")),
        "languages": st.column_config.ListColumn(t("col_languages")),
        "insurance": st.column_config.ListColumn(t("col_insurance")),
        "website": st.column_config.LinkColumn(t("col_website")),
    })


def provider_map(results: pd.DataFrame) -> None:
    """A scatter of in-person providers around the person; Altair draws it locally, no tiles are fetched."""
    place = results.attrs.get("place")
    here = results.dropna(subset=["distance_km"])
    if place is None or here.empty:
        return
    st.markdown(f"**{t('map_title')}**")
    st.caption(t("map_caption"))
    points = pd.DataFrame({"lat": here["lat"], "lon": here["lon"], "label": here["name"], "kind": "provider"})
    me = pd.DataFrame({"lat": [place.lat], "lon": [place.lon], "label": [t("you")], "kind": ["you"]})
    data = pd.concat([points, me], ignore_index=True)
    chart = alt.Chart(data).mark_point(filled=True).encode(
        longitude="lon:Q", latitude="lat:Q", tooltip=["label:N"],
        color=alt.Color("kind:N", legend=None, scale=alt.Scale(domain=["provider", "you"], range=["#2f6f73", "#c0392b"])),
        size=alt.condition(alt.datum.kind == "you", alt.value(300), alt.value(60)),
        shape=alt.condition(alt.datum.kind == "you", alt.value("diamond"), alt.value("circle")),
    ).project(type="mercator").properties(height=320)
    st.altair_chart(chart, width="stretch")


def details(results: pd.DataFrame) -> None:
    st.markdown(f"**{t('provider_details')}**")
    for rec in results.head(DETAILED).to_dict("records"):
        where = plain(f"{rec['city']}, {rec['region']}") + (f" · {rec['distance_km']:.0f} km" if pd.notna(rec["distance_km"]) else "")
        with st.expander(f"{rec['rank']}\\. {plain(rec['name'])} — {where} · \\${rec['fee']:.0f}"):
            pros, cons = st.columns(2)
            pros.markdown(f"**{t('why_fits')}**\n\n" + _bullets(rec["reasons_for"]))
            cons.markdown(f"**{t('what_may_not_fit')}**\n\n" + (_bullets(rec["reasons_against"]) or t("nothing_against")))
            st.text(f"{rec['credentials']}\n{rec['bio']}")   # roster text is shown as text, never rendered
            st.text(f"{t('contact')}: {rec['phone']} · {rec['email']} · {rec['website']}")
            shortlist_toggle("provider", str(rec["provider_id"]), _export_row(rec), t("add_provider", name=plain(rec["name"])),
                             f"provider_{rec['provider_id']}")


def _export_row(rec: dict) -> dict:
    """The provider's result row, as the shortlist export needs it."""
    return {k: rec.get(k) for k in [*SHORTLIST_COLUMNS, "sample"] if k in rec}


def show(results: pd.DataFrame) -> None:
    attrs = results.attrs
    st.caption(t("providers_count", matched=attrs["matched"], total=attrs["total"], shown=len(results)))
    if results.empty:
        empty_state(attrs["filter_counts"])
    else:
        table(results)
        details(results)
        provider_map(results)
    limits_table(attrs["filter_counts"])
