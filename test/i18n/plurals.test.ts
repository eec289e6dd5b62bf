/**
 * Plural forms by CLDR category, never English one/other: the `plural()` helper on its own, then
 * through the widgets for 0, 1, 2, 5 and 21 in Arabic (six categories), French (0 and 1 are singular)
 * and Spanish, and the countdown's Intl unit labels for the same numbers.
 */
import { expect } from '@open-wc/testing';
import { msg } from '@lit/localize';
import type sinon from 'sinon';
import { loadLocale, withLocale } from '../../src/i18n/locale.js';
import { plural } from '../../src/i18n/plural.js';
import { feedUrl, uniqueKey } from '../helpers/server.js';
import { cleanup, mount, pageErrors, pinClock, textOf } from './widgets.js';

const NUMBERS = [0, 1, 2, 5, 21] as const;

describe('plural forms', () => {
  const errors = pageErrors();
  before(() => Promise.all((['ar', 'fr', 'es', 'pt', 'zh-Hans'] as const).map((l) => loadLocale(l))));
  beforeEach(() => errors.start());
  afterEach(() => {
    cleanup();
    errors.stop();
  });

  describe('plural()', () => {
    const forms = {
      zero: () => 'zero',
      one: () => 'one',
      two: () => 'two',
      few: () => 'few',
      many: () => 'many',
      other: () => 'other',
    };

    it('picks the CLDR category of the language', () => {
      expect([0, 1, 2, 5, 21, 100].map((n) => plural('ar', n, forms))).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
      expect([0, 1, 2, 5, 21].map((n) => plural('fr', n, forms))).to.deep.equal(['one', 'one', 'other', 'other', 'other']);
      expect([0, 1, 2, 21].map((n) => plural('es', n, forms))).to.deep.equal(['other', 'one', 'other', 'other']);
      expect([0, 1, 2].map((n) => plural('pt', n, forms))).to.deep.equal(['one', 'one', 'other']);
      expect([0, 1, 2].map((n) => plural('en', n, forms))).to.deep.equal(['other', 'one', 'other']);
      expect([0, 1, 2].map((n) => plural('zh-Hans', n, forms))).to.deep.equal(['other', 'other', 'other']);
      // Millions take "de" in French, Spanish and Portuguese: their own category.
      expect(['fr', 'es', 'pt'].map((l) => plural(l, 1_000_000, forms))).to.deep.equal(['many', 'many', 'many']);
    });

    it('falls back to `other` for a category the call does not give, and calls only the chosen form', () => {
      let calls = 0;
      const count = (word: string) => () => {
        calls += 1;
        return word;
      };
      expect(plural('ar', 2, { one: count('one'), other: count('other') })).to.equal('other');
      expect(plural('ar', 1, { one: count('one'), other: count('other') })).to.equal('one');
      expect(calls).to.equal(2);
    });

    it('answers from the catalog of the locale msg() is in', () => {
      const text = (locale: 'ar' | 'fr', n: number) =>
        withLocale(locale, () =>
          plural(locale, n, {
            one: () => msg('Try again'),
            other: () => msg('Show more'),
          }),
        );
      expect(text('fr', 0)).to.equal('Réessayer');
      expect(text('fr', 2)).to.equal('Afficher plus');
      expect(text('ar', 2)).to.equal('عرض المزيد');
    });
  });

  describe("the initiative feed's result count", () => {
    /** A feed of 25 initiatives, inline (`raw`), all in Colombia. */
    const raw = JSON.stringify({
      version: 1,
      language: 'en',
      initiatives: Array.from({ length: 25 }, (_, i) => ({
        id: `i${i}`,
        title: `Initiative ${i}`,
        city: i % 2 ? 'Medellín' : 'Bogotá',
        country: 'CO',
        published: `2025-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
      })),
    });
    const src = feedUrl(uniqueKey('plurals'), { raw });

    /** The count the filter bar announces with `limit=n` (0: a city the feed does not have). */
    async function count(lang: string, n: number): Promise<string> {
      const attrs = n === 0 ? { city: 'Nowhere' } : { limit: String(n), 'page-size': '30' };
      const el = await mount('cities-initiative-feed', { lang, filterable: true, src, ...attrs });
      expect(el.shadowRoot!.querySelectorAll('.card').length, `${lang} ${n} cards`).to.equal(n);
      return textOf(el, '.count');
    }

    const expected: Record<string, string[]> = {
      ar: ['0 مبادرة', '1 مبادرة', '2 مبادرتان', '5 مبادرات', '21 مبادرةً'],
      fr: ['0 initiative', '1 initiative', '2 initiatives', '5 initiatives', '21 initiatives'],
      es: ['0 iniciativas', '1 iniciativa', '2 iniciativas', '5 iniciativas', '21 iniciativas'],
      pt: ['0 iniciativa', '1 iniciativa', '2 iniciativas', '5 iniciativas', '21 iniciativas'],
      'zh-Hans': ['0 项倡议', '1 项倡议', '2 项倡议', '5 项倡议', '21 项倡议'],
      en: ['0 initiatives', '1 initiative', '2 initiatives', '5 initiatives', '21 initiatives'],
    };

    for (const [lang, texts] of Object.entries(expected)) {
      it(`${lang}: ${NUMBERS.join(', ')}`, async () => {
        const shown: string[] = [];
        for (const n of NUMBERS) shown.push(await count(lang, n));
        expect(shown).to.deep.equal(texts);
      });
    }

    it('ar-EG: Arabic-Indic digits, Arabic plural words', async () => {
      expect(await count('ar-EG', 21)).to.equal('٢١ مبادرةً');
      expect(await count('ar-EG', 2)).to.equal('٢ مبادرتان');
    });
  });

  describe("the countdown's units", () => {
    let clock: sinon.SinonFakeTimers | undefined;
    afterEach(() => {
      clock?.restore();
      clock = undefined;
    });

    const NOW = Date.parse('2026-03-01T00:00:00Z');
    /**
     * Units and labels of an event n days, n hours, n minutes and n seconds away (for 0, one second
     * away: an event at "now" is live, not upcoming).
     */
    async function units(lang: string, n: number, layout = 'full') {
      clock = pinClock(NOW);
      const date = new Date(NOW + n * (86_400_000 + 3_600_000 + 60_000 + 1000) + (n === 0 ? 1000 : 0)).toISOString();
      const el = await mount('cities-event-countdown', { lang, date, layout, 'visitor-time-zone': 'UTC' }, 'render');
      const all = (part: string) => [...el.shadowRoot!.querySelectorAll(`[part=${part}]`)].map((e) => e.textContent!.trim());
      const result = { numbers: all('number'), labels: all('label'), spoken: textOf(el, '[role=status]') };
      clock.restore();
      clock = undefined;
      cleanup();
      return result;
    }

    const labels: Record<string, string[][]> = {
      // day, hour, minute, second for 0, 1, 2, 5, 21 (for 0, the second is 1)
      ar: [
        ['يوم', 'ساعة', 'دقيقة', 'ثانية'],
        ['يوم', 'ساعة', 'دقيقة', 'ثانية'],
        ['يومان', 'ساعتان', 'دقيقتان', 'ثانيتان'],
        ['أيام', 'ساعات', 'دقائق', 'ثوان'],
        ['يومًا', 'ساعة', 'دقيقة', 'ثانية'],
      ],
      fr: [
        ['jour', 'heure', 'minute', 'seconde'],
        ['jour', 'heure', 'minute', 'seconde'],
        ['jours', 'heures', 'minutes', 'secondes'],
        ['jours', 'heures', 'minutes', 'secondes'],
        ['jours', 'heures', 'minutes', 'secondes'],
      ],
      es: [
        ['días', 'horas', 'minutos', 'segundo'],
        ['día', 'hora', 'minuto', 'segundo'],
        ['días', 'horas', 'minutos', 'segundos'],
        ['días', 'horas', 'minutos', 'segundos'],
        ['días', 'horas', 'minutos', 'segundos'],
      ],
    };

    for (const [lang, expected] of Object.entries(labels)) {
      it(`${lang}: unit labels for ${NUMBERS.join(', ')}, and every box shows its number`, async () => {
        for (const [i, n] of NUMBERS.entries()) {
          const { numbers, labels: shown } = await units(lang, n);
          const two = String(n).padStart(2, '0');
          // Arabic writes one day and two days without a digit ("يوم", "يومان"): the box keeps it.
          expect(numbers, `${lang} ${n}`).to.deep.equal([String(n), two, two, n === 0 ? '01' : two]);
          expect(shown, `${lang} ${n}`).to.deep.equal(expected[i]);
        }
      });
    }

    it('ar: the spoken time left uses the dual and the plural, joined the Arabic way', async () => {
      const two = await units('ar', 2);
      expect(two.spoken).to.contain('يومان').and.to.contain('ساعتان').and.to.contain(' و');
      const five = await units('ar', 5);
      expect(five.spoken).to.contain('5 أيام').and.to.contain('5 ساعات');
      expect(five.spoken).to.match(/^فعالية قادمة — تبقّى /);
    });

    it('the compact layout keeps the numbers with narrow labels', async () => {
      const { numbers, labels: shown } = await units('ar', 2, 'compact');
      expect(numbers).to.deep.equal(['2', '02', '02', '02']);
      expect(shown.every((l) => l.length > 0)).to.equal(true);
    });
  });
});
