/**
 * Test-server middleware for the hardening tests (test/hardening/): real pages sent with real response
 * headers, and feeds the tests write themselves.
 *
 *   GET /hardening/pages/<file>            a file of test/hardening/pages/. HTML pages are templates:
 *                                          `{{>part}}` becomes the file part.part.html, `{{nonce}}` a fresh
 *                                          nonce, `{{name}}` the page's query parameter `name`
 *                                          (HTML-escaped; empty when absent: csp-widgets.html's
 *                                          `{{bundleQuery}}` after the bundle's URL). Headers per page:
 *                                            csp-*.html   the strict CSP (STRICT_CSP below)
 *                                            *nonce*.html `style-src 'self' 'nonce-<nonce>'` instead
 *                                            ?tt=NAMES    adds `trusted-types NAMES` to the CSP
 *                                            ?quirks=1    sends the page without its doctype (quirks mode)
 *                                            isolated-*.html  COOP + COEP: cross-origin isolated (for
 *                                                         performance.measureUserAgentSpecificMemory)
 *   GET /hardening/fixture/<name>?key=K    test/hardening/fixtures/<name>.json, counted under K
 *       &hours=H                           dates moved so that the fixture's "now" 2026-01-01T00:00:00Z
 *                                          becomes real now + H hours (as in feeds.mjs)
 *   PUT /hardening/feed/<key>              stores the request body as the feed <key>
 *   GET /hardening/feed/<key>              that body, counted under <key>
 *       &type=T                            content-type (default application/json)
 *       &delay=MS                          wait before answering
 *       &status=S&fail=N&retryAfter=R      the first N requests answer S (with Retry-After: R)
 *       &stream=1                          send the headers and half of the body, then never end
 *   GET /hardening/count/<key>             { count, cookies: [header…], times: [ms…], accept: [header…] }
 *   GET /hardening/img/<name>.svg          a small image (for relative image URLs in feeds)
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shiftDates } from '../../scripts/shift-dates.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pagesDir = path.join(here, '..', 'hardening', 'pages');
const fixturesDir = path.join(here, '..', 'hardening', 'fixtures');

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; require-trusted-types-for 'script'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const IMAGE = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200"><rect width="300" height="200" fill="#7aa7d9"/></svg>`;

const feeds = new Map();
const counts = new Map();

function count(key, req) {
  let entry = counts.get(key);
  if (!entry) counts.set(key, (entry = { count: 0, cookies: [], times: [], accept: [] }));
  entry.count += 1;
  entry.cookies.push(req.headers.cookie ?? null);
  // Who asked: the loader's fetch sends an Accept of JSON; an <img> pointing at the feed URL sends image types.
  entry.accept.push(req.headers.accept ?? null);
  entry.times.push(Date.now());
  return entry;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const escapeHtml = (value) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers `body` the way the query asks (delay, failures, a never-ending stream). */
async function answer(ctx, q, entry, body) {
  ctx.set('cache-control', 'no-store');
  if (q.has('delay')) await sleep(Number(q.get('delay')));
  if (entry.count <= Number(q.get('fail') ?? (q.has('status') ? Infinity : 0))) {
    ctx.status = Number(q.get('status') ?? 503);
    if (q.has('retryAfter')) ctx.set('retry-after', q.get('retryAfter'));
    ctx.type = 'text/plain';
    ctx.body = 'unavailable';
    return;
  }
  const type = q.get('type') ?? 'application/json; charset=utf-8';
  if (q.get('stream') === '1') {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    ctx.res.write(body.slice(0, Math.floor(body.length / 2)));
    await new Promise((resolve) => ctx.req.on('close', resolve));
    ctx.res.destroy();
    return;
  }
  ctx.type = type;
  ctx.body = body;
}

/** `{{>name}}` in a page becomes the file `name.part.html` (shared markup), before the other placeholders. */
async function include(body) {
  const names = [...body.matchAll(/\{\{>([\w-]+)\}\}/g)].map((m) => m[1]);
  for (const name of new Set(names)) {
    const part = await readFile(path.join(pagesDir, `${name}.part.html`), 'utf8');
    body = body.replaceAll(`{{>${name}}}`, part);
  }
  return body;
}

export async function pagesMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  const q = url.searchParams;
  let m;

  if ((m = /^\/hardening\/count\/([\w-]+)$/.exec(url.pathname))) {
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(counts.get(m[1]) ?? { count: 0, cookies: [], times: [], accept: [] });
    return;
  }

  if ((m = /^\/hardening\/feed\/([\w-]+)$/.exec(url.pathname))) {
    if (ctx.method === 'PUT') {
      feeds.set(m[1], await readBody(ctx.req));
      ctx.status = 204;
      return;
    }
    const entry = count(m[1], ctx.req);
    if (!feeds.has(m[1])) {
      ctx.status = 404;
      ctx.body = 'no such feed';
      return;
    }
    await answer(ctx, q, entry, feeds.get(m[1]));
    return;
  }

  if ((m = /^\/hardening\/fixture\/([\w-]+)$/.exec(url.pathname))) {
    const entry = count(q.get('key') ?? m[1], ctx.req);
    let body = await readFile(path.join(fixturesDir, `${m[1]}.json`), 'utf8');
    if (q.has('hours')) {
      body = shiftDates(body, Date.now() + Number(q.get('hours')) * 3_600_000 - Date.parse('2026-01-01T00:00:00Z'));
    }
    await answer(ctx, q, entry, body);
    return;
  }

  if (/^\/hardening\/img\/[\w.-]+\.svg$/.test(url.pathname)) {
    ctx.set('cache-control', 'no-store');
    ctx.type = 'image/svg+xml';
    ctx.body = IMAGE;
    return;
  }

  if ((m = /^\/hardening\/pages\/([\w.-]+)$/.exec(url.pathname))) {
    const name = m[1];
    const type = TYPES[path.extname(name)];
    if (!type) return next();
    let body;
    try {
      body = await readFile(path.join(pagesDir, name), 'utf8');
    } catch {
      return next();
    }
    ctx.set('cache-control', 'no-store');
    if (type.startsWith('text/html')) {
      const nonce = randomBytes(12).toString('base64url');
      body = await include(body);
      body = body.replace(/\{\{(\w+)\}\}/g, (_, key) => (key === 'nonce' ? nonce : escapeHtml(q.get(key) ?? '')));
      // ?quirks=1: the page without its doctype, in quirks mode (old CMS pages).
      if (q.get('quirks') === '1') body = body.replace(/^<!doctype html>\s*/i, '');
      let csp;
      if (name.startsWith('csp-')) {
        csp = name.includes('nonce') ? STRICT_CSP.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`) : STRICT_CSP;
        const tt = q.get('tt');
        if (tt && /^[\w\s'-]+$/.test(tt)) csp += `; trusted-types ${tt}`;
      }
      if (csp) ctx.set('content-security-policy', csp);
      if (name.startsWith('isolated-')) {
        ctx.set('cross-origin-opener-policy', 'same-origin');
        ctx.set('cross-origin-embedder-policy', 'require-corp');
      }
    }
    ctx.type = type;
    ctx.body = body;
    return;
  }

  return next();
}
