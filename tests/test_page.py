"""The page, driven as a person would with streamlit.testing.v1.AppTest."""
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def page():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def submit(at, **fields):
    for key, value in fields.items():
        kind = {"client": "selectbox", "location": "selectbox", "format": "radio", "description": "text_area",
                "wants_text": "text_input", "avoid_text": "text_input", "max_fee": "number_input",
                "max_distance_km": "slider", "sliding_scale": "checkbox", "accepting_only": "checkbox"}.get(key, "multiselect")
        widget = getattr(at, kind)(key=key)
        if kind in ("text_area", "text_input"):
            widget.input(value)
        else:
            widget.set_value(value)
    at.button(key="find").click()
    at.run()
    assert not at.exception, at.exception
    return at


def approach_titles(at):
    return [s.value for s in at.subheader if s.value[:1].isdigit()]


def provider_table(at) -> pd.DataFrame:
    tables = [d.value for d in at.dataframe if {"name", "fee", "distance_km"} <= set(d.value.columns)]
    assert tables, "no provider table on the page"
    return tables[0]


def test_before_submitting_the_page_invites_the_person_to_start():
    at = page()
    assert any("Find matches" in i.value for i in at.info)
    assert any("not stored" in c.value for c in at.caption)


def test_couple_in_conflict_sees_a_couples_therapy_first_with_reasons():
    at = submit(page(), client="couple", description="We fight all the time and then he shuts down for days")
    assert approach_titles(at)[0] in {"1. Emotionally Focused Therapy (EFT)", "1. Gottman Method Couples Therapy"}
    text = " ".join(m.value for m in at.markdown)
    assert "Why it fits you" in text and "fight all the time" in text
    assert any("fictional" in c.value.lower() for c in at.caption)
    assert any("not medical advice" in c.value for c in at.caption)


def test_parent_of_a_young_child_with_delays_sees_dir_floortime_near_the_top():
    at = submit(page(), client="child", needs=["developmental_differences"],
                description="my 3 year old isn't talking yet and gets overwhelmed by noise")
    assert any(title.endswith(". DIR/Floortime") for title in approach_titles(at)[:3])


def test_person_wanting_concrete_tools_does_not_get_attachment_based_therapy_first():
    at = submit(page(), needs=["anxiety"], wants=["concrete_tools"], avoid=["childhood_focus"],
                avoid_text="not dwelling on childhood")
    assert not approach_titles(at)[0].endswith("Attachment-Based Therapy")
    assert approach_titles(at)[0] == "1. Cognitive Behavioral Therapy (CBT)"


def test_calgary_french_under_120_lists_only_providers_that_honour_every_limit():
    at = submit(page(), location="Calgary, AB, CA", languages=["French"], max_fee=120)
    table = provider_table(at)
    assert len(table) > 0
    assert (table["fee"] <= 120).all()
    assert table["languages"].map(lambda langs: "French" in langs).all()
    online = table["formats"].map(lambda f: "Online (video)" in f)
    near = table["distance_km"].le(50)
    assert (online | near).all()


def test_choosing_an_insurance_plan_lists_only_providers_who_accept_it():
    at = submit(page(), insurance=["Medicaid"])
    table = provider_table(at)
    assert len(table) > 0 and table["insurance"].map(lambda plans: "Medicaid" in plans).all()
    assert any("Accepts Medicaid" in m.value for m in at.markdown)


def test_impossible_limits_show_which_limit_to_relax():
    at = submit(page(), location="Calgary, AB, CA", format="in_person", languages=["Somali"], max_fee=60, sliding_scale=True)
    assert any("No provider matches all your limits" in i.value for i in at.info)
    text = " ".join(m.value for m in at.markdown)
    assert "Relaxing" in text or "Even relaxing one limit" in text


def test_words_that_suggest_risk_put_crisis_resources_first():
    at = submit(page(), description="honestly i dont want to be here anymore")
    assert at.error and "9-8-8" in at.error[0].value and "911" in at.error[0].value


def test_naming_holding_therapy_shows_a_warning_and_never_lists_it():
    at = submit(page(), client="child", description="should we try holding therapy for our adopted son?")
    assert any("coercive" in w.value for w in at.warning)
    assert not any("Holding" in s for s in approach_titles(at))


