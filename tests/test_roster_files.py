"""Roster files as they really arrive: encodings, separators, quoting, blank lines, odd shapes, big files."""
import io

import pandas as pd
import pytest

from recommender.directory import DirectoryError, load_directory, read_table, validate

HEADER = ["provider_id", "name", "city", "region", "country", "approaches", "populations", "formats", "languages", "fee"]
ROWS = [["r1", "Clinique Hélène Côté", "Montréal", "QC", "CA", "CBT; EFT", "self; couple", "in_person; online", "French; English", "130"],
        ["r2", "Zoë's Practice, Inc.", "Calgary", "AB", "CA", "Gottman", "couple", "online", "English", "150"]]


def load_bytes(data: bytes, name="roster.csv"):
    return load_directory(io.BytesIO(data), name=name)


def csv_text(sep=",", quote_all=False):
    buf = io.StringIO()
    pd.DataFrame(ROWS, columns=HEADER).to_csv(buf, index=False, sep=sep, quoting=1 if quote_all else 0)
    return buf.getvalue()


def check_two_rows(result):
    d = result.directory
    assert d["provider_id"].tolist() == ["r1", "r2"]
    assert d.loc[0, "name"] == "Clinique Hélène Côté" and d.loc[1, "name"] == "Zoë's Practice, Inc."
    assert d.loc[0, "approaches"] == ["Cognitive Behavioral Therapy (CBT)", "Emotionally Focused Therapy (EFT)"]


def test_utf8_with_and_without_bom():
    check_two_rows(load_bytes(csv_text().encode("utf-8")))
    check_two_rows(load_bytes(csv_text().encode("utf-8-sig")))


def test_windows_1252():
    check_two_rows(load_bytes(csv_text().encode("cp1252")))


def test_semicolon_separated_with_excel_style_quoting():
    check_two_rows(load_bytes(csv_text(sep=";", quote_all=True).encode("utf-8")))


def test_excel_style_doubled_quotes_and_embedded_newlines():
    data = ('provider_id,name,city,region,country,approaches,populations,formats,languages,fee\n'
            'q1,"The ""Calm"" Room\nSuite 2",Calgary,AB,CA,CBT,self,online,English,90\n').encode()
    assert load_bytes(data).directory.loc[0, "name"] == 'The "Calm" Room\nSuite 2'


def test_blank_lines_and_trailing_empty_columns():
    text = csv_text().replace("\n", ",,\n").replace("fee,,", "fee,,")
    text = text.replace("\n", "\n\n", 1)
    check_two_rows(load_bytes(text.encode()))


def test_header_only_file_is_a_clear_message():
    with pytest.raises(DirectoryError, match="header but no provider rows"):
        load_bytes((",".join(HEADER) + "\n").encode())


def test_empty_file_is_a_clear_message():
    with pytest.raises(DirectoryError, match="empty"):
        load_bytes(b"")
    with pytest.raises(DirectoryError, match="empty"):
        load_bytes(b"   \n\n")


def test_binary_file_renamed_csv_is_a_clear_message():
    with pytest.raises(DirectoryError, match="binary"):
        load_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_excel_and_parquet_rosters_load(tmp_path):
    df = pd.DataFrame(ROWS, columns=HEADER)
    df.to_excel(tmp_path / "r.xlsx", index=False)
    df.to_parquet(tmp_path / "r.parquet", index=False)
    check_two_rows(load_directory(tmp_path / "r.xlsx"))
    check_two_rows(load_directory(tmp_path / "r.parquet"))


def test_a_damaged_excel_file_is_a_clear_message():
    with pytest.raises(DirectoryError, match="could not read the file as Excel"):
        load_bytes(b"PK\x03\x04 not really a workbook", name="r.xlsx")


def test_a_50_mb_roster_loads_and_reports_progress():
    from recommender.generator import generate_directory
    base = generate_directory(20_000, seed=3).drop(columns=["lat", "lon"])
    chunk = base.to_csv(index=False).encode()
    body = chunk.split(b"\n", 1)[1]
    copies = -(-50_000_000 // len(body))
    data = chunk + body * (copies - 1)
    assert len(data) >= 50_000_000
    seen = []
    result = load_directory(io.BytesIO(data), name="big.csv", progress=lambda f, m: seen.append(f))
    assert len(result.directory) == 20_000          # every copy repeats the ids: later copies are duplicates
    assert result.rejected == 20_000 * (copies - 1)
    assert (result.report["reason"].str.contains("repeats an earlier row")).all()
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_every_rejected_row_has_a_number_and_reason_and_valid_rows_survive():
    raw = read_table(io.BytesIO(csv_text().encode()), "r.csv")
    bad = pd.concat([raw, pd.DataFrame([["r3", "No Fee", "Calgary", "AB", "CA", "CBT", "self", "online", "English", ""]],
                                       columns=HEADER)], ignore_index=True)
    result = validate(bad)
    assert result.directory["provider_id"].tolist() == ["r1", "r2"]
    assert result.report.to_dict("records") == [
        {"row": 4, "provider_id": "r3", "status": "rejected", "reason": "fee must be a number (got '')"}]
