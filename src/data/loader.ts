/**
 * The one feed loader every widget uses.
 *
 * - One network request per feed URL at a time: concurrent callers share the in-flight request and its
 *   parsed result; the shared entry is cleared when it settles (failure included). A result stays in
 *   memory for `maxAge` so that widgets that start a little later reuse it instead of fetching again.
 * - A timeout (AbortController) for the answer and then for each piece of the body (not for the whole download,
 *   which a slow connection needs longer for), retries with exponential backoff and jitter on network errors and 5xx,
 *   `Retry-After` honoured on 429 and 503, no retry on other 4xx.
 * - `credentials: 'omit'`; the HTTP cache is left alone so Cache-Control and ETag work.
 * - A cap on body bytes (checked while streaming) and on items per list.
 * - Validation in slices of a few ms (validateFeedInSlices), and the localStorage copy written when the page is
 *   idle, so that even a 5,000-item feed makes no long task.
 */
import { FeedError, toFeedError, unsupportedJsonFeed } from './errors.js';
import { isJsonFeed } from './detect.js';
import { LANGUAGE_TAG } from './rules.js';
import { validateFeedInSlices, type ParseResult } from './validate.js';
import { saveCachedFeed } from './cache.js';
import { yieldToPage } from './tasks.js';

export interface LoadOptions {
  /** Give up when the answer, or the next piece of its body, takes longer than this many ms (default 10,000). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff delay in ms, doubled on each retry, plus up to as much jitter (default 500). */
  retryDelay?: number;
  /** Longest Retry-After we are willing to wait, in ms (default 30,000). */
  maxRetryAfter?: number;
  /** Body size cap in bytes (default 5 MB). */
  maxBytes?: number;
  /** Items kept per list (default 5,000). */
  maxItems?: number;
  /** Reuse a result fetched by another widget this many ms ago at most (default 30,000; 0 = always fetch). */
  maxAge?: number;
  /** Keep the result in localStorage for the next visit (default true). */
  cache?: boolean;
  /**
   * The caller no longer needs the feed once this aborts. Callers of one URL share its load: when every one has
   * a signal and all have aborted, no further attempt is made (a retry waiting for its turn is dropped, and the
   * load rejects with the last error). An attempt already on its way still finishes, for the next caller.
   */
  signal?: AbortSignal;
}

export interface LoadResult extends ParseResult {
  /** The feed's final URL (after redirects). */
  url: string;
  /** When the result was fetched. */
  fetchedAt: number;
}

export const DEFAULTS = {
  timeout: 10_000,
  retries: 2,
  retryDelay: 500,
  maxRetryAfter: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxAge: 30_000,
} as const;

/** Bodies larger than this (bytes or characters) are decoded, parsed and validated in tasks of their own. */
const LARGE_BODY = 100_000;

/** A load shared by the callers of one URL. */
interface Shared {
  promise: Promise<LoadResult>;
  /** Callers still waiting for it (Infinity once one came without a signal). */
  holders: number;
  /** Drops the retry waiting for its turn, if one is. */
  stop?: (() => void) | undefined;
}

const inflight = new Map<string, Shared>();
const recent = new Map<string, LoadResult>();

/**
 * What a result was read from, for the next load of its URL: the answer's validators (ETag, readable cross-origin
 * only when the server exposes it; Last-Modified and Content-Length, always readable), or else its text when small.
 */
const sources = new WeakMap<LoadResult, string>();
/** The last result of each URL, while something (a widget showing it) keeps it. */
const lastResults = new Map<string, WeakRef<LoadResult>>();

/**
 * The last result of `url` again when the answer is the same (a `refresh` of a feed that has not changed): no
 * parsing, no validation, no copy to write, and the widgets see the result they show (no render, no event).
 * Validators equal as the browser's own HTTP cache trusts them; a text equal character for character.
 */
function unchanged(url: string, finalUrl: string, source: string): LoadResult | undefined {
  const previous = lastResults.get(url)?.deref();
  if (!previous || previous.url !== finalUrl || sources.get(previous) !== source) return undefined;
  previous.fetchedAt = Date.now();
  return previous;
}

