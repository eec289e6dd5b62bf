/**
 * Test-server middleware: makes a language chunk of the widgets fail to load, to test what a widget shows
 * then (English, not a skeleton forever), and counts the requests for each chunk.
 *
 *   GET /api/locale-chunks/fail/<locale>?on=1|0   answer 503 for src/generated/locales/<locale> (or stop)
 *   GET /api/locale-chunks/count/<locale>          { count } of requests for that chunk so far
 */
const failing = new Set();
const counts = new Map();

export async function localeMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  let m;
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
  return next();
}
