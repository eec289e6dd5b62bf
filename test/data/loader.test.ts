import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { loadFeed, clearLoaderMemory, parseRetryAfter, type LoadResult } from '../../src/data/loader.js';
import { forceGc } from '../helpers/gc.js';
import { flushCacheWrites, openCachedFeed, readCachedFeed, resetCacheState, writeCachedFeed } from '../../src/data/cache.js';
import { parseFeed } from '../../src/data/parse.js';
import { validateFeedInSlices, type Feed } from '../../src/data/validate.js';
import { FeedError } from '../../src/data/errors.js';
import { clearFeedCache, feedUrl, seen, uniqueKey } from '../helpers/server.js';

async function rejection(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a rejection');
}

describe('feed loader', () => {
  beforeEach(() => {
    clearLoaderMemory();
    clearFeedCache();
  });

  it('shares one request between concurrent callers of the same URL', async () => {
    const key = uniqueKey();
    const url = feedUrl(key, { delay: 100 });
    const results = await Promise.all([loadFeed(url), loadFeed(url), loadFeed(url), loadFeed(url)]);
    expect((await seen(key)).count).to.equal(1);
    expect(results[0]!.feed.news).to.have.length(3);
    for (const r of results) expect(r).to.equal(results[0]);
  });

  it('clears the shared entry when it settles, so a forced reload fetches again', async () => {
    const key = uniqueKey();
    const url = feedUrl(key);
    await loadFeed(url);
    await loadFeed(url, { maxAge: 0 });
    expect((await seen(key)).count).to.equal(2);
  });

  it('lets go of a result older than the time it is shared for once another feed is loaded', async function () {
    this.timeout(20_000);
    // A single-page app moving through pages of widgets: every feed it showed stayed in memory.
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    try {
      const url = feedUrl(uniqueKey(), { fixture: 'initiatives-5000', items: 1000 });
      let first: LoadResult | undefined = await loadFeed(url, { cache: false });
      const gone = new WeakRef(first.feed);
      first = undefined;
      clock.tick(10_000);
      await loadFeed(feedUrl(uniqueKey()), { cache: false });
      await forceGc();
      expect(gone.deref() !== undefined, 'kept: shared for 30 s').to.equal(true);
      clock.tick(20_000);
      await loadFeed(feedUrl(uniqueKey()), { cache: false });
      await forceGc();
      expect(gone.deref() === undefined, 'let go after 30 s').to.equal(true);
    } finally {
      clock.restore();
    }
  });

  it('clears the shared entry on failure too', async () => {
    const key = uniqueKey();
    const url = feedUrl(key, { fail: 1, status: 404 });
    await rejection(loadFeed(url));
    const result = await loadFeed(url);
    expect(result.feed.news).to.have.length(3);
    expect((await seen(key)).count).to.equal(2);
  });

  it('gives up after the timeout', async () => {
    const key = uniqueKey();
    const started = performance.now();
    const error = await rejection(loadFeed(feedUrl(key, { hang: 1 }), { timeout: 300, retries: 0 }));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.lessThan(3000);
  });

  it('gives a slow body time, piece by piece, and gives up on one that stalls', async () => {
    // Ten pieces 150 ms apart: 1.5 s in all, over the 500 ms timeout, but never 500 ms without data.
    const result = await loadFeed(feedUrl(uniqueKey(), { fixture: 'news-list', trickle: 150 }), { timeout: 500, retries: 0 });
    expect(result.feed.news.length).to.be.greaterThan(0);
    // Half a body, then nothing: the timeout, counted from the last piece.
    const started = performance.now();
    const error = await rejection(loadFeed(feedUrl(uniqueKey(), { fixture: 'news-list', trickle: 2000 }), { timeout: 500, retries: 0 }));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.lessThan(1500);
  });

  it('stops retrying once every caller has aborted, and does not count one that came aborted', async () => {
    const key = uniqueKey();
    const url = feedUrl(key, { fail: 5, status: 503, retryAfter: 1 });
    const caller = new AbortController();
    const late = new AbortController();
    late.abort();
    const loading = loadFeed(url, { signal: caller.signal });
    void loadFeed(url, { signal: late.signal }).catch(() => undefined);
    await waitUntil(async () => (await seen(key)).count === 1, 'first request');
    caller.abort();
    expect((await rejection(loading)).status).to.equal(503);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await seen(key)).count, 'no retry').to.equal(1);
  });

  it('retries a 503 and then succeeds', async () => {
    const key = uniqueKey();
    const result = await loadFeed(feedUrl(key, { fail: 1, status: 503 }), { retryDelay: 20 });
    expect(result.feed.news).to.have.length(3);
    expect((await seen(key)).count).to.equal(2);
  });

  it('retries a 500 at most twice', async () => {
    const key = uniqueKey();
    const error = await rejection(loadFeed(feedUrl(key, { fail: 10, status: 500 }), { retryDelay: 20 }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    expect((await seen(key)).count).to.equal(3);
  });

  it('does not retry a 404', async () => {
    const key = uniqueKey();
    const error = await rejection(loadFeed(feedUrl(key, { fail: 10, status: 404 }), { retryDelay: 20 }));
    expect(error.status).to.equal(404);
    expect((await seen(key)).count).to.equal(1);
  });

  it('honours Retry-After on 429', async () => {
    const key = uniqueKey();
    await loadFeed(feedUrl(key, { fail: 1, status: 429, retryAfter: 1 }), { retryDelay: 20 });
    const { count, times } = await seen(key);
    expect(count).to.equal(2);
    expect(times[1]! - times[0]!).to.be.at.least(950);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).to.equal(5000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });

  it('rejects a body over the byte cap', async () => {
    const key = uniqueKey();
    const error = await rejection(loadFeed(feedUrl(key, { bytes: 50_000 }), { maxBytes: 10_000 }));
    expect(error.kind).to.equal('too-large');
  });

  for (const [label, params, kind] of [
    ['not JSON', { raw: 'hello' }, 'not-json'],
    ['truncated JSON', { truncate: 1 }, 'not-json'],
    ['an HTML page with status 200', { raw: '<!doctype html><p>Oops</p>', type: 'text/html' }, 'not-json'],
    ['JSON null', { raw: 'null' }, 'format'],
    ['a top-level array', { raw: '[]' }, 'format'],
    ['a bare string', { raw: '"feed"' }, 'format'],
    ['JSON nested 100,000 levels deep', { nest: 100_000 }, 'format'],
  ] as const) {
    it(`fails the whole feed on ${label}`, async () => {
      const error = await rejection(loadFeed(feedUrl(uniqueKey(), params), { retries: 0 }));
      expect(error.kind).to.equal(kind);
    });
  }

  it('reports a connection reset mid-body as a network error and retries it', async () => {
    const key = uniqueKey();
    const error = await rejection(loadFeed(feedUrl(key, { reset: 1 }), { retryDelay: 20 }));
    expect(error.kind).to.equal('network');
    expect((await seen(key)).count).to.equal(3);
  });

  it('sends no cookies, even to its own origin', async () => {
    document.cookie = 'session=secret; path=/';
    const key = uniqueKey();
    await loadFeed(feedUrl(key));
    const { cookies } = await seen(key);
    expect(cookies).to.deep.equal([null]);
    document.cookie = 'session=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('gives the last result again for an answer that has not changed, and a new one when it has', async () => {
    // A `refresh` of a feed nobody changed: no parsing, no validation and no copy to write again, and the widgets
    // get the result they show (nothing to render, no event).
    for (const params of [{ etag: '1' }, { lastModified: '1' }, {}] as Record<string, string>[]) {
      const what = JSON.stringify(params);
      const key = uniqueKey();
      const url = feedUrl(key, { ...params, drop: 'n-1', dropOn: '3' });
      const first = await loadFeed(url);
      flushCacheWrites();
      const stored = localStorage.getItem(`cities-widgets:feed:v1:${url}`);
      expect(stored, what).to.be.a('string');
      const second = await loadFeed(url, { maxAge: 0 });
      expect(second, `${what}: the same result`).to.equal(first);
      flushCacheWrites();
      expect(localStorage.getItem(`cities-widgets:feed:v1:${url}`), `${what}: the copy not written again`).to.equal(stored);
      // The third answer leaves an item out: a new result, stored.
      const third = await loadFeed(url, { maxAge: 0 });
      expect((await seen(key)).count, what).to.equal(3);
      expect(third, `${what}: a new result`).not.to.equal(first);
      expect(third.feed.news.map((n) => n.id), what).not.to.include('n-1');
      expect(first.feed.news.map((n) => n.id), what).to.include('n-1');
      flushCacheWrites();
      expect(localStorage.getItem(`cities-widgets:feed:v1:${url}`), `${what}: the new copy`).not.to.equal(stored);
    }
    // A large body without validators is not kept to compare: parsed again.
    const big = feedUrl(uniqueKey(), { fixture: 'initiatives-5000', items: 300 });
    const a = await loadFeed(big, { cache: false });
    const b = await loadFeed(big, { cache: false, maxAge: 0 });
    expect(b).not.to.equal(a);
    expect(b.feed.initiatives).to.have.length(300);
  });

  it('keeps the last good copy in localStorage, validated again when read', async () => {
    const url = feedUrl(uniqueKey());
    await loadFeed(url);
    const cached = readCachedFeed(url);
    expect(cached?.feed.news).to.have.length(3);
    expect(cached?.feed.news[1]!.url).to.equal(`${location.origin}/api/feed/news/n-2`);
  });

  it('writes the copy when the page is idle, not in the task that delivers the feed', async () => {
    const url = feedUrl(uniqueKey());
    await loadFeed(url);
    const key = `cities-widgets:feed:v1:${url}`;
    expect(localStorage.getItem(key)).to.equal(null);
    await waitUntil(() => localStorage.getItem(key) !== null, 'written in idle time', { timeout: 3000 });
    expect(JSON.parse(localStorage.getItem(key)!).feed.news).to.have.length(3);
  });

  it('gives a large stored copy back as a promise, validated in slices, and a small one at once', async () => {
    // 1,000 initiatives: about 600,000 characters, over the 200,000 validated at once, under the cap.
    const big = feedUrl(uniqueKey(), { fixture: 'initiatives-5000', items: 1000 });
    const small = feedUrl(uniqueKey());
    await Promise.all([loadFeed(big), loadFeed(small)]);
    clearLoaderMemory();
    // Both copies are written in idle time, each on its own: wait for both (waiting for the big one only once
    // found the small one not written yet, in a full run).
    await waitUntil(
      () => [big, small].every((u) => localStorage.getItem(`cities-widgets:feed:v1:${u}`) !== null),
      'stored',
      { timeout: 3000 },
    );
    resetCacheState(); // forget the validated copies: read them from storage
    const smallCopy = openCachedFeed(small);
    expect(smallCopy instanceof Promise).to.equal(false);
    expect((smallCopy as { feed: { news: unknown[] } }).feed.news).to.have.length(3);
    const bigCopy = openCachedFeed(big);
    expect(bigCopy instanceof Promise).to.equal(true);
    // A second widget asking meanwhile shares the same validation.
    const again = openCachedFeed(big);
    expect(again instanceof Promise).to.equal(true);
    const [a, b] = await Promise.all([bigCopy, again]);
    expect(a!.feed.initiatives).to.have.length(1000);
    expect(b!.feed.initiatives).to.deep.equal(a!.feed.initiatives);
    // Once validated, the copy is given at once.
    expect(openCachedFeed(big) instanceof Promise).to.equal(false);
  });

  it('keeps no copy of a feed over a million characters, and drops an older copy of it', async () => {
    const key = uniqueKey();
    const small = feedUrl(key, { fixture: 'initiatives-5000', items: 10 });
    // The same URL first answers a small feed, then the 5,000 initiatives (3 MB).
    await loadFeed(small);
    flushCacheWrites();
    const stored = `cities-widgets:feed:v1:${small}`;
    expect(localStorage.getItem(stored)).to.not.equal(null);
    writeCachedFeed(small, (await loadFeed(feedUrl(uniqueKey(), { fixture: 'initiatives-5000' }))).feed);
    expect(localStorage.getItem(stored), 'the older copy is gone, the big one not written').to.equal(null);
    flushCacheWrites();
    expect(Object.keys(localStorage).filter((k) => k.includes('initiatives-5000') || k === stored)).to.have.length(0);
  });

  it('keeps the 8 newest copies of every feed and bundle together, and 2 million characters at most', () => {
    clearFeedCache();
    localStorage.setItem('partner:settings', 'the site’s own');
    const feed = { version: 1, initiatives: [], events: [], quotes: [], news: [] } as Feed;
    const stored = (savedAt: number, pad = '') => JSON.stringify({ savedAt, feed: { ...feed, pad } });
    const ours = () => Object.keys(localStorage).filter((k) => k.startsWith('cities-widgets:feed:')).sort();
    // Nine copies from earlier visits (one of them a single-widget bundle's), saved at 1,000 … 1,008.
    for (let i = 0; i < 9; i++) {
      localStorage.setItem(`cities-widgets:feed:v1:${i === 4 ? 'news:' : ''}https://old.example/${i}.json`, stored(1000 + i));
    }
    writeCachedFeed('https://new.example/feed.json', feed);
    expect(ours()).to.deep.equal(
      [
        'cities-widgets:feed:v1:https://new.example/feed.json',
        ...[2, 3, 4, 5, 6, 7, 8].map((i) => `cities-widgets:feed:v1:${i === 4 ? 'news:' : ''}https://old.example/${i}.json`),
      ].sort(),
    );
    // Characters: two copies of 900,000 and a new one of 400,000 are over 2 million: the older big one goes.
    clearFeedCache();
    localStorage.setItem('cities-widgets:feed:v1:https://big.example/a.json', stored(1, 'a'.repeat(900_000)));
    localStorage.setItem('cities-widgets:feed:v1:https://big.example/b.json', stored(2, 'b'.repeat(900_000)));
    writeCachedFeed('https://new.example/feed.json', { ...feed, title: 'c'.repeat(400_000) });
    expect(ours()).to.deep.equal(['cities-widgets:feed:v1:https://big.example/b.json', 'cities-widgets:feed:v1:https://new.example/feed.json']);
    expect(localStorage.getItem('partner:settings'), 'the page’s own keys are never touched').to.equal('the site’s own');
    localStorage.removeItem('partner:settings');
    clearFeedCache();
  });

  it('after a write the storage refused (quota), writes no more but still reads the copies already there', async () => {
    const earlier = feedUrl(uniqueKey());
    await loadFeed(earlier);
    flushCacheWrites();
    expect(readCachedFeed(earlier)?.feed.news).to.have.length(3);
    clearLoaderMemory();
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      const later = feedUrl(uniqueKey());
      await loadFeed(later);
      flushCacheWrites();
      expect(readCachedFeed(later), 'not written').to.equal(undefined);
      // A widget that starts after the failed write still shows its copy from an earlier visit.
      expect(readCachedFeed(earlier)?.feed.news, 'still read').to.have.length(3);
    } finally {
      Storage.prototype.setItem = original;
      resetCacheState();
    }
  });

  it('only turns the cache off when storage throws', async () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      const url = feedUrl(uniqueKey());
      const result = await loadFeed(url);
      expect(result.feed.news).to.have.length(3);
      expect(readCachedFeed(url)).to.equal(undefined);
    } finally {
      Storage.prototype.setItem = original;
      resetCacheState();
    }
  });
});

