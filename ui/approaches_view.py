"""Ranked approaches: score bar, summary, reasons for and against, session, full record, drivers chart."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from recommender.catalogue import style_of

from . import shortlist_state
from .i18n import t
from .labels import approach_name, approach_text, style_text

TOP = 5


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def shortlist_toggle(kind: str, key: str, row: dict, add_label: str, button_key: str) -> None:
    if shortlist_state.contains(key):
        c1, c2 = st.columns([3, 1])
        c1.success(t("in_shortlist"), icon="✅")
        if c2.button(t("remove"), key=f"rm_{button_key}"):
            shortlist_state.remove(key)
            st.rerun()
    elif st.button(add_label, key=f"add_{button_key}"):
        shortlist_state.add(kind, key, row)
        st.rerun()


def full_record(name: str) -> None:
    st.markdown(f"**{t('good_fit_if')}**\n\n" + _bullets(approach_text(name, "good_fit")))
    st.markdown(f"**{t('may_not_fit_if')}**\n\n" + _bullets(approach_text(name, "poor_fit")))
    st.markdown(f"**{t('usual_steps')}**\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(approach_text(name, "steps"), 1)))
    st.markdown(f"**{t('alternatives')}:** " + ", ".join(approach_name(a) for a in approach_text(name, "alternatives")))
    style = style_of(approach_text(name, "qualities"))
    st.markdown(f"**{t('style')}:** " + " · ".join(style_text(v) for v in style.values()))
    st.markdown(f"**{t('length')}:** " + approach_text(name, "length"))
    st.markdown(f"**{t('evidence')}:** " + approach_text(name, "evidence"))


def drivers_chart(ranked: pd.DataFrame) -> None:
    top = ranked.head(TOP)
    parts = {"fit_needs": t("driver_needs"), "fit_words": t("driver_words"), "fit_wants": t("driver_wants"),
             "fit_evidence": t("driver_evidence")}
    top = top.assign(approach=top["approach"].map(approach_name))
    long = top.melt(id_vars=["approach"], value_vars=list(parts), var_name="part", value_name="value")
    long["part"] = long["part"].map(parts)
    chart = alt.Chart(long).mark_bar().encode(
        x=alt.X("value:Q", title=None, stack="zero"),
        y=alt.Y("approach:N", sort=top["approach"].tolist(), title=None),
        color=alt.Color("part:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=["approach", "part", alt.Tooltip("value:Q", format=".2f")],
    ).properties(height=40 * len(top) + 40)
    st.altair_chart(chart, width="stretch")


def show(ranked: pd.DataFrame) -> None:
    st.header(t("approaches_title"))
    st.caption(t("approaches_caption"))
    for rec in ranked.head(TOP).to_dict("records"):
        name = rec["approach"]
        with st.container(border=True):
            st.subheader(f"{rec['rank']}. {approach_name(name)}")
            st.progress(float(rec["score"]), text=t("match", pct=round(rec["score"] * 100)))
            st.write(approach_text(name, "summary"))
            pros, cons = st.columns(2)
            pros.markdown(f"**{t('why_fits')}**\n\n" + _bullets(rec["reasons_for"]))
            cons.markdown(f"**{t('what_may_not_fit')}**\n\n" + (_bullets(rec["reasons_against"]) or t("nothing_against")))
            st.markdown(f"**{t('session_like')}:** {approach_text(name, 'session')}")
            with st.expander(t("full_record", name=approach_name(name))):
                full_record(name)
            row = {k: rec[k] for k in ["rank", "approach", "score", "reasons_for", "reasons_against"]}
            shortlist_toggle("approach", name, row, t("add_approach"), f"approach_{rec['rank']}")
            from .library_view import open_in_library
            st.button(t("open_library"), key=f"library_{rec['rank']}", on_click=open_in_library, args=(name,),
                      type="tertiary")
    with st.expander(t("drivers_title")):
        st.caption(t("drivers_caption"))
        drivers_chart(ranked)
    with st.expander(t("more_approaches", n=len(ranked))):
        st.dataframe(ranked[["rank", "approach", "score"]].assign(approach=ranked["approach"].map(approach_name)), hide_index=True, width="stretch",
                     column_config={"rank": t("col_rank"), "approach": t("col_approach"),
                                    "score": st.column_config.ProgressColumn(t("col_score"), min_value=0.0, max_value=1.0, format="percent")})
