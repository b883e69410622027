"""Loading a provider directory (the bundled sample or a clinic's own roster) and validating it.

A declared pandera schema checks columns, types and ranges; lists are split on `;` and mapped onto
the vocabulary (approach near misses to the canonical name, with a note). Bad rows are reported with
their spreadsheet row number (the header is row 1) and a reason, and every valid row still loads.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from .catalogue import canonical_approach, fold
from .data_files import SAMPLE_DIRECTORY
from .geography import COUNTRY_WORDS, locate_rows
from .vocabulary import load_vocabulary

REQUIRED = ["provider_id", "name", "city", "region", "country", "approaches", "populations", "formats", "languages", "fee"]
OPTIONAL = ["lat", "lon", "concerns", "sliding_scale", "insurance", "accepting_new_clients", "gender", "credentials",
            "bio", "email", "phone", "website", "sample"]
LIST_COLUMNS = ["approaches", "populations", "formats", "languages", "concerns", "insurance"]
FORMAT_WORDS = {"in_person": "in_person", "in person": "in_person", "in-person": "in_person", "office": "in_person",
                "online": "online", "video": "online", "virtual": "online", "telehealth": "online", "remote": "online"}
POPULATION_WORDS = {"adult": "self", "adults": "self", "individual": "self", "individuals": "self", "couples": "couple",
                    "children": "child", "kids": "child", "teen": "adolescent", "teens": "adolescent",
                    "adolescents": "adolescent", "families": "family"}
TRUE_WORDS = {"true", "yes", "y", "1", "t", "oui"}
FALSE_WORDS = {"false", "no", "n", "0", "f", "non", ""}
MAX_REPORT_ROWS = 10_000


class DirectoryError(ValueError):
    """A file that cannot be used at all (unreadable, empty, missing required columns)."""


@dataclass
class LoadResult:
    directory: pd.DataFrame     # valid rows, lists as Python lists
    report: pd.DataFrame        # row, provider_id, status ("rejected" / "note"), reason
    rows_read: int

    @property
    def rejected(self) -> int:
        return int((self.report["status"] == "rejected").sum()) if len(self.report) else 0


def _schema() -> pa.DataFrameSchema:
    text = dict(dtype=str, nullable=False, coerce=True)
    nonblank = pa.Check(lambda s: s.str.strip().str.len() > 0, element_wise=False, error="is blank")
    return pa.DataFrameSchema(
        {
            "provider_id": pa.Column(checks=[nonblank], **text),
            "name": pa.Column(checks=[nonblank], **text),
            "city": pa.Column(checks=[nonblank], **text),
            "region": pa.Column(checks=[nonblank], **text),
            "country": pa.Column(checks=[pa.Check.str_matches(r"^[A-Z]{2}$", error="must be a two-letter ISO country code such as CA or US")], **text),
            "approaches": pa.Column(checks=[nonblank], **text),
            "populations": pa.Column(checks=[nonblank], **text),
            "formats": pa.Column(checks=[nonblank], **text),
            "languages": pa.Column(checks=[nonblank], **text),
            "fee": pa.Column(float, checks=[pa.Check.ge(0, error="must be 0 or more"), pa.Check.le(100_000, error="must be at most 100,000")],
                             nullable=False, coerce=True),
            "lat": pa.Column(float, checks=[pa.Check.in_range(-90, 90, error="must be between -90 and 90")], nullable=True, coerce=True, required=False),
            "lon": pa.Column(float, checks=[pa.Check.in_range(-180, 180, error="must be between -180 and 180")], nullable=True, coerce=True, required=False),
        },
        strict=False,
    )


def read_table(source, name: str = "") -> pd.DataFrame:
    """Read CSV (any common encoding or separator), Excel .xlsx or Parquet into a table of text cells."""
    name = (name or str(source)).lower()
    data = source.read() if hasattr(source, "read") else Path(source).read_bytes()
    if not data.strip():
        raise DirectoryError("the file is empty")
    try:
        if name.endswith(".parquet"):
            df = pd.read_parquet(io.BytesIO(data))
        elif name.endswith((".xlsx", ".xlsm")):
            df = pd.read_excel(io.BytesIO(data), dtype=str)
        else:
            df = _read_csv(data)
    except DirectoryError:
        raise
    except Exception as exc:  # every reader has its own errors; the person needs one sentence
        raise DirectoryError(f"could not read the file as {'Parquet' if name.endswith('.parquet') else 'Excel' if name.endswith(('.xlsx', '.xlsm')) else 'CSV'}: {str(exc).splitlines()[0][:200]}") from None
    df.columns = [str(c).strip().lower().lstrip("\ufeff") for c in df.columns]
    df = df.loc[:, [c for c in df.columns if c and not c.startswith("unnamed:")]]
    return df


def _read_csv(data: bytes) -> pd.DataFrame:
    if b"\x00" in data[:4096]:
        raise DirectoryError("this does not look like a text CSV file (it contains binary data)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 leaves five bytes undefined; latin-1 reads anything
        text = data.decode("latin-1")
    sample = text[:65536]
    try:
        sep = csv.Sniffer().sniff(sample.splitlines()[0] if sample else ",", delimiters=",;\t|").delimiter
    except csv.Error:
        sep = ","
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=True)


def _split(series: pd.Series) -> pd.Series:
    """'a; b ;c' -> ['a', 'b', 'c'] per row (accepts ',' and '|' as separators too)."""
    return series.fillna("").astype(str).str.split(r"\s*[;|,]\s*", regex=True).map(lambda items: [i for i in items if i])


def _to_bool(series: pd.Series, default: bool) -> tuple[pd.Series, pd.Series]:
    text = series.fillna("").astype(str).str.strip().str.lower()
    known = text.isin(TRUE_WORDS | FALSE_WORDS)
    values = text.isin(TRUE_WORDS).where(text != "", default)
    return values.astype(bool), ~known


def validate(raw: pd.DataFrame) -> LoadResult:
    """Check a raw roster; return the valid rows (typed, lists split, coordinates filled) and the report."""
    vocab = load_vocabulary()
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise DirectoryError(f"missing required column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    if raw.empty:
        raise DirectoryError("the file has a header but no provider rows")
    df = raw.copy().reset_index(drop=True)
    df.index = df.index + 2          # spreadsheet row numbers: the header is row 1
    for col in ("country", "region"):
        df[col] = df[col].astype(str).str.strip().str.upper()
    df["country"] = df["country"].map(lambda c: COUNTRY_WORDS.get(c.lower(), c))
    for col in ("lat", "lon"):
        if col in df:
            df[col] = df[col].replace("", np.nan)
    problems: list[tuple[int, str, str]] = []

    # pandera skips a column's value checks when the column fails to coerce, so validate until clean.
    schema = _schema()
    while True:
        try:
            df = schema.validate(df, lazy=True)
            break
        except pa.errors.SchemaErrors as err:
            cases = err.failure_cases.dropna(subset=["index"])
            if cases.empty:
                raise DirectoryError(str(err.failure_cases.iloc[0]["check"])) from None
            for _, case in cases.drop_duplicates(["index", "column"]).iterrows():
                problems.append((int(case["index"]), "rejected", _describe(case)))
            df = df.drop(index=list(set(cases["index"].astype(int)) & set(df.index)))

    dup = df["provider_id"].duplicated(keep="first")
    for i in df.index[dup]:
        problems.append((i, "rejected", f"provider_id {df.at[i, 'provider_id']!r} repeats an earlier row"))
    df = df[~dup]

    for col in LIST_COLUMNS:
        df[col] = _split(df[col]) if col in df else [[] for _ in range(len(df))]
    df["approaches"], notes, empty = _map_approaches(df["approaches"])
    problems += notes
    df["populations"], bad_pop = _map_vocabulary(df["populations"], set(vocab.clients), POPULATION_WORDS)
    df["formats"], bad_fmt = _map_vocabulary(df["formats"], {"in_person", "online"}, FORMAT_WORDS)
    lang_lookup = {fold(lang): lang for lang in vocab.languages}
    df["languages"], bad_lang = _map_vocabulary(df["languages"], set(vocab.languages), lang_lookup)
    df["concerns"], _ = _map_vocabulary(df["concerns"], set(vocab.needs), {})
    for i in df.index[empty]:
        problems.append((i, "rejected", "no approach we recognise in 'approaches'"))
    for column, bad in (("populations", bad_pop), ("formats", bad_fmt), ("languages", bad_lang)):
        for i, values in bad.items():
            problems.append((i, "note", f"ignored unknown {column} {', '.join(map(repr, values))}"))
    no_list = df["populations"].str.len().eq(0) | df["formats"].str.len().eq(0) | df["languages"].str.len().eq(0)
    for i in df.index[no_list & ~empty]:
        which = [c for c in ("populations", "formats", "languages") if not df.at[i, c]]
        problems.append((i, "rejected", f"nothing usable in {', '.join(which)} (allowed populations: {', '.join(vocab.clients)}; formats: in_person, online)"))
    df = df[~(empty | no_list)]

    for col, default in (("accepting_new_clients", True), ("sliding_scale", False), ("sample", False)):
        if col in df:
            df[col], unknown = _to_bool(df[col], default)
            for i in df.index[unknown]:
                problems.append((i, "note", f"{col} value not understood; read as {default}"))
        else:
            df[col] = default
    for col in ("gender", "credentials", "bio", "email", "phone", "website"):
        df[col] = df[col].fillna("").astype(str) if col in df else ""

    if "lat" not in df or "lon" not in df:
        df["lat"], df["lon"] = np.nan, np.nan
    need = df["lat"].isna() | df["lon"].isna()
    if need.any():
        found = locate_rows(df.loc[need, "city"], df.loc[need, "region"], df.loc[need, "country"])
        df.loc[need, "lat"] = found["lat"]
        df.loc[need, "lon"] = found["lon"]
    unknown = df["lat"].isna() | df["lon"].isna()
    in_person = df["formats"].map(lambda f: "in_person" in f)
    for i in df.index[unknown & in_person]:
        problems.append((i, "rejected", f"unknown city {df.at[i, 'city']}, {df.at[i, 'region']}, {df.at[i, 'country']} (not in the offline city list; add lat and lon columns)"))
    for i in df.index[unknown & ~in_person]:
        problems.append((i, "note", f"unknown city {df.at[i, 'city']}, {df.at[i, 'region']}, {df.at[i, 'country']}; kept as online-only"))
    df = df[~(unknown & in_person)]

    report = pd.DataFrame(problems, columns=["row", "status", "reason"])
    ids = raw["provider_id"].astype(str).reset_index(drop=True)
    report.insert(1, "provider_id", report["row"].map(lambda r: ids.iat[r - 2] if 0 <= r - 2 < len(ids) else ""))
    report = report.sort_values(["row", "status"], kind="stable").reset_index(drop=True)
    columns = REQUIRED + [c for c in OPTIONAL if c in df]
    directory = df[columns].reset_index(drop=True)
    return LoadResult(directory, report, rows_read=len(raw))


def _describe(case: pd.Series) -> str:
    column, check, value = case["column"], str(case["check"]), case["failure_case"]
    if check.startswith(("coerce_dtype", "dtype(")):
        return f"{column} must be a number (got {value!r})"
    if check == "not_nullable":
        return f"{column} is empty"
    return f"{column} {check} (got {value!r})"


def _map_approaches(lists: pd.Series) -> tuple[pd.Series, list[tuple[int, str, str]], pd.Series]:
    """Canonical approach names, one lookup per distinct spelling; discredited practices are refused."""
    distinct = {item for items in lists for item in items}
    mapping = {item: canonical_approach(item) for item in distinct}
    recommendable = set(load_vocabulary().approaches)
    notes: list[tuple[int, str, str]] = []
    mapped = []
    for i, items in lists.items():
        out = []
        for item in items:
            name, near = mapping[item]
            if name is None:
                notes.append((i, "note", f"ignored unknown approach {item!r}"))
            elif name not in recommendable:
                notes.append((i, "note", f"ignored {item!r}: a discredited practice this tool never lists"))
            else:
                if near:
                    notes.append((i, "note", f"read approach {item!r} as {name!r}"))
                out.append(name)
        mapped.append(list(dict.fromkeys(out)))
    result = pd.Series(mapped, index=lists.index, dtype=object)
    return result, notes, result.str.len().eq(0)


def _map_vocabulary(lists: pd.Series, allowed: set[str], synonyms: dict[str, str]) -> tuple[pd.Series, dict[int, list[str]]]:
    lookup = {fold(a): a for a in allowed} | {fold(k): v for k, v in synonyms.items()}
    unknown: dict[int, list[str]] = {}
    mapped = []
    for i, items in lists.items():
        out = [lookup[fold(x)] for x in items if fold(x) in lookup]
        bad = [x for x in items if fold(x) not in lookup]
        if bad:
            unknown[i] = bad
        mapped.append(list(dict.fromkeys(out)))
    return pd.Series(mapped, index=lists.index, dtype=object), unknown


def load_directory(source=None, name: str = "") -> LoadResult:
    """Read and validate a roster (path or file-like); the bundled sample when `source` is None."""
    if source is None:
        source = SAMPLE_DIRECTORY
    if isinstance(source, (str, Path)) and not Path(source).exists():
        raise DirectoryError(f"no such file: {source}")
    return validate(read_table(source, name))
