#!/usr/bin/env bash
# The graph commands through the binary: answers, exit codes and messages.
#
#   graph_cli_test.sh NEWSGRAPH FIXTURE_DIR WORKDIR
# FIXTURE_DIR holds fixture.jsonld, written by graph_fixture from the
# hand-built test articles, so the answers here are exact.
set -uo pipefail

ng=$1
graph=$2/fixture.jsonld
work=$3
rm -rf "$work"
mkdir -p "$work"
failures=0

# expect CODE NAME COMMAND...: runs the command, keeps its stdout and stderr
# in $out and $err, and checks its exit code.
expect() {
  local want=$1 name=$2
  shift 2
  "$@" > "$work/out" 2> "$work/err"
  local got=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
  if [ "$got" -ne "$want" ]; then
    echo "FAIL  $name: exit code $got, expected $want"
    echo "$err" | head -5
    failures=$((failures + 1))
    return 1
  fi
  echo "ok    $name"
}

has() {  # has NAME TEXT NEEDLE
  if [[ "$2" != *"$3"* ]]; then
    echo "FAIL  $1: no '$3' in:"
    echo "$2" | head -20
    failures=$((failures + 1))
  fi
}

expect 0 "visits --to Pyongyang" "$ng" query "$graph" visits --to Pyongyang
has "visits table" "$out" "2000-07     Vladimir Putin  Pyongyang               occurred  1"
has "visits table" "$out" "2024-06-19  Vladimir Putin  Pyongyang, North Korea  occurred  3"
has "visits table" "$out" "    [a, 2024-06-19] Putin last visited Pyongyang in July 2000."
has "visits table" "$out" "2 visits"

expect 0 "visits --by putin --since 2024 --json" "$ng" query "$graph" visits --by putin --since 2024 --json
has "visits json" "$out" '"date":"2024-06-19","datePrecision":"day","status":"occurred"'
expect 0 "visits --status planned" "$ng" query "$graph" visits --status planned
has "no planned visits" "$out" "no visits found"

expect 0 "timeline --entity" "$ng" query "$graph" timeline --entity "Kim Jong Un"
has "entity timeline" "$out" "Kim Jong Un (person/kim-jong-un)"
has "entity timeline" "$out" "3 events"

expect 0 "path" "$ng" query "$graph" path Russia Beijing
has "path" "$out" "3 events apart"
has "path" "$out" "  invitee of Invitation (no date) (occurred), whose destination is"

expect 2 "no question" "$ng" query "$graph"
expect 2 "unknown question" "$ng" query "$graph" whom
has "unknown question" "$err" "unknown question 'whom' (expected visits, timeline or path)"
expect 2 "flag of another question" "$ng" query "$graph" visits --entity Putin
has "flag of another question" "$err" "--entity does not apply to 'visits'"
expect 2 "bad date" "$ng" query "$graph" visits --since yesterday
has "bad date" "$err" "--since needs YYYY, YYYY-MM or YYYY-MM-DD, not 'yesterday'"
expect 2 "bad status" "$ng" query "$graph" visits --status happened
expect 2 "path needs two names" "$ng" query "$graph" path Putin
expect 1 "unknown place" "$ng" query "$graph" visits --to Atlantis
has "unknown place" "$err" "no place matches 'Atlantis'"
expect 1 "unknown entity" "$ng" query "$graph" timeline --entity Nobody
expect 1 "missing graph" "$ng" query "$work/missing.jsonld" visits
has "missing graph" "$err" "missing.jsonld: cannot open"

expect 2 "merge without input" "$ng" merge
expect 0 "merge -o" "$ng" merge -o "$work/merged.jsonld" "$graph"
has "merge summary on stdout" "$out" "newsgraph merge: read 1 graph; 5 documents, 7 entities, 5 events from 7 mentions (1 event merged from 3 mentions)"
if ! cmp -s "$graph" "$work/merged.jsonld"; then
  echo "FAIL  merging one timeline changed it"
  failures=$((failures + 1))
fi
expect 0 "merge to stdout" "$ng" merge "$graph"
has "merge summary on stderr" "$err" "newsgraph merge: read 1 graph;"
if [ "$out"$'\n' != "$(cat "$graph")"$'\n' ]; then
  echo "FAIL  merge to standard output differs from the input timeline"
  failures=$((failures + 1))
fi

expect 0 "timeline --help" "$ng" timeline --help
has "timeline help" "$out" "usage: newsgraph timeline [options] [INPUT...]"
expect 0 "query --help" "$ng" query --help
has "query help" "$out" "path A B"

expect 0 "extract --format csv" "$ng" extract --format csv --threads 1 tests/graph/data/kishida-washington.ndjson
has "csv header" "$out" "document_id,event_id,type,status,date,visitor,destination,host,"
expect 2 "extract --format xml" "$ng" extract --format xml tests/graph/data/kishida-washington.ndjson
has "unknown format" "$err" "unknown output format 'xml' (expected ndjson, jsonld or csv)"

if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed"
  exit 1
fi
echo "all graph command checks passed"
