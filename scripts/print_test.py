#!/usr/bin/env python3
"""Checks the PDFs that `rapporteur pdf` prints from the print edition (/<lang>/print/).

Makes the site and its PDFs with the given rapporteur binary into a temporary folder, and the
sample library (Tests/Fixtures/sites/library) with each report's PDFs (/<lang>/<id>/print/ into
data/<id>/report.<lang>.pdf), then for each PDF:

- the PDF is A4 and its page count is sane: at least one page per chapter plus the cover,
  contents and tables, at most MAX_PAGES;
- every chapter and table heading of the print page is in the PDF's text, in the page's order;
- no text overflows the page box: every word lies inside the page and out of its left and right
  margins (`pdftotext -bbox`), and every letter and digit of the print page's visible text is in
  the PDF (Chromium cuts off what does not fit, so a table too wide for the page loses letters);
- the PDF has an outline (bookmarks from the headings) and its title is the report's;
- the report home links its PDF, and the site with its PDFs passes the link check;
- Chinese is set in Noto CJK (the fonts must be installed for the text to be readable).

Page 1 and the first table page of each PDF are saved as PNG (pdftoppm) into the artefacts
folder. Exits 1 when a check fails, 2 when the tools or the build cannot run.

    python3 scripts/print_test.py .build/release/rapporteur [--artefacts .build-artefacts/print]

Needs Chromium, poppler-utils (pdfinfo, pdftotext, pdftoppm) and fonts-noto-cjk.
"""

import argparse
import collections
import html
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile

MAX_PAGES = 400
BASE_URL = "https://example.org/"
# Every report of the sample library in each of its languages (forum3-sample has no English).
LIBRARY_PDFS = [
    os.path.join("data", report, f"report.{language}.pdf")
    for report, language in (
        ("tel60-sample", "en"),
        ("tel61-sample", "en"),
        ("forum3-sample", "zh-hant"),
        ("tel60-sample", "zh-hant"),
        ("tel61-sample", "zh-hant"),
    )
]
LIBRARY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "Fixtures", "sites", "library")
A4_POINTS = (595, 842)
# Words may reach this close to the page's left and right edges (points); the print style
# sheet's margins are 15 mm (42 pt) or more, so text there has spilled out of the text area.
SIDE_ALLOWANCE = 20


class Headings(html.parser.HTMLParser):
    """The text of the print page's h1 and h2 elements, in order."""

    def __init__(self):
        super().__init__()
        self.headings = []
        self.inside = None

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2"):
            self.inside = tag
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag == self.inside:
            self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.headings[-1] += data


class VisibleText(html.parser.HTMLParser):
    """The text of a page that prints: not the head, scripts, the site's header and footer, the
    skip link, table download links, the captions the print edition's table sections hide, or the
    title and description of a chart's SVG."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, hidden, classes)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        around = {name for _, _, names in self.stack for name in names}
        hidden = (
            tag in ("head", "script", "style", "header", "footer")
            or tag in ("title", "desc", "defs")  # a chart's SVG names and describes itself unseen
            or "skip-link" in classes
            or "table-links" in classes
            or "table-scroll-hint" in classes  # a phone's cue, never printed
            or (tag == "caption" and {"table-scroll", "print-table"} <= around)
        )
        self.stack.append((tag, hidden, classes))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not any(hidden for _, hidden, _ in self.stack):
            self.parts.append(data)


def missing_characters(page_html, pdf_text):
    """Letters and digits of the page's visible text that the PDF has fewer of, with how many."""
    visible = VisibleText()
    visible.feed(page_html)
    wanted = collections.Counter(c for c in "".join(visible.parts) if c.isalnum())
    printed = collections.Counter(c for c in pdf_text if c.isalnum())
    return {c: wanted[c] - printed[c] for c in wanted if wanted[c] > printed[c]}


def squeeze(text):
    """Text without white space and hyphens, so that line breaks (pdftotext drops the hyphen of
    "Vice-" at a line's end) and CJK spacing do not matter."""
    return re.sub(r"[\s\-\u2010\u00ad]+", "", text)


def run(arguments, **options):
    return subprocess.run(arguments, check=True, capture_output=True, text=True, **options).stdout


def page_boxes(pdf):
    """Per page: width, height and the words with their boxes, from pdftotext -bbox."""
    pages = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', run(["pdftotext", "-bbox", pdf, "-"]), re.S):
        words = [
            (float(x0), float(y0), float(x1), float(y1), word)
            for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>', match.group(3)
            )
        ]
        pages.append((float(match.group(1)), float(match.group(2)), words))
    return pages


def editions(site):
    """The PDFs in `site` as (name, PDF, print page, home), all relative to `site`: report.<lang>.pdf
    of a one-report site, data/<id>/report.<lang>.pdf of a library's reports."""
    found = []
    for folder, _, files in os.walk(site):
        for file in files:
            match = re.fullmatch(r"report\.(.+)\.pdf", file)
            if not match:
                continue
            language = match.group(1)
            pdf = os.path.relpath(os.path.join(folder, file), site)
            report = os.path.relpath(folder, os.path.join(site, "data")) if pdf.startswith("data" + os.sep) else ""
            home = os.path.join(language, report)
            found.append((f"{language}/{report}".rstrip("/"), pdf, os.path.join(home, "print", "index.html"), os.path.join(home, "index.html")))
    return sorted(found)


