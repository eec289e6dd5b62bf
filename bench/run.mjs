#!/usr/bin/env node
/**
 * npm run bench [-- options]
 *   --runs N              repeats of every measurement (default 5)
 *   --hidden-seconds S    length of the hidden-tab window (default 60, real time)
 *   --sizes a,b,…         initiatives per feed for the feed scenario (default 10,100,1000,5000)
 *   --all-initiatives N   initiatives in the all-four page's feed (default 100)
 *   --cycles N            mount/unmount cycles (default 1000)
 *   --only a,b            scenarios: feed, all, shift, countdown, carousel, mount (default: all of them), and
 *                         idle (not in the default run: RUNS × 4 pages × --idle-seconds of real time)
 *   --idle-seconds S      length of each idle window (default 30)
 *   --write               also put the report into bench/RESULTS.md (<!-- bench:start --> … <!-- bench:end -->)
 *
 * A headless-Chromium benchmark of the page bundles. Never part of `npm test`: it takes about three
 * minutes, its numbers depend on the machine (and on whatever else runs on it: the load average is
 * printed), and it loads two other libraries (Swiper, Shoelace, both devDependencies) for comparison.
 * Wall-clock times on a busy 2-core machine are noisy, so the main-thread CPU time of the same interval
 * is given beside them (CDP Performance metrics, 'threadTicks' time domain: TaskDuration, i.e. every task
 * of the renderer's main thread: script, style, layout, paint).
 *
 * 1. Builds the page bundles into a temp folder (the project's rollup config with OUT_DIR, as `npm run size`
 *    does), and /parse.js: src/data/parse.ts bundled alone with esbuild (the same checks compiled
 *    from the zod schema as the page bundles, no zod), so that the page can time parseFeed() by itself.
 * 2. Serves them, generated feeds (bench/feeds.mjs, deterministic), pages (bench/pages.mjs), Swiper's and
 *    Shoelace's CDN files from node_modules, over node:http on 127.0.0.1 (a random port). The server counts
 *    requests per feed URL.
 * 3. Drives Chromium (CHROME_PATH or /usr/bin/chromium) through puppeteer-core. Every measurement is taken
 *    N times (default 5) in a fresh incognito context (empty cache and localStorage) unless said otherwise;
 *    the table shows the median and, in brackets, the min–max. Chromium starts with scripts/chromium.mjs's
 *    flags, which turn off the hidden omnibox-popup page Chromium 156 loads for every new context (about a
 *    second of CPU, on this 2-core machine while the measured page loads; runs before 2026-11-27 11:40 UTC
 *    had it, and their wall times are slower for it: parseFeed cold at 5,000 42 → 27 ms, all four widgets
 *    347 → 174 ms, in the first runs without it).
 *
 * Scenarios (a short "how" is also printed under the tables):
 * - feed: for 10, 100, 1,000 and 5,000 initiatives:
 *   · parse: JSON.parse and parseFeed() (the compiled schema checks + cleaning) timed in the page with
 *     performance.now() on the first (cold) call; "warm" is the median of 3 more calls in the same page;
 *     the main thread's CPU time (threadTicks, see cpuMeter) of the task that makes the first call is given
 *     beside the wall time, since the renderer can be descheduled on a busy machine;
 *   · first render, cold: from the inline script before the bundle's <script> tag to the frame after the
 *     first update that put real cards in the shadow root (requestAnimationFrame + a task); the time
 *     includes loading the bundle and the feed from localhost; main-thread CPU over the same interval;
 *   · first render, cached: the same page loaded again in the same context, so the feed's copy from the
 *     first visit is in localStorage (stale-while-revalidate); the first cards come from that copy;
 *   · keystroke → paint: 1 s after the render, the search box focused and, 150–300 ms later (a random wait, as
 *     a visitor types some time after focusing; focusing draws a frame, and a key pressed at once lands just
 *     after it), one character typed with page.keyboard; from the keydown event's timeStamp to
 *     requestAnimationFrame + a task after it. The Event Timing API's duration for the same interaction (what INP uses, 8 ms steps, ≥16 ms only) is
 *     given too;
 *   · typing on: after that first key the box is emptied and "water" is typed a key at a time, 150–300 ms
 *     apart (a random wait, so that keys do not all land at the same point of a frame), each key measured the
 *     same way;
 *   · preparation: the initiative feed's prepareFeed(), which the feed controller awaits before handing the
 *     data over: formatters, card templates, the index (not sorted since session 6) and the attribute
 *     filters, in slices of about 8 ms with the page's tasks in between; wall time from its first call to the
 *     hand-over (the page wraps both methods). Not in "render script"; in "after the data" (below);
 *   · render script: from the moment the validated data reaches the widget (the page wraps the widget's
 *     feedSummary(), which the feed controller calls first thing when a result is ready, after the
 *     widget's sliced preparation) to the first updated() with cards: the visitor's filters over the index
 *     and the Lit render of one page;
 *   · after the data, traced: the same interval as preparation + render script (prepareFeed's first call to
 *     the first updated() with cards), but only the main thread's JavaScript in it, from a Chromium trace
 *     of RUNS more visits of their own (afterDataScript): the issue's "16 ms of script after the data
 *     arrives" read strictly, preparation included;
 *   · keystroke script: the widget's update that carries the search, from update() to updated() (the pass
 *     over the entries and the Lit render; the page wraps both methods);
 *   · keystroke → results painted: from the keydown's timeStamp to requestAnimationFrame + a task after that
 *     update (the same frame as "keystroke → paint" when the search runs in the keystroke's own task);
 *   · longest task: PerformanceObserver 'longtask' over the whole visit (load, render, idle warm-up,
 *     keystrokes); "<50" when no task reached 50 ms; and again over the repeat visit (the saved copy, then
 *     the network answer), up to 0.5 s after the network answer reached the widget;
 *   · JS heap after render: CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage().usedSize.
 * - all four widgets on one page, one feed URL (page-wide meta default, loading="eager"): requests for the
 *   feed counted by the server (must be 1); cumulative layout shift from PerformanceObserver 'layout-shift'
 *   (skeletons first, 1 s after the last widget rendered); time from the script tag to all four rendered.
 * - layout shift (bench/pages.mjs shiftPage): one widget per page in a 720 px column with a paragraph after it,
 *   the feed answering after 300 ms, at 1280 × 900 and 390 × 844; cumulative layout shift split into the
 *   script's arrival (before the widget's first content) and skeleton → content (after it).
 * - countdown in a hidden tab: setTimeout / setInterval / requestAnimationFrame / requestIdleCallback
 *   wrapped before the bundle loads; after the first render the page is hidden, for real (a background
 *   tab: another tab of its window is brought to the front, and headless Chromium then reports it hidden)
 *   and by overriding document.hidden / visibilityState and dispatching visibilitychange (as the tests do),
 *   then the callbacks that ran in S seconds (default 60, real time) are counted; control pages stay
 *   visible. All 3 × N pages run at the same time (and beside the mount/unmount scenario, which measures
 *   memory, not time), so this costs S seconds once.
 * - carousel: our <cities-quote-carousel> vs Swiper Element (swiper-element-bundle.min.js, the file Swiper's
 *   docs give for a script tag) and Shoelace's <sl-carousel> (its CDN build: carousel + carousel-item +
 *   light theme), showing the same 8 quotes. The other two pages fetch the same feed and build the slides
 *   with DOM calls. Bytes: gzip (level 9) of every script and stylesheet the page loaded (not the feed or
 *   the HTML). Time: from the script tag to the first frame in which the component is upgraded (and, for
 *   Swiper, initialized) and the first quote has a box: polled on requestAnimationFrame for all three; once
 *   with the feed answering at once and once with it answering after 100 ms (NETWORK_MS), as over a network.
 * - mount/unmount: 1,000 cycles of creating the four widgets (eager, same feed, so after the first the
 *   result comes from the loader's memory and the localStorage copy), waiting for each to render, and
 *   removing them. Heap (after GC) before, half-way and after (growth in the second half tells a leak from
 *   caches warming up; the page records nothing per cycle itself), timers and idle callbacks still pending, listeners on
 *   document and window (CDP DOMDebugger.getEventListeners), and widget instances still alive (CDP
 *   Runtime.queryObjects on the base class prototype).
 *
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import { buildBundles } from '../scripts/size.mjs';
import { writeSection } from './breakdown.mjs';
import { imageSvg, makeFeed } from './feeds.mjs';
import * as pages from './pages.mjs';
import { chromiumBaseArgs, chromiumPath } from '../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(opt('--runs', 5)));
const HIDDEN_SECONDS = Math.max(1, Number(opt('--hidden-seconds', 60)));
const SIZES = opt('--sizes', '10,100,1000,5000').split(',').map(Number);
/** The carousel pages' second measurement: the feed answers after this long, as over a real network. */
const NETWORK_MS = 100;
const ONLY = opt('--only', 'feed,all,shift,countdown,carousel,mount').split(',');
const CYCLES = Number(opt('--cycles', 1000));
const IDLE_SECONDS = Math.max(5, Number(opt('--idle-seconds', 30)));
const ALL_INITIATIVES = Number(opt('--all-initiatives', 100));
const WRITE = argv.includes('--write');
const started = Date.now();
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...a);

