"""Benchmarks: match quality (quality.py) and provider-ranking speed at scale (bench_providers.py)."""
