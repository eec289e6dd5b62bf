import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/data/parse.js';
import { FeedError } from '../../src/data/errors.js';
import { canonicalUrl, safeUrl } from '../../src/data/urls.js';
import { parseDateTime } from '../../src/data/dates.js';
import { resolveText, cleanText, fold } from '../../src/data/text.js';
import { NOT_BLANK, isBlank } from '../../src/data/rules.js';

const BASE = 'https://feeds.example.org/network/feed.json';

const initiative = (over: Record<string, unknown> = {}) => ({
  id: 'i1',
  title: 'Superblocks',
  city: 'Barcelona',
  country: 'ES',
  ...over,
});

async function fixture(name: string): Promise<unknown> {
  return (await fetch(`/test/fixtures/${name}.json`)).json();
}

describe('feed schema', () => {
  it('accepts the valid fixture with every list', async () => {
    const { feed, skipped } = parseFeed(await fixture('feed'), BASE);
    expect(feed.initiatives).to.have.length(3);
    expect(feed.events).to.have.length(3);
    expect(feed.quotes).to.have.length(3);
    expect(feed.news).to.have.length(3);
    expect(skipped).to.deep.equal({ initiatives: 0, events: 0, quotes: 0, news: 0 });
    expect(feed.home_page_url).to.equal('https://www.metropolis.org/news');
    expect(feed.language).to.equal('en');
  });

  it('skips and counts each kind of bad item, keeping the good ones', () => {
    const { feed, skipped } = parseFeed(
      {
        version: 1,
        initiatives: [
          initiative(),
          initiative({ id: 'no-title', title: undefined }),
          initiative({ id: 'bad-country', country: 'Spain' }),
          initiative({ id: 'wrong-type', city: 42 }),
          initiative({ id: 'bad-topics', topics: 'mobility' }),
          initiative({ id: 'empty-title', title: '' }),
          initiative({ id: 'empty-map', title: { en: '' } }),
          // Only spaces (a line break, a no-break space): an empty heading on the page.
          initiative({ id: 'blank-title', title: ' \n\u00a0 ' }),
          initiative({ id: 'blank-city', city: '   ' }),
          initiative({ id: 'invisible-title', title: '\u200b\u200f' }),
          initiative({ id: 'invisible-map', title: { en: '\u2066 \u2069' } }),
          initiative({ id: 'bad-date', published: '2026-13-01T10:00:00Z' }),
          initiative(), // duplicate id
          'not an object',
          null,
          initiative({ id: 'ok2', topics: ['health'] }),
        ],
        events: [
          { id: 'e1', title: 'ok', start: '2026-12-01T15:00:00+01:00' },
          { id: 'e2', title: 'no offset', start: '2026-12-01T15:00:00' },
          { id: 'e3', title: 'end before start', start: '2026-12-01T15:00:00+01:00', end: '2026-12-01T14:00:00+01:00' },
          { id: 'e4', title: 'online not boolean', start: '2026-12-01T15:00:00Z', online: 'yes' },
        ],
        quotes: [{ id: 'q1', text: 'Hello', author: 'A' }, { id: 'q2', text: 'No author' }, { id: 'q3', text: '\t', author: 'Blank' }],
        news: [
          { id: 'n1', title: 'ok', url: 'https://x.org/1', published: '2026-01-01T00:00:00Z' },
          { id: 'n2', title: 'no date', url: 'https://x.org/2' },
          { id: 'n3', title: 'js url', url: 'javascript:alert(1)', published: '2026-01-01T00:00:00Z' },
        ],
      },
      BASE,
    );
    expect(feed.initiatives.map((i) => i.id)).to.deep.equal(['i1', 'ok2']);
    expect(skipped.initiatives).to.equal(14);
    expect(feed.events.map((e) => e.id)).to.deep.equal(['e1']);
    expect(skipped.events).to.equal(3);
    expect(feed.quotes.map((q) => q.id)).to.deep.equal(['q1']);
    expect(skipped.quotes).to.equal(2);
    expect(feed.news.map((n) => n.id)).to.deep.equal(['n1']);
    expect(skipped.news).to.equal(2);
  });

  it('counts a list that is not an array as one skipped entry', () => {
    const { feed, skipped } = parseFeed({ version: 1, news: { id: 'x' } }, BASE);
    expect(feed.news).to.deep.equal([]);
    expect(skipped.news).to.equal(1);
  });

  for (const [label, doc, kind] of [
    ['a top-level array', [], 'format'],
    ['null', null, 'format'],
    ['a bare string', 'feed', 'format'],
    ['a number', 42, 'format'],
    ['another version', { version: 2 }, 'version'],
    ['a missing version', { initiatives: [] }, 'version'],
    ['a string version', { version: '1' }, 'version'],
    ['a version object with a hostile toString (found by fuzzing)', { version: { toString: '' } }, 'version'],
  ] as const) {
    it(`rejects ${label} as a whole`, () => {
      let error: unknown;
      try {
        parseFeed(doc, BASE);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(FeedError);
      expect((error as FeedError).kind).to.equal(kind);
    });
  }

  it('calls blank exactly the texts the widgets would show empty, for every code point of the BMP', () => {
    // NOT_BLANK (the schema's pattern, also in the JSON Schema) and isBlank must agree with cleanText + trim.
    const disagree: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      const shownEmpty = cleanText(char, 10).trim() === '';
      if (isBlank(char) !== shownEmpty || NOT_BLANK.test(char) === shownEmpty) disagree.push(code.toString(16));
    }
    expect(disagree).to.deep.equal([]);
    expect(isBlank('')).to.equal(true);
    expect(NOT_BLANK.test(''), 'the empty string is minLength’s to refuse').to.equal(true);
  });

  it('caps the items per list', () => {
    const items = Array.from({ length: 30 }, (_, i) => initiative({ id: `i${i}` }));
    const { feed, skipped } = parseFeed({ version: 1, initiatives: items }, BASE, { maxItems: 10 });
    expect(feed.initiatives).to.have.length(10);
    expect(skipped.initiatives).to.equal(20);
  });

  it('clamps huge texts and strips bidi overrides and zero-width characters', () => {
    const { feed } = parseFeed(
      { version: 1, initiatives: [initiative({ title: `\u202Eevil\u200B${'x'.repeat(10_000)}` })] },
      BASE,
    );
    const title = feed.initiatives[0]!.title as string;
    expect(title.length).to.be.lessThan(310);
    expect(title.startsWith('evilx')).to.equal(true);
    expect(title).not.to.match(/[\u202E\u200B]/);
  });

  it('keeps __proto__, constructor and prototype keys from touching anything outside the result', () => {
    const text = `{"version":1,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},
      "initiatives":[{"id":"p","title":{"__proto__":"x","en":"t"},"city":"c","country":"ES","__proto__":{"polluted":"yes"}},
                     {"id":"q","title":"ok","city":"c","country":"FR","prototype":{"polluted":1}}]}`;
    const { feed } = parseFeed(JSON.parse(text), BASE);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect((Object.prototype as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(feed.initiatives.map((i) => i.id)).to.deep.equal(['p', 'q']);
    const [p, q] = feed.initiatives;
    expect(Object.getPrototypeOf(p)).to.equal(Object.prototype);
    expect(Object.getPrototypeOf(p!.title)).to.equal(Object.prototype);
    expect(Object.keys(p!.title)).to.deep.equal(['en']);
    expect(Object.keys(p!)).not.to.include('__proto__');
    expect(Object.keys(q!)).not.to.include('prototype');
    expect((feed as unknown as Record<string, unknown>)['constructor']).to.equal(Object);
  });

  it('cleans items into copies in the schema key order, without unknown keys, leaving the input as it was', () => {
    const clean = initiative({ topics: ['health'], image: { src: 'https://example.org/a.png', alt: { en: 'A market' } } });
    const image = { src: '/a.png' };
    const relative = initiative({ id: 'i2', image });
    const extra = initiative({ id: 'i3', notInTheFormat: 'x' });
    const dirty = initiative({ id: 'i4', city: 'Bogot\u200Bá', topics: ['a\u202Eb'] });
    const upper = initiative({ id: 'i5', country: 'es' });
    const { feed } = parseFeed({ version: 1, initiatives: [clean, relative, extra, dirty, upper] }, BASE);
    const [a, b, c, d, e] = feed.initiatives;
    expect(a).to.deep.equal(clean);
    expect(b!.image).to.deep.equal({ src: 'https://feeds.example.org/a.png' });
    expect(image.src, 'the input is left as it was').to.equal('/a.png');
    expect(Object.keys(c!)).to.deep.equal(['id', 'title', 'city', 'country']);
    expect(d!.city).to.equal('Bogotá');
    expect(d!.topics).to.deep.equal(['ab']);
    expect(Object.keys(d!), 'the schema key order').to.deep.equal(['id', 'title', 'city', 'country', 'topics']);
    expect(e!.country).to.equal('ES');
  });

  it('ignores top-level fields it does not know, of any shape, as docs/feed-format.md promises for later additions', () => {
    const doc = {
      version: 1,
      places: [{ id: 'x' }],
      generator: { name: 'A later release', version: '9.0.0' },
      updated: '2027-01-01T00:00:00Z',
      initiatives: [initiative({ id: 'i1', theme: { en: 'x' } })],
      news: [{ id: 'n1', title: 't', url: 'https://example.org/n', published: '2026-11-01T10:00:00Z', audio: ['a.mp3'] }],
    };
    const { feed, skipped } = parseFeed(doc, BASE);
    expect(feed.initiatives.map((i) => i.id)).to.deep.equal(['i1']);
    expect(feed.news.map((n) => n.id)).to.deep.equal(['n1']);
    expect(Object.values(skipped).every((n) => n === 0)).to.equal(true);
    expect(Object.keys(feed).sort()).to.deep.equal(['events', 'initiatives', 'news', 'quotes', 'version']);
  });
});

describe('topic labels', () => {
  it('keeps each valid label, cleaned, and drops the bad ones alone', () => {
    const long = 'x'.repeat(101);
    const text = `{"version":1,"topics":{"health":{"en":"Health","es":"Sal\u200Bud"},"housing":"Housing",
      "bad":42,"empty":{},"blank":"","__proto__":{"en":"Polluted"},"${long}":"Too long","a\u202Eb":"Cleaned key",
      "${'y'.repeat(100)}":"Long, and whole"},
      "initiatives":[{"id":"i","title":"t","city":"c","country":"ES","topics":["${'y'.repeat(100)}"]}]}`;
    const { feed, skipped } = parseFeed(JSON.parse(text), BASE);
    expect(({} as Record<string, unknown>)['en']).to.equal(undefined);
    expect(Object.getPrototypeOf(feed.topics)).to.equal(Object.prototype);
    // A topic names a subject (the `topic` attribute and the labels match it): never shortened, even at the
    // schema's 100 characters.
    expect(feed.initiatives[0]!.topics).to.deep.equal(['y'.repeat(100)]);
    expect(feed.topics).to.deep.equal({
      health: { en: 'Health', es: 'Salud' },
      housing: 'Housing',
      ab: 'Cleaned key',
      ['y'.repeat(100)]: 'Long, and whole',
    });
    expect(skipped.initiatives, 'labels are not items').to.equal(0);
  });

  it('ignores a topics field that is not an object, and leaves it out when no label is valid', () => {
    for (const topics of [['health'], 'health', null, 7, { health: null }]) {
      const { feed } = parseFeed({ version: 1, topics, initiatives: [initiative({ topics: ['health'] })] }, BASE);
      expect(feed.topics, JSON.stringify(topics)).to.equal(undefined);
      expect(feed.initiatives).to.have.length(1);
    }
  });

  it('drops the blank languages of a label, so that the widget falls back instead of showing an empty tag', () => {
    const bikes = '🚲'.repeat(60);
    const { feed } = parseFeed(
      {
        version: 1,
        topics: {
          'public-space': { en: '', fr: ' ', es: 'Espacio público' },
          invisible: { en: '\u200B' },
          // 60 code points (120 UTF-16 units): a valid topic, as the schema (and `validate`) count.
          [bikes]: { en: 'Bikes' },
        },
        initiatives: [initiative({ topics: ['public-space', 'invisible', bikes] })],
      },
      BASE,
    );
    expect(feed.initiatives[0]!.topics![2]).to.equal(bikes);
    expect(feed.topics).to.deep.equal({ 'public-space': { es: 'Espacio público' }, [bikes]: { en: 'Bikes' } });
  });

  it('reads at most 1,000 labels', () => {
    const topics = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`t${i}`, `Topic ${i}`]));
    const { feed } = parseFeed({ version: 1, topics }, BASE);
    expect(Object.keys(feed.topics!)).to.have.length(1000);
    expect(feed.topics!['t999']).to.equal('Topic 999');
    expect(feed.topics!['t1000']).to.equal(undefined);
  });

  it('survives the saved copy (a validated feed validates to itself)', () => {
    const { feed } = parseFeed({ version: 1, topics: { health: { en: 'Health', fr: 'Santé' } }, initiatives: [initiative({ topics: ['health'] })] }, BASE);
    const again = parseFeed(JSON.parse(JSON.stringify(feed)), BASE).feed;
    expect(again.topics).to.deep.equal({ health: { en: 'Health', fr: 'Santé' } });
  });
});

