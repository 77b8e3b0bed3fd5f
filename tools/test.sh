#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: unit
# tests of every stage, golden tests of samples/ through the real binary,
# data-file checks, and the JSON-LD interoperability tests (jsonld.js and
# Oxigraph from the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
if [ -f tests/interop/package.json ]; then
  (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
fi
bash tools/build.sh -DNEWSGRAPH_BUILD_TESTS=ON
ctest --test-dir build --output-on-failure -j"$(nproc 2>/dev/null || echo 2)"
