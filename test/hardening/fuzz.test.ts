/**
 * Property-based tests: arbitrary JSON values and strings into the parser and the URL filter.
 * They must never throw anything but a FeedError, and their output must always hold the invariants.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseFeed, type Feed } from '../../src/data/parse.js';
import { FeedError } from '../../src/data/errors.js';
import { canonicalUrl, safeUrl } from '../../src/data/urls.js';
import { LISTS } from '../../src/data/schema.js';

const BASE = 'https://feeds.example.org/a/feed.json';

/** Every string value anywhere in the output (localized text maps included). */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

function checkFeed(feed: Feed): void {
  for (const list of LISTS) {
    for (const item of feed[list] as unknown as Record<string, unknown>[]) {
      for (const key of ['url', 'source_url'] as const) {
        const url = item[key];
        if (url !== undefined) expect(String(url)).to.match(/^https?:\/\//);
      }
      const image = item['image'] as { src: string } | undefined;
      if (image) expect(image.src).to.match(/^https?:\/\//);
      expect(typeof item['id']).to.equal('string');
      for (const s of strings(item)) expect(typeof s).to.equal('string');
    }
  }
}

/** Feed-shaped documents with arbitrary values in every field, so that items get past the envelope. */
const anyText = fc.oneof(fc.string(), fc.dictionary(fc.constantFrom('en', 'es', 'fr', '__proto__', 'constructor', 'x y'), fc.string()), fc.anything());
const anyUrl = fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:x', ' \u0001javascript:x', 'data:,x', '//evil.example/x', '../x', 'vbscript:x'), fc.anything());
const anyDate = fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.anything());
const item = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), fc.anything()),
    title: anyText,
    summary: anyText,
    text: anyText,
    author: fc.oneof(fc.string(), fc.anything()),
    url: anyUrl,
    source_url: anyUrl,
    city: fc.oneof(fc.string(), fc.anything()),
    country: fc.oneof(fc.constantFrom('ES', 'co', 'XX', 'Spain'), fc.anything()),
    topics: fc.oneof(fc.array(fc.string()), fc.anything()),
    published: anyDate,
    start: anyDate,
    end: anyDate,
    date: anyDate,
    image: fc.oneof(fc.record({ src: anyUrl, alt: anyText }), fc.anything()),
  },
  { requiredKeys: [] },
);
const feedDoc = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.anything()),
    language: fc.oneof(fc.constantFrom('en', 'es'), fc.anything()),
    home_page_url: anyUrl,
    title: anyText,
    initiatives: fc.oneof(fc.array(item, { maxLength: 8 }), fc.anything()),
    events: fc.oneof(fc.array(item, { maxLength: 8 }), fc.anything()),
    quotes: fc.oneof(fc.array(item, { maxLength: 8 }), fc.anything()),
    news: fc.oneof(fc.array(item, { maxLength: 8 }), fc.anything()),
  },
  { requiredKeys: ['version'] },
);

function parseOrFeedError(doc: unknown): void {
  let result;
  try {
    result = parseFeed(doc, BASE);
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return;
  }
  checkFeed(result.feed);
  const input = doc as Record<string, unknown>;
  for (const list of LISTS) {
    const given = input[list];
    const total = Array.isArray(given) ? given.length : given === undefined ? 0 : 1;
    // Counts add up: every input item is either shown or skipped.
    expect(result.feed[list].length + result.skipped[list], list).to.equal(total);
  }
  expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
}

describe('fuzzing the parser and the URL filter', () => {
  it('parseFeed on any JSON value throws only FeedErrors', () => {
    fc.assert(fc.property(fc.jsonValue(), (doc) => parseOrFeedError(doc)), { numRuns: 500 });
  });

  it('parseFeed on feed-shaped documents with arbitrary fields keeps its invariants', () => {
    fc.assert(fc.property(feedDoc, (doc) => parseOrFeedError(doc)), { numRuns: 500 });
  });

  it('parseFeed on arbitrary JSON text (after JSON.parse) keeps its invariants', () => {
    fc.assert(
      fc.property(fc.json(), (text) => parseOrFeedError(JSON.parse(text))),
      { numRuns: 300 },
    );
  });

  it('safeUrl returns only absolute http(s) URLs, for any string and any base', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), fc.option(fc.webUrl(), { nil: undefined }), (raw, base) => {
        const out = safeUrl(raw, base);
        if (out !== undefined) {
          expect(out).to.match(/^https?:\/\//);
          expect(['http:', 'https:']).to.include(new URL(out).protocol);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('canonicalUrl (the fast path of safeUrl) agrees with the URL parser whenever it answers', () => {
    const chars = fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=:@/?#%2eE[] \t\\é'.split(''));
    const tail = fc.array(chars, { maxLength: 24 }).map((a) => a.join(''));
    const host = fc.constantFrom('example.org', 'a.b-c.net', 'xn--x.org', 'Example.org', '127.0.0.1', 'a', 'org.', 'x-.org');
    const raw = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://'), host, tail).map(([s, h, t]) => s + h + t),
      fc.tuple(fc.constantFrom('/', '//', '/a/', './', ''), tail).map(([s, t]) => s + t),
    );
    const base = fc.constantFrom(BASE, 'http://127.0.0.1:8000/feed.json', 'https://u:p@example.org/f', 'https://example.org');
    let answered = 0;
    fc.assert(
      fc.property(raw, base, (url, feedUrl) => {
        const fast = canonicalUrl(url, feedUrl);
        if (fast === undefined) return;
        answered++;
        expect(fast, url).to.equal(new URL(url, feedUrl).href);
      }),
      { numRuns: 3000 },
    );
    // The property only means something if the fast path took a good share of the inputs.
    expect(answered).to.be.greaterThan(300);
  });

  it('safeUrl never lets a javascript: URL through, however it is spelled', () => {
    const spellings = fc
      .tuple(
        fc.constantFrom('javascript', 'JavaScript', 'JAVASCRIPT', 'jAvAsCrIpT'),
        fc.array(fc.constantFrom('\t', '\n', '\r', '\u0001', ' ', '\u0000'), { maxLength: 3 }),
        fc.nat(10),
        fc.string(),
      )
      .map(([scheme, junk, at, rest]) => {
        const i = Math.min(at, scheme.length);
        const prefix = junk.slice(0, 1).join('');
        return `${prefix}${scheme.slice(0, i)}${junk.join('')}${scheme.slice(i)}:${rest}`;
      });
    fc.assert(
      fc.property(spellings, (url) => {
        const out = safeUrl(url, BASE);
        if (out !== undefined) expect(new URL(out).protocol).to.match(/^https?:$/);
      }),
      { numRuns: 1000 },
    );
  });
});
