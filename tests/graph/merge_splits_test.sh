#!/usr/bin/env bash
# merge is associative and commutative: the timeline of any split of a
# corpus, merged, is byte-identical to the timeline of the whole.
#
#   merge_splits_test.sh NEWSGRAPH WORKDIR INPUT_FILE...
#
# The corpus is split several ways (one document file per shard, halves
# merged in reverse order, thirds merged with either grouping, merges of
# merges, shards made by parallel workers, extract --format jsonld records),
# and every merged graph must equal the whole graph, byte for byte.
set -euo pipefail

ng=$1
work=$2
shift 2
files=("$@")
n=${#files[@]}
[ "$n" -ge 3 ] || { echo "FAIL: need at least 3 input files, got $n"; exit 1; }
rm -rf "$work"
mkdir -p "$work"
date_flag=(--date 2024-06-19 --threads 1)

# Runs newsgraph; exit code 1 (some documents failed) still gives a graph
# that leaves the same documents out everywhere.
ng() {
  local rc=0
  "$ng" "$@" || rc=$?
  if [ "$rc" -gt 1 ]; then echo "FAIL: newsgraph $* exited with $rc"; exit 1; fi
}

failures=0
same() {  # same NAME FILE
  if cmp -s "$work/whole.jsonld" "$2"; then
    echo "ok    $1"
  else
    echo "FAIL  $1: differs from the whole timeline"
    diff "$work/whole.jsonld" "$2" | head -20 || true
    failures=$((failures + 1))
  fi
}

ng timeline "${date_flag[@]}" -o "$work/whole.jsonld" "${files[@]}" > "$work/whole.summary"
cat "$work/whole.summary"
ng timeline "${date_flag[@]}" -o "$work/again.jsonld" "${files[@]}" > /dev/null
same "same input, same bytes" "$work/again.jsonld"

# One shard per file, merged in input order and in reverse order.
shards=()
for i in "${!files[@]}"; do
  ng timeline "${date_flag[@]}" -o "$work/file-$i.jsonld" "${files[$i]}" > /dev/null
  shards+=("$work/file-$i.jsonld")
done
ng merge -o "$work/per-file.jsonld" "${shards[@]}" > /dev/null
same "one shard per file" "$work/per-file.jsonld"
reversed=()
for ((i = n - 1; i >= 0; i--)); do reversed+=("${shards[$i]}"); done
ng merge -o "$work/per-file-reversed.jsonld" "${reversed[@]}" > /dev/null
same "one shard per file, reverse order" "$work/per-file-reversed.jsonld"

# Halves, merged B then A.
half=$((n / 2))
ng timeline "${date_flag[@]}" -o "$work/half-a.jsonld" "${files[@]:0:half}" > /dev/null
ng timeline "${date_flag[@]}" -o "$work/half-b.jsonld" "${files[@]:half}" > /dev/null
ng merge -o "$work/halves.jsonld" "$work/half-b.jsonld" "$work/half-a.jsonld" > /dev/null
same "halves, merged B + A" "$work/halves.jsonld"

# Round-robin thirds: (P0 + P1) + P2 and P0 + (P1 + P2).
for t in 0 1 2; do
  part=()
  for i in "${!files[@]}"; do
    if [ $((i % 3)) -eq "$t" ]; then part+=("${files[$i]}"); fi
  done
  ng timeline "${date_flag[@]}" -o "$work/third-$t.jsonld" "${part[@]}" > /dev/null
done
ng merge -o "$work/p01.jsonld" "$work/third-0.jsonld" "$work/third-1.jsonld" > /dev/null
ng merge -o "$work/left.jsonld" "$work/p01.jsonld" "$work/third-2.jsonld" > /dev/null
same "thirds, (P0 + P1) + P2" "$work/left.jsonld"
ng merge -o "$work/p12.jsonld" "$work/third-2.jsonld" "$work/third-1.jsonld" > /dev/null
ng merge -o "$work/right.jsonld" "$work/p12.jsonld" "$work/third-0.jsonld" > /dev/null
same "thirds, (P2 + P1) + P0" "$work/right.jsonld"
ng merge -o "$work/overlap.jsonld" "$work/whole.jsonld" "$work/third-1.jsonld" "$work/p01.jsonld" > /dev/null
same "overlapping shards (the same documents twice)" "$work/overlap.jsonld"

# Shards made by two parallel workers, merged from their folder.
mkdir -p "$work/parallel"
for i in "${!files[@]}"; do printf '%s\t%s\n' "$i" "${files[$i]}"; done |
  xargs -P 2 -L 1 sh -c '"$0" timeline --date 2024-06-19 --threads 1 -o "$1/shard-$2.jsonld" "$3" > /dev/null || [ $? -eq 1 ]' \
    "$ng" "$work/parallel"
ng merge -o "$work/parallel.jsonld" "$work/parallel" > /dev/null
same "parallel shards, merged from their folder" "$work/parallel.jsonld"

# extract --format jsonld records (one graph per document, one per line).
ng extract "${date_flag[@]}" --format jsonld -o "$work/records.jsonld" "${files[@]}"
ng merge "$work/records.jsonld" > "$work/records-merged.jsonld" 2> /dev/null
same "extract --format jsonld records, merged" "$work/records-merged.jsonld"
cat "$work/records.jsonld" | ng merge - > "$work/stdin-merged.jsonld" 2> /dev/null
same "records merged from standard input" "$work/stdin-merged.jsonld"

# Atomic output: no temporary file is left behind, and a failed merge
# leaves the previous output untouched.
if ls "$work"/*.tmp.* > /dev/null 2>&1; then
  echo "FAIL  temporary files left: $(ls "$work"/*.tmp.*)"
  failures=$((failures + 1))
fi
echo '{"not": "a graph"}' > "$work/bad.jsonld"
cp "$work/whole.jsonld" "$work/kept.jsonld"
if "$ng" merge -o "$work/kept.jsonld" "$work/third-0.jsonld" "$work/bad.jsonld" 2> "$work/bad.err"; then
  echo "FAIL  merge accepted a file that is not a newsgraph graph"
  failures=$((failures + 1))
else
  same "a failed merge leaves the output as it was" "$work/kept.jsonld"
  grep -q "bad.jsonld" "$work/bad.err" || { echo "FAIL  the error does not name the bad input"; failures=$((failures + 1)); }
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed"
  exit 1
fi
echo "all splits merge to the whole timeline"
