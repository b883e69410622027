"""Match quality on realistic cases (benchmarks/cases/approach_cases.json), model vs. a plain baseline.

Figures, for the tuning half and the held-out half separately: hit@1, hit@3, mean reciprocal rank,
must-not-first violations, crisis recall and false-alarm rate. The baseline is TF-IDF of the case's
text against the catalogue's text with cosine similarity, nothing else, measured in the same run.

    .venv/bin/python benchmarks/quality.py                 # every split, model and baseline
    .venv/bin/python benchmarks/quality.py --misses        # also list the cases the model gets wrong
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recommender import ApproachRanker, Preferences, load_catalogue, load_vocabulary  # noqa: E402

CASES = ROOT / "benchmarks" / "cases" / "approach_cases.json"
BASELINE_CRISIS_WORDS = ("suicid", "kill myself", "want to die", "self-harm", "self harm")


def load_cases() -> list[dict]:
    return json.loads(CASES.read_text())["cases"]


def case_text(prefs: dict) -> str:
    """Everything the person said or picked, as text (what the baseline gets)."""
    vocab = load_vocabulary()
    parts = [prefs.get("description", ""), prefs.get("wants_text", ""), prefs.get("avoid_text", "")]
    if prefs.get("client"):
        parts.append(vocab.clients[prefs["client"]])
    parts += [vocab.needs[n] for n in prefs.get("needs", [])] + [vocab.wants[q] for q in prefs.get("wants", [])]
    return " ".join(p for p in parts if p)


class Baseline:
    """TF-IDF of the case text against each approach's catalogue text; cosine similarity; nothing else."""

    def __init__(self):
        catalogue = load_catalogue()
        docs = catalogue.apply(lambda r: " ".join([r["name"], r["summary"], *r["good_fit"], r["session"]]), axis=1)
        self.names = list(catalogue.index)
        self.vectorizer = TfidfVectorizer(stop_words="english").fit(docs)
        self.docs = normalize(self.vectorizer.transform(docs))

    def rank(self, prefs: dict) -> tuple[list[str], bool]:
        text = case_text(prefs)
        sims = (self.docs @ normalize(self.vectorizer.transform([text])).T).toarray().ravel()
        order = np.lexsort((np.arange(len(sims)), -sims))
        return [self.names[i] for i in order], any(w in text.lower() for w in BASELINE_CRISIS_WORDS)


class Model:
    def __init__(self, **params):
        self.ranker = ApproachRanker(**params).fit(load_catalogue())

    def rank(self, prefs: dict) -> tuple[list[str], bool]:
        result = self.ranker.rank(Preferences.from_dict(prefs))
        return result["approach"].tolist(), bool(result.attrs["crisis"])


def evaluate(system, cases: list[dict]) -> tuple[dict, pd.DataFrame]:
    rows = []
    for case in cases:
        ranking, crisis = system.rank(case["prefs"])
        good = case["good"]
        first = next((i for i, name in enumerate(ranking) if name in good), None)
        rows.append({"id": case["id"], "top3": ranking[:3], "hit1": ranking[0] in good,
                     "hit3": any(name in good for name in ranking[:3]), "rr": 1 / (first + 1) if first is not None else 0.0,
                     "violation": ranking[0] in case["must_not_be_first"], "crisis_label": case["crisis"], "crisis": crisis})
    df = pd.DataFrame(rows)
    risky, calm = df[df.crisis_label], df[~df.crisis_label]
    figures = {"cases": len(df), "hit@1": df.hit1.mean(), "hit@3": df.hit3.mean(), "MRR": df.rr.mean(),
               "must_not_first_violations": int(df.violation.sum()),
               "crisis_recall": risky.crisis.mean() if len(risky) else float("nan"),
               "false_alarm_rate": calm.crisis.mean() if len(calm) else float("nan")}
    return figures, df


def report(splits: list[str], misses: bool = False, params: dict | None = None) -> dict:
    cases = load_cases()
    systems = {"model": Model(**(params or {})), "baseline": Baseline()}
    results = {}
    for split in splits:
        chosen = [c for c in cases if c["split"] == split]
        for name, system in systems.items():
            figures, detail = evaluate(system, chosen)
            results[(split, name)] = figures
            if misses and name == "model":
                wrong = detail[~detail.hit3 | detail.violation | (detail.crisis != detail.crisis_label)]
                for row in wrong.itertuples():
                    print(f"  miss [{split}] {row.id}: top3={row.top3} crisis={row.crisis}/{row.crisis_label}")
    return results


def print_table(results: dict) -> None:
    keys = ["cases", "hit@1", "hit@3", "MRR", "must_not_first_violations", "crisis_recall", "false_alarm_rate"]
    print("| half | system | " + " | ".join(keys) + " |")
    print("|---|---|" + "---|" * len(keys))
    for (split, name), fig in results.items():
        cells = [f"{fig[k]:.3f}" if isinstance(fig[k], float) else str(fig[k]) for k in keys]
        print(f"| {split} | {name} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["tune", "holdout", "fresh", "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="list the cases the model gets wrong")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    splits = ["tune", "holdout", "fresh"] if args.split == "all" else [args.split]
    results = report(splits, misses=args.misses)
    if args.json:
        print(json.dumps({f"{s}/{n}": f for (s, n), f in results.items()}))
    else:
        print_table(results)


if __name__ == "__main__":
    main()
