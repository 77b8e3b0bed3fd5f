#!/usr/bin/env node
// Writes a synthetic news corpus for newsgraph's benchmarks and scale tests:
// wire-style articles about visits, meetings, agreements and invitations
// (occurred, planned, cancelled, postponed, denied), with dates written the
// ways news writes them, quotes, background and filler paragraphs. Same
// seed, same bytes.
//
//   node tools/bench/make_corpus.js --bytes 50M > corpus.ndjson        # NDJSON records
//   node tools/bench/make_corpus.js --docs 300 --seed 7 --out small.ndjson
//   node tools/bench/make_corpus.js --bytes 1G | newsgraph extract -   # streams; memory stays flat
//
// Options:
//   --bytes N      stop after about N bytes of output (suffixes K, M, G)
//   --docs N       stop after N articles (default 300 when --bytes is not given)
//   --seed S       random seed (default 1)
//   --format F     ndjson (default: {"id","url","title","published","text"} per
//                  line) or text (articles separated by a blank line and "---")
//   --out FILE     write to FILE instead of standard output
// Made-up people's names (names.js syntheticName(0..9999)) appear too, so
// that the synthetic gazetteers of make_gazetteer.js find matches.
'use strict';

const fs = require('fs');
const N = require('./names');

function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([KMG]?)B?$/i.exec(String(s));
  if (!m) throw new Error('bad size: ' + s);
  const mult = {'': 1, K: 1 << 10, M: 1 << 20, G: 1 << 30}[m[2].toUpperCase()];
  return Math.round(Number(m[1]) * mult);
}

function parseArgs(argv) {
  const a = {bytes: 0, docs: 0, seed: 1, format: 'ndjson', out: ''};
  for (let i = 2; i < argv.length; ++i) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--bytes') a.bytes = parseSize(v);
    else if (k === '--docs') a.docs = Number(v);
    else if (k === '--seed') a.seed = Number(v);
    else if (k === '--format') a.format = v;
    else if (k === '--out') a.out = v;
    else throw new Error('unknown option ' + k + ' (see the header of make_corpus.js)');
    ++i;
  }
  if (!a.bytes && !a.docs) a.docs = 300;
  if (a.format !== 'ndjson' && a.format !== 'text') throw new Error('--format is ndjson or text');
  return a;
}

// --- dates ------------------------------------------------------------------

const DAY_MS = 86400000;
const EPOCH_2023 = Date.UTC(2023, 0, 1);

function iso(t) {
  return new Date(t).toISOString().slice(0, 10);
}
function weekday(t) {
  return N.WEEKDAYS[(new Date(t).getUTCDay() + 6) % 7];
}
function monthDay(t) {
  const d = new Date(t);
  return N.MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate();
}
function fullDate(t) {
  return monthDay(t) + ', ' + new Date(t).getUTCFullYear();
}

// --- one article ------------------------------------------------------------

function leadersOf(country) {
  return N.LEADERS.filter((l) => l.country === country);
}
function countryByName(name) {
  return N.COUNTRIES.find((c) => c.name === name);
}
const IGOS = N.ORGANIZATIONS.filter((o) => o.igo);
const LEADERS_BY_COUNTRY = new Map(N.COUNTRIES.map((c) => [c.name, leadersOf(c.name)]));
function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function numberWord(n) {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] || String(n);
}

// Builds the shared facts of one article.
function makeContext(rng, index) {
  const pub = EPOCH_2023 + N.int(rng, 0, 3 * 365) * DAY_MS;
  const guest = N.pick(rng, N.LEADERS);
  const guestCountry = countryByName(guest.country);
  let hostCountry;
  do hostCountry = N.pick(rng, N.COUNTRIES); while (hostCountry === guestCountry);
  const hostLeaders = LEADERS_BY_COUNTRY.get(hostCountry.name);
  const host = hostLeaders.length ? N.pick(rng, hostLeaders) : null;
  let third;
  do third = N.pick(rng, N.LEADERS); while (third === guest || third === host);
  // The event lies between a week before and three weeks after publication.
  const eventDay = pub + N.int(rng, -7, 21) * DAY_MS;
  return {
    index, pub, eventDay, guest, guestCountry, hostCountry, host, third,
    thirdCountry: countryByName(third.country),
    city: rng() < 0.75 ? hostCountry.capital : hostCountry.city,
    org: N.pick(rng, IGOS),
    org2: N.pick(rng, N.ORGANIZATIONS),
    spokes: N.pick(rng, N.GIVEN_NAMES) + ' ' + N.pick(rng, N.SURNAMES),
    analyst: N.pick(rng, N.GIVEN_NAMES) + ' ' + N.pick(rng, N.SURNAMES),
    local: N.syntheticName(N.int(rng, 0, 9999)),
    years: N.int(rng, 2, 30),
    amount: N.int(rng, 2, 900),
    pastYear: 1990 + N.int(rng, 0, 30),
  };
}

