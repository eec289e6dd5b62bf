/**
 * The last good copy of each feed, kept in localStorage for stale-while-revalidate.
 * Storage that throws on access (disabled, sandboxed) turns the cache off for the page, nothing more; one that
 * refuses a write (full) stops the writes only: the copies already there are still read.
 * A cached copy is validated again on the way out, exactly like a fresh one.
 *
 * Several widgets on one page read the same copy as they start (four widgets, four reads in the same
 * task). The result of validating a stored string is kept until that URL's copy is written again, and
 * reused while localStorage still holds exactly that string: one JSON.parse + validation per copy instead
 * of one per widget (bench/RESULTS.md). Any change to the stored string is validated afresh.
 *
 * Big feeds stay off the critical path (bench/RESULTS.md): a fresh copy is written when the page is idle,
 * not in the task that delivers it; a copy over MAX_COPY characters is not kept at all; a large stored copy
 * is validated in slices (openCachedFeed) instead of in one long task. The copies of all feeds together stay
 * within MAX_COPIES and MAX_TOTAL characters: the newest are kept (makeRoom).
 */
// Stored copies are always in our own format (validated feeds): no JSON Feed adapter here.
import { validateFeed, validateFeedInSlices, type Feed, type ParseResult } from './validate.js';
import { ONLY_LIST } from './rules.js';

/**
 * A single-widget bundle keeps only its own list (rules.ts, ONLY_LIST), so its copy is kept under a key of its
 * own (`cities-widgets:feed:v1:news:<url>`): another bundle on the same page must never take it for the whole feed.
 */
const PREFIX = `cities-widgets:feed:v1:${ONLY_LIST ? `${ONLY_LIST}:` : ''}`;
/** Stored copies up to this many characters (about 300 initiatives) are validated at once, in one piece. */
const SYNC_MAX = 200_000;
/**
 * No copy is kept above this many characters (about 1,600 initiatives): localStorage belongs to the
 * partner's site (about 5 million characters per origin in Chromium; a 5,000-initiative feed is 3 million),
 * and writing 3 MB takes 25–70 ms in one task. A feed that big relies on the HTTP cache for repeat visits.
 */
export const MAX_COPY = 1_000_000;
/**
 * Copies kept at most, of every feed and every bundle together, and their characters at most: the newest are
 * kept. Without a limit, every feed URL a site ever showed (one per section, or `feed.json?v=…` for each
 * release) kept its copy for good, until the partner's own code could not store a megabyte on its own site.
 */
export const MAX_COPIES = 8;
export const MAX_TOTAL = 2_000_000;
/** The start of every copy's key (PREFIX of any bundle and format version). */
const ANY_PREFIX = 'cities-widgets:feed:';
let disabled = false;
/** A write failed (quota): no more writes this page, but reading goes on. */
let full = false;
/** The stored string last validated for a URL, and what it gave. Dropped when that URL is written. */
const validated = new Map<string, { raw: string; result: CachedFeed }>();
/** Large copies being validated in slices, shared by the widgets that ask meanwhile. */
const reading = new Map<string, { raw: string; promise: Promise<CachedFeed | undefined> }>();
/** Copies waiting for an idle moment to be written. */
const pending = new Map<string, Feed>();
let flushScheduled = false;

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

/** The stored copy, validated now, in one piece (whatever its size). */
export function readCachedFeed(url: string): CachedFeed | undefined {
  const found = stored(url);
  if (found?.kind === 'ready') return found.result;
  if (found === undefined) return undefined;
  const copy = found.kind === 'reading' ? parseStored(found.raw) : found;
  return copy && validateNow(url, copy);
}

/** Validates a stored copy in one piece and remembers the result. */
function validateNow(url: string, copy: StoredCopy): CachedFeed | undefined {
  try {
    return remember(url, copy.raw, copy.savedAt, validateFeed(copy.feed, url));
  } catch {
    return undefined;
  }
}

/**
 * The stored copy for a widget that is starting: a small copy (or one already validated) at once, so
 * that it is on screen from the first render; a large one as a promise, validated in slices.
 */
export function openCachedFeed(url: string): CachedFeed | Promise<CachedFeed | undefined> | undefined {
  const found = stored(url);
  if (found === undefined) return undefined;
  if (found.kind === 'ready') return found.result;
  if (found.kind === 'reading') return found.promise.then((result) => result && { ...result });
  if (found.raw.length <= SYNC_MAX) return validateNow(url, found);
  const { raw, savedAt, feed } = found;
  const promise = validateFeedInSlices(feed, url).then(
    (result) => remember(url, raw, savedAt, result),
    () => undefined,
  );
  const entry = { raw, promise };
  reading.set(url, entry);
  void promise.finally(() => {
    if (reading.get(url) === entry) reading.delete(url);
  });
  return promise;
}

