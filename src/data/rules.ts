/**
 * The pieces of the feed format that are plain functions and constants, without zod: the language-tag
 * pattern, the list names and the custom checks the schema refines with (src/data/schema.ts).
 *
 * The page bundles validate with src/generated/feed-checks.ts, which scripts/compile-schema.mjs compiles
 * from the zod schema at build time and which calls these same functions; so this module must not import
 * zod. A custom check gets the item as the feed wrote it (zod gives it its own copy, which differs only in
 * keys the schema does not know and in a `__proto__` key, which zod skips): the checks below read neither.
 */
import { parseDateTime } from './dates.js';

export { isDateTime } from './dates.js';

/** A BCP 47 language tag, loosely: "en", "es-CO", "zh-Hans". Rules out keys like "__proto__". */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** The lists a feed can carry, each read by one widget. */
export const LISTS = ['initiatives', 'events', 'quotes', 'news'] as const;
export type ListName = (typeof LISTS)[number];

/**
 * The one list this build reads, or `undefined` for all of them. A single-widget page bundle is built with
 * `__CITIES_WIDGETS_LIST__` defined as its widget's list (rollup.config.js): the other lists of a feed are
 * dropped unread (no time spent validating 5,000 initiatives for a news list), their checks are left out of the
 * bundle, and its saved copy has a key of its own. `dist/cities-widgets.js`, the npm build and the tests read
 * every list.
 */
export const ONLY_LIST: ListName | undefined =
  typeof __CITIES_WIDGETS_LIST__ === 'undefined' ? undefined : __CITIES_WIDGETS_LIST__;

/** A language map has at least one text that is not blank (`__proto__`, which zod skips, does not count). */
/**
 * A text that is more than spaces: one character at least that is neither white space nor one of the invisible
 * characters the widgets strip (text.ts, INVISIBLE: bidi controls, zero-width spaces, C0 controls). A title of
 * "   " or "\u200B" was an empty heading and an empty link on the page (a localized text's values were already
 * held to part of this: hasText). The empty string matches: it is `minLength(1)`'s to refuse, so that the CLI says
 * "is empty" once, not "is blank" beside it. (test/data/schema.test.ts checks every code point against cleanText.)
 */
export const NOT_BLANK = /^$|[^\s\0-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Nothing the widgets would show: empty, or only white space and invisible characters (NOT_BLANK). */
export const isBlank = (text: string): boolean => text === '' || !NOT_BLANK.test(text);

export function hasText(map: Record<string, string>): boolean {
  for (const key of Object.keys(map)) {
    if (key !== '__proto__' && !isBlank(map[key]!)) return true;
  }
  return false;
}

/** An event that gives an end ends after it starts. */
export function endsAfterStart(event: { start: string; end?: string | undefined }): boolean {
  if (event.end === undefined) return true;
  const start = parseDateTime(event.start);
  const end = parseDateTime(event.end);
  return start === undefined || end === undefined || end > start;
}
