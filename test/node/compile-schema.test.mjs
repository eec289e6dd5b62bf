/**
 * The page bundles validate with checks compiled from the zod schema (scripts/compile-schema.mjs →
 * src/generated/feed-checks.ts). They must say "valid" exactly when `z.safeParse(schema, item).success` does:
 * compared here on every item of the sample and test feeds and on generated items built to sit on the edges
 * of the format (lengths in code points, `__proto__` keys, blank language maps, impossible dates, wrong
 * types). Runs on the built dist/lib.
 */
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import * as z from 'zod/mini';
import * as schema from '../../dist/lib/data/schema.js';
import * as checks from '../../dist/lib/generated/feed-checks.js';
import * as rules from '../../dist/lib/data/rules.js';
import { compile, generate, OUTPUT } from '../../scripts/compile-schema.mjs';
import { root } from './helpers.mjs';

const PAIRS = {
  initiatives: [schema.InitiativeSchema, checks.isInitiative],
  events: [schema.EventSchema, checks.isFeedEvent],
  quotes: [schema.QuoteSchema, checks.isQuote],
  news: [schema.NewsSchema, checks.isNewsItem],
};

const zodSays = (s, value) => z.safeParse(s, value).success;

// ---- values on the edges of the format -------------------------------------------------------------------

const ASTRAL = '😀'; // two UTF-16 units, one code point
/** Usually a valid value, sometimes one on or past an edge, sometimes a value of another type. */
const edge = (good, bad) => fc.oneof({ weight: 10, arbitrary: good }, { weight: 2, arbitrary: bad }, { weight: 1, arbitrary: wrongType });
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.double());
/** Strings of max - 1, max and max + 1 code points, all ASCII or all astral (twice as many units), and a lone surrogate. */
const sizes = (max) =>
  fc.oneof(
    fc.constantFrom(max - 1, max, max + 1).chain((n) => fc.constantFrom('x'.repeat(n), ASTRAL.repeat(n))),
    fc.constant(`${ASTRAL.repeat(max - 1)}\uD83D`), // a lone surrogate counts as one code point
  );
/** Text of at most `max` code points; empty allowed or not. */
const text = (max, { empty = true } = {}) =>
  edge(fc.string({ minLength: empty ? 0 : 1, maxLength: 20 }), fc.oneof(sizes(max), fc.constant('')));
const goodTag = fc.constantFrom('en', 'es', 'fr', 'pt-BR', 'zh-Hans', 'ES');
const badTag = fc.constantFrom('e', 'english', 'en_US', '__proto__', 'toString', '1', '');
const goodMap = fc.dictionary(goodTag, fc.constantFrom('Bogotá', 'Quito', 'São Paulo'), { minKeys: 1, maxKeys: 3 });
const oddMap = fc.dictionary(fc.oneof(goodTag, badTag), fc.oneof(fc.constantFrom('Lima', ' ', '', '\t'), wrongType), { maxKeys: 4 });
const localized = edge(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), goodMap), fc.oneof(oddMap, sizes(100_000), fc.constant('')));
const DATES = ['2026-12-01T15:00:00+01:00', '2020-04-02T09:30Z', '2024-02-29T00:00:00.5-03:00', '2026-12-01T14:00:00Z'];
const date = edge(
  fc.oneof(fc.constantFrom(...DATES), fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString())),
  fc.constantFrom('2026-02-30T10:00Z', '2026-12-01', '2026-12-01T25:00Z', '2026-12-01T10:00+15:00', 'tomorrow', ''),
);
const url = edge(fc.constantFrom('https://metropolis.org/a', '/img/1.png', 'javascript:alert(1)', 'x'), fc.oneof(sizes(4096), fc.constant('')));
const image = edge(
  fc.record({ src: url, alt: edge(fc.oneof(fc.string({ maxLength: 10 }), goodMap), fc.oneof(oddMap, sizes(100_000))) }, { requiredKeys: ['src'] }),
  fc.record({ alt: fc.string() }),
);
const list = (element) => edge(fc.array(element, { maxLength: 3 }), fc.constant('a, b'));
const bool = edge(fc.boolean(), fc.constantFrom('true', 1));
const anyField = fc.oneof(localized, date, url, image, wrongType, fc.string());

/** An item of one list: each field usually of its kind; optional keys sometimes missing, extra keys sometimes there. */
const item = (fields, required) =>
  fc
    .tuple(
      fc.record(fields, { requiredKeys: required }),
      fc.record({ dropped: fc.constantFrom(...Object.keys(fields)), drop: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) }),
      fc.dictionary(fc.constantFrom('extra', '__proto__', 'constructor', 'toString'), anyField, { maxKeys: 2 }),
      fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([own, { dropped, drop }, extra, notAnObject]) => {
      const value = { ...extra, ...own };
      if (drop) delete value[dropped];
      // Through JSON, as a feed reaches the widgets: an own `__proto__` key stays a key.
      return notAnObject ? [value] : JSON.parse(JSON.stringify(value));
    });

