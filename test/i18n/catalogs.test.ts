/**
 * The translation catalogs are complete and up to date: every trans-unit of every XLIFF file has a
 * target with the same placeholders as its source, the generated runtime templates match the XLIFF
 * targets (`lit-localize build` was run), and the XLIFF files hold exactly the messages of the source
 * (`lit-localize extract` was run): the `msg()` calls are read from the library's module graph and
 * given their ids with @lit/localize's own id function.
 */
import { expect } from '@open-wc/testing';
import { isLocaleReady, loadLocale, matchLocale, SUPPORTED_LOCALES, withLocale } from '../../src/i18n/locale.js';
import { msg } from '@lit/localize';
import {
  TARGETS,
  flat,
  generatedTemplates,
  placeholders,
  readXliff,
  sourceMessages,
  type SourceMessage,
  type Unit,
} from './catalog-helpers.js';

const byId = (units: Unit[]) => new Map(units.map((u) => [u.id, u]));

describe('translation catalogs', () => {
  it('covers the network languages, right to left included', () => {
    expect([...TARGETS].sort()).to.deep.equal(['ar', 'es', 'fr', 'pt', 'zh-Hans']);
    expect(SUPPORTED_LOCALES).to.include.members(['en', 'es', 'fr', 'pt', 'ar', 'zh-Hans']);
  });

  for (const locale of TARGETS) {
    it(`${locale}: every trans-unit has a non-empty target with the source's placeholders`, async () => {
      const units = await readXliff(locale);
      expect(units.length, 'trans-units').to.be.greaterThan(40);
      const problems: string[] = [];
      for (const unit of units) {
        const target = unit.target;
        if (!target || flat(target).trim() === '') {
          problems.push(`${unit.id} "${flat(unit.source)}": no target`);
          continue;
        }
        if (placeholders(target).join() !== placeholders(unit.source).join()) {
          problems.push(`${unit.id}: placeholders ${placeholders(target)} ≠ source ${placeholders(unit.source)}`);
        }
        if (/undefined|NaN|\$\{/.test(flat(target))) problems.push(`${unit.id}: suspicious target "${flat(target)}"`);
      }
      expect(problems).to.deep.equal([]);
    });

    it(`${locale}: the generated templates are built from the XLIFF targets`, async () => {
      const units = byId(await readXliff(locale));
      const generated = generatedTemplates(locale);
      expect([...generated.keys()].sort()).to.deep.equal([...units.keys()].sort());
      for (const [id, text] of generated) expect(text, id).to.equal(flat(units.get(id)!.target!));
    });

    it(`${locale}: the catalog loads on demand and answers msg() in that language`, async () => {
      await loadLocale(locale);
      expect(isLocaleReady(locale)).to.equal(true);
      const units = byId(await readXliff(locale));
      expect(withLocale(locale, () => msg('Try again'))).to.equal(flat(units.get('scd1dd6ff53d0d01a')!.target!));
      expect(withLocale(locale, () => msg('Try again'))).not.to.equal('Try again');
    });
  }

  it('every language file has the same trans-units, with the same sources', async () => {
    const [first, ...rest] = await Promise.all(TARGETS.map((l) => readXliff(l)));
    const reference = first!.map((u) => `${u.id}\t${flat(u.source)}`);
    for (const [i, units] of rest.entries()) {
      expect(units.map((u) => `${u.id}\t${flat(u.source)}`), TARGETS[i + 1]).to.deep.equal(reference);
    }
  });

  describe('extraction is up to date', () => {
    let messages: SourceMessage[];
    let files: string[];
    before(async () => {
      ({ messages, files } = await sourceMessages());
    });

    it('reads the msg() calls of every widget and of the base class', () => {
      for (const file of [
        '/src/base/cities-element.ts',
        '/src/components/initiative-feed/initiative-feed.ts',
        '/src/components/event-countdown/event-countdown.ts',
        '/src/components/quote-carousel/quote-carousel.ts',
        '/src/components/news-list/news-list.ts',
      ]) {
        expect(files, file).to.include(file);
        expect(messages.filter((m) => m.file === file).length, file).to.be.greaterThan(0);
      }
      // The scanner computes ids as lit-localize does: a known one as a check.
      expect(messages.find((m) => m.text === 'Try again')?.id).to.equal('scd1dd6ff53d0d01a');
    });

    it('every message of the source is in the catalogs, with the same English text', async () => {
      const units = byId(await readXliff('es'));
      const missing = messages.filter((m) => !units.has(m.id)).map((m) => `${m.file}: ${m.id} "${m.text}"`);
      expect(missing, 'not extracted: run npm run i18n:extract').to.deep.equal([]);
      for (const m of messages) expect(flat(units.get(m.id)!.source), m.id).to.equal(m.text);
    });

    it('the catalogs hold no message the source no longer has', async () => {
      const used = new Set(messages.map((m) => m.id));
      const stale = (await readXliff('es')).filter((u) => !used.has(u.id)).map((u) => `${u.id} "${flat(u.source)}"`);
      expect(stale).to.deep.equal([]);
    });
  });

  it('plural forms are explicit per category, with the English one/other text as source', async () => {
    const units = byId(await readXliff('ar'));
    const forms = ['zero', 'one', 'two', 'few', 'many', 'other'].map((c) => units.get(`initiatives.${c}`));
    expect(forms.every(Boolean), 'all six Arabic forms').to.equal(true);
    expect(flat(forms[1]!.source)).to.equal('{0} initiative');
    for (const i of [0, 2, 3, 4, 5]) expect(flat(forms[i]!.source)).to.equal('{0} initiatives');
    // Arabic really uses distinct words: singular, dual, plural (3–10), accusative singular (11–99).
    const arabic = new Set(forms.map((f) => flat(f!.target!)));
    expect(arabic.size).to.be.at.least(4);
  });

  it('maps regional and script tags onto the catalogs', () => {
    const cases: Record<string, string> = {
      zh: 'zh-Hans',
      'zh-CN': 'zh-Hans',
      'zh-Hans-CN': 'zh-Hans',
      'zh-SG': 'zh-Hans',
      // Traditional Chinese has no catalog: English, not Simplified Chinese.
      'zh-TW': 'en',
      'zh-HK': 'en',
      'zh-MO': 'en',
      'zh-Hant': 'en',
      'zh-Hant-CN': 'en',
      'zh-Hans-TW': 'zh-Hans',
      'pt-BR': 'pt',
      'pt-PT': 'pt',
      'ar-MA': 'ar',
      'ar-EG': 'ar',
      'es-419': 'es',
      'es-CO': 'es',
      'fr-CA': 'fr',
      de: 'en',
      'en-GB': 'en',
    };
    for (const [tag, locale] of Object.entries(cases)) expect(matchLocale(tag), tag).to.equal(locale);
  });
});
