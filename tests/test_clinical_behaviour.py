"""Matches a clinician would expect, in the situations the product is for."""
from recommender import Preferences

ATTACHMENT_INFORMED = {"Attachment-Based Therapy", "Emotionally Focused Therapy (EFT)", "Schema Therapy"}


def top(ranker, **prefs):
    return ranker.rank(Preferences.from_dict(prefs))


def test_couple_in_recurring_conflict_gets_eft_or_gottman_first(approach_ranker):
    for words in ["We fight all the time about the same things and it never gets resolved",
                  "my wife and I keep having the same argument, then he shuts down for days",
                  "constant bickering, we can't talk without fighting"]:
        result = top(approach_ranker, client="couple", description=words)
        assert result.approach[0] in {"Emotionally Focused Therapy (EFT)", "Gottman Method Couples Therapy"}, words


def test_couple_who_pick_needs_without_words_gets_a_couples_therapy_first(approach_ranker):
    result = top(approach_ranker, client="couple", needs=["relationship_conflict", "communication"])
    assert result.approach[0] in {"Emotionally Focused Therapy (EFT)", "Gottman Method Couples Therapy"}


def test_parent_of_adopted_child_with_early_neglect_gets_ddp_in_top_three(approach_ranker):
    result = top(approach_ranker, client="child",
                 description="We adopted our son at 4 after years of neglect in foster care. He won't let us comfort him.")
    assert "Dyadic Developmental Psychotherapy (DDP)" in list(result.approach[:3])


def test_parent_of_toddler_with_developmental_delays_gets_dir_floortime_in_top_three(approach_ranker):
    result = top(approach_ranker, client="child",
                 description="Our 2 year old isn't talking yet, the doctor mentioned developmental delays and he lines up his toys")
    assert "DIR/Floortime" in list(result.approach[:3])


def test_wanting_concrete_tools_and_not_childhood_never_puts_attachment_based_therapy_first(approach_ranker):
    cases = [
        dict(client="self", wants=["concrete_tools"], avoid=["childhood_focus"]),
        dict(client="self", description="I want concrete tools, I don't want to dwell on my childhood"),
        dict(client="self", needs=["fear_of_abandonment", "childhood_neglect"], wants=["concrete_tools"], avoid=["childhood_focus"]),
        dict(needs=["trust_issues"], wants_text="practical strategies", avoid_text="talking about my parents"),
        dict(client="self", description="I'm always scared my partner will leave me. I want practical tools, "
                                        "not digging into my childhood"),
    ]
    for prefs in cases:
        assert top(approach_ranker, **prefs).approach[0] != "Attachment-Based Therapy", prefs


def test_fear_of_being_abandoned_by_a_partner_gets_an_attachment_informed_approach_in_top_three(approach_ranker):
    for prefs in [dict(client="self", description="I'm always scared my boyfriend will leave me and I need constant reassurance"),
                  dict(client="self", needs=["fear_of_abandonment"]),
                  dict(description="terrified my partner is going to abandon me, I get so jealous and clingy")]:
        result = top(approach_ranker, **prefs)
        assert ATTACHMENT_INFORMED & set(result.approach[:3]), prefs


def test_holding_therapy_is_never_a_result_and_naming_it_warns(approach_ranker):
    for words in ["Should we try holding therapy for our adopted daughter?",
                  "someone recommended attachment therapy with rebirthing",
                  "Is HOLDING THERAPY safe?"]:
        result = top(approach_ranker, client="child", description=words)
        assert not any("holding" in a.lower() for a in result.approach)
        assert "Holding therapy (coercive \"attachment therapy\")" not in set(result.approach)
        assert any("coercive" in w for w in result.attrs["warnings"]), words


def test_attachment_based_therapy_by_name_is_not_mistaken_for_holding_therapy(approach_ranker):
    result = top(approach_ranker, description="I read about attachment-based therapy and attachment focused therapy")
    assert result.attrs["warnings"] == []


def test_every_result_explains_itself_in_plain_words(approach_ranker):
    result = top(approach_ranker, client="couple", description="we fight all the time", avoid=["homework"])
    assert all(len(r) > 0 for r in result.reasons_for)
    gottman = result[result.approach == "Gottman Method Couples Therapy"].iloc[0]
    assert any("homework" in r.lower() for r in gottman.reasons_against)
    individual = result[result.approach == "Existential Therapy"].iloc[0]
    assert any("couples" in r for r in individual.reasons_against)


def test_words_used_to_refuse_something_are_not_shown_as_reasons_in_favour(approach_ranker):
    result = top(approach_ranker, client="self",
                 description="I'm always scared my partner will leave me. I want practical tools, not digging into my childhood")
    schema = result[result.approach == "Schema Therapy"].iloc[0]
    assert not any("childhood" in r for r in schema.reasons_for)
    assert any("not digging into my childhood" in r for r in schema.reasons_against)
    no_comma = top(approach_ranker, client="self", description="I want practical tools not digging into my childhood")
    cbt = no_comma[no_comma.approach == "Cognitive Behavioral Therapy (CBT)"].iloc[0]
    assert any("practical" in r or "tools" in r for r in cbt.reasons_for if r.startswith("Your words"))
