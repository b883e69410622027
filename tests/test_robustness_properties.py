"""Random rosters, preferences and exports (hypothesis): no exception escapes, exports round-trip,
no formula survives."""
import io

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommender import Preferences, ProviderRanker
from recommender.directory import REQUIRED, DirectoryError, validate
from recommender.export import FORMULA_STARTS, to_csv_bytes

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
cell = st.one_of(st.text(max_size=30), st.sampled_from(["CBT", "EFT; gottman", "self", "couple", "online", "in_person",
                                                         "English", "Calgary", "AB", "CA", "120", "-3", "=1+1", ""]))
roster = st.lists(st.fixed_dictionaries({c: cell for c in REQUIRED}), min_size=1, max_size=15)


@SETTINGS
@given(roster)
def test_random_rosters_never_raise_anything_but_a_clear_directory_error(approach_ranker, rows):
    raw = pd.DataFrame(rows)
    try:
        result = validate(raw)
    except DirectoryError:
        return
    assert len(result.directory) + result.rejected <= len(raw)
    assert set(result.report["status"]) <= {"rejected", "note"}
    if len(result.directory):
        ProviderRanker(approach_ranker).fit(result.directory).rank(Preferences.from_dict({"accepting_only": False}))


@SETTINGS
@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_exports_round_trip_and_no_formula_survives(texts):
    df = pd.DataFrame({"text": texts, "list": [[t, "x"] for t in texts]})
    back = pd.read_csv(io.BytesIO(to_csv_bytes(df)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for original, exported in zip(texts, back["text"]):
        assert not exported.startswith(FORMULA_STARTS)
        expected = ("'" + original) if original.startswith(FORMULA_STARTS) else original
        assert exported == expected


@SETTINGS
@given(st.text(max_size=200), st.text(max_size=60), st.text(max_size=60), st.text(max_size=30))
def test_random_free_text_never_breaks_the_model(approach_ranker, provider_ranker, description, wants, avoid, location):
    prefs = Preferences.from_dict({"description": description, "wants_text": wants, "avoid_text": avoid, "location": location})
    assert approach_ranker.rank(prefs)["score"].between(0, 1).all()
    provider_ranker.rank(prefs)
