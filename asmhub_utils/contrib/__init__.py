"""Contributions: the standard a figures CSV must meet, its validator, and adding it to data/ safely."""