describe('URL policy', () => {
  const forbidden = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'javascript://%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'vbscript:msgbox(1)',
    'blob:https://example.org/uuid',
    'file:///etc/passwd',
    'ftp://example.org/x',
    'mailto:a@b.c',
  ];
  for (const url of forbidden) {
    it(`drops ${JSON.stringify(url)}`, () => {
      expect(safeUrl(url, BASE)).to.equal(undefined);
    });
  }

  it('does not decode HTML entities: an entity-spelled scheme stays a harmless relative path', () => {
    expect(safeUrl('&#x6a;avascript:alert(1)', BASE)).to.equal(
      'https://feeds.example.org/network/&#x6a;avascript:alert(1)',
    );
  });

  it('resolves relative and protocol-relative URLs against the feed, not the page', () => {
    expect(safeUrl('item/1', BASE)).to.equal('https://feeds.example.org/network/item/1');
    expect(safeUrl('/item/1', BASE)).to.equal('https://feeds.example.org/item/1');
    expect(safeUrl('//cdn.example.net/a.png', BASE)).to.equal('https://cdn.example.net/a.png');
    expect(safeUrl('http://example.org/x', BASE)).to.equal('http://example.org/x');
  });

  it('returns canonical absolute URLs as written and sends every other spelling through the URL parser', () => {
    // The fast path (canonicalUrl) must give exactly what new URL() gives, or step aside.
    const cases = [
      'https://www.metropolis.org/news/cities-are-listening',
      'https://example.org',
      'https://example.org?q=1',
      'https://example.org#top',
      'HTTPS://Example.ORG/Path',
      'https://example.org:443/a',
      'https://example.org:8080/a',
      'https://example.org/a/./b/../c',
      'https://example.org/a/%2e%2E/c',
      'https://example.org/a/..',
      'https://127.0.0.1/x',
      'https://0x7f.1/x',
      'https://xn--bcher-kva.example/x',
      'https://xn--a.example/x',
      'https://user:pw@example.org/x',
      'https://example.org./x',
      'https://example.org/a b',
      "https://example.org/?it's",
      'https://example.org/a%zz',
      'https://example.org/caf\u00e9',
      'https://example.org\\evil.example/',
      'https://exa\tmple.org/x',
      'http://example.org/path_with-all.chars~!$&()*+,;=:@/?q=a/b?c#f/?\'',
    ];
    const relative = ['/img/1.svg', '/a/../b', '/a/%2E/b', '//cdn.example.net/x', '/\\evil.example/x', '/x?y#z', '/caf\u00e9', 'img/1.svg', '/'];
    for (const raw of [...cases, ...relative]) {
      const fast = canonicalUrl(raw, BASE);
      const parsed = new URL(raw, BASE);
      if (fast !== undefined) expect(fast, raw).to.equal(parsed.href);
      expect(safeUrl(raw, BASE), raw).to.equal(/^https?:$/.test(parsed.protocol) ? parsed.href : undefined);
    }
    expect(canonicalUrl('https://www.metropolis.org/news/cities-are-listening')).to.equal(
      'https://www.metropolis.org/news/cities-are-listening',
    );
    expect(canonicalUrl('https://example.org')).to.equal('https://example.org/');
    expect(canonicalUrl('https://example.org?q=1')).to.equal('https://example.org/?q=1');
    expect(canonicalUrl('HTTPS://Example.ORG/Path')).to.equal(undefined);
    expect(canonicalUrl('https://example.org/a/./b')).to.equal(undefined);
    expect(canonicalUrl('/img/1.svg', BASE)).to.equal(new URL('/img/1.svg', BASE).href);
    expect(canonicalUrl('/img/1.svg', 'https://user:pw@example.org/feed.json')).to.equal(undefined);
    expect(canonicalUrl('/img/1.svg', 'ftp://example.org/feed.json')).to.equal(undefined);
  });

  it('drops unsafe links and images from items and resolves the rest', () => {
    const { feed } = parseFeed(
      {
        version: 1,
        initiatives: [
          initiative({ id: 'a', url: 'javascript:alert(1)', image: { src: 'data:image/png;base64,AAAA', alt: 'x' } }),
          initiative({ id: 'b', url: '../b', image: { src: 'img/b.png', alt: 'b' } }),
        ],
        quotes: [{ id: 'q', text: 't', author: 'a', source_url: 'vbscript:x', image: { src: 'blob:x' } }],
      },
      BASE,
    );
    const [a, b] = feed.initiatives;
    expect(a!.url).to.equal(undefined);
    expect(a!.image).to.equal(undefined);
    expect(b!.url).to.equal('https://feeds.example.org/b');
    expect(b!.image!.src).to.equal('https://feeds.example.org/network/img/b.png');
    expect(feed.quotes[0]!.source_url).to.equal(undefined);
    expect(feed.quotes[0]!.image).to.equal(undefined);
  });
});

