#!/usr/bin/env bash
# newsgraph side by side with compromise + compromise-dates (npm registry)
# on the same corpus in the same run: both find people, places,
# organizations and dates in every article; this prints each one's
# throughput, what each found, and the ratio.
#
#   bash tools/compare-compromise/compare.sh                 # a generated corpus of 300 articles
#   bash tools/compare-compromise/compare.sh --docs 1000
#   bash tools/compare-compromise/compare.sh CORPUS.ndjson
#   NEWSGRAPH=build/newsgraph bash tools/compare-compromise/compare.sh
#
# Both run on one core: newsgraph with --threads 1 and all its stages
# (entities, time expressions, events) and full gazetteers; compromise in
# one Node.js process. Throughput is input bytes over wall time, start-up
# included for both, and also processing only (newsgraph: minus the time
# of a run on one tiny document; compromise: as it reports it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
docs=300
corpus=""
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) corpus="$1"; shift ;;
  esac
done

newsgraph="${NEWSGRAPH:-}"
if [ -z "$newsgraph" ]; then
  newsgraph="$root/build-speed/newsgraph"
  cmake -S "$root" -B "$root/build-speed" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$root/build-speed" --target newsgraph -j2 >/dev/null
fi
if [ ! -d "$here/node_modules/compromise" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$corpus" ]; then
  corpus="$work/corpus.ndjson"
  node "$root/tools/bench/make_corpus.js" --docs "$docs" --seed 11 --out "$corpus"
fi
bytes=$(stat -c %s "$corpus")
ndocs=$(grep -c . "$corpus")
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.6f", b - a }'; }

echo "corpus: $corpus ($ndocs documents, $(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/1e6}') MB)"

# newsgraph: the tiny run gives its start-up; the whole corpus its total.
# Both are medians after a warm-up run: one run of a tenth of a second
# says more about the machine's mood than about newsgraph.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf 'Putin arrived in Pyongyang on Wednesday.\n' > "$work/tiny.txt"
"$newsgraph" extract --threads 1 --date 2024-06-19 "$work/tiny.txt" >/dev/null
ng_start=$(for i in 1 2 3 4 5; do
  t0=$(now); "$newsgraph" extract --threads 1 --date 2024-06-19 "$work/tiny.txt" >/dev/null; since "$t0"; echo
done | median)
ng_total=$(for i in 1 2 3 4 5; do
  t0=$(now); "$newsgraph" extract --threads 1 "$corpus" >"$work/newsgraph.ndjson" || true  # 1: some failed
  since "$t0"; echo
done | median)

# compromise: it reports its own processing time on stderr.
t0=$(now); node "$here/run.js" "$corpus" >"$work/compromise.ndjson" 2>"$work/compromise.err"
cp_total=$(since "$t0")
cp_proc=$(sed -n 's/.* in \([0-9.]*\) s:.*/\1/p' "$work/compromise.err")

# What each found, so that the work compared is comparable.
node - "$work/newsgraph.ndjson" "$work/compromise.ndjson" <<'EOF'
const fs = require('fs');
const count = (file, f) => {
  const c = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    for (const [k, n] of Object.entries(f(r))) c[k] = (c[k] || 0) + n;
  }
  return c;
};
const mentions = (r, t) => (r.entities || []).filter((e) => e.type === t)
    .reduce((n, e) => n + (e.mentions || []).length, 0);
const ng = count(process.argv[2], (r) => ({people: mentions(r, 'Person'), places: mentions(r, 'Place'),
  organizations: mentions(r, 'Organization'), dates: (r.timexes || []).length, events: (r.events || []).length}));
const cp = count(process.argv[3], (r) => ({people: r.people.length, places: r.places.length,
  organizations: r.organizations.length, dates: r.dates.length}));
const fmt = (c) => ['people', 'places', 'organizations', 'dates', 'events']
    .filter((k) => k in c).map((k) => `${k} ${c[k]}`).join(', ');
console.log('found by newsgraph:  ' + fmt(ng));
console.log('found by compromise: ' + fmt(cp));
EOF

awk -v b="$bytes" -v d="$ndocs" -v ns="$ng_start" -v nt="$ng_total" -v ct="$cp_total" -v cpp="$cp_proc" 'BEGIN {
  mb = b / 1e6
  np = nt - ns; if (np <= 0) np = nt
  printf "%-28s %12s %12s %14s\n", "", "MB/s", "docs/s", "wall s"
  printf "%-28s %12.2f %12.0f %14.3f\n", "newsgraph (whole process)", mb / nt, d / nt, nt
  printf "%-28s %12.2f %12.0f %14.3f\n", "newsgraph (processing)", mb / np, d / np, np
  printf "%-28s %12.3f %12.1f %14.3f\n", "compromise (whole process)", mb / ct, d / ct, ct
  if (cpp > 0) printf "%-28s %12.3f %12.1f %14.3f\n", "compromise (processing)", mb / cpp, d / cpp, cpp
  printf "ratio newsgraph/compromise: %.0fx (whole process)", ct / nt
  if (cpp > 0) printf ", %.0fx (processing)", cpp / np
  printf "\n"
}'
