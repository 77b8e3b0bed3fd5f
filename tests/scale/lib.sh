# Shared by the scale tests: sourced with the newsgraph binary as $1.
# Sets $bin and $work (removed on exit, with every process in $pids
# killed); skip/fail end the test.
set -euo pipefail
bin="$(realpath "$1")"
work="$(mktemp -d)"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*"; exit 1; }
need() { command -v "$1" >/dev/null || skip "$1 is not installed"; }
corpus="tests/bench/corpus/news.ndjson"

# True when `extract -` reads NDJSON records from stdin (one record each).
reads_ndjson_stdin() {
  local n
  n=$(printf '{"id":"a","text":"One."}\n{"id":"b","text":"Two."}\n' | "$bin" extract --threads 1 - 2>/dev/null | grep -c '"id"' || true)
  [ "$n" = 2 ]
}
