"""Tables and tall charts as read in chromium: desk tables keep their cells apart; the women chart (50 rows)
has its value axis in view on every phone screen; a tapped mark's note appears beside the mark."""

from __future__ import annotations

PHONE_SCREEN = 844


def test_desk_table_cells_are_apart(site):
    url, browser = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "notebooks/places/profiles/GHA.html")
    cell = page.locator("table.asm-estimates td").first
    assert float(cell.evaluate("td => parseFloat(getComputedStyle(td).paddingRight)")) >= 8
    page.close()


def test_tall_chart_axis_in_every_screen_and_note_beside_the_tapped_mark(site):
    url, browser = site
    context = browser.new_context(viewport={"width": 390, "height": PHONE_SCREEN}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(url + "notebooks/dashboard/women.html")
    charts = page.locator("figure.asm-figure svg")
    tallest = max(range(charts.count()), key=lambda i: charts.nth(i).bounding_box()["height"])
    chart = charts.nth(tallest)
    box = chart.bounding_box()
    assert box["height"] > 1.5 * PHONE_SCREEN, "the women chart is no longer tall: pick another tall chart"
    # Every "100%" tick label of the chart (the axis at the top, the repeats, the bottom): no gap between two
    # axes (or an end of the chart) is longer than a phone screen.
    ys = sorted(
        t["y"]
        for t in chart.locator("text").evaluate_all(
            "els => els.filter(e => e.textContent.trim() === '100%').map(e => e.getBoundingClientRect())"
        )
    )
    stops = [box["y"], *ys, box["y"] + box["height"]]
    assert len(ys) >= 3 and max(b - a for a, b in zip(stops, stops[1:])) <= PHONE_SCREEN
    mark = chart.locator("a.asm-mark").nth(chart.locator("a.asm-mark").count() // 2)
    mark.scroll_into_view_if_needed()
    mark.tap()
    note = page.locator(".asm-mark-note.asm-floating").first
    gap = note.bounding_box()["y"] - (mark.bounding_box()["y"] + mark.bounding_box()["height"])
    assert 0 <= gap <= 40, gap
    context.close()
