#!/usr/bin/env bash
# Configures and builds newsgraph in build/ (Release). Extra arguments go to
# CMake's configure step, e.g. tools/build.sh -DNEWSGRAPH_BUILD_BENCHMARKS=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build -j"$jobs"
