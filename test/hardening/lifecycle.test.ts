/**
 * Lifecycle on a real page with the built bundle: removed mid-fetch, `src` changed in quick succession,
 * moved between containers, upgraded after properties were set, and created and removed a thousand times
 * (counting what stays live with the wrappers of pages/probe.js, and checking that every removed widget
 * can be garbage-collected).
 */
import { expect } from '@open-wc/testing';
import { forceGc } from '../helpers/gc.js';
import {
  TAGS,
  addWidget,
  closePages,
  expectQuiet,
  fakeClock,
  fixtureUrl,
  openPage,
  putFeed,
  rendered,
  seen,
  settled,
  shadow,
  sleep,
  stateOf,
  uniqueKey,
  until,
  type Clock,
  type Page,
  type Probe,
  type Snapshot,
  type Tag,
} from './helpers.js';

/** Every change under a widget's shadow root and on the element itself, from now on. */
function recordMutations(page: Page, el: Element): { records: MutationRecord[]; texts: Set<string>; stop(): void } {
  const records: MutationRecord[] = [];
  const texts = new Set<string>();
  const note = (node: Node | null) => {
    const text = node?.textContent?.trim();
    if (text) texts.add(text);
  };
  const observer = new page.win.MutationObserver((list) => {
    for (const record of list) {
      records.push(record);
      note(record.target);
      record.addedNodes.forEach(note);
    }
  });
  observer.observe(shadow(el), { subtree: true, childList: true, attributes: true, characterData: true });
  observer.observe(el, { attributes: true });
  return {
    records,
    texts,
    stop: () => {
      for (const record of observer.takeRecords()) {
        records.push(record);
        note(record.target);
        record.addedNodes.forEach(note);
      }
      observer.disconnect();
    },
  };
}

/** A small news feed whose one headline says which feed it is. */
const newsFeed = (label: string) => ({
  version: 1,
  news: [{ id: label, title: label, url: `/news/${label}`, published: '2025-12-01T10:00:00Z' }],
  quotes: [{ id: label, text: label, author: 'Ada' }],
  initiatives: [{ id: label, title: label, city: 'Lyon', country: 'FR' }],
  events: [{ id: label, title: label, start: '2030-01-01T10:00:00Z' }],
});

