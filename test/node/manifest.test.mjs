/**
 * The custom-elements manifest keeps up with the sources: `node --test test/node/manifest.test.mjs`.
 *
 * It runs the analyzer exactly as `npm run analyze` does (same config, into a temporary folder; set
 * CEM_MANIFEST=custom-elements.json to check an existing file instead), then reads the TypeScript sources of
 * every element in src/components/<widget>/ and its base classes, and checks that the manifest lists, with a
 * description, every
 *   - attribute of a reactive property in `static properties` (its `attribute` option, else the lower-cased name),
 *   - event of a `@fires` tag, and every event the code dispatches has a `@fires` tag,
 *   - CSS part of a `@csspart` tag, and every `part="…"` the templates render has a `@csspart` tag,
 *   - custom property of a `@cssprop` tag, and every `--cities-*` the widget's own styles read has a `@cssprop`.
 * So a property, part, event or custom property added without documentation fails here, and so do the
 * Storybook controls (stories/<widget>.stories.ts) and the embed-code builder (demo/embed-builder.js) when they
 * miss an attribute or offer one that does not exist.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

// ---- the sources --------------------------------------------------------------------------------------

/** Every class in src/base and src/components, with what its source declares. */
function parseClasses() {
  const files = [
    ...readdirSync(join(root, 'src/base')).map((f) => `src/base/${f}`),
    ...readdirSync(join(root, 'src/components'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(root, 'src/components', d.name)).map((f) => `src/components/${d.name}/${f}`)),
  ].filter((f) => f.endsWith('.ts') && !f.endsWith('.styles.ts'));
  const classes = new Map();
  for (const file of files) {
    const text = read(file);
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const node of source.statements) {
      if (!ts.isClassDeclaration(node) || !node.name) continue;
      const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      classes.set(node.name.text, {
        name: node.name.text,
        file,
        text,
        extends: heritage ? heritage.expression.getText(source) : undefined,
        tags: classTags(node),
        properties: declaredProperties(node, source),
      });
    }
  }
  return classes;
}

/** `@fires`, `@csspart`, `@cssprop` tags of a class's JSDoc: tag → [{ name, description }]. */
function classTags(node) {
  const tags = { fires: [], csspart: [], cssprop: [] };
  for (const tag of ts.getJSDocTags(node)) {
    let kind = tag.tagName.text;
    if (kind === 'event') kind = 'fires';
    if (kind === 'part') kind = 'csspart';
    if (kind === 'cssproperty') kind = 'cssprop';
    if (!(kind in tags)) continue;
    const comment = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim().replace(/^\{[^}]*\}\s*/, '');
    const match = /^(\S+)(?:\s+-\s+|\s+)?([\s\S]*)$/.exec(comment);
    if (match) tags[kind].push({ name: match[1], description: match[2].trim() });
  }
  return tags;
}

/**
 * Reactive properties declared in the class's `static properties = { name: { …options } }` (the elements use
 * no decorators, see README "Size and speed"): name and attribute (its `attribute` option, else the lower-cased name;
 * false for `attribute: false`). Internal state (`state: true`) has no attribute and is left out.
 */
function declaredProperties(node, source) {
  const out = [];
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || member.name?.getText(source) !== 'properties') continue;
    if (!member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
    assert.ok(member.initializer && ts.isObjectLiteralExpression(member.initializer), 'static properties is an object literal');
    for (const entry of member.initializer.properties) {
      assert.ok(ts.isPropertyAssignment(entry) && ts.isObjectLiteralExpression(entry.initializer), `${entry.getText(source)}: name: { options }`);
      const name = entry.name.getText(source);
      let attribute = name.toLowerCase();
      let state = false;
      for (const option of entry.initializer.properties) {
        if (!ts.isPropertyAssignment(option)) continue;
        const [key, value] = [option.name.getText(source), option.initializer];
        if (key === 'state' && value.kind === ts.SyntaxKind.TrueKeyword) state = true;
        if (key !== 'attribute') continue;
        if (value.kind === ts.SyntaxKind.FalseKeyword) attribute = false;
        else if (ts.isStringLiteralLike(value)) attribute = value.text;
      }
      if (!state) out.push({ name, attribute });
    }
  }
  return out;
}

/** The class and its ancestors inside the project, nearest first. */
function chain(classes, name) {
  const out = [];
  for (let klass = classes.get(name); klass; klass = classes.get(klass.extends)) out.push(klass);
  return out;
}

