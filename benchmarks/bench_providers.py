"""Provider ranking at scale: 10k, 100k and 1M fictional providers on this machine.

Reports, per size: generation time (Parquet and CSV), load time, index build time, saved-index reload
time, query latency p50/p95 over varied preference sets, peak memory (RSS), the bytes one query
touches per provider, and the same queries answered by the row-by-row baseline (naive_ranker.py)
with the speed-up. Also the page's rerun time after a preference change (AppTest), at 100k.

    .venv/bin/python benchmarks/bench_providers.py                   # all sizes (a few minutes)
    .venv/bin/python benchmarks/bench_providers.py --sizes 10000     # one size

Each size runs in its own process so that peak RSS belongs to that size alone.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))


def random_preferences(n: int, seed: int = 0) -> list[dict]:
    """Varied preference sets: who, needs, city, format, languages, budget, sliding scale."""
    from recommender import load_vocabulary
    from recommender.data_files import load_toml

    vocab = load_vocabulary()
    cities = [f"{c['city']}, {c['region']}" for c in load_toml("generator.toml")["cities"]]
    rng = np.random.default_rng(seed)
    prefs = []
    for _ in range(n):
        p: dict = {}
        if rng.random() < 0.8:
            p["client"] = str(rng.choice(list(vocab.clients)))
        p["needs"] = [str(x) for x in rng.choice(list(vocab.needs), size=rng.integers(0, 4), replace=False)]
        if rng.random() < 0.7:
            p["location"] = str(rng.choice(cities))
            p["max_distance_km"] = float(rng.choice([10, 25, 50, 100]))
        p["format"] = str(rng.choice(["in_person", "online", "either"]))
        if rng.random() < 0.4:
            p["languages"] = [str(rng.choice(["French", "Spanish", "Mandarin", "Punjabi", "Arabic"]))]
        if rng.random() < 0.5:
            p["max_fee"] = float(rng.choice([100, 130, 160, 200]))
        p["sliding_scale"] = bool(rng.random() < 0.2)
        prefs.append(p)
    return prefs


def touched_bytes_per_provider(ranker) -> float:
    """Bytes a query reads per provider at most: every per-provider array the masks and scores use."""
    arrays = [ranker.in_person_, ranker.online_, ranker.fee_, ranker.sliding_, ranker.accepting_, ranker.populations_]
    total = sum(a.nbytes for a in arrays)
    for m in (ranker.approaches_, ranker.concerns_, ranker.languages_, ranker.insurance_):
        total += m.data.nbytes + m.indices.nbytes + m.indptr.nbytes
    total += ranker.tree_.data.nbytes if ranker.tree_ is not None else 0
    return total / len(ranker.directory_)


def generate(size: int) -> dict:
    """Generation timings (its own process, so its memory does not count against serving)."""
    from recommender.generator import generate_directory

    OUT.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    df = generate_directory(size, seed=1)
    result = {"generate_s": time.perf_counter() - t}
    t = time.perf_counter()
    df.to_parquet(OUT / f"providers_{size}.parquet", index=False)
    result["write_parquet_s"] = time.perf_counter() - t
    t = time.perf_counter()
    df.to_csv(OUT / f"providers_{size}.csv", index=False)
    result["write_csv_s"] = time.perf_counter() - t
    return result


def one_size(size: int, queries: int, naive_queries: int) -> dict:
    """Serving: load, index, answer queries (peak RSS measured here), then the baseline and the saved index."""
    import gc

    from benchmarks.naive_ranker import naive_rank
    from recommender import ApproachRanker, Preferences, ProviderRanker, load_catalogue
    from recommender.directory import load_directory
    from recommender.index_store import index_path, load_indexed, rows_path

    parquet = OUT / f"providers_{size}.parquet"
    result: dict = {"providers": size}
    t = time.perf_counter()
    loaded = load_directory(parquet)
    result["load_parquet_s"] = time.perf_counter() - t
    approach_ranker = ApproachRanker().fit(load_catalogue())
    t = time.perf_counter()
    ranker = ProviderRanker(approach_ranker).fit(loaded.directory)
    result["index_build_s"] = time.perf_counter() - t
    del loaded
    gc.collect()

    prefs = [Preferences.from_dict(p) for p in random_preferences(queries)]
    ranker.rank(prefs[0])                                       # warm-up (lazy caches: city table, lexicon)
    times = []
    for p in prefs:
        t = time.perf_counter()
        ranker.rank(p, top=20)
        times.append(time.perf_counter() - t)
    result["query_p50_ms"] = float(np.percentile(times, 50) * 1000)
    result["query_p95_ms"] = float(np.percentile(times, 95) * 1000)
    result["bytes_touched_per_provider"] = touched_bytes_per_provider(ranker)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    if naive_queries:
        fast, slow = [], []
        for p in prefs[:naive_queries]:
            scores = approach_ranker.scores(p)
            t = time.perf_counter()
            ranker.rank(p, top=20, approach_scores=scores)
            fast.append(time.perf_counter() - t)
            t = time.perf_counter()
            naive_rank(ranker.directory_, p, scores, top=20)
            slow.append(time.perf_counter() - t)
        result["naive_p50_ms"] = float(np.median(slow) * 1000)
        result["speedup_vs_naive"] = float(np.median(slow) / np.median(fast))
    del ranker
    gc.collect()
    for f in (index_path(parquet), rows_path(parquet)):
        f.unlink(missing_ok=True)
    t = time.perf_counter()
    load_indexed(parquet, approach_ranker)                       # builds and saves
    result["index_build_and_save_s"] = time.perf_counter() - t
    gc.collect()
    t = time.perf_counter()
    _, _, reused = load_indexed(parquet, approach_ranker)        # reloads
    result["index_reload_s"] = time.perf_counter() - t
    assert reused
    return result


def page_rerun(size: int, reruns: int = 5) -> dict:
    """Seconds for the page to rerun after a preference change, with a directory of `size` providers."""
    from streamlit.testing.v1 import AppTest

    os.environ["THERAPY_FINDER_DIRECTORY"] = str(OUT / f"providers_{size}.parquet")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.run()
    at.button(key="find").click()
    at.run()
    assert any(f"of {size} providers" in c.value for c in at.caption), "the page did not use the benchmark directory"
    times = []
    for client in ["couple", "child", "self", "adolescent", "family"][:reruns]:
        at.selectbox(key="client").set_value(client)
        at.multiselect(key="needs").set_value(["anxiety"] if client == "self" else [])
        at.button(key="find").click()
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
        assert not at.exception
    return {"providers": size, "page_rerun_p50_s": float(np.median(times)), "page_rerun_max_s": float(max(times))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--naive-queries", type=int, default=10, help="baseline queries per size (skipped above 100k)")
    parser.add_argument("--page-size", type=int, default=100_000, help="directory size for the page rerun (0: skip)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--page", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        naive = args.naive_queries if args.one <= 100_000 else 0
        print(json.dumps(one_size(args.one, args.queries, naive)))
        return
    if args.page:
        print(json.dumps(page_rerun(args.page)))
        return
    if args.generate:
        print(json.dumps(generate(args.generate)))
        return

    def run(*extra: str) -> dict:
        out = subprocess.run([sys.executable, __file__, *extra], capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    rows = []
    for size in args.sizes:
        row = {"providers": size, **run("--generate", str(size))}
        row.update(run("--one", str(size), "--queries", str(args.queries), "--naive-queries", str(args.naive_queries)))
        rows.append(row)
        print(json.dumps(row), flush=True)
    page = None
    if args.page_size:
        if args.page_size not in args.sizes:
            run("--generate", str(args.page_size))
        page = run("--page", str(args.page_size))

    print()
    header = ["providers", "generate_s", "write_csv_s", "load_parquet_s", "index_build_s", "index_build_and_save_s", "index_reload_s",
              "query_p50_ms", "query_p95_ms", "peak_rss_mb", "bytes_touched_per_provider", "naive_p50_ms", "speedup_vs_naive"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(f"{r[h]:,.2f}" if isinstance(r.get(h), float) else f"{r.get(h, '—'):,}" if isinstance(r.get(h), int)
                                else "—" for h in header) + " |")
    if page:
        print(f"\npage rerun after a preference change at {page['providers']:,} providers: "
              f"p50 {page['page_rerun_p50_s']:.2f} s, max {page['page_rerun_max_s']:.2f} s")
    (OUT / "bench_providers.json").write_text(json.dumps({"sizes": rows, "page": page}, indent=2))


if __name__ == "__main__":
    main()