// ---- stats and formatting ------------------------------------------------------------------------

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const spread = (xs, digits = 1, unit = '') => {
  const v = xs.filter((x) => Number.isFinite(x));
  if (!v.length) return 'n/a';
  if (v.length === 1) return `${fmt(v[0], digits)}${unit}`;
  return `${fmt(median(v), digits)}${unit} (${fmt(Math.min(...v), digits)}–${fmt(Math.max(...v), digits)})`;
};
/** Like spread, for observers that report only entries at or above `floor` (0 = none: shown as "<floor"). */
const spreadFloor = (xs, floor) => {
  const show = (x) => (x === 0 ? `<${floor}` : fmt(x, 0));
  const v = xs.filter((x) => Number.isFinite(x));
  if (!v.length) return 'n/a';
  return v.length === 1 ? show(v[0]) : `${show(median(v))} (${show(Math.min(...v))}–${show(Math.max(...v))})`;
};
const mb = (bytes) => bytes / 1024 / 1024;
const kb = (bytes) => bytes / 1024;

// ---- build ---------------------------------------------------------------------------------------

async function build() {
  const dir = mkdtempSync(path.join(tmpdir(), 'cities-bench-'));
  log('building page bundles (rollup -c, OUT_DIR) …');
  buildBundles(path.join(dir, 'dist'));
  log('bundling src/data/parse.ts for the parse page (esbuild) …');
  await esbuild.build({
    entryPoints: [path.join(root, 'src/data/parse.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2021',
    conditions: ['production'],
    outfile: path.join(dir, 'parse.js'),
    logLevel: 'silent',
  });
  return dir;
}

// ---- server --------------------------------------------------------------------------------------

function startServer(dir) {
  const feeds = new Map(); // path -> body
  const counts = new Map(); // request url (with query) -> count
  const routes = new Map(); // path -> html
  const now = Date.now();
  const feedBody = (name) => {
    if (!feeds.has(name)) {
      let m;
      let feed;
      if ((m = /^init-(\d+)$/.exec(name))) feed = makeFeed({ initiatives: Number(m[1]) });
      else if (name === 'all') feed = makeFeed({ initiatives: ALL_INITIATIVES, quotes: 8, events: 3, news: 20, now });
      else if (name === 'quotes') feed = makeFeed({ quotes: 8 });
      else if (name === 'events') feed = makeFeed({ events: 3, now });
      else if (name === 'mount') feed = makeFeed({ initiatives: 10, quotes: 8, events: 3, news: 20, now });
      else if (name === 'idle') {
        // A live portal's feed: news and initiatives from 5 minutes to 6 days old (relative dates).
        feed = makeFeed({ initiatives: 24, quotes: 8, events: 3, news: 20, now });
        const ago = (i) => new Date(now - 300_000 - i * 25_000_000).toISOString();
        feed.news.forEach((item, i) => (item.published = ago(i)));
        feed.initiatives.forEach((item, i) => (item.published = ago(i)));
      }
      else return undefined;
      feeds.set(name, Buffer.from(JSON.stringify(feed)));
    }
    return feeds.get(name);
  };
  const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.html': 'text/html' };
  const statics = [
    ['/dist/', path.join(dir, 'dist')],
    ['/swiper/', path.join(root, 'node_modules/swiper')],
    ['/shoelace/', path.join(root, 'node_modules/@shoelace-style/shoelace/cdn')],
  ];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
      res.end(body);
    };
    let m;
    if ((m = /^\/feed\/([\w-]+)\.json$/.exec(url.pathname))) {
      counts.set(req.url, (counts.get(req.url) ?? 0) + 1);
      const body = feedBody(m[1]);
      if (!body) return send(404, 'text/plain', 'no such feed');
      // ?delay=MS: answer later, as a real network does (the layout-shift pages: the skeleton is painted first).
      const delay = Number(url.searchParams.get('delay') ?? 0);
      if (delay > 0) return void setTimeout(() => send(200, 'application/json', body, { 'cache-control': 'no-store' }), delay);
      return send(200, 'application/json', body, { 'cache-control': 'no-store' });
    }
    if ((m = /^\/img\/(\d+)\.svg$/.exec(url.pathname))) return send(200, 'image/svg+xml', imageSvg(Number(m[1])), { 'cache-control': 'max-age=3600' });
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (url.pathname === '/parse.js') return send(200, 'text/javascript', readFileSync(path.join(dir, 'parse.js')));
    if (routes.has(url.pathname)) return send(200, 'text/html; charset=utf-8', routes.get(url.pathname), { 'cache-control': 'no-store' });
    for (const [prefix, base] of statics) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = path.join(base, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!file.startsWith(base) || !existsSync(file)) break;
      return send(200, types[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    return send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        server,
        counts,
        feedBytes: (name) => feedBody(name)?.length,
        route: (p, html) => routes.set(p, html),
      });
    });
  });
}

// ---- browser helpers -----------------------------------------------------------------------------

async function launch() {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumBaseArgs,
  });
}

async function newPage(browser, { context } = {}) {
  const ctx = context ?? (await browser.createBrowserContext());
  const page = await ctx.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { ctx, page, errors, ownContext: !context };
}

