"""The attachment self-check tab: nine statements, two scores, a plain reading, an opt-in for the
recommendations. Answers live only in this session; nothing is stored."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from recommender.attachment import questionnaire, score

from .i18n import t
from .labels import attachment_item, attachment_style

OPT_IN = "attachment_opt_in"


def chosen_style() -> str | None:
    """The style to feed into the recommendations, only if the person opted in."""
    result = st.session_state.get("attachment_result")
    return result.style if result is not None and st.session_state.get(OPT_IN) else None


def chart(result) -> None:
    q = questionnaire()
    lo, hi, cut = q["scale_min"], q["scale_max"], q["cut"]
    quadrants = pd.DataFrame([
        {"x": lo, "x2": cut, "y": lo, "y2": cut, "style": attachment_style("secure", "label")},
        {"x": lo, "x2": cut, "y": cut, "y2": hi, "style": attachment_style("anxious", "label")},
        {"x": cut, "x2": hi, "y": lo, "y2": cut, "style": attachment_style("avoidant", "label")},
        {"x": cut, "x2": hi, "y": cut, "y2": hi, "style": attachment_style("fearful", "label")},
    ])
    x = alt.X("x:Q", title=t("selfcheck_avoidance"), scale=alt.Scale(domain=[lo, hi]))
    y = alt.Y("y:Q", title=t("selfcheck_anxiety"), scale=alt.Scale(domain=[lo, hi]))
    areas = alt.Chart(quadrants).mark_rect(opacity=0.25).encode(x=x, x2="x2", y=y, y2="y2",
                                                               color=alt.Color("style:N", title=None, legend=alt.Legend(orient="bottom")))
    labels = alt.Chart(quadrants.assign(cx=(quadrants.x + quadrants.x2) / 2, cy=(quadrants.y + quadrants.y2) / 2)).mark_text(
        opacity=0.6).encode(x="cx:Q", y="cy:Q", text="style:N")
    you = alt.Chart(pd.DataFrame({"x": [result.avoidance], "y": [result.anxiety], "who": [t("you")]})).mark_point(
        filled=True, size=250, color="#c0392b", shape="diamond").encode(x="x:Q", y="y:Q", tooltip=["who:N", "x:Q", "y:Q"])
    st.altair_chart((areas + labels + you).properties(height=360), width="stretch")


def show() -> None:
    q = questionnaire()
    st.header(t("selfcheck_title"))
    st.write(t("selfcheck_intro"))
    st.info(t("selfcheck_not_diagnosis"))
    st.caption(t("selfcheck_source") + " " + q["source"])
    options = list(range(q["scale_min"], q["scale_max"] + 1))
    scale = {v: t(f"scale_{v}") for v in options}   # bound now, for the same reason as labels.formatter
    with st.form("selfcheck", border=True):
        answers = [st.select_slider(attachment_item(i), options=options, value=4, key=f"ecr_{i}",
                                    format_func=scale.get)
                   for i in range(len(q["item"]))]
        done = st.form_submit_button(t("selfcheck_submit"), type="primary", key="selfcheck_submit")
    if done:
        st.session_state["attachment_result"] = score(answers)
    result = st.session_state.get("attachment_result")
    if result is None:
        return
    st.subheader(t("selfcheck_result", style=attachment_style(result.style, "label")))
    c1, c2 = st.columns(2)
    c1.metric(t("selfcheck_anxiety"), f"{result.anxiety:.1f} / {q['scale_max']}")
    c2.metric(t("selfcheck_avoidance"), f"{result.avoidance:.1f} / {q['scale_max']}")
    st.write(attachment_style(result.style, "explanation"))
    chart(result)
    st.checkbox(t("selfcheck_opt_in"), key=OPT_IN, help=t("selfcheck_opt_in_help"))
