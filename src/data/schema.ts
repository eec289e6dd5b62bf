/**
 * The feed format, version 1: the public contract between feed publishers and the widgets.
 *
 * One zod schema (the `zod/mini` API), the single description of the format: the TypeScript types are
 * inferred from it, `dist/feed.schema.json` is generated from it at build time, the CLI (`validate`) words
 * its issues for publishers, and scripts/compile-schema.mjs compiles it into the plain checks that the page
 * bundles validate every item with (src/generated/feed-checks.ts; README, "Validation without zod in the
 * page"). Custom checks live in ./rules.js so that the compiled checks can call the same functions.
 * See docs/feed-format.md.
 */
import * as z from 'zod/mini';
import { DATE_TIME_PATTERN } from './dates.js';
import { LANGUAGE_TAG, LISTS, NOT_BLANK, endsAfterStart, hasText, isDateTime, type ListName } from './rules.js';

export { LANGUAGE_TAG, LISTS, NOT_BLANK, type ListName };

// zod compiles object parsers with `new Function` unless told not to. On a page with a strict CSP
// (no 'unsafe-eval') even the feature test raises a securitypolicyviolation, so the JIT stays off.
// This must run before the first schema is constructed. zod's configuration is global (shared with any
// other zod on the page): the page's own setting is put back at the end of this module.
const pageJitless = z.config().jitless;
z.config({ jitless: true });

const text = (max: number) => z.string().check(z.maxLength(max));
/** A text with something in it: not empty, and not only spaces (NOT_BLANK). */
const nonEmpty = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(NOT_BLANK));

const languageMap = z.record(z.string().check(z.regex(LANGUAGE_TAG)), z.string());

/** Localized text: a plain string, or one string per language: `{ "en": "…", "es": "…" }`. */
export const LocalizedTextSchema = z.union([
  nonEmpty(100_000),
  languageMap.check(z.refine(hasText, 'needs at least one non-empty text')),
]);

/**
 * Localized text whose plain-string form may be empty (an initiative's region: it was a plain string up to 200
 * characters, which an empty one still is, so no feed that was valid becomes invalid).
 */
export const ShortLocalizedTextSchema = z.union([text(200), languageMap.check(z.refine(hasText, 'needs at least one non-empty text'))]);

/** Localized text that may be empty (image alt text: empty means decorative). */
const OptionalTextSchema = z.union([text(100_000), languageMap]);

const UrlSchema = nonEmpty(4096);
const IdSchema = nonEmpty(256);

/** An ISO 8601 date-time with an offset: "2026-12-01T15:00:00+01:00" or "…Z". */
export const DateTimeSchema = z.string().check(
  z.regex(new RegExp(DATE_TIME_PATTERN)),
  z.refine(isDateTime, 'not a possible date-time with a time-zone offset'),
);

export const ImageSchema = z.object({
  src: UrlSchema,
  alt: z.optional(OptionalTextSchema),
});

export const InitiativeSchema = z.object({
  id: IdSchema,
  title: LocalizedTextSchema,
  summary: z.optional(LocalizedTextSchema),
  url: z.optional(UrlSchema),
  city: nonEmpty(200),
  /** ISO 3166-1 alpha-2 country code. */
  country: z.string().check(z.regex(/^[A-Za-z]{2}$/)),
  region: z.optional(ShortLocalizedTextSchema),
  topics: z.optional(z.array(nonEmpty(100))),
  published: z.optional(DateTimeSchema),
  image: z.optional(ImageSchema),
});

export const EventSchema = z
  .object({
    id: IdSchema,
    title: LocalizedTextSchema,
    start: DateTimeSchema,
    end: z.optional(DateTimeSchema),
    summary: z.optional(LocalizedTextSchema),
    url: z.optional(UrlSchema),
    location: z.optional(LocalizedTextSchema),
    online: z.optional(z.boolean()),
  })
  .check(z.refine(endsAfterStart, 'end must be after start'));

export const QuoteSchema = z.object({
  id: IdSchema,
  text: LocalizedTextSchema,
  author: nonEmpty(200),
  role: z.optional(LocalizedTextSchema),
  organization: z.optional(LocalizedTextSchema),
  city: z.optional(text(200)),
  date: z.optional(DateTimeSchema),
  source_url: z.optional(UrlSchema),
  image: z.optional(ImageSchema),
});

export const NewsSchema = z.object({
  id: IdSchema,
  title: LocalizedTextSchema,
  summary: z.optional(LocalizedTextSchema),
  url: UrlSchema,
  published: DateTimeSchema,
  image: z.optional(ImageSchema),
  /** Author names, for a byline (a JSON Feed's `authors` map here). */
  authors: z.optional(z.array(nonEmpty(200))),
});

/** The whole document, as publishers write it (used for the JSON Schema and the types). */
export const FeedSchema = z.object({
  version: z.literal(1),
  title: z.optional(LocalizedTextSchema),
  language: z.optional(z.string().check(z.regex(LANGUAGE_TAG))),
  home_page_url: z.optional(UrlSchema),
  initiatives: z.optional(z.array(InitiativeSchema)),
  events: z.optional(z.array(EventSchema)),
  quotes: z.optional(z.array(QuoteSchema)),
  news: z.optional(z.array(NewsSchema)),
  /**
   * What to show for the topics of `initiatives`: topic (as the initiatives write it) → its label in each
   * language, `{ "public-space": { "en": "Public space", "es": "Espacio público" } }`. A topic without a label
   * is shown as written.
   */
  topics: z.optional(z.record(nonEmpty(100), LocalizedTextSchema)),
});

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type FeedImage = z.infer<typeof ImageSchema>;
export type Initiative = z.infer<typeof InitiativeSchema>;
export type FeedEvent = z.infer<typeof EventSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type NewsItem = z.infer<typeof NewsSchema>;
export type FeedDocument = z.infer<typeof FeedSchema>;

export const ITEM_SCHEMAS = {
  initiatives: InitiativeSchema,
  events: EventSchema,
  quotes: QuoteSchema,
  news: NewsSchema,
} as const;

// Every schema above is built (an object schema reads the setting once, when it is built): leave the
// page's zod as it was.
z.config({ jitless: pageJitless });