def test_shortlist_export_and_reimport_round_trip():
    at = submit(page(), client="couple", needs=["relationship_conflict"])
    at.button(key="add_approach_1").click().run()
    provider_buttons = [b for b in at.button if b.key and b.key.startswith("add_provider_")]
    provider_buttons[0].click().run()
    assert not at.exception
    shortlist = at.session_state["shortlist"]
    assert [i["kind"] for i in shortlist.values()] == ["approach", "provider"]
    note_key = [k for k in shortlist if shortlist[k]["kind"] == "provider"][0]
    at.text_input(key="note::" + note_key).input("call on Monday").run()
    assert at.download_button(key="download_shortlist").label == "Download shortlist (CSV)"

    from recommender.export import shortlist_csv
    approaches = pd.DataFrame([i["row"] for i in shortlist.values() if i["kind"] == "approach"])
    providers = pd.DataFrame([i["row"] for i in shortlist.values() if i["kind"] == "provider"])
    data = shortlist_csv(approaches, providers, {note_key: "call on Monday"})
    exported = pd.read_csv(__import__("io").BytesIO(data), encoding="utf-8-sig")
    assert exported["kind"].tolist() == ["approach", "provider"] and exported["notes"].tolist()[1] == "call on Monday"

    fresh = page()
    fresh.file_uploader(key="shortlist_upload").upload("therapy-shortlist.csv", data, "text/csv").run()
    assert not fresh.exception
    assert list(fresh.session_state["shortlist"]) == list(shortlist)
    assert fresh.session_state["note::" + note_key] == "call on Monday"
    assert any("Restored 1 approaches and 1 providers" in s.value for s in fresh.success)


def test_a_file_that_is_not_a_shortlist_gets_a_clear_message():
    at = page()
    at.file_uploader(key="shortlist_upload").upload("x.csv", b"a,b\n1,2\n", "text/csv").run()
    assert not at.exception and any("could not be read as a shortlist" in e.value for e in at.error)


ROSTER = (b"provider_id,name,city,region,country,approaches,populations,formats,languages,fee,website\n"
          b"c1,**Bold** [Clinic](javascript:alert(1)),Calgary,AB,CA,EFT; Gottman,couple,in_person,English,140,javascript:alert(1)\n"
          b"c2,Broken Fee,Calgary,AB,CA,CBT,self,in_person,English,call us,\n"
          b"c3,Second Clinic,Calgary,AB,CA,emotionally focussed therapy,couple,online,English,120,https://second.example\n")


def test_uploading_a_roster_with_bad_rows_reports_them_ranks_the_good_ones_and_keeps_the_shortlist():
    at = submit(page(), client="couple", needs=["relationship_conflict"])
    at.button(key="add_approach_1").click().run()
    before = list(at.session_state["shortlist"])
    at.file_uploader(key="roster_upload").upload("clinic.csv", ROSTER, "text/csv").run()
    assert not at.exception
    report = [d.value for d in at.dataframe if "reason" in d.value.columns][0]
    assert report.loc[report.status == "rejected", "row"].tolist() == [3]
    assert "fee must be a number" in report.loc[report.status == "rejected", "reason"].iloc[0]
    assert at.download_button(key="download_report").label.startswith("Download this report")
    table = provider_table(at)
    assert sorted(table["name"]) == sorted(["**Bold** [Clinic](javascript:alert(1))", "Second Clinic"])
    assert table["website"].isna().sum() == 1            # the javascript: link is not made clickable
    labels = [e.label for e in at.expander]
    assert any("\\*\\*Bold\\*\\*" in label for label in labels)   # roster Markdown is escaped, not rendered
    assert list(at.session_state["shortlist"]) == before
    assert any("Your roster" in c.value or "clinic.csv" in c.value for c in at.caption)


def test_an_unusable_roster_upload_says_why_and_keeps_the_sample():
    at = page()
    at.file_uploader(key="roster_upload").upload("photo.csv", b"\x89PNG\x00\x00binary", "text/csv").run()
    assert not at.exception
    assert any("could not be used" in e.value for e in at.sidebar.error)
    assert "roster" not in at.session_state