function who(l) {
  return `${countryByName(l.country).adj} ${l.title} ${l.name}`;
}
function hostName(c) {
  return c.host ? who(c.host) : `${c.hostCountry.adj} officials`;
}
function hostShort(c) {
  return c.host ? c.host.short : `${c.hostCountry.adj} officials`;
}
// How the article names the event's day, relative to publication.
function eventDate(rng, c) {
  const diff = Math.round((c.eventDay - c.pub) / DAY_MS);
  if (diff === 0) return rng() < 0.5 ? 'on ' + weekday(c.eventDay) : 'today';
  if (diff === -1) return 'yesterday';
  if (diff === 1) return 'tomorrow';
  if (diff > 0 && diff < 7) return 'on ' + weekday(c.eventDay);
  if (diff < 0) return rng() < 0.5 ? 'on ' + weekday(c.eventDay) : 'last ' + weekday(c.eventDay);
  if (diff < 14) return rng() < 0.5 ? 'next ' + weekday(c.eventDay) : 'on ' + monthDay(c.eventDay);
  return rng() < 0.3 ? 'next month' : 'on ' + fullDate(c.eventDay);
}

const STATUSES = ['occurred', 'occurred', 'occurred', 'occurred', 'planned', 'planned', 'cancelled',
                  'postponed', 'denied'];
const TYPES = ['Visit', 'Visit', 'Meeting', 'Agreement', 'Invitation'];

function lead(rng, c, type, status) {
  const d = eventDate(rng, c);
  const g = who(c.guest);
  const gs = c.guest.short;
  switch (type) {
    case 'Visit':
      if (status === 'occurred') {
        return N.pick(rng, [
          `${g} arrived in ${c.city} ${d} for a ${numberWord(N.int(rng, 2, 4))}-day state visit, his first trip to ${c.hostCountry.name} in ${c.years} years, officials said.`,
          `${g} landed in ${c.city} ${d} at the start of an official visit to ${c.hostCountry.name}, where he was greeted at the airport by ${hostName(c)}.`,
          `${g} visited ${c.hostCountry.name} ${d}, holding talks in ${c.city} on trade, security and energy.`,
        ]);
      }
      if (status === 'planned') {
        return `${g} will travel to ${c.city} ${d} for talks with ${hostName(c)}, the ${c.guestCountry.adj} foreign ministry said.`;
      }
      if (status === 'cancelled') {
        return `${g} has called off a planned visit to ${c.hostCountry.name}, which had been scheduled ${d}, citing the security situation.`;
      }
      if (status === 'postponed') {
        return `A visit by ${g} to ${c.city} that was due to begin ${d} has been postponed, ${c.org.name} said in a statement.`;
      }
      return `The ${c.guestCountry.adj} government denied reports that ${gs} would visit ${c.hostCountry.name} ${d}, calling them "pure speculation".`;
    case 'Meeting':
      if (status === 'occurred') {
        return `${g} met ${hostName(c)} in ${c.city} ${d}, the first meeting between the two leaders since ${c.pastYear}.`;
      }
      if (status === 'planned') {
        return `${g} and ${hostName(c)} are expected to meet in ${c.city} ${d} on the sidelines of a summit of ${c.org.name}.`;
      }
      if (status === 'cancelled') {
        return `A meeting between ${g} and ${hostName(c)} planned ${d} in ${c.city} was cancelled at short notice.`;
      }
      if (status === 'postponed') {
        return `Talks between ${gs} and ${hostShort(c)} in ${c.city} were postponed until ${N.pick(rng, N.MONTHS)}, officials said ${weekday(c.pub)}.`;
      }
      return `${c.hostCountry.adj} officials denied that ${hostShort(c)} had met ${g} secretly in ${c.city} ${d}.`;
    case 'Agreement':
      if (status === 'occurred') {
        return `${c.guestCountry.name} and ${c.hostCountry.name} signed a ${N.pick(rng, ['defence pact', 'trade agreement', 'partnership treaty', 'memorandum on energy cooperation'])} in ${c.city} ${d}, in a ceremony attended by ${g}.`;
      }
      if (status === 'planned') {
        return `${gs} and ${hostShort(c)} are expected to sign a new partnership treaty when they meet in ${c.city} ${d}.`;
      }
      return `${c.guestCountry.name} and ${c.hostCountry.name} have ${status === 'denied' ? 'denied reaching' : status + ' the signing of'} a ${N.pick(rng, ['security agreement', 'grain deal', 'maritime accord'])} that was expected ${d}.`;
    default:  // Invitation
      return `${hostName(c)} invited ${g} to visit ${c.hostCountry.name} ${N.pick(rng, ['next year', 'later this year', 'in the spring', 'at an early date', d])}, ${N.pick(rng, ['state media reported', 'his office said', 'a spokesman said'])}.`;
  }
}

