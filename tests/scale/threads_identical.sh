#!/usr/bin/env bash
# `extract` and `timeline` write the same bytes whatever --threads is:
# documents run in parallel, output stays in input order.
source "$(dirname "$0")/lib.sh"

inputs=("$corpus" samples)
"$bin" extract --threads 1 "${inputs[@]}" > "$work/extract-1.ndjson" || fail "extract --threads 1: exit $?"
for t in 2 3 8; do
  "$bin" extract --threads "$t" "${inputs[@]}" > "$work/extract-$t.ndjson" || fail "extract --threads $t: exit $?"
  cmp "$work/extract-1.ndjson" "$work/extract-$t.ndjson" || fail "extract --threads $t differs from --threads 1"
done
echo "OK: extract output identical for 1, 2, 3 and 8 threads ($(grep -c . "$work/extract-1.ndjson") records)"

"$bin" timeline --help >/dev/null 2>&1 || skip "newsgraph timeline is not available yet"
"$bin" timeline --threads 1 -o "$work/timeline-1.jsonld" "${inputs[@]}" >/dev/null || fail "timeline --threads 1: exit $?"
"$bin" timeline --threads 4 -o "$work/timeline-4.jsonld" "${inputs[@]}" >/dev/null || fail "timeline --threads 4: exit $?"
cmp "$work/timeline-1.jsonld" "$work/timeline-4.jsonld" || fail "timeline --threads 4 differs from --threads 1"
echo "OK: timeline graph identical for 1 and 4 threads"