async function heapAfterGc(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/**
 * Main-thread CPU time: CDP Performance metrics in the 'threadTicks' time domain (the renderer main
 * thread's running time, not wall time), so that the number holds up when other processes share the CPUs.
 * `read()` gives TaskDuration (every task on the main thread: script, style, layout, paint) in ms, counted
 * from the start of the current document (Chromium starts the metrics again on each navigation).
 */
async function cpuMeter(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
  };
}

const waitFor = (page, fn, arg, timeout = 60_000) => page.waitForFunction(fn, { timeout, polling: 50 }, arg);

// ---- scenarios -----------------------------------------------------------------------------------

async function parseRuns(browser, srv, n) {
  const out = [];
  const route = `/page/parse-${n}`;
  srv.route(route, pages.parsePage(`/feed/init-${n}.json`, 3));
  for (let r = 0; r < RUNS; r++) {
    const { ctx, page } = await newPage(browser);
    const cpu = await cpuMeter(page);
    await page.goto(srv.origin + route);
    await waitFor(page, () => window.__warm !== undefined);
    // Main-thread CPU time of the one task that parses and validates (plus the tiny evaluate around it).
    const before = await cpu();
    const first = await page.evaluate(() => window.__first());
    first.cpuMs = (await cpu()) - before;
    first.warm = await page.evaluate(() => window.__warm());
    out.push(first);
    await ctx.close();
  }
  return {
    bytes: out[0].bytes,
    kept: out[0].kept,
    skipped: out[0].skipped,
    json: out.map((o) => o.jsonMs),
    parse: out.map((o) => o.parseMs),
    cpu: out.map((o) => o.cpuMs),
    warm: out.map((o) => median(o.warm)),
  };
}

const FEED_TAG = 'cities-initiative-feed';
/** The word typed after the first keystroke (it is in the generated feeds' topics and texts). */
const TYPED = 'water';

/**
 * One key pressed in the initiative feed's search box: keydown timeStamp → requestAnimationFrame + a task
 * (paint), → the frame after the widget's search update (results), that update's script (update() to
 * updated()), and the Event Timing duration of the interaction (0 when under 16 ms).
 */
async function keystroke(page, ch, { focus = false } = {}) {
  await page.evaluate((tag, focusBox) => {
    window.__key = undefined;
    window.__b.resultsAt = 0;
    window.__b.search = null;
    document.addEventListener(
      'keydown',
      (e) => {
        const start = e.timeStamp;
        window.__b.keyWaiting = tag;
        requestAnimationFrame(() => setTimeout(() => (window.__key = { start, end: performance.now() }), 0));
      },
      { capture: true, once: true },
    );
    if (focusBox) document.querySelector(tag).shadowRoot.querySelector('input[type=search]').focus();
  }, FEED_TAG, focus);
  // Focusing draws a frame (focus ring, caret), and a key pressed at once lands just after it. A visitor types
  // some time after focusing, at no particular point of a frame. (Measured on 8 fresh pages each: the median
  // first keystroke → paint moved 16.3 → 16.0 ms at 5,000 initiatives and 13.5 → 11.2 ms at 100.)
  if (focus) await new Promise((r2) => setTimeout(r2, 150 + Math.random() * 150));
  await page.keyboard.press(ch);
  await waitFor(page, () => window.__key !== undefined && window.__b.resultsAt > 0);
  await new Promise((r2) => setTimeout(r2, 300)); // let the Event Timing entry arrive
  const key = await page.evaluate((tag) => ({
    ...window.__key,
    events: window.__b.events.filter((e) => /^key|input/.test(e.name)),
    long: window.__b.long,
    search: window.__b.search,
    resultsAt: window.__b.resultsAt,
    typed: document.querySelector(tag).shadowRoot.querySelector('input[type=search]').value,
  }), FEED_TAG);
  const ev = key.events.filter((e) => e.start >= key.start - 1);
  return {
    paint: key.end - key.start,
    results: key.resultsAt - key.start,
    script: key.search.end - key.search.start,
    event: ev.length ? Math.max(...ev.map((e) => e.duration)) : 0,
    long: key.long,
    typed: key.typed,
  };
}

async function feedRuns(browser, srv, n) {
  const res = { cold: [], coldCpu: [], cached: [], cachedCpu: [], cachedUsed: [], key: [], keyEvent: [], longest: [], heap: [], errors: [], requests: [],
    render: [], prepare: [], keyScript: [], keyResults: [], longestCached: [], typing: [], typingScript: [] };
  for (let r = 0; r < RUNS; r++) {
    const route = `/page/feed-${n}-${r}`;
    const feedUrl = `/feed/init-${n}.json?run=${r}`;
    srv.route(route, pages.feedPage(feedUrl));
    const { ctx, page, errors } = await newPage(browser);
    const cpu = await cpuMeter(page);
    await page.goto(srv.origin + route);
    await waitFor(page, (tag) => window.__b.painted[tag]?.length > 0, FEED_TAG);
    res.coldCpu.push(await cpu());
    const first = await page.evaluate((tag) => ({ t0: window.__b.t0, painted: window.__b.painted[tag][0] }), FEED_TAG);
    res.cold.push(first.painted - first.t0);
    // Script from "the validated data is there" to the cards committed (feedSummary → first updated()).
    const render = await page.evaluate((tag) => window.__b.rendered[tag][0] - window.__b.dataAt[tag], FEED_TAG);
    res.render.push(render);
    // Before that: the widget's sliced preparation (prepareFeed's first call → the data handed over).
    res.prepare.push(await page.evaluate((tag) => window.__b.dataAt[tag] - window.__b.prepAt[tag], FEED_TAG));
    res.heap.push(await heapAfterGc(page));

    // One keystroke in the search box, 1 s after the render: the first of the visit (cold code).
    await new Promise((r2) => setTimeout(r2, 1000));
    const key = await keystroke(page, 'e', { focus: true });
    if (key.typed !== 'e') errors.push(`the search box holds ${JSON.stringify(key.typed)}, not "e"`);
    res.key.push(key.paint);
    res.keyResults.push(key.results);
    res.keyScript.push(key.script);
    res.keyEvent.push(key.event);
    // Typing on: the box emptied, then a word a key at a time, every key a search over the whole feed. The wait
    // between keys varies (as a visitor's does), so that the keys do not all land at the same point of a frame.
    await page.evaluate((tag) => {
      const input = document.querySelector(tag).shadowRoot.querySelector('input[type=search]');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }, FEED_TAG);
    for (const [i, ch] of [...TYPED].entries()) {
      await new Promise((r2) => setTimeout(r2, 150 + Math.random() * 150));
      const k = await keystroke(page, ch);
      if (k.typed !== TYPED.slice(0, i + 1)) errors.push(`the search box holds ${JSON.stringify(k.typed)}, not "${TYPED.slice(0, i + 1)}"`);
      res.typing.push(k.paint);
      res.typingScript.push(k.script);
    }
    const long = await page.evaluate(() => window.__b.long);
    res.longest.push(long.length ? Math.max(...long) : 0);

    // Cached: the same page again, same context (localStorage holds the copy written by the first visit).
    await page.goto(srv.origin + route);
    await waitFor(page, (tag) => window.__b.painted[tag]?.length > 0, FEED_TAG);
    res.cachedCpu.push(await cpu());
    const second = await page.evaluate((tag) => ({ t0: window.__b.t0, painted: window.__b.painted[tag][0], fromCache: window.__b.fromCache[tag][0] }), FEED_TAG);
    res.cached.push(second.painted - second.t0);
    res.cachedUsed.push(second.fromCache);
    // Long tasks of the repeat visit, up to the copy's render and the network answer after it.
    await waitFor(page, (tag) => window.__b.dataAt[tag] !== undefined, FEED_TAG);
    await new Promise((r2) => setTimeout(r2, 500));
    const longCached = await page.evaluate(() => window.__b.long);
    res.longestCached.push(longCached.length ? Math.max(...longCached) : 0);
    res.requests.push(srv.counts.get(feedUrl) ?? 0);
    res.errors.push(...errors);
    await ctx.close();
  }
  return res;
}

