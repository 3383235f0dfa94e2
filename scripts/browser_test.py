#!/usr/bin/env python3
"""Checks the built site in a real browser: headless Chromium driven over the DevTools protocol.

Builds the site with the given rapporteur binary into a temporary folder, serves it on
127.0.0.1 (a free port), and checks in both languages:

- the home page renders (its language, title, chapter list and stylesheet), with no script
  error and no resource that fails to load;
- the language switch on a chapter lands on the same section of its counterpart;
- a search for Chinese terms (相互承認, 資安) and English terms finds results in
  #search-results, each linking to a page and #anchor that exist;
- the golden searches of scripts/search_golden.py: the section each query must return first,
  the bytes and requests each fetches (60 KB at most), the help a query that finds nothing
  gets, and a result opening its section with the words marked;
- at 375 px wide no page scrolls sideways (tables scroll inside their wrappers): every page
  of the site is checked;
- table pages at 1280 px show every column without sideways scrolling and no name, date or
  amount wraps inside; at 390 px a table is cards with labelled values, or scrolls with the
  cue (hint, edge shadow, sticky first column).

Screenshots of the home page and one chapter in both languages, at 1280 px and 375 px, light and
dark, of the search results, and of the table pages at 1280 and 390 px, are saved into the
artefacts folder. Exits 1 when a check fails, 2 when the browser or the build cannot run.

    python3 scripts/browser_test.py .build/release/rapporteur [--artefacts .build-artefacts/browser]

Needs only Python's standard library and Chromium (Debian: apt-get install chromium
fonts-noto-cjk; the fonts make the Chinese screenshots readable).
"""

import argparse
import base64
import contextlib
import functools
import http.server
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

import search_golden

LANGUAGES = ["zh-hant", "en"]
SEARCHES = {"zh-hant": ["相互承認", "資安"], "en": ["mutual recognition", "cybersecurity", "meetings"]}
SCREENSHOT_CHAPTER = "mra-task-force"
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True}
PHONE_390 = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
# The print edition's text width on A4 (210 mm less 2 x 17 mm margins) at 96 px per inch.
A4_PRINT = {"width": 665, "height": 1000, "deviceScaleFactor": 1, "mobile": False}
TIMEOUT = 20
# Table pages checked at 1280 px and 390 px (tables.css): every column in view on a desktop, no
# value cell wrapping inside, and on a phone either the scroll cue or one card per row.
TABLE_PAGES = ["/zh-hant/tables/funding/", "/en/tables/funding/", "/en/tables/officer-slates/",
               "/zh-hant/tables/officer-slates/", "/zh-hant/tables/hosting-roster/", "/en/tables/hosting-roster/",
               "/zh-hant/plenary-decisions/", "/en/plenary-decisions/"]  # the chapter that embeds all three
# A table of few columns that scrolls sideways on a phone, where the cue must show.
SCROLLING_TABLE_PAGE = "/en/tables/schedule/"
TABLE_PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}

