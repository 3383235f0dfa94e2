#!/usr/bin/env python3
"""Checks long-page navigation, the glossary page and accessibility in headless Chromium.

Builds the site with the given rapporteur binary, serves it on 127.0.0.1 and checks:

- the contents panel marks the section in view (aria-current="location") after scrolling;
- the language switch from a scrolled position (no #fragment) lands on the same section of the
  other language;
- a heading's link holds the section's address, opens that section, and copies it;
- the glossary's filter narrows its rows, and every row shows both languages' expansions;
- axe-core (the axe.min.js that PyPI's axe-playwright-python ships, injected over the DevTools
  protocol: no Playwright, no browser download) finds no violation on both homes, a long
  chapter, the glossary and the 404 page, at 1280 and 390 px, light and dark.

Screenshots of a long chapter on a phone and of the glossary at both widths go into the artefacts
folder. Exits 1 when a check fails, 2 when the browser, the build or axe-core cannot be found.
"""

import importlib.util
import json
import os
import sys

from browser_test import DESKTOP, LANGUAGES, BrowserError, Checks, built_site, command_line, run

PHONE_390 = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
LONG_CHAPTER = "economy-reports"
GLOSSARY = "tables/glossary"


def axe_source():
    """The axe.min.js of the installed axe-playwright-python package."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        raise BrowserError("axe-playwright-python is not installed (pip install --no-deps axe-playwright-python)")
    path = os.path.join(os.path.dirname(spec.origin), "axe.min.js")
    with open(path, encoding="utf-8") as file:
        return file.read()


class NavigationChecks(Checks):
    def scroll_to(self, heading_id):
        """Scrolls so that the heading sits a little below the top of the window."""
        self.browser.evaluate(
            f"(() => {{ const h = document.getElementById({json.dumps(heading_id)});"
            " window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 40); })()"
        )

    def middle_heading(self):
        return self.browser.evaluate(
            """(() => { const hs = Array.from(document.querySelectorAll('.chapter-body h2[id]'));
                        return hs.length ? hs[Math.floor(hs.length / 2)].id : null; })()"""
        )

    def contents_follow(self, language):
        path = f"/{language}/{LONG_CHAPTER}/"
        self.browser.viewport(DESKTOP)
        self.expect_no_problems(self.browser.open(self.base + path), path)
        heading = self.middle_heading()
        self.scroll_to(heading)
        marked = self.browser.wait_until(
            f"(document.querySelector('.toc a[aria-current=\"location\"]') || {{}}).hash === '#' + {json.dumps(heading)}", timeout=5
        )
        current = self.browser.evaluate("(document.querySelector('.toc a[aria-current=\"location\"]') || {}).hash || null")
        self.expect(marked, f"{path}: scrolled to #{heading}, the contents mark {current!r}")
        print(f"ok   {path}: contents mark #{heading} after scrolling to it")

    def switch_keeps_section(self, language, other):
        path = f"/{language}/{LONG_CHAPTER}/"
        self.browser.viewport(DESKTOP)
        self.browser.open(self.base + path)
        heading = self.middle_heading()
        self.scroll_to(heading)
        # Scrolled a little further into the section: the reader is inside it, not at its heading.
        self.browser.evaluate("window.scrollBy(0, 60)")
        # The section being read: the last heading above the top fifth of the window (a
        # subsection of the one scrolled to, if one starts there).
        heading = self.browser.evaluate(
            """(() => { let id = null;
                        for (const h of document.querySelectorAll('main :is(h2, h3, h4, h5, h6)[id]'))
                          if (h.getBoundingClientRect().top <= innerHeight / 5) id = h.id;
                        return id; })()"""
        )
        hash_before = self.browser.evaluate("location.hash")
        self.expect(hash_before == "", f"{path}: the address has a fragment before switching ({hash_before!r})")
        problems = self.browser.click_and_wait(f'.language-switch a[hreflang="{self.lang_code(other)}"]')
        self.expect_no_problems(problems, f"/{other}/{LONG_CHAPTER}/")
        state = self.browser.evaluate(
            """({path: location.pathname, hash: location.hash,
                 top: location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))
                      ? Math.round(document.getElementById(decodeURIComponent(location.hash.slice(1))).getBoundingClientRect().top) : null})"""
        )
        self.expect(state["path"] == f"/{other}/{LONG_CHAPTER}/", f"switch from {path} went to {state['path']}")
        self.expect(state["hash"] == "#" + heading, f"switch from {path} scrolled to #{heading}: landed on {state['hash']!r}")
        self.expect(state["top"] is not None and 0 <= state["top"] < 200, f"switch from {path}: #{heading} is at {state['top']} px")
        print(f"ok   language switch from {path} scrolled to #{heading} → {state['path']}{state['hash']}")

    def heading_link(self, language):
        path = f"/{language}/{LONG_CHAPTER}/"
        self.browser.viewport(DESKTOP)
        self.browser.open(self.base + path)
        self.browser.devtools.call(
            "Browser.grantPermissions", origin=self.base, permissions=["clipboardReadWrite", "clipboardSanitizedWrite"]
        )
        # Headless Chromium's page has no focus of its own: :focus and the clipboard need it.
        self.browser.devtools.call("Emulation.setFocusEmulationEnabled", enabled=True)
        heading = self.middle_heading()
        link = self.browser.evaluate(f"document.getElementById({json.dumps(heading)}).querySelector('a.heading-link').href")
        self.expect(link == f"{self.base}{path}#{heading}", f"{path}: the link of #{heading} holds {link!r}")
        self.browser.evaluate(f"document.getElementById({json.dumps(heading)}).querySelector('a.heading-link').focus()")
        visible = self.browser.evaluate("getComputedStyle(document.activeElement).opacity")
        self.expect(visible == "1", f"{path}: a focused heading link is not visible (opacity {visible})")
        self.browser.evaluate(f"document.getElementById({json.dumps(heading)}).querySelector('a.heading-link').click()")
        copied = self.browser.wait_until("document.querySelector('a.heading-link[data-copied]') !== null", timeout=5)
        clipboard = self.browser.evaluate("navigator.clipboard.readText().catch(() => null)") if copied else None
        self.expect(clipboard == link, f"{path}: the heading link copied {clipboard!r}, not {link!r}")
        self.expect(self.browser.evaluate("location.hash") == "#" + heading, f"{path}: the address does not show #{heading}")
        # The copied address opens that section, in a fresh load.
        self.browser.open(self.base + "/")
        self.browser.open(link)
        top = self.browser.evaluate(f"Math.round(document.getElementById({json.dumps(heading)}).getBoundingClientRect().top)")
        self.expect(0 <= top < 100, f"{link} opens with #{heading} at {top} px")
        print(f"ok   {path}: heading link of #{heading} copied {clipboard} and opens the section")

    def glossary(self, language, other):
        path = f"/{language}/{GLOSSARY}/"
        self.browser.viewport(DESKTOP)
        self.expect_no_problems(self.browser.open(self.base + path), path)
        state = self.browser.evaluate(
            f"""(() => {{
              const rows = Array.from(document.querySelectorAll('.glossary-table tbody tr:not(.glossary-letter)'));
              return {{rows: rows.length,
                       bothLanguages: rows.filter(r => r.querySelector('td[lang="{self.lang_code(other)}"]')).length,
                       letters: document.querySelectorAll('.glossary-letters a').length,
                       sourceTexts: Array.from(document.querySelectorAll('.glossary-table td a')).map(a => a.textContent)}};
            }})()"""
        )
        self.expect(state["rows"] > 100, f"{path}: {state['rows']} rows")
        self.expect(state["bothLanguages"] == state["rows"], f"{path}: {state['bothLanguages']} of {state['rows']} rows show the {other} expansion")
        self.expect(state["letters"] >= 20, f"{path}: {state['letters']} letters in the jump list")
        # Each names its chapter, and its section where the row names one; none is the old "In the report".
        generic = {"見報告", "In the report"}
        named = sum("›" in text for text in state["sourceTexts"])
        self.expect(state["sourceTexts"] and not generic & set(state["sourceTexts"]), f"{path}: source links say {sorted(generic & set(state['sourceTexts']))}")
        self.expect(named > len(state["sourceTexts"]) / 2, f"{path}: only {named} of {len(state['sourceTexts'])} source links name a section")
        self.browser.evaluate(
            "(() => { const input = document.getElementById('glossary-filter'); input.value = 'ACCC';"
            " input.dispatchEvent(new Event('input')); })()"
        )
        shown = self.browser.evaluate(
            "Array.from(document.querySelectorAll('.glossary-table tbody tr:not(.glossary-letter)')).filter(r => r.offsetParent !== null).map(r => r.querySelector('th').textContent)"
        )
        self.expect(shown == ["ACCC"], f"{path}: filtering for ACCC shows {shown[:5]}")
        self.browser.evaluate(
            "(() => { const input = document.getElementById('glossary-filter'); input.value = '';"
            " input.dispatchEvent(new Event('input')); })()"
        )
        print(f"ok   {path}: {state['rows']} rows with both expansions, {state['letters']} letters, filter narrows to {shown}")

    def axe_pages(self, source, pages):
        """axe-core on each page at both widths, light and dark; every violation printed."""
        runs = 0
        for dark in (False, True):
            for name, metrics in (("1280", DESKTOP), ("390", PHONE_390)):
                self.browser.viewport(metrics, dark=dark)
                for path in pages:
                    self.browser.open(self.base + path)
                    # A search page is checked once its results (and a library's filters) are in.
                    self.browser.wait_until(
                        "(r => !r || !new URLSearchParams(location.search).get('q') || r.dataset.done === 'true')"
                        "(document.getElementById('search-results'))"
                    )
                    runs += 1
                    self.axe_on_page(source, f"{path} ({name} px, {'dark' if dark else 'light'})")
        self.browser.viewport(DESKTOP)
        print(f"ok   axe-core {self.browser.evaluate('axe.version')}: {runs} runs over {len(pages)} pages")

    def screenshots(self, folder):
        os.makedirs(folder, exist_ok=True)
        shots = [(PHONE_390, f"/en/{LONG_CHAPTER}/", "long-chapter-en-phone.png", 3000)]
        for language in LANGUAGES:
            shots += [
                (DESKTOP, f"/{language}/{GLOSSARY}/", f"glossary-{language}-desktop.png", 0),
                (PHONE_390, f"/{language}/{GLOSSARY}/", f"glossary-{language}-phone.png", 0),
            ]
        for metrics, path, file, scroll in shots:
            self.browser.viewport(metrics)
            self.browser.open(self.base + path)
            self.browser.evaluate(f"window.scrollTo(0, {scroll})")
            self.browser.wait_until("true")
            self.browser.screenshot(os.path.join(folder, file))
        self.browser.viewport(DESKTOP)
        print(f"ok   {len(shots)} screenshots in {folder}")


def main():
    arguments = command_line(__doc__)

    def checks_made():
        source = axe_source()
        with built_site(arguments.binary, arguments.chromium, "rapporteur-nav-") as (browser, base, site):
            checks = NavigationChecks(browser, base, site)
            for language, other in (("zh-hant", "en"), ("en", "zh-hant")):
                checks.contents_follow(language)
                checks.switch_keeps_section(language, other)
                checks.heading_link(language)
                checks.glossary(language, other)
            pages = [f"/{language}/" for language in LANGUAGES] + [f"/{language}/{LONG_CHAPTER}/" for language in LANGUAGES]
            pages += [f"/{language}/{GLOSSARY}/" for language in LANGUAGES] + ["/404.html"]
            checks.axe_pages(source, pages)
            checks.screenshots(os.path.abspath(arguments.artefacts))
        return checks

    return run("browser navigation test", checks_made)


if __name__ == "__main__":
    sys.exit(main())
