import { resetCacheState } from '../../src/data/cache.js';
/** Helpers for the test server's feed middleware (test/server/feeds.mjs). */
let n = 0;

export function uniqueKey(label = 'k'): string {
  n += 1;
  return `${label}-${Date.now().toString(36)}-${n}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A feed delay (ms) for tests that need a widget to stay loading while they look at it: longer than any such
 * test, and finite. A feed that never answers (`hang: 1`) holds one of the browser's six connections to the test
 * server until the loader's timeout and two retries give up (about 30 s, or for good under a fake clock), and
 * held ones starved later test files (the test pages stay open): keep `hang` for tests that abort it themselves.
 */
export const SLOW = 5000;

export function feedUrl(key: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const qs = query.toString();
  return `${location.origin}/api/feed/${key}${qs ? `?${qs}` : ''}`;
}

export interface Seen {
  count: number;
  times: number[];
  cookies: (string | null)[];
}

export async function seen(key: string): Promise<Seen> {
  return (await fetch(`/api/count/${key}`)).json();
}

/** Makes `document.hidden` answer `hidden` and fires visibilitychange. */
export function setPageHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

export function restorePageVisibility(): void {
  delete (document as unknown as Record<string, unknown>)['hidden'];
  delete (document as unknown as Record<string, unknown>)['visibilityState'];
}

/** Clears every localStorage entry the widgets wrote, and the copies still waiting to be written. */
export function clearFeedCache(): void {
  resetCacheState();
  for (const key of Object.keys(localStorage)) if (key.startsWith('cities-widgets:')) localStorage.removeItem(key);
}
