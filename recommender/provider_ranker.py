"""Ranking providers in a directory for a person's preferences and practical limits.

`fit` encodes the directory once (sparse one-hot matrices for approaches, concerns and languages,
boolean columns for populations and formats, a haversine BallTree over coordinates). A query is then
pure numpy/scipy: boolean masks for every limit, a sparse row-max for approach fit, `argpartition`
for the top k. Reasons are written only for the k rows returned.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.neighbors import BallTree
from sklearn.preprocessing import MultiLabelBinarizer

from .approach_ranker import ApproachRanker
from .catalogue import load_catalogue
from .explanations import Sentences, provider_reasons
from .directory import plan_accepted
from .geography import EARTH_RADIUS_KM, LocationError, resolve
from .preferences import Preferences
from .safety import check
from .vocabulary import load_vocabulary

DEFAULT_DISTANCE_KM = 50.0
LIST_COLUMNS = ["approaches", "populations", "concerns", "formats", "languages", "insurance"]
OUTPUT_COLUMNS = ["rank", "provider_id", "name", "score", "approaches", "city", "region", "country", "distance_km", "fee",
                  "formats", "languages", "accepting_new_clients", "reasons_for", "reasons_against", "populations",
                  "sliding_scale", "insurance", "credentials", "email", "phone", "website", "bio", "lat", "lon", "sample"]


class ProviderRanker:
    """Rank the providers of a directory; the approach scores come from an ApproachRanker."""

    def __init__(self, approach_ranker: ApproachRanker | None = None, approach_weight: float = 0.7,
                 concern_weight: float = 0.1, proximity_weight: float = 0.1, fee_weight: float = 0.1,
                 default_distance_km: float = DEFAULT_DISTANCE_KM):
        self.approach_ranker = approach_ranker
        self.approach_weight = approach_weight
        self.concern_weight = concern_weight
        self.proximity_weight = proximity_weight
        self.fee_weight = fee_weight
        self.default_distance_km = default_distance_km

    def fit(self, directory: pd.DataFrame) -> "ProviderRanker":
        vocab = load_vocabulary()
        self.approach_ranker_ = self.approach_ranker or ApproachRanker().fit(load_catalogue())
        self.directory_ = directory.reset_index(drop=True)
        d = self.directory_
        self.approach_names_ = list(self.approach_ranker_.names_)
        self.approaches_ = MultiLabelBinarizer(classes=self.approach_names_, sparse_output=True).fit_transform(d["approaches"]).tocsr().astype(np.float32)
        self.concerns_ = MultiLabelBinarizer(classes=list(vocab.needs), sparse_output=True).fit_transform(d["concerns"]).tocsr().astype(np.float32)
        self.languages_ = MultiLabelBinarizer(classes=list(vocab.languages), sparse_output=True).fit_transform(d["languages"]).tocsc()
        self.populations_ = MultiLabelBinarizer(classes=list(vocab.clients)).fit_transform(d["populations"]).astype(bool)
        plans = MultiLabelBinarizer(sparse_output=True)
        self.insurance_ = plans.fit_transform(d["insurance"]).tocsc()
        self.insurance_plans_ = [str(p) for p in plans.classes_]
        formats = MultiLabelBinarizer(classes=["in_person", "online"]).fit_transform(d["formats"]).astype(bool)
        self.in_person_, self.online_ = formats[:, 0], formats[:, 1]
        self.fee_ = d["fee"].to_numpy(dtype=float)
        self.sliding_ = d["sliding_scale"].to_numpy(dtype=bool)
        self.accepting_ = d["accepting_new_clients"].to_numpy(dtype=bool)
        coords = d[["lat", "lon"]].to_numpy(dtype=float)
        located = ~np.isnan(coords).any(axis=1)
        self.tree_rows_ = np.flatnonzero(located)
        self.tree_ = BallTree(np.radians(coords[located]), metric="haversine") if located.any() else None
        return self

    # ---- limits -------------------------------------------------------------------------
    def _distances(self, place, radius_km: float) -> np.ndarray:
        """km to every provider within the radius; NaN elsewhere (BallTree radius query)."""
        distance = np.full(len(self.directory_), np.nan)
        if place is not None and self.tree_ is not None:
            point = np.radians([[place.lat, place.lon]])
            idx, dist = self.tree_.query_radius(point, r=radius_km / EARTH_RADIUS_KM, return_distance=True)
            distance[self.tree_rows_[idx[0]]] = dist[0] * EARTH_RADIUS_KM
        return distance

    def limits(self, prefs: Preferences, place=None, language: str = "en") -> tuple[dict[str, np.ndarray], np.ndarray, float | None]:
        """One boolean mask per practical limit (named as a person would say it), the distances and the radius."""
        vocab = load_vocabulary()
        say = Sentences(language)
        n = len(self.directory_)
        masks: dict[str, np.ndarray] = {}
        if prefs.accepting_only:
            masks[say("limit_accepting")] = self.accepting_
        if prefs.client:
            masks[say("limit_client", group=say.label("client_groups", prefs.client))] = \
                self.populations_[:, list(vocab.clients).index(prefs.client)]
        radius = (prefs.max_distance_km or self.default_distance_km) if place is not None else None
        distance = self._distances(place, radius) if place is not None else np.full(n, np.nan)
        near = self.in_person_ & (~np.isnan(distance) if place is not None else True)
        if prefs.format == "in_person":
            masks[say("limit_in_person_within", km=f"{radius:g}") if radius else say("limit_in_person")] = near
        elif prefs.format == "online":
            masks[say("limit_online")] = self.online_
        elif place is not None:
            masks[say("limit_either", km=f"{radius:g}")] = near | self.online_
        either = f" {say('or')} "
        if prefs.languages:
            cols = [list(vocab.languages).index(lang) for lang in prefs.languages]
            masks[say("limit_languages", languages=either.join(say.label("languages", x) for x in prefs.languages))] = \
                np.asarray(self.languages_[:, cols].sum(axis=1)).ravel() > 0
        if prefs.max_fee is not None:
            masks[say("limit_fee", fee=f"{prefs.max_fee:g}")] = self.fee_ <= prefs.max_fee
        if prefs.sliding_scale:
            masks[say("limit_sliding")] = self.sliding_
        if prefs.insurance:
            cols = self.plans_matching(prefs.insurance)
            masks[say("limit_insurance", plans=either.join(prefs.insurance))] = (
                np.asarray(self.insurance_[:, cols].sum(axis=1)).ravel() > 0 if cols else np.zeros(n, dtype=bool))
        if prefs.approaches:
            cols = [self.approach_names_.index(a) for a in prefs.approaches]
            masks[say("limit_approaches", approaches=either.join(say.approach(a) for a in prefs.approaches))] = \
                np.asarray(self.approaches_[:, cols].sum(axis=1)).ravel() > 0
        distance = np.where(near, distance, np.nan)
        return masks, distance, radius

    def plans_matching(self, wanted) -> list[int]:
        """Columns of the directory's plans that any wanted plan names (case- and accent-insensitive,
        either way round, so "EAP" finds "Employee assistance program (EAP)")."""
        return [i for i, plan in enumerate(self.insurance_plans_) if plan_accepted(plan, wanted)]

    @staticmethod
    def filter_counts(masks: dict[str, np.ndarray], failed: np.ndarray) -> pd.DataFrame:
        """How many providers each limit removed (in order) and how many would match without it.

        `failed` counts, per provider, the limits it fails: a provider matches without limit L exactly
        when it fails nothing, or fails L alone. So each figure is one pass, not one pass per pair."""
        keep = np.ones(len(failed), dtype=bool)
        rows = []
        for name, mask in masks.items():
            before = int(keep.sum())
            keep &= mask
            without = int(((failed == 0) | ((failed == 1) & ~mask)).sum())
            rows.append({"limit": name, "removed": before - int(keep.sum()), "matches_without_it": without})
        return pd.DataFrame(rows, columns=["limit", "removed", "matches_without_it"])

    # ---- ranking ------------------------------------------------------------------------
    def rank(self, prefs: Preferences, top: int = 20, approach_scores: pd.Series | None = None,
             language: str = "en") -> pd.DataFrame:
        """The top providers with reasons. `attrs`: crisis, warnings, filter_counts, total, matched."""
        safety = check(prefs, language)
        say = Sentences(language)
        warnings = list(safety.warnings)
        place = None
        if prefs.location:
            try:
                place = resolve(prefs.location)
            except LocationError as exc:
                hint = say("did_you_mean", options=f" {say('or')} ".join(exc.suggestions)) if exc.suggestions else ""
                warnings.append(say("warn_unknown_city", place=exc.place or prefs.location, hint=hint))
        elif prefs.format == "in_person":
            warnings.append(say("warn_no_city"))
        scores = approach_scores if approach_scores is not None else self.approach_ranker_.scores(prefs)
        s = scores.reindex(self.approach_names_).to_numpy(dtype=np.float32)

        masks, distance, radius = self.limits(prefs, place, language)
        n = len(self.directory_)
        failed = np.zeros(n, dtype=np.int8)
        for m in masks.values():
            failed += ~m
        keep = failed == 0
        rows = np.flatnonzero(keep)

        approach_fit = self.approaches_[rows].multiply(s).max(axis=1).toarray().ravel()
        need_ids = list(load_vocabulary().needs)
        needs = np.zeros(len(need_ids), dtype=np.float32)
        needs[[need_ids.index(x) for x in prefs.needs]] = 1.0
        concern_fit = (self.concerns_[rows] @ needs) / needs.sum() if needs.any() else np.zeros(len(rows))
        d = distance[rows]
        proximity = np.where(~np.isnan(d), 1 - np.nan_to_num(d) / (radius or 1), 0.5)
        ceiling = prefs.max_fee * 1.5 if prefs.max_fee else 350.0
        fee_fit = np.clip(1 - self.fee_[rows] / max(ceiling, 1.0), 0, 1)
        score = (self.approach_weight * approach_fit + self.concern_weight * concern_fit
                 + self.proximity_weight * proximity + self.fee_weight * fee_fit)
        score = np.round(np.clip(score, 0, 1), 12)   # rounding makes ties exact, so they break by row order

        k = min(top, len(rows))
        if k < len(rows):
            # argpartition finds the k-th best score; every row at least that good is a candidate, so
            # ties at the cut are settled by row order (as a stable sort would), not arbitrarily.
            kth = -np.partition(-score, k - 1)[k - 1]
            candidates = np.flatnonzero(score >= kth)
        else:
            candidates = np.arange(len(rows))
        order = candidates[np.lexsort((rows[candidates], -score[candidates]))][:k]
        picked = rows[order]

        out = self.directory_.iloc[picked].copy()
        for col in LIST_COLUMNS:   # a reloaded index keeps Arrow arrays; people and JSON get plain lists
            if col in out:
                out[col] = [list(v) if v is not None else [] for v in out[col]]
        out.insert(0, "rank", np.arange(1, len(picked) + 1))
        out["score"] = np.round(score[order], 4)
        out["distance_km"] = [None if np.isnan(x) else round(float(x), 1) for x in distance[picked]]
        approach_rank = {name: i + 1 for i, name in enumerate(scores.sort_values(ascending=False, kind="stable").index)}
        reasons = [provider_reasons(row, prefs, approach_rank, place, radius, language)
                   for row in out.assign(distance_km=distance[picked]).to_dict("records")]
        out["reasons_for"] = [r[0] for r in reasons]
        out["reasons_against"] = [r[1] for r in reasons]
        out = out.reindex(columns=OUTPUT_COLUMNS).reset_index(drop=True)
        out.attrs = {"crisis": safety.crisis, "warnings": warnings, "filter_counts": self.filter_counts(masks, failed),
                     "total": n, "matched": int(keep.sum()), "place": place,
                     "radius_km": radius}
        return out
