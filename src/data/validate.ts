/**
 * Validation of a document in our own feed format (version 1), item by item: the schema's checks, then the
 * URL policy and the text cleaning. A JSON Feed is converted first (jsonfeed.ts, see parse.ts and the loader,
 * which loads that adapter only when a feed is one).
 *
 * The checks are the zod schema (schema.ts) compiled at build time into plain functions
 * (src/generated/feed-checks.ts, scripts/compile-schema.mjs): the same verdict as `z.safeParse`, without
 * zod in the page bundle and without zod's cold first pass (README, "Validation without zod in the page").
 * They only say "valid or not": the items kept are copied field by field below, never passed on as they are.
 */
import { FeedError } from './errors.js';
import { isFeedEvent, isInitiative, isLocalizedText, isNewsItem, isQuote } from '../generated/feed-checks.js';
import { LANGUAGE_TAG, LISTS, type ListName } from './rules.js';
import type { FeedEvent, FeedImage, Initiative, LocalizedText, NewsItem, Quote } from './schema.js';
import { cleanText } from './text.js';
import { safeUrl } from './urls.js';
import { runInSlices, runSteps } from './tasks.js';

/** A validated feed: same shape as the document, with every URL absolute and safe and every text cleaned. */
export interface Feed {
  version: 1;
  title?: LocalizedText;
  language?: string;
  home_page_url?: string;
  initiatives: Initiative[];
  events: FeedEvent[];
  quotes: Quote[];
  news: NewsItem[];
}

export type ListCounts = Record<ListName, number>;

export interface ParseResult {
  feed: Feed;
  /** Items dropped per list: invalid ones, duplicates of an earlier id, and those beyond the item cap. */
  skipped: ListCounts;
}

export interface ParseOptions {
  /** Items kept per list at most (default 5,000). */
  maxItems?: number;
}

export const DEFAULT_MAX_ITEMS = 5000;

const TITLE_MAX = 300;
const TEXT_MAX = 1200;
const SHORT_MAX = 200;

/**
 * Items validated between two looks at the clock (and, in slices, between two chances to yield). Small,
 * because the first items of a page run in cold code (measured: a first run of 64 items took 33 ms).
 */
const STEP = 16;
/** Longest run of validation in one task when parsing in slices, in ms. */
const SLICE_MS = 8;

/**
 * Validates a parsed JSON document against the feed format, item by item, in one go.
 * Throws a FeedError only when the document as a whole is unusable.
 * @param baseUrl the feed's own URL: relative URLs in the feed resolve against it.
 */
export function validateFeed(doc: unknown, baseUrl: string, options: ParseOptions = {}): ParseResult {
  return runSteps(parseSteps(doc, baseUrl, options));
}

/**
 * The same validation, in slices of about 8 ms with the main thread given back to the page in between,
 * so that a large feed (5,000 initiatives take 50–150 ms) never makes one long task. A feed that fits in
 * one slice is done without yielding at all. Same result as validateFeed().
 */
export function validateFeedInSlices(
  doc: unknown,
  baseUrl: string,
  options: ParseOptions & { /** Longest slice in ms (default 8; 0 = yield after every 16 items). */ sliceMs?: number } = {},
): Promise<ParseResult> {
  return runInSlices(parseSteps(doc, baseUrl, options), options.sliceMs ?? SLICE_MS);
}

