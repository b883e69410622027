"""Load a directory once, index it once, and keep the fitted index next to the directory file.

The saved index (`<directory>.index.joblib`) is reused only while the directory file, the catalogue
and the vocabulary are byte-for-byte what it was built from; any change rebuilds it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import joblib
import pandas as pd

from .approach_ranker import ApproachRanker
from .data_files import DATA_DIR
from .directory import LoadResult, load_directory
from .provider_ranker import ProviderRanker

INDEX_VERSION = 2   # bump whenever ProviderRanker's fitted state changes shape
CHUNK = 1 << 20


def fingerprint(path: Path) -> str:
    """sha256 of the directory file plus the data files the index depends on."""
    digest = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    for part in (path, DATA_DIR / "approaches.toml", DATA_DIR / "vocabulary.toml"):
        with open(part, "rb") as f:
            while block := f.read(CHUNK):
                digest.update(block)
    return digest.hexdigest()


def index_path(path: Path) -> Path:
    return path.with_name(path.name + ".index.joblib")


def rows_path(path: Path) -> Path:
    """The validated rows, as Parquet: Arrow list columns reload far faster than pickled Python lists."""
    return path.with_name(path.name + ".index.parquet")


def _save(path: Path, key: str, loaded: LoadResult, ranker: ProviderRanker) -> None:
    state = {k: v for k, v in vars(ranker).items() if k != "directory_"}
    loaded.directory.to_parquet(rows_path(path), index=False)
    joblib.dump({"key": key, "state": state, "report": loaded.report, "rows_read": loaded.rows_read}, index_path(path))


def _restore(path: Path, key: str) -> tuple[LoadResult, ProviderRanker] | None:
    stored = joblib.load(index_path(path))
    if stored.get("key") != key:
        return None
    directory = pd.read_parquet(rows_path(path))
    ranker = ProviderRanker.__new__(ProviderRanker)
    vars(ranker).update(stored["state"])
    ranker.directory_ = directory
    return LoadResult(directory, stored["report"], stored["rows_read"]), ranker


def load_indexed(path, approach_ranker: ApproachRanker | None = None, progress=None,
                 save: bool = True) -> tuple[LoadResult, ProviderRanker, bool]:
    """(LoadResult, fitted ProviderRanker, reused) for a directory file, reusing a saved index when valid."""
    path = Path(path)
    step = progress or (lambda fraction, message: None)
    step(0.0, "Checking for a saved index")
    key = fingerprint(path)
    if index_path(path).exists() and rows_path(path).exists():
        try:
            restored = _restore(path, key)
        except Exception:  # a damaged or foreign file is rebuilt, never trusted
            restored = None
        if restored:
            step(1.0, "Loaded the saved index")
            return (*restored, True)
    loaded = load_directory(path, progress=lambda f, m: step(0.8 * f, m))
    step(0.85, "Indexing providers")
    ranker = ProviderRanker(approach_ranker).fit(loaded.directory)
    if save:
        step(0.95, "Saving the index next to the directory")
        try:
            _save(path, key, loaded, ranker)
        except OSError:
            pass  # a read-only folder: the index simply is not kept
    step(1.0, "Done")
    return loaded, ranker, False