# Per table block: whether it fits its frame, the cells whose value wraps inside (each text node
# of a value cell must lie on one line), the phone cue and the card layout.
TABLE_SCRIPT = """(() => {
  const valueCells = '.cell-short, .cell-number, .cell-money, .cell-year, .cell-date, .cell-date-range, .cell-status';
  const lines = node => { const range = document.createRange(); range.selectNodeContents(node);
    return new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top))).size; };
  return Array.from(document.querySelectorAll('.table-block')).filter(b => b.querySelector('.table-scroll')).map(block => {
    const scroller = block.querySelector('.table-scroll');
    const frame = scroller.getBoundingClientRect();
    const wrapped = [];
    for (const cell of block.querySelectorAll('tbody ' + valueCells.split(', ').join(', tbody '))) {
      for (const node of cell.childNodes) {
        if (node.nodeType === 3 && node.textContent.trim() && lines(node) > 1 && wrapped.length < 5) wrapped.push(node.textContent.trim());
      }
    }
    const hidden = Array.from(block.querySelectorAll('thead th')).filter(th => {
      const box = th.getBoundingClientRect(); return box.width > 0 && box.right > frame.right + 1; }).map(th => th.textContent.trim());
    const hint = block.querySelector('.table-scroll-hint');
    const firstCell = block.querySelector('tbody tr > :first-child');
    const cells = Array.from(block.querySelectorAll('tbody td'));
    return {
      caption: (block.querySelector('caption') || {}).textContent || '',
      cards: block.classList.contains('table-cards') && getComputedStyle(block.querySelector('tbody tr')).display === 'block',
      scrolls: scroller.scrollWidth > scroller.clientWidth + 1,
      hidden: hidden,
      wrapped: wrapped,
      hint: !!hint && getComputedStyle(hint).display !== 'none' && hint.textContent.trim() !== '',
      shadow: getComputedStyle(block.querySelector('.table-frame'), '::after').opacity === '1',
      sticky: !!firstCell && getComputedStyle(firstCell).position === 'sticky',
      labelled: cells.every(td => getComputedStyle(td, '::before').content === JSON.stringify(td.dataset.label || '')),
      narrowest: Math.min(...cells.filter(td => td.textContent.trim().length > 3).map(td => td.getBoundingClientRect().width)),
    };
  });
})()"""

# Contrast of every element's own visible text with the first opaque background behind it:
# 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Returns up to five failures.
CONTRAST_SCRIPT = """(() => {
  const channels = color => (color.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = element => {
    for (let node = element; node; node = node.parentElement) {
      const color = channels(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || color[3] === 1) return color;
    }
    return [255, 255, 255];
  };
  const failures = [];
  for (const element of document.querySelectorAll('body *')) {
    const own = Array.from(element.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || element.getClientRects().length === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.opacity === '0' || style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
    const [a, b] = [luminance(channels(style.color)), luminance(background(element))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5) && failures.length < 5)
      failures.push(element.tagName.toLowerCase() + '.' + element.className + ' ' + ratio.toFixed(2));
  }
  return failures;
})()"""


class BrowserError(Exception):
    """The browser or the protocol failed (not a check of the site)."""


# MARK: - A minimal WebSocket client for the DevTools protocol


