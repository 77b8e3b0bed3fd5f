#!/usr/bin/env bash
# tools/bench/real_corpus.js turns annotated corpora into NDJSON news: the
# text of a TimeML file with its creation date, CoNLL-2003 documents with
# their dateline date, CAT token files with a date line; tokens joined with
# the spaces running text has. Small files of each kind, written here.
source "$(dirname "$0")/lib.sh"
need node

mkdir -p "$work/in/tml" "$work/in/conll" "$work/in/cat"
cat > "$work/in/tml/a1.tml" <<'TML'
<?xml version="1.0" ?>
<TimeML><DOCID>a1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>
<TEXT>The talks <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3> &amp; resume soon.</TEXT>
</TimeML>
TML
cat > "$work/in/conll/part.txt" <<'CONLL'
-DOCSTART- -X- O O

TALKS NNP I-NP O
END VBD I-VP O

BERLIN NNP I-NP I-LOC
1996-08-22 CD I-NP O

The DT I-NP O
minister NN I-NP O
( ( O O
Schmidt NNP I-NP I-PER
) ) O O
said VBD I-VP O
`` `` O O
no DT I-NP O
'' '' O O
, , O O
and CC O O
Berlin NNP I-NP I-LOC
's POS B-NP O
mayor NN I-NP O
did VBD I-VP O
n't RB I-ADVP O
agree VB I-VP O
. . O O

-DOCSTART- -X- O O

Second JJ I-NP O
story NN I-NP O
. . O O
CONLL
cat > "$work/in/cat/b2.xml" <<'CAT'
<?xml version="1.0" ?><Document doc_id="2" doc_name="b2">
<token number="0" sentence="0" t_id="1">Merger</token>
<token number="1" sentence="0" t_id="2">agreed</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">4</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2009</token>
<token number="6" sentence="2" t_id="7">AT&amp;T</token>
<token number="7" sentence="2" t_id="8">said</token>
<token number="8" sentence="2" t_id="9">&quot;</token>
<token number="9" sentence="2" t_id="10">yes</token>
<token number="10" sentence="2" t_id="11">&quot;</token>
<token number="11" sentence="2" t_id="12">.</token>
</Document>
CAT

node tools/bench/real_corpus.js --out "$work/out.ndjson" "$work/in" 2> "$work/err" || fail "real_corpus.js: exit $?"
cat > "$work/want.ndjson" <<'WANT'
{"id":"b2","published":"2009-05-04","text":"Merger agreed\nMay 4, 2009\nAT&T said \"yes\".\n"}
{"id":"part.txt:0","published":"1996-08-22","text":"TALKS END\nBERLIN 1996-08-22\nThe minister (Schmidt) said \"no\", and Berlin's mayor didn't agree.\n"}
{"id":"part.txt:1","published":"","text":"Second story.\n"}
{"id":"a1","published":"1998-02-27","text":"The talks ended Thursday & resume soon."}
WANT
cmp "$work/want.ndjson" "$work/out.ndjson" || { diff "$work/want.ndjson" "$work/out.ndjson" || true; fail "unexpected corpus"; }
grep -q '^real_corpus: 4 documents' "$work/err" || fail "summary line: $(cat "$work/err")"
"$bin" extract --threads 1 "$work/out.ndjson" > "$work/records.ndjson" || fail "extract over the corpus: exit $?"
[ "$(grep -c . "$work/records.ndjson")" = 4 ] || fail "extract: $(grep -c . "$work/records.ndjson") records for 4 documents"
echo "OK: 4 documents from TimeML, CoNLL-2003 and CAT files, read by extract"
