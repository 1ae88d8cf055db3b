"""Editions of the book and what changed between them: data packages, `asmhub diff`, the What changed page."""
