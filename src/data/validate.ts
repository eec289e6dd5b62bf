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
import { LANGUAGE_TAG, LISTS, ONLY_LIST, type ListName } from './rules.js';
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
  /** Topic as the initiatives write it → its label (only in builds that read initiatives). */
  topics?: Record<string, LocalizedText>;
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
/** The longest topic an initiative can have (the schema's limit). */
const TOPIC_MAX = 100;
/** Topic labels read at most: the rest are ignored (a label map is read in one go, not in slices, and saved). */
export const TOPIC_LABELS_MAX = 1000;

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
  // The initiatives' topic labels: a build without the initiative feed has no use for them.
  // (Not read at all there: the other page bundles then keep no trace of it.)
  const topics = (ONLY_LIST ?? 'initiatives') === 'initiatives' ? record['topics'] : undefined;
  if (topics && typeof topics === 'object' && !Array.isArray(topics)) {
    const labels: Record<string, LocalizedText> = {};
    let some = false;
    for (const topic of Object.keys(topics).slice(0, TOPIC_LABELS_MAX)) {
      const label = (topics as Record<string, unknown>)[topic];
      // Cleaned as the initiatives' topics are (normalizeInitiative), so that the two still match.
      const key = cleanTopic(topic);
      // Each label on its own: a bad one leaves its topic shown as written. (`__proto__` as in cleanLocalized.)
      // The length in code points, as the schema counts it (an emoji is two UTF-16 units).
      if (key && key !== '__proto__' && (topic.length <= TOPIC_MAX || [...topic].length <= TOPIC_MAX) && isLocalizedText(label)) {
        const shown = withoutBlanks(cleanLocalized(label, SHORT_MAX));
        // Nothing left once cleaned (only zero-width characters): no label, the topic as written.
        if (shown === undefined) continue;
        labels[key] = shown;
        some = true;
      }
    }
    if (some) feed.topics = labels;
  }

  for (const list of LISTS) {
    const items = record[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      skipped[list] += 1;
      continue;
    }
    const steps = LIST_STEPS[list];
    // A single-widget bundle reads only its own list (rules.ts, ONLY_LIST).
    if (!steps) continue;
    const { check, normalize } = steps;
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
      const normalized = normalize(item as never, baseUrl);
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

/**
 * Each list's compiled check and its copy-and-clean step. A single-widget bundle has only its own list's
 * (rules.ts, ONLY_LIST): the conditions fold to constants there, and the minifier drops the other functions.
 */
const LIST_STEPS: {
  [K in ListName]?: { check: (item: unknown) => item is { id: string }; normalize: (item: never, base: string) => unknown };
} = {
  initiatives: (ONLY_LIST ?? 'initiatives') === 'initiatives' ? { check: isInitiative, normalize: normalizeInitiative } : undefined,
  events: (ONLY_LIST ?? 'events') === 'events' ? { check: isFeedEvent, normalize: normalizeEvent } : undefined,
  quotes: (ONLY_LIST ?? 'quotes') === 'quotes' ? { check: isQuote, normalize: normalizeQuote } : undefined,
  news: (ONLY_LIST ?? 'news') === 'news' ? { check: isNewsItem, normalize: normalizeNews } : undefined,
};

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  // Never call a feed object's own toString: it may be anything (found by fuzzing: { "toString": "" }).
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  const s = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

function cleanLocalized(value: LocalizedText, max: number): LocalizedText {
  if (typeof value === 'string') return cleanText(value, max);
  const out: Record<string, string> = {};
  // A `__proto__` key passes the schema (zod skips it) and is dropped here, as zod's own copy drops it.
  for (const lang of Object.keys(value)) if (lang !== '__proto__') out[lang] = cleanText(value[lang]!, max);
  return out;
}

/**
 * A topic is a name that the `topic` attribute, the URL's `cw-topic` and the labels match: cleaned, never
 * shortened (the schema keeps it within 100 code points). It used to be cut at 60 UTF-16 units, so a longer one
 * showed with "…" and no `topic` attribute could name it.
 */
const cleanTopic = (topic: string): string => cleanText(topic, Infinity);

/**
 * A label without its blank languages: `{ "en": "", "es": "Espacio público" }` is "Espacio público" on an English
 * page (the usual fallback), not an empty tag and an option named "(3)". `undefined` when no text is left (a
 * label of zero-width characters only, which cleaning removed).
 */
function withoutBlanks(label: LocalizedText): LocalizedText | undefined {
  if (typeof label === 'string') return label.trim() === '' ? undefined : label;
  const out: Record<string, string> = {};
  let some = false;
  for (const lang of Object.keys(label)) {
    if (label[lang]!.trim() !== '') {
      out[lang] = label[lang]!;
      some = true;
    }
  }
  return some ? out : undefined;
}

function cleanImage(image: FeedImage | undefined, base: string): FeedImage | undefined {
  if (!image) return undefined;
  const src = safeUrl(image.src, base);
  if (!src) return undefined;
  return image.alt === undefined ? { src } : { src, alt: cleanLocalized(image.alt, SHORT_MAX) };
}

/**
 * Sets `key` unless the value is `undefined`, so that the cached copy and the rendered data have the same keys.
 * (Each item is built once, in the schema's key order; never `delete`, which turns an object into a slow
 * dictionary-mode one.)
 */
function put<T, K extends keyof T>(out: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) out[key] = value;
}