describe('validation in slices', () => {
  it('lets the page run its own tasks while a 5,000-item feed is validated, with the same result as in one go', async () => {
    const url = feedUrl(uniqueKey(), { fixture: 'initiatives-5000' });
    const doc: unknown = await (await fetch(url)).json();
    let ticks = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      ticks++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const sliced = await validateFeedInSlices(doc, url, { sliceMs: 0 });
    running = false;
    expect(ticks, 'page timers that ran during the validation').to.be.greaterThan(5);

    ticks = 0;
    running = true;
    setTimeout(tick, 0);
    const whole = parseFeed(doc, url);
    running = false;
    expect(ticks, 'parseFeed runs in one piece').to.equal(0);
    expect(sliced).to.deep.equal(whole);
    expect(sliced.feed.initiatives).to.have.length(5000);
  });

  it('counts the items over the cap the same way in slices', async () => {
    const url = feedUrl(uniqueKey(), { fixture: 'initiatives-5000' });
    const doc: unknown = await (await fetch(url)).json();
    const sliced = await validateFeedInSlices(doc, url, { maxItems: 100, sliceMs: 0 });
    expect(sliced.feed.initiatives).to.have.length(100);
    expect(sliced.skipped.initiatives).to.equal(4900);
    expect(sliced).to.deep.equal(parseFeed(doc, url, { maxItems: 100 }));
  });
});
