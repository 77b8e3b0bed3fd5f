#!/usr/bin/env bash
# `newsgraph extract` over a corpus split across GNU parallel workers (each
# its own process, fed NDJSON chunks on stdin, outputs kept in input order)
# writes exactly the bytes of one run over the whole corpus; so does a run
# over a folder split file by file.
source "$(dirname "$0")/lib.sh"
need parallel
reads_ndjson_stdin || skip "extract does not read NDJSON from stdin yet"

"$bin" extract --threads 1 "$corpus" > "$work/one.ndjson" || fail "one run: exit $?"
[ "$(grep -c . "$work/one.ndjson")" = "$(grep -c . "$corpus")" ] || fail "one run: not one record per input line"

# --pipe cuts the input at line ends into ~64 kB blocks, one process each.
parallel --will-cite --pipe --block 64k --keep-order -j2 "$bin" extract --threads 1 - \
  < "$corpus" > "$work/sharded.ndjson" || fail "sharded run: exit $?"
cmp "$work/one.ndjson" "$work/sharded.ndjson" || fail "sharded extract differs from one run"

# A folder, one file per worker, in the order the folder walk uses.
"$bin" extract --threads 1 samples > "$work/folder-one.ndjson" || fail "folder run: exit $?"
find samples -type f | LC_ALL=C sort | parallel --will-cite --keep-order -j2 "$bin" extract --threads 1 {} \
  > "$work/folder-sharded.ndjson" || fail "folder sharded run: exit $?"
cmp "$work/folder-one.ndjson" "$work/folder-sharded.ndjson" || fail "folder split by file differs from one run"
echo "OK: $(grep -c . "$work/one.ndjson") records identical in one run and across parallel workers"
