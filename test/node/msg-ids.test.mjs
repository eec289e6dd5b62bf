/**
 * Every message of the built page bundles, id by id: `node --test test/node/msg-ids.test.mjs` (after a build).
 *
 * rollup.config.js (bundleCatalogs) gives each `msg()` call of dist/*.js a number, its key's place in the sorted
 * keys of src/generated/locales, and renames the language chunks' keys to the same numbers. A wrong number shows
 * a visitor another string. test/hardening/bundle-languages.test.ts reads a few strings per widget in Chromium;
 * this reads them all, from the built files, without the build's own code:
 * - each call site's English text is the message of its key (the key is @lit/localize's hash of that text, or
 *   an explicit id whose XLIFF source is that text);
 * - each entry of each language chunk is, byte for byte, the translation src/generated/locales has for that key.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { root } from './helpers.mjs';

const ENTRIES = ['cities-widgets', 'event-countdown', 'initiative-feed', 'news-list', 'quote-carousel'];
const LOCALES = readdirSync(join(root, 'src/generated/locales')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) walk(v, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/** The object literal a module exports as `templates` (`export const templates = {…}` or `export { e as templates }`). */
function templatesOf(source) {
  const ast = parseAst(source);
  let local = 'templates';
  for (const node of ast.body) {
    for (const s of node.type === 'ExportNamedDeclaration' ? node.specifiers : []) if (s.exported.name === 'templates') local = s.local.name;
  }
  let found;
  walk(ast, (n) => {
    if (n.type === 'VariableDeclarator' && n.id.name === local && n.init?.type === 'ObjectExpression') found = n.init;
  });
  assert.ok(found, 'no templates object');
  return { source, properties: found.properties };
}

/** A message value as comparable data: its text, or a `str` template's parts and placeholder numbers. */
function message(node) {
  if (node.type === 'Literal') return { text: node.value };
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return { text: node.quasis[0].value.cooked };
  assert.equal(node.type, 'TaggedTemplateExpression', `a message of type ${node.type}`);
  return { parts: node.quasi.quasis.map((q) => q.value.cooked), expressions: node.quasi.expressions.map((e) => e.value ?? e.type) };
}

const key = (p) => String(p.key.value ?? p.key.name);
const catalogs = Object.fromEntries(
  LOCALES.map((locale) => {
    const { properties } = templatesOf(readFileSync(join(root, 'src/generated/locales', `${locale}.ts`), 'utf8'));
    return [locale, new Map(properties.map((p) => [key(p), message(p.value)]))];
  }),
);
const KEYS = [...new Set(Object.values(catalogs).flatMap((c) => [...c.keys()]))].sort();

/** XLIFF source texts of the explicit ids (the plural forms), from the first language's file. */
const explicitSources = new Map(
  [...readFileSync(join(root, 'xliff', `${LOCALES[0]}.xlf`), 'utf8').matchAll(/<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>/g)]
    .filter(([, id]) => !/^[sh][0-9a-f]{16}$/.test(id))
    .map(([, id, source]) => [id, source.replace(/<x id="\d+" equiv-text="[^"]*"\/>/g, '\0').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")]),
);

for (const entry of ENTRIES) {
  test(`dist/${entry}.js: every msg() call's id is the key of its own English text`, () => {
    const ast = parseAst(readFileSync(join(root, 'dist', `${entry}.js`), 'utf8'));
    const calls = [];
    walk(ast, (n) => {
      if (n.type !== 'CallExpression' || n.arguments.length !== 2) return;
      const [first, options] = n.arguments;
      if (options.type !== 'ObjectExpression' || options.properties.length !== 1 || key(options.properties[0]) !== 'id') return;
      if (!['Literal', 'TemplateLiteral', 'TaggedTemplateExpression'].includes(first.type)) return;
      calls.push({ id: options.properties[0].value.value, message: message(first) });
    });
    assert.ok(calls.length >= 10, `only ${calls.length} msg() calls found in dist/${entry}.js`);
    const wrong = [];
    for (const { id, message: m } of calls) {
      const expected = KEYS[id];
      const english = m.text ?? m.parts.join('\0');
      if (expected === undefined) wrong.push(`id ${id} (no such key; untranslated?): ${JSON.stringify(english)}`);
      else if (/^[sh][0-9a-f]{16}$/.test(expected)) {
        const actual = generateMsgId(m.text ?? m.parts, false);
        if (actual !== expected) wrong.push(`id ${id} is ${expected}, but ${JSON.stringify(english)} is ${actual}`);
      } else if (explicitSources.get(expected) !== english) {
        wrong.push(`id ${id} is ${expected} (${JSON.stringify(explicitSources.get(expected))}), but the call says ${JSON.stringify(english)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test(`dist/chunks/${entry}-<language>: every entry is the translation of its key`, () => {
    const chunks = readdirSync(join(root, 'dist/chunks')).filter((f) => f.startsWith(`${entry}-`) && LOCALES.some((l) => f.startsWith(`${entry}-${l}-`)));
    assert.equal(chunks.length, LOCALES.length, `one chunk per language: ${chunks.join(', ')}`);
    for (const file of chunks) {
      const locale = LOCALES.filter((l) => file.startsWith(`${entry}-${l}-`)).sort((a, b) => b.length - a.length)[0];
      const { properties } = templatesOf(readFileSync(join(root, 'dist/chunks', file), 'utf8'));
      assert.ok(properties.length >= 10, `${file}: only ${properties.length} entries`);
      for (const p of properties) {
        const id = Number(key(p));
        assert.ok(Number.isInteger(id), `${file}: key ${key(p)} is not a number`);
        assert.deepEqual(message(p.value), catalogs[locale].get(KEYS[id]), `${file}: entry ${id} (${KEYS[id]})`);
      }
    }
  });
}
