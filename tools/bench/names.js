// Name lists and a seeded random generator for the synthetic news corpus
// (make_corpus.js) and the synthetic gazetteers (make_gazetteer.js).
//
//   const names = require('./names');
//   const rng = names.makeRng(42);
//   const leader = names.pick(rng, names.LEADERS);   // {name, title, country}
//   names.syntheticName(12345);                      // "Varo Delkessin"
//
// The lists are written for newsgraph: public office holders, countries,
// capitals and international organizations, the kind of names a
// gazetteer should know, plus made-up people that it should not.
'use strict';

// mulberry32: small, fast, and the same sequence on every platform.
function makeRng(seed) {
  let a = seed >>> 0;
  return function rng() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

function int(rng, lo, hi) {  // inclusive
  return lo + Math.floor(rng() * (hi - lo + 1));
}

// Countries with their capital, adjective and a second city.
const COUNTRIES = [
  {name: 'Russia', adj: 'Russian', capital: 'Moscow', city: 'St. Petersburg'},
  {name: 'North Korea', adj: 'North Korean', capital: 'Pyongyang', city: 'Wonsan'},
  {name: 'South Korea', adj: 'South Korean', capital: 'Seoul', city: 'Busan'},
  {name: 'China', adj: 'Chinese', capital: 'Beijing', city: 'Shanghai'},
  {name: 'Japan', adj: 'Japanese', capital: 'Tokyo', city: 'Osaka'},
  {name: 'Vietnam', adj: 'Vietnamese', capital: 'Hanoi', city: 'Ho Chi Minh City'},
  {name: 'India', adj: 'Indian', capital: 'New Delhi', city: 'Mumbai'},
  {name: 'Pakistan', adj: 'Pakistani', capital: 'Islamabad', city: 'Karachi'},
  {name: 'Indonesia', adj: 'Indonesian', capital: 'Jakarta', city: 'Surabaya'},
  {name: 'the Philippines', adj: 'Philippine', capital: 'Manila', city: 'Cebu'},
  {name: 'Australia', adj: 'Australian', capital: 'Canberra', city: 'Sydney'},
  {name: 'New Zealand', adj: 'New Zealand', capital: 'Wellington', city: 'Auckland'},
  {name: 'Malaysia', adj: 'Malaysian', capital: 'Kuala Lumpur', city: 'Penang'},
  {name: 'Thailand', adj: 'Thai', capital: 'Bangkok', city: 'Chiang Mai'},
  {name: 'Turkey', adj: 'Turkish', capital: 'Ankara', city: 'Istanbul'},
  {name: 'Iran', adj: 'Iranian', capital: 'Tehran', city: 'Isfahan'},
  {name: 'Iraq', adj: 'Iraqi', capital: 'Baghdad', city: 'Basra'},
  {name: 'Saudi Arabia', adj: 'Saudi', capital: 'Riyadh', city: 'Jeddah'},
  {name: 'Egypt', adj: 'Egyptian', capital: 'Cairo', city: 'Alexandria'},
  {name: 'Israel', adj: 'Israeli', capital: 'Jerusalem', city: 'Tel Aviv'},
  {name: 'Jordan', adj: 'Jordanian', capital: 'Amman', city: 'Aqaba'},
  {name: 'Qatar', adj: 'Qatari', capital: 'Doha', city: 'Al Khor'},
  {name: 'the United Arab Emirates', adj: 'Emirati', capital: 'Abu Dhabi', city: 'Dubai'},
  {name: 'Kenya', adj: 'Kenyan', capital: 'Nairobi', city: 'Mombasa'},
  {name: 'Nigeria', adj: 'Nigerian', capital: 'Abuja', city: 'Lagos'},
  {name: 'South Africa', adj: 'South African', capital: 'Pretoria', city: 'Johannesburg'},
  {name: 'Ethiopia', adj: 'Ethiopian', capital: 'Addis Ababa', city: 'Gondar'},
  {name: 'Brazil', adj: 'Brazilian', capital: 'Brasilia', city: 'Sao Paulo'},
  {name: 'Argentina', adj: 'Argentine', capital: 'Buenos Aires', city: 'Cordoba'},
  {name: 'Mexico', adj: 'Mexican', capital: 'Mexico City', city: 'Monterrey'},
  {name: 'Canada', adj: 'Canadian', capital: 'Ottawa', city: 'Toronto'},
  {name: 'the United States', adj: 'American', capital: 'Washington', city: 'New York'},
  {name: 'Britain', adj: 'British', capital: 'London', city: 'Manchester'},
  {name: 'France', adj: 'French', capital: 'Paris', city: 'Marseille'},
  {name: 'Germany', adj: 'German', capital: 'Berlin', city: 'Munich'},
  {name: 'Italy', adj: 'Italian', capital: 'Rome', city: 'Milan'},
  {name: 'Spain', adj: 'Spanish', capital: 'Madrid', city: 'Barcelona'},
  {name: 'Poland', adj: 'Polish', capital: 'Warsaw', city: 'Krakow'},
  {name: 'Ukraine', adj: 'Ukrainian', capital: 'Kyiv', city: 'Odesa'},
  {name: 'Hungary', adj: 'Hungarian', capital: 'Budapest', city: 'Debrecen'},
  {name: 'Serbia', adj: 'Serbian', capital: 'Belgrade', city: 'Novi Sad'},
  {name: 'Greece', adj: 'Greek', capital: 'Athens', city: 'Thessaloniki'},
  {name: 'Sweden', adj: 'Swedish', capital: 'Stockholm', city: 'Gothenburg'},
  {name: 'Norway', adj: 'Norwegian', capital: 'Oslo', city: 'Bergen'},
  {name: 'Kazakhstan', adj: 'Kazakh', capital: 'Astana', city: 'Almaty'},
  {name: 'Mongolia', adj: 'Mongolian', capital: 'Ulaanbaatar', city: 'Erdenet'},
];

// Office holders as they stood in the mid-2020s; `country` is a name in
// COUNTRIES.
const LEADERS = [
  {name: 'Vladimir Putin', short: 'Putin', title: 'President', country: 'Russia'},
  {name: 'Sergei Lavrov', short: 'Lavrov', title: 'Foreign Minister', country: 'Russia'},
  {name: 'Kim Jong Un', short: 'Kim', title: 'leader', country: 'North Korea'},
  {name: 'Yoon Suk Yeol', short: 'Yoon', title: 'President', country: 'South Korea'},
  {name: 'Xi Jinping', short: 'Xi', title: 'President', country: 'China'},
  {name: 'Li Qiang', short: 'Li', title: 'Premier', country: 'China'},
  {name: 'Wang Yi', short: 'Wang', title: 'Foreign Minister', country: 'China'},
  {name: 'Fumio Kishida', short: 'Kishida', title: 'Prime Minister', country: 'Japan'},
  {name: 'Yoko Kamikawa', short: 'Kamikawa', title: 'Foreign Minister', country: 'Japan'},
  {name: 'To Lam', short: 'Lam', title: 'President', country: 'Vietnam'},
  {name: 'Narendra Modi', short: 'Modi', title: 'Prime Minister', country: 'India'},
  {name: 'Subrahmanyam Jaishankar', short: 'Jaishankar', title: 'External Affairs Minister', country: 'India'},
  {name: 'Shehbaz Sharif', short: 'Sharif', title: 'Prime Minister', country: 'Pakistan'},
  {name: 'Joko Widodo', short: 'Widodo', title: 'President', country: 'Indonesia'},
  {name: 'Ferdinand Marcos Jr.', short: 'Marcos', title: 'President', country: 'the Philippines'},
  {name: 'Anthony Albanese', short: 'Albanese', title: 'Prime Minister', country: 'Australia'},
  {name: 'Penny Wong', short: 'Wong', title: 'Foreign Minister', country: 'Australia'},
  {name: 'Christopher Luxon', short: 'Luxon', title: 'Prime Minister', country: 'New Zealand'},
  {name: 'Anwar Ibrahim', short: 'Anwar', title: 'Prime Minister', country: 'Malaysia'},
  {name: 'Recep Tayyip Erdogan', short: 'Erdogan', title: 'President', country: 'Turkey'},
  {name: 'Hakan Fidan', short: 'Fidan', title: 'Foreign Minister', country: 'Turkey'},
  {name: 'Ali Khamenei', short: 'Khamenei', title: 'Supreme Leader', country: 'Iran'},
  {name: 'Mohammed bin Salman', short: 'bin Salman', title: 'Crown Prince', country: 'Saudi Arabia'},
  {name: 'Abdel Fattah al-Sisi', short: 'Sisi', title: 'President', country: 'Egypt'},
  {name: 'Benjamin Netanyahu', short: 'Netanyahu', title: 'Prime Minister', country: 'Israel'},
  {name: 'King Abdullah II', short: 'Abdullah', title: 'monarch', country: 'Jordan'},
  {name: 'William Ruto', short: 'Ruto', title: 'President', country: 'Kenya'},
  {name: 'Bola Tinubu', short: 'Tinubu', title: 'President', country: 'Nigeria'},
  {name: 'Cyril Ramaphosa', short: 'Ramaphosa', title: 'President', country: 'South Africa'},
  {name: 'Abiy Ahmed', short: 'Abiy', title: 'Prime Minister', country: 'Ethiopia'},
  {name: 'Luiz Inacio Lula da Silva', short: 'Lula', title: 'President', country: 'Brazil'},
  {name: 'Javier Milei', short: 'Milei', title: 'President', country: 'Argentina'},
  {name: 'Justin Trudeau', short: 'Trudeau', title: 'Prime Minister', country: 'Canada'},
  {name: 'Joe Biden', short: 'Biden', title: 'President', country: 'the United States'},
  {name: 'Antony Blinken', short: 'Blinken', title: 'Secretary of State', country: 'the United States'},
  {name: 'Keir Starmer', short: 'Starmer', title: 'Prime Minister', country: 'Britain'},
  {name: 'David Cameron', short: 'Cameron', title: 'Foreign Secretary', country: 'Britain'},
  {name: 'Emmanuel Macron', short: 'Macron', title: 'President', country: 'France'},
  {name: 'Olaf Scholz', short: 'Scholz', title: 'Chancellor', country: 'Germany'},
  {name: 'Annalena Baerbock', short: 'Baerbock', title: 'Foreign Minister', country: 'Germany'},
  {name: 'Giorgia Meloni', short: 'Meloni', title: 'Prime Minister', country: 'Italy'},
  {name: 'Pedro Sanchez', short: 'Sanchez', title: 'Prime Minister', country: 'Spain'},
  {name: 'Donald Tusk', short: 'Tusk', title: 'Prime Minister', country: 'Poland'},
  {name: 'Volodymyr Zelenskiy', short: 'Zelenskiy', title: 'President', country: 'Ukraine'},
  {name: 'Viktor Orban', short: 'Orban', title: 'Prime Minister', country: 'Hungary'},
  {name: 'Aleksandar Vucic', short: 'Vucic', title: 'President', country: 'Serbia'},
  {name: 'Kyriakos Mitsotakis', short: 'Mitsotakis', title: 'Prime Minister', country: 'Greece'},
  {name: 'Kassym-Jomart Tokayev', short: 'Tokayev', title: 'President', country: 'Kazakhstan'},
];

// igo: an intergovernmental body that states are members of.
const ORGANIZATIONS = [
  {name: 'the United Nations', short: 'U.N.', igo: true},
  {name: 'NATO', short: 'NATO', igo: true},
  {name: 'the European Union', short: 'EU', igo: true},
  {name: 'the World Bank', short: 'World Bank', igo: true},
  {name: 'the International Monetary Fund', short: 'IMF', igo: true},
  {name: 'the World Health Organization', short: 'WHO', igo: true},
  {name: 'the Association of Southeast Asian Nations', short: 'ASEAN', igo: true},
  {name: 'the African Union', short: 'African Union', igo: true},
  {name: 'OPEC', short: 'OPEC', igo: true},
  {name: 'the International Committee of the Red Cross', short: 'Red Cross'},
  {name: 'the World Trade Organization', short: 'WTO', igo: true},
  {name: 'the International Atomic Energy Agency', short: 'IAEA', igo: true},
  {name: 'the Group of Seven', short: 'G7', igo: true},
  {name: 'the Shanghai Cooperation Organisation', short: 'SCO', igo: true},
  {name: 'Amnesty International', short: 'Amnesty'},
  {name: 'the Kremlin', short: 'Kremlin'},
];

// People newsgraph's gazetteers cannot know: spokespeople, analysts.
const GIVEN_NAMES = [
  'Anna', 'Mark', 'Elena', 'David', 'Sofia', 'James', 'Maria', 'Thomas', 'Laura', 'Peter', 'Hana',
  'Daniel', 'Olga', 'Michael', 'Sarah', 'Ivan', 'Chen', 'Amira', 'Carlos', 'Ingrid', 'Kwame',
  'Priya', 'Tomas', 'Yuki', 'Farah', 'Lucas', 'Nadia', 'Omar', 'Grace', 'Mateo', 'Leila', 'Samuel',
];
const SURNAMES = [
  'Kowalski', 'Haddad', 'Novak', 'Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Tanaka', 'Rahman',
  'Fischer', 'Silva', 'Costa', 'Nguyen', 'Mensah', 'Brennan', 'Adeyemi', 'Halvorsen', 'Ruiz',
  'Kaplan', 'Sato', 'Osei', 'Varga', 'Dubois', 'Marsh', 'Castillo', 'Ibrahim', 'Whitfield', 'Park',
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

// Made-up names, unique for every i >= 0, from syllables: the synthetic
// gazetteers use them so that 10k and 1M names differ only in size.
const SYLLABLES = ['ka', 'lo', 'ven', 'dra', 'mi', 'sor', 'tel', 'ba', 'run', 'esh', 'gol', 'fia',
                   'nor', 'quin', 'zar', 'pel', 'tu', 'vos', 'mer', 'hal', 'dun', 'ri', 'sel', 'way'];
function word(n, minSyllables) {
  let s = '';
  let k = 0;
  do {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
    ++k;
  } while (n > 0 || k < minSyllables);
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function syntheticName(i) {
  // 13824 given names (two or three syllables) times family names of three
  // or more syllables; make_gazetteer.js checks that none repeats.
  const given = i % 13824;
  const family = Math.floor(i / 13824);
  return word(given, 2) + ' ' + word(family * 131 + 577, 3);
}

module.exports = {
  makeRng, pick, int, COUNTRIES, LEADERS, ORGANIZATIONS, GIVEN_NAMES, SURNAMES, MONTHS, WEEKDAYS,
  syntheticName,
};
