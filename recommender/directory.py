"""Loading a provider directory (the bundled sample or a clinic's own roster) and validating it.

A declared pandera schema checks columns, types and ranges; lists are split on `;` and mapped onto
the vocabulary (approach near misses to the canonical name, with a note). Bad rows are reported with
their spreadsheet row number (the header is row 1) and a reason, and every valid row still loads.
"""
from __future__ import annotations

import csv
import io
import re
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
        """Rows rejected (a row with several problems counts once)."""
        return int(self.report.loc[self.report["status"] == "rejected", "row"].nunique()) if len(self.report) else 0


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


def _items(cell: str) -> list[str]:
    """'a; b ;c' -> ['a', 'b', 'c'] (also accepts ',' and '|' between items)."""
    return [i for i in re.split(r"\s*[;|,]\s*", cell.strip()) if i]


def _parse_cells(cells: pd.Series, parse) -> tuple[pd.Series, pd.Series]:
    """Apply `parse(cell) -> (items, notes)` once per distinct cell text, then map back to every row.

    Rosters repeat the same few list cells endlessly, so this is what keeps a million rows fast."""
    codes, distinct = pd.factorize(cells.fillna("").astype(str))
    parsed = [parse(cell) for cell in distinct]
    items = np.empty(len(parsed), dtype=object)
    items[:] = [p[0] for p in parsed]
    notes = np.array(["; ".join(p[1]) for p in parsed], dtype=object)
    return pd.Series(items[codes], index=cells.index), pd.Series(notes[codes], index=cells.index)


def _approach_parser():
    recommendable = set(load_vocabulary().approaches)

    def parse(cell: str) -> tuple[list[str], list[str]]:
        out, notes = [], []
        for item in _items(cell):
            name, near = canonical_approach(item)
            if name is None:
                notes.append(f"ignored unknown approach {item!r}")
            elif name not in recommendable:
                notes.append(f"ignored {item!r}: a discredited practice this tool never lists")
            else:
                if near:
                    notes.append(f"read approach {item!r} as {name!r}")
                out.append(name)
        return list(dict.fromkeys(out)), notes
    return parse


def _vocabulary_parser(column: str, allowed, synonyms: dict[str, str]):
    lookup = {fold(a): a for a in allowed} | {fold(k): v for k, v in synonyms.items()}
    known: dict[str, str | None] = {}   # item as written -> vocabulary id (None: unknown), one fold per item

    def parse(cell: str) -> tuple[list[str], list[str]]:
        items = _items(cell)
        for x in items:
            if x not in known:
                known[x] = lookup.get(fold(x))
        bad = [x for x in items if known[x] is None]
        notes = [f"ignored unknown {column} {', '.join(map(repr, bad))}"] if bad else []
        return list(dict.fromkeys(known[x] for x in items if known[x] is not None)), notes
    return parse


def plan_accepted(plan: str, wanted) -> bool:
    """Whether a provider's insurance plan is one the person named: case- and accent-insensitive, either
    way round, so "EAP" finds "Employee assistance program (EAP)". The one rule the ranker, its reasons
    and the baseline share."""
    plan = fold(plan)
    return any(fold(w) in plan or plan in fold(w) for w in wanted)


def _to_bool(series: pd.Series, default: bool) -> tuple[pd.Series, pd.Series]:
    text = series.fillna("").astype(str).str.strip().str.lower()
    known = text.isin(TRUE_WORDS | FALSE_WORDS)
    values = text.isin(TRUE_WORDS).where(text != "", default)
    return values.astype(bool), ~known


def _problems(index, status: str, reasons) -> pd.DataFrame:
    """Report rows for the given spreadsheet rows; `reasons` is one text or one per row."""
    return pd.DataFrame({"row": np.asarray(index, dtype=np.int64), "status": status,
                         "reason": reasons if isinstance(reasons, str) else np.asarray(reasons, dtype=object)})


