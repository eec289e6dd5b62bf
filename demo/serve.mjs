/**
 * `npm start`: serves the demo page, the built bundles and the sample feed on localhost.
 *
 * The sample feed (demo/feed.json) was written as if today were SAMPLE_WRITTEN; every date in it is moved
 * by the whole number of days since then, so the demo always has recent news and an upcoming event.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shiftDates } from '../scripts/shift-dates.mjs';

const SAMPLE_WRITTEN = Date.parse('2026-11-27T00:00:00Z');
const DAY = 86_400_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** Maps a URL path to a file: the demo folder first, then the built dist/ and docs/, and package.json. */
function resolvePath(pathname) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  if (clean === '/' || clean === '') return join(root, 'demo', 'index.html');
  if (clean.startsWith('/dist/') || clean.startsWith('/docs/')) return join(root, clean);
  // The embed-code builder (embed.html) reads the package version for the unpkg URL.
  if (clean === '/package.json') return join(root, 'package.json');
  return join(root, 'demo', clean);
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const file = resolvePath(url.pathname);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    let body = await readFile(file);
    if (url.pathname === '/feed.json') {
      const days = Math.floor((Date.now() - SAMPLE_WRITTEN) / DAY);
      body = shiftDates(body.toString('utf8'), days * DAY);
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
}

function listen(port, attemptsLeft = 20) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && attemptsLeft > 0) listen(port + 1, attemptsLeft - 1);
    else throw error;
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`\n  cities-widgets demo: http://localhost:${port}/\n  (sample feed: http://localhost:${port}/feed.json — Ctrl+C to stop)\n`);
  });
}

listen(Number(process.env.PORT) || 8000);
