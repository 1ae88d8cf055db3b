"""Raw sources to tidy tables: read the figures as printed, derive what each one is, write data/*.csv."""
