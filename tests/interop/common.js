// Shared helpers of the interoperability tests: loading the npm packages
// (failing loudly when they are not installed), reading newsgraph JSON-LD
// (one document, or one per line), converting it to RDF, running newsgraph.
'use strict';

const fs = require('fs');
const { execFileSync } = require('child_process');

function need(name) {
  try {
    return require(name);
  } catch (e) {
    console.error(`FAIL: the npm package '${name}' is not installed (${e.code || e.message}).\n` +
                  `Install the test dependencies with: npm ci --prefix ${__dirname}`);
    process.exit(1);
  }
}

// Every JSON document in a file: one pretty document, or one per line.
function readJsonDocuments(file) {
  const text = fs.readFileSync(file, 'utf8');
  const trimmed = text.trim();
  if (trimmed === '') throw new Error(`${file}: empty`);
  try {
    return [JSON.parse(trimmed)];
  } catch (e) {
    return trimmed.split('\n').filter((l) => l.trim() !== '').map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (err) {
        throw new Error(`${file}:${i + 1}: ${err.message}`);
      }
    });
  }
}

// N-Quads of a JSON-LD document. Safe mode makes jsonld.js fail instead of
// silently dropping a term or a value it cannot map to RDF.
async function toNQuads(jsonld, doc) {
  return jsonld.toRDF(doc, { format: 'application/n-quads', safe: true });
}

function runNewsgraph(binary, args) {
  return execFileSync(binary, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
}

function check(condition, message) {
  if (!condition) {
    console.error('FAIL: ' + message);
    process.exitCode = 1;
  }
  return condition;
}

module.exports = { need, readJsonDocuments, toNQuads, runNewsgraph, check };
