/**
 * `npm run test:storybook`: opens every story of the built Storybook (storybook-static/) in headless Chromium
 * and fails on anything a visitor would hit. `storybook build` exits 0 even when a story crashes in the
 * browser (see docs in /work/shared/TOOLCHAIN.md), so this is the check that a story really renders.
 *
 * For each story (`iframe.html?id=<id>&viewMode=story`) it fails on:
 *   - an uncaught page error or unhandled rejection, or a console error;
 *   - a failed request or an HTTP error response (except URLs under `/story-feed/`: the deliberately failing
 *     feeds and broken images of the state stories, see stories/support/story-feed.ts);
 *   - Storybook's error display (`body.sb-show-errordisplay`) or an empty `#storybook-root`;
 *   - a widget that does not settle (still loading, unless its feed is the never-answering `/story-feed/loading`);
 *   - any axe-core violation in the story root, colour contrast included.
 * Each docs page (`viewMode=docs`: the Introduction and the autodocs of every element, with all their stories
 * inline) gets the same checks but axe, since most of such a page is Storybook's own interface.
 *
 * It prints one line per story and ends with `N passed, M failed`; the exit code is 1 on any failure.
 *
 *   node scripts/storybook-smoke.mjs [--dir storybook-static] [--filter <text in story id>] [--jobs 2]
 *
 * Chromium: $CHROME_PATH, else /usr/bin/chromium.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    filter: { type: 'string' },
    jobs: { type: 'string', default: '2' },
  },
});
const staticDir = resolve(root, options.dir);
const executablePath = chromiumPath;

/** URLs that fail on purpose: the state stories' feeds and broken images (never real network). */
const DELIBERATE = /\/story-feed\//;
/** How long a story may take to render and its widgets to settle. */
const RENDER_TIMEOUT = 15_000;
const SETTLE_TIMEOUT = 10_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function fail(message) {
  console.error(`storybook-smoke: ${message}`);
  process.exit(1);
}

if (!existsSync(join(staticDir, 'index.json'))) fail(`no ${options.dir}/index.json: run \`npm run build-storybook\` first`);
if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath}: install it (apt-get install chromium) or set CHROME_PATH`);

/** A static file server for storybook-static/ on a free localhost port. */
function serve(dir) {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      let file = normalize(join(dir, decodeURIComponent(pathname)));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // Storybook's bundles have hashed names: let the browser keep them (and its compiled code) between stories.
      const cache = pathname.startsWith('/assets/') || pathname.startsWith('/sb-') ? 'max-age=3600, immutable' : 'no-cache';
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(body);
    } catch {
      // The browser asks for a favicon by itself; Storybook's iframe has none.
      if (req.url === '/favicon.ico') res.writeHead(204).end();
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'));
let entries = Object.values(index.entries).filter((entry) => entry.type === 'story' || entry.type === 'docs');
if (options.filter) entries = entries.filter((s) => s.id.includes(options.filter));
const stories = entries.filter((entry) => entry.type === 'story');
if (entries.length === 0) fail('no stories to open');

const axeSource = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const server = await serve(staticDir);
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: chromiumArgs,
});

/** Runs in the page: resolves when every widget has settled, or with the tags that did not. */
function settleWidgets(timeout, rootSelector) {
  const widgets = () =>
    [...document.querySelectorAll(`${rootSelector} *`)].filter((el) => el.localName.startsWith('cities-'));
  const settled = (el) => {
    // Not defined (its module never ran) or nothing rendered: never settles.
    if (!customElements.get(el.localName) || !el.shadowRoot?.childElementCount) return false;
    // FeedController state (TypeScript-protected, plain JS here): `loading` means nothing is shown yet.
    const status = el.feed?.status;
    if (status === 'loading' && !String(el.feedUrl ?? '').includes('/story-feed/loading')) return false;
    if (el.isUpdatePending) return false;
    // Images in view have loaded (or failed); lazy ones further down a long page load only when scrolled to.
    for (const img of el.shadowRoot?.querySelectorAll('img') ?? []) {
      if (!img.complete && (img.loading !== 'lazy' || img.getBoundingClientRect().top < innerHeight)) return false;
    }
    return true;
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  return (async () => {
    const until = Date.now() + timeout;
    for (;;) {
      await frame();
      const pending = widgets().filter((el) => !settled(el));
      if (pending.length === 0) {
        // Language catalogs load on demand and re-render: one more quiet moment.
        await new Promise((r) => setTimeout(r, 150));
        if (widgets().every(settled)) return [];
      }
      if (Date.now() > until) {
        return pending.map((el) =>
          `<${el.localName}> ${customElements.get(el.localName) ? (el.feed?.status ?? 'rendered nothing') : 'is not defined'}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
}