/** Takes a shared load out of the map, unless a newer one has taken its place. */
function release(url: string, entry: Shared): void {
  if (inflight.get(url) === entry) inflight.delete(url);
}

/**
 * An event named after a feed's URL each time a load of it succeeds: a widget showing that feed's error takes the
 * result (another widget's Retry, or its refresh, brought it).
 */
export const feedLoaded = new EventTarget();

/** Loads, validates and caches a feed. Rejects only with a FeedError. */
export function loadFeed(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const maxAge = options.maxAge ?? DEFAULTS.maxAge;
  // Results of other feeds, older than the time they are shared for, go: a single-page app that moves through
  // pages of widgets would keep every feed it ever showed (several MB each for thousands of items).
  const now = Date.now();
  for (const [other, result] of recent) if (other !== url && now - result.fetchedAt >= DEFAULTS.maxAge) recent.delete(other);
  for (const [other, last] of lastResults) if (!last.deref()) lastResults.delete(other);
  const last = recent.get(url);
  if (last && maxAge > 0 && now - last.fetchedAt < maxAge) return Promise.resolve(last);
  let shared = inflight.get(url);
  if (!shared) {
    const entry: Shared = { holders: 0 } as Shared;
    entry.promise = fetchWithRetries(url, options, entry).then(
      (result) => {
        release(url, entry);
        recent.set(url, result);
        // The copy stored is this result's unless the answer was the same as last time.
        if (lastResults.get(url)?.deref() !== result) {
          lastResults.set(url, new WeakRef(result));
          if (options.cache !== false) saveCachedFeed(url, result.feed);
        }
        feedLoaded.dispatchEvent(new Event(url));
        return result;
      },
      (error: unknown) => {
        release(url, entry);
        throw toFeedError(error);
      },
    );
    inflight.set(url, (shared = entry));
  }
  const entry = shared;
  const { signal } = options;
  if (!signal) {
    entry.holders = Infinity;
  } else if (!signal.aborted) {
    // (A caller whose signal has already aborted waits for nothing: it is not counted.)
    entry.holders++;
    const letGo = (): void => {
      if (--entry.holders > 0 || !entry.stop) return;
      // Nobody waits: the retry's timer goes, and a caller that comes later starts a load of its own.
      entry.stop();
      release(url, entry);
    };
    signal.addEventListener('abort', letGo, { once: true });
    const forget = () => signal.removeEventListener('abort', letGo);
    entry.promise.then(forget, forget);
  }
  return entry.promise;
}

/** For tests: forget results kept in memory. */
export function clearLoaderMemory(): void {
  recent.clear();
}

async function fetchWithRetries(url: string, options: LoadOptions, shared: Shared): Promise<LoadResult> {
  const retries = options.retries ?? DEFAULTS.retries;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, options);
    } catch (error) {
      const feedError = toFeedError(error);
      if (attempt >= retries || !isRetryable(feedError) || shared.holders === 0) throw feedError;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, retryDelay(feedError, attempt, options));
        shared.stop = () => {
          clearTimeout(timer);
          reject(feedError);
        };
      });
      shared.stop = undefined;
    }
  }
}

function isRetryable(error: FeedError): boolean {
  if (error.kind === 'network') return true;
  if (error.kind !== 'http' || error.status === undefined) return false;
  return error.status >= 500 || error.status === 429;
}

function retryDelay(error: FeedError, attempt: number, options: LoadOptions): number {
  const maxRetryAfter = options.maxRetryAfter ?? DEFAULTS.maxRetryAfter;
  if (error.retryAfter !== undefined) return Math.min(error.retryAfter, maxRetryAfter);
  const base = (options.retryDelay ?? DEFAULTS.retryDelay) * 2 ** attempt;
  return base + Math.random() * base;
}

