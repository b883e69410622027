"""CSV exports are safe in a spreadsheet and round-trip."""
import io

import pandas as pd

from recommender.export import read_shortlist, shortlist_csv, to_csv_bytes


def test_formula_cells_are_neutralised_and_text_survives():
    df = pd.DataFrame({"name": ["=HYPERLINK(\"x\")", "+1 555", "-2", "@SUM(A1)", "\tTab", "Zoë, \"quoted\"\nline", "北京"]})
    data = to_csv_bytes(df)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)["name"].tolist()
    assert all(not v.startswith(("=", "+", "-", "@", "\t")) for v in back)
    assert back[5] == "Zoë, \"quoted\"\nline" and back[6] == "北京"


def test_shortlist_round_trip_keeps_items_and_notes(provider_ranker, approach_ranker):
    from recommender import Preferences
    prefs = Preferences.from_dict({"client": "couple"})
    approaches = approach_ranker.rank(prefs, top=2)
    providers = provider_ranker.rank(prefs, top=2)
    notes = {approaches.approach[0]: "=ask about cost", providers.provider_id[0]: "call Monday"}
    data = shortlist_csv(approaches, providers, notes)
    df = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert df["kind"].tolist() == ["approach", "approach", "provider", "provider"]
    assert df["notice"].str.contains("not medical advice").all()
    assert df.loc[df.kind == "provider", "notice"].str.contains("fictional").all()
    back_approaches, back_providers, back_notes = read_shortlist(data)
    assert back_approaches.approach.tolist() == approaches.approach.tolist()
    assert back_approaches.reasons_for.tolist() == approaches.reasons_for.tolist()
    assert back_providers.provider_id.tolist() == providers.provider_id.tolist()
    assert back_providers.approaches.tolist() == providers.approaches.tolist()
    assert back_notes == notes
