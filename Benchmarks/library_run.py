#!/usr/bin/env python3
"""Benchmarks a release build of rapporteur on a library of reports, against Hugo on the same pages.

    python3 Benchmarks/library_run.py                          # 200 reports x 25 chapter pairs, 5 runs
    python3 Benchmarks/library_run.py --reports 20 --chapters 5 --runs 3 --no-build

Generates the library with library_corpus.py, then times `rapporteur build` and `hugo` on it,
interleaved (the order rotates each round, each run into a new output folder after the file
system has settled, as run.py does): medians of wall time and peak memory (GNU time's maxrss),
and the ratios against the issue's targets (at most 0.5 x Hugo's time and memory). Then, with
rapporteur only: the save-to-reload time of one chapter under `serve` (serve_latency.py; target
under 300 ms) and the bytes a search query downloads from the library's /<lang>/search/ page
(search_bytes.py's replay in headless Chromium, skipped with a note when Chromium is missing).

A rapporteur that cannot build a library (one without `content/reports/` support) is reported
as such after one try, with the start of its error, and the Hugo side runs alone. Results also go
to WORK/library-results.json.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402
import serve_latency  # noqa: E402

TARGETS = {"time": 0.5, "memory": 0.5, "serve_ms": 300}


def main():
    parser = argparse.ArgumentParser(description="Benchmark rapporteur on a library of reports against Hugo.")
    parser.add_argument("--reports", type=int, default=200, help="reports in the library (default 200)")
    parser.add_argument("--chapters", type=int, default=25, help="chapter pairs per report (default 25)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="library seed (default 1)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/rapporteur-bench"), help="folder for the library and outputs")
    parser.add_argument("--no-build", action="store_true", help="use the existing .build-bench release binary")
    parser.add_argument("--binary", type=Path, help="a rapporteur binary to use instead of building .build-bench's")
    parser.add_argument("--saves", type=int, default=9, help="chapter saves timed under `rapporteur serve` (0: none)")
    parser.add_argument("--no-search", action="store_true", help="skip the search payload")
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    binary = args.binary.resolve() if args.binary else run.build_rapporteur(args.no_build)
    library = args.work / f"library-{args.reports}x{args.chapters}"
    run.run_checked([sys.executable, str(HERE / "library_corpus.py"), "--seed", str(args.seed), "--reports", str(args.reports),
                     "--chapters", str(args.chapters), "--out", str(library), "--repo", str(REPO)])
    stats = json.loads((library / "library.json").read_text())
    pages = stats["pages"]
    print(run.machine_line())

    commands = {
        "rapporteur": ([str(binary), "build", "--timings", "--output", "{out}"], library / "rapporteur"),
        "hugo": (["hugo", "--quiet", "--source", str(library / "hugo"), "--destination", "{out}"], library / "hugo"),
    }
    if not shutil.which("hugo"):
        print("hugo not found (apt-get install -y hugo): skipping it")
        del commands["hugo"]
    failures = {}
    for name, (argv, cwd) in list(commands.items()):
        try:
            run.measure(argv, cwd, library / f"out-try-{name}")
        except run.BuildFailed as failure:
            failures[name] = str(failure)
            del commands[name]
            why = " (a rapporteur without library support, content/reports/, fails here)" if name == "rapporteur" else ""
            print(f"\n{name} did not build the library, so it is not timed{why}; its output began:\n"
                  + "\n".join(str(failure).splitlines()[:12]) + "\n")
    results = {"machine": run.machine_line(), "library": stats, "runs": args.runs, "failed": failures, "tools": {}}
    if commands:
        results["tools"] = time_builds(commands, library, pages, args.runs)
    if "rapporteur" in commands and args.saves:
        chapter = stats["sample_chapter"]
        latencies = serve_latency.measure(binary, library / "rapporteur", chapter, args.saves)
        results["serve"] = {"chapter": chapter, "median_ms": statistics.median(latencies), "ms": latencies}
    if "rapporteur" in commands and not args.no_search:
        results["search"] = search_payload(binary, library / "rapporteur", args.work)
    run.remove_outputs(library)
    results["machine_after"] = run.machine_line()
    (args.work / "library-results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    report(results)
    print(f"\nresults saved to {args.work / 'library-results.json'}")
    if "rapporteur" in failures:
        sys.exit(1)


def time_builds(commands, library, pages, runs):
    """run.py's interleaved runs, each into a new folder: medians per tool."""
    samples = {name: [] for name in commands}
    run.settle(library)
    for number in range(runs):
        names = list(commands)
        names = names[number % len(names):] + names[:number % len(names)]
        for name in names:
            argv, cwd = commands[name]
            samples[name].append(run.measure(argv, cwd, library / f"out-{name}-{number}"))
        print(f"  {pages} pages, run {number + 1}: " + ", ".join(f"{n} {samples[n][-1]['wall']:.2f} s" for n in names), flush=True)
    return {name: run.summarize_tool(runs_, pages) for name, runs_ in samples.items()}


