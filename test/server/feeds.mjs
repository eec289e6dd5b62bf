/**
 * Test-server middleware: serves feeds over real HTTP with controllable behaviour, and counts requests
 * server side.
 *
 *   GET /api/feed/<key>?fixture=feed      the fixture test/fixtures/<fixture>.json
 *       &fail=N&status=503&retryAfter=S   the first N requests answer `status` (with Retry-After: S)
 *       &failAfter=N                      requests after the Nth answer `status`
 *       &failOn=2,3                       requests number 2 and 3 (counting from 1) answer `status`
 *       &delay=MS                         wait before answering
 *       &hang=1                           never answer (until the client gives up; it holds a connection
 *                                         meanwhile: see SLOW in test/helpers/server.ts)
 *       &type=text/html                   override the content-type
 *       &raw=TEXT                         answer TEXT instead of a fixture
 *       &bytes=N                          answer a valid JSON document of about N bytes
 *       &nest=N                           answer JSON nested N arrays deep
 *       &truncate=1                       send half of the body
 *       &trickle=MS                       send the body in 10 pieces, MS apart
 *       &reset=1                          send half of the body, then reset the connection
 *       &hours=H                          shift every date of the fixture by H hours from now (see below)
 *       &items=N                          keep only the first N items of each list of the fixture
 *       &lastModified=1                   send Last-Modified (always the same date) with the body's Content-Length
 *       &etag=1                           send an ETag made from the body
 *       &fresh=1                          a feed whose title changes on every request (a refresh brings news)
 *       &drop=ID,ID&dropOn=1,2            leave out the items with these ids (on these requests only, counting
 *                                         from 1; on every request without dropOn): a refresh that brings a
 *                                         new item, or takes one away
 *   GET /api/count/<key>                  { count, times: [ms…], cookies: [header…] } for that key
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { shiftDates } from '../../scripts/shift-dates.mjs';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const seen = new Map();

function record(key, req) {
  let entry = seen.get(key);
  if (!entry) {
    entry = { count: 0, times: [], cookies: [] };
    seen.set(key, entry);
  }
  entry.count += 1;
  entry.times.push(Date.now());
  entry.cookies.push(req.headers.cookie ?? null);
  return entry;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function feedMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  const countMatch = /^\/api\/count\/([\w-]+)$/.exec(url.pathname);
  if (countMatch) {
    const entry = seen.get(countMatch[1]) ?? { count: 0, times: [], cookies: [] };
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(entry);
    return;
  }
  const feedMatch = /^\/api\/feed\/([\w-]+)$/.exec(url.pathname);
  if (!feedMatch) return next();

  const q = url.searchParams;
  const entry = record(feedMatch[1], ctx.req);
  ctx.set('cache-control', 'no-store');
  if (q.has('delay')) await sleep(Number(q.get('delay')));
  if (q.get('hang') === '1') {
    await new Promise((resolve) => ctx.req.on('close', resolve));
    return;
  }
  const fail = Number(q.get('fail') ?? 0);
  const failAfter = q.has('failAfter') ? Number(q.get('failAfter')) : Infinity;
  const failOn = (q.get('failOn') ?? '').split(',').filter(Boolean).map(Number);
  if (entry.count <= fail || entry.count > failAfter || failOn.includes(entry.count)) {
    ctx.status = Number(q.get('status') ?? 503);
    if (q.has('retryAfter')) ctx.set('retry-after', q.get('retryAfter'));
    ctx.type = 'text/plain';
    ctx.body = 'unavailable';
    return;
  }

  let body;
  if (q.has('raw')) body = q.get('raw');
  else if (q.has('bytes')) {
    const n = Number(q.get('bytes'));
    body = JSON.stringify({ version: 1, padding: 'x'.repeat(Math.max(0, n - 40)) });
  } else if (q.has('nest')) {
    const n = Number(q.get('nest'));
    body = '['.repeat(n) + ']'.repeat(n);
  } else {
    body = await readFile(path.join(fixturesDir, `${q.get('fixture') ?? 'feed'}.json`), 'utf8');
    if (q.has('hours')) body = shiftFixture(body, Number(q.get('hours')));
    if (q.has('items')) {
      const doc = JSON.parse(body);
      const n = Number(q.get('items'));
      for (const list of ['initiatives', 'events', 'quotes', 'news']) if (Array.isArray(doc[list])) doc[list] = doc[list].slice(0, n);
      body = JSON.stringify(doc);
    }
    const dropOn = (q.get('dropOn') ?? '').split(',').filter(Boolean).map(Number);
    if (q.has('drop') && (!dropOn.length || dropOn.includes(entry.count))) {
      const doc = JSON.parse(body);
      const ids = q.get('drop').split(',');
      for (const list of ['initiatives', 'events', 'quotes', 'news']) {
        if (Array.isArray(doc[list])) doc[list] = doc[list].filter((item) => !ids.includes(item.id));
      }
      body = JSON.stringify(doc);
    }
  }
  if (q.get('fresh') === '1') {
    const doc = JSON.parse(body);
    doc.title = `${doc.title ?? 'Feed'} (${entry.count})`;
    body = JSON.stringify(doc);
  }
  const type = q.get('type') ?? 'application/json; charset=utf-8';

  if (q.has('trickle')) {
    const res = ctx.res;
    ctx.respond = false;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    const piece = Math.ceil(body.length / 10);
    for (let i = 0; i < body.length; i += piece) {
      res.write(body.slice(i, i + piece));
      await sleep(Number(q.get('trickle')));
    }
    res.end();
    return;
  }
  if (q.get('truncate') === '1' || q.get('reset') === '1') {
    const res = ctx.res;
    ctx.respond = false;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.write(body.slice(0, Math.floor(body.length / 2)));
    if (q.get('reset') === '1') {
      await sleep(50);
      ctx.req.socket.destroy();
    } else res.end();
    return;
  }
  ctx.type = type;
  if (q.get('lastModified') === '1') ctx.set('last-modified', 'Wed, 31 Dec 2025 12:00:00 GMT');
  if (q.get('etag') === '1') ctx.set('etag', `"${createHash('sha1').update(body).digest('hex')}"`);
  ctx.body = body;
}

/**
 * Fixtures write dates relative to a fixed "now" of 2026-01-01T00:00:00Z; `hours` moves that "now"
 * to the real current time plus H hours, so that tests with a fake clock can pin time freely.
 */
function shiftFixture(body, hours) {
  return shiftDates(body, Date.now() + hours * 3_600_000 - Date.parse('2026-01-01T00:00:00Z'));
}
