#!/usr/bin/env bash
# Measures newsgraph on the real binary and prints each figure next to its
# target:
#   - end-to-end `extract` throughput on one core (MB/s, documents/s), all
#     stages, full gazetteers, over a generated news corpus
#   - start-up: every data file loaded and the first document out
#   - peak RSS (/usr/bin/time -v)
#   - gazetteer growth: throughput with 10k and with 1M extra names (--gazetteer)
#   - --threads 1 vs 2 scaling, next to what two independent processes get on
#     the same machine, and byte-identical output for 1, 2, 3, 4, 8 threads
#   - the Google Benchmark pipeline_bench (per-depth MB/s, load time)
#   - the side by side with compromise (tools/compare-compromise/compare.sh)
#
#   bash tools/bench.sh                  # 50 MB corpus, everything
#   bash tools/bench.sh --quick          # 10 MB corpus, 100k-name growth check, no compromise
#   bash tools/bench.sh --size 200M --no-compromise --no-microbench
#   bash tools/bench.sh --corpus real.ndjson   # your own NDJSON news instead (see
#                                              # tools/bench/real_corpus.js)
#
# Builds build-speed/ (Release; BUILD_DIR=... to change). Generated inputs
# are kept in <build>/bench/ and reused. Timing is wall clock around each
# whole process; medians of several runs are shown. Uses only public tools:
# bash, GNU time, cmp, awk, node (for the generators).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build-speed}"
size=50M
own_corpus=""
big_gazetteer=1000000
runs=3
compromise=1
microbench=1
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --corpus) own_corpus="$(realpath "$2")"; shift 2 ;;
    --quick) size=10M; big_gazetteer=100000; runs=2; compromise=0; shift ;;
    --no-compromise) compromise=0; shift ;;
    --no-microbench) microbench=0; shift ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  echo "bench.sh: installing GNU time" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y --no-install-recommends time >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== build ($build)"
targets=(newsgraph)
[ "$microbench" = 1 ] && targets+=(pipeline_bench)
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNEWSGRAPH_BUILD_BENCHMARKS=ON &&
       cmake --build "$build" --target "${targets[@]}" -j2; } >"$work/build.log" 2>&1; then
  tail -30 "$work/build.log" >&2
  echo "bench.sh: build failed" >&2
  exit 1
fi
bin="$build/newsgraph"

data="$build/bench"
mkdir -p "$data"

corpus="$data/corpus-$size.ndjson"
if [ -n "$own_corpus" ]; then
  corpus="$own_corpus"
elif [ ! -s "$corpus" ] || [ "$root/tools/bench/make_corpus.js" -nt "$corpus" ]; then
  echo "== generating $corpus"
  node "$root/tools/bench/make_corpus.js" --bytes "$size" --seed 1 --out "$corpus"
fi
bytes=$(stat -c %s "$corpus")
docs=$(grep -c . "$corpus")
printf 'Putin arrived in Pyongyang on Wednesday.\n' > "$work/tiny.txt"
echo "corpus: $docs documents, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
# Wall-clock figures need an idle machine; CPU-time figures are shown too.
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { echo "${EPOCHREALTIME/,/.}"; }

# run OUT ARGS...: runs newsgraph ARGS > OUT; prints "wall_seconds peak_rss_kb
# cpu_seconds" (cpu: user + system, what the process used whatever else runs).
run() {
  local out="$1"; shift
  local t0 t1 rc=0
  t0=$(now)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$bin" "$@" >"$out" 2>"$work/stderr" || rc=$?
  t1=$(now)
  if [ "$rc" -ge 2 ]; then
    echo "bench.sh: newsgraph $* failed ($rc):" >&2
    tail -5 "$work/stderr" >&2
    exit 1
  fi
  tail -1 "$work/rss" | awk -v a="$t0" -v b="$t1" '{ printf "%.6f %d %.2f\n", b - a, $1, $2 + $3 }'
}

# summary FILE: of the runs listed in FILE (lines of run's output), prints
# "median_wall max_rss_kb median_cpu".
summary() {
  echo "$(cut -d' ' -f1 "$1" | median) $(cut -d' ' -f2 "$1" | sort -n | tail -1) $(cut -d' ' -f3 "$1" | median)"
}

