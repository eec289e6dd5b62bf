/**
 * Intl formatting with cached formatters (constructing an Intl object costs far more than using one).
 * Every function takes the element's formatting locale; nothing here depends on a page-wide locale.
 */
import { yieldToPage } from '../data/tasks.js';

const cache = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`;
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

let numberFormatBuilt = false;

export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions) =>
  cached('n', locale, options, () => {
    const format = new Intl.NumberFormat(locale, options);
    numberFormatBuilt = true;
    return format;
  });

/** Whether the page has an Intl.NumberFormat: its first costs 15–20 ms (ICU data), every later one 0.1–3 ms. */
export const numberFormatReady = (): boolean => numberFormatBuilt;

export const dateTimeFormat = (locale: string, options?: Intl.DateTimeFormatOptions) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const relativeTimeFormat = (locale: string, options?: Intl.RelativeTimeFormatOptions) =>
  cached('r', locale, options, () => new Intl.RelativeTimeFormat(locale, options));

export const pluralRules = (locale: string, options?: Intl.PluralRulesOptions) =>
  cached('p', locale, options, () => new Intl.PluralRules(locale, options));

export const listFormat = (locale: string, options?: Intl.ListFormatOptions) =>
  cached('l', locale, options, () => new Intl.ListFormat(locale, options));

const displayNames = (locale: string, type: Intl.DisplayNamesType) =>
  cached('c', locale, { type }, () => new Intl.DisplayNames(locale, { type, fallback: 'code' }));

/** "ES" → "Spain" / "España" / "Espagne"; the code itself when Intl does not know it. */
export function countryName(code: string, locale: string): string {
  try {
    return displayNames(locale, 'region').of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const DAY = 86_400_000;
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** Whether formatDate says this time relatively ("3 days ago") rather than as a calendar date. */
export function isRecent(time: number, now = Date.now(), relativeDays = 7): boolean {
  return Math.abs(time - now) < relativeDays * DAY;
}

/**
 * A date as people say it: relative when it lies within `relativeDays` of now ("3 days ago",
 * "yesterday", "in 2 hours"), else a localized calendar date.
 */
export function formatDate(time: number, locale: string, now = Date.now(), relativeDays = 7): string {
  const diff = time - now;
  if (isRecent(time, now, relativeDays)) {
    const rtf = relativeTimeFormat(locale, { numeric: 'auto' });
    for (const [unit, size] of RELATIVE_UNITS) {
      if (Math.abs(diff) >= size || unit === 'minute') return rtf.format(Math.round(diff / size), unit);
    }
  }
  return dateTimeFormat(locale, { dateStyle: 'medium' }).format(time);
}

export const collator = (locale: string) => cached('o', locale, undefined, () => new Intl.Collator(locale));

let warmed = false;

/**
 * Sets ICU up while a widget's feed is on the way. The first Intl object of a page costs far more than any
 * after it (measured in Chromium 156 on fresh pages: 15–18 ms for the first, whatever its kind; then 0.1–3 ms
 * each): paid in a task of its own while the network works, not in the task that renders the content.
 * Once per page (the set-up is the page's, not the locale's).
 */
export function warmIntl(locale: string): void {
  if (warmed) return;
  warmed = true;
  // Only a head start: if the page has broken Intl, the widget's own render meets it, not a stray rejection.
  void numberFormatSoon(locale);
}

/**
 * Builds (and uses once) the number format of `locale` in a task of its own; resolves whether it could (a page may have broken
 * Intl.NumberFormat: then false, and nothing is thrown at the page).
 */
export function numberFormatSoon(locale: string): Promise<boolean> {
  return yieldToPage()
    .then(() => {
      numberFormat(locale).format(1);
      return true;
    })
    .catch(() => false);
}

const prepared = new Map<string, Promise<void>>();

/**
 * Builds the formatters a widget will need for a locale while its feed is on the way. The first
 * Intl.DisplayNames and Intl.DateTimeFormat of a page load ICU data: measured in Chromium 156, 22 ms + 9 ms
 * for the first country names and 13 ms for the first date format, which would otherwise land in the task
 * that renders the first cards. Once per locale and page, each step in a task of its own; the promise
 * settles when all are built.
 */
export function prepareFormats(locale: string): Promise<void> {
  let ready = prepared.get(locale);
  if (!ready) {
    ready = (async () => {
      for (const step of [
        () => countryName('FR', locale),
        () => formatDate(0, locale),
        () => formatDate(Date.now() - 86_400_000, locale),
        () => numberFormat(locale).format(1),
        () => pluralRules(locale).select(1),
        () => collator(locale).compare('a', 'b'),
      ]) {
        await yieldToPage();
        step();
      }
    })();
    prepared.set(locale, ready);
  }
  return ready;
}
