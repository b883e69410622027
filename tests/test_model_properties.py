"""Invariants of the model, checked on random preferences (hypothesis)."""
import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommender import Preferences, load_vocabulary

VOCAB = load_vocabulary()
CITIES = ["Calgary, AB", "Toronto, ON", "Montréal", "New York City", "Seattle, WA", "Vancouver, BC", ""]
WORDS = st.sampled_from(["we fight all the time", "I can't trust anyone", "my son won't talk to us", "panic attacks",
                         "I don't want homework", "not about my childhood", "flashbacks", "", "grief", "lonely"])

prefs_strategy = st.fixed_dictionaries({}, optional={
    "client": st.sampled_from(list(VOCAB.clients)),
    "needs": st.lists(st.sampled_from(list(VOCAB.needs)), max_size=4, unique=True),
    "wants": st.lists(st.sampled_from(list(VOCAB.wants)), max_size=3, unique=True),
    "avoid": st.lists(st.sampled_from(list(VOCAB.avoid)), max_size=3, unique=True),
    "description": WORDS, "wants_text": WORDS,
    "location": st.sampled_from(CITIES),
    "max_distance_km": st.floats(min_value=1, max_value=500),
    "format": st.sampled_from(list(VOCAB.formats)),
    "languages": st.lists(st.sampled_from(list(VOCAB.languages)), max_size=2, unique=True),
    "max_fee": st.floats(min_value=0, max_value=400),
    "sliding_scale": st.booleans(),
    "insurance": st.lists(st.sampled_from(["EAP", "Medicaid", "extended health benefits", "Blue Sky Plan"]), max_size=2, unique=True),
    "accepting_only": st.booleans(),
})
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(prefs_strategy)
def test_scores_are_between_zero_and_one(approach_ranker, provider_ranker, raw):
    prefs = Preferences.from_dict(raw)
    assert approach_ranker.rank(prefs)["score"].between(0, 1).all()
    assert provider_ranker.rank(prefs, top=50)["score"].between(0, 1).all()


@SETTINGS
@given(prefs_strategy)
def test_results_are_deterministic(approach_ranker, provider_ranker, raw):
    prefs = Preferences.from_dict(raw)
    assert approach_ranker.rank(prefs).equals(approach_ranker.rank(Preferences.from_dict(raw)))
    a, b = provider_ranker.rank(prefs, top=30), provider_ranker.rank(Preferences.from_dict(raw), top=30)
    assert a["provider_id"].tolist() == b["provider_id"].tolist() and a["score"].tolist() == b["score"].tolist()


@SETTINGS
@given(prefs_strategy, st.sampled_from(list(VOCAB.avoid)))
def test_adding_a_thing_to_avoid_never_raises_any_approach_score(approach_ranker, raw, extra):
    before = approach_ranker.scores(Preferences.from_dict(raw))
    raw = {**raw, "avoid": list(dict.fromkeys([*raw.get("avoid", []), extra]))}
    after = approach_ranker.scores(Preferences.from_dict(raw))
    assert (after <= before + 1e-12).all()


@SETTINGS
@given(prefs_strategy)
def test_every_provider_returned_honours_every_limit(provider_ranker, raw):
    from recommender.geography import haversine_km, resolve

    prefs = Preferences.from_dict(raw)
    result = provider_ranker.rank(prefs, top=400)
    if result.empty:
        return
    if prefs.accepting_only:
        assert result["accepting_new_clients"].all()
    if prefs.client:
        assert all(prefs.client in p for p in result["populations"])
    if prefs.languages:
        assert all(set(prefs.languages) & set(langs) for langs in result["languages"])
    if prefs.max_fee is not None:
        assert (result["fee"] <= prefs.max_fee).all()
    if prefs.sliding_scale:
        assert result["sliding_scale"].all()
    if prefs.insurance:
        wanted = [w.lower() for w in prefs.insurance]
        assert all(any(w in plan.lower() for plan in plans for w in wanted) for plans in result["insurance"])
    if prefs.format == "online":
        assert all("online" in f for f in result["formats"])
    if prefs.location and prefs.format != "online":
        place = resolve(prefs.location)
        radius = prefs.max_distance_km or provider_ranker.default_distance_km
        km = haversine_km(place.lat, place.lon, result["lat"].to_numpy(float), result["lon"].to_numpy(float))
        in_person_ok = np.array(["in_person" in f for f in result["formats"]]) & (km <= radius + 1e-6)
        if prefs.format == "in_person":
            assert in_person_ok.all()
        else:
            assert (in_person_ok | np.array(["online" in f for f in result["formats"]])).all()


def test_with_no_limits_every_provider_comes_back_exactly_once(provider_ranker, sample):
    result = provider_ranker.rank(Preferences.from_dict({"accepting_only": False}), top=10_000)
    assert sorted(result["provider_id"]) == sorted(sample.directory["provider_id"])
