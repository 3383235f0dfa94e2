"""Search checks for scripts/browser_test.py: a golden list of queries and the section each must
return first, what each query fetches (bytes and requests, against BUDGET), the help a query
that finds nothing gets, and the marks a result leaves on the page it opens.

A query's bytes are the files the search page fetched for it, as stored in the site (the
page's own HTML, stylesheet and site.js are not counted; search.js is): the Resource Timing
entries of the page, mapped to the site's files.
"""

import os
import urllib.parse

BUDGET = 60 * 1024

# (language, query, the first result's path and #anchor)
GOLDEN = [
    ("zh-hant", "臺灣", "/zh-hant/conclusions/#delegation-participation"),  # 我國 and 中華臺北 are its synonyms
    ("zh-hant", "台湾", "/zh-hant/conclusions/#delegation-participation"),
    ("zh-hant", "電信", "/zh-hant/social-inclusion/#session-2"),
    ("zh-hant", "TEL54", "/zh-hant/plenary-decisions/#future-meetings"),
    ("zh-hant", "相互承認", "/zh-hant/mra-task-force/#project-e"),
    ("zh-hant", "資安", "/zh-hant/economy-reports/#philippines-cybersecurity-committee"),
    ("zh-hant", "越南", "/zh-hant/lsg/#viet-nam"),
    ("zh-hant", "下次會議", "/zh-hant/mra-task-force/#next-meeting"),
    ("zh-hant", "行動金融服務", "/zh-hant/dsg/#mobile-financial-services"),
    ("zh-hant", "三網融合", "/zh-hant/economy-reports/#china-three-network-convergence"),
    ("zh-hant", "国家电信委员会", "/zh-hant/economy-reports/#philippines-ntc-memorandum"),
    ("zh-hant", "IPv6", "/zh-hant/economy-reports/#chinese-taipei-ipv6"),
    ("en", "Vietnam", "/en/lsg/#viet-nam"),
    ("en", "TEL54", "/en/plenary-decisions/#future-meetings"),
    ("en", "mutual recognition", "/en/mra-task-force/#project-e"),
    ("en", "cybersecurity", "/en/economy-reports/#chinese-taipei-cyber-security"),
    ("en", "Taiwan", "/en/conclusions/#delegation-participation"),
    ("en", '"next meeting"', "/en/mra-task-force/#next-meeting"),
    ("en", "IPv6", "/en/connecting-people-and-things/#ipv6"),
    ("en", "Global Connect Initiative", "/en/economy-reports/#united-states-global-connect"),
    ("en", "National Privacy Commission", "/en/economy-reports/#philippines-privacy-commission"),
    ("en", "mobile financial services", "/en/dsg/#mobile-financial-services"),
]

# A query that finds nothing, in each language: the page says so and offers the other
# language's count, the nearest glossary term and the chapters.
NOTHING = [("en", "xyzzy"), ("zh-hant", "量子糾纏態"), ("zh-hant", "Philippines")]

COUNTED = "performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.includes('/search/') || p.endsWith('/search.js'))"


def fetched_bytes(checks, paths):
    total = 0
    for path in paths:
        file = os.path.join(checks.site, urllib.parse.unquote(path).lstrip("/"))
        total += os.path.getsize(file) if os.path.isfile(file) else 0
    return total


def run_query(checks, language, query):
    """Opens the search page for query; returns (first result's address, all addresses, fetched paths)."""
    path = f"/{language}/search/?q={urllib.parse.quote(query)}"
    checks.expect_no_problems(checks.browser.open(checks.base + path), path)
    checks.expect(checks.browser.wait_until("document.getElementById('search-results').dataset.done === 'true'"), f"{path}: the search did not finish")
    links = checks.browser.evaluate("Array.from(document.querySelectorAll('#search-results li > a')).map(a => a.getAttribute('href'))") or []
    fetched = checks.browser.evaluate(COUNTED) or []
    return links, fetched


def without_highlight(link):
    url = urllib.parse.urlsplit(link)
    return url.path + ("#" + url.fragment if url.fragment else "")


def check(checks):
    sizes = []
    for language, query, expected in GOLDEN:
        links, fetched = run_query(checks, language, query)
        first = without_highlight(links[0]) if links else None
        size = fetched_bytes(checks, fetched)
        sizes.append(size)
        checks.expect(first == expected, f"search {query!r} ({language}): first result {first}, expected {expected}")
        checks.expect(size <= BUDGET, f"search {query!r} ({language}): fetched {size} bytes in {len(fetched)} requests, over {BUDGET}")
        print(f"     search {query!r} ({language}): {len(links)} results, first {first}; {size} bytes, {len(fetched)} requests")
    sizes.sort()
    print(f"ok   {len(GOLDEN)} golden searches; bytes fetched: median {sizes[len(sizes) // 2]}, most {sizes[-1]} (budget {BUDGET})")
    for language, query in NOTHING:
        links, fetched = run_query(checks, language, query)
        chapters = checks.browser.evaluate("document.querySelectorAll('.search-chapter-list a').length")
        if query == "Philippines":  # the English pages have it
            checks.browser.wait_until("document.querySelector('.search-help a[hreflang]') !== null", timeout=5)
            other = checks.browser.evaluate("(document.querySelector('.search-help a[hreflang]') || {}).textContent")
            checks.expect(bool(other), f"search {query!r} ({language}) finds nothing: no link to the other language's results")
            fetched = checks.browser.evaluate(COUNTED) or []
        size = fetched_bytes(checks, fetched)
        checks.expect(chapters > 0, f"search {query!r} ({language}) finds nothing: no chapter list offered")
        checks.expect(size <= BUDGET, f"search {query!r} ({language}) finds nothing: fetched {size} bytes, over {BUDGET}")
        print(f"ok   search {query!r} ({language}) finds nothing: {chapters} chapters offered; {size} bytes")
    landing(checks)


def landing(checks):
    """A result opens its page with what it matched marked, at its section."""
    links, _ = run_query(checks, "en", "mobile financial services")
    checks.browser.open(checks.base + links[0])
    state = checks.browser.evaluate(
        "({marks: document.querySelectorAll('mark.search-highlight').length, hash: location.hash,"
        " top: document.getElementById(location.hash.slice(1)).getBoundingClientRect().top})")
    checks.expect(state["marks"] > 0, f"{links[0]}: no word marked")
    checks.expect(abs(state["top"]) < 50, f"{links[0]}: the section is not at the top ({state['top']} px)")
    print(f"ok   {links[0]}: {state['marks']} marks, {state['hash']} at the top")
