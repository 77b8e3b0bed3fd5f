// The RDF of a newsgraph graph, loaded into Oxigraph, answers "who visited
// PLACE" with the same rows as `newsgraph query GRAPH visits --to PLACE`:
// the same (event, visitor, date) rows and the same source sentences.
//
//   node sparql_test.js NEWSGRAPH_BINARY GRAPH.jsonld PLACE [--require-rows]
'use strict';

const { need, readJsonDocuments, toNQuads, runNewsgraph, check } = require('./common');
const jsonld = need('jsonld');
const oxigraph = need('oxigraph');

const ENTITY = 'urn:newsgraph:entity:';

function sparqlString(s) {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

// A place named PLACE (name or alternate name, ignoring case) and, for a
// country, every place in it: what newsgraph's --to covers.
function visitsQuery(place) {
  const name = sparqlString(place.toLowerCase());
  const named = `?named a schema:Place . { ?named schema:name ?n } UNION { ?named schema:alternateName ?n }
                 FILTER(LCASE(STR(?n)) = ${name})`;
  return `PREFIX schema: <https://schema.org/>
PREFIX ng: <urn:newsgraph:vocab:>
SELECT DISTINCT ?event ?visitor ?date ?sentence WHERE {
  { ${named} BIND(?named AS ?dest) }
  UNION
  { ${named} ?named ng:subtype ?st . FILTER(?st IN ("country", "territory"))
    ?named ng:country ?cc . ?dest a schema:Place ; ng:country ?cc . }
  ?event a ng:Visit ; ng:destination ?dest ; ng:source ?mention .
  ?mention ng:sentence ?span . ?span ng:text ?sentence .
  OPTIONAL { ?event ng:visitor ?visitor }
  OPTIONAL { ?event ng:date ?date }
}`;
}

function entityId(term) {
  if (!term) return '';
  check(term.value.startsWith(ENTITY), `visitor ${term.value} is not an entity IRI`);
  return decodeURIComponent(term.value.slice(ENTITY.length));
}

async function main() {
  const [binary, graphFile, place, flag] = process.argv.slice(2);
  if (!binary || !graphFile || !place) {
    console.error('usage: node sparql_test.js NEWSGRAPH_BINARY GRAPH.jsonld PLACE [--require-rows]');
    process.exit(2);
  }
  const store = new oxigraph.Store();
  for (const doc of readJsonDocuments(graphFile)) {
    store.load(await toNQuads(jsonld, doc), { format: 'application/n-quads' });
  }
  const sparqlVisits = new Set();
  const sparqlSources = new Set();
  for (const b of store.query(visitsQuery(place))) {
    const event = b.get('event').value;
    const date = b.get('date') ? b.get('date').value : '';
    sparqlVisits.add(JSON.stringify([event, entityId(b.get('visitor')), date]));
    sparqlSources.add(JSON.stringify([event, b.get('sentence').value]));
  }

  const answer = JSON.parse(runNewsgraph(binary, ['query', graphFile, 'visits', '--to', place, '--json']));
  const cliVisits = new Set();
  const cliSources = new Set();
  for (const v of answer.visits) {
    cliVisits.add(JSON.stringify([v.event, v.visitor ? v.visitor.id : '', v.date || '']));
    for (const s of v.sources) cliSources.add(JSON.stringify([v.event, s.sentence]));
  }

  const sorted = (s) => [...s].sort();
  check(JSON.stringify(sorted(sparqlVisits)) === JSON.stringify(sorted(cliVisits)),
        `visits differ:\n  SPARQL:   ${sorted(sparqlVisits).join('\n            ')}\n  newsgraph: ${sorted(cliVisits).join('\n            ')}`);
  check(JSON.stringify(sorted(sparqlSources)) === JSON.stringify(sorted(cliSources)),
        `source sentences differ: SPARQL ${sparqlSources.size}, newsgraph ${cliSources.size}`);
  if (flag === '--require-rows') check(cliVisits.size > 0, `no visit to ${place} in ${graphFile}`);
  console.log(`${graphFile}: visits to ${place}: ${cliVisits.size} rows, ${cliSources.size} source sentences, ` +
              `${process.exitCode ? 'DIFFERENT' : 'same'} in SPARQL and newsgraph query`);
  for (const row of sorted(cliVisits)) console.log('  ' + row);
}

main().catch((e) => {
  console.error('FAIL: ' + (e.stack || e));
  process.exit(1);
});