def validate(raw: pd.DataFrame, progress=None) -> LoadResult:
    """Check a raw roster; return the valid rows (typed, lists split, coordinates filled) and the report.

    `progress(fraction, message)`, if given, is called between stages (the page shows a progress bar)."""
    step = progress or (lambda fraction, message: None)
    vocab = load_vocabulary()
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise DirectoryError(f"missing required column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    if raw.empty:
        raise DirectoryError("the file has a header but no provider rows")
    step(0.1, "Checking columns and values")
    df = raw.copy().reset_index(drop=True)
    df.index = df.index + 2          # spreadsheet row numbers: the header is row 1
    for col in ("country", "region"):
        df[col] = df[col].astype(str).str.strip().str.upper()
    df["country"] = df["country"].replace({k.upper(): v for k, v in COUNTRY_WORDS.items()})
    for col in ("lat", "lon"):
        if col in df:
            df[col] = df[col].replace("", np.nan)
    problems: list[pd.DataFrame] = []

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
            cases = cases.drop_duplicates(["index", "column"])
            problems.append(_problems(cases["index"].astype(int), "rejected", [_describe(c) for _, c in cases.iterrows()]))
            df = df.drop(index=list(set(cases["index"].astype(int)) & set(df.index)))

    dup = df["provider_id"].duplicated(keep="first")
    problems.append(_problems(df.index[dup], "rejected", "provider_id " + df.loc[dup, "provider_id"].map(repr) + " repeats an earlier row"))
    df = df[~dup]

    step(0.4, "Reading approaches, populations, formats and languages")
    parsers = {
        "approaches": _approach_parser(),
        "populations": _vocabulary_parser("populations", vocab.clients, POPULATION_WORDS),
        "formats": _vocabulary_parser("formats", ["in_person", "online"], FORMAT_WORDS),
        "languages": _vocabulary_parser("languages", vocab.languages, {}),
        "concerns": _vocabulary_parser("concerns", vocab.needs, {}),
        "insurance": lambda cell: (_items(cell), []),
    }
    for col, parse in parsers.items():
        items, notes = _parse_cells(df[col] if col in df else pd.Series("", index=df.index), parse)
        df[col] = items
        if col != "concerns":
            has = notes.str.len() > 0
            problems.append(_problems(df.index[has], "note", notes[has]))
    empty = df["approaches"].str.len().eq(0)
    problems.append(_problems(df.index[empty], "rejected", "no approach we recognise in 'approaches'"))
    lacking = pd.DataFrame({c: df[c].str.len().eq(0) for c in ("populations", "formats", "languages")})
    no_list = lacking.any(axis=1) & ~empty
    if no_list.any():
        which = lacking[no_list].apply(lambda r: ", ".join(c for c in r.index if r[c]), axis=1)
        problems.append(_problems(df.index[no_list], "rejected", "nothing usable in " + which
                                  + f" (allowed populations: {', '.join(vocab.clients)}; formats: in_person, online)"))
    df = df[~(empty | no_list)]

    for col, default in (("accepting_new_clients", True), ("sliding_scale", False), ("sample", False)):
        if col in df:
            df[col], unknown = _to_bool(df[col], default)
            problems.append(_problems(df.index[unknown], "note", f"{col} value not understood; read as {default}"))
        else:
            df[col] = default
    for col in ("gender", "credentials", "bio", "email", "phone", "website"):
        df[col] = df[col].fillna("").astype(str) if col in df else ""

    step(0.7, "Finding cities")
    if "lat" not in df or "lon" not in df:
        df["lat"], df["lon"] = np.nan, np.nan
    need = df["lat"].isna() | df["lon"].isna()
    if need.any():
        found = locate_rows(df.loc[need, "city"], df.loc[need, "region"], df.loc[need, "country"])
        df.loc[need, "lat"] = found["lat"]
        df.loc[need, "lon"] = found["lon"]
    unknown = df["lat"].isna() | df["lon"].isna()
    in_person = df["formats"].map(lambda f: "in_person" in f) if unknown.any() else pd.Series(False, index=df.index)
    place = "unknown city " + df["city"] + ", " + df["region"] + ", " + df["country"]
    problems.append(_problems(df.index[unknown & in_person], "rejected",
                              place[unknown & in_person] + " (not in the offline city list; add lat and lon columns)"))
    problems.append(_problems(df.index[unknown & ~in_person], "note", place[unknown & ~in_person] + "; kept as online-only"))
    df = df[~(unknown & in_person)]

    step(0.9, "Writing the report")
    report = pd.concat([p for p in problems if len(p)], ignore_index=True) if any(len(p) for p in problems) \
        else pd.DataFrame({"row": pd.Series(dtype=np.int64), "status": pd.Series(dtype=object), "reason": pd.Series(dtype=object)})
    ids = raw["provider_id"].astype(str).to_numpy()
    report.insert(1, "provider_id", ids[report["row"].to_numpy(dtype=np.int64) - 2] if len(report) else [])
    report = report.sort_values(["row", "status"], kind="stable").reset_index(drop=True)
    columns = REQUIRED + [c for c in OPTIONAL if c in df]
    directory = df[columns].reset_index(drop=True)
    step(1.0, "Done")
    return LoadResult(directory, report, rows_read=len(raw))


def _describe(case: pd.Series) -> str:
    column, check, value = case["column"], str(case["check"]), case["failure_case"]
    if check.startswith(("coerce_dtype", "dtype(")):
        return f"{column} must be a number (got {value!r})"
    if check == "not_nullable":
        return f"{column} is empty"
    return f"{column} {check} (got {value!r})"


def load_directory(source=None, name: str = "", progress=None) -> LoadResult:
    """Read and validate a roster (path or file-like); the bundled sample when `source` is None."""
    if source is None:
        source = SAMPLE_DIRECTORY
    if isinstance(source, (str, Path)) and not Path(source).exists():
        raise DirectoryError(f"no such file: {source}")
    if progress:
        progress(0.0, "Reading the file")
    return validate(read_table(source, name), progress=progress)
