#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang (ASan + UBSan) in
# build-fuzz/ and runs each for N seconds, one after the other, then prints
# executions, coverage and findings per target.
#
#   bash tools/fuzz.sh                    # every target, 60 s each
#   bash tools/fuzz.sh 300                # every target, 5 minutes each
#   bash tools/fuzz.sh 120 fuzz_read_html fuzz_pipeline
#   BUILD_DIR=/tmp/fz bash tools/fuzz.sh 10
#
# Targets: fuzz_read_{text,html,feed,ndjson,json} (one reader each),
# fuzz_read_auto (the content-detected reader) and fuzz_pipeline (text in,
# extract record out). Seeds come from tests/fuzz/corpus/<target without
# fuzz_>/ and are never modified: new inputs go to <build>/corpus/<target>/,
# crashes to <build>/findings/<target>/ (crash-*, timeout-*, oom-*), logs to
# <build>/logs/<target>.log. To reproduce a finding:
#   build-fuzz/tests/fuzz/fuzz_read_html build-fuzz/findings/fuzz_read_html/crash-...
# and add it to the target's seed folder once fixed. Exit code 1 when any
# target found something.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
shift || true
all=(fuzz_read_text fuzz_read_html fuzz_read_feed fuzz_read_ndjson fuzz_read_json fuzz_read_auto fuzz_pipeline)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz.sh: installing clang and its libFuzzer runtime" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y --no-install-recommends clang libclang-rt-dev >/dev/null
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSGRAPH_BUILD_FUZZERS=ON -DNEWSGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target "${targets[@]}" -j2 >/dev/null

dict_for() {
  case "$1" in
    fuzz_read_html) echo "$root/tests/fuzz/dict/html.dict" ;;
    fuzz_read_feed) echo "$root/tests/fuzz/dict/xml.dict" ;;
    fuzz_read_ndjson|fuzz_read_json) echo "$root/tests/fuzz/dict/json.dict" ;;
    fuzz_pipeline|fuzz_read_text) echo "$root/tests/fuzz/dict/text.dict" ;;
    *) echo "" ;;
  esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
found=0
summary=()
for t in "${targets[@]}"; do
  seeds="$root/tests/fuzz/corpus/${t#fuzz_}"
  corpus="$build/corpus/$t"
  findings="$build/findings/$t"
  log="$build/logs/$t.log"
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  args=(-max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$findings/")
  dict="$(dict_for "$t")"
  [ -n "$dict" ] && args+=(-dict="$dict")
  echo "== $t: ${seconds}s"
  # -fork would use both cores, but the machine is shared: one job each.
  touch "$log.start"
  rc=0
  "$build/tests/fuzz/$t" "${args[@]}" "$corpus" "$seeds" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -aoE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  units=$(find "$corpus" -type f | wc -l)
  crashes=$(find "$findings" -type f -newer "$log.start" | wc -l)
  line="$t: ${execs:-?} executions (${speed:-?}/s), ${cov:-no coverage line}, corpus $units, findings $crashes, exit $rc"
  echo "$line"
  summary+=("$line")
  if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    found=1
    grep -a -m1 -E 'ERROR: (AddressSanitizer|libFuzzer|UndefinedBehaviorSanitizer)|runtime error|fuzz invariant broken' "$log" || true
  fi
done
echo
echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
exit "$found"
