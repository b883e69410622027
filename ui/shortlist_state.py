"""The shortlist, kept in st.session_state only (never on the server's disk)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

NOTE_PREFIX = "note::"


def items() -> dict[str, dict]:
    """key -> {"kind": "approach" | "provider", "row": result row}; insertion order is the person's order."""
    return st.session_state.setdefault("shortlist", {})


def add(kind: str, key: str, row: dict) -> None:
    items()[key] = {"kind": kind, "row": row}


def remove(key: str) -> None:
    items().pop(key, None)
    st.session_state.pop(NOTE_PREFIX + key, None)


def contains(key: str) -> bool:
    return key in items()


def notes() -> dict[str, str]:
    return {k: st.session_state.get(NOTE_PREFIX + k, "") for k in items() if st.session_state.get(NOTE_PREFIX + k)}


def frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = items().values()
    approaches = pd.DataFrame([i["row"] for i in rows if i["kind"] == "approach"],
                              columns=["rank", "approach", "score", "reasons_for", "reasons_against"])
    providers = pd.DataFrame([i["row"] for i in rows if i["kind"] == "provider"])
    return approaches, providers


def restore(approaches: pd.DataFrame, providers: pd.DataFrame, saved_notes: dict[str, str]) -> None:
    for row in approaches.to_dict("records"):
        add("approach", row["approach"], row)
    for row in providers.to_dict("records"):
        add("provider", str(row["provider_id"]), row)
    for key, note in saved_notes.items():
        st.session_state[NOTE_PREFIX + key] = note
