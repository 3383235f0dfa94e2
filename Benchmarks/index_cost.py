#!/usr/bin/env python3
"""Measures what building the search index adds to a build: wall time, processor time, peak memory and files.

    python3 Benchmarks/index_cost.py                         # 1,000 and 10,000 pages, 5 runs each
    python3 Benchmarks/index_cost.py --pairs 500 --runs 7 --no-build

Builds two release binaries of this checkout: rapporteur as it is (.build/release/rapporteur, or
--binary), and the same sources with `Build.searchIndexFiles` returning no files (a copy in
--variant, whose .build is kept, so later runs rebuild only what changed). The copy differs by
one inserted line, printed when it is made; everything else a build does, the search page
included, is the same. Then generates each corpus with Benchmarks/corpus.py and times both
binaries on it, interleaved (the order alternates each round), each run into a new output folder,
the runs starting 61 s after the last deletion was synced (see `settle` in run.py: ext4 is slow
to reuse inodes freed less than 60 s before). Prints the medians of wall, user and system time,
peak memory (GNU time's maxrss), the files and bytes each build wrote, and what the index adds:
with / without - 1. Results are also saved as JSON in --work.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEARCH_STEP = Path("Sources/Rapporteur/Pages/Build+Search.swift")
SIGNATURE = "    func searchIndexFiles("
NO_FILES = "        return []  // index_cost.py: the build without its search index\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, nargs="*", default=[500, 5000], help="corpus sizes in chapter pairs (pages = 2 x pairs)")
    parser.add_argument("--runs", type=int, default=5, help="timed builds of each binary per corpus (default %(default)s)")
    parser.add_argument("--binary", type=Path, default=REPO / ".build/release/rapporteur", help="the binary with the index")
    parser.add_argument("--variant", type=Path, default=Path("/tmp/rapporteur-without-index"), help="the copy built without the index")
    parser.add_argument("--work", type=Path, default=Path("/tmp/rapporteur-bench"), help="folder for corpora and outputs")
    parser.add_argument("--no-build", action="store_true", help="use both binaries as they are")
    args = parser.parse_args()

    if not args.no_build:
        build(REPO)
    without = write_variant(args.variant)
    if not args.no_build:
        build(args.variant)
    binaries = {"with": args.binary.resolve(), "without": without / ".build/release/rapporteur"}
    for binary in binaries.values():
        if not binary.exists():
            sys.exit(f"{binary} is missing: run without --no-build")

    results = []
    for pairs in args.pairs:
        corpus = args.work / f"index-cost-{pairs}"
        subprocess.run([sys.executable, str(REPO / "Benchmarks/corpus.py"), "--pairs", str(pairs), "--out", str(corpus)], check=True, capture_output=True)
        results.append(measure(2 * pairs, corpus / "rapporteur", binaries, args.runs))
    (args.work / "index-cost.json").write_text(json.dumps(results, indent=1))


def build(package):
    print(f"building {package} (release)...", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "rapporteur"], cwd=package, check=True, capture_output=True)


def write_variant(variant):
    """Copies the package into `variant` (its .build kept) with `searchIndexFiles` returning no files."""
    variant.mkdir(parents=True, exist_ok=True)
    for folder in ["Sources", "Tests"]:  # Package.swift names the test targets' folders
        if (variant / folder).exists():
            shutil.rmtree(variant / folder)
        shutil.copytree(REPO / folder, variant / folder)
    for name in ["Package.swift", "Package.resolved"]:
        if (REPO / name).exists():
            shutil.copy2(REPO / name, variant / name)
    step = variant / SEARCH_STEP
    lines = step.read_text().splitlines(keepends=True)
    starts = [number for number, line in enumerate(lines) if line.startswith(SIGNATURE)]
    if len(starts) != 1 or not lines[starts[0]].rstrip().endswith("{"):
        sys.exit(f"{SEARCH_STEP}: expected one line starting {SIGNATURE.strip()!r} and ending with '{{'")
    lines.insert(starts[0] + 1, NO_FILES)
    step.write_text("".join(lines))
    print(f"{variant / SEARCH_STEP}:{starts[0] + 2}: inserted {NO_FILES.strip()!r}", flush=True)
    return variant


def measure(pages, project, binaries, runs):
    outputs = project.parent / "outputs"
    shutil.rmtree(outputs, ignore_errors=True)
    outputs.mkdir()
    os.sync()
    time.sleep(61)
    samples = {name: [] for name in binaries}
    names = list(binaries)
    for run in range(runs):
        for name in names[run % 2:] + names[:run % 2]:
            samples[name].append(timed(binaries[name], project, outputs / f"{name}-{run}"))
    result = {"pages": pages}
    for name in names:
        folder = outputs / f"{name}-0"
        files = [path for path in folder.rglob("*") if path.is_file()]
        result[name] = {
            "wall": statistics.median(sample[0] for sample in samples[name]),
            "user": statistics.median(sample[1] for sample in samples[name]),
            "system": statistics.median(sample[2] for sample in samples[name]),
            "processor": statistics.median(sample[1] + sample[2] for sample in samples[name]),
            "peak_mb": statistics.median(sample[3] for sample in samples[name]) / 1024,
            "files": len(files),
            "mb": sum(path.stat().st_size for path in files) / 1e6,
            "runs": samples[name],
        }
    shutil.rmtree(outputs)
    report(result)
    return result


def timed(binary, project, out):
    """One build into the new folder `out`: wall, user and system seconds, and peak memory in KB."""
    times = out.parent / (out.name + ".time")
    subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", str(times), str(binary), "build", "--output", str(out)],
                   cwd=project, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall, user, system, peak = times.read_text().split()[-4:]
    return float(wall), float(user), float(system), int(peak)


def report(result):
    print(f"\n{result['pages']:,} pages (medians)")
    print(f"{'':8} {'wall s':>7} {'user s':>7} {'system s':>9} {'processor s':>12} {'peak MB':>8} {'files':>7} {'MB':>6}")
    for name in ["with", "without"]:
        row = result[name]
        print(f"{name:8} {row['wall']:7.2f} {row['user']:7.2f} {row['system']:9.2f} {row['processor']:12.2f} "
              f"{row['peak_mb']:8.0f} {row['files']:7,} {row['mb']:6.0f}")
    with_, without = result["with"], result["without"]
    print(f"the index adds: wall {100 * (with_['wall'] / without['wall'] - 1):+.1f} %, "
          f"processor {100 * (with_['processor'] / without['processor'] - 1):+.1f} %, "
          f"peak memory {with_['peak_mb'] - without['peak_mb']:+.0f} MB, files {with_['files'] - without['files']:+,}", flush=True)


if __name__ == "__main__":
    main()