/** The validation itself, pausing (yield) every STEP items. */
function* parseSteps(doc: unknown, baseUrl: string, options: ParseOptions): Generator<void, ParseResult, void> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new FeedError('format', 'The feed is not a JSON object');
  }
  const record = doc as Record<string, unknown>;
  if (record['version'] !== 1) {
    throw new FeedError('version', `Unsupported feed version: ${describe(record['version'])}`);
  }
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const feed: Feed = { version: 1, initiatives: [], events: [], quotes: [], news: [] };
  const skipped: ListCounts = { initiatives: 0, events: 0, quotes: 0, news: 0 };

  const title = record['title'];
  if (isLocalizedText(title)) feed.title = cleanLocalized(title, TITLE_MAX);
  const language = record['language'];
  if (typeof language === 'string' && LANGUAGE_TAG.test(language)) feed.language = language;
  const home = safeUrl(record['home_page_url'], baseUrl);
  if (home) feed.home_page_url = home;

  for (const list of LISTS) {
    const items = record[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      skipped[list] += 1;
      continue;
    }
    const check = ITEM_CHECKS[list];
    const seen = new Set<string>();
    const out: unknown[] = feed[list];
    for (let i = 0; i < items.length; i++) {
      if (i % STEP === STEP - 1) yield;
      if (out.length >= maxItems) {
        // Nothing more to validate in this list: count the rest at once.
        skipped[list] += items.length - i;
        break;
      }
      const item: unknown = items[i];
      if (!check(item) || seen.has(item.id)) {
        skipped[list] += 1;
        continue;
      }
      const normalized = NORMALIZE[list](item as never, baseUrl);
      if (normalized === undefined) {
        skipped[list] += 1;
        continue;
      }
      seen.add(item.id);
      out.push(normalized);
    }
  }
  return { feed, skipped };
}

const ITEM_CHECKS: { [K in ListName]: (item: unknown) => item is { id: string } } = {
  initiatives: isInitiative,
  events: isFeedEvent,
  quotes: isQuote,
  news: isNewsItem,
};

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  // Never call a feed object's own toString: it may be anything (found by fuzzing: { "toString": "" }).
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/*
 * Cleaning keeps what is already clean: a string, language map, topic list, image or whole item comes back as
 * the same object when cleaning changes nothing and it has no key the format does not know. Almost every item
 * of a real feed is like that, so validating 5,000 initiatives allocates next to nothing (each copy was a
 * young-generation object more for the garbage collector, on the visitor's main thread).
 */

function cleanLocalized(value: LocalizedText, max: number): LocalizedText {
  if (typeof value === 'string') return cleanText(value, max);
  const langs = Object.keys(value);
  // A `__proto__` key passes the schema (zod skips it) and is dropped here, as zod's own copy drops it.
  if (langs.every((lang) => lang !== '__proto__' && cleanText(value[lang]!, max) === value[lang])) return value;
  const out: Record<string, string> = {};
  for (const lang of langs) if (lang !== '__proto__') out[lang] = cleanText(value[lang]!, max);
  return out;
}

function cleanList(list: string[] | undefined, max: number): string[] | undefined {
  if (list === undefined) return undefined;
  for (const text of list) if (cleanText(text, max) !== text) return list.map((t) => cleanText(t, max));
  return list;
}

function cleanImage(image: FeedImage | undefined, base: string): FeedImage | undefined {
  if (!image) return undefined;
  const src = safeUrl(image.src, base);
  if (!src) return undefined;
  const alt = image.alt === undefined ? undefined : cleanLocalized(image.alt, SHORT_MAX);
  if (src === image.src && alt === image.alt && keyCount(image) === 1 + has(alt)) return image;
  return alt === undefined ? { src } : { src, alt };
}

/** How many keys `for…in` sees: an object's own keys, for anything JSON.parse made. */
function keyCount(o: object): number {
  let n = 0;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for (const _ in o) n++;
  return n;
}

const has = (value: unknown): number => (value === undefined ? 0 : 1);

/**
 * Sets `key` unless the value is `undefined`, so that the cached copy and the rendered data have the same keys.
 * (A copy is built once, in the schema's key order; never `delete`, which turns an object into a slow
 * dictionary-mode one.)
 */
function put<T, K extends keyof T>(out: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) out[key] = value;
}

