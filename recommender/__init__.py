"""Therapy finder: rank therapy approaches and providers for a person's needs and limits.

The package is pure Python (no Streamlit); the page (`app.py`) and the command line
(`python -m recommender`) both call it.
"""
from .approach_ranker import ApproachRanker
from .catalogue import load_catalogue
from .directory import load_directory
from .preferences import Preferences, PreferencesError
from .provider_ranker import ProviderRanker
from .vocabulary import load_vocabulary

__all__ = [
    "ApproachRanker", "ProviderRanker", "Preferences", "PreferencesError",
    "load_catalogue", "load_directory", "load_vocabulary",
]
