"""Every location the project uses, resolved from this file, never from the working directory.

Notebooks run with their own folder as cwd (Jupyter Book and papermill both do this), so nothing
may depend on where a process was started.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT / "data"
RAW = DATA / "raw"
SEED_DIR = RAW / "asm-source-sweep"
SEED_FIGURES = SEED_DIR / "figures.csv"
SWEEP2_DIR = RAW / "asm-source-sweep-2"
SWEEP2_FIGURES = SWEEP2_DIR / "figures.csv"
SWEEP3_DIR = RAW / "asm-source-sweep-3"
SWEEP3_FIGURES = SWEEP3_DIR / "figures.csv"
MINING_DETECTOR = RAW / "mining-detector"
CONTRIB = DATA / "contrib"
GEO = DATA / "geo"
WORLD_GEOJSON = GEO / "ne_110m_admin0_countries.geojson"

ESTIMATES = DATA / "estimates.csv"
SOURCES = DATA / "sources.csv"
COUNTRIES = DATA / "countries.csv"
DATAPACKAGE = DATA / "datapackage.json"

BOOK = ROOT / "book"
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "_build"
HTML = BUILD / "html"
