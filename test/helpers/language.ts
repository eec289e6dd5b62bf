import type { ReactiveElement } from 'lit';
import { loadLocale, matchLocale, requestedLanguage } from '../../src/i18n/locale.js';

/**
 * Waits until a widget can speak the language it was asked for (that language's strings, a chunk of their
 * own, are loaded: until then it shows its skeleton) and has rendered since.
 */
export async function languageSettled(el: ReactiveElement): Promise<void> {
  await loadLocale(matchLocale(requestedLanguage(el)));
  await el.updateComplete;
}
