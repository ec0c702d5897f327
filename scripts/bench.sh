#!/usr/bin/env bash
# Runs every benchmark executable in BUILD_DIR/bench and keeps their JSON results.
set -euo pipefail
build="${1:-build}"
out="$build/bench/results"
mkdir -p "$out"
found=0
for exe in "$build"/bench/am_bench_*; do
  [ -x "$exe" ] || continue
  found=1
  name=$(basename "$exe")
  echo "== $name"
  "$exe" --benchmark_out="$out/$name.json" --benchmark_out_format=json
done
[ "$found" = 1 ] || { echo "no benchmarks built in $build/bench" >&2; exit 1; }
echo "results: $out"
