/**
 * The page bundles let terser rename every property whose name starts with `__` (rollup.config.js: our classes'
 * private members, as in the Lit starter). That is safe only while such a name is a TypeScript `private` member,
 * used in its own class alone, and never spelled in a string. These tests keep it so, on the sources and on the
 * built bundles (`npm test` builds first).
 *
 * They also rename the protected and controller members listed in scripts/mangled-members.mjs: the second part
 * checks each of those names with the TypeScript compiler (./mangle-members.mjs), against the public API in
 * custom-elements.json and Lit's lifecycle, and in the bundles. (The build itself stops if a listed name is used
 * by a package's code or in two chunks: rollup.config.js, `mangledNamesOnlyOurs`.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import ts from 'typescript';
import { MANGLED_MEMBERS, MANGLED_PROPERTIES } from '../../scripts/mangled-members.mjs';
import { root } from './helpers.mjs';
import { analyse, sourceProject } from './mangle-members.mjs';

const MANGLED = /^__[a-zA-Z]/;

/** Problems with `__names` in one source file. */
function problems(fileName, text) {
  const found = [];
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const where = (node) => `${path.relative(root, fileName)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node) => {
    const name = node.name && ts.isIdentifier(node.name) ? node.name.text : undefined;
    if (name && MANGLED.test(name)) {
      const member =
        ts.isPropertyDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isGetAccessorDeclaration(node) ||
        ts.isSetAccessorDeclaration(node) ||
        (ts.isParameter(node) && ts.isConstructorDeclaration(node.parent));
      const isPrivate = (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
      if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isMethodSignature(node)) {
        found.push(`${where(node)}: ${name} names an object's key or an interface member: terser would rename it`);
      } else if (member && !isPrivate) {
        found.push(`${where(node)}: ${name} is not private: terser would rename it`);
      }
    }
    if ((ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && /(^|[^\w$])__[a-zA-Z]/.test(node.text) && node.text !== '__proto__') {
      found.push(`${where(node)}: the string ${JSON.stringify(node.text)} spells a name that terser renames`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('private members renamed by terser (`__name`)', () => {
  test('every `__name` in src/ is a private class member and no string spells one', () => {
    const src = path.join(root, 'src');
    const files = readdirSync(src, { recursive: true })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => path.join(src, f));
    let members = 0;
    const found = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      members += (text.match(/\bprivate (?:readonly )?(?:get |set )?__[a-zA-Z]/g) ?? []).length;
      found.push(...problems(file, text));
    }
    assert.ok(members > 50, `expected the private members to be named __…, found ${members}`);
    assert.deepEqual(found, []);
  });

  test('the check above finds a public `__name`, an object key and a string', () => {
    const found = problems(
      path.join(root, 'src/x.ts'),
      `class A { __open = 1; private __ok = 2; m() { return { __key: 1, n: this['__ok'] }; } }`,
    );
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(found[0], /__open is not private/);
    assert.match(found[1], /__key names an object's key/);
    assert.match(found[2], /the string "__ok"/);
  });

  test('no `__name` is left in the page bundles', () => {
    const dist = path.join(root, 'dist');
    const files = [
      ...readdirSync(dist).filter((f) => f.endsWith('.js')),
      ...readdirSync(path.join(dist, 'chunks')).map((f) => `chunks/${f}`),
    ];
    assert.ok(files.includes('cities-widgets.js'));
    for (const file of files) {
      const left = readFileSync(path.join(dist, file), 'utf8').match(/[.{,]__[a-zA-Z]\w*(?<!__proto__)\b/g);
      assert.equal(left, null, `${file}: ${left?.join(', ')}`);
    }
  });
});

/** The page bundles' files: dist/*.js and dist/chunks/*.js. */
function bundleFiles() {
  const dist = path.join(root, 'dist');
  return [...readdirSync(dist).filter((f) => f.endsWith('.js')), ...readdirSync(path.join(dist, 'chunks')).map((f) => `chunks/${f}`)].map((f) =>
    path.join(dist, f),
  );
}

/**
 * The names a JavaScript program gives properties, by how terser would see them: `x.name`, `x['name']`,
 * `{ name: … }`, `name() {}` in a class or object, and every string (terser renames none of those).
 */
function propertyNames(code) {
  const names = new Set();
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    const key = node.type === 'MemberExpression' ? node.property : /^(Property|MethodDefinition|PropertyDefinition)$/.test(node.type) ? node.key : undefined;
    if (key?.type === 'Identifier') names.add(key.name);
    if (node.type === 'Literal' && typeof node.value === 'string') names.add(node.value);
    if (node.type === 'TemplateElement') names.add(node.value.cooked);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code));
  return names;
}

/** Never renamed, whatever the other checks say: Lit's lifecycle and API, the custom-element callbacks. */
// prettier-ignore
const LIT_AND_DOM = [
  'render', 'update', 'willUpdate', 'updated', 'firstUpdated', 'shouldUpdate', 'performUpdate', 'scheduleUpdate',
  'requestUpdate', 'updateComplete', 'getUpdateComplete', 'hasUpdated', 'isUpdatePending', 'createRenderRoot',
  'renderRoot', 'renderOptions', 'styles', 'properties', 'elementProperties', 'observedAttributes', 'shadowRootOptions',
  'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'adoptedCallback', 'addController',
  'removeController', 'hostConnected', 'hostDisconnected', 'hostUpdate', 'hostUpdated', 'handleEvent',
];

describe('protected and controller members renamed by terser (scripts/mangled-members.mjs)', () => {
  test('the regex renames the `__names` and exactly the listed names', () => {
    assert.ok(MANGLED_MEMBERS.length >= 20, `${MANGLED_MEMBERS.length} names`);
    for (const name of [...MANGLED_MEMBERS, '__x', '__retrying']) assert.match(name, MANGLED_PROPERTIES);
    for (const name of ['render', 'renderContents', 'xrenderContent', 'bones', 'feed', 'text', '_x', '__']) assert.doesNotMatch(name, MANGLED_PROPERTIES);
  });

  test('the TypeScript sources: each listed name is only our protected or controller members, read by type, never by a string', (t) => {
    const { check, candidates } = analyse(sourceProject());
    assert.deepEqual(check(MANGLED_MEMBERS), []);
    const unlisted = candidates().filter((name) => !MANGLED_MEMBERS.includes(name));
    if (unlisted.length) t.diagnostic(`would also pass the checks (a few bytes each): ${unlisted.join(', ')}`);
  });

  test('the check above finds what must not be renamed', () => {
    // A small project of its own, in src/ so that `lit` resolves, read from memory.
    const file = path.join(root, 'src', '__mangle-check__.ts');
    const text = `
      import { LitElement } from 'lit';
      export interface Shape { shaped: number }
      export class Widget extends LitElement {
        open = 1;
        static made = 0;
        protected fine() { return new Helper().helps + this.fine2(); }
        protected fine2() { return 2; }
        protected keyed() { return { keyed: 1 }; }
        protected override render() { return this.fine(); }
        protected text = '';
        protected spelled() { return 'spelled' in this; }
        protected bound() { return \`<x .bound=\${1}>\`; }
        protected loose() { return 0; }
        protected borrowed() { return 0; }
        protected shaped = 0;
      }
      class Helper { helps = 1; open = 2; }
      export function untyped(x: any) { return x.loose; }
      export function other(x: { borrowed: () => number }) { const { borrowed } = x; return borrowed; }
      export const made = Widget.made + new Helper().open;
    `;
    const project = sourceProject();
    const host = ts.createCompilerHost(project.options);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (name, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true) : getSourceFile(name, ...rest));
    host.fileExists = ((exists) => (name) => path.resolve(name) === file || exists(name))(host.fileExists);
    host.readFile = ((read) => (name) => (path.resolve(name) === file ? text : read(name)))(host.readFile);
    const { check, candidates } = analyse({ ...project, rootNames: [file], host, publicEntries: [file], ours: (name) => path.resolve(name) === file });
    assert.deepEqual(check(['fine', 'fine2', 'helps']), []);
    const expected = {
      open: /open: .*declares it as a public member of Widget, which the package exports/,
      made: /made: .*declares it as a static member/,
      keyed: /keyed: .*declares it as an object's key/,
      render: /render: declared by (lit|lit-html|lit-element|@lit\/reactive-element)\/.*, which we did not write/,
      text: /text: declared by typescript\/lib\/lib\.dom\.d\.ts/,
      spelled: /spelled: .*spells it in the string "spelled"/,
      bound: /bound: .*spells it in the string .*\.bound=/,
      loose: /loose: .*reads it from a value of unknown type/,
      borrowed: /borrowed: .*reads another object's `borrowed`/,
      shaped: /shaped: .*declares it as an interface or type member/,
      missing: /missing: no member of our classes has this name/,
      __x: /__x: a private name/,
    };
    for (const [name, problem] of Object.entries(expected)) {
      const found = check([name]);
      assert.ok(found.some((p) => problem.test(p)), `${name}: ${found.join('\n') || 'no problem found'}`);
    }
    assert.deepEqual(candidates(), ['fine', 'fine2', 'helps']);
  });

  test('no listed name is public API (custom-elements.json) or Lit’s', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
    const publicNames = new Set(LIT_AND_DOM);
    for (const module of manifest.modules) {
      for (const d of module.declarations ?? []) {
        publicNames.add(d.name);
        for (const m of d.members ?? []) if (m.privacy !== 'protected' && !(m.privacy === 'private' && m.name.startsWith('__'))) publicNames.add(m.name);
        for (const a of d.attributes ?? []) for (const n of [a.name, a.fieldName]) if (n) publicNames.add(n);
        for (const e of d.events ?? []) publicNames.add(e.name);
      }
      for (const e of module.exports ?? []) publicNames.add(e.name);
    }
    assert.ok(publicNames.has('headingLevel') && publicNames.has('state') && publicNames.has('query'), 'the manifest lists the public members');
    assert.deepEqual(MANGLED_MEMBERS.filter((name) => publicNames.has(name)), []);
  });

  test('no listed name is left in the page bundles', () => {
    const files = bundleFiles();
    assert.ok(files.some((f) => f.endsWith(`${path.sep}cities-widgets.js`)));
    for (const file of files) {
      const names = propertyNames(readFileSync(file, 'utf8'));
      assert.deepEqual(MANGLED_MEMBERS.filter((n) => names.has(n)), [], path.relative(root, file));
    }
  });

  test('no script that runs the built bundles reaches a listed member (the bench, the demo, the test pages)', () => {
    // `el.feed.stale` in a page script of bench/pages.mjs reads `undefined` from dist/*.js. These scripts hold
    // page code in strings too, so the text is searched: `.name` or `['name']`, not `.name-` (a class in a selector).
    const reach = new RegExp(`(?:\\.|\\[\\s*['"\`])(${MANGLED_MEMBERS.join('|')})(?![\\w$-])`, 'g');
    const found = [];
    for (const dir of ['bench', 'demo', 'scripts', 'test/hardening', 'test/hardening/pages', 'test/server']) {
      for (const file of readdirSync(path.join(root, dir)).filter((f) => /\.(m?js|ts|html)$/.test(f))) {
        const text = readFileSync(path.join(root, dir, file), 'utf8');
        for (const m of text.matchAll(reach)) found.push(`${dir}/${file}:${text.slice(0, m.index).split('\n').length}: ${m[1]}`);
      }
    }
    assert.deepEqual(found, []);
  });
});