def check_edition(site, edition, artefacts, failures):
    language, relative_pdf, print_page, home_page = edition
    pdf = os.path.join(site, relative_pdf)
    parser = Headings()
    with open(os.path.join(site, print_page), encoding="utf-8") as page:
        html_text = page.read()
    parser.feed(html_text)
    chapters = html_text.count('<div class="print-chapter')
    pages = page_boxes(pdf)
    count = len(pages)
    print(f"{language}: {count} pages, {len(parser.headings)} headings on the print page")
    if not chapters + 3 <= count <= MAX_PAGES:
        failures.append(f"{language}: {count} pages, expected {chapters + 3} to {MAX_PAGES}")

    for number, (width, height, _) in enumerate(pages, 1):
        if sorted((round(width), round(height))) != list(A4_POINTS):
            failures.append(f"{language}: page {number} is {width} x {height} pt, not A4")
            break

    pdf_text = run(["pdftotext", pdf, "-"])
    missing = missing_characters(html_text, pdf_text)
    if missing:
        worst = ", ".join(f"'{c}' x{n}" for c, n in sorted(missing.items(), key=lambda item: -item[1])[:10])
        failures.append(f"{language}: {sum(missing.values())} letters of the page are not in the PDF (cut off?): {worst}")
    text = squeeze(pdf_text)
    position = 0
    for heading in parser.headings:
        found = text.find(squeeze(heading), position)
        if found < 0:
            failures.append(f"{language}: heading '{heading.strip()}' is not in the PDF after the one before it")
            continue
        position = found

    outside = []
    for number, (width, height, words) in enumerate(pages, 1):
        for x0, y0, x1, y1, word in words:
            if x0 < SIDE_ALLOWANCE or x1 > width - SIDE_ALLOWANCE or y0 < 0 or y1 > height:
                outside.append(f"page {number}: '{word}' at x {x0:.0f}-{x1:.0f}, y {y0:.0f}-{y1:.0f} ({width:.0f} x {height:.0f})")
    if outside:
        failures.append(f"{language}: {len(outside)} words outside the text area, first: " + "; ".join(outside[:5]))

    # A page of tables: the first landscape page (wide tables turn the page), else the last page.
    table_page = next((n for n, (w, h, _) in enumerate(pages, 1) if w > h), None)
    if table_page is None:
        table_page = count
    os.makedirs(artefacts, exist_ok=True)
    for label, number in (("page-1", 1), (f"table-page-{table_page}", table_page)):
        prefix = os.path.join(artefacts, f"{language.replace('/', '-')}-{label}")
        run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(number), "-l", str(number), pdf, prefix])
        print(f"{language}: saved {prefix}.png")

    with open(pdf, "rb") as file:
        if b"/Outlines" not in file.read():
            failures.append(f"{language}: the PDF has no outline (bookmarks)")
    title = re.search(r"<title>(.*?)</title>", html_text, re.S).group(1)
    if squeeze(html.unescape(title)) not in squeeze(run(["pdfinfo", pdf])):
        failures.append(f"{language}: the PDF's title is not the print page's title")

    with open(os.path.join(site, home_page), encoding="utf-8") as home:
        if f'href="/{relative_pdf}"' not in home.read():
            failures.append(f"{language}: the report home does not link {relative_pdf}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", help="the rapporteur binary")
    parser.add_argument("--artefacts", default=".build-artefacts/print", help="where the page images go")
    options = parser.parse_args()
    for tool in ("pdfinfo", "pdftotext", "pdftoppm", "fc-list"):
        if not shutil.which(tool):
            print(f"print_test: {tool} is missing (Debian: apt-get install poppler-utils fontconfig)", file=sys.stderr)
            return 2
    if "Noto Sans CJK TC" not in run(["fc-list", ":lang=zh-tw", "family"]):
        print("print_test: Noto Sans CJK TC is not installed (Debian: apt-get install fonts-noto-cjk)", file=sys.stderr)
        return 2

    failures = []
    printed = 0
    with tempfile.TemporaryDirectory() as work:
        for name, project, expected in (("site", os.getcwd(), None), ("library", LIBRARY, LIBRARY_PDFS)):
            site = os.path.join(work, name)
            build = subprocess.run(
                [os.path.abspath(options.binary), "pdf", "--project", project, "--output", site, "--base-url", BASE_URL],
                capture_output=True,
                text=True,
            )
            if build.returncode != 0:
                print(build.stderr, file=sys.stderr)
                return 2
            print(build.stdout.strip())
            found = editions(site)
            if not found:
                failures.append(f"{name}: rapporteur pdf made no PDF")
            if expected is not None and [pdf for _, pdf, _, _ in found] != expected:
                failures.append(f"{name}: rapporteur pdf made {[pdf for _, pdf, _, _ in found]}, expected {expected}")
            for edition in found:
                check_edition(site, edition, os.path.join(options.artefacts, name), failures)
            printed += len(found)
            links = subprocess.run(
                [sys.executable, os.path.join(os.path.dirname(__file__), "check_links.py"), site, "--base-url", BASE_URL],
                capture_output=True,
                text=True,
            )
            if links.returncode != 0:
                failures.append(f"{name}: the link check fails on the site with its PDFs:\n" + links.stdout + links.stderr)

    for failure in failures:
        print(f"print_test: {failure}", file=sys.stderr)
    print(f"print_test: {printed} PDFs, {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
