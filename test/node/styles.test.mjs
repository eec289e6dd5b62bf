/**
 * The private custom properties of the style sheets (`--_accent`, `--_fs`…: src/styles/base.styles.ts maps the
 * public `--cities-*` ones to them). Every one that is set is read somewhere and every one read is set, so that no
 * dead token ships in every bundle (`--_danger` did, with its three values, until session 11). The page bundles
 * give them one-letter names (rollup.config.js, tidyStyles): there too each bundle reads only what it sets, and
 * no long name is left (`npm test` builds first).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { root } from './helpers.mjs';

/** The css`` templates of src/, as one text. */
function sourceCss() {
  const src = path.join(root, 'src');
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .flatMap((f) => [...readFileSync(path.join(src, f), 'utf8').matchAll(/\bcss`([^`]*)`/g)].map((m) => m[1]))
    .join('\n');
}

/** The private properties a style text sets (`--_x:`) and reads (`var(--_x`). */
function privateProperties(css) {
  const set = new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]));
  const read = new Set([...css.matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1]));
  return { set, read };
}

describe('private custom properties (`--_name`)', () => {
  test('every one set in the sources is read, and every one read is set', () => {
    const { set, read } = privateProperties(sourceCss());
    assert.ok(set.size > 10, `expected the tokens of base.styles.ts, found ${[...set].join(', ')}`);
    assert.deepEqual([...set].filter((p) => !read.has(p)), [], 'set and never read');
    assert.deepEqual([...read].filter((p) => !set.has(p)), [], 'read and never set');
  });

  test('the page bundles use the short names, each read one set in the same bundle', () => {
    const dist = path.join(root, 'dist');
    const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
    assert.ok(files.includes('cities-widgets.js'));
    for (const file of files) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      const { set, read } = privateProperties(code);
      assert.ok(set.size > 10, `${file}: expected the tokens, found ${[...set].join(', ')}`);
      assert.deepEqual([...new Set([...set, ...read])].filter((p) => !/^--_[a-z]{1,2}$/.test(p)), [], `${file}: long names`);
      assert.deepEqual([...read].filter((p) => !set.has(p)), [], `${file}: read and never set`);
    }
  });
});
