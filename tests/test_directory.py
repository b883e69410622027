"""Loading rosters: bad rows are reported with their row number and reason; valid rows still load."""
import io

import pandas as pd
import pytest

from recommender.directory import DirectoryError, load_directory, read_table, validate

HEADER = "provider_id,name,city,region,country,approaches,populations,formats,languages,fee\n"


def roster(*rows):
    return validate(read_table(io.BytesIO((HEADER + "\n".join(rows) + "\n").encode()), "r.csv"))


def test_bundled_sample_loads_every_row_and_is_fictional(sample):
    d = sample.directory
    assert len(d) >= 300 and sample.rejected == 0
    assert d["city"].nunique() >= 20 and set(d["country"]) == {"CA", "US"}
    assert d["formats"].map(lambda f: f == ["online"]).sum() > 10
    assert d["email"].str.endswith(".example").all() and d["website"].str.contains(r"\.example$").all()
    assert d["phone"].str.contains(r"-555-01\d\d$").all()
    assert d["sample"].all() and d["bio"].str.startswith("Fictional sample provider").all()
    langs = {lang for ls in d["languages"] for lang in ls}
    assert {"English", "French", "Spanish", "Mandarin", "Punjabi", "Arabic"} <= langs


def test_bad_rows_are_reported_with_row_numbers_and_good_rows_load():
    result = roster(
        "a1,Good One,Calgary,AB,CA,CBT,self,in_person,English,120",
        "a2,Bad Fee,Calgary,AB,CA,CBT,self,in_person,English,free",
        "a3,Negative,Calgary,AB,CA,CBT,self,in_person,English,-4",
        "a1,Duplicate,Calgary,AB,CA,CBT,self,in_person,English,100",
        "a5,No Approach,Calgary,AB,CA,Reiki,self,in_person,English,100",
        "a6,Nowhere,Atlantisville,ZZ,CA,CBT,self,in_person,English,100",
        "a7,Good Two,Toronto,ON,CA,emotionally focussed therapy;gottman,couple,online,English,150",
    )
    assert result.directory["provider_id"].tolist() == ["a1", "a7"]
    rejected = result.report[result.report.status == "rejected"].set_index("row")["reason"]
    assert "fee must be a number" in rejected[3]
    assert "fee" in rejected[4] and "0 or more" in rejected[4]
    assert "repeats an earlier row" in rejected[5]
    assert "no approach" in rejected[6]
    assert "unknown city" in rejected[7]
    assert result.directory.iloc[1]["approaches"] == ["Emotionally Focused Therapy (EFT)", "Gottman Method Couples Therapy"]
    assert any("read approach" in r for r in result.report[result.report.row == 8]["reason"])


def test_holding_therapy_in_a_roster_is_never_loaded_as_an_approach():
    result = roster("h1,Somewhere,Calgary,AB,CA,holding therapy;CBT,child,in_person,English,90")
    assert result.directory.iloc[0]["approaches"] == ["Cognitive Behavioral Therapy (CBT)"]
    assert any("discredited" in r for r in result.report["reason"])


def test_missing_required_columns_is_a_clear_error():
    with pytest.raises(DirectoryError, match="missing required column"):
        validate(pd.DataFrame({"name": ["x"]}))


def test_empty_file_is_a_clear_error(tmp_path):
    (tmp_path / "e.csv").write_text("")
    with pytest.raises(DirectoryError, match="empty"):
        load_directory(tmp_path / "e.csv")
