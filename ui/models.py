"""The fitted models and the directory, cached once per server process (st.cache_resource)."""
from __future__ import annotations

import streamlit as st

from recommender import ApproachRanker, ProviderRanker, load_catalogue, load_directory
from recommender.geography import city_table


@st.cache_resource(show_spinner=False)
def approach_ranker() -> ApproachRanker:
    return ApproachRanker().fit(load_catalogue())


@st.cache_resource(show_spinner=False)
def sample_providers():
    """(LoadResult, ProviderRanker) for the bundled fictional sample."""
    loaded = load_directory()
    return loaded, ProviderRanker(approach_ranker()).fit(loaded.directory)


@st.cache_resource(show_spinner=False)
def city_options(limit: int = 3000) -> list[str]:
    """Canadian and US cities, most populous first, for the city picker."""
    table = city_table()
    table = table[table["primary"] & table["country"].isin(["CA", "US"])]
    return (table["city"] + ", " + table["region"] + ", " + table["country"]).drop_duplicates().head(limit).tolist()
