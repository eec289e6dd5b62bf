/**
 * The network's languages in the real widgets (test/base/language.test.ts covers the mechanism with a
 * test element in es and fr): the fallback chain with the new languages and regional tags, several
 * languages on one page, a run-time change of `lang`, and Intl output (dates, numbers, country names,
 * lists) in each element's own language.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type sinon from 'sinon';
import { feedUrl, seen, uniqueKey } from '../helpers/server.js';
import { cleanup, mount, pageErrors, pinClock, textOf } from './widgets.js';

const more = (el: Element) => textOf(el, '[part=more]');
const rootOf = (el: Element) => el.shadowRoot!.querySelector('.root')!;
const MORE_NEWS: Record<string, string> = {
  en: 'More news',
  es: 'Más noticias',
  fr: 'Plus d’actualités',
  pt: 'Mais notícias',
  ar: 'المزيد من الأخبار',
  'zh-Hans': '更多新闻',
};

describe('languages in the widgets', () => {
  const errors = pageErrors();
  beforeEach(() => errors.start());
  afterEach(() => {
    cleanup();
    errors.stop();
  });

  it('falls back: own lang → ancestor → <html lang> → meta → English, with regional and script tags', async () => {
    const htmlEl = document.documentElement;
    const before = htmlEl.getAttribute('lang');
    const meta = Object.assign(document.createElement('meta'), { name: 'cities-widgets:lang', content: 'pt-BR' });
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    try {
      htmlEl.removeAttribute('lang');
      document.head.append(meta);
      const el = await mount('cities-news-list', { src: feedUrl(uniqueKey(), { fixture: 'news-list' }) }, 'load', wrapper);
      const speaks = async (locale: string, dir: 'ltr' | 'rtl', step: string) => {
        await waitUntil(() => more(el) === MORE_NEWS[locale], `${step}: ${locale} (shows "${more(el)}")`, { timeout: 5000 });
        expect(rootOf(el).getAttribute('lang'), step).to.equal(locale);
        expect(rootOf(el).getAttribute('dir'), step).to.equal(dir);
      };
      await speaks('pt', 'ltr', 'meta pt-BR');
      htmlEl.setAttribute('lang', 'zh-CN');
      await speaks('zh-Hans', 'ltr', 'html zh-CN wins over meta');
      htmlEl.setAttribute('lang', 'zh');
      await speaks('zh-Hans', 'ltr', 'html zh');
      wrapper.setAttribute('lang', 'ar-MA');
      await speaks('ar', 'rtl', 'ancestor ar-MA wins over html');
      el.setAttribute('lang', 'es-CO');
      await speaks('es', 'ltr', 'own es-CO wins over the ancestor');
      el.setAttribute('lang', 'zh-Hans-CN');
      await speaks('zh-Hans', 'ltr', 'own zh-Hans-CN');
      el.setAttribute('lang', 'de');
      await speaks('en', 'ltr', 'own de: not a catalog, English');
      el.removeAttribute('lang');
      wrapper.removeAttribute('lang');
      htmlEl.removeAttribute('lang');
      meta.remove();
      await speaks('en', 'ltr', 'nothing at all: English');
    } finally {
      meta.remove();
      wrapper.remove();
      if (before === null) htmlEl.removeAttribute('lang');
      else htmlEl.setAttribute('lang', before);
    }
  });

  it('shows six languages on one page from one request, each with its own strings, direction and formats', async () => {
    const key = uniqueKey();
    const src = feedUrl(key, { fixture: 'news-list', hours: 0, delay: 30 });
    const langs = ['en', 'es', 'fr', 'pt', 'ar', 'zh-Hans'];
    const widgets = await Promise.all(langs.map((lang) => mount('cities-news-list', { lang, src })));
    expect((await seen(key)).count).to.equal(1);
    for (const [i, el] of widgets.entries()) {
      const lang = langs[i]!;
      await waitUntil(() => more(el) === MORE_NEWS[lang], `${lang} strings`);
      expect(rootOf(el).getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      // The authors list ("Laia Bonet and Shi Qi") is joined by each language's own conjunction.
      const authors = new Intl.ListFormat(lang, { type: 'conjunction' }).format(['Laia Bonet', 'Shi Qi']);
      expect(textOf(el, '.authors'), lang).to.contain(authors);
    }
    expect(textOf(widgets[4]!, '.authors')).to.equal('بقلم Laia Bonet وShi Qi');
    expect(textOf(widgets[5]!, '.authors')).to.equal('作者：Laia Bonet和Shi Qi');
    expect(textOf(widgets[2]!, '.authors')).to.equal('Par Laia Bonet et Shi Qi');
    // A relative date two hours ago, in each language.
    const dates = widgets.map((el) => textOf(el, 'time'));
    expect(dates).to.deep.equal(langs.map((l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }).format(-2, 'hour')));
    expect(new Set(dates).size).to.equal(6);
  });

  it('switches language and direction when lang changes at run time', async () => {
    const el = await mount('cities-quote-carousel', { lang: 'fr', src: feedUrl(uniqueKey(), { fixture: 'quotes-many' }) });
    const prev = () => textOf(el, '[part~=previous]');
    expect(prev()).to.equal('Citation précédente');
    expect(rootOf(el).getAttribute('dir')).to.equal('ltr');
    el.setAttribute('lang', 'ar');
    await waitUntil(() => prev() === 'الاقتباس السابق', 'Arabic');
    expect(rootOf(el).getAttribute('dir')).to.equal('rtl');
    expect(textOf(el, '[part~=dot]')).to.equal('الاقتباس 1: Laia Bonet');
    el.setAttribute('lang', 'zh');
    await waitUntil(() => prev() === '上一条引言', 'Chinese');
    expect(rootOf(el).getAttribute('dir')).to.equal('ltr');
    expect(el.shadowRoot!.querySelector('[part=carousel]')!.getAttribute('aria-roledescription')).to.equal('轮播');
    el.setAttribute('lang', 'pt-BR');
    await waitUntil(() => prev() === 'Citação anterior', 'Portuguese');
  });

  it("separates a quote author's role, organization and city the language's way", async () => {
    const src = feedUrl(uniqueKey(), { fixture: 'quotes-many' });
    const details = async (lang: string) => textOf(await mount('cities-quote-carousel', { lang, src }), '.slide.current [part=details]');
    expect(await details('en')).to.equal('Deputy Mayor, Barcelona City Council, Barcelona');
    expect(await details('zh-Hans')).to.equal('Deputy Mayor，Barcelona City Council，Barcelona');
    expect(await details('ar')).to.equal('Deputy Mayor، Barcelona City Council، Barcelona');
    expect(await details('es')).to.equal('Teniente de alcaldía, Barcelona City Council, Barcelona');
  });

  it('names countries, dates and numbers in the element language', async () => {
    const src = feedUrl(uniqueKey(), { fixture: 'feed', hours: 0 });
    const meta = async (lang: string) => {
      const el = await mount('cities-initiative-feed', { lang, src });
      return [...el.shadowRoot!.querySelectorAll('[part=meta]')].map((m) => m.textContent!.replace(/\s+/g, ' ').trim());
    };
    const ar = await meta('ar');
    expect(ar[0]).to.contain('Barcelona، إسبانيا').and.to.contain('قبل 3 أيام');
    expect(ar[1]).to.contain('Bogotá، كولومبيا');
    const zh = await meta('zh-Hans');
    expect(zh[0]).to.contain('Barcelona，西班牙').and.to.contain('3天前');
    expect(zh[2]).to.contain('Xi\'an，中国');
    const pt = await meta('pt-BR');
    expect(pt[0]).to.contain('Barcelona, Espanha').and.to.contain('há 3 dias');
    const es = await meta('es-CO');
    expect(es[0]).to.contain('Barcelona, España').and.to.contain('hace 3 días');
    // Older dates are calendar dates in the language.
    expect(zh[1]).to.match(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(ar[1]).to.match(/\d{1,2}\u200f?\/\d{1,2}\u200f?\/\d{4}/);
  });

  it('marks dates and durations in another language than its own (no catalog) with their lang', async () => {
    // A German or Taiwanese page gets English strings and German or Traditional Chinese dates: a screen reader
    // must read those with their own voice, not the widget's English one.
    const src = feedUrl(uniqueKey(), { fixture: 'feed', hours: 0 });
    const times = async (tag: 'cities-initiative-feed' | 'cities-news-list', lang: string) => {
      const el = await mount(tag, { lang, src });
      const found = [...el.shadowRoot!.querySelectorAll('time')];
      expect(found.length, `${tag} ${lang}: dates shown`).to.be.greaterThan(0);
      return [...new Set(found.map((t) => t.getAttribute('lang')))];
    };
    expect(await times('cities-initiative-feed', 'zh-TW')).to.deep.equal(['zh-TW']);
    expect(await times('cities-news-list', 'de')).to.deep.equal(['de']);
    // The same language as its strings: nothing to mark (the root says it).
    expect(await times('cities-news-list', 'es-CO')).to.deep.equal([null]);
    expect(await times('cities-initiative-feed', 'en-GB')).to.deep.equal([null]);
    const countdown = async (lang: string) => {
      const el = await mount('cities-event-countdown', { lang, date: new Date(Date.now() + 3 * 86_400_000).toISOString(), place: 'Barcelona' }, 'render');
      const spoken = el.shadowRoot!.querySelector('[part=countdown] .visually-hidden')!;
      return [spoken.getAttribute('lang'), spoken.textContent];
    };
    const [lang, words] = await countdown('de');
    expect(lang).to.equal('de');
    expect(words).to.match(/\d+ Tage/);
    expect((await countdown('fr'))[0]).to.equal(null);
  });

  describe('the countdown', () => {
    let clock: sinon.SinonFakeTimers | undefined;
    afterEach(() => {
      clock?.restore();
      clock = undefined;
    });

    it('writes the date, the time and the place in each language', async () => {
      clock = pinClock('2026-01-01T00:00:00Z');
      const attrs = { date: '2026-01-05T15:00:00+01:00', 'time-zone': 'Europe/Madrid', 'visitor-time-zone': 'Asia/Tokyo', place: 'Barcelona' };
      const when = async (lang: string) => textOf(await mount('cities-event-countdown', { lang, ...attrs }, 'render'), '[part=when]');
      expect(await when('fr')).to.match(/^lundi 5 janvier 2026 .*23:00, votre heure · 15:00 à Barcelona$/);
      expect(await when('es')).to.match(/^lunes, 5 de enero de 2026.*23:00, tu hora · 15:00 en Barcelona$/);
      expect(await when('zh-Hans')).to.match(/^您的时间 2026年1月5日星期一 23:00 · Barcelona时间 15:00$/);
      expect(await when('ar')).to.contain('الاثنين').and.to.contain('بتوقيتك').and.to.contain('في Barcelona');
      expect(await when('pt')).to.contain('segunda-feira, 5 de janeiro de 2026').and.to.contain('seu horário');
    });
  });
});