/** Retry-After as milliseconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function fetchOnce(url: string, options: LoadOptions): Promise<LoadResult> {
  const controller = new AbortController();
  const timeout = options.timeout ?? DEFAULTS.timeout;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The timeout runs until the answer's headers, then again from each piece of the body: a slow connection
  // still gets a big feed (1 MB at 50 KB/s takes 20 s), a connection that stalls gives up.
  const wait = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new FeedError('timeout', `The feed did not answer within ${timeout} ms`)), timeout);
  };
  wait();
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'omit',
        signal: controller.signal,
        headers: { Accept: 'application/json, application/feed+json;q=0.9, */*;q=0.1' },
      });
    } catch (error) {
      throw controller.signal.aborted ? controller.signal.reason : error;
    }
    wait();
    if (!response.ok) {
      const retryable = response.status === 429 || response.status === 503;
      void response.body?.cancel().catch(() => undefined);
      throw new FeedError(
        'http',
        `The feed answered HTTP ${response.status}`,
        response.status,
        retryable ? parseRetryAfter(response.headers.get('retry-after')) : undefined,
      );
    }
    const type = response.headers.get('content-type') ?? '';
    if (/^\s*text\/html/i.test(type)) {
      void response.body?.cancel().catch(() => undefined);
      throw new FeedError('not-json', 'The feed URL returned an HTML page, not JSON');
    }
    const finalUrl = response.url || url;
    const [etag, modified, length] = ['etag', 'last-modified', 'content-length'].map((name) => response.headers.get(name));
    let source = etag || (modified && length) ? `${etag}|${modified}|${length}` : undefined;
    const same = source && unchanged(url, finalUrl, source);
    if (same) {
      void response.body?.cancel().catch(() => undefined);
      return same;
    }
    const body = await readText(response, options.maxBytes ?? DEFAULTS.maxBytes, controller, wait);
    if (!source) {
      const again = body.length <= LARGE_BODY && unchanged(url, finalUrl, (source = body));
      if (again) return again;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      throw new FeedError('not-json', 'The feed is not valid JSON');
    }
    clearTimeout(timer);
    // JSON.parse of a big feed is a task's worth on its own (3 MB: 15–40 ms): validation starts in the next.
    if (body.length > LARGE_BODY) await yieldToPage();
    // In slices: a big feed must not freeze the page it is embedded in (bench/RESULTS.md).
    // The JSON Feed adapter is a chunk of its own in the page bundles: fetched only for a feed that is one.
    // A JSON Feed's items become news: a single-widget bundle for another list (rules.ts, ONLY_LIST) has nothing
    // to take from one, so it neither fetches nor carries the adapter. (The build's define is read here, not
    // through ONLY_LIST: rollup leaves a dynamic import out only when this module itself shows it unreachable.)
    if (isJsonFeed(doc)) {
      const jsonFeed = doc;
      doc =
        typeof __CITIES_WIDGETS_LIST__ === 'undefined' || __CITIES_WIDGETS_LIST__ === 'news'
          ? (await import('./jsonfeed.js')).convertJsonFeed(jsonFeed, LANGUAGE_TAG)
          : { version: 1 };
      if (doc === undefined) throw unsupportedJsonFeed(jsonFeed);
    }
    const parsed = await validateFeedInSlices(doc, finalUrl, options.maxItems === undefined ? {} : { maxItems: options.maxItems });
    const result: LoadResult = { ...parsed, url: finalUrl, fetchedAt: Date.now() };
    // (A large body without validators is not kept: up to 5 MB, for as long as the result is shown.)
    if (source) sources.set(result, source);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

async function readText(response: Response, maxBytes: number, controller: AbortController, received: () => void): Promise<string> {
  const tooLarge = () => new FeedError('too-large', `The feed is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    controller.abort();
    throw tooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received();
      size += value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    throw controller.signal.aborted ? controller.signal.reason : new FeedError('network', 'The feed connection was interrupted');
  }
  // Chunks that arrived together are read in one task: decoding (and then JSON.parse) gets tasks of its own.
  if (size > LARGE_BODY) await yieldToPage();
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  if (size > LARGE_BODY) await yieldToPage();
  return text;
}
