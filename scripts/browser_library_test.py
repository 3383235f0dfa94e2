#!/usr/bin/env python3
"""Checks the sample library of reports (Tests/Fixtures/sites/library) in headless Chromium.

Builds the fixture library with the given rapporteur binary, serves it on 127.0.0.1 under its
base path (/library/) and checks:

- from tel60-sample's hosting-roster table, the APEC TEL 61 row's report link leads to
  tel61-sample's home;
- a search of the whole library finds a word in two reports, each result showing its report's
  title, without fetching the filters' script or the reports file; the report filter keeps only
  the chosen report's results and keeps the choice in the address, and an address with the choice
  opens filtered;
- the filters narrow each other: choosing any report, series or year leaves in the other selects
  exactly what the reports file has for the reports it matches; an address whose choices rule
  each other out opens with the later one cleared, and with results;
- filters that leave none of a query's results say so with the count without them, and their
  button clears them, shows every result again and leaves the focus on the first select;
- axe-core finds no violation on the library's homes and its filtered search pages (one with
  results, one with none), at 1280 and 390 px, light and dark.

Screenshots of the library home at 1280 and 390 px, and of the filtered search (the filter box
open, with results and with none) at 1280 and 390 px, go into the artefacts folder. Exits 1 when a check fails, 2 when the browser, the build or axe-core cannot
be found.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

from browser_nav_test import PHONE_390, NavigationChecks, axe_source
from browser_test import DESKTOP, LANGUAGES, BrowserError, command_line, run, served

FIXTURE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "Fixtures", "sites", "library")
# The fixture's baseURL is https://example.org/library/: its pages link to /library/...
BASE_PATH = "/library"
ROSTER = "tel60-sample/tables/hosting-roster"
NEXT_REPORT = "tel61-sample"
FILTERED_REPORT = "tel60-sample"
# A word of both APEC TEL sample reports, per language.
QUERIES = {"en": "plenary", "zh-hant": "大會"}
# Per language, a query and a report that has none of its results (the word is in another).
FILTERED_OUT = {"en": ("steering", "tel60-sample"), "zh-hant": ("大會", "forum3-sample")}
# Choices that rule each other out (tel60-sample is an APEC TEL report): the report, first of the
# filters, is kept and the series cleared.
CLASHING = {"report": "tel60-sample", "series": "sample-forum"}
CHOICES = ("report", "series", "year")


def built_library(binary, chromium):
    """Builds a copy of the fixture library, serves the folder above its output so that the
    pages' /library/ addresses resolve, and yields (browser, base URL, output folder)."""

    def make(work):
        project = os.path.join(work, "project")
        shutil.copytree(FIXTURE, project)
        root = os.path.join(work, "root")
        output = os.path.join(root, BASE_PATH.strip("/"))
        completed = subprocess.run(
            [os.path.abspath(binary), "build", "--project", project, "--output", output], capture_output=True, text=True
        )
        if completed.returncode != 0:
            sys.stderr.write(completed.stdout + completed.stderr)
            raise BrowserError(f"the library's build failed (exit {completed.returncode})")
        return root, BASE_PATH, output

    return served(chromium, "rapporteur-library-", make)


