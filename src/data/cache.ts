/**
 * The last good copy of each feed, kept in localStorage for stale-while-revalidate.
 * Storage that throws (disabled, full, private mode) turns the cache off for the page, nothing more.
 * A cached copy is validated again on the way out, exactly like a fresh one.
 *
 * Several widgets on one page read the same copy as they start (four widgets, four reads in the same
 * task). The result of validating a stored string is kept until that URL's copy is written again, and
 * reused while localStorage still holds exactly that string: one JSON.parse + parseFeed per copy instead
 * of one per widget (bench/RESULTS.md). Any change to the stored string is validated afresh.
 */
import { parseFeed, type Feed, type ParseResult } from './parse.js';

const PREFIX = 'cities-widgets:feed:v1:';
let disabled = false;
/** The stored string last validated for a URL, and what it gave. Dropped when that URL is written. */
const validated = new Map<string, { raw: string; result: CachedFeed }>();

function storage(): Storage | undefined {
  if (disabled) return undefined;
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    disabled = true;
    return undefined;
  }
}

export interface CachedFeed extends ParseResult {
  /** When the copy was stored (ms since the epoch). */
  savedAt: number;
}

export function readCachedFeed(url: string): CachedFeed | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const raw = store.getItem(PREFIX + url);
    if (!raw) return undefined;
    const memo = validated.get(url);
    if (memo?.raw === raw) return { ...memo.result };
    validated.delete(url);
    const { savedAt, feed } = JSON.parse(raw) as { savedAt: number; feed: unknown };
    const result: CachedFeed = { ...parseFeed(feed, url), savedAt: typeof savedAt === 'number' ? savedAt : 0 };
    validated.set(url, { raw, result });
    return { ...result };
  } catch {
    return undefined;
  }
}

export function writeCachedFeed(url: string, feed: Feed): void {
  validated.delete(url);
  const store = storage();
  if (!store) return;
  try {
    store.setItem(PREFIX + url, JSON.stringify({ savedAt: Date.now(), feed }));
  } catch {
    // Quota exceeded or storage refused: try to free our own entry, then stop using the cache.
    try {
      store.removeItem(PREFIX + url);
    } catch {
      /* nothing more to do */
    }
    disabled = true;
  }
}

/** For tests: forget that storage failed, and every validated copy. */
export function resetCacheState(): void {
  disabled = false;
  validated.clear();
}