const NORMALIZE: { [K in ListName]: (item: never, base: string) => unknown } = {
  initiatives: (item: Initiative, base: string): Initiative => {
    const title = cleanLocalized(item.title, TITLE_MAX);
    const summary = item.summary && cleanLocalized(item.summary, TEXT_MAX);
    const url = safeUrl(item.url, base);
    const city = cleanText(item.city, SHORT_MAX);
    const country = item.country.toUpperCase();
    const region = item.region && cleanText(item.region, SHORT_MAX);
    const topics = cleanList(item.topics, 60);
    const image = cleanImage(item.image, base);
    if (
      title === item.title && summary === item.summary && url === item.url && city === item.city &&
      country === item.country && region === item.region && topics === item.topics && image === item.image &&
      keyCount(item) === 4 + has(summary) + has(url) + has(region) + has(topics) + has(item.published) + has(image)
    ) {
      return item;
    }
    const out = { id: item.id, title } as Initiative;
    put(out, 'summary', summary);
    put(out, 'url', url);
    out.city = city;
    out.country = country;
    put(out, 'region', region);
    put(out, 'topics', topics);
    put(out, 'published', item.published);
    put(out, 'image', image);
    return out;
  },
  events: (item: FeedEvent, base: string): FeedEvent => {
    const title = cleanLocalized(item.title, TITLE_MAX);
    const summary = item.summary && cleanLocalized(item.summary, TEXT_MAX);
    const url = safeUrl(item.url, base);
    const location = item.location && cleanLocalized(item.location, SHORT_MAX);
    if (
      title === item.title && summary === item.summary && url === item.url && location === item.location &&
      keyCount(item) === 3 + has(item.end) + has(summary) + has(url) + has(location) + has(item.online)
    ) {
      return item;
    }
    const out = { id: item.id, title, start: item.start } as FeedEvent;
    put(out, 'end', item.end);
    put(out, 'summary', summary);
    put(out, 'url', url);
    put(out, 'location', location);
    put(out, 'online', item.online);
    return out;
  },
  quotes: (item: Quote, base: string): Quote => {
    const text = cleanLocalized(item.text, TEXT_MAX);
    const author = cleanText(item.author, SHORT_MAX);
    const role = item.role && cleanLocalized(item.role, SHORT_MAX);
    const organization = item.organization && cleanLocalized(item.organization, SHORT_MAX);
    const city = item.city && cleanText(item.city, SHORT_MAX);
    const sourceUrl = safeUrl(item.source_url, base);
    const image = cleanImage(item.image, base);
    if (
      text === item.text && author === item.author && role === item.role && organization === item.organization &&
      city === item.city && sourceUrl === item.source_url && image === item.image &&
      keyCount(item) === 3 + has(role) + has(organization) + has(city) + has(item.date) + has(sourceUrl) + has(image)
    ) {
      return item;
    }
    const out = { id: item.id, text, author } as Quote;
    put(out, 'role', role);
    put(out, 'organization', organization);
    put(out, 'city', city);
    put(out, 'date', item.date);
    put(out, 'source_url', sourceUrl);
    put(out, 'image', image);
    return out;
  },
  news: (item: NewsItem, base: string): NewsItem | undefined => {
    // A news item is a link: without an http(s) URL there is nothing to show.
    const url = safeUrl(item.url, base);
    if (!url) return undefined;
    const title = cleanLocalized(item.title, TITLE_MAX);
    const summary = item.summary && cleanLocalized(item.summary, TEXT_MAX);
    const image = cleanImage(item.image, base);
    const authors = cleanList(item.authors, SHORT_MAX);
    if (
      title === item.title && summary === item.summary && url === item.url && image === item.image &&
      authors === item.authors && keyCount(item) === 4 + has(summary) + has(image) + has(authors)
    ) {
      return item;
    }
    const out = { id: item.id, title } as NewsItem;
    put(out, 'summary', summary);
    out.url = url;
    out.published = item.published;
    put(out, 'image', image);
    put(out, 'authors', authors);
    return out;
  },
};
