/**
 * Which UI language an element speaks, and per-element message lookup.
 *
 * @lit/localize keeps one active locale per page. A page can hold an English widget beside a French one,
 * so instead of `configureLocalization` we install @lit/localize's re-entrant implementation: `msg()`
 * asks `getLocale()` on every call, and each element sets the current locale around its own render
 * (see `withLocale`). Catalogs are loaded on demand (one small chunk per language) and kept.
 */
import type { LocaleModule } from '@lit/localize';
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

export const SUPPORTED_LOCALES: readonly Locale[] = [sourceLocale, ...targetLocales];
export const SOURCE_LOCALE: Locale = sourceLocale;

/** One loader per target language; the bundler turns each into a chunk beside the bundle. */
const LOADERS: Record<Exclude<Locale, typeof sourceLocale>, () => Promise<LocaleModule>> = {
  ar: () => import('../generated/locales/ar.js'),
  es: () => import('../generated/locales/es.js'),
  fr: () => import('../generated/locales/fr.js'),
  pt: () => import('../generated/locales/pt.js'),
  'zh-Hans': () => import('../generated/locales/zh-Hans.js'),
};

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

const loaded = new Map<Locale, LocaleModule>();
const pending = new Map<Locale, Promise<void>>();
/** Catalogs whose chunk failed to load: their widgets show English from then on, without asking again. */
const failed = new Set<Locale>();
let current: Locale = sourceLocale;

const configure = (): void =>
  void configureReentrantLocalization({
    sourceLocale,
    targetLocales: [...targetLocales],
    getLocale: () => current,
    loadLocaleSync: (locale) => loaded.get(locale as Locale) as LocaleModule,
  });

// A page bundle's @lit/localize is its own: nothing else can have configured it. Without the guard below, 40–46
// bytes gzip less per page bundle (npm run size, session 11).
if (typeof __CITIES_WIDGETS_PAGE__ !== 'undefined') configure();
else {
  try {
    configure();
  } catch {
    // Only possible in the npm build, when the host application configured @lit/localize itself.
    console.warn('cities-widgets: @lit/localize is already configured on this page; widget strings follow that configuration.');
  }
}

/** Runs `fn` (a render) with `msg()` answering in `locale`. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const previous = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** True when the strings of `locale` are available synchronously. */
export function isLocaleReady(locale: Locale): boolean {
  return locale === sourceLocale || loaded.has(locale);
}

/**
 * True when a widget in `locale` can show text: its strings are ready, or loading them failed (English is
 * shown then, rather than nothing).
 */
export function isLocaleSettled(locale: Locale): boolean {
  return isLocaleReady(locale) || failed.has(locale);
}

/** Loads a catalog once; resolves when it is ready (also when it failed: English is shown then, for good). */
export function loadLocale(locale: Locale): Promise<void> {
  if (isLocaleSettled(locale)) return Promise.resolve();
  let promise = pending.get(locale);
  if (!promise) {
    const loader = LOADERS[locale as Exclude<Locale, typeof sourceLocale>];
    promise = loader().then(
      (module) => {
        loaded.set(locale, module);
      },
      () => {
        failed.add(locale);
      },
    );
    pending.set(locale, promise);
  }
  return promise;
}

/**
 * The supported UI locale for a language tag: the tag itself, then its language and script
 * (`zh-CN` → `zh-Hans`), then its language (`es-CO` → `es`) unless that catalog is in another script
 * (`zh-TW`, Traditional, gets English rather than Simplified Chinese), then English.
 */
export function matchLocale(tag: string | null | undefined): Locale {
  if (!tag) return sourceLocale;
  const lower = tag.toLowerCase();
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  let language = lower.split(/[-_]/)[0]!;
  let script: string | undefined;
  try {
    const maximized = new Intl.Locale(tag).maximize();
    language = maximized.language;
    script = maximized.script;
  } catch {
    /* not a valid tag: use what we split off */
  }
  if (script) {
    const withScript = `${language}-${script}`.toLowerCase();
    const match = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === withScript);
    if (match) return match;
  }
  // The language alone, unless the catalog is for another script: zh-TW, zh-HK and zh-Hant are written in
  // Traditional characters, and a Simplified Chinese catalog is no answer for them (English is).
  const other = script?.toLowerCase();
  return (
    SUPPORTED_LOCALES.find((l) => {
      const [lang, sub] = l.toLowerCase().split('-');
      return lang === language && !(other && sub?.length === 4 && sub !== other);
    }) ?? sourceLocale
  );
}

export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(tag.toLowerCase().split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
}

/** A page-wide default from `<meta name="cities-widgets:NAME" content="…">`. */
export function pageDefault(name: 'src' | 'lang' | 'theme' | 'motion'): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="cities-widgets:${name}"]`);
  const content = meta?.content.trim();
  return content ? content : undefined;
}

/**
 * The language an element was asked to speak: its own `lang`, the nearest ancestor's (across shadow
 * roots, up to `<html lang>`), the page-wide meta default, then English.
 */
export function requestedLanguage(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return pageDefault('lang') ?? sourceLocale;
}

/** A tag Intl accepts (the requested one, for regional formats like es-CO), else the UI locale. */
export function formattingLocale(requested: string, locale: Locale): string {
  try {
    return Intl.getCanonicalLocales(requested)[0] ?? locale;
  } catch {
    return locale;
  }
}