/** Part names a template renders: `part="a b"` and the string literals of `part=${…}`. */
function renderedParts(text) {
  const names = new Set();
  for (const m of text.matchAll(/\bpart=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
    const values = m[1] !== undefined ? [m[1]] : [...m[2].matchAll(/'([^']*)'|"([^"]*)"/g)].map((s) => s[1] ?? s[2]);
    for (const value of values) for (const part of value.split(/\s+/)) if (part) names.add(part);
  }
  return names;
}

/** Event types the code dispatches: `new CustomEvent('x')`, `new Event('x')`, `this.dispatch('x')`. */
function dispatchedEvents(text) {
  const names = new Set();
  for (const m of text.matchAll(/(?:new (?:Custom)?Event|\.dispatch)(?:<[^>(]*>+)?\(\s*['"`]([\w:-]+)['"`]/g)) names.add(m[1]);
  return names;
}

/** `--cities-*` custom properties a stylesheet reads. */
const readCustomProperties = (text) => new Set([...text.matchAll(/var\(\s*(--cities-[\w-]+)/g)].map((m) => m[1]));

/** tag → class name, from each `define.ts` (`defineElement('cities-x', X)`). */
function definitions() {
  const out = new Map();
  for (const dir of readdirSync(join(root, 'src/components'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const path = `src/components/${dir.name}/define.ts`;
    if (!existsSync(join(root, path))) continue;
    for (const m of read(path).matchAll(/defineElement\(\s*['"]([\w-]+)['"]\s*,\s*(\w+)\s*\)/g)) {
      out.set(m[1], { className: m[2], dir: dir.name });
    }
  }
  return out;
}

// ---- the manifest -------------------------------------------------------------------------------------

let manifest;
let outdir;

before(() => {
  if (process.env.CEM_MANIFEST) {
    manifest = JSON.parse(readFileSync(join(root, process.env.CEM_MANIFEST), 'utf8'));
    return;
  }
  outdir = mkdtempSync(join(tmpdir(), 'cem-'));
  const cli = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  // The analyzer joins --outdir to the working directory: give it a relative path.
  const run = spawnSync(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, outdir)], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `the analyzer failed:\n${run.stdout}\n${run.stderr}`);
  manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
});

after(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

const declarationOf = (tag) =>
  manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.kind === 'class' && d.tagName === tag);

const classes = parseClasses();
const elements = definitions();

describe('custom-elements manifest', () => {
  it('finds the elements in the sources', () => {
    assert.ok(elements.size >= 1, 'no defineElement() call in src/components/*/define.ts');
    for (const [tag, { className }] of elements) assert.ok(classes.has(className), `${tag}: class ${className} not found`);
  });

  it('defines every tag in a define module, for the package (custom-element-definition exports)', () => {
    const defined = new Set(
      manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name)),
    );
    assert.deepEqual([...defined].sort(), [...elements.keys()].sort());
  });

  it('is also written as VS Code HTML data: the same tags and attributes, with the words of union types', () => {
    const htmlData = JSON.parse(readFileSync(join(outdir ?? root, 'custom-elements.html-data.json'), 'utf8'));
    assert.equal(htmlData.version, 1.1);
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    assert.deepEqual(htmlData.tags.map((t) => t.name).sort(), declarations.map((d) => d.tagName).sort());
    for (const d of declarations) {
      const tag = htmlData.tags.find((t) => t.name === d.tagName);
      assert.deepEqual(tag.attributes.map((a) => a.name).sort(), d.attributes.map((a) => a.name).sort(), d.tagName);
      for (const a of tag.attributes) assert.ok(a.description, `${d.tagName} ${a.name}: no description`);
    }
    // Union types, including aliases (Theme, NewsLayout…), become the allowed values; booleans take none.
    const news = htmlData.tags.find((t) => t.name === 'cities-news-list');
    const attribute = (name) => news.attributes.find((a) => a.name === name);
    assert.deepEqual(attribute('theme').values.map((v) => v.name), ['light', 'dark', 'auto']);
    assert.deepEqual(attribute('layout').values.map((v) => v.name), ['list', 'compact', 'ticker']);
    assert.equal(attribute('limit').values, undefined);
    const feed = htmlData.tags.find((t) => t.name === 'cities-initiative-feed');
    assert.equal(feed.attributes.find((a) => a.name === 'filterable').valueSet, 'v');
  });

  it('points at the files the package ships (dist/lib/**/*.js)', () => {
    for (const mod of manifest.modules) assert.match(mod.path, /^dist\/lib\/.+\.js$/, mod.path);
  });

  for (const [tag, { className, dir }] of elements) {
    describe(`<${tag}>`, () => {
      const lineage = chain(classes, className);
      const own = lineage[0];
      const documented = (kind) => {
        const byName = new Map();
        for (const klass of [...lineage].reverse()) for (const t of klass.tags[kind]) byName.set(t.name, t);
        return byName;
      };

      it('is in the manifest with its tag name and a description', () => {
        const declaration = declarationOf(tag);
        assert.ok(declaration, `no class with tagName ${tag}`);
        assert.equal(declaration.name, className);
        assert.ok(declaration.customElement, 'customElement: true');
        assert.ok(declaration.description?.trim() || declaration.summary?.trim(), 'a class description');
      });

      it('lists every reactive property\'s attribute, documented', () => {
        const declaration = declarationOf(tag);
        const attributes = new Map((declaration.attributes ?? []).map((a) => [a.name, a]));
        const fields = new Map((declaration.members ?? []).filter((m) => m.kind === 'field').map((m) => [m.name, m]));
        const properties = lineage.flatMap((klass) => klass.properties.map((p) => ({ ...p, klass: klass.name })));
        assert.ok(properties.length > 0);
        for (const property of properties) {
          const where = `${property.klass}.${property.name}`;
          const field = fields.get(property.name);
          assert.ok(field, `${where}: no field in the manifest`);
          if (property.attribute === false) {
            assert.ok(field.description?.trim(), `${where}: the property has no JSDoc description`);
            continue;
          }
          const attribute = attributes.get(property.attribute);
          assert.ok(attribute, `${where}: attribute "${property.attribute}" missing from the manifest`);
          assert.equal(attribute.fieldName, property.name, `${where}: attribute "${property.attribute}" maps to another field`);
          assert.ok(attribute.description?.trim(), `${where}: attribute "${property.attribute}" has no description (write a JSDoc comment on the property)`);
          assert.ok(attribute.type?.text, `${where}: attribute "${property.attribute}" has no type`);
        }
        // lang and dir: observed by the base class, not reactive properties.
        for (const name of ['lang', 'dir']) assert.ok(attributes.get(name)?.description, `attribute ${name} documented`);
      });

      it('lists every @fires event, and every dispatched event has a @fires tag', () => {
        const declaration = declarationOf(tag);
        const events = new Map((declaration.events ?? []).map((e) => [e.name, e]));
        const tags = documented('fires');
        assert.ok(tags.size > 0, 'no @fires tag');
        for (const [name] of tags) {
          assert.ok(events.has(name), `event ${name} missing from the manifest`);
          assert.ok(events.get(name).description?.trim(), `event ${name} has no description`);
        }
        const dispatched = new Set([...lineage.flatMap((k) => [...dispatchedEvents(k.text)])]);
        // The base class's FeedController dispatches cities-feed-load / cities-feed-error for every element.
        for (const name of dispatchedEvents(read('src/controllers/feed-controller.ts'))) dispatched.add(name);
        for (const name of dispatched) assert.ok(tags.has(name), `${name} is dispatched but has no @fires tag`);
      });

      it('lists every @csspart, and every rendered part has a @csspart tag', () => {
        const declaration = declarationOf(tag);
        const parts = new Map((declaration.cssParts ?? []).map((p) => [p.name, p]));
        const tags = documented('csspart');
        for (const [name] of tags) {
          assert.ok(parts.has(name), `part ${name} missing from the manifest`);
          assert.ok(parts.get(name).description?.trim(), `part ${name} has no description`);
        }
        const rendered = new Set(lineage.flatMap((k) => [...renderedParts(k.text)]));
        assert.ok(rendered.size > 0);
        for (const name of rendered) assert.ok(tags.has(name), `part="${name}" is rendered but has no @csspart tag`);
      });

      it('lists every @cssprop, and every --cities-* its styles read has a @cssprop tag', () => {
        const declaration = declarationOf(tag);
        const props = new Map((declaration.cssProperties ?? []).map((p) => [p.name, p]));
        const tags = documented('cssprop');
        assert.ok(tags.size > 0, 'no @cssprop tag');
        for (const [name] of tags) {
          assert.ok(props.has(name), `custom property ${name} missing from the manifest`);
          assert.ok(props.get(name).description?.trim(), `custom property ${name} has no description`);
        }
        const styles = `src/components/${dir}/${dir}.styles.ts`;
        const used = new Set([
          ...readCustomProperties(own.text),
          ...(existsSync(join(root, styles)) ? readCustomProperties(read(styles)) : []),
        ]);
        for (const name of used) assert.ok(tags.has(name), `${name} is read by ${styles} but has no @cssprop tag`);
      });

      it('has a Storybook control for each of its own attributes', () => {
        const path = `stories/${dir}.stories.ts`;
        assert.ok(existsSync(join(root, path)), `${path} is missing`);
        const keys = new Set([...read(path).matchAll(/^\s*'?([\w-]+)'?:\s*\{\s*control:/gm)].map((m) => m[1]));
        for (const property of own.properties) {
          if (property.attribute !== false) assert.ok(keys.has(property.attribute), `${path}: no control for "${property.attribute}"`);
        }
      });

      it('has a Storybook control for every attribute it inherits and every custom property (none left to an object control)', () => {
        const controls = (file) => new Set([...read(file).matchAll(/^\s*'?([\w-]+)'?:\s*\{\s*control:/gm)].map((m) => m[1]));
        const common = controls('stories/support/widget.ts');
        const keys = new Set([...common, ...controls(`stories/${dir}.stories.ts`)]);
        const declaration = declarationOf(tag);
        for (const attribute of declaration.attributes ?? []) {
          if (attribute.inheritedFrom) assert.ok(common.has(attribute.name), `stories/support/widget.ts commonArgTypes: no control for "${attribute.name}"`);
        }
        for (const property of declaration.cssProperties ?? []) {
          assert.ok(keys.has(property.name), `stories/${dir}.stories.ts: no control for ${property.name}`);
        }
      });
    });
  }
});

describe('embed-code builder (demo/embed-builder.js)', () => {
  it('offers every attribute of every element, and no other', async () => {
    const { WIDGETS, COMMON_OPTIONS } = await import(pathToFileURL(join(root, 'demo/embed-builder.js')).href);
    const common = COMMON_OPTIONS.map((o) => o.name).filter((n) => n !== 'lang' && n !== 'dir');
    assert.deepEqual(
      [...WIDGETS.map((w) => w.tag)].sort(),
      [...elements.keys()].sort(),
      'one builder entry per element',
    );
    for (const widget of WIDGETS) {
      const declaration = declarationOf(widget.tag);
      const inherited = new Set((declaration.attributes ?? []).filter((a) => a.inheritedFrom).map((a) => a.name));
      const own = (declaration.attributes ?? []).filter((a) => !a.inheritedFrom).map((a) => a.name).sort();
      assert.deepEqual(widget.options.map((o) => o.name).sort(), own, `${widget.tag}: the builder's options`);
      for (const name of common) assert.ok(inherited.has(name), `${widget.tag}: common option ${name} is no attribute`);
      for (const name of inherited) assert.ok(COMMON_OPTIONS.some((o) => o.name === name), `${widget.tag}: no common option for the attribute ${name}`);
    }
  });

  it('writes only numbers the elements accept (heading level 2–6, a news limit of at least 1) and offers motion', async () => {
    const { WIDGETS, attributesOf } = await import(pathToFileURL(join(root, 'demo/embed-builder.js')).href);
    for (const widget of WIDGETS) {
      const level = widget.options.find((o) => o.name === 'heading-level');
      if (level) assert.deepEqual([level.min, level.max], [2, 6], `${widget.tag}: heading-level range`);
    }
    const news = WIDGETS.find((w) => w.tag === 'cities-news-list');
    assert.equal(news.options.find((o) => o.name === 'limit').min, 1);
    assert.deepEqual(attributesOf(news, { 'heading-level': 9, limit: 0, motion: 'reduce' }), [
      ['limit', '1'],
      ['heading-level', '6'],
      ['motion', 'reduce'],
    ]);
    assert.deepEqual(attributesOf(news, { 'heading-level': 3, limit: 5, motion: 'auto' }), [], 'defaults are left out');
  });
});
