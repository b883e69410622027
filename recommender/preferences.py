"""A person's preferences: what they tell the page or put in a preferences file.

Validated against the vocabulary on the way in, so every later step can trust the values; bad input
raises PreferencesError with a one-line reason that names the key and the closest allowed value.
"""
from __future__ import annotations

import difflib
import math
from dataclasses import asdict, dataclass, field, fields

from .vocabulary import load_vocabulary

MAX_TEXT = 5000  # characters of free text read; the rest is ignored (and said so)
MAX_FEE = 100_000
MAX_DISTANCE_KM = 20_000


class PreferencesError(ValueError):
    """Preferences that cannot be used; the message is meant for the person or script that sent them."""


@dataclass(frozen=True)
class Preferences:
    client: str | None = None
    needs: tuple[str, ...] = ()
    description: str = ""
    wants: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    wants_text: str = ""
    avoid_text: str = ""
    location: str = ""
    max_distance_km: float | None = None
    format: str = "either"
    languages: tuple[str, ...] = ()
    max_fee: float | None = None
    sliding_scale: bool = False
    insurance: tuple[str, ...] = ()      # plans or benefits the person wants to use (any one suffices)
    accepting_only: bool = True
    approaches: tuple[str, ...] = ()   # only providers offering one of these (page: "chosen approaches")
    attachment_style: str | None = None  # from the self-check, only when the person opts in
    notes: tuple[str, ...] = field(default=(), compare=False)  # things we changed while reading (truncation)

    @property
    def free_text(self) -> str:
        return " \n ".join(t for t in (self.description, self.wants_text) if t)

    @classmethod
    def from_dict(cls, raw: object) -> "Preferences":
        if not isinstance(raw, dict):
            raise PreferencesError("preferences must be a JSON object of keys such as \"client\" and \"needs\"")
        vocab = load_vocabulary()
        known = {f.name for f in fields(cls)} - {"notes"}
        for key in raw:
            if key not in known:
                raise PreferencesError(f"unknown key {key!r}{_hint(key, known)}")
        notes: list[str] = []
        kw: dict[str, object] = {}
        if raw.get("client") is not None:
            kw["client"] = _one_of("client", raw["client"], vocab.clients)
        for key, allowed in (("needs", vocab.needs), ("wants", vocab.wants), ("avoid", vocab.avoid),
                             ("languages", vocab.languages), ("approaches", vocab.approaches)):
            if raw.get(key) is not None:
                kw[key] = _list_of(key, raw[key], allowed)
        for key in ("description", "wants_text", "avoid_text", "location"):
            if raw.get(key) is not None:
                if not isinstance(raw[key], str):
                    raise PreferencesError(f"{key!r} must be text")
                text = raw[key].replace("\x00", " ")
                if len(text) > MAX_TEXT:
                    notes.append(f"Only the first {MAX_TEXT:,} characters of {key.replace('_', ' ')} were read.")
                    text = text[:MAX_TEXT]
                kw[key] = text.strip()
        if raw.get("attachment_style") is not None:
            from .attachment import styles
            kw["attachment_style"] = _one_of("attachment_style", raw["attachment_style"], styles())
        if raw.get("format") is not None:
            kw["format"] = _one_of("format", raw["format"], vocab.formats)
        if raw.get("max_distance_km") is not None:
            kw["max_distance_km"] = _number("max_distance_km", raw["max_distance_km"], low=0, high=MAX_DISTANCE_KM, strict=True)
        if raw.get("max_fee") is not None:
            kw["max_fee"] = _number("max_fee", raw["max_fee"], low=0, high=MAX_FEE)
        if raw.get("insurance") is not None:
            plans = [raw["insurance"]] if isinstance(raw["insurance"], str) else raw["insurance"]
            if not isinstance(plans, list) or not all(isinstance(p, str) and 0 < len(p.strip()) <= 200 for p in plans):
                raise PreferencesError("'insurance' must be a list of plan names (each 1 to 200 characters)")
            kw["insurance"] = tuple(dict.fromkeys(p.strip() for p in plans))
        for key in ("sliding_scale", "accepting_only"):
            if raw.get(key) is not None:
                if not isinstance(raw[key], bool):
                    raise PreferencesError(f"{key!r} must be true or false")
                kw[key] = raw[key]
        return cls(**kw, notes=tuple(notes))

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("notes")
        return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


def _hint(value: str, allowed) -> str:
    close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1, cutoff=0.5)
    if not close:
        lowered = {str(a).lower(): a for a in allowed}
        close = [lowered[str(value).lower()]] if str(value).lower() in lowered else []
    return f" (did you mean {close[0]!r}?)" if close else ""


def _one_of(key: str, value: object, allowed) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise PreferencesError(f"{key!r} cannot be {value!r}{_hint(value, allowed)}; allowed: {', '.join(allowed)}")
    return value


def _list_of(key: str, value: object, allowed) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise PreferencesError(f"{key!r} must be a list")
    for item in value:
        if not isinstance(item, str) or item not in allowed:
            raise PreferencesError(f"{key!r} has {item!r}, which is not in the {key} vocabulary{_hint(item, allowed)}")
    return tuple(dict.fromkeys(value))


def _number(key: str, value: object, low: float, high: float, strict: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise PreferencesError(f"{key!r} must be a number")
    if value < low or (strict and value == low):
        raise PreferencesError(f"{key!r} must be {'more than' if strict else 'at least'} {low:g}, not {value:g}")
    if value > high:
        raise PreferencesError(f"{key!r} must be at most {high:,.0f}, not {value:,.0f}")
    return float(value)