/**
 * Script after the data arrives, read strictly: the main thread's JavaScript from prepareFeed's first call to
 * the first update() with cards committed (the probe marks both), from a Chromium trace of a fresh visit of its
 * own (tracing slows a page a little, so the timed visits above are not traced). Counted: the outermost
 * script events (v8.callFunction, FunctionCall, RunMicrotasks, EvaluateScript, microtask checkpoints), with
 * the garbage collection that runs inside them; not the browser's style, layout and paint between the slices.
 */
const SCRIPT_EVENTS = /^(v8\.callFunction|FunctionCall|RunMicrotasks|v8\.run|EvaluateScript|BlinkScheduler_PerformMicrotaskCheckpoint)$/;
async function afterDataScript(browser, srv, n) {
  const res = { script: [], prepare: [], render: [] };
  for (let r = 0; r < RUNS; r++) {
    const route = `/page/feed-trace-${n}-${r}`;
    srv.route(route, pages.feedPage(`/feed/init-${n}.json?trace=${r}`));
    const { ctx, page } = await newPage(browser);
    await page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8'] });
    await page.goto(srv.origin + route);
    await waitFor(page, (tag) => window.__b.painted[tag]?.length > 0, FEED_TAG);
    const trace = JSON.parse(new TextDecoder().decode(await page.tracing.stop()));
    const events = trace.traceEvents ?? trace;
    const mark = (name) => events.find((e) => e.name === `${name}:${FEED_TAG}`);
    const data = events.find((e) => e.name === 'bench:data:' + FEED_TAG);
    const [from, to] = [mark('bench:prepare'), mark('bench:rendered')];
    if (!from || !to || !data) throw new Error('after-data trace: the probe marks are missing');
    const top = [];
    let end = -1;
    for (const e of events
      .filter((e) => e.ph === 'X' && e.pid === from.pid && e.tid === from.tid && SCRIPT_EVENTS.test(e.name))
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      if (e.ts >= end) {
        top.push(e);
        end = e.ts + e.dur;
      }
    }
    const js = (a, b) => top.reduce((sum, e) => sum + Math.max(0, Math.min(e.ts + e.dur, b) - Math.max(e.ts, a)), 0) / 1000;
    res.script.push(js(from.ts, to.ts));
    res.prepare.push(js(from.ts, data.ts));
    res.render.push(js(data.ts, to.ts));
    await ctx.close();
  }
  return res;
}

async function allFourRuns(browser, srv) {
  const res = { requests: [], cls: [], shifts: [], moved: [], all: [], allCpu: [], allCommitted: [], repeat: [], repeatCpu: [], repeatFromCache: [], errors: [] };
  const tags = Object.keys(pages.CONTENT);
  for (let r = 0; r < RUNS; r++) {
    const route = `/page/all-${r}`;
    const feedUrl = `/feed/all.json?run=${r}`;
    srv.route(route, pages.allFourPage(feedUrl));
    const { ctx, page, errors } = await newPage(browser);
    const cpu = await cpuMeter(page);
    await page.goto(srv.origin + route);
    await waitFor(page, (t) => t.every((tag) => window.__b.painted[tag]?.length > 0), tags);
    res.allCpu.push(await cpu());
    await new Promise((r2) => setTimeout(r2, 1000));
    const b = await page.evaluate((t) => ({
      t0: window.__b.t0,
      painted: t.map((tag) => window.__b.painted[tag][0]),
      rendered: t.map((tag) => window.__b.rendered[tag][0]),
      cls: window.__b.cls,
      shifts: window.__b.shifts,
      moved: window.__b.moved,
    }), tags);
    res.moved.push(b.moved);
    res.all.push(Math.max(...b.painted) - b.t0);
    res.allCommitted.push(Math.max(...b.rendered) - b.t0);
    res.cls.push(b.cls);
    res.shifts.push(b.shifts);
    res.requests.push(srv.counts.get(feedUrl) ?? 0);
    // Repeat visit, same context: every widget starts from the localStorage copy.
    await page.goto(srv.origin + route);
    await waitFor(page, (t) => t.every((tag) => window.__b.painted[tag]?.length > 0), tags);
    res.repeatCpu.push(await cpu());
    const again = await page.evaluate((t) => ({
      t0: window.__b.t0,
      painted: t.map((tag) => window.__b.painted[tag][0]),
      fromCache: t.map((tag) => window.__b.fromCache[tag][0]),
    }), tags);
    res.repeat.push(Math.max(...again.painted) - again.t0);
    res.repeatFromCache.push(again.fromCache.filter(Boolean).length);
    res.errors.push(...errors);
    await ctx.close();
  }
  return res;
}

/** The widgets of the layout-shift pages (bench/pages.mjs shiftPage), and the viewports they are measured in. */
const SHIFT_WIDGETS = [
  ['cities-initiative-feed', ''],
  ['cities-initiative-feed', 'layout="compact"'],
  ['cities-event-countdown', ''],
  ['cities-quote-carousel', ''],
  // With the reservation README "Embed" suggests (the skeleton's height in a 720 px column).
  ['cities-quote-carousel', '', 'cities-quote-carousel:not(:defined) { display: block; min-block-size: 430px; }'],
  // With the script render-blocking (blocking="render", Chromium 105+; other browsers ignore it).
  ['cities-quote-carousel', '', '', 'blocking="render"'],
  ['cities-news-list', ''],
];
const SHIFT_VIEWPORTS = [
  [1280, 900],
  [390, 844],
];
const SHIFT_DELAY = 300;

/**
 * Layout shift while one widget loads, with text after it and the feed answering after SHIFT_DELAY ms: each
 * shift is put down to the script's arrival (before the first content: the element upgrading from an
 * unknown, empty element to its skeleton) or to the content (the skeleton replaced by the loaded layout).
 */
async function shiftRuns(browser, srv) {
  const res = [];
  for (const [tag, attrs, css = '', scriptAttrs = ''] of SHIFT_WIDGETS) {
    for (const [width, height] of SHIFT_VIEWPORTS) {
      const row = { tag, attrs, css, scriptAttrs, width, cls: [], upgrade: [], content: [], firstPaint: [], skeletonSeen: 0, errors: [] };
      for (let r = 0; r < RUNS; r++) {
        const route = `/page/shift-${res.length}-${r}`;
        srv.route(route, pages.shiftPage(`/feed/all.json?delay=${SHIFT_DELAY}&shift=${res.length}-${r}`, tag, attrs, css, scriptAttrs));
        const { ctx, page, errors } = await newPage(browser);
        await page.setViewport({ width, height });
        await page.goto(srv.origin + route);
        await waitFor(page, (t) => window.__b.painted[t]?.length > 0, tag);
        // A skeleton painted before the content (the delay makes sure of it; checked, not assumed).
        row.skeletonSeen += (await page.evaluate((t) => window.__b.rendered[t][0] - window.__b.t0, tag)) > SHIFT_DELAY ? 1 : 0;
        await new Promise((r2) => setTimeout(r2, 1000));
        const b = await page.evaluate((t) => ({
          list: window.__b.shiftList,
          rendered: window.__b.rendered[t][0],
          firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        }), tag);
        row.firstPaint.push(b.firstPaint);
        const sum = (list) => list.reduce((a, [, v]) => a + v, 0);
        row.cls.push(sum(b.list));
        row.upgrade.push(sum(b.list.filter(([at]) => at < b.rendered)));
        row.content.push(sum(b.list.filter(([at]) => at >= b.rendered)));
        row.errors.push(...errors);
        await ctx.close();
      }
      res.push(row);
    }
  }
  return res;
}

