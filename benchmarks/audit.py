"""Lighthouse and axe-core on the built site, served gzipped as a static host serves it.

    make audit            (or: .venv/bin/python benchmarks/audit.py [--lighthouse-runs N])

`make audit` first installs Lighthouse and axe-core from npm into tools/audit/node_modules (exact versions in
tools/audit/package.json and its lock). This script serves _build/html on 127.0.0.1 with gzip, runs Lighthouse
(its default mobile preset: a phone screen, simulated slow 4G and CPU) on the landing page, the country table, a
profile and the library, and axe-core (in Debian's chromium through Playwright) on those and on the primer, the map,
a theme and a dashboard page; then prints one table. Targets: performance >= 90, accessibility, best
practices and SEO 100, no axe violation. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.site import first_visit

TOOLS = paths.ROOT / "tools" / "audit" / "node_modules"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
AXE = TOOLS / "axe-core" / "axe.min.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# (label, page) pairs; Lighthouse runs on the first four.
PAGES = (
    ("landing", "book/index.html"),
    ("country table", "notebooks/places/country_table.html"),
    ("profile", "notebooks/places/profiles/GHA.html"),
    ("library", "book/library.html"),
    ("primer", "notebooks/primer.html"),
    ("map", "notebooks/places/map.html"),
    ("theme", "notebooks/themes/mercury.html"),
    ("dashboard", "notebooks/dashboard/women.html"),
)
LIGHTHOUSE_PAGES = 4
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".map")


class _GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as GitHub Pages does for text)."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()


def serve_gzip(root: Path):
    """Serve `root` with gzip on a free port of 127.0.0.1 (first_visit.serve); yields the base URL."""
    return first_visit.serve(root, handler=_GzipHandler)


# The metrics behind the performance score (Lighthouse audit ids), printed under the table: which one failed.
METRICS = (
    ("FCP s", "first-contentful-paint", 1000),
    ("LCP s", "largest-contentful-paint", 1000),
    ("TBT ms", "total-blocking-time", 1),
    ("CLS", "cumulative-layout-shift", 1),
    ("SI s", "speed-index", 1000),
    ("DOM nodes", "dom-size", 1),
)
REPORTS = paths.ROOT / "_build" / "audit"


def lighthouse(url: str, runs: int, label: str = "") -> tuple[dict[str, int], dict[str, float]]:
    """Lighthouse category scores (0-100) of `url`, mobile preset, and its performance metrics; the median of
    `runs` runs. The last run's JSON report is kept in _build/audit/ (named by `label`)."""
    scores: dict[str, list[int]] = {category: [] for category in CATEGORIES}
    metrics: dict[str, list[float]] = {name: [] for name, _, _ in METRICS}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "report.json"
            subprocess.run(
                [
                    "node",
                    str(LIGHTHOUSE),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                ],
                check=True,
                env={**os.environ, "CHROME_PATH": first_visit.CHROMIUM},
                timeout=300,
            )
            result = json.loads(report.read_text())
            if label:
                REPORTS.mkdir(parents=True, exist_ok=True)
                (REPORTS / f"{label.replace(' ', '_')}.json").write_text(report.read_text())
        for category in CATEGORIES:
            score = result["categories"][category]["score"]
            scores[category].append(round(100 * score) if score is not None else -1)
        for name, audit, unit in METRICS:
            value = result["audits"].get(audit, {}).get("numericValue")
            if value is not None:
                metrics[name].append(value / unit)
    return (
        {category: int(statistics.median(values)) for category, values in scores.items()},
        {name: statistics.median(values) for name, values in metrics.items() if values},
    )


def axe_violations(page, url: str) -> list[tuple[str, int]]:
    """(rule id, number of nodes) of every axe-core violation on `url`."""
    page.goto(url, wait_until="load")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], len(v["nodes"])) for v in result["violations"]]


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs per page (median)")
    args.add_argument("--root", type=Path, default=paths.HTML, help="the built site (default: _build/html)")
    options = args.parse_args(argv)
    if not LIGHTHOUSE.exists() or not AXE.exists():
        print("Lighthouse or axe-core missing: run `make audit` (it installs them into tools/audit)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    rows, ok = [], True
    with serve_gzip(options.root) as base, sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        page = browser.new_page()
        for n, (label, path) in enumerate(PAGES):
            if not (options.root / path).exists():
                print(f"{path}: not in the built site", file=sys.stderr)
                ok = False
                continue
            violations = axe_violations(page, base + path)
            scores, metrics = ({}, {})
            if n < LIGHTHOUSE_PAGES:
                scores, metrics = lighthouse(base + path, options.lighthouse_runs, label)
            ok &= not violations and (
                not scores or (scores["performance"] >= 90 and all(scores[c] == 100 for c in CATEGORIES[1:]))
            )
            rows.append((label, path, scores, violations, metrics))
        browser.close()
    print(f"{'page':<14} {'perf':>4} {'a11y':>4} {'b-p':>4} {'seo':>4}  axe violations")
    for label, path, scores, violations, _ in rows:
        cells = " ".join(f"{scores[c]:>4}" if scores else f"{'-':>4}" for c in CATEGORIES)
        found = ", ".join(f"{rule} ({nodes})" for rule, nodes in violations) or "none"
        print(f"{label:<14} {cells}  {found}   [{path}]")
    print(f"\n{'page':<14} " + " ".join(f"{name:>9}" for name, _, _ in METRICS) + f"   (reports in {REPORTS})")
    digits = {name: 0 if unit == 1 and name != "CLS" else 2 for name, _, unit in METRICS}
    for label, _, _, _, metrics in rows:
        if metrics:
            cells = (f"{metrics.get(name, float('nan')):>9.{digits[name]}f}" for name, _, _ in METRICS)
            print(f"{label:<14} " + " ".join(cells))
    print("OK" if ok else "TARGETS MISSED (performance >= 90, the rest 100, no axe violation)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
