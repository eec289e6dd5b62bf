/**
 * Test-server middleware: makes a language chunk of the widgets fail to load, to test what a widget shows
 * then (English, not a skeleton forever), and counts the requests for each chunk.
 *
 *   GET /api/locale-chunks/fail/<locale>?on=1|0   answer 503 for src/generated/locales/<locale> (or stop)
 *   GET /api/locale-chunks/count/<locale>          { count } of requests for that chunk so far
 *   GET /api/locale-chunks/drop/<locale>?text=T    serve the built language chunks of <locale>
 *                                                  (dist/chunks/<entry>-<locale>-<hash>.js) without the one
 *                                                  entry whose translation is the plain string T (no `text`:
 *                                                  as built again); answers { dropped }, the chunks served so
 *                                                  until this call. A chunk without exactly one such entry
 *                                                  answers 500.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const failing = new Set();
const counts = new Map();
/** locale → the translation to leave out of its built chunks, and how many chunks were served so. */
const dropping = new Map();

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function localeMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  let m;
  if ((m = /^\/api\/locale-chunks\/drop\/([\w-]+)$/.exec(url.pathname))) {
    const text = url.searchParams.get('text');
    const dropped = dropping.get(m[1])?.dropped ?? 0;
    if (text) dropping.set(m[1], { text, dropped: 0 });
    else dropping.delete(m[1]);
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ dropped });
    return;
  }
  if ((m = /^\/api\/locale-chunks\/(fail|count)\/([\w-]+)$/.exec(url.pathname))) {
    const [, what, locale] = m;
    if (what === 'fail') {
      if (url.searchParams.get('on') === '1') failing.add(locale);
      else failing.delete(locale);
    }
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: counts.get(locale) ?? 0, failing: failing.has(locale) });
    return;
  }
  if ((m = /^\/src\/generated\/locales\/([\w-]+)\.(?:js|ts)$/.exec(url.pathname))) {
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    if (failing.has(m[1])) {
      // Written directly: the dev server would otherwise give this answer its one-year cache-control, and
      // the browser would keep the failure for every later test page.
      ctx.respond = false;
      ctx.res.writeHead(503, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      ctx.res.end('unavailable (test)');
      return;
    }
  }
  if (/^\/dist\/chunks\/[\w-]+\.js$/.test(url.pathname)) {
    for (const [locale, drop] of dropping) {
      if (!new RegExp(`-${escapeRegExp(locale)}-[\\w-]{8}\\.js$`).test(url.pathname)) continue;
      const code = await readFile(path.join(root, url.pathname), 'utf8');
      // One property of the minified `templates` object: a key (a name, a number or a quoted string), then the
      // translation as a string literal, then its comma if any.
      const key = String.raw`(?:[\w$]+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`;
      const entry = new RegExp(`(?<=[{,])${key}:(["'\`])${escapeRegExp(drop.text)}\\1,?`, 'g');
      const found = code.match(entry)?.length ?? 0;
      ctx.set('cache-control', 'no-store');
      if (found !== 1) {
        ctx.status = 500;
        ctx.type = 'text/plain';
        ctx.body = `${url.pathname}: ${found} entries translated ${JSON.stringify(drop.text)} (test)`;
        return;
      }
      drop.dropped += 1;
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.body = code.replace(entry, '');
      return;
    }
  }
  return next();
}
