"""The command line, as ../shared/CONTRACT.md promises it: every command, and bad input exits 2 in one line."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "recommender", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def write(tmp_path, obj, name="p.json"):
    path = tmp_path / name
    path.write_text(json.dumps(obj) if not isinstance(obj, str) else obj)
    return path


def test_vocab_lists_every_vocabulary():
    out = json.loads(cli("vocab").stdout)
    for key in ["clients", "needs", "wants", "avoid", "formats", "languages", "approaches"]:
        assert isinstance(out[key], list) and all(isinstance(x, str) for x in out[key])
    assert len(out["needs"]) >= 30 and len(out["wants"]) >= 12 and len(out["avoid"]) >= 12
    assert out["clients"] == ["self", "couple", "child", "adolescent", "family"]
    for name in ["Attachment-Based Therapy", "Emotionally Focused Therapy (EFT)", "DIR/Floortime", "Trauma-Focused CBT (TF-CBT)"]:
        assert name in out["approaches"]
    assert not any("holding" in a.lower() for a in out["approaches"])
    assert all(isinstance(v, list) for v in out.values())
    labelled = json.loads(cli("vocab", "--labels").stdout)
    assert labelled["labels"]["clients"]["couple"] == "Us as a couple"


def test_catalogue_has_every_field_and_flags_holding_therapy():
    records = json.loads(cli("catalogue").stdout)
    fields = {"name", "summary", "populations", "concerns", "good_fit", "poor_fit", "session", "alternatives"}
    assert all(fields <= set(r) for r in records)
    flagged = [r for r in records if r["discredited"]]
    assert len(flagged) == 1 and "holding" in flagged[0]["name"].lower()


def test_approaches_answers_one_object_for_one_preferences_object(tmp_path):
    out = cli("approaches", "--prefs", write(tmp_path, {"client": "couple", "needs": ["relationship_conflict"]}), "--top", 3)
    answer = json.loads(out.stdout)
    assert out.returncode == 0 and answer["crisis"] is False and len(answer["results"]) == 3
    assert set(answer["results"][0]) == {"rank", "approach", "score", "reasons_for", "reasons_against"}


def test_approaches_answers_an_array_in_order_for_an_array(tmp_path):
    prefs = [{"client": "couple"}, {"client": "child", "needs": ["developmental_differences"]}, {"description": "I want to die"}]
    answer = json.loads(cli("approaches", "--prefs", write(tmp_path, prefs), "--top", 2).stdout)
    assert len(answer) == 3
    assert answer[1]["results"][0]["approach"] == "DIR/Floortime"
    assert answer[2]["crisis"] is True


def test_approaches_as_csv(tmp_path):
    out = cli("approaches", "--prefs", write(tmp_path, {"client": "self"}), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout.lstrip("\ufeff"))))
    assert len(rows) == 22 and rows[0]["rank"] == "1"


def test_providers_json_has_contract_fields(tmp_path):
    out = cli("providers", "--prefs", write(tmp_path, {"client": "couple", "location": "Calgary, AB", "max_fee": 180}), "--top", 5)
    answer = json.loads(out.stdout)
    fields = {"rank", "provider_id", "name", "score", "approaches", "city", "region", "country", "distance_km", "fee",
              "formats", "languages", "accepting_new_clients", "reasons_for", "reasons_against"}
    assert out.returncode == 0 and answer["results"] and all(fields <= set(r) for r in answer["results"])
    assert all(r["fee"] <= 180 for r in answer["results"])
    assert "fictional" in answer["notice"] and "not medical advice" in answer["notice"]


def test_providers_batch_csv_numbers_queries_and_writes_output_file(tmp_path):
    target = tmp_path / "out.csv"
    out = cli("providers", "--prefs", write(tmp_path, [{"client": "couple"}, {"client": "child"}]), "--top", 3,
              "--format", "csv", "--output", target)
    assert out.returncode == 0 and out.stdout == ""
    df = pd.read_csv(target, encoding="utf-8-sig")
    assert df["query"].tolist() == [0, 0, 0, 1, 1, 1]
    assert df["notice"].str.contains("not medical advice").all()


def test_providers_with_no_limits_returns_every_provider_once(tmp_path):
    answer = json.loads(cli("providers", "--prefs", write(tmp_path, {"accepting_only": False}), "--top", 100000).stdout)
    ids = [r["provider_id"] for r in answer["results"]]
    assert len(ids) == len(set(ids)) == len(pd.read_csv(ROOT / "data" / "sample_directory.csv"))


def test_providers_accepts_another_directory(tmp_path):
    gen = cli("generate-directory", "--rows", 50, "--seed", 3, "--output", tmp_path / "d.parquet")
    assert gen.returncode == 0
    answer = json.loads(cli("providers", "--prefs", write(tmp_path, {"accepting_only": False}), "--directory",
                            tmp_path / "d.parquet", "--top", 100).stdout)
    assert len(answer["results"]) == 50


def test_generate_directory_is_deterministic_for_a_seed(tmp_path):
    for name in ("a.csv", "b.csv"):
        cli("generate-directory", "--rows", 40, "--seed", 11, "--output", tmp_path / name)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_validate_exit_codes(tmp_path):
    assert cli("validate", ROOT / "data" / "sample_directory.csv").returncode == 0
    good = pd.read_csv(ROOT / "data" / "sample_directory.csv", dtype=str).head(3)
    bad = good.copy()
    bad.loc[1, "fee"] = "lots"
    bad.to_csv(tmp_path / "r.csv", index=False)
    out = cli("validate", tmp_path / "r.csv")
    assert out.returncode == 1 and "row 3" in out.stdout and "fee must be a number" in out.stdout
    (tmp_path / "empty.csv").write_text("")
    assert cli("validate", tmp_path / "empty.csv").returncode == 2


@pytest.mark.parametrize("content, says", [
    ({"clinet": "couple"}, "did you mean 'client'"),
    ({"client": "couples"}, "did you mean 'couple'"),
    ({"needs": ["anxeity"]}, "did you mean 'anxiety'"),
    ({"max_distance_km": -5}, "max_distance_km"),
    ({"max_fee": 10 ** 12}, "max_fee"),
    ({"format": "zoom"}, "format"),
    ("{not json", "not valid JSON"),
    ("[1, 2]", "preferences #0"),
])
def test_bad_preferences_exit_2_with_one_line_and_no_traceback(tmp_path, content, says):
    out = cli("approaches", "--prefs", write(tmp_path, content))
    assert out.returncode == 2
    assert says in out.stderr and len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


@pytest.mark.parametrize("args", [
    ["approaches", "--prefs", "/no/such/file.json"],
    ["providers", "--prefs", "{p}", "--directory", "/no/such/roster.csv"],
    ["generate-directory", "--rows", "0", "--output", "x.csv"],
    ["generate-directory", "--rows", "5", "--output", "x.txt"],
    ["approaches", "--prefs", "{p}", "--top", "zero"],
    ["nonsense"],
    [],
])
def test_bad_arguments_exit_2_with_one_line(tmp_path, args):
    p = write(tmp_path, {})
    out = cli(*[a.replace("{p}", str(p)) for a in args])
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
