#!/usr/bin/env bash
# Where a release build of rapporteur spends its CPU time on a synthetic corpus, sampled by perf.
#
#   bash Benchmarks/profile.sh [PAGES]      # default 10000; needs perf (apt-get install -y linux-perf)
#
# Prints the functions with the most samples, callees included (the build's phases show as
# PageBuilder.render, LinkChecker.check, Project.load, ...), then the most sampled functions
# on their own. perf.data is left in $WORK (default /tmp/rapporteur-bench) for `perf report`.
set -euo pipefail
pages=${1:-10000}
work=${WORK:-/tmp/rapporteur-bench}
repo=$(cd "$(dirname "$0")/.." && pwd)
binary=$repo/.build-bench/release/rapporteur
corpus=$work/corpus-$pages

[ -x "$binary" ] || (cd "$repo" && swift build -c release --scratch-path .build-bench --product rapporteur)
if ! grep -qs "\"pairs\": $((pages / 2))," "$corpus/corpus.json"; then
    python3 "$repo/Benchmarks/corpus.py" --pairs $((pages / 2)) --out "$corpus"
fi
# A new folder each time, removed at the end: a build just after a deletion of thousands of
# files is slowed by the file system (see README, "ext4 and freed inodes").
out=$work/out-profile-$$
(cd "$corpus/rapporteur" && perf record -F 199 -g -o "$work/perf.data" "$binary" build --timings --output "$out")
rm -rf "$out" "$(dirname "$out")/.$(basename "$out").previous"

demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }
echo
echo "== with callees (children) =="
perf report -i "$work/perf.data" --children --sort symbol --stdio -g none --percent-limit 1 2>/dev/null \
    | grep '%' | demangle | cut -c1-160 | head -50
echo
echo "== self =="
perf report -i "$work/perf.data" --no-children --sort symbol --stdio -g none --percent-limit 0.5 2>/dev/null \
    | grep '%' | demangle | cut -c1-160 | head -30
