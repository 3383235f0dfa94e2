#!/usr/bin/env python3
"""Checks the charts the build draws from the tables, in headless Chromium.

Builds the site with the given rapporteur binary, serves it on 127.0.0.1 and, on each table page
with a chart (funding, hosting roster, schedule) in both languages, at 1280 and 390 px, light and
dark:

- the chart is an inline SVG with role="img", a title and a description (aria-labelledby), and
  the table follows it as its text alternative;
- it fits the column (no sideways scrolling), and in the page's real font no text of it runs out
  of the drawing or overlaps another text;
- a screenshot of each chart goes into the artefacts folder (chart-<table>-<lang>-<width>-<scheme>.png);
- axe-core finds no violation on the page.

Exits 1 when a check fails, 2 when the browser, the build or axe-core cannot be found.
"""

import base64
import os
import sys

from browser_nav_test import axe_source
from browser_test import DESKTOP, LANGUAGES, PHONE_390, Checks, built_site, command_line, run

CHART_TABLES = ["funding", "hosting-roster", "schedule"]

LAYOUT_SCRIPT = """(() => {
  const width = document.documentElement.clientWidth;
  return Array.from(document.querySelectorAll('figure.chart')).map(figure => {
    const svg = figure.querySelector('svg');
    const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
    const named = ids.map(id => document.getElementById(id)).filter(Boolean);
    const box = svg.viewBox.baseVal;
    const texts = Array.from(svg.querySelectorAll('text')).map(t => t.getBBox());
    const outside = texts.filter(b => b.x < box.x - 0.5 || b.y < box.y - 0.5 ||
      b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5).length;
    let overlaps = 0;
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i], b = texts[j];
        if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1) overlaps++;
      }
    let next = figure.nextElementSibling;
    while (next && next.matches('.table-scroll-hint')) next = next.nextElementSibling;
    return {
      id: figure.id,
      role: svg.getAttribute('role'),
      named: named.map(n => n.tagName.toLowerCase()).join(' '),
      titled: named.every(n => n.textContent.trim().length > 0),
      right: Math.round(figure.getBoundingClientRect().right),
      width: width,
      scrollWidth: document.documentElement.scrollWidth,
      outside: outside,
      overlaps: overlaps,
      texts: texts.length,
      tableAfter: !!(next && (next.matches('.table-frame') || next.querySelector('table'))),
    };
  });
})()"""


class ChartChecks(Checks):
    def charts(self, folder, axe):
        os.makedirs(folder, exist_ok=True)
        shots = 0
        for dark in (False, True):
            scheme = "dark" if dark else "light"
            for name, metrics in (("1280", DESKTOP), ("390", PHONE_390)):
                self.browser.viewport(metrics, dark=dark)
                for language in LANGUAGES:
                    for table in CHART_TABLES:
                        path = f"/{language}/tables/{table}/"
                        where = f"{path} ({name} px, {scheme})"
                        self.expect_no_problems(self.browser.open(self.base + path), where)
                        charts = self.browser.evaluate(LAYOUT_SCRIPT)
                        self.expect(len(charts) == 1, f"{where}: {len(charts)} charts, expected 1")
                        for chart in charts:
                            self.expect(chart["role"] == "img" and chart["named"] == "title desc" and chart["titled"],
                                        f"{where}: #{chart['id']} lacks role=img or a title and description")
                            self.expect(chart["tableAfter"], f"{where}: #{chart['id']} is not followed by its table")
                            self.expect(chart["scrollWidth"] <= chart["width"] and chart["right"] <= chart["width"],
                                        f"{where}: #{chart['id']} is wider than the window ({chart['right']} px of {chart['width']})")
                            self.expect(chart["outside"] == 0, f"{where}: {chart['outside']} texts of #{chart['id']} run out of the drawing")
                            self.expect(chart["overlaps"] == 0, f"{where}: {chart['overlaps']} pairs of texts of #{chart['id']} overlap")
                            self.screenshot_of(f"#{chart['id']}", os.path.join(folder, f"chart-{table}-{language}-{name}-{scheme}.png"))
                            shots += 1
                        self.axe_on_page(axe, where)
        self.browser.viewport(DESKTOP)
        print(f"ok   {shots} charts at 1280 and 390 px, light and dark: labelled, fit, no text out or overlapping, axe clean; screenshots in {folder}")

    def screenshot_of(self, selector, path):
        """The element alone, with a margin, at the device's pixel ratio."""
        box = self.browser.evaluate(
            f"(() => {{ const r = document.querySelector('{selector}').getBoundingClientRect();"
            " return {x: r.left + scrollX - 8, y: r.top + scrollY - 8, width: r.width + 16, height: r.height + 16}; })()")
        clip = dict(box, x=max(box["x"], 0), y=max(box["y"], 0), scale=1)
        data = self.browser.devtools.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))


def main():
    arguments = command_line(__doc__, artefacts=".build-artefacts/charts")

    def checks_made():
        source = axe_source()
        with built_site(arguments.binary, arguments.chromium, "rapporteur-charts-") as (browser, base, site):
            checks = ChartChecks(browser, base, site)
            checks.charts(os.path.abspath(arguments.artefacts), source)
        return checks

    return run("chart test", checks_made)


if __name__ == "__main__":
    sys.exit(main())