const FILLERS = [
  (r, c) => `"We have agreed to deepen our cooperation in every field," ${c.guest.short} told reporters after the talks, adding that both sides would set up a working group ${N.pick(r, ['within a month', 'by the end of the year', 'next week'])}.`,
  (r, c) => `${c.hostCountry.adj} presidential spokesman ${c.spokes} said ${weekday(c.pub)} that the two sides would discuss ${N.pick(r, ['trade and investment', 'the war in Ukraine', 'nuclear energy', 'food security', 'migration', 'regional security'])}.`,
  (r, c) => `Trade between ${c.guestCountry.name} and ${c.hostCountry.name} rose ${N.int(r, 2, 40)} percent last year to $${c.amount} million, according to ${c.org2.name}.`,
  (r, c) => `${c.guest.short} last visited ${c.hostCountry.name} in ${N.pick(r, N.MONTHS)} ${c.pastYear}, when he met ${c.third.name}, then a junior minister.`,
  (r, c) => `The visit comes ${numberWord(N.int(r, 2, 9))} weeks after ${c.third.name} travelled to ${c.city}, and ${N.int(r, 2, 11)} months before elections in ${c.thirdCountry.name}.`,
  (r, c) => `In ${c.thirdCountry.capital}, ${who(c.third)} said his government was "watching closely" and would consult its partners in ${c.org.name}.`,
  (r, c) => `Analyst ${c.analyst} of the ${N.pick(r, ['Institute for Strategic Studies', 'Centre for Policy Research', 'Asia Society', 'Carnegie Endowment'])} said the talks showed that ${c.guestCountry.name} was looking for new partners after ${c.years} years of strained ties with the West.`,
  (r, c) => `Provincial governor ${c.local} welcomed the delegation at ${c.hostCountry.city}, where the two sides toured a port, a power plant and a new industrial park.`,
  (r, c) => `The two countries established diplomatic relations in ${c.pastYear} and have held annual talks every year since ${c.pastYear + N.int(r, 1, 20)}.`,
  (r, c) => `Crowds lined the streets of ${c.city} waving ${c.guestCountry.adj} and ${c.hostCountry.adj} flags as the motorcade passed at about ${N.int(r, 7, 11)}:${N.pick(r, ['00', '15', '30', '45'])} a.m.`,
  (r, c) => `Officials said ${c.amount} business leaders were travelling with the delegation and that ${N.int(r, 3, 40)} agreements worth about $${N.int(r, 1, 30)} billion could be signed over the next ${numberWord(N.int(r, 2, 5))} days.`,
  (r, c) => `${c.org.name.startsWith('the ') ? cap(c.org.name) : c.org.name} welcomed the talks, saying in a statement on ${weekday(c.pub)} that dialogue was "the only way forward".`,
  (r, c) => `Markets in ${c.hostCountry.city} were little changed, with the main index up ${N.int(r, 0, 3)}.${N.int(r, 0, 9)} percent by midday and the currency flat against the dollar.`,
  (r, c) => `The ${c.guestCountry.adj} leader is due to fly on to ${c.thirdCountry.capital} ${N.pick(r, ['on Friday', 'later in the week', 'on Sunday', 'the following day'])} for talks with ${c.third.name}.`,
  (r, c) => `Security was tight, with roads closed around the ${N.pick(r, ['presidential palace', 'parliament building', 'foreign ministry', 'conference centre'])} since ${weekday(c.pub)} morning.`,
  (r, c) => `It was not immediately clear whether ${c.third.short} would join the talks, ${c.spokes} said, adding: "Nothing has been decided yet."`,
  (r, c) => `The weather in ${c.city} was hot and humid, with temperatures reaching ${N.int(r, 25, 39)} degrees Celsius in the afternoon.`,
  (r, c) => `Human rights groups including ${N.pick(r, ['Amnesty International', 'Human Rights Watch'])} urged both governments to raise the cases of detained journalists, ${N.int(r, 3, 60)} of whom remain in prison.`,
];