async function countdownRuns(browser, srv) {
  // Three kinds of page, RUNS of each, all running at the same time:
  // - "hidden": background tabs of one browser window (a blank tab is brought to the front), so Chromium
  //   itself reports them hidden, fires visibilitychange and applies its own background-tab throttling;
  // - "override": the page stays visible to Chromium, document.hidden / visibilityState are overridden and
  //   visibilitychange is dispatched (as the tests do): only our code's reaction counts;
  // - "visible": a control, each in its own window.
  const countdownText = () =>
    document.querySelector('cities-event-countdown')?.shadowRoot?.querySelector('.countdown')?.textContent ?? '';
  const waitRendered = async (page) => {
    // Polled from Node: a waitForFunction would add timers to the page being counted.
    for (let t = 0; t < 600; t++) {
      if (await page.evaluate(() => window.__b.painted['cities-event-countdown']?.length > 0)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the countdown did not render');
  };
  const open = async (kind, i, context) => {
    const route = `/page/countdown-${kind}-${i}`;
    srv.route(route, pages.countdownPage(`/feed/events.json?page=${kind}${i}`));
    const p = await newPage(browser, context ? { context } : {});
    await p.page.bringToFront();
    await p.page.goto(srv.origin + route);
    await waitRendered(p.page);
    return { ...p, kind };
  };
  const hiddenContext = await browser.createBrowserContext();
  const all = [];
  for (let i = 0; i < RUNS; i++) all.push(await open('hidden', i, hiddenContext));
  const front = await hiddenContext.newPage();
  await front.bringToFront();
  for (let i = 0; i < RUNS; i++) all.push(await open('override', i), await open('visible', i));
  await new Promise((r) => setTimeout(r, 300));
  const states = await Promise.all(all.map(({ page }) => page.evaluate(() => document.visibilityState)));
  const before = await Promise.all(
    all.map(({ page, kind }) =>
      page.evaluate((k) => {
        if (k === 'override') {
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
          document.dispatchEvent(new Event('visibilitychange'));
        }
        return window.__timers.snapshot();
      }, kind),
    ),
  );
  await new Promise((r) => setTimeout(r, HIDDEN_SECONDS * 1000));
  const after = await Promise.all(all.map(({ page }) => page.evaluate(() => window.__timers.snapshot())));
  // Back to visible: the countdown must show the right time at once.
  const resumed = [];
  for (const { page, kind } of all) {
    if (kind === 'visible') {
      resumed.push(undefined);
      continue;
    }
    const text = await page.evaluate(countdownText);
    if (kind === 'hidden') await page.bringToFront();
    else {
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
    }
    await new Promise((r) => setTimeout(r, 150));
    resumed.push((await page.evaluate(countdownText)) !== text);
  }
  const res = { errors: [] };
  for (const k of ['hidden', 'override', 'visible']) res[k] = { callbacks: [], pending: [], resumed: [], state: [] };
  all.forEach(({ kind, errors }, i) => {
    const r = res[kind];
    r.callbacks.push(after[i].fired - before[i].fired + (after[i].rafFired - before[i].rafFired) + (after[i].idleFired - before[i].idleFired));
    r.pending.push(after[i].active);
    r.resumed.push(resumed[i]);
    r.state.push(states[i]);
    res.errors.push(...errors);
  });
  await Promise.all(all.filter((p) => p.ownContext).map(({ ctx }) => ctx.close()));
  await hiddenContext.close();
  return res;
}

/**
 * A page left open: main-thread work while nothing happens on it, from CDP Performance metrics over
 * IDLE_SECONDS of real time, 2 s after every widget painted (TaskDuration in the 'threadTicks' domain, style
 * recalculations and layouts), per minute. Pages: the four widgets in view; the same page scrolled 5,000 px past
 * them; one autoplaying carousel; one countdown showing seconds.
 */
async function idleRuns(browser, srv) {
  const cases = [
    ['all four widgets in view', {}, false],
    ['the same page, scrolled 5,000 px past them', {}, true],
    ['one autoplaying carousel in view', { only: 'cities-quote-carousel' }, false],
    ['one countdown showing seconds in view', { only: 'cities-event-countdown' }, false],
  ];
  const res = cases.map(([label]) => ({ label, task: [], style: [], layout: [], errors: [] }));
  const perMinute = 60 / IDLE_SECONDS;
  for (let r = 0; r < RUNS; r++) {
    for (const [i, [, options, past]] of cases.entries()) {
      const route = `/page/idle-${i}-${r}`;
      srv.route(route, pages.idlePage(`/feed/idle.json?case=${i}&run=${r}`, options));
      const { ctx, page, errors } = await newPage(browser);
      await page.setViewport({ width: 1280, height: 1600 });
      await page.goto(srv.origin + route);
      const tags = options.only ? [options.only] : Object.keys(pages.CONTENT);
      await waitFor(page, (t) => t.every((tag) => window.__b.painted[tag]?.length > 0), tags);
      if (past) await page.evaluate(() => document.getElementById('end').scrollIntoView());
      await new Promise((done) => setTimeout(done, 2000));
      const cdp = await page.createCDPSession();
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const before = await read();
      await new Promise((done) => setTimeout(done, IDLE_SECONDS * 1000));
      const after = await read();
      res[i].task.push((after.TaskDuration - before.TaskDuration) * 1000 * perMinute);
      res[i].style.push((after.RecalcStyleCount - before.RecalcStyleCount) * perMinute);
      res[i].layout.push((after.LayoutCount - before.LayoutCount) * perMinute);
      res[i].errors.push(...errors);
      await ctx.close();
    }
  }
  return res;
}

async function carouselRuns(browser, srv) {
  const kinds = {
    ours: { page: pages.ourCarouselPage, ready: 'ours' },
    swiper: { page: pages.swiperPage, ready: 'swiper' },
    shoelace: { page: pages.shoelacePage, ready: 'shoelace' },
  };
  const res = Object.fromEntries(Object.keys(kinds).map((k) => [k, { time: [], timeNet: [], gzip: 0, raw: 0, files: 0, errors: [] }]));
  // Each run loads every page twice: the feed answering at once (localhost), and after NETWORK_MS, as over a
  // real network (the same wait for the three; ours sets Intl up while it waits, the others need no Intl).
  const visits = [];
  for (let r = 0; r < RUNS; r++) for (const delay of [0, NETWORK_MS]) for (const kind of Object.keys(kinds)) visits.push({ r, delay, kind });
  for (const { r, delay, kind } of visits) {
    const def = kinds[kind];
    const route = `/page/carousel-${kind}-${r}-${delay}`;
    srv.route(route, def.page(`/feed/quotes.json?kind=${kind}&run=${r}${delay ? `&delay=${delay}` : ''}`));
    const { ctx, page, errors } = await newPage(browser);
    const assets = [];
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      try {
        const body = await response.buffer();
        assets.push({ url: response.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
      } catch {
        /* no body */
      }
    });
    // rAF polling, the same for the three, installed before anything loads.
    await page.evaluateOnNewDocument((k) => {
      const visible = (el) => {
        const r = el?.getBoundingClientRect();
        return !!r && r.width > 0 && r.height > 0;
      };
      const ready = {
        ours: () => {
          const el = document.querySelector('cities-quote-carousel');
          return visible(el?.shadowRoot?.querySelector('blockquote'));
        },
        swiper: () => {
          const el = document.querySelector('swiper-container');
          return !!el?.swiper?.initialized && visible(el.querySelector('swiper-slide blockquote'));
        },
        shoelace: () => {
          const el = document.querySelector('sl-carousel');
          return !!el?.hasUpdated && !!customElements.get('sl-carousel-item') && visible(el.querySelector('sl-carousel-item blockquote'));
        },
      }[k];
      const poll = () => {
        if (ready()) window.__carousel = performance.now();
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }, def.ready);
    await page.goto(srv.origin + route);
    await waitFor(page, () => window.__carousel !== undefined);
    const t = await page.evaluate(() => window.__carousel - window.__b.t0);
    await new Promise((r2) => setTimeout(r2, 200));
    res[kind][delay ? 'timeNet' : 'time'].push(t);
    res[kind].gzip = assets.reduce((s, a) => s + a.gzip, 0);
    res[kind].raw = assets.reduce((s, a) => s + a.raw, 0);
    res[kind].files = assets.length;
    res[kind].errors.push(...errors);
    await ctx.close();
  }
  return res;
}

async function mountRuns(browser, srv) {
  const res = { heapBefore: [], heapHalf: [], heapAfter: [], timersBefore: [], timersAfter: [], idleAfter: [], rafAfter: [], listenersBefore: [], listenersAfter: [], alive: [], ms: [], errors: [] };
  for (let r = 0; r < RUNS; r++) {
    const route = `/page/mount-${r}`;
    srv.route(route, pages.mountPage(`/feed/mount.json?run=${r}`));
    const { ctx, page, errors } = await newPage(browser);
    await page.goto(srv.origin + route);
    await waitFor(page, () => window.__ready === true);
    await page.evaluate(() => window.__cycle(10)); // warm-up: feed fetched, localStorage copy written
    await new Promise((r2) => setTimeout(r2, 200));
    const cdp = await page.createCDPSession();
    const listeners = async () => {
      let total = 0;
      for (const expr of ['document', 'window']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
        const { listeners: l } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        total += l.length;
      }
      return total;
    };
    const alive = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { result: proto } = await cdp.send('Runtime.evaluate', {
        expression: "Object.getPrototypeOf(customElements.get('cities-news-list').prototype)",
      });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        // queryObjects also returns the four widget classes' prototypes (their chain holds the base's).
        functionDeclaration: "function () { return this.filter((o) => !Object.prototype.hasOwnProperty.call(o, 'constructor')).length; }",
        returnByValue: true,
      });
      return result.value;
    };
    await cdp.send('HeapProfiler.enable');
    res.listenersBefore.push(await listeners());
    res.heapBefore.push(await heapAfterGc(page));
    const tb = await page.evaluate(() => window.__timers.snapshot());
    res.timersBefore.push(tb.active);
    const t = Date.now();
    await page.evaluate((n) => window.__cycle(n), Math.floor(CYCLES / 2));
    const elapsed = Date.now() - t;
    const half = await heapAfterGc(page);
    const t2 = Date.now();
    await page.evaluate((n) => window.__cycle(n), CYCLES - Math.floor(CYCLES / 2));
    res.ms.push((elapsed + Date.now() - t2) / CYCLES);
    await new Promise((r2) => setTimeout(r2, 500)); // let idle callbacks and settle timers run out
    const ta = await page.evaluate(() => window.__timers.snapshot());
    res.timersAfter.push(ta.active);
    res.idleAfter.push(ta.pendingIdle);
    res.rafAfter.push(ta.pendingRaf);
    res.listenersAfter.push(await listeners());
    res.heapAfter.push(await heapAfterGc(page));
    res.heapHalf.push(half);
    res.alive.push(await alive());
    res.errors.push(...errors);
    await cdp.detach();
    await ctx.close();
  }
  return res;
}

