#!/usr/bin/env bash
# Soak test (opt-in, `make soak`): loops a video through `avatar-mirror run --loop` for
# SOAK_SECONDS with one WebSocket client connected the whole time, samples the server's RSS every
# SOAK_SAMPLE_SECONDS, and reports RSS after warm-up vs at the end, the client's verdict and the
# /metrics numbers. Exits 1 if RSS grew by SOAK_MAX_GROWTH_PCT or more or the client was dropped.
#   scripts/soak.sh [BUILD_DIR]       (needs avatar-mirror and bench/am_bench_latency built there)
#   SOAK_SECONDS=600  SOAK_WARMUP_SECONDS=60  SOAK_SAMPLE_SECONDS=10  SOAK_MAX_GROWTH_PCT=5
#   SOAK_SOURCE=FILE  (default: the latency benchmark's 1280x720 30 fps one-person video)
#   SOAK_ARGS='...'   extra `run` flags, e.g. SOAK_ARGS='--swap-face face.jpg --preview' (under
#                     xvfb-run for --preview without a display)
set -euo pipefail
build="$(cd "${1:-build}" && pwd)"
seconds="${SOAK_SECONDS:-600}"
warmup="${SOAK_WARMUP_SECONDS:-60}"
every="${SOAK_SAMPLE_SECONDS:-10}"
max_growth="${SOAK_MAX_GROWTH_PCT:-5}"
mirror="$build/avatar-mirror"
client="$build/bench/am_bench_latency"
for exe in "$mirror" "$client"; do
  [ -x "$exe" ] || { echo "soak: $exe is not built (cmake --build $build)" >&2; exit 1; }
done
[ "$warmup" -lt "$seconds" ] || { echo "soak: SOAK_SECONDS must exceed SOAK_WARMUP_SECONDS" >&2; exit 1; }

scratch="$(mktemp -d /tmp/am_soak.XXXXXX)"
mirror_pid=""
failed=1
cleanup() {
  if [ -n "$mirror_pid" ] && kill -0 "$mirror_pid" 2>/dev/null; then
    kill -INT "$mirror_pid"
    wait "$mirror_pid" || true
  fi
  if [ "$failed" = 0 ]; then rm -rf "$scratch"; else echo "soak: log kept in $scratch" >&2; fi
}
trap cleanup EXIT

source_file="${SOAK_SOURCE:-}"
if [ -z "$source_file" ]; then
  source_file="$scratch/one_person_720p30.avi"
  "$client" write-video "$source_file"
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

echo "soak: $seconds s on $source_file, port $port, log $scratch/soak.log"
WEBSOCKET_HOST=127.0.0.1 WEBSOCKET_PORT="$port" CACHE_DIR="$scratch/cache" \
  LOG_FILE="$scratch/soak.log" "$mirror" run --loop --source "$source_file" ${SOAK_ARGS:-} 2>/dev/null &
mirror_pid=$!
"$client" soak-client "$port" "$seconds" >"$scratch/client.txt" 2>&1 &
client_pid=$!

start=$(date +%s)
samples=()
warm_rss=""
while kill -0 "$client_pid" 2>/dev/null; do
  sleep "$every"
  kill -0 "$mirror_pid" 2>/dev/null || break
  elapsed=$(($(date +%s) - start))
  rss=$(rss_kb "$mirror_pid")
  samples+=("$elapsed:$rss")
  [ -z "$warm_rss" ] && [ "$elapsed" -ge "$warmup" ] && warm_rss=$rss
  echo "  t=${elapsed}s rss=$((rss / 1024)) MiB"
done
client_ok=0
wait "$client_pid" || client_ok=$?
metrics="$(curl -s --max-time 5 "http://127.0.0.1:$port/metrics" | grep -v '^#' || true)"
end_rss=$(rss_kb "$mirror_pid")

echo
cat "$scratch/client.txt"
echo "metrics at the end:"
echo "$metrics" | sed 's/^/  /'
failed=0
if ! kill -0 "$mirror_pid" 2>/dev/null; then
  echo "FAIL: avatar-mirror exited during the soak (log: $scratch/soak.log)"
  tail -5 "$scratch/soak.log" || true
  failed=1
elif [ -z "$warm_rss" ] || [ "$end_rss" -le 0 ]; then
  echo "FAIL: no RSS sample after the warm-up"
  failed=1
else
  growth=$(awk -v a="$warm_rss" -v b="$end_rss" 'BEGIN {printf "%.2f", (b - a) * 100 / a}')
  peak=$(printf '%s\n' "${samples[@]}" | awk -F: -v w="$warmup" '$1 >= w && $2 > m {m = $2} END {print m}')
  echo "RSS after warm-up (${warmup} s): $((warm_rss / 1024)) MiB, at the end: $((end_rss / 1024)) MiB" \
    "(growth ${growth}%, peak after warm-up $((peak / 1024)) MiB, limit ${max_growth}%)"
  if awk -v g="$growth" -v m="$max_growth" 'BEGIN {exit !(g >= m)}'; then
    echo "FAIL: memory grew ${growth}% after warm-up"
    failed=1
  fi
fi
if [ "$client_ok" -ne 0 ]; then
  echo "FAIL: the WebSocket client was dropped"
  failed=1
fi
[ "$failed" = 0 ] && echo "soak: PASS" || echo "soak: FAIL"
exit "$failed"
