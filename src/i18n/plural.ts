/**
 * Count-dependent messages without hand-written plural rules.
 *
 * Each plural category is its own catalog message with an explicit id (`initiatives.one`,
 * `initiatives.few`, …) whose English source is the English one/other text, so that a translator can
 * give Arabic all six forms (zero, one, two, few, many, other) and Chinese a single one. The category is
 * chosen by the CLDR rules of the language the message is written in (`Intl.PluralRules`); a category a
 * call does not list falls back to `other`.
 *
 * ```ts
 * plural(this.locale, n, {
 *   one: () => msg(str`${shown} initiative`, { id: 'initiatives.one' }),
 *   other: () => msg(str`${shown} initiatives`, { id: 'initiatives.other' }),
 * });
 * ```
 *
 * The forms are functions so that only the chosen message is looked up (and so that `msg()` runs inside
 * the caller's locale, see `withLocale`).
 */
import { pluralRules } from './format.js';

export type PluralCategory = Intl.LDMLPluralRule;

export type PluralForms = { [K in PluralCategory]?: () => string } & { other: () => string };

/** The message for `n` in `locale`: the form of its plural category, else `other`. */
export function plural(locale: string, n: number, forms: PluralForms): string {
  const category = pluralRules(locale).select(n);
  return (forms[category] ?? forms.other)();
}