describe('dates', () => {
  it('accepts date-times with an offset or Z', () => {
    expect(parseDateTime('2026-12-01T15:00:00+01:00')).to.equal(Date.parse('2026-12-01T14:00:00Z'));
    expect(parseDateTime('2026-12-01T15:00Z')).to.equal(Date.parse('2026-12-01T15:00:00Z'));
    expect(parseDateTime('2024-02-29T00:00:00.123-05:00')).to.equal(Date.parse('2024-02-29T05:00:00.123Z'));
  });
  it('knows the length of every month, leap years included (1900 and 2100 are not, 2000 is)', () => {
    for (const year of [1900, 2000, 2023, 2024, 2100]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 27; day <= 31; day++) {
          const exists = new Date(Date.UTC(year, month - 1, day)).getUTCMonth() === month - 1;
          const text = `${year}-${String(month).padStart(2, '0')}-${day}T12:00:00Z`;
          expect(parseDateTime(text) !== undefined, text).to.equal(exists);
        }
      }
    }
  });
  for (const bad of [
    '2026-13-01T10:00:00Z',
    '2026-02-30T10:00:00Z',
    '2025-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T10:60:00Z',
    '2026-01-01T10:00:00',
    '2026-01-01',
    '2026-01-01T10:00:00+15:00',
    'yesterday',
    '',
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      expect(parseDateTime(bad)).to.equal(undefined);
    });
  }
});

