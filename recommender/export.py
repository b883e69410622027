"""CSV that is safe to open in a spreadsheet, and the shortlist format the page exports and re-imports.

Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) get a leading apostrophe (OWASP's CSV-injection advice); re-import removes it again. Files are
UTF-8 with a byte-order mark so Excel reads accents and non-Latin text correctly.
"""
from __future__ import annotations

import io

import numpy as np
import pandas as pd

from .safety import notices

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEP = "; "
SHORTLIST_COLUMNS = ["kind", "rank", "provider_id", "name", "score", "approaches", "city", "region", "country",
                     "distance_km", "fee", "formats", "languages", "accepting_new_clients", "reasons_for",
                     "reasons_against", "email", "phone", "website", "notes", "notice"]


def neutralise(value):
    """Make one cell inert: a text cell that starts like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore(value):
    """Undo `neutralise` on re-import."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def flatten(df: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with '; ', missing values blank: one spreadsheet cell per value."""
    out = df.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
            out[col] = out[col].map(lambda v: LIST_SEP.join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else v)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Flattened, neutralised, UTF-8 with BOM."""
    safe = flatten(df).apply(lambda col: col.map(neutralise))
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, lineterminator="\r\n")   # RFC 4180; quotes any cell holding \r or \n
    return buffer.getvalue().encode("utf-8-sig")


def notice_for(sample: bool) -> str:
    n = notices()
    return (n["sample_data"] + " " if sample else "") + n["not_medical_advice"]


def shortlist_frame(approaches: pd.DataFrame, providers: pd.DataFrame, notes: dict[str, str]) -> pd.DataFrame:
    """Shortlisted approaches and providers in one table (`kind` tells which), with the person's notes."""
    rows = []
    for rec in approaches.to_dict("records"):
        rows.append({"kind": "approach", "rank": rec.get("rank"), "provider_id": "", "name": rec["approach"],
                     "score": rec.get("score"), "approaches": [rec["approach"]], "reasons_for": rec.get("reasons_for", []),
                     "reasons_against": rec.get("reasons_against", []), "notes": notes.get(rec["approach"], ""),
                     "notice": notice_for(False)})
    for rec in providers.to_dict("records"):
        row = {c: rec.get(c) for c in SHORTLIST_COLUMNS if c in rec}
        row.update({"kind": "provider", "notes": notes.get(str(rec["provider_id"]), ""),
                    "notice": notice_for(bool(rec.get("sample")))})
        rows.append(row)
    return pd.DataFrame(rows, columns=SHORTLIST_COLUMNS)


def shortlist_csv(approaches: pd.DataFrame, providers: pd.DataFrame, notes: dict[str, str]) -> bytes:
    return to_csv_bytes(shortlist_frame(approaches, providers, notes))


SHORTLIST_LISTS = ["approaches", "formats", "languages", "reasons_for", "reasons_against"]


def read_shortlist(data: bytes) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Shortlisted approaches and providers (rows as exported) and the notes, keyed by approach name or
    provider id. ValueError with a plain reason if the file is not a shortlist."""
    try:
        df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except Exception as exc:
        raise ValueError(f"this is not a shortlist CSV ({str(exc).splitlines()[0][:120]})") from None
    if not {"kind", "name", "provider_id"} <= set(df.columns):
        raise ValueError("it needs the kind, name and provider_id columns of a shortlist exported from this page")
    df = df.apply(lambda col: col.map(restore))
    for col in SHORTLIST_LISTS:
        if col in df:
            df[col] = df[col].map(lambda v: [x for x in v.split(LIST_SEP) if x] if v else [])
    for col in ("score", "fee", "distance_km", "rank"):
        if col in df:
            df[col] = pd.to_numeric(df[col], errors="coerce")
    if "accepting_new_clients" in df:
        df["accepting_new_clients"] = df["accepting_new_clients"].str.lower().eq("true")
    notes_col = df["notes"] if "notes" in df else pd.Series([""] * len(df), index=df.index)
    approaches = df[df["kind"] == "approach"].rename(columns={"name": "approach"})
    approaches = approaches[["rank", "approach", "score", "reasons_for", "reasons_against"]].reset_index(drop=True)
    providers = df[df["kind"] == "provider"].drop(columns=["kind", "notes", "notice"], errors="ignore").reset_index(drop=True)
    notes = {}
    for kind, name, pid, note in zip(df["kind"], df["name"], df["provider_id"], notes_col):
        if note:
            notes[name if kind == "approach" else pid] = note
    return approaches, providers, notes
