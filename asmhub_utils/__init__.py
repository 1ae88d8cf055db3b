"""ASM Hub utilities: the only code that knows where the data lives and what its columns mean."""

__all__ = ["paths", "values", "data"]
