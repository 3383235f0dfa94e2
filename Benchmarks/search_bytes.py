#!/usr/bin/env python3
"""What a search query downloads, and what writing the search files costs the build.

Builds generated corpora (corpus.py) and the real site with a rapporteur binary, serves each
build on 127.0.0.1 and replays queries in headless Chromium on the search page
(scripts/browser_test.py drives it): the bytes of a query are the sizes, as stored, of every
file the page fetched for it (search.js, the manifest, chunks, fragments, variants, help).
Then times the builds: wall time and `--timings` phases, medians of --runs, and the search
files' share of the output.

    python3 Benchmarks/search_bytes.py --pairs 500 1000 [--runs 3] [--binary .build/release/rapporteur] [--pagefind PATH]

Prints a Markdown table per site; writes all figures to /tmp/rapporteur-bench/search-bytes.json.
"""

import argparse
import functools
import http.server
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "scripts"))
sys.path.insert(0, str(REPOSITORY / "Benchmarks"))

import browser_test  # noqa: E402
import corpus  # noqa: E402
import search_golden  # noqa: E402

# Queries of the real site: the browser test's golden list.
SITE_QUERIES = [(language, query) for language, query, _ in search_golden.GOLDEN]


def corpus_queries(count=50, seed=7):
    """Common terms of the corpus's vocabulary, one and two terms, half each language."""
    rng = random.Random(seed)
    zh = [term for term in corpus.ZH_TERMS if len(term) >= 2]
    en = [word for word in corpus.EN_WORDS if len(word) > 3]
    queries = []
    for number in range(count):
        language = "zh-hant" if number % 2 == 0 else "en"
        words = zh if language == "zh-hant" else en
        terms = rng.sample(words, 1 if number % 4 < 2 else 2)
        queries.append((language, " ".join(terms)))
    queries += [("zh-hant", "臺灣"), ("en", "Viet Nam")]
    return queries[:count]


def build(binary, project, output, timings=True):
    """Wall time, `--timings` phases and processor time (user + system, all threads) of one build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    completed = subprocess.run(
        [os.path.abspath(binary), "build", "--output", str(output)] + (["--timings"] if timings else []),
        cwd=project, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        sys.exit(completed.stdout + completed.stderr)
    phases = {}
    for line in (completed.stdout + completed.stderr).splitlines():
        # `--timings`: "load 0.17 s, resolve 0.14 s, render 0.64 s, search 1.06 s, ...; processor time ..."
        if " render " in f" {line}" and " s" in line:
            for part in line.split(";")[0].split(","):
                bits = part.split()
                if len(bits) == 3 and bits[2] == "s":
                    phases[bits[0]] = float(bits[1])
    phases["cpu"] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, phases


def folder_bytes(folder):
    return sum(file.stat().st_size for file in Path(folder).rglob("*") if file.is_file())


def search_files(site):
    files = [file for language in ("zh-hant", "en") for file in (site / language / "search").rglob("*") if file.is_file() and file.name != "index.html"]
    return len(files), sum(file.stat().st_size for file in files)


def replay(site, queries):
    server = browser_test.serve(str(site))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    browser = browser_test.Browser(shutil.which("chromium") or "chromium", tempfile.mkdtemp(prefix="search-bytes-"))
    checks = browser_test.Checks(browser, base, str(site))
    browser.viewport(browser_test.DESKTOP)
    rows = []
    try:
        for language, query in queries:
            links, fetched = search_golden.run_query(checks, language, query)
            rows.append({"language": language, "query": query, "results": len(links), "bytes": search_golden.fetched_bytes(checks, fetched), "requests": len(fetched)})
    finally:
        browser.close()
        server.shutdown()
    return rows, checks.failures


PAGEFIND_QUERY = """(async () => {
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(%s);
  await Promise.all(search.results.slice(0, 8).map(result => result.data()));
  return search.results.length;
})()"""


class RecordingHandler(browser_test.QuietHandler):
    """Serves files and notes each path asked for: Pagefind fetches from a worker, which the
    page's Resource Timing does not see."""
    requested = []

    def do_GET(self):
        RecordingHandler.requested.append(self.path.split("?")[0])
        super().do_GET()


