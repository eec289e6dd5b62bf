/**
 * The snippets a webmaster copies name real attributes and values: `node --test test/node/doc-snippets.test.mjs`.
 *
 * Every `<cities-…>` start tag in README.md, docs/*.md, demo/*.html and stories/*.mdx is checked against
 * custom-elements.json and custom-elements.html-data.json (both written by the build's `npm run analyze`):
 * - the tag exists;
 * - each attribute is one of the element's, a global HTML attribute, an event of the element in a framework's
 *   syntax (`@cities-feed-load`, `oncities-feed-load`, `on:cities-feed-load`) or a framework's own (`ref`, `key`);
 * - a literal value of an attribute typed as a union of words (`layout`, `loading`, `theme`…) is one of them, a
 *   number is a number, and only a boolean attribute goes without a value.
 * Framework bindings (`:limit="5"`, `limit={5}`) are checked by name and, when literal, by value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers.mjs';

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
// The words an attribute allows, with type aliases resolved (custom-elements-manifest.config.mjs writes it).
const htmlData = JSON.parse(readFileSync(join(root, 'custom-elements.html-data.json'), 'utf8'));
const values = new Map(htmlData.tags.flatMap((t) => t.attributes.filter((a) => a.values).map((a) => [`${t.name} ${a.name}`, a.values.map((v) => v.name)])));

/** tag → { attributes: Map(name → type text), events: Set } */
const elements = new Map();
for (const mod of manifest.modules) {
  for (const d of mod.declarations ?? []) {
    if (!d.tagName) continue;
    elements.set(d.tagName, {
      attributes: new Map((d.attributes ?? []).map((a) => [a.name, a.type?.text ?? 'string'])),
      events: new Set((d.events ?? []).map((e) => e.name)),
    });
  }
}

const GLOBAL = new Set(['id', 'class', 'style', 'hidden', 'slot', 'title', 'tabindex', 'part', 'inert', 'translate']);
const FRAMEWORK = new Set(['ref', 'key']);

function files() {
  const list = ['README.md'];
  for (const [dir, ext] of [['docs', '.md'], ['demo', '.html'], ['stories', '.mdx']]) {
    for (const name of readdirSync(join(root, dir))) if (name.endsWith(ext)) list.push(`${dir}/${name}`);
  }
  return list;
}

test('every <cities-…> snippet in the docs and the demo uses attributes and values the element has', () => {
  const problems = [];
  let tags = 0;
  let attributes = 0;
  for (const file of files()) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/<(cities-[a-z-]+)((?:\s+[^\s=>/]+(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}|[^\s>]+))?)*)\s*\/?>/g)) {
      const [, tag, rest] = m;
      const at = `${file}:${text.slice(0, m.index).split('\n').length}`;
      const element = elements.get(tag);
      if (!element) {
        problems.push(`${at}: no element <${tag}>`);
        continue;
      }
      tags++;
      for (const a of rest.matchAll(/([^\s=>/]+)(?:=("[^"]*"|'[^']*'|\{[^}]*\}|[^\s>]+))?/g)) {
        attributes++;
        let name = a[1];
        const raw = a[2];
        const event = name.match(/^(?:@|on:|on)(cities-[a-z-]+)$/);
        if (event) {
          if (!element.events.has(event[1])) problems.push(`${at}: <${tag}> fires no ${event[1]}`);
          continue;
        }
        name = name.replace(/^[:.?]/, '');
        if (GLOBAL.has(name) || FRAMEWORK.has(name) || name.startsWith('data-') || name.startsWith('aria-')) continue;
        if (!element.attributes.has(name)) name = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`); // pageSize
        const type = element.attributes.get(name);
        if (type === undefined) {
          problems.push(`${at}: <${tag}> has no attribute "${name}"`);
          continue;
        }
        if (raw === undefined) {
          if (type !== 'boolean') problems.push(`${at}: <${tag} ${name}> needs a value (${type})`);
          continue;
        }
        const value = raw.replace(/^["'{]|["'}]$/g, '');
        if (/[$…]|^\w+$/.test(value) && raw.startsWith('{') && !/^\d+$/.test(value)) continue; // {onLoad}, {ref}: a variable
        if (value.includes('…')) continue; // an elided value
        const allowed = values.get(`${tag} ${name}`);
        if (allowed && !allowed.includes(value)) problems.push(`${at}: <${tag} ${name}="${value}">: not one of ${allowed.join(', ')}`);
        if (type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) problems.push(`${at}: <${tag} ${name}="${value}">: not a number`);
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(tags >= 20 && attributes >= 30, `found only ${tags} tags with ${attributes} attributes: is the pattern still right?`);
});
