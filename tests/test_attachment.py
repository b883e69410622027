"""The attachment self-check: scoring against hand-computed cases, reverse-keyed items included."""
import pytest

from recommender import ApproachRanker, Preferences, PreferencesError, load_catalogue
from recommender.attachment import questionnaire, score, style_needs

# Items 1-4 are reverse-keyed avoidance, 5-6 avoidance, 7-9 anxiety (ECR-RS, Fraley et al. 2011).


def test_the_questionnaire_is_the_published_structure_with_its_source():
    q = questionnaire()
    assert [i["subscale"] for i in q["item"]] == ["avoidance"] * 6 + ["anxiety"] * 3
    assert [i["reverse"] for i in q["item"]] == [True] * 4 + [False] * 5
    assert "Fraley" in q["source"] and (q["scale_min"], q["scale_max"]) == (1, 7)


@pytest.mark.parametrize("answers, anxiety, avoidance, style", [
    # everyone helps, nothing worries: reversed 7s become 1s -> avoidance (1+1+1+1+1+1)/6 = 1
    ([7, 7, 7, 7, 1, 1, 1, 1, 1], 1.0, 1.0, "secure"),
    # never turns to people (1s reversed to 7s) and hides feelings (7, 7) -> avoidance 7
    ([1, 1, 1, 1, 7, 7, 2, 2, 2], 2.0, 7.0, "avoidant"),
    # relies on people but worries: anxiety (6+7+6)/3 = 6.333
    ([7, 6, 7, 6, 2, 1, 6, 7, 6], 6.333, (1 + 2 + 1 + 2 + 2 + 1) / 6, "anxious"),
    # both high: avoidance (8-2 + 8-3 + 8-2 + 8-2 + 6 + 5)/6 = 34/6 = 5.667; anxiety 6
    ([2, 3, 2, 2, 6, 5, 6, 6, 6], 6.0, 5.667, "fearful"),
    # all neutral: 4 on both sits on the midpoint, which does not count as "higher"
    ([4] * 9, 4.0, 4.0, "secure"),
])
def test_scores_match_hand_computed_values(answers, anxiety, avoidance, style):
    result = score(answers)
    assert result.anxiety == pytest.approx(anxiety, abs=1e-3)
    assert result.avoidance == pytest.approx(avoidance, abs=1e-3)
    assert result.style == style


@pytest.mark.parametrize("answers", [[4] * 8, [0] + [4] * 8, [8] + [4] * 8, [4.5] + [4] * 8])
def test_bad_answers_are_refused(answers):
    with pytest.raises(ValueError):
        score(answers)


def test_an_opted_in_style_adds_its_needs_and_says_so():
    ranker = ApproachRanker().fit(load_catalogue())
    plain = ranker.rank(Preferences.from_dict({"client": "self"}))
    anxious = ranker.rank(Preferences.from_dict({"client": "self", "attachment_style": "anxious"}))
    assert plain["approach"].tolist() != anxious["approach"].tolist()
    assert set(style_needs("anxious")) <= {"fear_of_abandonment", "trust_issues"}
    assert any("self-check" in r for r in anxious.reasons_for[0])
    with pytest.raises(PreferencesError, match="attachment_style"):
        Preferences.from_dict({"attachment_style": "clingy"})
