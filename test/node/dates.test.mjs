/**
 * parseDateTime reads a date-time by hand (src/data/dates.ts); here it is compared with the regular-expression
 * version it replaced, on generated strings near the format and on random ones. Runs on the built dist/lib.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DATE_TIME_PATTERN, parseDateTime } from '../../dist/lib/data/dates.js';

/** The previous implementation (session 2), kept as the reference. */
const RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|([+-])(\d{2}):(\d{2}))$/;
function reference(value) {
  if (typeof value !== 'string') return undefined;
  const m = RE.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => +m[i]);
  const second = m[6] === undefined ? 0 : +m[6];
  const ms = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day > days) return undefined;
  let offset = 0;
  if (m[9]) {
    const oh = +m[10];
    const om = +m[11];
    if (oh > 14 || om > 59) return undefined;
    offset = (oh * 60 + om) * (m[9] === '-' ? -1 : 1);
  }
  // (Session 14 fixed the years 0–99, which Date.UTC reads as 1900–1999, in both.)
  const t = new Date(0).setUTCFullYear(year, month - 1, day) + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset * 60_000;
  return Number.isFinite(t) ? t : undefined;
}

const digit = fc.constantFrom(...'0123456789');
const almostDigit = fc.oneof({ weight: 12, arbitrary: digit }, fc.constantFrom('a', ' ', '/', '٣', '-', ':'));
const junk = (min, max) => fc.array(almostDigit, { minLength: min, maxLength: max }).map((a) => a.join(''));
/** Mostly a number in [min, max] written with `width` digits (sometimes just beyond), sometimes anything. */
const num = (width, min, max) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min, max }).map((n) => String(n).padStart(width, '0')) },
    { weight: 1, arbitrary: junk(width - 1, width + 1) },
  );
const pick = (...options) => fc.constantFrom(...options);

/** Strings shaped like the format, each part sometimes wrong. */
const nearDate = fc
  .tuple(
    num(4, 1890, 2110), pick('-', '-', '-', '-', '-', '/'), num(2, 0, 13), pick('-', '-', '-', '-', '-', '.'), num(2, 0, 32),
    pick('T', 'T', 'T', 'T', 'T', 't', ' '), num(2, 0, 24), pick(':', ':', ':', ':', ':', '.'), num(2, 0, 60),
    fc.option(fc.tuple(pick(':', ':', '.'), num(2, 0, 60), fc.option(fc.tuple(pick('.', '.', ','), junk(0, 11))))),
    pick('Z', 'z', '+', '-', '+', '-', '', 'UTC'), num(2, 0, 15), pick(':', ':', ':', ''), num(2, 0, 60),
    pick('', '', '', '', '', '', '', '', ' ', 'x'),
  )
  .map(([y, s1, mo, s2, d, t, h, s3, mi, sec, sign, oh, s4, om, tail]) =>
    [y, s1, mo, s2, d, t, h, s3, mi, sec ? sec[0] + sec[1] + (sec[2] ? sec[2][0] + sec[2][1] : '') : '',
      sign, sign === '+' || sign === '-' ? oh + s4 + om : '', tail].join(''));

test('parseDateTime reads the years 0–99 as written, as Date.parse does', () => {
  for (const s of ['0026-12-31T23:59:59Z', '0000-01-01T00:00Z', '0099-02-28T12:00:00.250+05:45', '0004-02-29T00:00-01:00']) {
    assert.equal(parseDateTime(s), Date.parse(s), s);
  }
  assert.equal(new Date(parseDateTime('0026-12-31T23:59:59Z')).getUTCFullYear(), 26);
  assert.equal(parseDateTime('2026-12-31T23:59:59Z'), Date.parse('2026-12-31T23:59:59Z'));
});

test('parseDateTime gives what the regular expression version gives, on strings near the format', () => {
  let valid = 0;
  fc.assert(
    fc.property(nearDate, (s) => {
      const expected = reference(s);
      if (expected !== undefined) valid++;
      assert.equal(parseDateTime(s), expected, JSON.stringify(s));
      assert.equal(new RegExp(DATE_TIME_PATTERN).test(s) || parseDateTime(s) === undefined, true, JSON.stringify(s));
    }),
    { numRuns: 20_000 },
  );
  // The generator must reach both answers often enough for the comparison to mean something.
  assert.ok(valid > 400, `only ${valid} valid date-times generated`);
});

test('parseDateTime gives what the regular expression version gives, on any string', () => {
  fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => assert.equal(parseDateTime(s), reference(s))), { numRuns: 5_000 });
});

test('parseDateTime: examples at the edges', () => {
  const cases = {
    '2026-12-01T15:00:00+01:00': Date.UTC(2026, 11, 1, 14),
    '2026-12-01T15:00Z': Date.UTC(2026, 11, 1, 15),
    '2024-02-29T00:00:00.123456789z': Date.UTC(2024, 1, 29, 0, 0, 0, 123),
    '2026-12-01T15:00:00.1234567890Z': undefined,
    '2026-12-01T15:00:00.Z': undefined,
    '2026-12-01T15:00': undefined,
    '2026-12-01T15:00:00+14:01': Date.UTC(2026, 11, 1, 0, 59),
    '2026-12-01T15:00:00+15:00': undefined,
    '2026-12-01T15:00:00+01:00 ': undefined,
    '2100-02-29T00:00Z': undefined,
  };
  for (const [s, expected] of Object.entries(cases)) {
    assert.equal(parseDateTime(s), expected, s);
    assert.equal(reference(s), expected, `reference: ${s}`);
  }
});
