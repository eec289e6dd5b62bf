/**
 * Validation of a document in our own feed format (version 1), item by item: the zod schema, then the URL
 * policy and the text cleaning. A JSON Feed is converted first (jsonfeed.ts, see parse.ts and the loader,
 * which loads that adapter only when a feed is one).
 */
import * as z from 'zod/mini';
import { FeedError } from './errors.js';
import {
  ITEM_SCHEMAS,
  LANGUAGE_TAG,
  LISTS,
  LocalizedTextSchema,
  type FeedEvent,
  type FeedImage,
  type Initiative,
  type ListName,
  type LocalizedText,
  type NewsItem,
  type Quote,
} from './schema.js';
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

  const title = valid(LocalizedTextSchema, record['title']);
  if (title !== undefined) feed.title = cleanLocalized(title, TITLE_MAX);
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
    const schema = ITEM_SCHEMAS[list];
    const seen = new Set<string>();
    const out: unknown[] = feed[list];
    for (let i = 0; i < items.length; i++) {
      if (i % STEP === STEP - 1) yield;
      if (out.length >= maxItems) {
        // Nothing more to validate in this list: count the rest at once.
        skipped[list] += items.length - i;
        break;
      }
      const result = z.safeParse(schema, items[i]);
      if (!result.success || seen.has(result.data.id)) {
        skipped[list] += 1;
        continue;
      }
      const normalized = NORMALIZE[list](result.data as never, baseUrl);
      if (normalized === undefined) {
        skipped[list] += 1;
        continue;
      }
      seen.add(result.data.id);
      out.push(normalized);
    }
  }
  return { feed, skipped };
}

function valid<T>(schema: z.ZodMiniType<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const result = z.safeParse(schema, value);
  return result.success ? result.data : undefined;
}

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
  for (const [lang, s] of Object.entries(value)) out[lang] = cleanText(s, max);
  return out;
}

function cleanImage(image: FeedImage | undefined, base: string): FeedImage | undefined {
  if (!image) return undefined;
  const src = safeUrl(image.src, base);
  if (!src) return undefined;
  return image.alt === undefined ? { src } : { src, alt: cleanLocalized(image.alt, SHORT_MAX) };
}

/**
 * A copy without the `undefined` values, so that the cached copy and the rendered data have the same keys.
 * (A copy, not `delete`: deleting keys turns every item into a slow dictionary-mode object.)
 */
function compact<T extends object>(item: T): T {
  const out = {} as T;
  for (const key in item) if (item[key] !== undefined) out[key] = item[key];
  return out;
}

const NORMALIZE: { [K in ListName]: (item: never, base: string) => unknown } = {
  initiatives: (item: Initiative, base: string): Initiative =>
    compact({
      id: item.id,
      title: cleanLocalized(item.title, TITLE_MAX),
      summary: item.summary && cleanLocalized(item.summary, TEXT_MAX),
      url: safeUrl(item.url, base),
      city: cleanText(item.city, SHORT_MAX),
      country: item.country.toUpperCase(),
      region: item.region && cleanText(item.region, SHORT_MAX),
      topics: item.topics?.map((t) => cleanText(t, 60)),
      published: item.published,
      image: cleanImage(item.image, base),
    }),
  events: (item: FeedEvent, base: string): FeedEvent =>
    compact({
      id: item.id,
      title: cleanLocalized(item.title, TITLE_MAX),
      start: item.start,
      end: item.end,
      summary: item.summary && cleanLocalized(item.summary, TEXT_MAX),
      url: safeUrl(item.url, base),
      location: item.location && cleanLocalized(item.location, SHORT_MAX),
      online: item.online,
    }),
  quotes: (item: Quote, base: string): Quote =>
    compact({
      id: item.id,
      text: cleanLocalized(item.text, TEXT_MAX),
      author: cleanText(item.author, SHORT_MAX),
      role: item.role && cleanLocalized(item.role, SHORT_MAX),
      organization: item.organization && cleanLocalized(item.organization, SHORT_MAX),
      city: item.city && cleanText(item.city, SHORT_MAX),
      date: item.date,
      source_url: safeUrl(item.source_url, base),
      image: cleanImage(item.image, base),
    }),
  news: (item: NewsItem, base: string): NewsItem | undefined => {
    // A news item is a link: without an http(s) URL there is nothing to show.
    const url = safeUrl(item.url, base);
    if (!url) return undefined;
    return compact({
      id: item.id,
      title: cleanLocalized(item.title, TITLE_MAX),
      summary: item.summary && cleanLocalized(item.summary, TEXT_MAX),
      url,
      published: item.published,
      image: cleanImage(item.image, base),
      authors: item.authors?.map((a) => cleanText(a, SHORT_MAX)),
    });
  },
};
