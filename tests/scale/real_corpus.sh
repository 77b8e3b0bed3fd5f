#!/usr/bin/env bash
# tools/bench/real_corpus.js turns annotated corpora into NDJSON news: the
# text of a TimeML file with its creation date, and CAT token files with a
# date line, their tokens joined with the spaces running text has. Small
# files of each kind, written here.
source "$(dirname "$0")/lib.sh"
need node

mkdir -p "$work/in/tml" "$work/in/cat"
cat > "$work/in/tml/a1.tml" <<'TML'
<?xml version="1.0" ?>
<TimeML><DOCID>a1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>
<TEXT>The talks <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3> &amp; resume soon.</TEXT>
</TimeML>
TML
# One token per element: <token sentence="S">text</token>.
cat_file() {
  local name="$1" s=0 n=0 t
  shift
  {
    printf '<?xml version="1.0" ?><Document doc_name="%s">\n' "$name"
    for t in "$@"; do
      if [ "$t" = "|" ]; then s=$((s + 1)); continue; fi
      printf '<token number="%d" sentence="%d" t_id="%d">%s</token>\n' "$n" "$s" "$((n + 1))" "$t"
      n=$((n + 1))
    done
    printf '</Document>\n'
  } > "$work/in/cat/$name.xml"
}
cat_file b2 Merger agreed "|" May 4 , 2009 "|" "AT&amp;T" said "&quot;" yes "&quot;" . "|" \
  The minister "(" Schmidt ")" said "&quot;" no "&quot;" , and "Berlin" "'s" mayor did "n't" agree .
cat_file c3 No date here .

node tools/bench/real_corpus.js --out "$work/out.ndjson" "$work/in" 2> "$work/err" || fail "real_corpus.js: exit $?"
cat > "$work/want.ndjson" <<'WANT'
{"id":"b2","published":"2009-05-04","text":"Merger agreed\nMay 4, 2009\nAT&T said \"yes\".\nThe minister (Schmidt) said \"no\", and Berlin's mayor didn't agree.\n"}
{"id":"c3","published":"","text":"No date here.\n"}
{"id":"a1","published":"1998-02-27","text":"The talks ended Thursday & resume soon."}
WANT
cmp "$work/want.ndjson" "$work/out.ndjson" || { diff "$work/want.ndjson" "$work/out.ndjson" || true; fail "unexpected corpus"; }
grep -q '^real_corpus: 3 documents' "$work/err" || fail "summary line: $(cat "$work/err")"
"$bin" extract --threads 1 "$work/out.ndjson" > "$work/records.ndjson" || fail "extract over the corpus: exit $?"
[ "$(grep -c . "$work/records.ndjson")" = 3 ] || fail "extract: $(grep -c . "$work/records.ndjson") records for 3 documents"
echo "OK: 3 documents from TimeML and CAT files, read by extract"
