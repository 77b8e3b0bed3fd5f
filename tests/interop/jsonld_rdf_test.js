// Every term of newsgraph's JSON-LD survives a standard processor: jsonld.js
// expands each document and converts it to RDF without an error, and no
// property is dropped on the way (each property key of the compact form
// becomes exactly one absolute IRI key of the expanded form).
//
//   node jsonld_rdf_test.js GRAPH.jsonld [MORE.jsonld...]
'use strict';

const { need, readJsonDocuments, toNQuads, check } = require('./common');
const jsonld = need('jsonld');

// Counts the property keys of node objects, skipping keywords and the
// @context itself.
function compactKeys(value, counts) {
  if (Array.isArray(value)) {
    value.forEach((v) => compactKeys(v, counts));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '@context') continue;
      if (!k.startsWith('@')) counts.set(k, (counts.get(k) || 0) + 1);
      compactKeys(v, counts);
    }
  }
  return counts;
}

function expandedKeys(value, counts) {
  if (Array.isArray(value)) {
    value.forEach((v) => expandedKeys(v, counts));
  } else if (value !== null && typeof value === 'object') {
    if ('@value' in value) return counts;
    for (const [k, v] of Object.entries(value)) {
      if (!k.startsWith('@')) counts.set(k, (counts.get(k) || 0) + 1);
      expandedKeys(v, counts);
    }
  }
  return counts;
}

function total(counts) {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

async function checkDocument(name, doc) {
  let expanded;
  try {
    expanded = await jsonld.expand(doc, { safe: true });
  } catch (e) {
    check(false, `${name}: expansion failed: ${e.message}${e.details ? ' ' + JSON.stringify(e.details) : ''}`);
    return;
  }
  const compact = compactKeys(doc, new Map());
  const full = expandedKeys(expanded, new Map());
  for (const iri of full.keys()) {
    check(/^[a-z][a-z0-9+.-]*:/i.test(iri) && !iri.startsWith('_:'), `${name}: '${iri}' did not expand to an absolute IRI`);
  }
  check(total(compact) === total(full),
        `${name}: ${total(compact)} property keys in the compact form but ${total(full)} after expansion (a term was dropped)`);
  check(compact.size === full.size,
        `${name}: ${compact.size} distinct terms but ${full.size} distinct IRIs: ` +
        `${[...compact.keys()].sort().join(' ')} vs ${[...full.keys()].sort().join(' ')}`);
  let nquads;
  try {
    nquads = await toNQuads(jsonld, doc);
  } catch (e) {
    check(false, `${name}: conversion to RDF failed: ${e.message}`);
    return;
  }
  const quads = nquads.split('\n').filter((l) => l !== '').length;
  check(quads > 0, `${name}: no RDF triples`);
  return { terms: compact.size, keys: total(compact), quads };
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node jsonld_rdf_test.js GRAPH.jsonld...');
    process.exit(2);
  }
  for (const file of files) {
    const docs = readJsonDocuments(file);
    let keys = 0, quads = 0;
    const terms = new Set();
    for (let i = 0; i < docs.length; ++i) {
      const r = await checkDocument(docs.length > 1 ? `${file}:${i + 1}` : file, docs[i]);
      if (r) {
        keys += r.keys;
        quads += r.quads;
      }
      compactKeys(docs[i], new Map()).forEach((_, k) => terms.add(k));
    }
    console.log(`${file}: ${docs.length} JSON-LD documents, ${terms.size} terms, ${keys} properties, ${quads} triples`);
  }
  if (process.exitCode) console.error('FAILED');
}

main().catch((e) => {
  console.error('FAIL: ' + (e.stack || e));
  process.exit(1);
});
