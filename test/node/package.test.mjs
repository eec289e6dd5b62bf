import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { root } from './helpers.mjs';

const dist = path.join(root, 'dist');

describe('dist/integrity.json', () => {
  test('holds the sha384 of every page script in dist/ and dist/chunks/, and nothing else', async () => {
    const integrity = JSON.parse(await readFile(path.join(dist, 'integrity.json'), 'utf8'));
    const scripts = async (folder) =>
      (await readdir(path.join(dist, folder))).filter((name) => name.endsWith('.js')).map((name) => path.posix.join(folder, name));
    const files = [...(await scripts('.')), ...(await scripts('chunks'))].map((f) => f.replace(/^\.\//, '')).sort();
    assert.ok(files.includes('cities-widgets.js'));
    assert.ok(files.some((f) => f.startsWith('chunks/')), 'the language chunks are listed');
    assert.deepEqual(Object.keys(integrity).sort(), files);
    for (const file of files) {
      const hash = `sha384-${createHash('sha384').update(await readFile(path.join(dist, file))).digest('base64')}`;
      assert.equal(integrity[file], hash, file);
      assert.match(integrity[file], /^sha384-[A-Za-z0-9+/]{64}$/);
    }
  });
});

describe('the page bundles', () => {
  test('chunks loaded on demand import nothing, so a bundle loaded as `…js?ver=…` never runs twice', async () => {
    // A chunk that imports from its entry names it by its plain URL: under `cities-widgets.js?ver=6.4.2` (as a
    // CMS writes it) the browser would fetch and run the whole bundle a second time.
    const chunks = (await readdir(path.join(dist, 'chunks'))).filter((name) => name.endsWith('.js'));
    assert.ok(chunks.some((name) => name.includes('-jsonfeed-')), 'the JSON Feed adapter is a chunk');
    assert.ok(chunks.some((name) => name.includes('-ics-')), 'the calendar export is a chunk');
    for (const name of chunks) {
      const code = await readFile(path.join(dist, 'chunks', name), 'utf8');
      assert.doesNotMatch(code, /\bimport\s*[{*"'(]|\bfrom\s*["']/, name);
    }
  });
});

describe('npm package', () => {
  test('npm pack ships what a user needs and nothing of the source tree', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files = JSON.parse(stdout)[0].files.map((f) => f.path);
    const required = [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'bin/cities-widgets.js',
      'dist/cities-widgets.js',
      'dist/feed.schema.json',
      'dist/integrity.json',
      'dist/lib/index.js',
      'dist/lib/index.d.ts',
      'dist/lib/cli/main.js',
      'dist/lib/cli/validate.js',
      'dist/lib/cli/build-feed.js',
      'dist/lib/cli/messages.js',
      'custom-elements.json',
      'custom-elements.html-data.json',
    ];
    for (const file of required) assert.ok(files.includes(file), `${file} is in the package`);
    assert.ok(files.some((f) => /^dist\/chunks\/.+\.js$/.test(f)), 'the language chunks are in the package');
    // custom-elements.json: the elements' manifest for editors and tools (added by the docs work).
    const allowed = /^(dist\/|bin\/|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$|custom-elements\.json$|custom-elements\.html-data\.json$)/;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), []);
    assert.deepEqual(files.filter((f) => /^(src|test|demo|docs|scripts|node_modules|xliff|stories)\//.test(f)), []);
    assert.deepEqual(files.filter((f) => f.endsWith('.tsbuildinfo')), []);
  });

  test('the bin entry is an executable Node script that loads the built CLI', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.bin, { 'cities-widgets': 'bin/cities-widgets.js' });
    assert.ok(pkg.dependencies['csv-parse'], 'csv-parse is a runtime dependency');
    const text = await readFile(path.join(root, pkg.bin['cities-widgets']), 'utf8');
    assert.equal(text, "#!/usr/bin/env node\nimport '../dist/lib/cli/main.js';\n");
    const { stdout } = await promisify(execFile)(path.join(root, pkg.bin['cities-widgets']), ['--version'], { encoding: 'utf8' });
    assert.equal(stdout.trim(), pkg.version);
  });
});

describe('the shipped types', () => {
  // What a TypeScript user of the package gets from dist/lib/*.d.ts: the tags in HTMLElementTagNameMap and the
  // events in GlobalEventHandlersEventMap, so that neither an element nor an event's detail needs a cast. A
  // detail typed `any` would let the @ts-expect-error lines compile, and fail here too.
  const CONSUMER = `import type { NewsList } from '../dist/lib/index.js';
import '../dist/lib/cities-widgets.js';

const news: NewsList | null = document.querySelector('cities-news-list');
news?.addEventListener('cities-feed-load', (event) => {
  const count: number = event.detail.count;
  const skipped: number = event.detail.skipped;
  // @ts-expect-error: no such field
  void event.detail.items;
  void [count, skipped];
});
document.addEventListener('cities-feed-error', (event) => {
  const message: string = event.detail.message;
  void message;
});
document.querySelector('cities-quote-carousel')?.addEventListener('cities-quote-change', (event) => {
  const id: string = event.detail.id;
  const index: number = event.detail.index;
  void [id, index];
});
window.addEventListener('cities-countdown-state', (event) => {
  // @ts-expect-error: a state is one of six words
  const state: 'soon' = event.detail.state;
  void state;
});
`;

  /**
   * Compiles `files` (name → source; the first names the program's roots) in a temporary folder inside the
   * repository, as a package user's strict project would, and returns the program and its diagnostics.
   */
  async function compile(files, options = {}) {
    const ts = (await import('typescript')).default;
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(root, '.types-probe-'));
    try {
      const names = Object.keys(files).map((name) => path.join(dir, name));
      for (const [name, source] of Object.entries(files)) writeFileSync(path.join(dir, name), source);
      const program = ts.createProgram(names, {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ES2022,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        types: [],
        skipLibCheck: true,
        ...options(ts),
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      return { program, diagnostics };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('type the elements and their events for addEventListener on elements, document and window', async () => {
    const { program, diagnostics } = await compile({ 'consumer.ts': CONSUMER }, () => ({}));
    assert.deepEqual(diagnostics, []);
    assert.ok(
      program.getSourceFiles().some((f) => f.fileName.endsWith('dist/lib/controllers/feed-controller.d.ts')),
      'the types came from dist/lib',
    );
  });

  test("docs/frameworks.md's React typing compiles against them, and refuses a wrong layout", async () => {
    const docs = await readFile(path.join(root, 'docs/frameworks.md'), 'utf8');
    const block = [...docs.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes("declare module 'react'"));
    assert.ok(block, "docs/frameworks.md has no block with declare module 'react'");
    const { diagnostics } = await compile(
      {
        // The docs' declarations as a user would save them, importing the shipped types instead of the package name.
        'cities-widgets.d.ts': block.replaceAll("from 'cities-widgets'", "from '../dist/lib/index.js'"),
        'news.tsx': `export const ok = (
  <cities-news-list src="/feed.json" limit={5} layout="compact" heading-level={3} loading="eager" motion="reduce"
    oncities-feed-load={(event) => {
      const count: number = event.detail.count;
      // @ts-expect-error: no such field (a detail typed any would let it through)
      void event.detail.items;
      void count;
    }}
    oncities-feed-error={(event) => { const message: string = event.detail.message; void message; }} />
);
// @ts-expect-error: not one of the news list's layouts
export const wrong = <cities-news-list layout="grid" />;
`,
      },
      (ts) => ({ jsx: ts.JsxEmit.ReactJSX }),
    );
    assert.deepEqual(diagnostics, []);
  });
});