interface StoredCopy {
  kind: 'raw';
  raw: string;
  savedAt: number;
  feed: unknown;
}

type Stored =
  | { kind: 'ready'; result: CachedFeed }
  | { kind: 'reading'; raw: string; promise: Promise<CachedFeed | undefined> }
  | StoredCopy;

/** What is stored for a URL: already validated, being validated, or still to validate. */
function stored(url: string): Stored | undefined {
  if (pending.has(url)) flushCacheWrites();
  const store = storage();
  if (!store) return undefined;
  let raw: string | null;
  try {
    raw = store.getItem(PREFIX + url);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  const memo = validated.get(url);
  if (memo?.raw === raw) return { kind: 'ready', result: { ...memo.result } };
  validated.delete(url);
  const inProgress = reading.get(url);
  if (inProgress?.raw === raw) return { kind: 'reading', raw, promise: inProgress.promise };
  return parseStored(raw);
}

function parseStored(raw: string): StoredCopy | undefined {
  try {
    const { savedAt, feed } = JSON.parse(raw) as { savedAt: unknown; feed: unknown };
    return { kind: 'raw', raw, savedAt: typeof savedAt === 'number' ? savedAt : 0, feed };
  } catch {
    return undefined;
  }
}

function remember(url: string, raw: string, savedAt: number, parsed: ParseResult): CachedFeed {
  const result: CachedFeed = { ...parsed, savedAt };
  validated.set(url, { raw, result });
  return { ...result };
}

/** Keeps a copy of a feed for the next visit, written when the page is next idle (within 2 s). */
export function saveCachedFeed(url: string, feed: Feed): void {
  if (disabled || full) return;
  validated.delete(url);
  pending.set(url, feed);
  if (flushScheduled) return;
  flushScheduled = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(flushCacheWrites, { timeout: 2000 });
  else setTimeout(flushCacheWrites, 0);
  // A visitor who leaves (or hides the tab) before the page is idle still gets the copy next time.
  globalThis.addEventListener?.('pagehide', flushCacheWrites);
  globalThis.document?.addEventListener('visibilitychange', flushCacheWrites);
}

/** Writes the copies still waiting, now. */
export function flushCacheWrites(): void {
  if (!flushScheduled && !pending.size) return;
  flushScheduled = false;
  globalThis.removeEventListener?.('pagehide', flushCacheWrites);
  globalThis.document?.removeEventListener('visibilitychange', flushCacheWrites);
  const writes = [...pending];
  pending.clear();
  for (const [url, feed] of writes) writeCachedFeed(url, feed);
}

/** Writes a copy of a feed now. */
export function writeCachedFeed(url: string, feed: Feed): void {
  validated.delete(url);
  const store = storage();
  if (!store) return;
  try {
    const copy = JSON.stringify({ savedAt: Date.now(), feed });
    if (copy.length > MAX_COPY) {
      // Too big to keep: an older, smaller copy of this feed must not come back either.
      store.removeItem(PREFIX + url);
      return;
    }
    makeRoom(store, PREFIX + url, copy.length);
    store.setItem(PREFIX + url, copy);
  } catch {
    // Quota exceeded or the write refused: try to free our own entry (an older copy of this URL), then write no
    // more. The other copies are still read: a widget that starts later shows its copy from an earlier visit.
    try {
      store.removeItem(PREFIX + url);
    } catch {
      /* nothing more to do */
    }
    full = true;
  }
}

/**
 * Removes the oldest other copies until one of `size` characters under `key` keeps the copies within MAX_COPIES
 * and MAX_TOTAL. A copy's age is its `savedAt`, at the start of the stored string (read without parsing it).
 */
function makeRoom(store: Storage, key: string, size: number): void {
  const others: { key: string; savedAt: number; size: number }[] = [];
  for (let i = 0; i < store.length; i++) {
    const other = store.key(i);
    if (other === null || other === key || !other.startsWith(ANY_PREFIX)) continue;
    const raw = store.getItem(other) ?? '';
    others.push({ key: other, savedAt: Number(/^\{"savedAt":(\d+)/.exec(raw)?.[1] ?? 0), size: raw.length });
  }
  // Newest first: kept while there is room.
  others.sort((a, b) => b.savedAt - a.savedAt);
  let count = 1;
  let total = size;
  for (const other of others) {
    if (count < MAX_COPIES && total + other.size <= MAX_TOTAL) {
      count++;
      total += other.size;
    } else {
      store.removeItem(other.key);
    }
  }
}

/** For tests: forget that storage failed, and every validated or waiting copy. */
export function resetCacheState(): void {
  disabled = false;
  full = false;
  validated.clear();
  reading.clear();
  pending.clear();
}
