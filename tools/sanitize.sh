#!/usr/bin/env bash
# Builds newsgraph and its whole test suite with AddressSanitizer and
# UndefinedBehaviorSanitizer (-DNEWSGRAPH_SANITIZE=ON) in build-asan/ and
# runs ctest: any memory error, leak or undefined behaviour fails the test
# that hit it.
#
#   bash tools/sanitize.sh                       # build-asan/, every test but label `memory`
#   BUILD_DIR=/tmp/asan bash tools/sanitize.sh
#   bash tools/sanitize.sh -R segment            # extra arguments go to ctest
#   SANITIZE_SKIP_LABELS='memory|scale' bash tools/sanitize.sh   # CI: also skip the throughput runs
#
# Optimised with -O1 and line tables only (-g1): quicker to build and run
# than -O0 -g, and stacks still name file and line. Tests labelled `memory`
# (peak-RSS checks) are left out: the sanitizer's quarantine holds freed
# memory on purpose, so RSS grows.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build-asan}"
jobs=$(nproc 2>/dev/null || echo 2)
[ "$jobs" -gt 2 ] && jobs=2

if [ -f "$root/tests/interop/package.json" ] && [ ! -d "$root/tests/interop/node_modules" ]; then
  (cd "$root/tests/interop" && npm ci --no-audit --no-fund --loglevel=error)
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DNEWSGRAPH_SANITIZE=ON >/dev/null
cmake --build "$build" -j"$jobs"

# halt_on_error: the first report fails the test; the stack is printed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:strict_init_order=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir "$build" --output-on-failure -j"$jobs" -LE "${SANITIZE_SKIP_LABELS:-memory}" "$@"
