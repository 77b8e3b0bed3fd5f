#!/usr/bin/env bash
# Where `newsgraph extract` spends its time: runs it under callgrind
# (valgrind; counts instructions, so the figures repeat whatever else the
# machine is doing) over a generated news corpus, and prints
#   - the share of each stage (inclusive cost of its Process()), of reading,
#     of writing the records and of start-up (loading the data files; the
#     entity stage loads on a thread of its own, next to the main thread's
#     CreateDefaultPipeline);
#   - the functions with the most instructions of their own.
#
#   bash tools/profile.sh                      # 300 articles, build-speed/newsgraph
#   bash tools/profile.sh --docs 1000 --binary build/newsgraph
#   bash tools/profile.sh --keep out.callgrind # keep the profile for kcachegrind/callgrind_annotate
#   bash tools/profile.sh --corpus real.ndjson # an NDJSON corpus of your own instead
#                                              # (real news: tools/bench/real_corpus.js)
#   bash tools/profile.sh --corpus real.ndjson --steady
#                                              # also the cost per byte of the corpus's second
#                                              # half alone: RE2's first-use work (compiling
#                                              # rules, building DFA states) is mostly paid in
#                                              # the first half, as in a long stream
#   bash tools/profile.sh --time --docs 12000  # CPU time instead of instructions: samples
#                                              # the run with `perf record` (cpu-clock, DWARF
#                                              # call stacks), so that cache misses and
#                                              # mispredicted branches count (--keep keeps
#                                              # perf.data; not with --steady); needs perf
#                                              # (apt-get install linux-perf)
#
# Without --binary it builds and profiles build-speed/newsgraph (Release):
# functions inlined into a stage count towards the stage.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
docs=300
bin=""
keep=""
own_corpus=""
steady=0
time_mode=0
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --binary) bin="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --corpus) own_corpus="$(realpath "$2")"; shift 2 ;;
    --steady) steady=1; shift ;;
    --time) time_mode=1; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "profile.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$time_mode" = 1 ]; then
  [ "$steady" = 1 ] && { echo "profile.sh: --steady counts instructions; it does not go with --time" >&2; exit 2; }
  command -v perf >/dev/null || { echo "profile.sh: --time needs perf (apt-get install linux-perf)" >&2; exit 2; }
else
  command -v valgrind >/dev/null || { echo "profile.sh: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  build="$root/build-speed"
  if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release &&
         cmake --build "$build" --target newsgraph -j2; } >"$work/build.log" 2>&1; then
    tail -30 "$work/build.log" >&2
    exit 1
  fi
  bin="$build/newsgraph"
fi

if [ -n "$own_corpus" ]; then
  cp "$own_corpus" "$work/corpus.ndjson"
  docs=$(grep -c . "$work/corpus.ndjson")
else
  node "$root/tools/bench/make_corpus.js" --docs "$docs" --seed 5 --out "$work/corpus.ndjson"
fi
# The per-document parts, "label|function": each table below prints them,
# the short label being the part before the colon.
per_doc_parts=(
  "read: DocumentStream::Next|DocumentStream::Next"
  "segment: Segmenter::Process|segment::Segmenter::Process"
  "entities: EntityTagger::Process|ner::EntityTagger::Process"
  "time: TimexTagger::Process|timex::TimexTagger::Process"
  "events: EventTagger::Process|events::EventTagger::Process"
  "write: NdjsonWriter::WriteDocument|NdjsonWriter::WriteDocument"
)

if [ "$time_mode" = 1 ]; then
  # Samples of CPU time (every thread: the reader, the worker, the entity
  # stage's loading thread), each with its call stack, so that a stage's
  # share counts what it calls.
  if ! perf record -q -e cpu-clock -F 1999 --call-graph dwarf,16384 -o "$work/perf.data" \
       "$bin" extract --threads 1 "$work/corpus.ndjson" >/dev/null 2>"$work/perf.log"; then
    tail -5 "$work/perf.log" >&2
    echo "profile.sh: perf record failed (other than as root, perf needs /proc/sys/kernel/perf_event_paranoid at 2 or less)" >&2
    exit 1
  fi
  perf report -i "$work/perf.data" --children --sort symbol -g none --stdio 2>/dev/null > "$work/children.txt"
  perf report -i "$work/perf.data" --no-children --sort dso,symbol -g none --stdio 2>/dev/null > "$work/self.txt"
  samples=$(sed -n 's/^# Samples: *\([0-9.]*[kKM]*\) .*/\1/p' "$work/children.txt" | head -1)
  bytes=$(stat -c %s "$work/corpus.ndjson")
  echo "corpus: $docs articles, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB; $samples samples of CPU time"
  # Share (with callees) of the first symbol whose name ends with $1.
  share_of() {
    { grep -E "^ +[0-9.]+% +[0-9.]+% +\[\.\] (.*::)?$1( {2,}|\$)" "$work/children.txt" || true; } | head -1 |
      awk '{ sub("%", "", $1); print $1 + 0 }'
  }
  startup=$(awk -v a="$(share_of 'CreateDefaultPipeline')" -v b="$(share_of 'ner::EntityTagger::Create')" \
    'BEGIN { print a + b }')
  printf '%-44s %8s %14s\n' "part (with what it calls)" "share" "of per-doc"
  time_row() {
    local c
    c=$(share_of "$2")
    awk -v l="$1" -v c="${c:-0}" -v s="$startup" -v per="${3:-}" 'BEGIN {
      printf "%-44s %7.1f%%", l, c
      if (per != "" && s < 100) printf " %13.1f%%", 100 * c / (100 - s)
      printf "\n" }'
  }
  time_row "start-up: CreateDefaultPipeline (main thread)" 'CreateDefaultPipeline'
  time_row "  entities: EntityTagger::Create (own thread)" 'ner::EntityTagger::Create'
  for part in "${per_doc_parts[@]}"; do time_row "${part%%|*}" "${part#*|}" per-doc; done
  echo
  echo "functions (and libraries) with the most CPU time of their own:"
  grep -E '^ +[0-9.]+%' "$work/self.txt" | head -25 | sed -E 's/ +$//' | cut -c1-160
  [ -n "$keep" ] && cp "$work/perf.data" "$keep"
  exit 0
