/**
 * Feeds for the stories, without the internet.
 *
 * Ready stories read fixture files that Storybook serves (`staticDirs` in .storybook/main.ts):
 * `/demo/feed.json` (the demo's sample feed) and `/feeds/*.json` (stories/feeds/). The loading, error and
 * stale-copy states need a source that misbehaves on demand, and the countdown needs dates that move with
 * the clock: for those, `installStoryFeeds()` wraps `window.fetch` for URLs under `/story-feed/` only (every
 * other request goes to the real fetch untouched):
 *
 *   /story-feed/loading.json   never answers (the loader's timeout is ignored, so the skeleton stays);
 *   /story-feed/error.json     answers 503 with `Retry-After: 0` (the loader's retries end at once);
 *   /story-feed/stale.json     same 503; the story seeds localStorage with an earlier copy first
 *                              (`seedStaleCopy`), so the widget shows it with its "could not refresh" note;
 *   /story-feed/feed.json?fixture=/feeds/events.json&anchor=2026-01-01T00:00:00Z
 *                              the fixture with every date moved so that `anchor` is now, to the hour
 *                              (`&round=day`: by whole days, like `npm start` does for the demo feed).
 *
 * Nothing is ever requested from the network for these URLs. Images whose `src` is under `/story-feed/` (the
 * "missing image" stories) do reach Storybook's server and get a 404: that is the point, and
 * scripts/storybook-smoke.mjs allows exactly those.
 *
 * Every story's feed URL gets `?story=<story id>` (see `scopedFeedUrl`), so that the loader's per-page memory
 * and the localStorage copies never leak from one story into another.
 */

export const STORY_FEED = '/story-feed/';
/** The loader's localStorage key prefix (src/data/cache.ts). */
const CACHE_PREFIX = 'cities-widgets:feed:v1:';
/** The sample feed was written as if today were this day (demo/serve.mjs, SAMPLE_WRITTEN). */
export const DEMO_ANCHOR = '2026-11-27T00:00:00Z';
/** Story fixtures in stories/feeds/ are written as if now were this instant (like test/fixtures/). */
export const FIXTURE_ANCHOR = '2026-01-01T00:00:00Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo feed, its dates moved to today like `npm start` does. */
export const DEMO_FEED = shiftedFeed('/demo/feed.json', DEMO_ANCHOR, 'day');

/** A fixture from stories/feeds/ (or any same-origin JSON) with its dates moved so that `anchor` is now (this hour). */
export function shiftedFeed(fixture: string, anchor = FIXTURE_ANCHOR, round?: 'day'): string {
  const params = new URLSearchParams({ fixture, anchor });
  if (round) params.set('round', round);
  return `${STORY_FEED}feed.json?${params}`;
}

export const LOADING_FEED = `${STORY_FEED}loading.json`;
export const ERROR_FEED = `${STORY_FEED}error.json`;
export const STALE_FEED = `${STORY_FEED}stale.json`;
/** An image URL that answers 404 (a broken image in a feed). */
export const BROKEN_IMAGE = `${STORY_FEED}missing-image.svg`;

/** `src` as the element will see it: absolute, with `story=<id>` so that no two stories share a feed. */
export function scopedFeedUrl(src: string, storyId: string): string {
  const url = new URL(src, document.baseURI);
  if (!url.searchParams.has('story')) url.searchParams.set('story', storyId);
  return url.href;
}

/**
 * Moves every ISO date-time with an offset in a JSON text by `deltaMs`, keeping each date's own offset.
 * The browser twin of scripts/shift-dates.mjs (which the demo and test servers use).
 */
export function shiftDates(jsonText: string, deltaMs: number): string {
  return jsonText.replace(/"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})"/g, (_, local: string, offset: string) => {
    const offsetMin =
      offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
    const t = Date.parse(local + offset) + deltaMs;
    const shifted = new Date(t + offsetMin * 60_000).toISOString().slice(0, 19);
    return `"${shifted}${offset}"`;
  });
}

/** The shift that makes `anchor` now, in whole hours (times stay on the hour or half hour) or whole days. */
function shiftFor(anchor: string, round: string | null): number {
  const step = round === 'day' ? DAY : HOUR;
  return Math.floor((Date.now() - Date.parse(anchor)) / step) * step;
}

const json = (body: string, url: string): Response => {
  const response = new Response(body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
  // Relative URLs in the feed (images) resolve against the feed's final URL: the fixture's, as after a redirect.
  Object.defineProperty(response, 'url', { value: url });
  return response;
};

const unavailable = (): Response =>
  new Response('Service unavailable (a story that shows the error state)', {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '0' },
  });

let installed = false;

/** Wraps `window.fetch` once per page; only same-origin URLs under `/story-feed/` are answered here. */
export function installStoryFeeds(): void {
  if (installed) return;
  installed = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const raw = input instanceof Request ? input.url : String(input);
    const url = new URL(raw, document.baseURI);
    if (url.origin !== location.origin || !url.pathname.startsWith(STORY_FEED)) return realFetch(input, init);
    const name = url.pathname.slice(STORY_FEED.length);
    if (name === 'loading.json') return new Promise<Response>(() => undefined);
    if (name === 'feed.json') {
      const fixture = new URL(url.searchParams.get('fixture') ?? '/demo/feed.json', document.baseURI);
      const delta = shiftFor(url.searchParams.get('anchor') ?? FIXTURE_ANCHOR, url.searchParams.get('round'));
      return realFetch(fixture, { credentials: 'omit' }).then(async (response) => {
        if (!response.ok) return response;
        return json(shiftDates(await response.text(), delta), fixture.href);
      });
    }
    return Promise.resolve(unavailable());
  };
}

/**
 * For the stale-copy stories: stores `fixture` (dates moved like `shiftedFeed`) as the copy an earlier visit
 * left for `feedUrl`, saved `ageMs` ago. Call it before the element connects (a story loader does).
 */
export async function seedStaleCopy(
  feedUrl: string,
  fixture = '/demo/feed.json',
  anchor = DEMO_ANCHOR,
  ageMs = 2 * DAY,
): Promise<void> {
  const response = await fetch(new URL(fixture, document.baseURI), { credentials: 'omit' });
  const text = shiftDates(await response.text(), shiftFor(anchor, 'day'));
  const feed: unknown = JSON.parse(text);
  // The copy's relative image URLs must resolve as they did when it was fetched from the fixture.
  localStorage.setItem(CACHE_PREFIX + feedUrl, JSON.stringify({ savedAt: Date.now() - ageMs, feed: absolutize(feed, fixture) }));
}

/** Makes the `image.src` of every item absolute against the fixture's URL. */
function absolutize(feed: unknown, fixture: string): unknown {
  const base = new URL(fixture, document.baseURI).href;
  const doc = feed as Record<string, unknown>;
  for (const list of ['initiatives', 'events', 'quotes', 'news']) {
    const items = doc[list];
    if (!Array.isArray(items)) continue;
    for (const item of items as { image?: { src?: unknown } }[]) {
      if (item.image && typeof item.image.src === 'string') item.image.src = new URL(item.image.src, base).href;
    }
  }
  return feed;
}
