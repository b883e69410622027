"""Ranking therapy approaches for a person's preferences.

Approaches and preferences share one feature space: the concerns an approach targets and the needs a
person has (MultiLabelBinarizer over the need vocabulary), who it is for, its quality levels (what
people want or avoid), and its text (TF-IDF over words and character n-grams, so typos still match).
The score is a weighted blend of those fits, times a strong prior for who the therapy is for, minus a
penalty for each quality the person wants to avoid. Each component is returned, so the page can
chart what drove a match and the explanations can say it in words.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import MultiLabelBinarizer, normalize

from .attachment import style_needs
from .explanations import approach_reasons
from .preferences import Preferences
from .safety import check
from .text import TextSignals, read_text
from .vocabulary import load_vocabulary

COMPONENTS = ["needs", "words", "wants", "evidence"]
# Words too common in how people describe therapy to say anything about an approach.
EXTRA_STOP_WORDS = ["want", "wants", "wanted", "feel", "feels", "feeling", "like", "really", "just", "therapy", "therapist",
                    "help", "need", "needs", "honestly", "know", "think", "im", "dont", "don", "ve", "lot", "things", "thing",
                    "way", "time", "sure", "maybe", "work", "sessions", "session"]
CORE_CONCERNS = 3           # an approach's first concerns are what it is built for
CONCERN_DECAY = 0.08        # each later concern counts a little less ...
MIN_CONCERN_WEIGHT = 0.55   # ... down to this


@dataclass
class Query:
    """A person's preferences encoded in the catalogue's feature space."""
    prefs: Preferences
    signals: TextSignals
    needs: np.ndarray        # weight per need id
    wants: np.ndarray        # weight per quality id
    avoid: np.ndarray        # weight per quality id
    text: object             # sparse TF-IDF row (or None)
    client_hint: np.ndarray  # weight per client id read from text, used when no client was picked
    from_self_check: tuple[str, ...] = ()  # needs added by the attachment self-check (opt-in)
    words: object = None     # word TF-IDF row of the person's text, for the "your words match" reasons


class ApproachRanker:
    """Rank the approach catalogue for one person's preferences.

    Parameters are the blend weights; the defaults are the tuned ones (see benchmarks/quality.py).
    """

    def __init__(self, need_weight: float = 0.5, text_weight: float = 0.2, want_weight: float = 0.3,
                 evidence_weight: float = 0.06, avoid_penalty: float = 0.22, client_mismatch: float = 0.3,
                 hint_mismatch: float = 0.75, text_ceiling: float = 0.25):
        self.need_weight = need_weight
        self.text_weight = text_weight
        self.want_weight = want_weight
        self.evidence_weight = evidence_weight
        self.avoid_penalty = avoid_penalty
        self.client_mismatch = client_mismatch
        self.hint_mismatch = hint_mismatch
        self.text_ceiling = text_ceiling

    # ---- learning the catalogue -----------------------------------------------------------
    def fit(self, catalogue: pd.DataFrame) -> "ApproachRanker":
        vocab = load_vocabulary()
        self.catalogue_ = catalogue[~catalogue["discredited"]]
        self.names_ = np.array(self.catalogue_.index)
        self.need_ids_ = list(vocab.needs)
        self.quality_ids_ = list(vocab.qualities)
        self.client_ids_ = list(vocab.clients)
        binary = MultiLabelBinarizer(classes=self.need_ids_).fit_transform(self.catalogue_["concerns"]).astype(float)
        self.concerns_ = binary * self._concern_weights(self.catalogue_["concerns"], self.need_ids_)
        self.populations_ = MultiLabelBinarizer(classes=self.client_ids_).fit_transform(self.catalogue_["populations"]).astype(float)
        qualities = DictVectorizer(sparse=False).fit(self.catalogue_["qualities"].tolist() + [{q: 0.0 for q in self.quality_ids_}])
        q = qualities.transform(self.catalogue_["qualities"].tolist())
        self.qualities_ = q[:, [qualities.vocabulary_[k] for k in self.quality_ids_]]
        documents = self.catalogue_.apply(self._document, axis=1, vocab=vocab)
        self.text_encoder_ = FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), stop_words=list(ENGLISH_STOP_WORDS.union(EXTRA_STOP_WORDS)), sublinear_tf=True, strip_accents="unicode")),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, strip_accents="unicode")),
        ]).fit(documents)
        self.documents_ = normalize(self.text_encoder_.transform(documents))
        self.word_documents_ = self.text_encoder_.transformer_list[0][1].transform(documents)
        self.word_terms_ = self.text_encoder_.transformer_list[0][1].get_feature_names_out()
        self.evidence_ = self.qualities_[:, self.quality_ids_.index("evidence_based")]
        return self

    @staticmethod
    def _concern_weights(concerns: pd.Series, need_ids: list[str]) -> np.ndarray:
        """How central each concern is to each approach, from its place in the catalogue's ordered list."""
        weights = np.zeros((len(concerns), len(need_ids)))
        for row, listed in enumerate(concerns):
            rank = np.arange(len(listed))
            weights[row, [need_ids.index(c) for c in listed]] = np.maximum(
                MIN_CONCERN_WEIGHT, 1 - CONCERN_DECAY * np.maximum(0, rank - CORE_CONCERNS + 1))
        return weights

    @staticmethod
    def _document(rec: pd.Series, vocab) -> str:
        concerns = " ".join(vocab.needs[c] for c in rec["concerns"])
        return " ".join([rec["name"], *rec["aliases"], rec["summary"], *rec["good_fit"], concerns])

    # ---- encoding a person ----------------------------------------------------------------
    def encode(self, prefs: Preferences) -> Query:
        signals = read_text(prefs.description, prefs.wants_text, prefs.avoid_text)
        from_check = tuple(n for n in style_needs(prefs.attachment_style) if n not in prefs.needs) if prefs.attachment_style else ()
        needs = self._weights(self.need_ids_, prefs.needs + from_check, signals.needs)
        wants = self._weights(self.quality_ids_, prefs.wants, signals.wants)
        avoid = self._weights(self.quality_ids_, prefs.avoid, signals.avoid)
        text = normalize(self.text_encoder_.transform([prefs.free_text])) if prefs.free_text else None
        words = self.text_encoder_.transformer_list[0][1].transform([prefs.free_text]) if prefs.free_text else None
        hint = self._weights(self.client_ids_, (), signals.clients)
        return Query(prefs, signals, needs, wants, avoid, text, hint, from_check, words)

    @staticmethod
    def _weights(ids: list[str], picked, read: dict[str, float]) -> np.ndarray:
        w = np.array([read.get(i, 0.0) for i in ids])
        w[[ids.index(p) for p in picked]] = 1.0
        return w

    # ---- scoring --------------------------------------------------------------------------
    def components(self, query: Query) -> pd.DataFrame:
        """Per approach: how well each signal fits (0..1), the client factor, the avoid penalty and the score."""
        def share(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
            total = weights.sum()
            return matrix @ weights / total if total > 0 else np.zeros(len(matrix))

        fits = {
            "needs": share(self.concerns_, query.needs),
            "words": np.clip((self.documents_ @ query.text.T).toarray().ravel() / self.text_ceiling, 0, 1)
                     if query.text is not None else np.zeros(len(self.names_)),
            "wants": share(self.qualities_, query.wants),
            "evidence": self.evidence_,
        }
        weights = {
            "needs": self.need_weight if query.needs.any() else 0.0,
            "words": self.text_weight if query.text is not None else 0.0,
            "wants": self.want_weight if query.wants.any() else 0.0,
            "evidence": self.evidence_weight,
        }
        total = sum(weights.values())
        relevance = sum(weights[k] * fits[k] for k in COMPONENTS) / total
        client = query.prefs.client
        if client:
            fit = self.populations_[:, self.client_ids_.index(client)]
            factor = np.where(fit > 0, 1.0, self.client_mismatch)
        elif query.client_hint.any():
            fit = (self.populations_ * query.client_hint).max(axis=1)
            factor = self.hint_mismatch + (1 - self.hint_mismatch) * fit
        else:
            factor = np.ones(len(self.names_))
        penalty = self.avoid_penalty * (self.qualities_ @ query.avoid)
        score = np.clip(relevance * factor - penalty, 0.0, 1.0)
        table = pd.DataFrame({k: fits[k] * weights[k] / total for k in COMPONENTS}, index=self.names_)
        table["client_factor"] = factor
        table["avoid_penalty"] = penalty
        table["score"] = score
        return table

    def scores(self, prefs: Preferences) -> pd.Series:
        """Score of every approach, catalogue order (the provider ranker's input)."""
        return self.components(self.encode(prefs))["score"]

    def rank(self, prefs: Preferences, top: int | None = None, language: str = "en") -> pd.DataFrame:
        """Ranked approaches with reasons (in `language`); `attrs` carries the crisis flag and warnings."""
        query = self.encode(prefs)
        comp = self.components(query)
        scores = comp["score"].to_dict()   # unrounded, catalogue order: what a provider ranking needs
        order = np.lexsort((np.arange(len(comp)), -comp["score"].to_numpy().round(12)))
        comp = comp.iloc[order[:top] if top else order]
        rows = []
        for rank, (name, c) in enumerate(comp.iterrows(), start=1):
            rec = self.catalogue_.loc[name]
            reasons_for, reasons_against = approach_reasons(self, query, name, rec, c, language)
            rows.append({"rank": rank, "approach": name, "score": round(float(c["score"]), 4),
                         "reasons_for": reasons_for, "reasons_against": reasons_against,
                         **{f"fit_{k}": round(float(c[k]), 4) for k in COMPONENTS},
                         "client_factor": round(float(c["client_factor"]), 4),
                         "avoid_penalty": round(float(c["avoid_penalty"]), 4)})
        out = pd.DataFrame(rows, columns=["rank", "approach", "score", "reasons_for", "reasons_against",
                                          *[f"fit_{k}" for k in COMPONENTS], "client_factor", "avoid_penalty"])
        safety = check(prefs, language)
        out.attrs = {"crisis": safety.crisis, "warnings": list(safety.warnings), "scores": scores}
        return out
