"""Regression guard on match quality: the tuning half of the benchmark cases must keep the figures
reached (benchmarks/quality.py). A guard on quality, not on time."""
from benchmarks.quality import report

HIT_AT_3_REACHED = 1.0


def test_tuning_half_keeps_its_hit_at_3_and_has_no_must_not_first_violation():
    figures = report(["tune"])[("tune", "model")]
    assert figures["hit@3"] >= HIT_AT_3_REACHED
    assert figures["must_not_first_violations"] == 0
    assert figures["crisis_recall"] == 1.0