const HEADLINES = {
  Visit: (c) => `${c.guest.short} Lands in ${c.city} for Talks With ${c.host ? c.host.short : c.hostCountry.adj + ' Leaders'}`,
  Meeting: (c) => `${c.guest.short} and ${c.host ? c.host.short : c.hostCountry.adj + ' Leaders'} Meet in ${c.city}`,
  Agreement: (c) => `${cap(c.guestCountry.name)} and ${c.hostCountry.name.replace(/^the /, '')} Sign Pact`,
  Invitation: (c) => `${c.hostCountry.name.replace(/^the /, '')} Invites ${c.guest.short} for Talks`,
};

function makeArticle(rng, index) {
  const c = makeContext(rng, index);
  const type = N.pick(rng, TYPES);
  const status = type === 'Invitation' ? 'occurred' : N.pick(rng, STATUSES);
  // Tense follows status: what happened lies before publication, what is
  // planned after it.
  if (status === 'occurred' && c.eventDay > c.pub) c.eventDay = c.pub - N.int(rng, 0, 6) * DAY_MS;
  if (status === 'planned' && c.eventDay <= c.pub) c.eventDay = c.pub + N.int(rng, 1, 20) * DAY_MS;
  const paragraphs = [];
  const dateline = `${c.city.toUpperCase()}, ${monthDay(c.pub)} (Wire) - `;
  paragraphs.push(dateline + lead(rng, c, type, status));
  // Each filler at most once per article, like a real story.
  const fillers = FILLERS.slice();
  const n = N.int(rng, 5, 12);
  for (let i = 0; i < n && fillers.length; ++i) {
    const k = N.int(rng, 1, 3);
    const sentences = [];
    for (let j = 0; j < k && fillers.length; ++j) {
      const f = fillers.splice(Math.floor(rng() * fillers.length), 1)[0];
      sentences.push(f(rng, c));
    }
    paragraphs.push(sentences.join(' '));
  }
  if (rng() < 0.5) paragraphs.push(`(Reporting by ${c.analyst}; Editing by ${c.spokes})`);
  const title = HEADLINES[type](c);
  const text = title + '\n\n' + paragraphs.join('\n\n') + '\n';
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const published = iso(c.pub);
  return {
    id: `bench-${index}`,
    url: `https://wire.example.org/${published.replace(/-/g, '/')}/${slug}`,
    title,
    published,
    text,
  };
}

// --- output -----------------------------------------------------------------

function main() {
  const args = parseArgs(process.argv);
  const rng = N.makeRng(args.seed);
  const out = args.out ? fs.createWriteStream(args.out) : process.stdout;
  let written = 0;
  let index = 0;
  const done = () => (args.docs ? index >= args.docs : written >= args.bytes);
  // Writes in chunks of about 1 MB and waits when the pipe is full, so that
  // a slow reader holds the generator back instead of filling memory.
  function pump() {
    while (!done()) {
      let chunk = '';
      while (chunk.length < (1 << 20) && !done()) {
        const a = makeArticle(rng, index++);
        const rec = args.format === 'ndjson' ? JSON.stringify(a) + '\n' : a.text + '\n---\n\n';
        chunk += rec;
        written += Buffer.byteLength(rec);
      }
      if (!out.write(chunk)) {
        out.once('drain', pump);
        return;
      }
    }
    if (args.out) out.end();
  }
  out.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);  // the reader stopped early: fine
    throw e;
  });
  pump();
}

main();