class LibraryChecks(NavigationChecks):
    def roster_to_next_report(self, language):
        path = f"/{language}/{ROSTER}/"
        self.browser.viewport(DESKTOP)
        self.expect_no_problems(self.browser.open(self.base + path), path)
        link = f"{BASE_PATH}/{language}/{NEXT_REPORT}/"
        selector = f'table a[href="{link}"]'
        found = self.browser.evaluate(f"!!document.querySelector({json.dumps(selector)})")
        self.expect(found, f"{path}: no link to {link} in the roster")
        if not found:
            return
        self.expect_no_problems(self.browser.click_and_wait(selector), link)
        state = self.browser.evaluate("({path: location.pathname, h1: (document.querySelector('h1') || {}).textContent || ''})")
        self.expect(state["path"] == link, f"{path}: the roster's report link went to {state['path']}")
        self.expect("61" in state["h1"], f"{link}: the heading {state['h1']!r} does not name meeting 61")
        print(f"ok   {path}: APEC TEL 61's report link → {state['path']} ({state['h1'].strip()[:60]})")

    def results(self):
        done = self.browser.wait_until("document.getElementById('search-results').dataset.done === 'true'")
        return done, self.browser.evaluate(
            """Array.from(document.querySelectorAll('.search-result-list li')).map(li => ({
                 href: li.querySelector('a').getAttribute('href'),
                 report: (li.querySelector('.search-result-report') || {}).textContent || ''}))"""
        ) or []

    def filters_fetched(self):
        """How many of the filters' files (their script, the reports file) the page fetched."""
        return self.browser.evaluate(
            "performance.getEntriesByType('resource').filter(e => /\\/(reports-[0-9a-f]+\\.json|search-filters\\.js)$/.test(e.name)).length"
        )

    def search_filter(self, language):
        query = QUERIES[language]
        path = f"/{language}/search/?q={urllib.parse.quote(query)}"
        self.browser.viewport(DESKTOP)
        self.expect_no_problems(self.browser.open(self.base + path), path)
        done, results = self.results()
        self.expect(done, f"{path}: the search did not finish")
        reports = {result["href"].split("/")[3] for result in results if result["href"].startswith(BASE_PATH + "/")}
        self.expect(len(reports) >= 2, f"{path}: results from {sorted(reports)}, not from two reports")
        self.expect(all(result["report"] for result in results), f"{path}: a result does not show its report's title")
        self.expect(self.filters_fetched() == 0, f"{path}: a query that does not filter fetched the filters' files")

        # Choose the report in the form, as a reader does.
        self.browser.evaluate("document.querySelector('.search-filters summary').click()")
        loaded = self.browser.wait_until(f"!!document.querySelector('#search-filter-report option[value=\"{FILTERED_REPORT}\"]')")
        self.expect(loaded, f"{path}: opening the filters did not list {FILTERED_REPORT}")
        self.browser.evaluate(
            f"""(() => {{ delete document.getElementById('search-results').dataset.done;
                         const select = document.getElementById('search-filter-report');
                         select.value = {json.dumps(FILTERED_REPORT)};
                         select.dispatchEvent(new Event('change')); }})()"""
        )
        title = self.browser.evaluate("document.getElementById('search-filter-report').selectedOptions[0].textContent")
        done, filtered = self.results()
        self.expect(done, f"{path}: the filtered search did not finish")
        prefix = f"{BASE_PATH}/{language}/{FILTERED_REPORT}/"
        self.expect(filtered, f"{path}: no result left in {FILTERED_REPORT}")
        others = [result["href"] for result in filtered if not result["href"].startswith(prefix)]
        self.expect(not others, f"{path}: filtered by {FILTERED_REPORT}, results from elsewhere remain: {others}")
        self.expect(all(result["report"].startswith(title + " · ") for result in filtered), f"{path}: filtered results do not name {title!r}")
        expected = [result for result in results if result["href"].startswith(prefix)]
        self.expect(len(filtered) == len(expected), f"{path}: {len(filtered)} filtered results, {len(expected)} of {FILTERED_REPORT} before")
        address = self.browser.evaluate("location.search")
        self.expect(f"report={FILTERED_REPORT}" in address, f"{path}: the address {address!r} does not keep the report chosen")

        # The address with the choice opens filtered.
        chosen = f"{path}&report={FILTERED_REPORT}"
        self.expect_no_problems(self.browser.open(self.base + chosen), chosen)
        done, reopened = self.results()
        self.expect(done and [r["href"] for r in reopened] == [r["href"] for r in filtered], f"{chosen}: opens with {reopened}")
        shown = self.browser.evaluate("document.getElementById('search-filter-report').value")
        self.expect(shown == FILTERED_REPORT, f"{chosen}: the report select shows {shown!r}")
        print(f"ok   search {query!r} ({language}): {len(results)} results in {len(reports)} reports, {len(filtered)} in {FILTERED_REPORT}")
        return chosen

    def offered(self, language):
        """Per filter, the values the reports file of `language` has, and each report's values."""
        folder = os.path.join(self.site, language, "search")
        name = next(file for file in os.listdir(folder) if re.fullmatch(r"reports-[0-9a-f]+\.json", file))
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            return [{"report": r["id"], "series": r["series"], "year": str(r["year"])} for r in json.load(file)]

    def options(self):
        return self.browser.evaluate(
            f"Object.fromEntries({json.dumps(CHOICES)}.map(n => [n, Array.from(document.getElementById('search-filter-' + n).options)"
            ".map(o => o.value).filter(v => v)]))"
        )

    def choose(self, name, value):
        self.browser.evaluate(
            f"""(() => {{ delete document.getElementById('search-results').dataset.done;
                         const select = document.getElementById('search-filter-{name}');
                         select.value = {json.dumps(value)};
                         select.dispatchEvent(new Event('change')); }})()"""
        )
        return self.results()

    def filters_narrow_each_other(self, language):
        query = QUERIES[language]
        path = f"/{language}/search/?q={urllib.parse.quote(query)}"
        self.browser.viewport(DESKTOP)
        self.expect_no_problems(self.browser.open(self.base + path), path)
        self.results()
        self.browser.evaluate("document.querySelector('.search-filters summary').click()")
        self.expect(self.browser.wait_until("(s => !!s && s.options.length > 1)(document.getElementById('search-filter-report'))"), f"{path}: no filters")
        reports = self.offered(language)
        every = {name: sorted({report[name] for report in reports}) for name in CHOICES}
        shown = {name: sorted(values) for name, values in self.options().items()}
        self.expect(shown == every, f"{path}: with no choice the filters offer {shown}, not {every}")
        tried = 0
        for name in CHOICES:
            for value in every[name]:
                self.choose(name, value)
                matching = [report for report in reports if report[name] == value]
                expected = {other: sorted({report[other] for report in matching}) for other in CHOICES if other != name}
                expected[name] = every[name]
                shown = {other: sorted(values) for other, values in self.options().items()}
                self.expect(shown == expected, f"{path}: {name}={value} leaves {shown}, not {expected}")
                tried += 1
                self.choose(name, "")
        print(f"ok   {path}: {tried} choices each leave what their reports have in the other filters ({every})")

        clashing = f"{path}&" + urllib.parse.urlencode(CLASHING)
        self.expect_no_problems(self.browser.open(self.base + clashing), clashing)
        done, results = self.results()
        state = self.browser.evaluate(
            "({report: document.getElementById('search-filter-report').value,"
            " series: document.getElementById('search-filter-series').value, address: location.search})"
        )
        self.expect(done and results, f"{clashing}: no result (the clashing choice was not cleared)")
        self.expect(state["report"] == CLASHING["report"], f"{clashing}: the report select shows {state['report']!r}")
        self.expect(state["series"] == "" and "series=" not in state["address"], f"{clashing}: the series choice stayed: {state}")
        print(f"ok   {clashing}: the series that rules out the report is cleared ({len(results)} results)")

    def filtered_out(self, language):
        query, report = FILTERED_OUT[language]
        path = f"/{language}/search/?q={urllib.parse.quote(query)}"
        self.browser.viewport(DESKTOP)
        self.expect_no_problems(self.browser.open(self.base + path), path)
        done, unfiltered = self.results()
        status = self.browser.evaluate("document.getElementById('search-status').textContent")
        self.expect(done and unfiltered, f"{path}: no result to filter out")
        total = re.search(r"\d+", status.replace(query, "")).group(0)
        chosen = f"{path}&report={report}"
        self.expect_no_problems(self.browser.open(self.base + chosen), chosen)
        done, results = self.results()
        state = self.browser.evaluate(
            """({status: document.getElementById('search-status').textContent,
                 none: document.getElementById('search-results').dataset.none,
                 button: (document.querySelector('#search-results button.search-clear-filters') || {}).textContent || ''})"""
        )
        self.expect(done and not results, f"{chosen}: {len(results)} results, expected none")
        self.expect(total in state["status"] and query in state["status"], f"{chosen}: the status {state['status']!r} does not say {total} without the filters")
        self.expect(state["button"], f"{chosen}: no button that clears the filters")
        if not state["button"]:
            return
        self.browser.evaluate("document.querySelector('#search-results button.search-clear-filters').click()")
        done, cleared = self.results()
        after = self.browser.evaluate(
            f"""({{status: document.getElementById('search-status').textContent, address: location.search,
                  focus: document.activeElement && document.activeElement.id,
                  chosen: {json.dumps(CHOICES)}.map(n => document.getElementById('search-filter-' + n).value).join('')}})"""
        )
        self.expect(done and len(cleared) == len(unfiltered) and after["status"] == status, f"{chosen}: clearing shows {after['status']!r}, not {status!r}")
        self.expect(after["chosen"] == "" and "report=" not in after["address"], f"{chosen}: clearing left choices: {after}")
        self.expect(after["focus"] == "search-filter-report", f"{chosen}: after clearing, the focus is on {after['focus']!r}")
        print(f"ok   {chosen}: {state['status']!r}, {state['button']!r} brings back {len(cleared)} results")
        return chosen

    def screenshots(self, folder, searches, filtered_out):
        os.makedirs(folder, exist_ok=True)
        shots = [
            (metrics, f"/{language}/", f"library-home-{language}-{width}.png")
            for language in LANGUAGES
            for metrics, width in ((DESKTOP, 1280), (PHONE_390, 390))
        ]
        shots += [
            (metrics, path, f"library-search-{path.split('/')[1]}-{'filtered-out' if path in filtered_out else 'filtered'}-{width}.png")
            for path in searches
            for metrics, width in ((DESKTOP, 1280), (PHONE_390, 390))
        ]
        for metrics, path, file in shots:
            self.browser.viewport(metrics)
            self.browser.open(self.base + path)
            self.browser.wait_until("(r => !r || r.dataset.done === 'true')(document.getElementById('search-results'))")
            self.browser.evaluate("(box => box && box.scrollIntoView())(document.querySelector('.search-filters[open]'))")
            self.browser.screenshot(os.path.join(folder, file))
        self.browser.viewport(DESKTOP)
        print(f"ok   {len(shots)} screenshots of the library's home and filtered search in {folder}")


def main():
    arguments = command_line(__doc__)

    def checks_made():
        source = axe_source()
        with built_library(arguments.binary, arguments.chromium) as (browser, base, site):
            checks = LibraryChecks(browser, base, site)
            searches = []
            filtered_out = []
            for language in LANGUAGES:
                checks.roster_to_next_report(language)
                searches.append(checks.search_filter(language))
                checks.filters_narrow_each_other(language)
                filtered_out.append(checks.filtered_out(language))
            searches += [search for search in filtered_out if search]
            checks.axe_pages(source, [f"/{language}/" for language in LANGUAGES] + searches)
            checks.screenshots(os.path.abspath(arguments.artefacts), searches, filtered_out)
        return checks

    return run("browser library test", checks_made)


if __name__ == "__main__":
    sys.exit(main())
