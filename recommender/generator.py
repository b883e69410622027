"""A deterministic generator of fictional provider directories (the bundled sample and scale tests).

Every provider is invented: names from made-up parts, contacts on `.example` domains and 555-01xx
numbers, and a `sample` flag on every row. Generation is vectorized: lists are drawn as boolean
matrices and turned into text once per distinct combination, so a million rows take seconds.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .data_files import load_toml
from .geography import locate_rows
from .vocabulary import load_vocabulary

KM_PER_DEGREE = 111.0


def _join_sets(mask: np.ndarray, labels: list[str], sep: str = "; ") -> np.ndarray:
    """Row-wise join of the labels whose column is set, computed once per distinct combination."""
    keys = mask.astype(np.int64) @ (np.int64(1) << np.arange(mask.shape[1], dtype=np.int64))
    unique, inverse = np.unique(keys, return_inverse=True)
    text = np.array([sep.join(labels[b] for b in range(len(labels)) if (k >> b) & 1) for k in unique], dtype=object)
    return text[inverse]


def _draw(rng: np.random.Generator, probs: np.ndarray, at_least_one: bool = True) -> np.ndarray:
    """Independent draws per cell; rows with nothing drawn get their most likely column."""
    mask = rng.random(probs.shape, dtype=np.float32) < probs
    if at_least_one:
        empty = ~mask.any(axis=1)
        mask[empty, np.argmax(probs[empty] * rng.random(probs[empty].shape, dtype=np.float32), axis=1)] = True
    return mask


def generate_directory(rows: int, seed: int = 7) -> pd.DataFrame:
    """A fictional directory of `rows` providers; the same seed always gives the same rows."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    cfg = load_toml("generator.toml")
    vocab = load_vocabulary()
    rng = np.random.default_rng(seed)

    cities = pd.DataFrame(cfg["cities"])
    cities[["lat", "lon"]] = locate_rows(cities["city"], cities["region"], cities["country"]).to_numpy()
    city = rng.choice(len(cities), size=rows, p=(cities["weight"] / cities["weight"].sum()).to_numpy())
    country = cities["country"].to_numpy()[city]

    profiles = cfg["profile"]
    weights = np.array([p["weight"] for p in profiles], dtype=float)
    profile = rng.choice(len(profiles), size=rows, p=weights / weights.sum())

    approach_names = list(vocab.approaches)
    approach_p = np.array([[p["approaches"].get(a, 0.0) for a in approach_names] for p in profiles], dtype=np.float32)
    approaches = _join_sets(_draw(rng, approach_p[profile]), approach_names)

    need_ids = list(vocab.needs)
    concern_p = np.array([[0.4 if n in p["concerns"] else 0.0 for n in need_ids] for p in profiles], dtype=np.float32)
    concerns = _join_sets(_draw(rng, concern_p[profile]), need_ids)

    populations = np.array(["; ".join(p["populations"]) for p in profiles], dtype=object)[profile]

    online_only = rng.random(rows) < cfg["online_only_share"]
    in_person_only = ~online_only & (rng.random(rows) < 0.25)
    formats = np.where(online_only, "online", np.where(in_person_only, "in_person", "in_person; online")).astype(object)

    languages = list(vocab.languages)
    lang_p = np.tile(np.array([cfg["languages"].get(lang, 0.0) for lang in languages], dtype=np.float32), (len(cities), 1))
    for i, extra in enumerate(cities.get("languages", pd.Series([None] * len(cities)))):
        for lang in extra if isinstance(extra, list) else []:
            lang_p[i, languages.index(lang)] = cfg["city_language_share"]
    french_first = cities["region"].eq("QC").to_numpy()
    lang_p[french_first, languages.index("English")] = 0.6
    lang_p[french_first, languages.index("French")] = 0.95
    speaks = _join_sets(_draw(rng, lang_p[city]), languages)

    low = np.array([cfg["fees"][c][0] for c in country], dtype=float)
    high = np.array([cfg["fees"][c][1] for c in country], dtype=float)
    fee = np.round((low + rng.random(rows) * (high - low)) / 5) * 5

    insurance = np.empty(rows, dtype=object)
    credentials = np.empty(rows, dtype=object)
    for code in ("CA", "US"):
        here = country == code
        plans = cfg["insurance"][code]
        insurance[here] = _join_sets(rng.random((here.sum(), len(plans))) < 0.3, plans)
        credentials[here] = np.array(cfg["credentials"][code], dtype=object)[rng.integers(0, len(cfg["credentials"][code]), here.sum())]

    first = np.array(cfg["first_names"], dtype=object)[rng.integers(0, len(cfg["first_names"]), rows)]
    last = np.array(cfg["last_names"], dtype=object)[rng.integers(0, len(cfg["last_names"]), rows)]
    group = rng.random(rows) < 0.2
    practice = (pd.Series(np.array(cfg["practice_words"], dtype=object)[rng.integers(0, len(cfg["practice_words"]), rows)]) + " "
                + pd.Series(np.array(cfg["practice_kinds"], dtype=object)[rng.integers(0, len(cfg["practice_kinds"]), rows)]))
    person = pd.Series(first) + " " + pd.Series(last)
    name = pd.Series(np.where(group, practice, person))
    ids = pd.Series(np.arange(1, rows + 1)).astype(str).str.zfill(7)
    slug = name.str.lower().str.replace(r"[^a-z]+", "-", regex=True).str.strip("-")
    domain = slug + "-" + ids.str[-4:] + ".example"
    genders = cfg["genders"]
    gender = np.array(list(genders), dtype=object)[rng.choice(len(genders), size=rows, p=np.array(list(genders.values())) / sum(genders.values()))]
    jitter = rng.normal(0, cfg["jitter_km"] / KM_PER_DEGREE, size=(rows, 2))
    lat = cities["lat"].to_numpy()[city] + jitter[:, 0]
    lon = cities["lon"].to_numpy()[city] + jitter[:, 1] / np.cos(np.radians(cities["lat"].to_numpy()[city]))
    first_approach = pd.Series(approaches).str.split("; ").str[0]
    group_words = pd.Series(populations).replace({k: v for k, v in _population_phrases(vocab).items()})

    df = pd.DataFrame({
        "provider_id": "S" + ids,
        "name": name,
        "city": cities["city"].to_numpy()[city],
        "region": cities["region"].to_numpy()[city],
        "country": country,
        "lat": np.round(lat, 5),
        "lon": np.round(lon, 5),
        "approaches": approaches,
        "populations": populations,
        "concerns": concerns,
        "formats": formats,
        "languages": speaks,
        "fee": fee,
        "sliding_scale": rng.random(rows) < cfg["sliding_scale_share"],
        "insurance": insurance,
        "accepting_new_clients": rng.random(rows) < cfg["accepting_share"],
        "gender": gender,
        "credentials": credentials,
        "bio": "Fictional sample provider. Works with " + group_words + ", mainly using " + first_approach + ".",
        "email": "hello@" + domain,
        "phone": pd.Series(cities["area"].to_numpy()[city]) + "-555-01" + pd.Series(rng.integers(0, 100, rows)).astype(str).str.zfill(2),
        "website": "https://www." + domain,
        "sample": True,
    })
    return df


def _population_phrases(vocab) -> dict[str, str]:
    phrases = {}
    for p in load_toml("generator.toml")["profile"]:
        groups = [vocab.client_groups[c] for c in p["populations"]]
        phrases["; ".join(p["populations"])] = groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " and " + groups[-1]
    return phrases


def write_directory(df: pd.DataFrame, path) -> None:
    """CSV or Parquet by extension."""
    path = str(path)
    if path.lower().endswith(".parquet"):
        df.to_parquet(path, index=False)
    elif path.lower().endswith(".csv"):
        df.to_csv(path, index=False)
    else:
        raise ValueError("the output must end in .csv or .parquet")