function normalizeInitiative(item: Initiative, base: string): Initiative {
  const out = { id: item.id, title: cleanLocalized(item.title, TITLE_MAX) } as Initiative;
  put(out, 'summary', item.summary && cleanLocalized(item.summary, TEXT_MAX));
  put(out, 'url', safeUrl(item.url, base));
  out.city = cleanText(item.city, SHORT_MAX);
  out.country = item.country.toUpperCase();
  put(out, 'region', item.region === undefined ? undefined : cleanLocalized(item.region, SHORT_MAX));
  put(out, 'topics', item.topics?.map(cleanTopic));
  put(out, 'published', item.published);
  put(out, 'image', cleanImage(item.image, base));
  return out;
}

function normalizeEvent(item: FeedEvent, base: string): FeedEvent {
  const out = { id: item.id, title: cleanLocalized(item.title, TITLE_MAX), start: item.start } as FeedEvent;
  put(out, 'end', item.end);
  put(out, 'summary', item.summary && cleanLocalized(item.summary, TEXT_MAX));
  put(out, 'url', safeUrl(item.url, base));
  put(out, 'location', item.location && cleanLocalized(item.location, SHORT_MAX));
  put(out, 'online', item.online);
  return out;
}

function normalizeQuote(item: Quote, base: string): Quote {
  const out = { id: item.id, text: cleanLocalized(item.text, TEXT_MAX), author: cleanText(item.author, SHORT_MAX) } as Quote;
  put(out, 'role', item.role && cleanLocalized(item.role, SHORT_MAX));
  put(out, 'organization', item.organization && cleanLocalized(item.organization, SHORT_MAX));
  put(out, 'city', item.city && cleanText(item.city, SHORT_MAX));
  put(out, 'date', item.date);
  put(out, 'source_url', safeUrl(item.source_url, base));
  put(out, 'image', cleanImage(item.image, base));
  return out;
}

function normalizeNews(item: NewsItem, base: string): NewsItem | undefined {
  // A news item is a link: without an http(s) URL there is nothing to show.
  const url = safeUrl(item.url, base);
  if (!url) return undefined;
  const out = { id: item.id, title: cleanLocalized(item.title, TITLE_MAX) } as NewsItem;
  put(out, 'summary', item.summary && cleanLocalized(item.summary, TEXT_MAX));
  out.url = url;
  out.published = item.published;
  put(out, 'image', cleanImage(item.image, base));
  put(out, 'authors', item.authors?.map((a) => cleanText(a, SHORT_MAX)));
  return out;
}