def search_payload(binary, project, work):
    """Bytes a query downloads on the library's search pages: search_bytes.py's corpus queries."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found (apt-get install -y chromium): the search payload is not measured")
        return None
    import search_bytes  # needs scripts/browser_test.py, which drives Chromium
    output = work / "library-search-site"
    shutil.rmtree(output, ignore_errors=True)
    # Served at the root of 127.0.0.1, so built for the root rather than the library's /library/.
    completed = subprocess.run([str(binary), "build", "--output", str(output), "--base-url", "https://example.org/"],
                               cwd=project, capture_output=True, text=True)
    if completed.returncode != 0:
        print("the library did not build for the search payload:\n" + completed.stdout + completed.stderr)
        return None
    rows, failures = search_bytes.replay(output, search_bytes.corpus_queries())
    sizes = sorted(row["bytes"] for row in rows)
    files, size = search_bytes.search_files(output)
    shutil.rmtree(output, ignore_errors=True)
    return {"query_bytes_median": statistics.median(sizes), "query_bytes_max": sizes[-1],
            "requests_median": statistics.median(row["requests"] for row in rows),
            "search_files": files, "search_bytes": size, "queries": rows, "failures": failures}


def report(results):
    library = results["library"]
    print(f"\nbefore: {results['machine']}\nafter:  {results.get('machine_after', '-')}")
    print(f"library: {library['reports']} reports x {library['chapters']} chapter pairs = {library['pages']} pages, "
          f"{library['meetings']} meetings in {library['series']} series, years {library['years'][0]}-{library['years'][-1]}, "
          f"{library['markdown_bytes'] / 1e6:.1f} MB of Markdown; median of {results['runs']} runs")
    tools = results["tools"]
    if tools:
        print(f"{'tool':<11} {'wall s':>8} {'pages/s':>9} {'peak MB':>8}")
        for name, tool in tools.items():
            print(f"{name:<11} {tool['wall_s']:>8.3f} {tool['pages_per_s']:>9.0f} {tool['maxrss_mb']:>8.0f}")
    if "rapporteur" in tools and "hugo" in tools:
        r, h = tools["rapporteur"], tools["hugo"]
        time_ratio, memory_ratio = r["wall_s"] / h["wall_s"], r["maxrss_mb"] / h["maxrss_mb"]
        print(f"rapporteur/hugo: time {time_ratio:.2f} (target <= {TARGETS['time']}: {verdict(time_ratio <= TARGETS['time'])}), "
              f"peak memory {memory_ratio:.2f} (target <= {TARGETS['memory']}: {verdict(memory_ratio <= TARGETS['memory'])})")
    if "phases_s" in tools.get("rapporteur", {}):
        print("rapporteur phases: " + run.phase_line(tools["rapporteur"]["phases_s"]))
    serve = results.get("serve")
    if serve:
        print(f"serve: {serve['chapter']} saved -> reload sent, median {serve['median_ms']:.0f} ms over {len(serve['ms'])} saves "
              f"({' '.join(f'{value:.0f}' for value in serve['ms'])}; target < {TARGETS['serve_ms']} ms: "
              f"{verdict(serve['median_ms'] < TARGETS['serve_ms'])})")
    search = results.get("search")
    if search:
        print(f"search: {len(search['queries'])} queries, bytes per query median {search['query_bytes_median'] / 1024:.1f} KB, "
              f"worst {search['query_bytes_max'] / 1024:.1f} KB, requests median {search['requests_median']}; "
              f"{search['search_files']} search files, {search['search_bytes'] / 1e6:.1f} MB")
        for failure in search["failures"]:
            print(f"note: {failure}")
    for name in results["failed"]:
        print(f"{name}: did not build the library (see above); not timed")


def verdict(met):
    return "met" if met else "NOT met"


if __name__ == "__main__":
    main()
