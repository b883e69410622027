"""The fitted models and the directory, built once per server process and shared by every session."""
from __future__ import annotations

import os
import sys

import streamlit as st

from recommender import ApproachRanker, ProviderRanker, load_catalogue, load_directory
from recommender.geography import suggest
from recommender.index_store import load_indexed

from .i18n import t


@st.cache_resource(show_spinner=False)
def approach_ranker() -> ApproachRanker:
    return ApproachRanker().fit(load_catalogue())


def directory_path() -> str | None:
    """A directory file given when the app was started: `streamlit run app.py -- --directory FILE`
    (or THERAPY_FINDER_DIRECTORY); None means the bundled sample."""
    args = sys.argv[1:]
    if "--directory" in args and args.index("--directory") + 1 < len(args):
        return args[args.index("--directory") + 1]
    return os.environ.get("THERAPY_FINDER_DIRECTORY") or None


@st.cache_resource(show_spinner=False)
def _shared() -> dict:
    """Directories the operator configured, loaded once for all sessions."""
    return {}


def default_providers():
    """(LoadResult, ProviderRanker, name or None for the sample) for the configured directory.

    A large directory is loaded and indexed once, with a progress bar, and its index is kept next
    to the file so the next start reuses it."""
    path = directory_path()
    store = _shared()
    if path not in store:
        if path is None:
            loaded = load_directory()
            store[None] = (loaded, ProviderRanker(approach_ranker()).fit(loaded.directory), None)
        else:
            bar = st.progress(0.0, text=t("directory_loading"))
            loaded, ranker, _ = load_indexed(path, approach_ranker(),
                                             progress=lambda fraction, message: bar.progress(fraction, text=message))
            bar.empty()
            store[path] = (loaded, ranker, os.path.basename(path))
    return store[path]


@st.cache_resource(show_spinner=False)
def city_options(limit: int = 3000) -> list[str]:
    """Canadian and US cities, most populous first, for the city picker."""
    return suggest("", limit)
