/**
 * Deterministic feeds for the benchmark: the same seed gives the same bytes (event dates excepted: they are
 * placed relative to `now`, rounded down to the hour, so that the countdown always has an upcoming event).
 *
 * Initiatives look like the real ones: a third with titles and summaries in three languages, half with an
 * image, one to three topics out of twenty, forty cities in thirty countries, dates spread over two years.
 */

/** mulberry32: a small, fast, seedable PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = [
  ['Barcelona', 'ES', 'Europe'], ['Bogotá', 'CO', 'Latin America'], ['São Paulo', 'BR', 'Latin America'],
  ['Mexico City', 'MX', 'Latin America'], ['Montréal', 'CA', 'North America'], ['Seoul', 'KR', 'Asia-Pacific'],
  ['Guangzhou', 'CN', 'Asia-Pacific'], ['Johannesburg', 'ZA', 'Africa'], ['Abidjan', 'CI', 'Africa'],
  ['Lisbon', 'PT', 'Europe'], ['Berlin', 'DE', 'Europe'], ['Brussels', 'BE', 'Europe'], ['Buenos Aires', 'AR', 'Latin America'],
  ['Quito', 'EC', 'Latin America'], ['Lima', 'PE', 'Latin America'], ['Santiago', 'CL', 'Latin America'],
  ['Dakar', 'SN', 'Africa'], ['Rabat', 'MA', 'Middle East and North Africa'], ['Tunis', 'TN', 'Middle East and North Africa'],
  ['Amman', 'JO', 'Middle East and North Africa'], ['Istanbul', 'TR', 'Europe'], ['Kazan', 'RU', 'Eurasia'],
  ['Tehran', 'IR', 'Asia-Pacific'], ['Mashhad', 'IR', 'Asia-Pacific'], ['Kolkata', 'IN', 'Asia-Pacific'],
  ['Dhaka', 'BD', 'Asia-Pacific'], ['Bangkok', 'TH', 'Asia-Pacific'], ['Jakarta', 'ID', 'Asia-Pacific'],
  ['Manila', 'PH', 'Asia-Pacific'], ['Melbourne', 'AU', 'Asia-Pacific'], ['Auckland', 'NZ', 'Asia-Pacific'],
  ['Tokyo', 'JP', 'Asia-Pacific'], ['Taipei', 'TW', 'Asia-Pacific'], ['Nairobi', 'KE', 'Africa'], ['Accra', 'GH', 'Africa'],
  ['Kigali', 'RW', 'Africa'], ['Addis Ababa', 'ET', 'Africa'], ['Vienna', 'AT', 'Europe'], ['Gothenburg', 'SE', 'Europe'],
  ['Paris', 'FR', 'Europe'],
];
const TOPICS = [
  'health', 'mobility', 'housing', 'gender', 'safety', 'public-space', 'technology', 'climate', 'water',
  'energy', 'food', 'education', 'culture', 'participation', 'migration', 'youth', 'ageing', 'waste',
  'green-areas', 'economy',
];
const WORDS = {
  en: ['city', 'neighbourhood', 'care', 'streets', 'women', 'children', 'clean', 'air', 'network', 'green', 'open', 'data', 'health', 'transit', 'safe', 'homes', 'water', 'local', 'market', 'school', 'digital', 'public', 'space', 'budget', 'climate', 'heat', 'shade', 'trees', 'bikes', 'walking'],
  es: ['ciudad', 'barrio', 'cuidado', 'calles', 'mujeres', 'niñas', 'limpio', 'aire', 'red', 'verde', 'abierto', 'datos', 'salud', 'tránsito', 'seguro', 'viviendas', 'agua', 'local', 'mercado', 'escuela', 'digital', 'público', 'espacio', 'presupuesto', 'clima', 'calor', 'sombra', 'árboles', 'bicis', 'caminar'],
  fr: ['ville', 'quartier', 'soin', 'rues', 'femmes', 'enfants', 'propre', 'air', 'réseau', 'vert', 'ouvert', 'données', 'santé', 'transport', 'sûr', 'logements', 'eau', 'local', 'marché', 'école', 'numérique', 'public', 'espace', 'budget', 'climat', 'chaleur', 'ombre', 'arbres', 'vélos', 'marche'],
};
const NAMES = ['Ada Colau', 'Claudia López', 'Ricardo Nunes', 'Clara Brugada', 'Valérie Plante', 'Oh Se-hoon', 'Kgosientso Ramokgopa', 'Fernando Medina', 'Jaume Collboni', 'Soham Mandal'];
const ROLES = ['Mayor', 'Deputy Mayor', 'Secretary General', 'Head of Urban Health', 'Director of Mobility'];

const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function sentence(r, lang, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(pick(r, WORDS[lang]));
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1);
}

function localized(r, words, multilingual) {
  if (!multilingual) return sentence(r, 'en', words);
  return { en: sentence(r, 'en', words), es: sentence(r, 'es', words), fr: sentence(r, 'fr', words) };
}

/** An ISO date-time with the city's kind of offset. */
function isoAt(ms, offsetMinutes) {
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${d.toISOString().slice(0, 19)}${off}`;
}

export function initiative(r, i) {
  const [city, country, region] = pick(r, CITIES);
  const multilingual = r() < 1 / 3;
  const topics = [];
  const nTopics = 1 + Math.floor(r() * 3);
  while (topics.length < nTopics) {
    const t = pick(r, TOPICS);
    if (!topics.includes(t)) topics.push(t);
  }
  const item = {
    id: `initiative-${i}`,
    title: localized(r, 4 + Math.floor(r() * 4), multilingual),
    summary: localized(r, 18 + Math.floor(r() * 14), multilingual),
    url: `https://www.citiesforglobalhealth.org/initiative/${i}`,
    city,
    country,
    region,
    topics,
    published: isoAt(START - Math.floor(r() * 730) * DAY - Math.floor(r() * DAY), pick(r, [-300, -180, 0, 60, 120, 330, 540])),
  };
  if (r() < 0.5) item.image = { src: `/img/${i % 16}.svg`, alt: multilingual ? { en: 'Photo', es: 'Foto', fr: 'Photo' } : 'Photo' };
  return item;
}

