#!/usr/bin/env python3
"""Checks every internal link and #anchor of a built site, independently of the engine.

Reads every .html file under SITE_DIR with Python's own HTML parser, resolves each href, src,
srcset, poster and action against the page's address under the site's base path, and checks
that the target file exists and, for #id, that the target page has that id (or an <a name>).
With --base-url, absolute links to the site itself (canonical, hreflang alternates), the
sitemap's URLs and robots.txt's Sitemap line are checked the same way. url(...) in .css files
is checked too. Anything that leaves the base path is an error: that is how a root-relative
link that ignores a sub-path baseURL shows up.

Problems are printed as `path:line:column: error: message`; the exit status is 1 when there is
any (or when the folder holds no page), 2 on bad arguments.

    python3 scripts/check_links.py public --base-url https://example.org/
    python3 scripts/check_links.py /tmp/site --base-path /tel53/
"""

import argparse
import os
import posixpath
import re
import sys
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

# The origin used to resolve links when no --base-url is given; it never appears in output.
PLACEHOLDER_ORIGIN = "http://site.invalid"
LINK_ATTRIBUTES = {"href", "src", "poster", "action"}
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"


class Page(HTMLParser):
    """One HTML file: the ids it defines and the links it makes, with their positions."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []  # (url, line, column)
        self.base = None

    def handle_starttag(self, tag, attrs):
        line, offset = self.getpos()
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif tag == "base" and name == "href":
                self.base = value
            elif name in LINK_ATTRIBUTES:
                self.links.append((value, line, offset + 1))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((candidate.split()[0], line, offset + 1))

    handle_startendtag = handle_starttag


class Site:
    """A built site in a folder, published at origin + base_path."""

    def __init__(self, root, origin, base_path):
        self.root = root
        self.origin = origin
        self.base_path = base_path
        self.pages = {}  # path relative to root -> Page
        self.errors = []
        self.checked = 0
        self.anchors = 0
        self.external = 0

    def error(self, file, line, column, message):
        self.errors.append(f"{os.path.join(self.root, file)}:{line}:{column}: error: {message}")

    def load(self):
        """Parses every HTML page; returns the site's other files, sorted."""
        others = []
        for folder, subfolders, names in os.walk(self.root):
            subfolders.sort()
            for name in sorted(names):
                path = os.path.relpath(os.path.join(folder, name), self.root).replace(os.sep, "/")
                if not name.endswith(".html"):
                    others.append(path)
                    continue
                page = Page()
                try:
                    with open(os.path.join(folder, name), encoding="utf-8") as file:
                        page.feed(file.read())
                    page.close()
                except UnicodeDecodeError as problem:
                    self.error(path, 1, 1, f"not UTF-8: {problem}")
                self.pages[path] = page
        return others

    def url_of(self, path):
        """The published address of the file at path (index.html is its folder)."""
        if path == "index.html" or path.endswith("/index.html"):
            path = path[: -len("index.html")]
        return self.origin + self.base_path + path

    def check(self, file, line, column, link, base_url):
        """Checks one link found in file; external links are counted and skipped."""
        resolved = urljoin(base_url, link.strip())
        parts = urlsplit(resolved)
        if parts.scheme not in ("http", "https"):
            return  # mailto:, tel:, data: and the like leave the site
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.external += 1
            return
        self.checked += 1
        if not parts.path.startswith(self.base_path):
            self.error(file, line, column, f"link '{link}' leaves the base path {self.base_path}")
            return
        relative = unquote(parts.path[len(self.base_path):])
        if relative and posixpath.normpath(relative).startswith(".."):
            self.error(file, line, column, f"link '{link}' leaves the site folder")
            return
        target = relative + "index.html" if relative == "" or relative.endswith("/") else relative
        full = os.path.join(self.root, target)
        if not os.path.isfile(full):
            if os.path.isdir(full):
                self.error(file, line, column, f"link '{link}' names a folder without the trailing slash")
            else:
                self.error(file, line, column, f"broken link '{link}': no file {target}")
            return
        anchor = unquote(parts.fragment)
        if not anchor:
            return
        self.anchors += 1
        page = self.pages.get(target)
        if page is None:
            self.error(file, line, column, f"link '{link}' has an anchor but {target} is not a page")
        elif anchor not in page.ids:
            self.error(file, line, column, f"broken anchor '{link}': {target} has no id '{anchor}'")

    def check_pages(self):
        for path, page in sorted(self.pages.items()):
            base_url = urljoin(self.url_of(path), page.base) if page.base else self.url_of(path)
            for link, line, column in page.links:
                self.check(path, line, column, link, base_url)

    def check_stylesheet(self, path):
        with open(os.path.join(self.root, path), encoding="utf-8") as file:
            text = file.read()
        for match in re.finditer(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
            line = text.count("\n", 0, match.start()) + 1
            self.check(path, line, 1, match.group(1), self.url_of(path))

    def check_sitemap(self, path):
        try:
            tree = ElementTree.parse(os.path.join(self.root, path))
        except ElementTree.ParseError as problem:
            line, column = problem.position
            self.error(path, line, column + 1, f"not well-formed XML: {problem}")
            return
        for element in tree.iter():
            if element.tag == SITEMAP_NS + "loc":
                self.check(path, 1, 1, (element.text or "").strip(), self.url_of(path))
            elif element.tag == XHTML_NS + "link":
                self.check(path, 1, 1, element.get("href", ""), self.url_of(path))

    def check_robots(self, path):
        with open(os.path.join(self.root, path), encoding="utf-8") as file:
            for number, line in enumerate(file, start=1):
                if line.lower().startswith("sitemap:"):
                    self.check(path, number, 1, line.split(":", 1)[1].strip(), self.url_of(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="the folder of the built site")
    parser.add_argument("--base-url", help="the site's published address, e.g. https://example.org/tel53/")
    parser.add_argument("--base-path", help="the path the site is served under (default: the base URL's, or /)")
    arguments = parser.parse_args()

    origin, base_path = PLACEHOLDER_ORIGIN, "/"
    if arguments.base_url:
        parts = urlsplit(arguments.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            parser.error(f"--base-url must be an http(s) address, not '{arguments.base_url}'")
        origin, base_path = f"{parts.scheme}://{parts.netloc}", parts.path or "/"
    if arguments.base_path:
        base_path = arguments.base_path
    if not base_path.startswith("/") or not base_path.endswith("/"):
        parser.error(f"the base path must start and end with '/', not '{base_path}'")
    if not os.path.isdir(arguments.site):
        parser.error(f"no folder {arguments.site}")

    site = Site(arguments.site, origin, base_path)
    others = site.load()
    if not site.pages:
        print(f"{arguments.site}: error: no .html page to check", file=sys.stderr)
        return 1
    site.check_pages()
    for path in others:
        if path.endswith(".css"):
            site.check_stylesheet(path)
        elif arguments.base_url and path == "sitemap.xml":
            site.check_sitemap(path)
        elif arguments.base_url and path == "robots.txt":
            site.check_robots(path)

    for message in site.errors:
        print(message, file=sys.stderr)
    print(
        f"check_links: {len(site.pages)} pages under {origin if arguments.base_url else ''}{base_path}: "
        f"{site.checked} internal links ({site.anchors} with #anchor), {site.external} external skipped; "
        f"{len(site.errors)} problem(s)"
    )
    return 1 if site.errors else 0


if __name__ == "__main__":
    sys.exit(main())
