"""How the person's own words are read: everyday phrases, typos, negation."""
from recommender.text import read_text


def test_everyday_phrases_map_to_needs():
    assert "relationship_conflict" in read_text("we fight all the time").needs
    assert "trust_issues" in read_text("I can't trust anyone").needs
    assert "teen_conflict" in read_text("my son won't talk to us").needs


def test_typos_in_longer_words_still_match():
    assert "ptsd" in read_text("I keep having flashbaks and nightmears").needs
    assert "trauma" in read_text("since the acident").needs


def test_negated_wants_become_things_to_avoid():
    s = read_text("I don't want homework and I'd rather not dig into my childhood")
    assert {"homework", "childhood_focus"} <= set(s.avoid)
    assert "homework" not in s.wants


def test_plain_negation_removes_a_need():
    assert "depression" not in read_text("I'm not depressed, just stressed at work").needs
    assert "stress" in read_text("I'm not depressed, just stressed at work").needs


def test_describing_a_hard_childhood_is_not_read_as_avoiding_childhood_work():
    s = read_text("my parents were never there for me growing up")
    assert "childhood_focus" not in s.avoid
    assert "childhood_neglect" in s.needs


def test_avoid_box_words_are_always_things_to_avoid():
    assert "homework" in read_text(avoid_text="homework, worksheets").avoid


def test_french_everyday_phrases_are_read_too():
    assert {"relationship_conflict", "emotional_distance"} <= set(read_text("on se dispute tout le temps et il se ferme").needs)
    assert "trust_issues" in read_text("je n'arrive pas à faire confiance à personne").needs
    assert "teen_conflict" in read_text("mon ado ne nous parle plus").needs
    s = read_text("je veux des outils concrets, pas ressasser mon enfance")
    assert "concrete_tools" in s.wants and "childhood_focus" in s.avoid


def test_typo_tolerance_does_not_invent_needs_from_unrelated_words():
    assert read_text("depuis 3 mois je dors mal").needs == {}


def test_a_cue_reaches_its_phrase_across_a_verb_phrase():
    for words in ["I want practical tools, not digging into my childhood",
                  "no more talking about my parents", "I'd hate going back over the past"]:
        s = read_text(words)
        assert "childhood_focus" in s.avoid and "childhood_focus" not in s.wants, words
