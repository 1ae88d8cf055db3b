"""Tests that build a small book of their own with Jupyter Book, or drive chromium: `make site-test` runs them
(with the checks of the built book in tests/site); `make unit` leaves them out."""
