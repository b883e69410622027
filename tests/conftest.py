"""Shared fixtures: the fitted rankers are built once per test session (as the page caches them)."""
import pytest

from recommender import ApproachRanker, ProviderRanker, load_catalogue, load_directory


@pytest.fixture(scope="session")
def approach_ranker():
    return ApproachRanker().fit(load_catalogue())


@pytest.fixture(scope="session")
def sample():
    return load_directory()


@pytest.fixture(scope="session")
def provider_ranker(approach_ranker, sample):
    return ProviderRanker(approach_ranker).fit(sample.directory)