class DevTools:
    """One page of Chromium, driven over its DevTools WebSocket (RFC 6455, text frames only)."""

    def __init__(self, ws_url):
        parts = urllib.parse.urlsplit(ws_url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.reader = self.sock.makefile("rb")
        status = self.reader.readline()
        if b" 101 " not in status:
            raise BrowserError(f"DevTools WebSocket handshake failed: {status!r}")
        while self.reader.readline() not in (b"\r\n", b""):
            pass
        self.next_id = 0
        self.events = []

    def close(self):
        self.sock.close()

    def call(self, method, **params):
        self.next_id += 1
        message_id = self.next_id
        self._send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == message_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for_event(self, method, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    del self.events[: index + 1]
                    return event
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out waiting for {method}")
            message = self._receive()
            if "method" in message:
                self.events.append(message)

    def _send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
        self.sock.sendall(bytes(header) + mask + masked)

    def _receive(self):
        data = b""
        while True:
            first, second = self._read(2)
            opcode, length = first & 0x0F, second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else None
            payload = self._read(length)
            if mask:
                payload = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
            if opcode == 0x8:
                raise BrowserError("the browser closed the DevTools connection")
            if opcode == 0x9:  # ping: answer with a pong (masked, as every client frame)
                mask = os.urandom(4)
                self.sock.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
                continue
            if opcode in (0x0, 0x1, 0x2):
                data += payload
                if first & 0x80:
                    return json.loads(data.decode())

    def _read(self, count):
        data = self.reader.read(count)
        if len(data) != count:
            raise BrowserError("the DevTools connection ended")
        return data


# MARK: - Browser, server, build


class Browser:
    """Headless Chromium with one page, plus helpers for the checks."""

    def __init__(self, executable, profile):
        self.process = subprocess.Popen(
            [
                executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--mute-audio",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                f"--user-data-dir={profile}", "about:blank",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.monotonic() + TIMEOUT
        while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise BrowserError("Chromium did not start its DevTools server")
            time.sleep(0.1)
        port = int(open(port_file).read().split("\n")[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as response:
            targets = json.load(response)
        page = next(target for target in targets if target.get("type") == "page")
        self.devtools = DevTools(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log"):
            self.devtools.call(f"{domain}.enable")

    def close(self):
        self.devtools.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def viewport(self, metrics, dark=False):
        self.devtools.call("Emulation.setDeviceMetricsOverride", **metrics)
        scheme = "dark" if dark else "light"
        self.devtools.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": scheme}])

    def open(self, url):
        """Loads url and returns the script errors and failed loads it reported."""
        self.devtools.events.clear()
        result = self.devtools.call("Page.navigate", url=url)
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        if "loaderId" in result:  # absent when only the #fragment changed: no new document loads
            self.devtools.wait_for_event("Page.loadEventFired")
        return self.problems()

    def click_and_wait(self, selector):
        self.devtools.events.clear()
        self.evaluate(f"document.querySelector({json.dumps(selector)}).click()")
        self.devtools.wait_for_event("Page.loadEventFired")
        return self.problems()

    def problems(self):
        found = []
        for event in self.devtools.events:
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                found.append("script error: " + params["exceptionDetails"].get("text", ""))
            elif event["method"] == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}".strip())
        return found

    def evaluate(self, expression):
        result = self.devtools.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluating {expression[:60]!r}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def wait_until(self, expression, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def screenshot(self, path):
        data = self.devtools.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """Serves folder on 127.0.0.1 at a free port, in a background thread."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build(binary, output):
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    completed = subprocess.run([os.path.abspath(binary), "build", "--output", output], cwd=repository, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise BrowserError(f"the build failed (exit {completed.returncode})")


def built_site(binary, chromium, prefix):
    """Builds the site into a temporary folder, serves it, and yields (browser, base URL, folder)."""

    def make(work):
        site = os.path.join(work, "site")
        build(binary, site)
        return site, "", site

    return served(chromium, prefix, make)


@contextlib.contextmanager
def served(chromium, prefix, make):
    """A temporary folder in which `make(work)` builds a site and returns (the folder to serve,
    the site's path under it, the site's folder); yields (browser, base URL, site folder) while
    it is served, then stops the browser and the server and removes the folder."""
    work = tempfile.mkdtemp(prefix=prefix)
    server = browser = None
    try:
        root, base_path, site = make(work)
        server = serve(root)
        browser = Browser(chromium, os.path.join(work, "profile"))
        yield browser, f"http://127.0.0.1:{server.server_address[1]}{base_path}", site
    finally:
        if browser:
            browser.close()
        if server:
            server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


# MARK: - Checks


class Checks:
    def __init__(self, browser, base, site):
        self.browser = browser
        self.base = base
        self.site = site
        self.failures = []
        self.passed = 0

    def expect(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
            print(f"FAIL {message}")

    def axe_on_page(self, source, where):
        """axe-core (`source`, its axe.min.js) on the open page; every violation printed."""
        self.browser.evaluate(source + "\n;true")
        violations = self.browser.evaluate(
            """axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
                 id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary.split('\\n').slice(1, 2).join(''))})))"""
        )
        for violation in violations:
            print(f"     axe {where}: {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                print(f"         {node}")
        self.expect(not violations, f"axe: {len(violations)} violation(s) on {where}")

    def expect_no_problems(self, problems, page):
        self.expect(not problems, f"{page}: " + "; ".join(problems))

    def home(self, language):
        path = f"/{language}/"
        problems = self.browser.open(self.base + path)
        self.expect_no_problems(problems, path)
        state = self.browser.evaluate(
            """({lang: document.documentElement.lang, h1: (document.querySelector('h1') || {}).textContent || '',
                chapters: document.querySelectorAll('.chapter-list a').length,
                styled: getComputedStyle(document.body).marginTop === '0px',
                switchLink: !!document.querySelector('.language-switch a[hreflang][lang]'),
                decisions: (() => {
                  const heading = document.querySelector('.summary #decisions');
                  const chapters = document.querySelector('.chapter-list');
                  if (!heading || !chapters) return null;
                  const list = heading.nextElementSibling;
                  return {items: list ? list.querySelectorAll('li').length : 0, visible: heading.getBoundingClientRect().height > 0,
                          beforeChapters: !!(heading.compareDocumentPosition(chapters) & Node.DOCUMENT_POSITION_FOLLOWING)};
                })()})"""
        )
        expected_lang = "zh-Hant" if language == "zh-hant" else "en"
        self.expect(state["lang"] == expected_lang, f"{path}: <html lang> is {state['lang']!r}")
        self.expect(state["h1"].strip() != "", f"{path}: no title")
        self.expect(state["chapters"] > 0, f"{path}: no chapter list")
        self.expect(state["styled"], f"{path}: the stylesheet is not applied")
        self.expect(state["switchLink"], f"{path}: no language switch with hreflang and lang")
        decisions = state["decisions"]
        self.expect(
            decisions and decisions["items"] > 0 and decisions["visible"] and decisions["beforeChapters"],
            f"{path}: no decisions block (the report at a glance) before the chapter list: {decisions}")
        print(f"ok   {path} renders: {state['h1'].strip()[:40]}…, the decisions at a glance, {state['chapters']} chapters")

    def language_switch(self, language, other, chapter):
        anchor = self.browser.evaluate("document.querySelector('.toc a') && document.querySelector('.toc a').hash")
        path = f"/{language}/{chapter}/"
        self.expect_no_problems(self.browser.open(self.base + path + (anchor or "")), path)
        problems = self.browser.click_and_wait(f'.language-switch a[hreflang="{self.lang_code(other)}"]')
        self.expect_no_problems(problems, f"/{other}/{chapter}/")
        state = self.browser.evaluate(
            "({path: location.pathname, hash: location.hash, lang: document.documentElement.lang,"
            " target: !location.hash || !!document.getElementById(decodeURIComponent(location.hash.slice(1)))})"
        )
        self.expect(state["path"] == f"/{other}/{chapter}/", f"switch on {path} went to {state['path']}")
        self.expect(state["lang"] == self.lang_code(other), f"switch on {path}: page language {state['lang']}")
        self.expect(state["hash"] == (anchor or ""), f"switch on {path}{anchor or ''}: section {state['hash']!r} not kept")
        self.expect(state["target"], f"switch on {path}: {state['hash']} does not exist on {state['path']}")
        print(f"ok   language switch {path}{anchor or ''} → {state['path']}{state['hash']}")

    def search(self, language, query):
        path = f"/{language}/search/?q={urllib.parse.quote(query)}"
        self.expect_no_problems(self.browser.open(self.base + path), path)
        done = self.browser.wait_until("document.getElementById('search-results').dataset.done === 'true'")
        self.expect(done, f"{path}: the search did not finish")
        links = self.browser.evaluate("Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'))") or []
        self.expect(len(links) > 0, f"search for {query!r} ({language}): no results in #search-results")
        self.expect(any("#" in link for link in links), f"search for {query!r} ({language}): no result links to a section anchor")
        missing = self.browser.evaluate(
            """(async (links) => {
                const missing = [];
                for (const link of links) {
                  const url = new URL(link, location.href);
                  const response = await fetch(url.pathname);
                  if (!response.ok) { missing.push(link + ' (' + response.status + ')'); continue; }
                  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
                  if (url.hash && !page.getElementById(decodeURIComponent(url.hash.slice(1)))) missing.push(link);
                }
                return missing;
              })(%s)"""
            % json.dumps(links)
        )
        self.expect(not missing, f"search for {query!r} ({language}): results link to missing pages or anchors: {missing}")
        print(f"ok   search {query!r} ({language}): {len(links)} results, first {links[0] if links else '-'}")
        return path

    def chapter_layout(self, language, chapter):
        """At 1280 px the table of contents is beside the text; at 375 px it and the chapter list are closed."""
        path = f"/{language}/{chapter}/"
        layout = """({
            tocBeside: document.querySelector('.toc').getBoundingClientRect().left >= document.querySelector('.chapter-body').getBoundingClientRect().right,
            current: (document.querySelector('.chapter-nav [aria-current="page"]') || {}).pathname,
            closed: Array.from(document.querySelectorAll('details[data-collapse-narrow]')).every(details => !details.open)})"""
        self.browser.viewport(DESKTOP)
        self.browser.open(self.base + path)
        wide = self.browser.evaluate(layout)
        self.expect(wide["tocBeside"], f"{path} at 1280 px: the table of contents is not beside the text")
        self.expect(wide["current"] == path, f"{path}: the chapter list marks {wide['current']!r} as current")
        self.browser.viewport(PHONE)
        self.browser.open(self.base + path)
        narrow = self.browser.evaluate(layout)
        self.expect(narrow["closed"], f"{path} at 375 px: the chapter list or table of contents is open")
        self.browser.viewport(DESKTOP)
        print(f"ok   {path}: contents beside the text at 1280 px, collapsed at 375 px, current chapter marked")

    def contrast(self, page):
        """Every piece of visible text has WCAG 2.1 AA contrast with the background behind it."""
        failures = self.browser.evaluate(CONTRAST_SCRIPT)
        self.expect(not failures, f"{page}: text below WCAG AA contrast: {failures}")

    def no_sideways_scroll(self, pages):
        self.browser.viewport(PHONE)
        wide = []
        for path in pages:
            self.expect_no_problems(self.browser.open(self.base + path), path)
            state = self.browser.evaluate(
                """(() => {
                  const width = document.documentElement.clientWidth;
                  const culprits = [];
                  if (document.documentElement.scrollWidth > width) {
                    for (const element of document.querySelectorAll('body *')) {
                      if (element.closest('.table-scroll')) continue;
                      const box = element.getBoundingClientRect();
                      if (box.right > width + 0.5 && culprits.length < 3)
                        culprits.push(element.tagName.toLowerCase() + (element.className ? '.' + element.className : '') + ' ' + Math.round(box.right) + 'px');
                    }
                  }
                  return {width: width, scrollWidth: document.documentElement.scrollWidth, culprits: culprits};
                })()"""
            )
            if state["scrollWidth"] > PHONE["width"]:
                wide.append(f"{path} is {state['scrollWidth']} px wide ({', '.join(state['culprits'])})")
        self.expect(not wide, "pages scroll sideways at 375 px:\n  " + "\n  ".join(wide))
        print(f"ok   {len(pages) - len(wide)} of {len(pages)} pages fit 375 px without sideways scrolling")

    def screenshots(self, folder, chapter, searches):
        os.makedirs(folder, exist_ok=True)
        taken = []
        for dark in (False, True):
            for name, metrics in (("desktop", DESKTOP), ("phone", PHONE)):
                self.browser.viewport(metrics, dark=dark)
                for language in LANGUAGES:
                    for kind, path in (("home", f"/{language}/"), ("chapter", f"/{language}/{chapter}/")):
                        self.browser.open(self.base + path)
                        self.contrast(f"{path} ({name}, {'dark' if dark else 'light'})")
                        file = os.path.join(folder, f"{kind}-{language}-{name}{'-dark' if dark else ''}.png")
                        self.browser.screenshot(file)
                        taken.append(file)
        for name, metrics in (("desktop", DESKTOP), ("phone", PHONE)):
            self.browser.viewport(metrics)
            for language, path in searches:
                self.browser.open(self.base + path)
                self.browser.wait_until("document.getElementById('search-results').dataset.done === 'true'", timeout=5)
                self.contrast(path)
                file = os.path.join(folder, f"search-{language}-{name}.png")
                self.browser.screenshot(file)
                taken.append(file)
        self.browser.viewport(DESKTOP)
        print(f"ok   {len(taken)} screenshots in {folder}; text contrast checked on each (WCAG AA)")

    # MARK: Publication details and the print edition

    def publication(self, folder, language):
        """The home's colophon and cite box at 1280 and 390 px (screenshots scrolled to them),
        and the print edition under print media on an A4-wide viewport: nothing wider than the page."""
        os.makedirs(folder, exist_ok=True)
        for name, metrics in (("desktop", DESKTOP), ("phone-390", PHONE_390)):
            self.browser.viewport(metrics)
            self.expect_no_problems(self.browser.open(f"{self.base}/{language}/"), f"/{language}/")
            state = self.browser.evaluate("""(() => {
              const cite = document.querySelector('#cite');
              cite.scrollIntoView();
              document.querySelector('#publication').scrollIntoView();
              return {cite: !!cite && cite.closest('section').querySelector('.citation-text').textContent.length > 20,
                      bib: !!document.querySelector('a[href$=".bib"][download]'),
                      print: !!document.querySelector('.editions a[href$="/print/"]'),
                      wide: document.documentElement.scrollWidth > innerWidth};
            })()""")
            self.expect(state["cite"] and state["bib"] and state["print"], f"/{language}/ ({name}): the cite box or its links are missing: {state}")
            self.expect(not state["wide"], f"/{language}/ ({name}): the page scrolls sideways")
            self.browser.screenshot(os.path.join(folder, f"home-publication-{language}-{name}.png"))
        self.browser.viewport(A4_PRINT)
        self.browser.devtools.call("Emulation.setEmulatedMedia", media="print")
        self.expect_no_problems(self.browser.open(f"{self.base}/{language}/print/"), f"/{language}/print/")
        # Tables of seven columns or more print on landscape pages (print.css), 1009 px wide.
        wide = self.browser.evaluate("""[...document.querySelectorAll('main table, main pre, main img')]
          .filter(e => e.getBoundingClientRect().width > (e.closest('.table-block:has(thead th:nth-child(7))')
            ? 1009 : document.documentElement.clientWidth) + 1)
          .map(e => (e.querySelector('caption') || e).textContent.trim().slice(0, 40))""")
        self.expect(not wide, f"/{language}/print/: wider than an A4 page in print: {wide}")
        self.browser.devtools.call("Emulation.setEmulatedMedia", media="")
        self.browser.viewport(DESKTOP)
        print(f"ok   /{language}/: colophon and cite box at 1280 and 390 px; /{language}/print/ fits A4 in print")

    def tables(self, folder):
        """Table pages at 1280 px: every column in view, the page and the table without sideways
        scrolling, no value cell wrapping inside; at 390 px: each table is cards (labelled, no
        one-character columns) or scrolls with the cue (hint, edge shadow, sticky first column)."""
        os.makedirs(folder, exist_ok=True)
        for name, metrics in (("desktop", DESKTOP), ("phone", TABLE_PHONE)):
            for path in TABLE_PAGES + [SCROLLING_TABLE_PAGE]:
                self.browser.viewport(metrics)
                self.expect_no_problems(self.browser.open(self.base + path), path)
                page_width = self.browser.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                self.expect(page_width <= 0, f"{path} at {metrics['width']} px scrolls sideways by {page_width} px")
                for table in self.browser.evaluate(TABLE_SCRIPT):
                    where = f"{path} at {metrics['width']} px, table {table['caption'].strip()!r}"
                    self.expect(not table["wrapped"], f"{where}: values wrap inside: {table['wrapped']}")
                    if name == "desktop" and path != SCROLLING_TABLE_PAGE:
                        self.expect(not table["scrolls"], f"{where}: the table scrolls sideways")
                        self.expect(not table["hidden"], f"{where}: columns out of view: {table['hidden']}")
                    elif name == "phone" and table["cards"]:
                        self.expect(not table["scrolls"], f"{where}: the cards scroll sideways")
                        self.expect(table["labelled"], f"{where}: a card's value is not labelled with its column")
                        self.expect(table["narrowest"] >= 100, f"{where}: a card's value is {table['narrowest']:.0f} px wide")
                    elif name == "phone":
                        self.expect(table["scrolls"] or path != SCROLLING_TABLE_PAGE, f"{where}: expected a table wider than the phone")
                        if table["scrolls"]:
                            self.expect(table["hint"], f"{where}: no 'scroll' hint")
                            self.expect(table["shadow"], f"{where}: no edge shadow")
                            self.expect(table["sticky"], f"{where}: the first column is not sticky")
                height = self.browser.evaluate("document.documentElement.scrollHeight")
                self.browser.devtools.call("Emulation.setDeviceMetricsOverride", **dict(metrics, height=min(height, 8000)))
                self.browser.screenshot(os.path.join(folder, f"table-{path.strip('/').replace('/', '-')}-{name}.png"))
        self.browser.viewport(DESKTOP)
        print(f"ok   {len(TABLE_PAGES) + 1} table pages at 1280 and 390 px: columns in view, values unwrapped, phone cue or cards; screenshots in {folder}")

    @staticmethod
    def lang_code(segment):
        return "zh-Hant" if segment == "zh-hant" else segment


def site_pages(site):
    pages = []
    for root, _, files in os.walk(site):
        for name in files:
            relative = os.path.relpath(os.path.join(root, name), site).replace(os.sep, "/")
            if name == "index.html":
                pages.append("/" + relative[: -len("index.html")])
            elif name.endswith(".html"):
                pages.append("/" + relative)
    return sorted(pages)


def command_line(description, artefacts=".build-artefacts/browser"):
    """The arguments every browser test takes: the binary, --artefacts and --chromium."""
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("binary", help="the rapporteur executable (release or debug)")
    parser.add_argument("--artefacts", default=artefacts, help="folder for the screenshots (default: %(default)s)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium", help="the Chromium executable")
    return parser.parse_args()


def run(name, checks_made):
    """Runs `checks_made()`, which returns its Checks, and prints their count. The exit status:
    2 when the browser, the build or a file failed, 1 when a check did, else 0."""
    try:
        checks = checks_made()
    except (BrowserError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{name}: {checks.passed} checks passed, {len(checks.failures)} failed")
    return 1 if checks.failures else 0


def main():
    arguments = command_line(__doc__)
    return run("browser test", lambda: browser_checks(arguments))


def browser_checks(arguments):
    """The whole test of the built site; returns its Checks."""
    with built_site(arguments.binary, arguments.chromium, "rapporteur-browser-") as (browser, base, site):
        print(f"serving {site} at {base}")
        checks = Checks(browser, base, site)
        browser.viewport(DESKTOP)
        chapter = SCREENSHOT_CHAPTER if os.path.isdir(os.path.join(site, "en", SCREENSHOT_CHAPTER)) else next(
            page.split("/")[2] for page in site_pages(site) if page.startswith("/en/") and page.count("/") == 3 and "/search/" not in page
        )
        for language in LANGUAGES:
            checks.home(language)
        for language, other in (("zh-hant", "en"), ("en", "zh-hant")):
            browser.open(f"{base}/{language}/{chapter}/")
            checks.language_switch(language, other, chapter)
        for language in LANGUAGES:
            checks.chapter_layout(language, chapter)
        searches = []
        for language in LANGUAGES:
            for query in SEARCHES[language]:
                path = checks.search(language, query)
            searches.append((language, path))
        search_golden.check(checks)
        checks.no_sideways_scroll(site_pages(site) + [path for _, path in searches])
        checks.tables(os.path.abspath(arguments.artefacts))
        checks.screenshots(os.path.abspath(arguments.artefacts), chapter, searches)
        for language in LANGUAGES:
            checks.publication(os.path.abspath(arguments.artefacts), language)
    return checks


if __name__ == "__main__":
    sys.exit(main())