def serve_recording(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(RecordingHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pagefind(executable, site, queries):
    """Indexes `site` with Pagefind and replays the queries through its JavaScript API on each
    language's home page, the first 8 results' fragments loaded, as the search page loads 8."""
    started = time.monotonic()
    completed = subprocess.run([executable, "--site", str(site)], capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if completed.returncode != 0:
        sys.exit(completed.stdout + completed.stderr)
    server = serve_recording(str(site))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    browser = browser_test.Browser(shutil.which("chromium") or "chromium", tempfile.mkdtemp(prefix="search-bytes-"))
    checks = browser_test.Checks(browser, base, str(site))
    rows = []
    try:
        for language, query in queries:
            browser.devtools.call("Network.enable")
            browser.devtools.call("Network.clearBrowserCache")
            browser.open(f"{base}/{language}/")
            RecordingHandler.requested.clear()
            results = browser.evaluate(PAGEFIND_QUERY % json.dumps(query))
            fetched = [path for path in RecordingHandler.requested if path.startswith("/pagefind/")]
            rows.append({"language": language, "query": query, "results": results,
                         "bytes": search_golden.fetched_bytes(checks, fetched), "requests": len(fetched)})
    finally:
        browser.close()
        server.shutdown()
    sizes = sorted(row["bytes"] for row in rows)
    print(f"Pagefind ({executable}): index {elapsed:.2f} s, {folder_bytes(site / 'pagefind') / 1e6:.1f} MB; bytes per query: "
          f"median {statistics.median(sizes) / 1024:.1f} KB, worst {sizes[-1] / 1024:.1f} KB, "
          f"requests median {statistics.median(row['requests'] for row in rows)}")
    return {"index_s": elapsed, "query_bytes_median": statistics.median(sizes), "query_bytes_max": sizes[-1], "queries": rows}


def measure(name, binary, project, queries, runs, work, pagefind_executable=None):
    # A fresh folder each run, all removed at the end: creating files just after deleting as many
    # is slow on ext4 (its inode allocator skips recently deleted inodes), which is not the build's cost.
    outputs = [work / f"{name}-site-{run}" for run in range(runs)]
    for folder in outputs:
        shutil.rmtree(folder, ignore_errors=True)
    times, phases = [], []
    for folder in outputs:
        elapsed, timing = build(binary, project, folder)
        times.append(elapsed)
        phases.append(timing)
    output = outputs[-1]
    files, size = search_files(output)
    rows, failures = replay(output, queries)
    sizes = sorted(row["bytes"] for row in rows)
    result = {
        "site": name, "build_s_median": statistics.median(times), "builds": times, "phases": phases,
        "search_files": files, "search_bytes": size, "site_bytes": folder_bytes(output),
        "query_bytes_median": statistics.median(sizes), "query_bytes_max": sizes[-1],
        "requests_median": statistics.median(row["requests"] for row in rows), "queries": rows, "failures": failures,
    }
    search_phase = statistics.median(p.get("search", 0.0) for p in phases)
    cpu = statistics.median(p["cpu"] for p in phases)
    print(f"\n## {name}\n")
    print(f"build: median {result['build_s_median']:.2f} s of {runs} ({', '.join(f'{t:.2f}' for t in times)}); "
          f"`search` phase (waited for after render) median {search_phase:.3f} s; processor time median {cpu:.2f} s")
    print(f"search files: {files} files, {size / 1e6:.1f} MB (site {result['site_bytes'] / 1e6:.1f} MB)")
    print(f"bytes per query: median {result['query_bytes_median'] / 1024:.1f} KB, worst {result['query_bytes_max'] / 1024:.1f} KB, "
          f"requests median {result['requests_median']}\n")
    print("| language | query | results | KB | requests |\n| --- | --- | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['language']} | {row['query']} | {row['results']} | {row['bytes'] / 1024:.1f} | {row['requests']} |")
    for failure in failures:
        print(f"note: {failure}")
    if pagefind_executable:
        result["pagefind"] = pagefind(pagefind_executable, output, queries)
    for folder in outputs:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, nargs="*", default=[500, 1000], help="corpus sizes in chapter pairs (pages = 2 x pairs)")
    parser.add_argument("--runs", type=int, default=3, help="builds per site (default %(default)s)")
    parser.add_argument("--binary", default=str(REPOSITORY / ".build/release/rapporteur"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/rapporteur-bench"))
    parser.add_argument("--no-site", action="store_true", help="skip the real site")
    parser.add_argument("--pagefind", help="a Pagefind executable (PyPI: pagefind-bin-extended) to compare with on the same pages")
    arguments = parser.parse_args()
    arguments.work.mkdir(parents=True, exist_ok=True)
    results = []
    if not arguments.no_site:
        results.append(measure("TEL53", arguments.binary, REPOSITORY, SITE_QUERIES, arguments.runs, arguments.work, arguments.pagefind))
    for pairs in arguments.pairs:
        folder = arguments.work / f"search-corpus-{pairs}"
        subprocess.run([sys.executable, str(REPOSITORY / "Benchmarks/corpus.py"), "--pairs", str(pairs), "--out", str(folder)], check=True, capture_output=True)
        results.append(measure(f"{2 * pairs} pages", arguments.binary, folder / "rapporteur", corpus_queries(), arguments.runs, arguments.work, arguments.pagefind))
    (arguments.work / "search-bytes.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
