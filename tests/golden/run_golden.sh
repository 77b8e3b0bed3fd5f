#!/usr/bin/env bash
# Golden test: runs the real binary on one sample and compares its output
# byte for byte with the expected file.
#   run_golden.sh NEWSGRAPH SAMPLE EXPECTED [extract|timeline]
# With NEWSGRAPH_UPDATE_GOLDEN=1 it rewrites EXPECTED instead.
# The samples are dated by their own metadata; plain text gets --date.
set -euo pipefail
newsgraph=$1 sample=$2 expected=$3 mode=${4:-extract}
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
case "$mode" in
  extract) "$newsgraph" extract --threads 1 --date 2024-06-19 "$sample" >"$actual" ;;
  timeline) "$newsgraph" timeline --threads 1 --date 2024-06-19 "$sample" -o "$actual" >/dev/null ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
if [ "${NEWSGRAPH_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$actual" "$expected"
  echo "updated $expected"
  exit 0
fi
if ! diff -u "$expected" "$actual" >/tmp/golden-diff.$$ 2>&1; then
  echo "golden mismatch for $sample ($mode): expected $expected" >&2
  head -c 6000 /tmp/golden-diff.$$ >&2
  rm -f /tmp/golden-diff.$$
  echo >&2
  echo "If the change is intended: NEWSGRAPH_UPDATE_GOLDEN=1 ctest -L golden" >&2
  exit 1
fi
rm -f /tmp/golden-diff.$$
