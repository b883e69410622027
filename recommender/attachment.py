"""The attachment self-check: score the questionnaire in data/attachment_check.toml into attachment
anxiety and avoidance, read them as a style, and say which needs that style adds when a person opts in.

A reflection aid, not a diagnosis: the styles are the quadrants around the scale's midpoint.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data_files import load_toml


@dataclass(frozen=True)
class AttachmentResult:
    anxiety: float
    avoidance: float
    style: str   # secure, anxious, avoidant or fearful


def questionnaire() -> dict:
    return load_toml("attachment_check.toml")


def styles() -> list[str]:
    return list(questionnaire()["style"])


def score(answers: list[int]) -> AttachmentResult:
    """Answers in item order, each from scale_min to scale_max; ValueError otherwise."""
    q = questionnaire()
    items = q["item"]
    if len(answers) != len(items):
        raise ValueError(f"expected {len(items)} answers, got {len(answers)}")
    values = np.asarray(answers, dtype=float)
    if ((values < q["scale_min"]) | (values > q["scale_max"])).any() or not np.all(values == np.round(values)):
        raise ValueError(f"answers must be whole numbers from {q['scale_min']} to {q['scale_max']}")
    reverse = np.array([item["reverse"] for item in items])
    keyed = np.where(reverse, q["scale_min"] + q["scale_max"] - values, values)
    subscale = np.array([item["subscale"] for item in items])
    anxiety = float(keyed[subscale == "anxiety"].mean())
    avoidance = float(keyed[subscale == "avoidance"].mean())
    high_anx, high_avo = anxiety > q["cut"], avoidance > q["cut"]
    style = {(False, False): "secure", (True, False): "anxious", (False, True): "avoidant", (True, True): "fearful"}[(high_anx, high_avo)]
    return AttachmentResult(round(anxiety, 3), round(avoidance, 3), style)


def style_needs(style: str) -> list[str]:
    return list(questionnaire()["style"][style]["needs"])
