"""Absurd or hostile values get a clear message or are handled; never a traceback."""
import pytest

from recommender import Preferences, PreferencesError


@pytest.mark.parametrize("raw, says", [
    ({"max_distance_km": -5}, "more than 0"),
    ({"max_distance_km": 0}, "more than 0"),
    ({"max_fee": 10 ** 12}, "at most"),
    ({"max_fee": float("nan")}, "must be a number"),
    ({"max_fee": "cheap"}, "must be a number"),
    ({"sliding_scale": "yes"}, "true or false"),
    ({"description": 42}, "must be text"),
    ({"needs": "anxiety, panic"}, "not in the needs vocabulary"),
    ([], "JSON object"),
])
def test_absurd_values_are_refused_with_a_plain_reason(raw, says):
    with pytest.raises(PreferencesError, match=says):
        Preferences.from_dict(raw)


def test_a_100000_character_description_is_read_in_part_and_says_so(approach_ranker):
    prefs = Preferences.from_dict({"description": "we fight all the time. " * 5000})
    assert 4900 < len(prefs.description) <= 5000
    result = approach_ranker.rank(prefs)
    assert any("first 5,000 characters" in w for w in result.attrs["warnings"])
    assert result["score"].between(0, 1).all()


@pytest.mark.parametrize("text", ["😢😢 we fight 💔", "אני מרגיש בודד מאוד", "أشعر بالقلق كل يوم", "Ça va pas du tout\u200f",
                                  "\x00\x01 control", "<script>alert(1)</script>", "=cmd|' /C calc'!A0"])
def test_emoji_right_to_left_and_hostile_text_are_handled(approach_ranker, provider_ranker, text):
    prefs = Preferences.from_dict({"description": text, "wants_text": text, "avoid_text": text, "location": "Toronto"})
    assert len(approach_ranker.rank(prefs)) == 22
    provider_ranker.rank(prefs)


def test_an_unknown_city_is_a_warning_not_an_error(provider_ranker):
    result = provider_ranker.rank(Preferences.from_dict({"location": "Atlantisville", "format": "in_person"}))
    assert any("could not find" in w for w in result.attrs["warnings"])
