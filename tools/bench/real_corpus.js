#!/usr/bin/env node
// Writes an NDJSON corpus of real news text from annotated news corpora kept
// on disk, for measuring newsgraph on text nobody wrote for it: the
// generated corpus of make_corpus.js repeats its phrasings far more than
// real news does, and every memo and lazily built automaton in the pipeline
// gains from that. Annotations are dropped; only the text and the
// publication date are kept. Nothing is downloaded and nothing is written
// into the source tree.
//
//   node tools/bench/real_corpus.js --out /tmp/real.ndjson ../shared/data/tempeval3 \
//       ../shared/data/meantime/intra-doc_annotation
//   bash tools/bench.sh --corpus /tmp/real.ndjson --no-compromise --no-microbench
//   bash tools/profile.sh --corpus /tmp/real.ndjson
//
// Each argument is a file or a folder (searched recursively). Recognised:
//   *.tml              TimeML (TempEval-3): the <TEXT> element, tags
//                      stripped; the creation-time TIMEX3 as the date
//   *.xml with <token> MEANTIME / CAT: the tokens, sentence by sentence;
//                      a "Month D, YYYY" sentence near the top as the date
// Tokenized text is joined with the spaces news text has: none before
// closing punctuation and clitics, none after opening brackets.
// Documents come out in path order, so the same folders give the same bytes.
'use strict';

const fs = require('fs');
const path = require('path');

function usage(code) {
  process.stderr.write('usage: real_corpus.js --out FILE PATH...\n');
  process.exit(code);
}

function listFiles(p, out) {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) listFiles(path.join(p, name), out);
  } else if (st.isFile()) {
    out.push(p);
  }
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

// Joins the tokens of one sentence with the spaces running text has.
const kNoSpaceBefore = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "''", "'s", "'S", "n't", "'re", "'ve",
                                "'ll", "'d", "'m", '...']);
const kNoSpaceAfter = new Set(['(', '[', '{', '$', '``']);
function joinTokens(tokens) {
  let out = '';
  let quoteOpen = false;
  let glueNext = true;
  for (const raw of tokens) {
    let t = raw;
    let glue = glueNext || kNoSpaceBefore.has(t);
    glueNext = kNoSpaceAfter.has(t);
    if (t === '``') t = '"';
    if (t === "''") t = '"';
    if (t === '"') {  // straight quotes alternate: opening, then closing
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    out += (glue ? '' : ' ') + t;
  }
  return out;
}

const kMonths = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
                 'november', 'december'];
function pad2(n) { return String(n).padStart(2, '0'); }

function fromTimeML(file, content) {
  const text = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(content);
  if (!text) return [];
  let published = '';
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(content);
  if (dct) {
    const v = /value="(\d{4}-\d{2}-\d{2})/.exec(dct[0]);
    if (v) published = v[1];
  }
  return [{id: path.basename(file, '.tml'), published, text: decodeEntities(text[1].replace(/<[^>]*>/g, ''))}];
}

function fromCAT(file, content) {
  const sentences = [];
  const re = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g;
  let m;
  while ((m = re.exec(content)) !== null) {
    const s = Number(m[1]);
    while (sentences.length <= s) sentences.push([]);
    sentences[s].push(decodeEntities(m[2]));
  }
  const lines = sentences.filter((s) => s.length).map(joinTokens);
  if (!lines.length) return [];
  let published = '';
  for (const line of lines.slice(0, 3)) {
    const d = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(line);
    if (d && kMonths.includes(d[1].toLowerCase())) {
      published = `${d[3]}-${pad2(kMonths.indexOf(d[1].toLowerCase()) + 1)}-${pad2(d[2])}`;
      break;
    }
  }
  return [{id: path.basename(file, '.xml'), published, text: lines.join('\n') + '\n'}];
}

function main() {
  const args = process.argv.slice(2);
  let out = '';
  const inputs = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--out') out = args[++i];
    else if (args[i] === '-h' || args[i] === '--help') usage(0);
    else inputs.push(args[i]);
  }
  if (!out || !inputs.length) usage(2);
  const files = [];
  for (const p of inputs) listFiles(p, files);
  const lines = [];
  let bytes = 0;
  for (const file of files) {
    const content = fs.readFileSync(file, 'utf8');
    let docs = [];
    if (file.endsWith('.tml')) docs = fromTimeML(file, content);
    else if (file.endsWith('.xml') && content.includes('<token')) docs = fromCAT(file, content);
    for (const d of docs) {
      const line = JSON.stringify(d);
      bytes += Buffer.byteLength(line) + 1;
      lines.push(line);
    }
  }
  fs.writeFileSync(out, lines.length ? lines.join('\n') + '\n' : '');
  process.stderr.write(`real_corpus: ${lines.length} documents, ${(bytes / 1e6).toFixed(2)} MB from ${files.length} files\n`);
}

main();
