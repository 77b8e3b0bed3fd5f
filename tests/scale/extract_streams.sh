#!/usr/bin/env bash
# `newsgraph extract -` is a streaming filter: with standard input still
# open, each NDJSON record comes out as soon as its line is in, in order,
# for one and for several threads.
source "$(dirname "$0")/lib.sh"
reads_ndjson_stdin || skip "extract does not read NDJSON from stdin yet"

mkfifo "$work/in" "$work/out"
for threads in 1 2 4; do
  "$bin" extract --threads "$threads" - <"$work/in" >"$work/out" 2>"$work/stderr" &
  pid=$!
  pids+=("$pid")
  exec 3>"$work/in" 4<"$work/out"
  for i in 1 2 3; do
    printf '{"id":"stream-%d","published":"2024-06-19","text":"Vladimir Putin arrived in Pyongyang on Wednesday."}\n' "$i" >&3
    line=""
    read -t 20 -r line <&4 || fail "--threads $threads: no record $i within 20 s while stdin is open"
    case "$line" in
      *'"id":"stream-'"$i"'"'*) ;;
      *) fail "--threads $threads: expected record stream-$i, got: ${line:0:200}" ;;
    esac
  done
  exec 3>&-
  rest=$(cat <&4)
  exec 4<&-
  wait "$pid" || fail "--threads $threads: exit $? ($(cat "$work/stderr"))"
  [ -z "$rest" ] || fail "--threads $threads: unexpected output after the last record: ${rest:0:200}"
  echo "OK: --threads $threads streams record by record"
done
