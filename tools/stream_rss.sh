#!/usr/bin/env bash
# Streams generated news (NDJSON, tools/bench/make_corpus.js) through
# `newsgraph extract -` over a pipe, never touching the disk, and reports
# throughput, records out and the peak resident memory of newsgraph: memory
# must stay flat however long the stream is.
#
#   bash tools/stream_rss.sh                      # 1 GB, all cores
#   bash tools/stream_rss.sh --size 200M --threads 1
#   bash tools/stream_rss.sh --check              # 8 MB then 64 MB: fails if peak RSS grows > 32 MB
#   bash tools/stream_rss.sh --binary build/newsgraph --size 2G
#
# Peak RSS comes from GNU time (/usr/bin/time) when installed, else from
# the kernel's high-water mark (VmHWM in /proc/PID/status) polled while it
# runs. Exit code 77 (skipped) without node, 1 when --check fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/build-speed/newsgraph"
size=1G
threads=""
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --binary) bin="$2"; shift 2 ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "stream_rss.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null || { echo "SKIPPED: node is not installed"; exit 77; }
[ -x "$bin" ] || { echo "stream_rss.sh: no binary at $bin (build it, or pass --binary)" >&2; exit 2; }
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

# stream SIZE: prints "seconds peak_rss_kb records input_bytes".
stream() {
  local bytes t0 t1 rss
  mkfifo "$work/in"
  t0=${EPOCHREALTIME/,/.}
  node "$root/tools/bench/make_corpus.js" --bytes "$1" --seed 3 | tee "$work/in" | wc -c > "$work/bytes" &
  local gen=$!
  local args=(extract -)
  [ -n "$threads" ] && args=(extract --threads "$threads" -)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$work/rss" "$bin" "${args[@]}" <"$work/in" | wc -l > "$work/records"  || true
    rss=$(tail -1 "$work/rss")
  else
    "$bin" "${args[@]}" <"$work/in" > >(wc -l > "$work/records") &
    pid=$!
    rss=0
    while kill -0 "$pid" 2>/dev/null; do
      local hwm
      hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$hwm" ] && [ "$hwm" -gt "$rss" ] && rss=$hwm
      sleep 0.05
    done
    wait "$pid" || true
    pid=""
  fi
  wait "$gen" || true
  t1=${EPOCHREALTIME/,/.}
  sleep 0.1  # let the process substitution write its count
  rm -f "$work/in"
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') $rss $(cat "$work/records") $(cat "$work/bytes")"
}

report() {  # size seconds rss records bytes
  awk -v s="$1" -v t="$2" -v r="$3" -v n="$4" -v b="$5" 'BEGIN {
    printf "%6s: %d records, %.1f MB in %.2f s: %.1f MB/s, peak RSS %.1f MB\n", s, n, b / 1e6, t, b / 1e6 / t, r / 1024 }'
}

if [ "$check" = 1 ]; then
  read -r t_small rss_small n_small b_small < <(stream 8M)
  report 8M "$t_small" "$rss_small" "$n_small" "$b_small"
  read -r t_big rss_big n_big b_big < <(stream 64M)
  report 64M "$t_big" "$rss_big" "$n_big" "$b_big"
  [ "$n_big" -gt "$n_small" ] && [ "$n_small" -gt 0 ] || { echo "FAILED: too few records out"; exit 1; }
  growth=$(( (rss_big - rss_small) / 1024 ))
  if [ "$growth" -gt 32 ]; then
    echo "FAILED: peak RSS grew by $growth MB from 8 MB to 64 MB of input"
    exit 1
  fi
  echo "OK: peak RSS grew by $growth MB (limit 32 MB) for 8x the input"
else
  read -r t rss n b < <(stream "$size")
  report "$size" "$t" "$rss" "$n" "$b"
fi
