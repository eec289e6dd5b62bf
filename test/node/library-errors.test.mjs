/**
 * Lit's and @lit/localize's developer messages, shortened in the page bundles (scripts/library-errors.mjs):
 * `node --test test/node/library-errors.test.mjs` (after a build).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LIBRARY_ERRORS, shortLibraryErrors } from '../../scripts/library-errors.mjs';
import { root } from './helpers.mjs';

/** The files rollup reads (the production export condition). */
const LIBRARY_FILES = ['@lit/reactive-element/css-tag.js', 'lit-html/lit-html.js', '@lit/localize/init/install.js'].map((f) =>
  path.join(root, 'node_modules', f),
);
const transform = (code, id) =>
  shortLibraryErrors.transform.call(
    {
      error(message) {
        throw new Error(message);
      },
    },
    code,
    id,
  );

test('every message is found in the installed version, and only the words change', () => {
  for (const [pattern, long, short] of LIBRARY_ERRORS) {
    const file = LIBRARY_FILES.find((f) => pattern.test(f));
    assert.ok(file, `${pattern} names none of the files`);
    const code = readFileSync(file, 'utf8');
    const out = transform(code, file).code;
    assert.ok(!out.includes(long) && out.includes(short), long);
    assert.equal(out.length, code.length - LIBRARY_ERRORS.filter(([p]) => p.test(file)).reduce((n, [, l, s]) => n + l.length - s.length, 0));
  }
  assert.equal(transform('export const x = 1;', path.join(root, 'src/index.ts')), null, 'other modules are left alone');
});

test('a version that words a message otherwise stops the build', () => {
  const file = LIBRARY_FILES[1];
  const code = readFileSync(file, 'utf8').replace('invalid template strings array', 'Invalid template strings array');
  assert.throws(() => transform(code, file), /is not there; update scripts\/library-errors\.mjs/);
});

test('the page bundles keep each throw, with the short message', () => {
  const dist = path.join(root, 'dist');
  const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
  assert.equal(files.length, 5);
  for (const file of files) {
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const [, long, short] of LIBRARY_ERRORS) {
      // terser writes every string with double quotes.
      const [was, now] = [long, short].map((s) => `"${s.slice(1).split(/["']/)[0]}`);
      assert.ok(!code.includes(was), `${file}: ${was}`);
      assert.match(code, new RegExp(`throw (new )?Error\\(${now.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `${file}: throw Error(${now}`);
    }
  }
});
