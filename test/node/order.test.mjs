/**
 * newest(entries, k) picks the first page of an unsorted list (src/data/order.ts): it must give exactly what a
 * stable sort, newest first, would put first, ties in list order included. Runs on the built dist/lib.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { byNewest, newest } from '../../dist/lib/data/order.js';

const NO_DATE = -8.64e15;
/** Entries with few distinct times (many ties), some without a date, each tagged with its place. */
const entries = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 6 }).map((d) => 1.7e12 + d * 86_400_000), fc.constant(NO_DATE), fc.integer()), { maxLength: 200 })
  .map((times) => times.map((time, at) => ({ time, at })));

test('newest(entries, k) equals a stable sort newest first, cut at k', () => {
  fc.assert(
    fc.property(entries, fc.integer({ min: -1, max: 220 }), (list, k) => {
      const expected = [...list].sort(byNewest).slice(0, Math.max(0, k)).map((e) => e.at);
      assert.deepEqual(newest(list, k).map((e) => e.at), expected);
    }),
    { numRuns: 2000 },
  );
});

test('newest() leaves its input as it was', () => {
  const list = [3, 1, 2, 3, 1].map((time, at) => ({ time, at }));
  const before = JSON.stringify(list);
  assert.deepEqual(newest(list, 2).map((e) => e.at), [0, 3]);
  assert.deepEqual(newest(list, 9).map((e) => e.at), [0, 3, 2, 1, 4]);
  assert.equal(JSON.stringify(list), before);
});