# timed N OUT ARGS...: N runs; prints their summary.
timed() {
  local n="$1"; shift
  local i
  for ((i = 0; i < n; ++i)); do run "$@"; done > "$work/times"
  summary "$work/times"
}

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }'; }
dps() { awk -v d="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? d / s : 0) }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; printf "%.6f", (d > 0 ? d : a) }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

echo "== start-up (tiny document, 11 runs)"
timed 11 /dev/null extract --threads 1 --date 2024-06-19 "$work/tiny.txt" > "$work/res"; read -r start_s start_rss start_cpu < "$work/res"
echo "start-up: $(ms "$start_s") ms wall, $(ms "$start_cpu") ms CPU, peak RSS $(mb "$start_rss") MB"

echo "== throughput, --threads 1 and 2 ($runs rounds)"
# Each round runs --threads 1, --threads 2, and two --threads 1 processes at
# once on the corpus's two halves: the last shows what this machine gives
# two independent processes (shared caches, memory bandwidth, a busy host),
# the reference for the two-thread figure; each of the two also pays its own
# start-up, at the same time as the other. The rounds alternate so that a
# drift in the machine's speed reaches all three alike; ratios are taken
# round by round, and their medians shown.
half=$(( (docs + 1) / 2 ))
head -n "$half" "$corpus" > "$work/half-1.ndjson"
tail -n +"$((half + 1))" "$corpus" > "$work/half-2.ndjson"
# halves: prints the wall seconds of the two half runs side by side.
halves() {
  local t0 t1 rc1=0 rc2=0 pid
  t0=$(now)
  "$bin" extract --threads 1 "$work/half-1.ndjson" >/dev/null 2>"$work/stderr-h1" & pid=$!
  "$bin" extract --threads 1 "$work/half-2.ndjson" >/dev/null 2>"$work/stderr-h2" || rc2=$?
  wait "$pid" || rc1=$?
  t1=$(now)
  if [ "$rc1" -ge 2 ] || [ "$rc2" -ge 2 ]; then
    echo "bench.sh: newsgraph extract on a half of the corpus failed" >&2
    exit 1
  fi
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
}
: > "$work/times-1"; : > "$work/times-2"; : > "$work/times-h"; : > "$work/ratios"
for ((i = 0; i < runs; ++i)); do
  run "$work/out-1.ndjson" extract --threads 1 "$corpus" >> "$work/times-1"
  run "$work/out-2.ndjson" extract --threads 2 "$corpus" >> "$work/times-2"
  halves >> "$work/times-h"
  paste -d' ' <(tail -1 "$work/times-1") <(tail -1 "$work/times-2") <(tail -1 "$work/times-h") |
    awk '{ printf "%.4f %.4f\n", $1 / $4, $1 / $7 }' >> "$work/ratios"
done
read -r t1_s t1_rss t1_cpu < <(summary "$work/times-1")
read -r t2_s t2_rss t2_cpu < <(summary "$work/times-2")
t1_proc=$(minus "$t1_s" "$start_s")
echo "1 thread:  $(mbps "$bytes" "$t1_s") MB/s, $(dps "$docs" "$t1_s") docs/s ($(mbps "$bytes" "$t1_proc") MB/s without start-up; $(mbps "$bytes" "$t1_cpu") MB/s of CPU time), peak RSS $(mb "$t1_rss") MB"
echo "2 threads: $(mbps "$bytes" "$t2_s") MB/s, $(dps "$docs" "$t2_s") docs/s ($(mbps "$bytes" "$t2_cpu") MB/s of CPU time), peak RSS $(mb "$t2_rss") MB"
# Column $1 of the ratios: its median, and every round's value.
ratio_median() { cut -d' ' -f"$1" "$work/ratios" | median | awk '{ printf "%.2f", $1 }'; }
ratio_rounds() { cut -d' ' -f"$1" "$work/ratios" | awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $1 }'; }
scaling=$(ratio_median 1)
two_processes=$(ratio_median 2)
echo "scaling 2 threads / 1 thread: ${scaling}x (rounds: $(ratio_rounds 1))"
echo "two 1-thread processes on the halves at once / 1 thread: ${two_processes}x (rounds: $(ratio_rounds 2))"

echo "== byte-identical output across thread counts"
identical=yes
cmp -s "$work/out-1.ndjson" "$work/out-2.ndjson" || { identical=no; echo "DIFFERS: --threads 1 vs 2"; }
head -n 2000 "$corpus" > "$work/slice.ndjson"
run "$work/slice-1.ndjson" extract --threads 1 "$work/slice.ndjson" >/dev/null
for t in 3 4 8; do
  run "$work/slice-$t.ndjson" extract --threads "$t" "$work/slice.ndjson" >/dev/null
  cmp -s "$work/slice-1.ndjson" "$work/slice-$t.ndjson" || { identical=no; echo "DIFFERS: --threads 1 vs $t"; }
done
records=$(grep -c . "$work/out-1.ndjson" || true)
echo "identical for 1, 2 (whole corpus) and 3, 4, 8 threads (first 2000 documents): $identical; $records records for $docs documents"

echo "== gazetteer growth (10k vs $big_gazetteer synthetic names, --threads 1)"
for n in 10000 "$big_gazetteer"; do
  g="$data/synthetic-$n.tsv"
  [ -s "$g" ] && [ "$g" -nt "$root/tools/bench/make_gazetteer.js" ] || node "$root/tools/bench/make_gazetteer.js" "$n" > "$g"
done
# Start-up of each first, then the corpus runs in alternating rounds (as
# above): the growth is taken round by round, start-up subtracted.
timed 3 /dev/null extract --threads 1 --date 2024-06-19 --gazetteer "$data/synthetic-10000.tsv" "$work/tiny.txt" > "$work/res"; read -r g10_start _ g10_start_cpu < "$work/res"
timed 3 /dev/null extract --threads 1 --date 2024-06-19 --gazetteer "$data/synthetic-$big_gazetteer.tsv" "$work/tiny.txt" > "$work/res"; read -r gbig_start _ gbig_start_cpu < "$work/res"
: > "$work/times-g10"; : > "$work/times-gbig"
for ((i = 0; i < runs; ++i)); do
  run "$work/out-g10.ndjson" extract --threads 1 --gazetteer "$data/synthetic-10000.tsv" "$corpus" >> "$work/times-g10"
  run "$work/out-gbig.ndjson" extract --threads 1 --gazetteer "$data/synthetic-$big_gazetteer.tsv" "$corpus" >> "$work/times-gbig"
done
read -r g10_s g10_rss g10_cpu < <(summary "$work/times-g10")
read -r gbig_s gbig_rss gbig_cpu < <(summary "$work/times-gbig")
g10_proc=$(minus "$g10_s" "$g10_start")
gbig_proc=$(minus "$gbig_s" "$gbig_start")
g10_proc_cpu=$(minus "$g10_cpu" "$g10_start_cpu")
gbig_proc_cpu=$(minus "$gbig_cpu" "$gbig_start_cpu")
echo "10k names:  start-up $(ms "$g10_start") ms, $(mbps "$bytes" "$g10_proc") MB/s after start-up ($(mbps "$bytes" "$g10_proc_cpu") MB/s of CPU time), peak RSS $(mb "$g10_rss") MB"
echo "$big_gazetteer names: start-up $(ms "$gbig_start") ms, $(mbps "$bytes" "$gbig_proc") MB/s after start-up ($(mbps "$bytes" "$gbig_proc_cpu") MB/s of CPU time), peak RSS $(mb "$gbig_rss") MB"
# Round by round: (big run - big start-up) / (10k run - 10k start-up).
round_growth() {
  paste -d' ' "$work/times-g10" "$work/times-gbig" |
    awk -v s10="$1" -v sbig="$2" -v f="$3" '{ a = $f - s10; b = $(f + 3) - sbig; if (a > 0) print b / a }' | median |
    awk '{ printf "%.2f", $1 }'
}
growth=$(round_growth "$g10_start" "$gbig_start" 1)
growth_cpu=$(round_growth "$g10_start_cpu" "$gbig_start_cpu" 3)
echo "slowdown 10k -> $big_gazetteer names: ${growth}x wall, ${growth_cpu}x CPU time"
synthetic_hits=$(grep -o '"id":"[a-z]*/synthetic-' "$work/out-gbig.ndjson" | wc -l || true)
echo "(entities from the synthetic gazetteer in the output: $synthetic_hits)"

peak_rss=$(printf '%s\n' "$start_rss" "$t1_rss" "$t2_rss" "$g10_rss" | sort -n | tail -1)

if [ "$microbench" = 1 ]; then
  echo "== pipeline_bench (Google Benchmark, tests/bench/corpus/news.ndjson)"
  "$build/tests/bench/pipeline_bench" --benchmark_min_time=0.5 2>&1 | grep -vE '^\*\*\*|^$' || true
fi

if [ "$compromise" = 1 ]; then
  if command -v node >/dev/null && command -v npm >/dev/null; then
    echo "== side by side with compromise"
    NEWSGRAPH="$bin" bash "$root/tools/compare-compromise/compare.sh" --docs 300 || echo "compare.sh failed"
  else
    echo "== side by side with compromise: skipped (no node/npm)"
  fi
fi

verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo MISSED; fi; }
echo
echo "== summary (targets)"
printf '%-46s %14s  %s\n' "end-to-end, 1 thread (>= 50 MB/s)" "$(mbps "$bytes" "$t1_s") MB/s" "$(verdict "$(mbps "$bytes" "$t1_s") >= 50")"
printf '%-46s %14s\n' "documents/s, 1 thread" "$(dps "$docs" "$t1_s")"
printf '%-46s %14s\n' "end-to-end, 1 thread, per CPU second" "$(mbps "$bytes" "$t1_cpu") MB/s"
printf '%-46s %14s  %s\n' "start-up, first document out (<= 100 ms)" "$(ms "$start_s") ms" "$(verdict "$(ms "$start_s") <= 100")"
printf '%-46s %14s  %s\n' "peak RSS, default gazetteers (<= 300 MB)" "$(mb "$peak_rss") MB" "$(verdict "$(mb "$peak_rss") <= 300")"
printf '%-46s %14s  %s\n' "peak RSS with $big_gazetteer extra names" "$(mb "$gbig_rss") MB" "(info)"
printf '%-46s %14s  %s\n' "10k -> $big_gazetteer names slowdown (<= 2x)" "${growth}x" "$(verdict "$growth <= 2")"
printf '%-46s %14s  %s\n' "2 threads / 1 thread (>= 1.7x)" "${scaling}x" "$(verdict "$scaling >= 1.7")"
printf '%-46s %14s  %s\n' "  two 1-thread processes on the halves at once" "${two_processes}x" "(reference)"
printf '%-46s %14s  %s\n' "byte-identical output for 1, 2, 3, 4, 8 threads" "$identical" "$(verdict "\"$identical\" == \"yes\"")"
