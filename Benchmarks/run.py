#!/usr/bin/env python3
"""Benchmarks a release build of rapporteur against Hugo and the raw libcmark limit.

    python3 Benchmarks/run.py                      # 1,000 and 10,000 pages, 5 runs each
    python3 Benchmarks/run.py --pages 1000 --runs 7

Steps: build rapporteur in release mode (--scratch-path .build-bench), compile
Benchmarks/rawlimit.c, generate each corpus with Benchmarks/corpus.py, then per size run
rapporteur, hugo and rawlimit interleaved (the order rotates each round), each run into a new
output folder once the file system has settled (see `settle`), and print medians of wall time,
pages per second, peak memory (the child's maxrss), rapporteur's phase times (`build --timings`)
and the ratios. Then the same tools rebuild into one folder again and again, as a user does
(two untimed builds first: rapporteur reuses the tree the build before last replaced). Then time the real site's release build (writing to a temporary folder, never
to public/) and `serve`'s save-to-reload latency (serve_latency.py) on the real site and the
largest corpus. Results are also saved as JSON.

Needs Python 3, gcc, libcmark-dev, Debian's hugo and GNU time for peak memory
(apt-get install -y hugo time); a missing hugo is skipped with a note. Corpora and outputs go to --work (default /tmp/rapporteur-bench).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import serve_latency  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="Benchmark rapporteur against Hugo and the raw libcmark limit.")
    parser.add_argument("--pages", default="1000,10000", help="corpus sizes in pages, comma-separated (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool per size (default 5)")
    parser.add_argument("--real-runs", type=int, default=11, help="timed runs of the real site's build (default 11)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--nav", choices=["none", "full"], default="none", help="passed to corpus.py (default none)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/rapporteur-bench"), help="folder for corpora and outputs")
    parser.add_argument("--no-build", action="store_true", help="use the existing .build-bench release binary")
    parser.add_argument("--tools", default="rapporteur,hugo,rawlimit", help="tools to time (default all three)")
    parser.add_argument("--saves", type=int, default=9,
                        help="chapter saves timed under `rapporteur serve`, on the real site and the largest corpus (0: none)")
    args = parser.parse_args()

    sizes = [int(p) for p in args.pages.split(",")]
    if any(p % 2 for p in sizes):
        sys.exit("--pages: each size must be even (pairs of chapters)")
    tools = args.tools.split(",")
    args.work.mkdir(parents=True, exist_ok=True)
    binary = build_rapporteur(args.no_build)
    rawlimit = build_rawlimit(args.work)
    if "hugo" in tools and not shutil.which("hugo"):
        print("hugo not found (apt-get install -y hugo): skipping it")
        tools.remove("hugo")
    print(machine_line())

    results = {"machine": machine_line(), "seed": args.seed, "runs": args.runs, "nav": args.nav, "sizes": []}
    for pages in sizes:
        corpus = args.work / f"corpus-{pages}"
        run_checked([sys.executable, str(HERE / "corpus.py"), "--seed", str(args.seed), "--pairs", str(pages // 2),
                     "--out", str(corpus), "--nav", args.nav, "--repo", str(REPO)])
        commands = {
            "rapporteur": ([str(binary), "build", "--timings", "--output", "{out}"], corpus / "rapporteur"),
            "hugo": (["hugo", "--quiet", "--source", str(corpus / "hugo"), "--destination", "{out}"], corpus / "hugo"),
            "rawlimit": ([str(rawlimit), str(corpus / "rapporteur" / "content"), "{out}"], corpus),
        }
        chosen = {name: commands[name] for name in tools}
        samples = {name: [] for name in chosen}
        settle(corpus)
        # Small corpora get one untimed round first; large ones were just written, so they are in the page cache.
        rounds = ([False] if pages <= 2000 else []) + [True] * args.runs
        for number, timed in enumerate(rounds):
            names = list(chosen)
            names = names[number % len(names):] + names[:number % len(names)]
            for name in names:
                argv, cwd = chosen[name]
                sample = measure(argv, cwd, corpus / f"out-{name}-{number}")
                if timed:
                    samples[name].append(sample)
            print(f"  {pages} pages, {'run ' + str(number + 1 - (len(rounds) - args.runs)) if timed else 'warm-up'}: "
                  + ", ".join(f"{n} {samples[n][-1]['wall']:.2f} s" if timed else n for n in names), flush=True)
        # Rebuilds: every tool into its own folder, which it replaces or overwrites each time.
        rebuilds = {name: [] for name in chosen}
        for number in range(2 + args.runs):
            for name in chosen:
                argv, cwd = chosen[name]
                sample = measure(argv, cwd, corpus / f"out-rebuild-{name}", fresh=False)
                if number >= 2:
                    rebuilds[name].append(sample)
            if number >= 2:
                print(f"  {pages} pages, rebuild {number - 1}: " + ", ".join(f"{n} {rebuilds[n][-1]['wall']:.2f} s" for n in chosen), flush=True)
        results["sizes"].append(summarize(pages, samples) | {"rebuild": summarize(pages, rebuilds)["tools"]})
        remove_outputs(corpus)
        (args.work / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    if "rapporteur" in tools:
        try:
            real = [measure([str(binary), "build", "--timings", "--output", "{out}"], REPO, args.work / "out-real")
                    for _ in range(args.real_runs)]
            results["real"] = summarize_tool(real, pages=None)
        except BuildFailed as failure:
            print(f"the real site did not build, so it is not timed:\n{failure}")
    if "rapporteur" in tools and args.saves:
        results["serve"] = {}
        largest = args.work / f"corpus-{max(sizes)}" / "rapporteur"
        chapter = sorted((largest / "content" / "en").glob("*.md"))[len(list((largest / "content" / "en").glob("*.md"))) // 2]
        for name, project, path in [("real", REPO, "content/en/04-plenary.md"),
                                    (f"{max(sizes)} pages", largest, str(chapter.relative_to(largest)))]:
            latencies = serve_latency.measure(binary, project, path, args.saves)
            results["serve"][name] = {"median_ms": statistics.median(latencies), "ms": latencies}
    results["machine_after"] = machine_line()
    report(results)
    (args.work / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nresults saved to {args.work / 'results.json'}")


# MARK: - Building

def build_rapporteur(skip):
    if not skip:
        print("building rapporteur (release, --scratch-path .build-bench)...", flush=True)
        run_checked(["swift", "build", "-c", "release", "--scratch-path", ".build-bench", "--product", "rapporteur"], cwd=REPO)
    binary = REPO / ".build-bench" / "release" / "rapporteur"
    if not binary.exists():
        sys.exit(f"{binary} is missing: run without --no-build")
    return binary


def build_rawlimit(work):
    binary = work / "rawlimit"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark"], capture_output=True, text=True).stdout.split() or ["-lcmark"]
    run_checked(["gcc", "-O2", "-o", str(binary), str(HERE / "rawlimit.c")] + flags)
    return binary


def run_checked(argv, cwd=None):
    result = subprocess.run(argv, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(argv)}")


def machine_line():
    cpu = "unknown CPU"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split(" ")[1] if shutil.which("hugo") else "no hugo"
    return f"{os.cpu_count()} cores, {cpu}, load {os.getloadavg()[0]:.2f}, hugo {hugo}"


# MARK: - Measuring

class BuildFailed(Exception):
    """A timed command exited with an error."""


def settle(corpus):
    """Removes earlier outputs, then waits until ext4 may reuse their inodes.

    On ext4 without a journal (this machine's disk) a new inode is sought from the start of its
    group, skipping each one freed less than 60 s ago (360 s while its inode table block is
    dirty; see `recently_deleted` in fs/ext4/ialloc.c). Writing 20,000 files just after deleting
    20,000 others took every tool several times longer, and more with every run. So every run
    writes into its own new folder, nothing is deleted between runs, and the runs start 61 s
    after the last deletion (or the corpus was written) was synced.
    """
    remove_outputs(corpus)
    os.sync()
    time.sleep(61)


def remove_outputs(corpus):
    """Every run's output, and the tree rapporteur keeps beside an output for its next build."""
    for out in list(corpus.glob("out-*")) + list(corpus.glob(".out-*")):
        if out.is_dir():
            shutil.rmtree(out)


def measure(argv, cwd, out, fresh=True):
    """Runs one build into `out` (new, or removed first unless not `fresh`): wall time, the child's peak RSS and rapporteur's phases."""
    if fresh and out.exists():
        shutil.rmtree(out)
    argv = [a.replace("{out}", str(out)) for a in argv]
    log = out.parent / (out.name + ".log")
    peak = out.parent / (out.name + ".maxrss")
    # A child forked from Python counts Python's own pages in its maxrss; /usr/bin/time's do not matter.
    wrapper = ["/usr/bin/time", "-f", "%M", "-o", str(peak)] if Path("/usr/bin/time").exists() else []
    with open(log, "w+") as output:
        start = time.perf_counter()
        child = subprocess.Popen(wrapper + argv, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    if child.returncode != 0:
        raise BuildFailed(f"failed ({child.returncode}): {' '.join(argv)}\n{text}")
    maxrss_kb = int(peak.read_text().split()[-1]) if wrapper else usage.ru_maxrss
    phases = {}
    if "--timings" in argv:
        line = next((l for l in text.splitlines() if l.startswith("load ")), "")
        phases = {m.group(1): float(m.group(2)) for m in re.finditer(r"(\w+) ([0-9.]+) s", line)}
    return {"wall": wall, "maxrss_mb": maxrss_kb / 1024, "phases": phases, "load": os.getloadavg()[0]}


def summarize(pages, samples):
    return {"pages": pages, "tools": {name: summarize_tool(runs, pages) for name, runs in samples.items()}}


def summarize_tool(runs, pages):
    wall = statistics.median(r["wall"] for r in runs)
    summary = {
        "wall_s": wall,
        "wall_runs_s": [round(r["wall"], 4) for r in runs],
        "maxrss_mb": statistics.median(r["maxrss_mb"] for r in runs),
        "load": statistics.median(r["load"] for r in runs),
    }
    if pages:
        summary["pages_per_s"] = pages / wall
    if runs and runs[0]["phases"]:
        summary["phases_s"] = {phase: statistics.median(r["phases"][phase] for r in runs) for phase in runs[0]["phases"]}
    return summary


# MARK: - Report

def report(results):
    print(f"\nbefore: {results['machine']}\nafter:  {results.get('machine_after', '-')}")
    print(f"seed {results['seed']}, median of {results['runs']} runs, nav {results['nav']}")
    print(f"{'pages':>7} {'tool':<11} {'wall s':>8} {'pages/s':>9} {'peak MB':>8}  {'vs hugo':>8} {'vs raw':>8}")
    for size in results["sizes"]:
        tools = size["tools"]
        for name, tool in tools.items():
            hugo = tools.get("hugo", {}).get("wall_s")
            raw = tools.get("rawlimit", {}).get("wall_s")
            print(f"{size['pages']:>7} {name:<11} {tool['wall_s']:>8.3f} {tool['pages_per_s']:>9.0f} {tool['maxrss_mb']:>8.0f}  "
                  f"{ratio(tool['wall_s'], hugo):>8} {ratio(tool['wall_s'], raw):>8}")
        if "rapporteur" in tools and "hugo" in tools:
            r, h = tools["rapporteur"], tools["hugo"]
            print(f"{'':>7} rapporteur/hugo: time {r['wall_s'] / h['wall_s']:.2f}, peak memory {r['maxrss_mb'] / h['maxrss_mb']:.2f}")
        if "phases_s" in tools.get("rapporteur", {}):
            print(f"{'':>7} rapporteur phases: " + phase_line(tools["rapporteur"]["phases_s"]))
        rebuild = size.get("rebuild", {})
        if rebuild:
            hugo = rebuild.get("hugo", {}).get("wall_s")
            print(f"{'':>7} rebuilds into the same folder: " + ", ".join(
                f"{name} {tool['wall_s']:.3f} s ({ratio(tool['wall_s'], hugo)} hugo)" for name, tool in rebuild.items()))
        print(f"{'':>7} median 1-minute load average during the runs: {statistics.median(t['load'] for t in tools.values()):.2f}")
    if "real" in results:
        real = results["real"]
        print(f"\nreal site (content/ of this repository), median of {len(real['wall_runs_s'])} runs: "
              f"{real['wall_s']:.3f} s wall, peak {real['maxrss_mb']:.0f} MB; phases: {phase_line(real.get('phases_s', {}))}")
    for name, serve in results.get("serve", {}).items():
        print(f"serve, {name}: chapter saved -> reload sent, median {serve['median_ms']:.0f} ms over {len(serve['ms'])} saves "
              f"({' '.join(f'{value:.0f}' for value in serve['ms'])})")


def ratio(value, reference):
    return f"{value / reference:.2f}x" if reference else "-"


def phase_line(phases):
    return ", ".join(f"{name} {seconds:.3f} s" for name, seconds in phases.items())


if __name__ == "__main__":
    main()
