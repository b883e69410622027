"""The fictional directory generator."""
from recommender.generator import generate_directory


def test_same_seed_same_rows_and_different_seed_different_rows():
    a, b, c = generate_directory(200, seed=1), generate_directory(200, seed=1), generate_directory(200, seed=2)
    assert a.equals(b) and not a.equals(c)


def test_providers_are_fictional_and_marked_as_sample():
    d = generate_directory(500, seed=5)
    assert d["sample"].all() and d["email"].str.endswith(".example").all()
    assert d["phone"].str.match(r"^\d{3}-555-01\d\d$").all()
    assert d["provider_id"].is_unique
