#!/usr/bin/env bash
# Installs what is missing, builds newsgraph, and runs it on the bundled
# samples: writes the JSON-LD knowledge graph samples-timeline.jsonld and
# prints the events it found, in date order, with their source sentences.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target newsgraph -j"$(nproc 2>/dev/null || echo 2)"
# Plain-text samples carry no date of their own: --date gives it.
build/newsgraph timeline --date 2024-06-19 -o samples-timeline.jsonld samples
echo
echo "== Visits (newsgraph query samples-timeline.jsonld visits)"
build/newsgraph query samples-timeline.jsonld visits
for who in "Vladimir Putin" "Kim Jong Un"; do
  echo
  echo "== Events of $who (newsgraph query samples-timeline.jsonld timeline --entity \"$who\")"
  build/newsgraph query samples-timeline.jsonld timeline --entity "$who"
done
echo
echo "The whole graph is in samples-timeline.jsonld (JSON-LD, schema.org terms)."
