import { expect } from '@open-wc/testing';
import { loadFeed, clearLoaderMemory, parseRetryAfter } from '../../src/data/loader.js';
import { readCachedFeed, resetCacheState } from '../../src/data/cache.js';
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

  it('keeps the last good copy in localStorage, validated again when read', async () => {
    const url = feedUrl(uniqueKey());
    await loadFeed(url);
    const cached = readCachedFeed(url);
    expect(cached?.feed.news).to.have.length(3);
    expect(cached?.feed.news[1]!.url).to.equal(`${location.origin}/api/feed/news/n-2`);
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
