"""The vectorized ranking returns the same providers, in the same order, as the row-by-row baseline."""
import numpy as np
import pytest

from benchmarks.naive_ranker import naive_rank
from recommender import Preferences

CASES = [
    {"accepting_only": False},
    {"client": "couple", "description": "we fight all the time", "location": "Calgary, AB", "max_distance_km": 80},
    {"client": "child", "needs": ["developmental_differences", "child_behaviour"], "format": "online"},
    {"needs": ["anxiety", "panic"], "location": "Toronto, ON", "format": "in_person", "max_fee": 170},
    {"client": "self", "languages": ["French", "Spanish"], "sliding_scale": True},
    {"insurance": ["EAP", "Medicaid"], "location": "Chicago, IL", "format": "either"},
    {"client": "adolescent", "approaches": ["Dialectical Behavior Therapy (DBT)"], "location": "New York City"},
]


@pytest.mark.parametrize("raw", CASES)
def test_fast_path_and_naive_baseline_agree(approach_ranker, provider_ranker, sample, raw):
    prefs = Preferences.from_dict(raw)
    scores = approach_ranker.scores(prefs)
    fast = provider_ranker.rank(prefs, top=25, approach_scores=scores)
    slow = naive_rank(sample.directory, prefs, scores, top=25)
    assert fast["provider_id"].tolist() == slow["provider_id"].tolist()
    assert np.allclose(fast["score"].to_numpy(), slow["score"].round(4).to_numpy(), atol=1e-4)
