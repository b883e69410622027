"""Page helpers for app.py: each module lays out one part of the page and calls `recommender`."""
