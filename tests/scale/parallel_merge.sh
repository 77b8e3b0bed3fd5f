#!/usr/bin/env bash
# The knowledge graph of a corpus split across GNU parallel workers
# (`newsgraph timeline` per shard) joined with `newsgraph merge` is
# byte-identical to `newsgraph timeline` over the whole corpus, whatever the
# number of shards and the order they are merged in; so are per-article
# JSON-LD records (`extract --format jsonld`) merged, as a map-only job makes.
source "$(dirname "$0")/lib.sh"
need parallel
"$bin" timeline --help >/dev/null 2>&1 || skip "newsgraph timeline is not available yet"
"$bin" merge --help >/dev/null 2>&1 || skip "newsgraph merge is not available yet"
reads_ndjson_stdin || skip "extract does not read NDJSON from stdin yet"

"$bin" timeline --threads 1 -o "$work/one.jsonld" "$corpus" || fail "one timeline: exit $?"
[ -s "$work/one.jsonld" ] || fail "one timeline: empty graph"

for block in 300k 100k; do
  rm -f "$work"/shard-*.jsonld
  parallel --will-cite --pipe --block "$block" -j2 \
    "$bin" timeline --threads 1 -o "$work/shard-{#}.jsonld" - < "$corpus" || fail "shard timelines: exit $?"
  shards=("$work"/shard-*.jsonld)
  [ ${#shards[@]} -ge 2 ] || fail "expected several shards with --block $block, got ${#shards[@]}"
  "$bin" merge -o "$work/merged.jsonld" "${shards[@]}" || fail "merge: exit $?"
  cmp "$work/one.jsonld" "$work/merged.jsonld" || fail "merge of ${#shards[@]} shards differs from one timeline"
  # Commutative: the reverse order gives the same graph.
  mapfile -t reversed < <(printf '%s\n' "${shards[@]}" | sort -r)
  "$bin" merge -o "$work/merged-reversed.jsonld" "${reversed[@]}" || fail "reverse merge: exit $?"
  cmp "$work/one.jsonld" "$work/merged-reversed.jsonld" || fail "merge in reverse order differs"
  echo "OK: ${#shards[@]} shards (--block $block) merged = one timeline"
done

# Associative: merging merged halves is the same again.
half=$(( ${#shards[@]} / 2 ))
"$bin" merge -o "$work/a.jsonld" "${shards[@]:0:$half}" || fail "merge first half: exit $?"
"$bin" merge -o "$work/b.jsonld" "${shards[@]:$half}" || fail "merge second half: exit $?"
"$bin" merge -o "$work/ab.jsonld" "$work/b.jsonld" "$work/a.jsonld" || fail "merge halves: exit $?"
cmp "$work/one.jsonld" "$work/ab.jsonld" || fail "merge of merged halves differs"
echo "OK: merge of merged halves = one timeline"

# Per-article graphs (`extract --format jsonld`, one per line), made by
# parallel workers as a map-only cluster job would, merge into the same graph.
parallel --will-cite --pipe --block 200k -j2 \
  "$bin" extract --format jsonld --threads 1 -o "$work/part-{#}" - < "$corpus" || fail "jsonld records: exit $?"
"$bin" merge -o "$work/from-records.jsonld" "$work"/part-* || fail "merge of jsonld records: exit $?"
cmp "$work/one.jsonld" "$work/from-records.jsonld" || fail "merge of per-article JSON-LD records differs"
echo "OK: per-article JSON-LD records merged = one timeline"