const id = text(256, { empty: false });
const ITEMS = {
  initiatives: item(
    { id, title: localized, summary: localized, url, city: text(200, { empty: false }), country: edge(fc.constantFrom('CO', 'br'), fc.constantFrom('FRA', 'F', '', 'ÉS')), region: fc.oneof(text(200), localized), topics: list(text(100, { empty: false })), published: date, image },
    ['id', 'title', 'city', 'country'],
  ),
  events: item({ id, title: localized, start: date, end: date, summary: localized, url, location: localized, online: bool }, ['id', 'title', 'start']),
  quotes: item({ id, text: localized, author: text(200, { empty: false }), role: localized, organization: localized, city: text(200), date, source_url: url, image }, ['id', 'text', 'author']),
  news: item({ id, title: localized, summary: localized, url, published: date, image, authors: list(text(200, { empty: false })) }, ['id', 'title', 'url', 'published']),
};

// ---- tests ------------------------------------------------------------------------------------------------

describe('compiled feed checks (src/generated/feed-checks.ts)', () => {
  test('agree with zod on every item of the sample and test feeds', async () => {
    const files = ['demo/feed.json', ...(await readdir(path.join(root, 'test/fixtures'))).filter((f) => f.endsWith('.json')).map((f) => `test/fixtures/${f}`)];
    let compared = 0;
    for (const file of files) {
      const doc = JSON.parse(await readFile(path.join(root, file), 'utf8'));
      for (const [list, [s, check]] of Object.entries(PAIRS)) {
        for (const value of Array.isArray(doc[list]) ? doc[list] : []) {
          assert.equal(check(value), zodSays(s, value), `${file} ${list} ${JSON.stringify(value).slice(0, 200)}`);
          compared++;
        }
      }
      if (doc.title !== undefined) assert.equal(checks.isLocalizedText(doc.title), zodSays(schema.LocalizedTextSchema, doc.title), file);
    }
    assert.ok(compared > 5000, `${compared} items compared`);
  });

  for (const [list, [s, check]] of Object.entries(PAIRS)) {
    test(`agree with zod on generated ${list}, valid and invalid`, () => {
      const seen = { valid: 0, invalid: 0 };
      fc.assert(
        fc.property(ITEMS[list], (value) => {
          const expected = zodSays(s, value);
          seen[expected ? 'valid' : 'invalid']++;
          assert.equal(check(value), expected, JSON.stringify(value).slice(0, 300));
        }),
        { numRuns: 4000 },
      );
      // Both answers must come up often, or the comparison proves little.
      if (process.env.SHOW_COUNTS) console.log(list, seen);
      assert.ok(seen.valid > 150 && seen.invalid > 150, JSON.stringify(seen));
    });
  }

  test('agree with zod on localized text alone', () => {
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(localized, (value) => {
        const expected = zodSays(schema.LocalizedTextSchema, value);
        seen[expected ? 'valid' : 'invalid']++;
        assert.equal(checks.isLocalizedText(value), expected, JSON.stringify(value).slice(0, 300));
      }),
      { numRuns: 3000 },
    );
    assert.ok(seen.valid > 300 && seen.invalid > 300, JSON.stringify(seen));
  });

  test('the committed file is what the schema compiles to', async () => {
    assert.equal(await readFile(OUTPUT, 'utf8'), await generate());
  });

  test('the compiler refuses what it does not know instead of checking it loosely', async () => {
    const refuse = (s, pattern) => assert.throws(() => compile({ isX: [s, 'X'] }, rules), pattern);
    refuse(z.object({ n: z.number() }), /unsupported zod type "number"/);
    refuse(z.object({ mail: z.string().check(z.email()) }), /unsupported string check/);
    refuse(z.strictObject({ a: z.string() }), /strict or loose objects/);
    refuse(z.string().check(z.refine((v) => v.length > 2)), /not a function exported by src\/data\/rules\.ts/);
    refuse(z.array(z.string()).check(z.minLength(1)), /checks on arrays/);
    // …and compiles what it knows into code that runs and agrees with zod.
    const small = z.object({ a: z.optional(z.literal(1)), b: z.array(z.boolean()), c: z.union([z.literal('x'), z.record(z.string(), z.string())]) });
    const source = compile({ isX: [small, 'X'] }, rules);
    assert.match(source, /export const isX = check\d+ as \(v: unknown\) => v is X;/);
    const js = esbuild.transformSync(source, { loader: 'ts', format: 'esm' }).code;
    const { isX } = await import(`data:text/javascript,${encodeURIComponent(js)}`);
    const values = [
      { b: [], c: 'x' }, { a: 1, b: [true, false], c: {} }, { a: 2, b: [], c: 'x' }, { b: [1], c: 'x' }, { b: [], c: 'y' },
      { b: [], c: { k: 1 } }, { b: {}, c: 'x' }, null, [], 'x', { a: undefined, b: [], c: { __proto__: 1 } },
    ];
    for (const value of values) assert.equal(isX(value), zodSays(small, value), JSON.stringify(value));
  });
});