/**
 * A feed with `initiatives` initiatives, and optionally quotes, events and news.
 * @param now events are placed after this time (ms)
 */
export function makeFeed({ initiatives = 0, quotes = 0, events = 0, news = 0, seed = 42, now = Date.now() } = {}) {
  const r = rng(seed);
  const feed = {
    version: 1,
    title: { en: 'Cities are listening', es: 'Las ciudades escuchan', fr: 'Les villes écoutent' },
    language: 'en',
    home_page_url: 'https://www.metropolis.org/news',
  };
  if (initiatives) feed.initiatives = Array.from({ length: initiatives }, (_, i) => initiative(r, i));
  if (quotes) {
    feed.quotes = Array.from({ length: quotes }, (_, i) => {
      const [city] = pick(r, CITIES);
      return {
        id: `quote-${i}`,
        text: localized(r, 20 + Math.floor(r() * 20), r() < 0.5),
        author: NAMES[i % NAMES.length],
        role: pick(r, ROLES),
        organization: 'Metropolis',
        city,
        date: isoAt(START - i * 7 * DAY, 60),
        source_url: `https://www.metropolis.org/quotes/${i}`,
      };
    });
  }
  if (events) {
    const hour = Math.floor(now / 3_600_000) * 3_600_000;
    feed.events = Array.from({ length: events }, (_, i) => ({
      id: `event-${i}`,
      title: localized(r, 5, true),
      start: isoAt(hour + (i + 1) * 3 * DAY, 60),
      end: isoAt(hour + (i + 1) * 3 * DAY + 2 * 3_600_000, 60),
      summary: localized(r, 20, false),
      url: `https://www.metropolis.org/events/${i}`,
      location: 'Online',
      online: true,
    }));
  }
  if (news) {
    feed.news = Array.from({ length: news }, (_, i) => ({
      id: `news-${i}`,
      title: localized(r, 8, r() < 0.3),
      summary: localized(r, 25, false),
      url: `https://www.metropolis.org/news/${i}`,
      published: isoAt(START - i * 2 * DAY, 60),
      authors: [pick(r, NAMES)],
    }));
  }
  return feed;
}

/** A small image for the cards (served at /img/N.svg). */
export function imageSvg(n) {
  const hue = (n * 47) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200"><rect width="300" height="200" fill="hsl(${hue} 45% 60%)"/><circle cx="150" cy="100" r="50" fill="hsl(${hue} 45% 80%)"/></svg>`;
}
