"""The baseline the fast path is measured against: provider ranking written the way typical small
recommenders do it, one pandas row at a time (DataFrame.apply), then filter and sort.

It computes the same score as ProviderRanker, so the two must return the same ranking; only the
speed differs. Kept in benchmarks/ (the test suite imports it to check they agree).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from recommender.directory import plan_accepted
from recommender.geography import EARTH_RADIUS_KM, resolve


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def naive_rank(directory: pd.DataFrame, prefs, approach_scores: pd.Series, top: int = 20,
               default_distance_km: float = 50.0, weights=(0.7, 0.1, 0.1, 0.1)) -> pd.DataFrame:
    place = resolve(prefs.location) if prefs.location else None
    radius = (prefs.max_distance_km or default_distance_km) if place else None
    scores = approach_scores.astype(np.float32).to_dict()
    needs = set(prefs.needs)
    ceiling = prefs.max_fee * 1.5 if prefs.max_fee else 350.0

    def score_row(row):
        if prefs.accepting_only and not row["accepting_new_clients"]:
            return np.nan
        if prefs.client and prefs.client not in row["populations"]:
            return np.nan
        distance = np.nan
        if place is not None and "in_person" in row["formats"] and not (pd.isna(row["lat"]) or pd.isna(row["lon"])):
            d = _km(place.lat, place.lon, row["lat"], row["lon"])
            distance = d if d <= radius else np.nan
        near = "in_person" in row["formats"] and (place is None or not np.isnan(distance))
        if prefs.format == "in_person" and not near:
            return np.nan
        if prefs.format == "online" and "online" not in row["formats"]:
            return np.nan
        if prefs.format == "either" and place is not None and not (near or "online" in row["formats"]):
            return np.nan
        if prefs.languages and not set(prefs.languages) & set(row["languages"]):
            return np.nan
        if prefs.max_fee is not None and row["fee"] > prefs.max_fee:
            return np.nan
        if prefs.sliding_scale and not row["sliding_scale"]:
            return np.nan
        if prefs.approaches and not set(prefs.approaches) & set(row["approaches"]):
            return np.nan
        if prefs.insurance and not any(plan_accepted(p, prefs.insurance) for p in row["insurance"]):
            return np.nan
        approach_fit = max(float(scores.get(a, 0.0)) for a in row["approaches"])
        concern_fit = len(needs & set(row["concerns"])) / len(needs) if needs else 0.0
        proximity = 1 - distance / radius if not np.isnan(distance) else 0.5
        fee_fit = min(max(1 - row["fee"] / max(ceiling, 1.0), 0.0), 1.0)
        w = weights
        return min(max(w[0] * approach_fit + w[1] * concern_fit + w[2] * proximity + w[3] * fee_fit, 0.0), 1.0)

    scored = directory.assign(score=directory.apply(score_row, axis=1)).dropna(subset=["score"])
    scored = scored.assign(order=np.arange(len(scored)))
    return scored.sort_values(["score", "order"], ascending=[False, True]).head(top)[["provider_id", "score"]]