// ---- report --------------------------------------------------------------------------------------

function report(meta, results) {
  const lines = [];
  const L = (s = '') => lines.push(s);
  L(`Run ${meta.date} · ${meta.chromium} · ${meta.cpus} × ${meta.cpuModel} · ${meta.memory} GB RAM · Node ${process.version}`);
  L(`load average at start ${meta.loadStart}, at end ${meta.loadEnd} (other work on the machine skews times) · ${RUNS} runs each · median (min–max)`);
  L(`command: npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`);

  if (results.feed) {
    L();
    L('### Initiative feed, by feed size');
    L();
    L('| initiatives | feed JSON | JSON.parse ms | parseFeed ms (cold) | parseFeed ms (warm) | first render ms, cold | main-thread CPU ms, cold | first render ms, cached copy | main-thread CPU ms, cached | keystroke → paint ms | keystroke → results painted ms | Event Timing ms | longest task ms | JS heap after render MB |');
    L('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [n, r] of results.feed) {
      const p = r.parse;
      const f = r.feed;
      const used = f.cachedUsed.filter(Boolean).length;
      const cached = used === f.cachedUsed.length ? spread(f.cached, 0) : `${spread(f.cached, 0)} ⚠ copy used ${used}/${f.cachedUsed.length}`;
      const longest = spreadFloor(f.longest, 50);
      const ev = spreadFloor(f.keyEvent, 16);
      L(`| ${n.toLocaleString('en-US')} | ${fmt(kb(p.bytes), 0)} KB | ${spread(p.json)} | ${spread(p.parse)} | ${spread(p.warm)} | ${spread(f.cold, 0)} | ${spread(f.coldCpu, 0)} | ${cached} | ${spread(f.cachedCpu, 0)} | ${spread(f.key, 0)} | ${spread(f.keyResults, 0)} | ${ev} | ${longest} | ${spread(f.heap.map(mb))} |`);
    }
    L();
    L(`The issue's targets (#3) for the same runs: parse + validate = JSON.parse + parseFeed, first call of the page (wall time, and the main thread's CPU time of that task, which a busy machine disturbs less); preparation = the widget's work between the validated data and the render, in slices of about 8 ms with the page's tasks in between (formatters, card templates, the index, the attribute filters and the selects' counts; the first page's newest entries are picked out in the render; wall time from prepareFeed's first call to the data handed over); render script = from there to the first page of cards committed (the visitor's filters over the index and the Lit render of one page); after the data = the same interval as preparation + render, but only the main thread's JavaScript in it (and the garbage collection inside), from a Chromium trace of ${RUNS} more visits (not the timed ones), with the medians of its two parts in brackets: the issue's "first render ≤ 16 ms of script after the data arrives" read strictly; keystroke script = the widget's update for the search (the pass over the entries and the Lit render: update() to updated()); first keystroke → paint = the visit's first key, to the next frame after the keydown; keystroke → results painted = to the frame after that update (the same frame when the search runs in the keystroke's own task); typing on = the box emptied, then "${TYPED}" typed a key at a time, 150–300 ms apart (${TYPED.length} keys × ${RUNS} runs; every key a search over the whole feed).`);
    L();
    L('| initiatives | parse + validate ms (≤ 50) | parse + validate CPU ms | preparation ms, sliced (wall) | render script ms (≤ 16) | after the data: script ms, traced (prep + render; ≤ 16 read strictly) | first keystroke: script ms | first keystroke → paint ms (≤ 16) | first keystroke → results painted ms | typing on: script ms | typing on: keystroke → paint ms (≤ 16) | longest task ms, first visit (≤ 50) | longest task ms, repeat visit (≤ 50) |');
    L('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [n, r] of results.feed) {
      const p = r.parse;
      const f = r.feed;
      const total = p.json.map((j, i) => j + p.parse[i]);
      const mark = (values, limit) => (median(values) <= limit ? ' ✓' : ' ✗');
      L(`| ${n.toLocaleString('en-US')} | ${spread(total)}${mark(total, 50)} | ${spread(p.cpu)} | ${spread(f.prepare)} | ${spread(f.render)}${mark(f.render, 16)} | ${spread(r.after.script)} (${fmt(median(r.after.prepare))} + ${fmt(median(r.after.render))})${mark(r.after.script, 16)} | ${spread(f.keyScript)} | ${spread(f.key, 0)}${mark(f.key, 16)} | ${spread(f.keyResults, 0)} | ${spread(f.typingScript)} | ${spread(f.typing, 0)}${mark(f.typing, 16)} | ${spreadFloor(f.longest, 50)}${mark(f.longest, 50)} | ${spreadFloor(f.longestCached, 50)}${mark(f.longestCached, 50)} |`);
    }
    L();
    const kept = [...results.feed].map(([n, r]) => `${n}: ${r.parse.kept} kept / ${r.parse.skipped} skipped`).join('; ');
    L(`Items after validation: ${kept}. Feed requests per visit pair (cold + cached reload): ${[...results.feed].map(([n, r]) => `${n}: ${[...new Set(r.feed.requests)].join('/')}`).join('; ')}.`);
  }

  if (results.all) {
    const a = results.all;
    L();
    L(`### All four widgets on one page, one feed URL (${ALL_INITIATIVES.toLocaleString('en-US')} initiatives, 8 quotes, 3 events, 20 news)`);
    L();
    L('| feed requests (server) | cumulative layout shift | layout shifts | script tag → all four rendered (DOM) ms | → all four painted ms | main-thread CPU ms | repeat visit (localStorage copy) → all four painted ms | main-thread CPU ms, repeat |');
    L('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const fromCache = a.repeatFromCache.every((x) => x === 4) ? '' : ` ⚠ from the copy: ${a.repeatFromCache.join('/')} of 4`;
    L(`| ${[...new Set(a.requests)].join(', ')} ${a.requests.every((x) => x === 1) ? '✓' : '✗ (must be 1)'} | ${spread(a.cls, 3)} | ${spread(a.shifts, 0)} | ${spread(a.allCommitted, 0)} | ${spread(a.all, 0)} | ${spread(a.allCpu, 0)} | ${spread(a.repeat, 0)}${fromCache} | ${spread(a.repeatCpu, 0)} |`);
    const moved = {};
    for (const m of a.moved) for (const [k, v] of Object.entries(m)) (moved[k] ??= []).push(v);
    L();
    L(Object.keys(moved).length
      ? `Elements that moved (light DOM; score of the shifts it took part in, median of the runs where it moved): ${Object.entries(moved).map(([k, v]) => `<${k}> ${fmt(median(v), 3)} (${v.length}/${a.moved.length} runs)`).join(', ')}.`
      : 'No light-DOM element moved.');
  }

  if (results.shift) {
    L();
    L(`### Layout shift while one widget loads, text after it, the feed answering after ${SHIFT_DELAY} ms`);
    L();
    L('| widget | viewport | cumulative layout shift | of it: the script arrives (empty element → skeleton) | of it: skeleton → content | skeleton painted first | first contentful paint ms |');
    L('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results.shift) {
      const how = r.css ? ' with the page\'s `:not(:defined)` reservation (430 px)' : r.scriptAttrs ? ` with \`${r.scriptAttrs}\` on the script` : '';
      L(`| \`<${r.tag}${r.attrs ? ' ' + r.attrs : ''}>\`${how} | ${r.width} × ${SHIFT_VIEWPORTS.find(([w]) => w === r.width)[1]} | ${spread(r.cls, 3)} | ${spread(r.upgrade, 3)} | ${spread(r.content, 3)} | ${r.skeletonSeen}/${r.cls.length} | ${spread(r.firstPaint, 0)} |`);
    }
  }

  if (results.countdown) {
    const c = results.countdown;
    L();
    L(`### Countdown (showing seconds): timer callbacks in ${HIDDEN_SECONDS} s of real time`);
    L();
    L('| page | visibilityState (as Chromium reports it) | callbacks run (setTimeout + setInterval + rAF + idle) | timers pending at the end | right time at once on return |');
    L('| --- | --- | ---: | ---: | ---: |');
    const rows = {
      hidden: 'hidden tab (a background tab: Chromium hides it)',
      override: 'hidden by override (document.hidden + visibilitychange)',
      visible: 'visible (control)',
    };
    for (const [k, label] of Object.entries(rows)) {
      const r = c[k];
      const back = k === 'visible' ? '–' : `${r.resumed.filter(Boolean).length}/${r.resumed.length}`;
      L(`| ${label} | ${[...new Set(r.state)].join(', ')} | ${spread(r.callbacks, 0)} | ${spread(r.pending, 0)} | ${back} |`);
    }
  }

  if (results.idle) {
    L();
    L(`### A page left open: main-thread work per minute, measured over ${IDLE_SECONDS} s, 2 s after every widget painted`);
    L();
    L('| page | main-thread CPU ms / min (TaskDuration) | style recalculations / min | layouts / min |');
    L('| --- | ---: | ---: | ---: |');
    for (const x of results.idle) L(`| ${x.label} | ${spread(x.task, 0)} | ${spread(x.style, 0)} | ${spread(x.layout, 0)} |`);
  }

  if (results.carousel) {
    const c = results.carousel;
    const ours = c.ours;
    L();
    L('### Carousel, 8 quotes: ours vs Swiper Element vs Shoelace');
    L();
    L(`| carousel | files loaded (JS + CSS) | raw KB | gzip KB | × ours (gzip) | first render ms | × ours (time) | first render ms, feed after ${NETWORK_MS} ms | × ours (time) |`);
    L('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const names = { ours: '`<cities-quote-carousel>` (quote-carousel.js)', swiper: 'Swiper Element 14 (swiper-element-bundle.min.js)', shoelace: 'Shoelace 2 `<sl-carousel>` (CDN build + light theme)' };
    for (const k of ['ours', 'swiper', 'shoelace']) {
      const x = c[k];
      L(`| ${names[k]} | ${x.files} | ${fmt(kb(x.raw))} | ${fmt(kb(x.gzip))} | ${fmt(x.gzip / ours.gzip, 2)} | ${spread(x.time, 0)} | ${fmt(median(x.time) / median(ours.time), 2)} | ${spread(x.timeNet, 0)} | ${fmt(median(x.timeNet) / median(ours.timeNet), 2)} |`);
    }
  }

  if (results.mount) {
    const m = results.mount;
    L();
    L(`### ${CYCLES.toLocaleString('en-US')} mount/unmount cycles of the four widgets`);
    L();
    L('| JS heap before MB | after MB | growth KB | of which in the 2nd half KB | ms per cycle | timers pending before → after | idle / rAF callbacks pending after | document + window listeners before → after | widget instances alive after GC |');
    L('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const growth = m.heapAfter.map((a, i) => kb(a - m.heapBefore[i]));
    L(`| ${spread(m.heapBefore.map(mb), 2)} | ${spread(m.heapAfter.map(mb), 2)} | ${spread(growth, 0)} | ${spread(m.heapAfter.map((a, i) => kb(a - m.heapHalf[i])), 0)} | ${spread(m.ms, 2)} | ${spread(m.timersBefore, 0)} → ${spread(m.timersAfter, 0)} | ${spread(m.idleAfter, 0)} / ${spread(m.rafAfter, 0)} | ${spread(m.listenersBefore, 0)} → ${spread(m.listenersAfter, 0)} | ${spread(m.alive, 0)} |`);
  }

  L();
  L('How (details in the header of bench/run.mjs):');
  L('- Times are wall-clock from an inline script placed just before the bundle\'s <script> tag to the frame after the first update with real content (requestAnimationFrame, then a task); "main-thread CPU" is the renderer main thread\'s running time from the start of the document to that frame (CDP Performance TaskDuration, threadTicks), which holds up better than wall time on a busy machine.');
  L('- parseFeed: src/data/parse.ts bundled alone (the same compiled schema checks as the page bundles), timed in the page; cold = first call of the page, warm = median of 3 more; CPU = the main thread\'s running time of the task with the first call (CDP threadTicks).');
  L(`- Keystroke: one character typed 1 s after the render (the first key of the visit; the box focused 150–300 ms before); keydown timeStamp → requestAnimationFrame + task (next paint), and → the frame after the widget\'s search update (results painted). Event Timing = the browser\'s own duration of that interaction (reported only ≥16 ms, 8 ms steps). Typing on: the box emptied, then "${TYPED}" typed a key at a time with 150–300 ms (random) between keys, each measured the same way.`);
  L('- Longest task: PerformanceObserver longtask (≥50 ms only) over load, render, idle warm-up and the keystrokes. Heap: CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage.');
  L('- Hidden tab: a real background tab (another tab of the same window brought to the front: Chromium reports it hidden and throttles it), and a page hidden by overriding document.hidden / visibilityState + visibilitychange (as the tests do; Chromium does not throttle it, so only our code counts). Callbacks counted by wrapping setTimeout, setInterval, requestAnimationFrame and requestIdleCallback before the bundle loads.');
  L(`- Layout shift: PerformanceObserver layout-shift (shifts after input excluded) from the page's start to 1 s after the content; a page per widget, 720 px column, the widget between two paragraphs, the feed answering after ${SHIFT_DELAY} ms; "the script arrives" = shifts before the widget's first content (the first frame can be painted before the module runs, with the element still empty); "skeleton → content" = the shifts after it.`);
  if (results.idle) L(`- A page left open (\`--only idle\`): a 1280 × 1600 page (the four widgets on one feed with news and initiatives 5 minutes to 6 days old, a countdown showing seconds, a carousel with autoplay; or one of them alone), 2 s after every widget painted, then CDP Performance metrics (threadTicks) read before and after ${IDLE_SECONDS} s of real time, scaled to a minute; "scrolled past" = the page scrolled to an element 5,000 px below the widgets first.`);
  L('- Carousel bytes: gzip -9 of every script and stylesheet the page loaded (not the feed, not the HTML); the Swiper and Shoelace pages fetch the same feed and build the slides with DOM calls (no validation). Time: first animation frame in which the component is upgraded (Swiper: initialized) and the first quote has a box.');

  const errors = [];
  for (const [name, r] of Object.entries(results)) {
    const list = name === 'feed' ? [...r.values()].flatMap((x) => x.feed.errors) : name === 'carousel' ? Object.values(r).flatMap((x) => x.errors) : name === 'shift' || name === 'idle' ? r.flatMap((x) => x.errors) : r.errors ?? [];
    for (const e of new Set(list)) errors.push(`${name}: ${e}`);
  }
  L();
  L(errors.length ? `Page errors / console errors:\n${errors.map((e) => `- ${e}`).join('\n')}` : 'No page errors or console errors in any page.');
  return lines.join('\n');
}

// ---- main ----------------------------------------------------------------------------------------

async function main() {
  const dir = await build();
  const srv = await startServer(dir);
  const browser = await launch();
  const meta = {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    chromium: await browser.version(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    memory: Math.round(totalmem() / 1024 ** 3),
    loadStart: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
  log(`${meta.chromium}, ${meta.cpus} CPUs, load ${meta.loadStart}`);
  const results = {};
  try {
    if (ONLY.includes('feed')) {
      results.feed = new Map();
      for (const n of SIZES) {
        log(`feed ${n}: parse …`);
        const parse = await parseRuns(browser, srv, n);
        log(`feed ${n}: render, keystroke, cached …`);
        const feed = await feedRuns(browser, srv, n);
        log(`feed ${n}: script after the data (traced visits) …`);
        const after = await afterDataScript(browser, srv, n);
        results.feed.set(n, { parse, feed, after });
      }
    }
    if (ONLY.includes('all')) {
      log('all four widgets …');
      results.all = await allFourRuns(browser, srv);
    }
    if (ONLY.includes('shift')) {
      log('layout shift, one widget at a time, slow feed …');
      results.shift = await shiftRuns(browser, srv);
    }
    if (ONLY.includes('carousel')) {
      log('carousels …');
      results.carousel = await carouselRuns(browser, srv);
    }
    if (ONLY.includes('idle')) {
      log(`a page left open: ${RUNS} × 4 pages × ${IDLE_SECONDS} s …`);
      results.idle = await idleRuns(browser, srv);
    }
    // The hidden-tab window runs beside the mount/unmount cycles (memory, not time).
    const jobs = [];
    if (ONLY.includes('countdown')) {
      log(`countdown: ${RUNS} hidden + ${RUNS} overridden + ${RUNS} visible pages for ${HIDDEN_SECONDS} s …`);
      jobs.push(countdownRuns(browser, srv).then((r) => (results.countdown = r)));
    }
    if (ONLY.includes('mount')) {
      log(`mount/unmount: ${RUNS} × ${CYCLES} cycles …`);
      jobs.push(mountRuns(browser, srv).then((r) => (results.mount = r)));
    }
    await Promise.all(jobs);
  } finally {
    await browser.close();
    srv.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  meta.loadEnd = loadavg().map((x) => x.toFixed(2)).join(' ');
  const text = report(meta, results);
  console.log(text);
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (WRITE) {
    writeSection('bench', text);
    log('bench/RESULTS.md: bench section updated');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