describe('lifecycle', function () {
  this.timeout(30000);
  let clock: Clock | undefined;
  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    closePages();
  });

  it('a widget removed mid-fetch writes nothing to its DOM afterwards, fires nothing and throws nothing', async () => {
    const page = await openPage('plain.html');
    const watched: { el: Element; key: string; log: ReturnType<typeof recordMutations>; events: string[] }[] = [];
    const keys = TAGS.map(() => uniqueKey('mid'));
    const srcs = await Promise.all(TAGS.map((tag, i) => putFeed(keys[i]!, newsFeed(`Late ${tag}`), { delay: 500 })));
    TAGS.forEach((tag, i) => {
      const el = addWidget(page, tag, {}, { loading: 'eager', src: srcs[i]! });
      watched.push({ el, key: keys[i]!, log: undefined as never, events: [] });
    });
    await Promise.all(watched.map((w) => rendered(w.el)));
    await until(async () => (await Promise.all(watched.map((w) => seen(w.key)))).every((s) => s.count === 1), 'every request in flight');
    for (const w of watched) {
      expect(stateOf(w.el)).to.equal('loading');
      w.el.remove();
      w.log = recordMutations(page, w.el);
      for (const type of ['cities-feed-load', 'cities-feed-error', 'cities-countdown-state', 'cities-quote-change']) {
        w.el.addEventListener(type, () => w.events.push(type));
      }
    }
    await until(() => page.probe.fetches.settled === page.probe.fetches.started, 'the responses arrived', 3000);
    await sleep(100);
    for (const w of watched) {
      w.log.stop();
      expect(w.log.records, `<${w.el.localName}>: DOM writes after removal`).to.have.length(0);
      expect(w.events, `<${w.el.localName}>: events after removal`).to.deep.equal([]);
    }
    // Put back, each one shows its feed (now from memory).
    for (const w of watched) page.doc.getElementById('slots')!.append(w.el);
    await until(() => watched.every((w) => stateOf(w.el) === 'content'), 'shown after re-attaching');
    expectQuiet(page.probe);
  });

  it("the page's first Intl object is built while the feed is on the way, not when it arrives", async () => {
    // The first Intl object of a page sets ICU up (15–18 ms in Chromium 156): it must not wait for the feed.
    const page = await openPage('plain.html');
    const built: string[] = [];
    const Original = page.win.Intl.NumberFormat;
    page.win.Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: [string?]) {
        built.push(String(args[0]));
        return Reflect.construct(target, args) as object;
      },
    });
    const key = uniqueKey('intl');
    const src = await putFeed(key, newsFeed('Patience'), { delay: 600 });
    // In the page's language (English), eager: the URL is picked up in the first update, which must not miss
    // it (a language chunk to load, as for "fr", would give a second update and hide that). The news list: the
    // carousel needs no number before its first quote and leaves this head start out (the test below).
    const el = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src });
    await until(async () => (await seen(key)).count === 1, 'the request in flight');
    await until(() => built.length > 0, 'a number format built', 400);
    expect(stateOf(el), 'the feed has not arrived yet').to.equal('loading');
    expect(built[0]).to.equal('en');
    await until(() => shadow(el).querySelector('[part=item]') !== null, 'the headline shown', 3000);
    page.win.Intl.NumberFormat = Original;
    expectQuiet(page.probe);
  });

  it("the initiative feed prepares its card's templates while the feed is on the way, fetching nothing", async () => {
    // Lit prepares a template the first time it renders it; the feed renders a built-in sample card into an
    // inert document before the data is there, so that its work after the data arrives is smaller.
    const page = await openPage('plain.html');
    const inert: number[] = [];
    const impl = page.win.DOMImplementation.prototype;
    const original = impl.createHTMLDocument;
    impl.createHTMLDocument = function (this: DOMImplementation, ...args: [string?]) {
      inert.push(1);
      return original.apply(this, args);
    };
    const key = uniqueKey('templates');
    const feed = newsFeed('Shared bikes for nurses');
    const src = await putFeed(key, feed, { delay: 600 });
    const el = addWidget(page, 'cities-initiative-feed', {}, { loading: 'eager', src });
    await until(async () => (await seen(key)).count === 1, 'the request in flight');
    await until(() => inert.length > 0, 'an inert document made', 400);
    expect(stateOf(el), 'the feed has not arrived yet').to.equal('loading');
    await until(() => shadow(el).querySelector('article') !== null, 'the card shown', 3000);
    impl.createHTMLDocument = original;
    expect(inert, 'once per page: not again when the data came').to.have.length(1);
    // The real card, from templates made with every field, shows only what this initiative has.
    const card = shadow(el).querySelector('article')!;
    expect(card.querySelector('[part=title]')!.textContent!.trim()).to.equal('Shared bikes for nurses');
    expect(card.querySelector('a, img, time, .summary, .tags') === null, 'no link, image, date, summary or tags').to.equal(true);
    expect(card.textContent).to.include('Lyon, France');
    expect(card.textContent).not.to.include('Sample');
    const fetched = page.win.performance.getEntriesByType('resource').map((r) => r.name);
    expect(fetched.filter((name) => name.includes('sample')), 'the sample image never requested').to.deep.equal([]);
    expectQuiet(page.probe);
  });

  it("the carousel shows its first quote before the page's first number format, then numbers its tabs in the locale's digits", async () => {
    // Its only numbers are in its tabs' hidden names: an instant feed must not wait 15–20 ms of ICU set-up for them.
    const page = await openPage('plain.html');
    let el: Element | undefined;
    const quoteShownFirst: boolean[] = [];
    const Original = page.win.Intl.NumberFormat;
    page.win.Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: [string?]) {
        quoteShownFirst.push(!!el && shadow(el).querySelector('blockquote') !== null);
        return Reflect.construct(target, args) as object;
      },
    });
    const feed = { version: 1, quotes: ['Ada', 'Bea', 'Cleo'].map((author) => ({ id: author, text: `Words of ${author}`, author })) };
    const src = await putFeed(uniqueKey('digits'), feed);
    el = addWidget(page, 'cities-quote-carousel', {}, { loading: 'eager', src, lang: 'ar-EG' });
    const names = () => [...shadow(el!).querySelectorAll('[part~=dot] .visually-hidden')].map((n) => n.textContent ?? '');
    await until(() => names().length === 3 && names().every((n) => /[١٢٣]/.test(n)), "the tabs named with Arabic-Indic digits (ar-EG)", 3000);
    page.win.Intl.NumberFormat = Original;
    expect(quoteShownFirst.length, 'a number format was built').to.be.greaterThan(0);
    expect(quoteShownFirst[0], 'the quote was shown before it').to.equal(true);
    expect(names()[1]).to.contain('٢').and.to.contain('Bea');
    expectQuiet(page.probe);
  });

  it('a page whose Intl.NumberFormat throws gets no rejection from that head start', async () => {
    const page = await openPage('plain.html');
    const Original = page.win.Intl.NumberFormat;
    let calls = 0;
    page.win.Intl.NumberFormat = function broken() {
      calls += 1;
      throw new Error('this page broke Intl');
    } as unknown as typeof Intl.NumberFormat;
    const key = uniqueKey('intl-broken');
    // One headline in the list layout: the news list shows it without formatting a number (its date is a
    // DateTimeFormat's).
    const src = await putFeed(key, newsFeed('Still here'), { delay: 300 });
    const el = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src });
    await until(() => shadow(el).querySelector('[part=item]') !== null, 'the headline shown', 3000);
    expect(calls, 'the head start tried').to.be.greaterThan(0);
    // The carousel builds its number format after its first quote: with Intl broken, its tabs keep plain digits.
    const quotes = { version: 1, quotes: ['Ada', 'Bea'].map((author) => ({ id: author, text: `Words of ${author}`, author })) };
    const quotesSrc = await putFeed(uniqueKey('intl-broken-q'), quotes);
    const tried = calls;
    const carousel = addWidget(page, 'cities-quote-carousel', {}, { loading: 'eager', src: quotesSrc });
    await until(() => shadow(carousel).querySelector('blockquote') !== null, 'the quote shown', 3000);
    await until(() => calls > tried, 'the carousel tried to build its number format', 2000);
    await sleep(100);
    const names = [...shadow(carousel).querySelectorAll('[part~=dot] .visually-hidden')].map((n) => n.textContent?.trim());
    expect(names).to.deep.equal(['Quote 1: Ada', 'Quote 2: Bea']);
    page.win.Intl.NumberFormat = Original;
    expectQuiet(page.probe);
  });

  it('src changed ten times quickly: only the last feed ever renders, and one load event fires', async () => {
    const page = await openPage('plain.html');
    // The earlier feeds answer both before and after the last one.
    const delays = [400, 0, 300, 20, 250, 60, 350, 120, 200, 150];
    for (const tag of TAGS) {
      const urls: string[] = [];
      const keys: string[] = [];
      for (let k = 0; k < 10; k++) {
        const key = uniqueKey('src');
        keys.push(key);
        urls.push(await putFeed(key, newsFeed(`Feed number ${k}`), { delay: delays[k]! }));
      }
      const el = addWidget(page, tag, {}, { loading: 'eager' });
      await rendered(el);
      const log = recordMutations(page, el);
      const loads: unknown[] = [];
      el.addEventListener('cities-feed-load', (e) => loads.push(e.detail));
      for (const url of urls) {
        el.setAttribute('src', url);
        await rendered(el);
      }
      await until(async () => (await Promise.all(keys.map(seen))).every((s) => s.count === 1), `${tag}: all ten requested`);
      await until(() => page.probe.fetches.settled === page.probe.fetches.started, `${tag}: all answered`, 3000);
      await sleep(50);
      log.stop();
      const seenTexts = [...log.texts].join('\n');
      for (let k = 0; k < 9; k++) expect(seenTexts, `${tag}: feed ${k} never rendered`).not.to.contain(`Feed number ${k}`);
      expect(seenTexts).to.contain('Feed number 9');
      expect(loads, `${tag}: load events`).to.have.length(1);
      expect(shadow(el).textContent).to.contain('Feed number 9');
    }
    expectQuiet(page.probe);
  });

  describe('moved between containers', () => {
    // `timers`: what the widget runs once settled; the news list shows relative dates ("2 hours ago"), so the
    // page's shared clock runs beside its refresh timer to keep them true.
    const cases: { tag: Tag; attrs: Record<string, string>; timer: string; timers?: number; check: (page: Page, clock: Clock, el: HTMLElement) => Promise<void> }[] = [
      {
        tag: 'cities-quote-carousel',
        attrs: { autoplay: '', interval: '4000' },
        timer: 'the rotation timer',
        check: async (_page, clock, el) => {
          const changes: number[] = [];
          el.addEventListener('cities-quote-change', (e) => changes.push(e.detail.index));
          await clock.tickAsync(4000);
          await clock.tickAsync(4000);
          expect(changes, 'one step per interval').to.deep.equal([1, 2]);
        },
      },
      {
        tag: 'cities-event-countdown',
        attrs: {},
        timer: 'the shared clock',
        check: async (_page, clock, el) => {
          const seconds = () => shadow(el).querySelector('.unit-second [part=number]')!.textContent;
          const before = seconds();
          await clock.tickAsync(1000);
          await rendered(el);
          expect(seconds()).not.to.equal(before);
        },
      },
      {
        tag: 'cities-news-list',
        attrs: { refresh: '60' },
        timer: 'the refresh timer',
        timers: 2,
        check: async (_page, clock, el) => {
          const key = new URL(el.getAttribute('src')!).searchParams.get('key')!;
          const before = (await seen(key)).count;
          await clock.tickAsync(60_000);
          await until(async () => (await seen(key)).count === before + 1, 'one refresh after 60 s');
          await sleep(100);
          expect((await seen(key)).count, 'exactly one').to.equal(before + 1);
        },
      },
    ];

    for (const { tag, attrs, timer, timers: expected = 1, check } of cases) {
      it(`<${tag}>: ${timer} runs once, and still works, after ten moves`, async () => {
        const page = await openPage('plain.html');
        clock = fakeClock(page);
        const other = page.doc.createElement('section');
        page.doc.body.append(other);
        const el = addWidget(page, tag, {}, { loading: 'eager', src: fixtureUrl('widgets', uniqueKey('move'), { hours: 0 }), ...attrs });
        expect((await settled(el)).status).to.equal('load');
        await rendered(el);
        expect(clock.countTimers(), `${timer} is running`).to.equal(expected);
        const home = el.parentElement!;
        for (let i = 0; i < 10; i++) {
          (i % 2 ? home : other).append(el);
          await rendered(el);
        }
        await rendered(el);
        expect(clock.countTimers(), `${timer}: one, not one per move`).to.equal(expected);
        await check(page, clock, el);
        expect(clock.countTimers()).to.equal(expected);
        expectQuiet(page.probe);
      });
    }
  });

  it('properties set before the element is defined are honoured after the upgrade', async () => {
    const page = await openPage('empty.html', {}, { defined: false });
    expect(page.win.customElements.get('cities-news-list')).to.equal(undefined);
    const src = fixtureUrl('widgets', uniqueKey('early'), { hours: 0 });
    const news = addWidget(page, 'cities-news-list', { src, loading: 'eager', limit: 2, layout: 'compact' });
    const initiatives = addWidget(page, 'cities-initiative-feed', { src, loading: 'eager', pageSize: 1, layout: 'compact' });
    const quotes = addWidget(page, 'cities-quote-carousel', { src, loading: 'eager', author: 'claudia lopez' });
    const countdown = addWidget(page, 'cities-event-countdown', { src, loading: 'eager', event: 'e2', noSeconds: true });
    const outcomes = [news, initiatives, quotes, countdown].map((el) => settled(el));
    // Now the page loads the bundle.
    const script = page.doc.createElement('script');
    script.type = 'module';
    script.src = '/dist/cities-widgets.js';
    page.doc.head.append(script);
    for (const outcome of await Promise.all(outcomes)) expect(outcome.status).to.equal('load');
    await Promise.all([news, initiatives, quotes, countdown].map(rendered));
    expect(shadow(news).querySelectorAll('[part=item]'), 'limit 2').to.have.length(2);
    expect(shadow(news).querySelector('.news.compact') !== null, 'compact layout').to.equal(true);
    expect(shadow(initiatives).querySelectorAll('[part=card]'), 'page-size 1').to.have.length(1);
    expect(shadow(initiatives).querySelector('[part=show-more]') !== null).to.equal(true);
    expect(shadow(quotes).querySelectorAll('[part=slide], .single [part=quote]'), 'author filter').to.have.length(1);
    expect(shadow(quotes).querySelector('[part=author]')!.textContent).to.equal('Claudia López');
    expect(shadow(countdown).querySelector('[part=title]')!.textContent!.trim()).to.equal('Webinar: data for healthier streets');
    expect(shadow(countdown).querySelector('.unit-second') === null, 'no-seconds').to.equal(true);
    expectQuiet(page.probe);
  });

  it('two single-widget bundles on one page read their own list each, and keep their own saved copy', async () => {
    const page = await openPage('empty.html', {}, { defined: false });
    const src = fixtureUrl('widgets', uniqueKey('singles'), { hours: 0 });
    for (const file of ['news-list', 'quote-carousel']) {
      const script = page.doc.createElement('script');
      script.type = 'module';
      script.src = `/dist/${file}.js`;
      page.doc.head.append(script);
    }
    const news = addWidget(page, 'cities-news-list', { src, loading: 'eager' });
    const quotes = addWidget(page, 'cities-quote-carousel', { src, loading: 'eager' });
    for (const outcome of await Promise.all([news, quotes].map((el) => settled(el)))) expect(outcome.status).to.equal('load');
    await Promise.all([news, quotes].map(rendered));
    expect(shadow(news).querySelectorAll('[part=item]').length, 'news items').to.be.above(1);
    expect(shadow(quotes).querySelectorAll('[part=slide]').length, 'quotes').to.be.above(1);
    // Each bundle's copy, written when the page is idle, under a key of its own, with its own list only.
    const key = (list: string) => `cities-widgets:feed:v1:${list}:${src}`;
    await until(() => ['news', 'quotes'].every((l) => page.win.localStorage.getItem(key(l)) !== null), 'both copies saved', 4000);
    const copy = (list: string) => JSON.parse(page.win.localStorage.getItem(key(list))!).feed as Record<string, unknown[]>;
    const lengths = (feed: Record<string, unknown[]>) => ['initiatives', 'events', 'quotes', 'news'].map((l) => feed[l]!.length);
    const [newsCopy, quotesCopy] = [lengths(copy('news')), lengths(copy('quotes'))];
    expect(newsCopy.slice(0, 3), 'news-list.js: the other lists dropped unread').to.deep.equal([0, 0, 0]);
    expect(newsCopy[3]).to.be.above(1);
    expect([quotesCopy[0], quotesCopy[1], quotesCopy[3]], 'quote-carousel.js: the other lists dropped unread').to.deep.equal([0, 0, 0]);
    expect(quotesCopy[2]).to.be.above(1);
    // (control) the feed has the other lists: cities-widgets.js keeps them all under the plain key.
    expect(page.win.localStorage.getItem(`cities-widgets:feed:v1:${src}`)).to.equal(null);
    const all = await openPage('plain.html');
    const initiatives = addWidget(all, 'cities-initiative-feed', { src, loading: 'eager' });
    expect((await settled(initiatives)).status).to.equal('load');
    await until(() => all.win.localStorage.getItem(`cities-widgets:feed:v1:${src}`) !== null, 'the whole-feed copy saved', 4000);
    const whole = lengths(JSON.parse(all.win.localStorage.getItem(`cities-widgets:feed:v1:${src}`)!).feed);
    expect(whole.every((n) => n > 1), `every list in the whole feed: ${whole}`).to.equal(true);
    expectQuiet(page.probe);
    expectQuiet(all.probe);
  });

  it('a single-widget bundle for another list than news neither fetches nor carries the JSON Feed adapter', async () => {
    const page = await openPage('empty.html', {}, { defined: false });
    const script = page.doc.createElement('script');
    script.type = 'module';
    script.src = '/dist/event-countdown.js';
    page.doc.head.append(script);
    const src = await putFeed(uniqueKey('jf-countdown'), {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'City news',
      items: [{ id: 1, url: '/news/1', title: 'Bogotá opens 84 km of bike lanes', date_published: '2026-01-02T10:00:00Z' }],
    });
    const countdown = addWidget(page, 'cities-event-countdown', { src, loading: 'eager' });
    // Read as a feed without events (not a format error): the countdown says there is none.
    expect(await settled(countdown)).to.deep.equal({ status: 'load', count: 0, skipped: 0 });
    await rendered(countdown);
    expect(shadow(countdown).querySelector('[part=message]')?.textContent?.trim()).to.equal('There are no upcoming events.');
    const adapter = page.win.performance.getEntriesByType('resource').filter((e) => /\/chunks\/[\w-]*jsonfeed/.test(e.name));
    expect(adapter.map((e) => e.name)).to.deep.equal([]);
    // (control) the news list's own bundle does fetch it for the same feed.
    const news = await openPage('empty.html', {}, { defined: false });
    const newsScript = news.doc.createElement('script');
    newsScript.type = 'module';
    newsScript.src = '/dist/news-list.js';
    news.doc.head.append(newsScript);
    const list = addWidget(news, 'cities-news-list', { src, loading: 'eager' });
    expect((await settled(list)).status).to.equal('load');
    expect(news.win.performance.getEntriesByType('resource').some((e) => /\/chunks\/news-list-jsonfeed-/.test(e.name))).to.equal(true);
    expectQuiet(page.probe);
    expectQuiet(news.probe);
  });

  describe('1,000 create / attach / remove cycles of every widget', () => {
    const ATTRS: Record<Tag, Record<string, string>> = {
      'cities-initiative-feed': { filterable: '', layout: 'grid' },
      'cities-event-countdown': {},
      'cities-quote-carousel': { autoplay: '' },
      'cities-news-list': { refresh: '30', layout: 'ticker' },
    };
    const CYCLES = 1000;

    function live(s: Snapshot) {
      return {
        timeouts: s.timeouts,
        intervals: s.intervals,
        frames: s.frames,
        idles: s.idles,
        observers: s.observers,
        listeners: s.listeners.byTarget,
      };
    }

    it('leave no timer, interval, observer or listener behind, and every removed widget can be collected', async function () {
      this.timeout(60000);
      const page = await openPage('plain.html');
      const src = fixtureUrl('widgets', uniqueKey('cycles'), { hours: 0 });
      const slot = page.doc.getElementById('slots')!;
      const lazyKey = uniqueKey('cycles-lazy');
      const lazySrc = fixtureUrl('widgets', lazyKey, { hours: 0 });

      async function cycle(tag: Tag, i: number): Promise<WeakRef<Element>> {
        const el = page.doc.createElement(tag);
        for (const [name, value] of Object.entries(ATTRS[tag])) el.setAttribute(name, value);
        // Most cycles render the feed; every fourth waits lazily for the viewport, off screen.
        const lazy = i % 4 === 3;
        if (!lazy) el.setAttribute('loading', 'eager');
        el.setAttribute('src', lazy ? lazySrc : src);
        if (lazy) el.setAttribute('style', 'margin-top: 5000px');
        slot.append(el);
        if (i % 2 === 0) {
          await rendered(el);
          await rendered(el);
        }
        el.remove();
        return new WeakRef(el);
      }

      // Warm up: the feed in memory and in localStorage, the code compiled, the catalogs and formatters built.
      for (const tag of TAGS) {
        const el = addWidget(page, tag, {}, { loading: 'eager', src });
        expect((await settled(el)).status).to.equal('load');
        el.parentElement!.remove();
        for (let i = 0; i < 20; i++) await cycle(tag, i);
      }
      await until(() => page.probe.snapshot().fetchesPending === 0, 'quiet before');
      await until(() => page.probe.snapshot().idles === 0, 'no idle work before', 3000);
      const before = live(page.probe.snapshot());
      const refs: WeakRef<Element>[] = [];
      const started = performance.now();
      for (const tag of TAGS) for (let i = 0; i < CYCLES; i++) refs.push(await cycle(tag, i));
      const elapsed = performance.now() - started;

      // Whatever a cycle started (a request it shares with the others) has finished.
      await until(() => page.probe.snapshot().fetchesPending === 0, 'requests settled');
      // A fresh feed's localStorage copy is written in one idle callback (within 2 s): it must run and end.
      await until(() => page.probe.snapshot().idles === before.idles, 'the idle cache write ran', 3000);
      await sleep(50);
      const after = live(page.probe.snapshot());
      expect(after, `live after ${CYCLES} cycles of each widget (${Math.round(elapsed)} ms): ${JSON.stringify(page.probe.details())}`).to.deep.equal(before);
      expect((await seen(lazyKey)).count, 'lazy widgets never came near the viewport: no request').to.equal(0);

      await forceGc();
      const alive = refs.filter((ref) => ref.deref() !== undefined).length;
      // Every removed widget is garbage: nothing (a registry, a listener, a timer, a cache) holds on to it.
      expect(alive, `widgets still alive after a full garbage collection, of ${refs.length}`).to.be.at.most(4);
      expectQuiet(page.probe);
    });

    interface HeapRun {
      measurements: { bytes: number; ms: number }[];
      warmup: number;
      cycles: number;
      elapsed: number[];
      probe: Probe;
    }

    /** Runs pages/cycles.js in a cross-origin isolated window (COOP severs the opener: it reports on a channel). */
    async function isolatedCycles(params: Record<string, string>): Promise<HeapRun> {
      const name = uniqueKey('cycles-channel');
      const channel = new BroadcastChannel(name);
      const messages: Record<string, unknown>[] = [];
      channel.onmessage = (event) => messages.push(event.data);
      const feed = fixtureUrl('widgets', uniqueKey('heap'), { hours: 0 });
      const query = new URLSearchParams({ feed, channel: name, ...params });
      window.open(`/hardening/pages/isolated-cycles.html?${query}`, '_blank', 'width=800,height=600');
      try {
        await until(() => messages.some((m) => m['type'] === 'start'), 'the isolated window started', 10000);
        expect(messages[0]).to.deep.include({ isolated: true, api: 'function' });
        await until(() => messages.some((m) => m['type'] === 'done' || m['type'] === 'failed'), 'the cycles finished', 50000);
      } finally {
        channel.close();
      }
      const done = messages.find((m) => m['type'] === 'done') as HeapRun | undefined;
      expect(done, JSON.stringify(messages.find((m) => m['type'] === 'failed'))).not.to.equal(undefined);
      return done!;
    }

    /** Growth per round, and a line that says what was measured. */
    function growthOf(run: HeapRun): { first: number; second: number; report: string } {
      const [m0, m1, m2] = run.measurements.map((m) => m.bytes) as [number, number, number];
      const kb = (n: number) => `${n >= 0 ? '+' : ''}${Math.round(n / 1024)} KB`;
      const report =
        `heap ${Math.round(m0 / 1024)} KB after ${run.warmup} warm-up cycles of each widget, ` +
        `${kb(m1 - m0)} after ${run.cycles} more (${run.elapsed[0]} ms), ${kb(m2 - m1)} after ${run.cycles} more (${run.elapsed[1]} ms); ` +
        `measurements took ${run.measurements.map((m) => m.ms).join(', ')} ms`;
      return { first: m1 - m0, second: m2 - m1, report };
    }

    it('do not grow the heap (measureUserAgentSpecificMemory, in a cross-origin isolated window)', async function () {
      this.timeout(60000);
      const run = await isolatedCycles({ cycles: String(CYCLES) });
      const { first, second, report } = growthOf(run);
      console.log(report);
      // A widget kept alive costs tens of kilobytes (its shadow DOM, template instances, controllers), so
      // 4,000 of them would be tens of megabytes (the control below: over 1 KB per widget kept). The readings
      // also jump between two levels whatever the widgets do: the window's JavaScript bytes read about 0.86–1.27
      // MB or 2.38–2.79 MB (2026-11-27, many runs; also within one measurement, and also with the relative-dates
      // subscription switched off; not yet explained), so a measurement can differ from the next by up to
      // about 1.9 MB with nothing kept. One round against the next cannot be held to 128 bytes per cycle
      // then: each measured round, and the two together (8,000 widgets), must stay under 3 MB, about 384 bytes
      // per widget, still 3 times below the smallest leak the control shows.
      expect(first, report).to.be.below(3 * 1024 * 1024);
      expect(first + second, report).to.be.below(3 * 1024 * 1024);
      expectQuiet(run.probe);
    });

    it('(control) the heap measurement sees widgets that are kept', async function () {
      this.timeout(30000);
      const run = await isolatedCycles({ cycles: '100', warmup: '100', readings: '1', leak: '1' });
      const { first, second, report } = growthOf(run);
      expect(first, report).to.be.above(4 * 100 * 1024);
      expect(second, report).to.be.above(4 * 100 * 1024);
    });

    it('(control) the counts and the collection check catch a leak', async () => {
      const page = await openPage('plain.html');
      const before = live(page.probe.snapshot());
      const leaked: Element[] = [];
      const refs: WeakRef<Element>[] = [];
      for (let i = 0; i < 10; i++) {
        const el = page.doc.createElement('div');
        page.win.document.addEventListener('visibilitychange', () => el.id);
        page.win.setInterval(() => el.id, 60_000);
        new page.win.IntersectionObserver(() => undefined).observe(page.doc.body);
        leaked.push(el);
        refs.push(new WeakRef(el));
      }
      const after = live(page.probe.snapshot());
      expect(after).not.to.deep.equal(before);
      expect(after.intervals - before.intervals).to.equal(10);
      expect(after.observers.IntersectionObserver - before.observers.IntersectionObserver).to.equal(10);
      expect((after.listeners['document visibilitychange'] ?? 0) - (before.listeners['document visibilitychange'] ?? 0)).to.equal(10);
      await forceGc();
      expect(refs.filter((ref) => ref.deref() !== undefined)).to.have.length(10);
      expect(leaked).to.have.length(10);
    });
  });
});
