/**
 * The last good copy of each feed, kept in localStorage for stale-while-revalidate.
 * Storage that throws (disabled, full, private mode) turns the cache off for the page, nothing more.
 * A cached copy is validated again on the way out, exactly like a fresh one.
 */
import { parseFeed, type Feed, type ParseResult } from './parse.js';

const PREFIX = 'cities-widgets:feed:v1:';
let disabled = false;

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
    const { savedAt, feed } = JSON.parse(raw) as { savedAt: number; feed: unknown };
    const result = parseFeed(feed, url);
    return { ...result, savedAt: typeof savedAt === 'number' ? savedAt : 0 };
  } catch {
    return undefined;
  }
}

export function writeCachedFeed(url: string, feed: Feed): void {
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

/** For tests: forget that storage failed. */
export function resetCacheState(): void {
  disabled = false;
}
