/**
 * Test-server middleware: React 19 and a Svelte 5 component as ES modules, for test/frameworks.test.ts.
 *
 *   GET /api/frameworks/react.js    react + react-dom/client, bundled by esbuild (production build)
 *   GET /api/frameworks/svelte.js   test/fixtures/frameworks/News.svelte compiled by Svelte 5, with Svelte's
 *                                   `mount`, `unmount` and `flushSync`
 *
 * React ships CommonJS only, which the test server cannot serve to the browser as a module, and a Svelte
 * component must be compiled: esbuild makes one file of each on its first request (kept in memory). Vue needs
 * nothing of the kind: its browser build is an ES module (vue/dist/vue.esm-browser.js).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundles = new Map();

/** One browser ES module from `contents` and what it imports (production builds of the libraries). */
async function bundle(contents, plugins = []) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['production'],
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** esbuild plugin: `import News from 'svelte-fixture:News'` → the compiled component. */
const svelteFixtures = {
  name: 'svelte-fixtures',
  setup(build) {
    build.onResolve({ filter: /^svelte-fixture:/ }, (args) => ({ path: args.path.slice('svelte-fixture:'.length), namespace: 'svelte-fixture' }));
    build.onLoad({ filter: /.*/, namespace: 'svelte-fixture' }, async (args) => {
      const { compile } = await import('svelte/compiler');
      const filename = path.join(root, 'test/fixtures/frameworks', `${args.path}.svelte`);
      const { js } = compile(await readFile(filename, 'utf8'), { filename, generate: 'client' });
      return { contents: js.code, loader: 'js', resolveDir: root };
    });
  },
};

const SOURCES = {
  'react.js': () =>
    bundle(`export { createElement } from 'react';\nexport { createRoot } from 'react-dom/client';\nexport { flushSync } from 'react-dom';\n`),
  'svelte.js': () =>
    bundle(`export { default as News } from 'svelte-fixture:News';\nexport { mount, unmount, flushSync } from 'svelte';\n`, [svelteFixtures]),
};

export async function frameworksMiddleware(ctx, next) {
  const name = /^\/api\/frameworks\/([\w.]+)$/.exec(ctx.path)?.[1];
  if (!name || !(name in SOURCES)) return next();
  if (!bundles.has(name)) bundles.set(name, SOURCES[name]());
  ctx.type = 'application/javascript';
  ctx.set('cache-control', 'no-store');
  ctx.body = await bundles.get(name);
}