fi

printf 'Putin arrived in Pyongyang on Wednesday.\n' > "$work/tiny.txt"

# Start-up alone, then the corpus: the difference is the per-document work.
valgrind --tool=callgrind --callgrind-out-file="$work/tiny.cg" \
  "$bin" extract --threads 1 --date 2024-06-19 "$work/tiny.txt" >/dev/null 2>"$work/tiny.log"
valgrind --tool=callgrind --callgrind-out-file="$work/corpus.cg" \
  "$bin" extract --threads 1 "$work/corpus.ndjson" >/dev/null 2>"$work/corpus.log" || true
[ -n "$keep" ] && cp "$work/corpus.cg" "$keep"

total() { sed -n 's/^summary: *//p; s/^totals: *//p' "$1" | head -1 | awk '{ print $1 }'; }
startup=$(total "$work/tiny.cg")
all=$(total "$work/corpus.cg")
bytes=$(stat -c %s "$work/corpus.ndjson")

callgrind_annotate --inclusive=yes --threshold=100 "$work/corpus.cg" 2>/dev/null > "$work/inclusive.txt"
callgrind_annotate "$work/corpus.cg" 2>/dev/null > "$work/self.txt"

# Inclusive cost of the first function whose name matches $1 (in profile $2).
cost_of() {
  { grep -E "$1" "${2:-$work/inclusive.txt}" || true; } | head -1 | awk '{ gsub(",", "", $1); print $1 + 0 }'
}
echo "corpus: $docs articles, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB; $all instructions in all, $startup for start-up (tiny document)"
awk -v a="$all" -v s="$startup" -v b="$bytes" 'BEGIN {
  printf "per input byte (start-up excluded): %.0f instructions\n", (a - s) / b }'
printf '%-44s %16s %8s %14s\n' "part (inclusive)" "instructions" "share" "of per-doc"
# The last column: share of the work after start-up (per-document parts only).
row() {
  local label="$1" c
  c=$(cost_of "$2")
  [ -z "$c" ] && c=0
  awk -v l="$label" -v c="$c" -v a="$all" -v s="$startup" -v per="${3:-}" 'BEGIN {
    printf "%-44s %16.0f %7.1f%%", l, c, (a > 0 ? 100 * c / a : 0)
    if (per != "" && a > s) printf " %13.1f%%", 100 * c / (a - s)
    printf "\n" }'
}
row "start-up: CreateDefaultPipeline (main thread)" 'CreateDefaultPipeline'
row "  time: TimexTagger::Create" 'timex::TimexTagger::Create\('
row "  entities: EntityTagger::Create (own thread)" 'ner::EntityTagger::Create\('
row "  events: EventTagger::Create" 'events::EventTagger::Create\('
row "  segment: Segmenter::Create" 'segment::Segmenter::Create\('
for part in "${per_doc_parts[@]}"; do row "${part%%|*}" "${part#*|}" per-doc; done

if [ "$steady" = 1 ]; then
  # The first half alone; the whole run less it is what the second half costs
  # once the first has paid for RE2's first-use work.
  head -n $(( $(wc -l < "$work/corpus.ndjson") / 2 )) "$work/corpus.ndjson" > "$work/half.ndjson"
  valgrind --tool=callgrind --callgrind-out-file="$work/half.cg" \
    "$bin" extract --threads 1 "$work/half.ndjson" >/dev/null 2>"$work/half.log" || true
  callgrind_annotate --inclusive=yes --threshold=100 "$work/half.cg" 2>/dev/null > "$work/half_inclusive.txt"
  half_all=$(total "$work/half.cg")
  rest_bytes=$(( bytes - $(stat -c %s "$work/half.ndjson") ))
  echo
  awk -v a="$all" -v h="$half_all" -v b="$rest_bytes" 'BEGIN {
    printf "second half alone (%.2f MB), per input byte: %.0f instructions\n", b / 1e6, (a - h) / b }'
  steady_row() {
    local whole half
    whole=$(cost_of "$2"); half=$(cost_of "$2" "$work/half_inclusive.txt")
    awk -v l="$1" -v w="${whole:-0}" -v h="${half:-0}" -v b="$rest_bytes" 'BEGIN {
      printf "  %-42s %8.1f per byte\n", l, (w - h) / b }'
  }
  for part in "${per_doc_parts[@]}"; do steady_row "${part%%:*}" "${part#*|}"; done
fi
echo
echo "functions with the most instructions of their own:"
grep -E '^ *[0-9,]+ +\(' "$work/self.txt" | grep -v 'PROGRAM TOTALS' | head -25 |
  sed -E 's/\(([^)]*)\) *\?\?\?:/(\1)  /; s/ \[.*\/([^/]*)\]$/ [\1]/' | cut -c1-160
echo
echo "newsgraph functions by inclusive cost (what they and their callees take):"
grep -E '^ *[0-9,]+ +\(.*newsgraph::' "$work/inclusive.txt" | grep -vE '\?\?\?:main|RunExtract|RunDocuments|RunSerial|ProcessItem|Pipeline::Process|__libc' |
  head -20 | sed -E 's/\(([^)]*)\) *\?\?\?:/(\1)  /; s/ \[.*\/([^/]*)\]$//' | cut -c1-160
