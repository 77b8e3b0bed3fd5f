// Every record `newsgraph extract` writes is valid against
// schemas/extract-record.schema.json (checked by Ajv, JSON Schema 2020-12),
// and holds what the schema cannot say: with --include-text, each span's
// text is the document text between its byte offsets, and each role names
// an entity of the same record.
//
//   node schema_test.js SCHEMA.json RECORDS.ndjson...
'use strict';

const fs = require('fs');
const { need, check } = require('./common');
const Ajv2020 = need('ajv/dist/2020');

function spans(record) {
  const out = [];
  for (const e of record.entities || []) for (const m of e.mentions) out.push(['mention of ' + e.id, m]);
  for (const t of record.timexes || []) out.push(['timex', t]);
  for (const e of record.events || []) {
    out.push(['trigger of ' + e.id, e.trigger], ['sentence of ' + e.id, e.sentence]);
    for (const ev of e.evidence || []) out.push(['evidence trigger of ' + e.id, ev.trigger], ['evidence of ' + e.id, ev.sentence]);
  }
  return out;
}

function main() {
  const [schemaFile, ...files] = process.argv.slice(2);
  if (!schemaFile || files.length === 0) {
    console.error('usage: node schema_test.js SCHEMA.json RECORDS.ndjson...');
    process.exit(2);
  }
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
    check(lines.length > 0, `${file}: no records`);
    let documents = 0, errors = 0, checkedSpans = 0, events = 0;
    lines.forEach((line, i) => {
      const where = `${file}:${i + 1}`;
      let record;
      try {
        record = JSON.parse(line);
      } catch (e) {
        check(false, `${where}: not JSON: ${e.message}`);
        return;
      }
      if (!validate(record)) {
        check(false, `${where}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
        return;
      }
      if ('error' in record) {
        ++errors;
        return;
      }
      ++documents;
      events += record.events.length;
      const ids = new Set(record.entities.map((e) => e.id));
      for (const e of record.events) {
        for (const [role, list] of Object.entries(e.roles)) {
          for (const id of list) check(ids.has(id), `${where}: event ${e.id} role ${role} names ${id}, not an entity of the record`);
        }
      }
      if (typeof record.text !== 'string') return;
      const bytes = Buffer.from(record.text, 'utf8');
      for (const [what, s] of spans(record)) {
        ++checkedSpans;
        check(s.start <= s.end && s.end <= bytes.length, `${where}: ${what}: [${s.start}, ${s.end}) outside the text`);
        const text = bytes.subarray(s.start, s.end).toString('utf8');
        check(text === s.text, `${where}: ${what}: text ${JSON.stringify(s.text)} but the bytes hold ${JSON.stringify(text)}`);
      }
    });
    console.log(`${file}: ${documents} documents, ${errors} error records, ${events} events, ${checkedSpans} spans checked`);
  }
  if (process.exitCode) console.error('FAILED');
}

main();