async function runAxe() {
  // eslint-disable-next-line no-undef
  const result = await axe.run(document.querySelector('#storybook-root'), {
    resultTypes: ['violations'],
    rules: {
      // A story is a fragment of a page: putting it in landmarks is the host page's job.
      region: { enabled: false },
    },
  });
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`),
  }));
}

async function check(page, entry) {
  const docs = entry.type === 'docs';
  const rootSelector = docs ? '#storybook-docs' : '#storybook-root';
  const problems = [];
  // Leave the previous story first, so that its unfinished requests (aborted now) are not counted here.
  await page.goto('about:blank').catch(() => undefined);
  const onPageError = (error) => problems.push(`page error: ${error.message}`);
  const onConsole = (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    if (DELIBERATE.test(where)) return;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  };
  const onRequestFailed = (request) => {
    if (DELIBERATE.test(request.url())) return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  };
  const onResponse = (response) => {
    if (response.status() >= 400 && !DELIBERATE.test(response.url())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);
  try {
    const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${docs ? 'docs' : 'story'}`;
    await page.goto(url, { waitUntil: 'load', timeout: RENDER_TIMEOUT });
    await page.waitForFunction(
      () => /\bsb-show-(main|errordisplay|nopreview)\b/.test(document.body.className),
      { timeout: RENDER_TIMEOUT },
    );
    if (docs) await page.waitForFunction(() => document.querySelector('#storybook-docs .sbdocs'), { timeout: RENDER_TIMEOUT });
    const shown = await page.evaluate((selector) => ({
      error: document.body.classList.contains('sb-show-errordisplay'),
      message: document.querySelector('#error-message')?.textContent?.trim() ?? '',
      // The toolbar decorator's box (.cities-story) is there for every story: look inside it.
      empty: [...(document.querySelector(selector)?.querySelectorAll('*') ?? [])].every((el) => el.classList.contains('cities-story')),
    }), rootSelector);
    if (shown.error) problems.push(`Storybook error display: ${shown.message || 'no message'}`);
    else if (shown.empty) problems.push(`${rootSelector} is empty`);
    if (!shown.error && !shown.empty) {
      const pending = await page.evaluate(settleWidgets, SETTLE_TIMEOUT, rootSelector);
      if (pending.length) problems.push(`did not settle: ${pending.join(', ')}`);
    }
    if (!docs && !shown.error && !shown.empty) {
      if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.addScriptTag({ content: axeSource });
      for (const v of await page.evaluate(runAxe)) {
        problems.push(`axe ${v.id}: ${v.help}\n      ${v.nodes.join('\n      ')}`);
      }
    }
  } catch (error) {
    problems.push(`${error.name}: ${error.message.split('\n')[0]}`);
  } finally {
    page.off('pageerror', onPageError);
    page.off('console', onConsole);
    page.off('requestfailed', onRequestFailed);
    page.off('response', onResponse);
  }
  return problems;
}

const started = Date.now();
const queue = [...entries];
const results = [];
const jobs = Math.max(1, Number(options.jobs) || 1);

async function worker() {
  // One browser context (a window of its own) per worker: a second tab in the same window would be a
  // background tab, where animation frames, lazy images and IntersectionObserver stall.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    const t0 = Date.now();
    const problems = await check(page, entry);
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    results.push({ entry, problems });
    const name = `${entry.title} › ${entry.name}`;
    if (problems.length === 0) console.log(`✓ ${entry.id}  ${name}  (${seconds}s)`);
    else console.log(`✗ ${entry.id}  ${name}  (${seconds}s)\n    - ${problems.join('\n    - ')}`);
  }
  await context.close();
}

try {
  await Promise.all(Array.from({ length: Math.min(jobs, entries.length) }, worker));
} finally {
  await browser.close();
  server.close();
}

const failed = results.filter((r) => r.problems.length > 0).length;
const passed = results.length - failed;
const docsPages = entries.length - stories.length;
console.log(`\n${stories.length} stories and ${docsPages} docs pages in ${((Date.now() - started) / 1000).toFixed(0)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
