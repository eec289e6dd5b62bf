/**
 * No English left: every widget, in its main states, in every language of the catalogs, shows no
 * English source string (and no "undefined" or "NaN").
 *
 * The English strings are the `<source>`s of xliff/es.xlf, cut into the fixed fragments around their
 * placeholders; fragments of fewer than 4 letters are ignored, and so, per language, are fragments that
 * language's catalog itself contains (French "Source"). Feed text is the partner's
 * content, not ours: the strings of the fixture a state reads are removed before the check.
 */
import { expect } from '@open-wc/testing';
import type sinon from 'sinon';
import { loadLocale } from '../../src/i18n/locale.js';
import { feedUrl, uniqueKey } from '../helpers/server.js';
import { TARGETS, flat, fragments, readXliff, type TargetLocale } from './catalog-helpers.js';
import { accessible, cleanup, mount, pageErrors, pinClock, visibleTexts, type Attrs, type Tag } from './widgets.js';

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `fragment` as a whole word (or words): "Topic" does not match inside "Topics". */
const wordPattern = (fragment: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(fragment)}(?![\\p{L}\\p{N}])`, 'u');

/** The English fragments to look for in `locale`. */
async function englishFragments(locale: TargetLocale): Promise<{ fragment: string; pattern: RegExp }[]> {
  const [sources, own] = await Promise.all([readXliff('es'), readXliff(locale)]);
  const catalog = own.map((u) => flat(u.target ?? [])).join('\n');
  const all = new Set(sources.flatMap((u) => fragments(u.source)).filter((f) => letters(f) >= 4));
  return [...all]
    .map((fragment) => ({ fragment, pattern: wordPattern(fragment) }))
    .filter(({ pattern }) => !pattern.test(catalog));
}

const feedStrings = new Map<string, Promise<string[]>>();

/** Every string of a fixture (the partner's content), longest first. */
function stringsOf(fixture: string): Promise<string[]> {
  let promise = feedStrings.get(fixture);
  if (!promise) {
    promise = fetch(`/test/fixtures/${fixture}.json`)
      .then((r) => r.json())
      .then((json: unknown) => {
        const out = new Set<string>();
        const walk = (v: unknown): void => {
          if (typeof v === 'string') {
            if (letters(v) >= 4) out.add(v);
          } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
        };
        walk(json);
        return [...out].sort((a, b) => b.length - a.length);
      });
    feedStrings.set(fixture, promise);
  }
  return promise;
}

/** What is wrong in `texts`: English fragments (outside feed text), undefined, NaN, raw placeholders. */
async function problems(texts: string[], locale: TargetLocale, fixture: string | undefined): Promise<string[]> {
  const found: string[] = [];
  const english = await englishFragments(locale);
  const feed = fixture ? await stringsOf(fixture) : [];
  for (const text of texts) {
    if (/\bundefined\b|\bNaN\b|\[object |\$\{|\{\d\}/.test(text)) found.push(`broken: "${text}"`);
    let ours = text;
    for (const s of feed) ours = ours.split(s).join('\u241f');
    for (const { fragment, pattern } of english) if (pattern.test(ours)) found.push(`"${fragment}" in "${text}"`);
  }
  return found;
}

// ---- the states -------------------------------------------------------------------------------------

interface State {
  name: string;
  /** The fixture the widget reads (its strings are feed text). */
  fixture?: string;
  /** Fixture "now" for the countdown: Date and timers are pinned there. */
  clock?: string;
  /** Mounts the widget (and interacts with it); returns it and any text collected on the way. */
  run(lang: string): Promise<{ el: Element; more?: string[] }>;
}

const src = (fixture: string, params: Record<string, string | number> = {}) => feedUrl(uniqueKey(), { fixture, ...params });
const simple = (tag: Tag, name: string, attrs: Attrs, fixture?: string, clock?: string): State => ({
  name,
  fixture,
  clock,
  run: async (lang) => ({ el: await mount(tag, { lang, ...attrs }, attrs['src'] === undefined ? 'render' : 'load') }),
});

/** Loading, empty, error and no-feed, for each widget: the base class's strings. */
function common(tag: Tag): State[] {
  return [
    // A slow answer rather than none: a hanging request would hold one of the browser's six connections
    // to the test server until the loader's 10 s timeout, and starve the next states.
    {
      name: 'loading',
      async run(lang) {
        const el = await mount(tag, { lang, src: feedUrl(uniqueKey(), { delay: 800 }) }, 'render');
        expect(el.shadowRoot!.querySelector('[aria-busy=true]'), 'skeleton').to.exist;
        return { el };
      },
    },
    { name: 'empty', fixture: 'empty', run: async (lang) => ({ el: await mount(tag, { lang, src: src('empty') }) }) },
    { name: 'error', run: async (lang) => ({ el: await mount(tag, { lang, src: feedUrl(uniqueKey(), { fail: 9, status: 404 }) }, 'error') }) },
    simple(tag, 'no feed address', {}),
  ];
}

const initiativeStates: State[] = [
  ...common('cities-initiative-feed'),
  { name: 'ready (list)', fixture: 'feed', run: async (lang) => ({ el: await mount('cities-initiative-feed', { lang, src: src('feed', { hours: 0 }) }) }) },
  { name: 'links in a new tab (target="_blank")', fixture: 'initiatives-basic', run: async (lang) => ({ el: await mount('cities-initiative-feed', { lang, target: '_blank', src: src('initiatives-basic', { hours: 0 }) }) }) },
  { name: 'compact, one per page ("Show more")', fixture: 'initiatives-basic', run: async (lang) => ({ el: await mount('cities-initiative-feed', { lang, layout: 'compact', 'page-size': '1', src: src('initiatives-basic', { hours: 0 }) }) }) },
  { name: 'filterable', fixture: 'initiatives-basic', run: async (lang) => ({ el: await mount('cities-initiative-feed', { lang, filterable: true, layout: 'grid', src: src('initiatives-basic', { hours: 0 }) }) }) },
  {
    name: 'filterable, a search with no results',
    fixture: 'initiatives-basic',
    async run(lang) {
      const el = await mount<HTMLElement & { updateComplete: Promise<boolean> }>('cities-initiative-feed', { lang, filterable: true, src: src('initiatives-basic', { hours: 0 }) });
      const clock = pinClock(Date.now());
      try {
        const input = el.shadowRoot!.querySelector('input')!;
        input.value = 'qqqzzz';
        input.dispatchEvent(new Event('input'));
        await el.updateComplete;
        clock.tick(1000);
        await el.updateComplete;
      } finally {
        clock.restore();
      }
      expect(el.shadowRoot!.querySelector('.state.empty button'), 'Clear filters').to.exist;
      return { el };
    },
  },
];

const FEED_NOW = '2026-01-01T00:00:00Z';
const zones = { 'visitor-time-zone': 'America/Bogota', 'time-zone': 'Europe/Madrid' };
const countdownStates: State[] = [
  ...common('cities-event-countdown'),
  { name: 'upcoming', fixture: 'feed', clock: FEED_NOW, run: async (lang) => ({ el: await mount('cities-event-countdown', { lang, ...zones, src: src('feed') }) }) },
  { name: 'upcoming, compact', fixture: 'feed', clock: FEED_NOW, run: async (lang) => ({ el: await mount('cities-event-countdown', { lang, layout: 'compact', 'no-seconds': true, src: src('feed') }) }) },
  { name: 'upcoming, under a minute', fixture: 'feed', clock: '2026-01-03T13:59:30Z', run: async (lang) => ({ el: await mount('cities-event-countdown', { lang, src: src('feed') }) }) },
  { name: 'live', fixture: 'feed', clock: '2026-01-03T14:30:00Z', run: async (lang) => ({ el: await mount('cities-event-countdown', { lang, src: src('feed') }) }) },
  { name: 'ended (by id)', fixture: 'feed', clock: FEED_NOW, run: async (lang) => ({ el: await mount('cities-event-countdown', { lang, event: 'past-1', src: src('feed') }) }) },
  { name: 'ended (no upcoming event)', fixture: 'events-past', clock: FEED_NOW, run: async (lang) => ({ el: await mount('cities-event-countdown', { lang, src: src('events-past') }) }) },
  { name: 'not found', fixture: 'feed', clock: FEED_NOW, run: async (lang) => ({ el: await mount('cities-event-countdown', { lang, event: 'nope', src: src('feed') }) }) },
  simple('cities-event-countdown', 'attribute-defined event', { date: '2026-01-05T15:00:00+01:00', 'time-zone': 'Europe/Madrid', 'visitor-time-zone': 'Europe/Madrid' }, undefined, FEED_NOW),
  simple('cities-event-countdown', 'attribute-defined event, other zone', { date: '2026-01-05T15:00:00+01:00', label: 'Webinar', place: 'Barcelona', 'visitor-time-zone': 'Asia/Tokyo' }, undefined, FEED_NOW),
  simple('cities-event-countdown', 'invalid date', { date: 'next tuesday' }, undefined, FEED_NOW),
];

const carouselStates: State[] = [
  ...common('cities-quote-carousel'),
  { name: 'ready', fixture: 'quotes-many', run: async (lang) => ({ el: await mount('cities-quote-carousel', { lang, src: src('quotes-many') }) }) },
  { name: 'one quote', fixture: 'quotes-one', run: async (lang) => ({ el: await mount('cities-quote-carousel', { lang, src: src('quotes-one') }) }) },
  {
    name: 'autoplay, playing and stopped',
    fixture: 'quotes-many',
    async run(lang) {
      const el = await mount<HTMLElement & { updateComplete: Promise<boolean> }>('cities-quote-carousel', { lang, autoplay: true, src: src('quotes-many') });
      const playing = visibleTexts(el);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.rotation')!.click();
      await el.updateComplete;
      expect(visibleTexts(el)).not.to.deep.equal(playing);
      return { el, more: playing };
    },
  },
];

const newsStates: State[] = [
  ...common('cities-news-list'),
  { name: 'list', fixture: 'news-list', run: async (lang) => ({ el: await mount('cities-news-list', { lang, src: src('news-list', { hours: 0 }) }) }) },
  { name: 'compact', fixture: 'news-list', run: async (lang) => ({ el: await mount('cities-news-list', { lang, layout: 'compact', src: src('news-list', { hours: 0 }) }) }) },
  { name: 'ticker', fixture: 'news-list', run: async (lang) => ({ el: await mount('cities-news-list', { lang, layout: 'ticker', src: src('news-list', { hours: 0 }) }) }) },
  {
    name: 'stale copy after a failed refresh',
    fixture: 'news-list',
    async run(lang) {
      const url = feedUrl(uniqueKey(), { fixture: 'news-list', hours: 0, failAfter: 1, status: 503 });
      const first = await mount('cities-news-list', { lang, src: url });
      first.remove();
      const { clearLoaderMemory } = await import('../../src/data/loader.js');
      clearLoaderMemory();
      const el = await mount('cities-news-list', { lang, src: url }, 'error');
      expect(el.shadowRoot!.querySelector('.stale-note')).to.exist;
      return { el };
    },
  },
];

const WIDGETS: [Tag, State[]][] = [
  ['cities-initiative-feed', initiativeStates],
  ['cities-event-countdown', countdownStates],
  ['cities-quote-carousel', carouselStates],
  ['cities-news-list', newsStates],
];

describe('no English left', () => {
  const errors = pageErrors();
  let clock: sinon.SinonFakeTimers | undefined;

  before(() => Promise.all(TARGETS.map((l) => loadLocale(l))));
  beforeEach(() => errors.start());
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    cleanup();
    errors.stop();
  });

  it('the check finds English: the same widget in English fails it', async () => {
    const el = await mount('cities-initiative-feed', { lang: 'en', filterable: true, src: src('initiatives-basic', { hours: 0 }) });
    const found = await problems(visibleTexts(el), 'es', 'initiatives-basic');
    expect(found.join('\n')).to.contain('"Search"').and.to.contain('"initiatives"').and.to.contain('"All countries"');
    // …and "undefined" is caught too.
    expect(await problems(['3 undefined'], 'fr', undefined)).to.have.length(1);
  });

  for (const [tag, states] of WIDGETS) {
    describe(`<${tag}>`, () => {
      for (const state of states) {
        it(`${state.name}: ${TARGETS.join(', ')}`, async () => {
          const report: string[] = [];
          for (const lang of TARGETS) {
            if (state.clock) clock = pinClock(state.clock);
            const { el, more = [] } = await state.run(lang);
            const texts = [...more, ...visibleTexts(el)];
            expect(texts.length, `${lang}: some text`).to.be.greaterThan(0);
            expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal(lang);
            report.push(...(await problems(texts, lang, state.fixture)).map((p) => `${lang}: ${p}`));
            if (lang === 'ar' || lang === 'zh-Hans') await accessible(el);
            clock?.restore();
            clock = undefined;
            cleanup();
          }
          expect(report).to.deep.equal([]);
        });
      }
    });
  }
});