describe('localized text', () => {
  const lt = { en: 'Hello', es: 'Hola', fr: 'Bonjour', 'pt-BR': 'Olá' };
  it('resolves language, then base language, then the feed language, then the first value', () => {
    expect(resolveText(lt, 'fr')).to.deep.equal({ text: 'Bonjour', lang: 'fr' });
    expect(resolveText(lt, 'es-CO')).to.deep.equal({ text: 'Hola', lang: 'es' });
    expect(resolveText(lt, 'pt')).to.deep.equal({ text: 'Olá', lang: 'pt-BR' });
    expect(resolveText({ es: 'Hola', fr: 'Bonjour' }, 'de', 'fr')).to.deep.equal({ text: 'Bonjour', lang: 'fr' });
    expect(resolveText({ es: 'Hola', fr: 'Bonjour' }, 'de')).to.deep.equal({ text: 'Hola', lang: 'es' });
    expect(resolveText('Plain', 'fr', 'en')).to.deep.equal({ text: 'Plain', lang: 'en' });
  });
  it('passes over blank values, as missing ones', () => {
    expect(resolveText({ en: '', es: 'Hola' }, 'en')).to.deep.equal({ text: 'Hola', lang: 'es' });
    expect(resolveText({ en: ' ', es: 'Hola', fr: 'Bonjour' }, 'en', 'fr')).to.deep.equal({ text: 'Bonjour', lang: 'fr' });
    expect(resolveText({ es: '', fr: 'Bonjour' }, 'de', 'es')).to.deep.equal({ text: 'Bonjour', lang: 'fr' });
    expect(resolveText({ en: '', es: '  ' }, 'en')).to.deep.equal({ text: '', lang: undefined });
    // Invisible characters, which the widgets strip, are blank too.
    expect(resolveText({ en: '\u200b\u202e', es: 'Hola' }, 'en')).to.deep.equal({ text: 'Hola', lang: 'es' });
    expect(resolveText({}, 'en')).to.deep.equal({ text: '', lang: undefined });
  });
  it('folds accents and case for matching', () => {
    expect(fold('Bogotá')).to.equal('bogota');
    expect(fold('SÃO PAULO')).to.equal('sao paulo');
  });
  it('clamps on a code point boundary', () => {
    const out = cleanText('ab😀cd', 3);
    expect(out).to.equal('ab…');
  });
});
