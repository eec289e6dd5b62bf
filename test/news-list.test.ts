import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/components/news-list/define.js';
import '../src/components/event-countdown/define.js';
import type { NewsList } from '../src/components/news-list/news-list.js';
import { clearLoaderMemory } from '../src/data/loader.js';
import { clockStatus } from '../src/controllers/clock.js';
import { clearFeedCache, feedUrl, seen, uniqueKey } from './helpers/server.js';
import { PageErrors } from './helpers/page-errors.js';
import { languageSettled } from './helpers/language.js';
import { farAway, frames } from './helpers/frames.js';

/** The fixtures' "now": every date in them is written relative to it. */
const NOW = Date.parse('2026-01-01T00:00:00Z');

let clock: sinon.SinonFakeTimers | undefined;
let box: HTMLDivElement;
const pageErrors = new PageErrors();

interface Mounted {
  el: NewsList;
  detail: { count: number; skipped: number };
  root: ShadowRoot;
}

/** Mounts a widget on a fixture served over HTTP and waits for `cities-feed-load`. */
async function mount(fixture: string, attrs: Record<string, string> = {}, width = 640, params: Record<string, string> = {}): Promise<Mounted> {
  box.style.width = `${width}px`;
  const el = document.createElement('cities-news-list');
  el.setAttribute('loading', 'eager');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.src = feedUrl(uniqueKey(), { fixture, ...params });
  const loaded = oneEvent(el, 'cities-feed-load');
  box.append(el);
  const event = (await loaded) as CustomEvent<{ count: number; skipped: number }>;
  await el.updateComplete;
  await languageSettled(el);
  return { el, detail: event.detail, root: el.shadowRoot! };
}

/**
 * Lazy images may never start in a background tab (the runner runs two test files in two tabs): once
 * `loading="lazy"` is asserted, the test switches them to eager to watch them load or fail.
 */
const startImages = (root: ShadowRoot) => root.querySelectorAll('img').forEach((img) => (img.loading = 'eager'));
const titles = (root: ShadowRoot) => [...root.querySelectorAll('[part=title] a')].map((a) => a.textContent!.trim());
const rect = (el: Element) => el.getBoundingClientRect();

describe('<cities-news-list>', () => {
  beforeEach(() => {
    clearLoaderMemory();
    clearFeedCache();
    pageErrors.start();
    // Only Date is faked: the network, Lit and waitUntil keep their real timers.
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
    box = document.createElement('div');
    document.body.append(box);
  });

  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    box.remove();
    await emulateMedia({ reducedMotion: 'no-preference' });
    pageErrors.assertNone();
  });

  describe('our feed', () => {
    it('shows the newest 5 items first, each with a heading link, a date, a summary and authors', async () => {
      const { el, detail, root } = await mount('news-list');
      // 8 items: a javascript: link and a missing date are skipped; 6 valid, 5 shown.
      expect(detail).to.deep.equal({ count: 5, skipped: 2 });
      expect(titles(root)).to.deep.equal([
        'The new #CitiesAreListening space moves from ideas to action',
        'Care Blocks bring services close to home in Bogotá',
        'Call to Rethink our Metropolitan Spaces',
        "Xi'an shares its community food distribution model",
        'Cities for Global Health passes 650 initiatives',
      ]);
      const list = root.querySelector('ul[part=list]')!;
      expect(list.getAttribute('role')).to.equal('list');
      expect(list.getAttribute('aria-label')).to.equal('News');
      const items = root.querySelectorAll('li[part=item]');
      expect(items).to.have.length(5);

      const first = items[0]!;
      const heading = first.querySelector('[part=title]')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      const link = heading.querySelector('a')!;
      expect(link.href).to.equal('https://www.metropolis.org/news/n-a');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(link.hasAttribute('target')).to.equal(false);
      // Relative URLs resolve against the feed's URL.
      expect(items[2]!.querySelector('a')!.href).to.equal(new URL('/news/n-d', location.origin).href);

      // Dates: relative when recent, a calendar date otherwise.
      const times = [...root.querySelectorAll('time')];
      expect(times.map((t) => t.textContent)).to.deep.equal(['2 hours ago', '2 days ago', 'Dec 20, 2025', 'Dec 1, 2025', 'Nov 15, 2025']);
      expect(times[0]!.getAttribute('datetime')).to.equal('2025-12-31T22:00:00Z');

      expect(first.querySelector('[part=summary]')!.textContent).to.equal(
        'Metropolis, UCLG and UN-Habitat open a space to define joint actions.',
      );
      expect(first.querySelector('.authors')!.textContent).to.equal('By Laia Bonet and Shi Qi');
      expect(items[1]!.querySelector('[part=summary]') === null).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('renders feed text as text, never as markup', async () => {
      const { root } = await mount('jsonfeed-html');
      expect(root.querySelectorAll('script, style, img, b, strong, li li')).to.have.length(0);
      expect(root.querySelector('[part=summary]')!.textContent).to.equal(
        'New parks & gardens: 12 sites, “green” — <finally>. North South',
      );
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('shows images lazily, without referrer, at a fixed ratio, and keeps a broken one\'s box', async () => {
      const { el, root } = await mount('news-list');
      const items = root.querySelectorAll('li[part=item]');
      const img = items[0]!.querySelector<HTMLImageElement>('img[part=image]')!;
      expect(img.src).to.equal(new URL('/demo/images/skyline.svg', location.origin).href);
      expect(img.alt).to.equal('A city skyline at sunset');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(getComputedStyle(img).aspectRatio).to.equal('16 / 9');
      startImages(root);
      await waitUntil(() => img.complete && img.naturalWidth > 0, 'image loads', { timeout: 5000 });
      expect(rect(img).height).to.be.closeTo((rect(img).width * 9) / 16, 1);
      // An empty alt is kept: the image is decorative.
      expect(items[1]!.querySelector('img')!.getAttribute('alt')).to.equal('');
      // A broken image keeps its box (nothing moves) without a broken-image icon; its alt text stays for
      // assistive technology.
      const brokenImg = items[2]!.querySelector<HTMLImageElement>('img[part=image]')!;
      const [boxBefore, itemBefore] = [rect(brokenImg), rect(items[2]!)];
      await waitUntil(() => !items[2]!.querySelector('img'), 'broken image replaced', { timeout: 5000 });
      const placeholder = items[2]!.querySelector<HTMLElement>('[part=image]')!;
      expect(placeholder.localName).to.equal('svg');
      expect(rect(placeholder).height).to.be.closeTo(boxBefore.height, 0.5);
      expect(rect(placeholder).width).to.be.closeTo(boxBefore.width, 0.5);
      expect(rect(items[2]!).height).to.be.closeTo(itemBefore.height, 0.5);
      expect(items[2]!.classList.contains('has-image')).to.equal(true);
      expect(brokenImg.alt).to.equal('A poster');
      expect(placeholder.getAttribute('role')).to.equal('img');
      expect(placeholder.getAttribute('aria-label')).to.equal('A poster');
      expect(titles(root)).to.have.length(5);
      await expect(el).to.be.accessible();
    });

    it('links "More news" to the home page only when the feed has one', async () => {
      const { root } = await mount('news-list');
      const more = root.querySelector<HTMLAnchorElement>('a[part=more]')!;
      expect(more.textContent).to.equal('More news');
      expect(more.href).to.equal('https://www.metropolis.org/news');
      expect(more.rel).to.equal('noopener noreferrer');
      const bare = await mount('jsonfeed-html');
      expect(bare.root.querySelector('a[part=more]') === null).to.equal(true);
    });

    it('honours limit, and falls back to 5 for a value that is not a positive number', async () => {
      const two = await mount('news-list', { limit: '2' });
      expect(two.detail).to.deep.equal({ count: 2, skipped: 2 });
      expect(titles(two.root)).to.have.length(2);
      two.el.limit = 10;
      await two.el.updateComplete;
      expect(titles(two.root)).to.have.length(6);
      for (const bad of ['0', '-3', 'many']) {
        const { detail, root } = await mount('news-list', { limit: bad });
        expect(detail.count, bad).to.equal(5);
        expect(titles(root), bad).to.have.length(5);
      }
    });

    it('sets the heading level from heading-level (2 to 6)', async () => {
      const { el, root } = await mount('news-list', { 'heading-level': '2' });
      expect(root.querySelector('[part=title]')!.getAttribute('aria-level')).to.equal('2');
      el.headingLevel = 9;
      await el.updateComplete;
      expect(root.querySelector('[part=title]')!.getAttribute('aria-level')).to.equal('3');
    });

    it('speaks the widget language: feed texts and dates, with lang on texts in another language', async () => {
      const { el, root } = await mount('news-list', { lang: 'es' });
      await waitUntil(() => root.querySelector('.root')?.getAttribute('lang') === 'es');
      const links = [...root.querySelectorAll<HTMLAnchorElement>('[part=title] a')];
      expect(links[0]!.textContent).to.equal('El nuevo espacio #CitiesAreListening pasa de las ideas a la acción');
      const headings = [...root.querySelectorAll('[part=title]')];
      expect(headings[0]!.hasAttribute('lang')).to.equal(false);
      // A plain string is in the feed's language (en), so it is marked as such.
      expect(headings[1]!.getAttribute('lang')).to.equal('en');
      expect(root.querySelector('time')!.textContent).to.equal('hace 2 horas');
      expect(root.querySelector('[part=summary]')!.textContent).to.equal(
        'Metropolis, CGLU y ONU-Hábitat abren un espacio para definir acciones conjuntas.',
      );
      expect(root.querySelector('img')!.alt).to.equal('El perfil de una ciudad al atardecer');
      await expect(el).to.be.accessible();
    });
  });

  describe('relative dates', () => {
    const MINUTE = 60_000;
    const DAY = 24 * 60 * MINUTE;

    it('stay true while the page stays open, on the shared minute clock, and stop it when none is shown', async () => {
      clock!.restore();
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      const { el, root } = await mount('news-list');
      const times = () => [...root.querySelectorAll('time')].map((t) => t.textContent);
      expect(times()).to.deep.equal(['2 hours ago', '2 days ago', 'Dec 20, 2025', 'Dec 1, 2025', 'Nov 15, 2025']);
      expect(JSON.stringify(clockStatus()), 'clock after mount').to.equal(JSON.stringify({ subscribers: 1, running: true, interval: MINUTE }));

      clock!.tick(60 * MINUTE);
      await el.updateComplete;
      expect(times().slice(0, 2)).to.deep.equal(['3 hours ago', '2 days ago']);

      clock!.tick(5 * DAY);
      await el.updateComplete;
      expect(times().slice(0, 2)).to.deep.equal(['5 days ago', '7 days ago']);

      // Taken off the page and put back a day later: unsubscribed meanwhile, up to date again at once, the
      // item now over a week old with a calendar date.
      el.remove();
      expect(clockStatus().subscribers).to.equal(0);
      clock!.tick(DAY);
      box.append(el);
      await el.updateComplete;
      expect(times().slice(0, 2)).to.deep.equal(['6 days ago', 'Dec 30, 2025']);
      expect(clockStatus().subscribers).to.equal(1);

      // Only calendar dates left: nothing to keep up to date, the clock stops.
      clock!.tick(DAY);
      await el.updateComplete;
      expect(times().slice(0, 2)).to.deep.equal(['Dec 31, 2025', 'Dec 30, 2025']);
      expect(JSON.stringify(clockStatus()), 'clock at the end').to.equal(JSON.stringify({ subscribers: 0, running: false, interval: 0 }));
    });

    it('rest while far out of view and are brought up to date when it comes back', async () => {
      clock!.restore();
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      const { el, root } = await mount('news-list');
      const first = () => root.querySelector('time')!.textContent;
      expect(first()).to.equal('2 hours ago');
      farAway(el, true);
      await frames();
      expect(clockStatus().subscribers, 'no clock for it out of view').to.equal(0);
      clock!.tick(60 * MINUTE);
      await el.updateComplete;
      expect(first(), 'at rest').to.equal('2 hours ago');
      farAway(el, false);
      await frames();
      await el.updateComplete;
      expect(first(), 'up to date at once').to.equal('3 hours ago');
      expect(clockStatus().subscribers).to.equal(1);
    });

    it('render once a minute, not on every second of a countdown on the same page', async () => {
      clock!.restore();
      clock = sinon.useFakeTimers({ now: NOW + 30_000, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      const { el, root } = await mount('news-list');
      const countdown = document.createElement('cities-event-countdown');
      countdown.setAttribute('date', '2026-01-02T00:00:00Z');
      countdown.setAttribute('label', 'World Urban Forum');
      box.append(countdown);
      await (countdown as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(clockStatus().interval, 'the countdown shows seconds').to.equal(1000);
      const update = sinon.spy(el as unknown as { update(changed: unknown): void }, 'update');
      // 30 s to the next minute, then 59 s more: one minute boundary crossed, one render.
      for (let s = 0; s < 89; s++) {
        clock!.tick(1000);
        await el.updateComplete;
      }
      expect(update.callCount, 'renders in 89 s').to.equal(1);
      expect(root.querySelector('time')!.textContent).to.equal('2 hours ago');
      update.restore();
      countdown.remove();
    });
  });

  describe('layouts', () => {
    it('list: places the image at the inline start in wide containers, on top in narrow ones', async () => {
      const wide = await mount('news-list', {}, 700);
      const li = wide.root.querySelector('li')!;
      const img = li.querySelector('img')!;
      expect(rect(img).width).to.be.closeTo(160, 1);
      expect(rect(img).left).to.be.closeTo(rect(li).left, 1);
      expect(rect(li.querySelector('[part=title]')!).left).to.be.greaterThan(rect(img).right);

      const narrow = await mount('news-list', {}, 320);
      const nli = narrow.root.querySelector('li')!;
      const nimg = nli.querySelector('img')!;
      expect(rect(nimg).width).to.be.closeTo(rect(nli).width, 1);
      expect(rect(nimg).bottom).to.be.at.most(rect(nli.querySelector('[part=title]')!).top);
      await expect(narrow.el).to.be.accessible();
    });

    it('list: mirrors for right-to-left', async () => {
      const { el, root } = await mount('news-list', { dir: 'rtl' }, 700);
      const li = root.querySelector('li')!;
      const img = li.querySelector('img')!;
      expect(rect(img).right).to.be.closeTo(rect(li).right, 1);
      expect(rect(li.querySelector('[part=title]')!).right).to.be.lessThan(rect(img).left);
      await expect(el).to.be.accessible();
    });

    it('aligns each headline by its own direction, in list and compact layouts and in either widget direction', async () => {
      const raw = JSON.stringify({
        version: 1,
        language: 'en',
        news: [
          { id: 'ar', title: 'المدن تستمع: مساحة جديدة', url: 'https://example.org/ar', published: '2025-12-31T20:00:00Z' },
          { id: 'en', title: 'Cities are listening', url: 'https://example.org/en', published: '2025-12-31T19:00:00Z' },
        ],
      });
      for (const attrs of [{}, { layout: 'compact' }, { lang: 'ar' }, { lang: 'ar', layout: 'compact' }] as Record<string, string>[]) {
        const { el, root } = await mount('news-list', attrs, 640, { raw });
        const [arabic, english] = [...root.querySelectorAll<HTMLElement>('[part=title]')];
        const edge = (title: HTMLElement, side: 'left' | 'right') => Math.abs(rect(title.querySelector('a')!)[side] - rect(title)[side]);
        expect(edge(arabic!, 'right'), `${JSON.stringify(attrs)}: the Arabic headline starts at the right`).to.be.lessThan(1);
        expect(edge(english!, 'left'), `${JSON.stringify(attrs)}: the English headline starts at the left`).to.be.lessThan(1);
        el.remove();
      }
    });

    it('compact: headlines and dates only', async () => {
      const { el, root, detail } = await mount('news-list', { layout: 'compact' });
      expect(detail.count).to.equal(5);
      expect(titles(root)).to.have.length(5);
      expect(root.querySelectorAll('time')).to.have.length(5);
      expect(root.querySelectorAll('img, [part=summary], .authors')).to.have.length(0);
      expect(root.querySelector('a[part=more]') !== null).to.equal(true);
      // Wide: the date sits on the headline's line, at its end.
      const li = root.querySelector('li')!;
      expect(rect(li.querySelector('time')!).top).to.be.lessThan(rect(li.querySelector('[part=title]')!).bottom);
      await expect(el).to.be.accessible();
    });

    it('ticker: one headline, whole, in a wide container, with Previous / Next and a counter', async () => {
      const { el, root, detail } = await mount('news-list', { layout: 'ticker' }, 900);
      expect(detail.count).to.equal(5);
      expect(root.querySelector('[part=ticker]')!.getAttribute('role')).to.equal('group');
      const headline = () => root.querySelector<HTMLAnchorElement>('.headline a')!;
      expect(root.querySelectorAll('.headline a')).to.have.length(1);
      expect(headline().textContent).to.equal('The new #CitiesAreListening space moves from ideas to action');
      expect(headline().title).to.equal(headline().textContent);
      const whole = (a: HTMLElement) => a.scrollHeight <= a.clientHeight + 1 && a.scrollWidth <= a.clientWidth + 1;
      expect(whole(headline()), 'not cut').to.equal(true);
      const position = () => root.querySelector('[part=position]')!.textContent;
      expect(position()).to.equal('1 of 5');

      const next = root.querySelector<HTMLButtonElement>('button[part=next]')!;
      const previous = root.querySelector<HTMLButtonElement>('button[part=previous]')!;
      expect(next.getAttribute('aria-label')).to.equal('Next headline');
      expect(previous.getAttribute('aria-label')).to.equal('Previous headline');
      next.click();
      await el.updateComplete;
      expect(headline().textContent).to.equal('Care Blocks bring services close to home in Bogotá');
      expect(position()).to.equal('2 of 5');
      previous.click();
      previous.click();
      await el.updateComplete;
      expect(headline().textContent).to.equal('Cities for Global Health passes 650 initiatives');
      expect(position()).to.equal('5 of 5');
      expect(root.querySelector('.headline')!.getAttribute('aria-live')).to.equal('polite');
      await expect(el).to.be.accessible();
    });

    /**
     * Mounts a ticker `width` px wide and walks through five headlines with Next: for each, its lines, whether it
     * is cut, the ticker's height and the Next button's top; then the height of a ticker's skeleton there.
     */
    async function walkTicker(fixture: string, width: number) {
      const { el, root } = await mount(fixture, { layout: 'ticker' }, width);
      const ticker = root.querySelector<HTMLElement>('[part=ticker]')!;
      const link = () => root.querySelector<HTMLAnchorElement>('.headline a')!;
      const lineHeight = parseFloat(getComputedStyle(link()).lineHeight);
      const seen: Array<{ text: string; lines: number; cut: boolean; height: number; next: number }> = [];
      for (let i = 0; i < 5; i++) {
        const a = link();
        const next = root.querySelector<HTMLButtonElement>('button[part=next]')!;
        seen.push({
          text: a.textContent!,
          lines: Math.round(rect(a).height / lineHeight),
          cut: a.scrollHeight > a.clientHeight + 1 || a.scrollWidth > a.clientWidth + 1,
          height: Math.round(rect(ticker).height),
          next: Math.round(rect(next).top - rect(ticker).top),
        });
        next.click();
        await el.updateComplete;
      }
      const loading = document.createElement('cities-news-list');
      loading.layout = 'ticker';
      loading.style.marginBlockStart = '20000px';
      loading.src = feedUrl(uniqueKey());
      box.append(loading);
      await waitUntil(() => loading.shadowRoot?.querySelector('.skeleton'));
      const skeleton = Math.round(rect(loading).height);
      loading.remove();
      return { el, seen, skeleton, what: `${width}px: ${JSON.stringify(seen)}` };
    }

    it('ticker: in a narrow container the headline wraps onto up to three lines, and the height never jumps', async () => {
      // Cut to one line at 320px, a headline could only be read whole in its title tooltip, which keyboards and
      // touch cannot reach (WCAG 1.4.10).
      const { el, seen, skeleton, what } = await walkTicker('jsonfeed-full', 320);
      // A short headline takes one line, the longest (90 characters) three, and every one is shown whole.
      expect(seen.find((s) => s.text === 'Markets open on Sunday.')?.lines, what).to.equal(1);
      expect(Math.max(...seen.map((s) => s.lines)), what).to.equal(3);
      expect(seen.filter((s) => s.cut).map((s) => s.text), 'cut headlines').to.deep.equal([]);
      // The ticker is as tall for a one-line headline as for a three-line one, and as its skeleton.
      expect(new Set(seen.map((s) => s.height)).size, what).to.equal(1);
      expect(skeleton, 'the skeleton').to.be.closeTo(seen[0]!.height, 1);
      await expect(el).to.be.accessible();
      el.remove();
      // Narrow is relative to the text size: at 800 px, and at 200 % text in 1280 px, the buttons beside the
      // headline left it a few words' room; they go below it.
      for (const [width, fontSize] of [[800, ''], [1280, '32px']] as const) {
        box.style.setProperty('--cities-font-size', fontSize);
        const walk = await walkTicker('jsonfeed-full', width);
        const headline = walk.el.shadowRoot!.querySelector('.headline')!;
        const next = walk.el.shadowRoot!.querySelector('button[part=next]')!;
        expect(rect(next).top, `${walk.what} ${fontSize}: the buttons below the headline`).to.be.at.least(rect(headline).bottom);
        expect(walk.seen.filter((s) => s.cut).map((s) => s.text), `cut headlines at ${width}px ${fontSize}`).to.deep.equal([]);
        expect(new Set(walk.seen.map((s) => s.height)).size, `${walk.what} ${fontSize}: the height`).to.equal(1);
        expect(walk.skeleton, `the skeleton at ${width}px ${fontSize}`).to.be.closeTo(walk.seen[0]!.height, 1);
        walk.el.remove();
      }
      box.style.removeProperty('--cities-font-size');
    });

    it('ticker: in a wide container the headline wraps onto up to two lines beside the buttons, and the height never jumps', async () => {
      // Cut to one line, a 60-character headline at 900 px (or any at 200 % text) could only be read whole in its
      // title tooltip, which keyboards and touch cannot reach (WCAG 1.4.4).
      for (const [width, fontSize] of [[900, ''], [1800, '32px']] as const) {
        box.style.setProperty('--cities-font-size', fontSize);
        const { el, seen, skeleton, what } = await walkTicker('jsonfeed-full', width);
        expect(Math.max(...seen.map((s) => s.lines)), `${what} ${fontSize}`).to.equal(2);
        expect(seen.filter((s) => s.cut).map((s) => s.text), `cut headlines at ${width}px ${fontSize}`).to.deep.equal([]);
        expect(new Set(seen.map((s) => s.height)).size, `${what} ${fontSize}: the height`).to.equal(1);
        expect(new Set(seen.map((s) => s.next)).size, `${what} ${fontSize}: the Next button stays under the pointer`).to.equal(1);
        expect(skeleton, `the skeleton at ${width}px ${fontSize}`).to.be.closeTo(seen[0]!.height, 1);
        el.remove();
      }
      box.style.removeProperty('--cities-font-size');
    });

    it('ticker: never moves on its own, with or without reduced motion', async () => {
      const { el, root } = await mount('news-list', { layout: 'ticker' });
      const headline = () => root.querySelector('.headline a')!.textContent;
      const before = headline();
      clock!.restore();
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame'] });
      clock.tick(10 * 60_000);
      await el.updateComplete;
      expect(headline()).to.equal(before);
      expect(clock.countTimers()).to.equal(0);
      clock.restore();
      clock = undefined;
      for (const reducedMotion of ['no-preference', 'reduce'] as const) {
        await emulateMedia({ reducedMotion });
        expect(root.getAnimations(), reducedMotion).to.have.length(0);
        for (const node of root.querySelectorAll('*')) {
          const style = getComputedStyle(node);
          expect(style.animationName, reducedMotion).to.equal('none');
          expect(style.transitionDuration, reducedMotion).to.equal('0s');
        }
      }
    });

    it('ticker: no buttons when there is one headline', async () => {
      const { el, root } = await mount('news-list', { layout: 'ticker', limit: '1' });
      expect(root.querySelectorAll('button')).to.have.length(0);
      expect(root.querySelector('[part=position]') === null).to.equal(true);
      expect(root.querySelectorAll('.headline a')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('looks designed in the dark theme and stays accessible in every layout', async () => {
      for (const layout of ['list', 'compact', 'ticker']) {
        const { el, root } = await mount('news-list', { theme: 'dark', layout });
        const base = root.querySelector('.root')!;
        expect(base.classList.contains('theme-dark')).to.equal(true);
        expect(getComputedStyle(base).backgroundColor).to.equal('rgb(22, 27, 34)');
        const link = root.querySelector('[part=link]')!;
        expect(getComputedStyle(link).color, layout).to.equal('rgb(231, 236, 242)');
        await expect(el).to.be.accessible();
        el.remove();
      }
    });
  });

  describe('refresh and another feed', () => {
    /** `refresh="30"` on a fake clock: 30 s pass and the widget has the feed's second answer. */
    async function refreshed(el: NewsList): Promise<void> {
      const loaded = oneEvent(el, 'cities-feed-load');
      clock!.tick(30_000);
      await loaded;
      await el.updateComplete;
    }
    // The feed's first answer lacks its newest item (n-a), which the refresh brings to the top.
    const newer = { drop: 'n-a', dropOn: '1' };

    beforeEach(() => {
      clock!.restore();
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    });

    it('keeps focus on the item the visitor is on when a refresh brings a newer one above it', async () => {
      const { el, root } = await mount('news-list', { refresh: '30' }, 640, newer);
      const link = root.querySelector<HTMLAnchorElement>('[part=title] a')!;
      expect(link.textContent).to.equal('Care Blocks bring services close to home in Bogotá');
      const href = link.href;
      link.focus();
      await refreshed(el);
      expect(titles(root)[0]).to.equal('The new #CitiesAreListening space moves from ideas to action');
      const focused = root.activeElement as HTMLAnchorElement;
      expect(focused.textContent, 'the same article, not the one now in its place').to.equal('Care Blocks bring services close to home in Bogotá');
      expect(focused.href).to.equal(href);
    });

    it('moves focus to the widget, not to the neighbour now in its place, when a refresh takes its item away', async () => {
      const { el, root } = await mount('news-list', { refresh: '30' }, 640, { drop: 'n-b', dropOn: '2' });
      const link = [...root.querySelectorAll<HTMLAnchorElement>('[part=title] a')].find((a) => a.textContent === 'Care Blocks bring services close to home in Bogotá')!;
      link.focus();
      await refreshed(el);
      expect(titles(root)).to.not.include('Care Blocks bring services close to home in Bogotá');
      const focused = root.activeElement;
      expect(focused?.classList.contains('root'), `focus on ${focused?.outerHTML.slice(0, 60)}`).to.equal(true);
    });

    it('ticker: keeps the headline the visitor is on (and says nothing) when a refresh brings a newer one', async () => {
      const { el, root } = await mount('news-list', { refresh: '30', layout: 'ticker' }, 640, newer);
      const headline = () => root.querySelector('.headline a')!.textContent;
      root.querySelector<HTMLButtonElement>('button[part=next]')!.click();
      await el.updateComplete;
      expect(headline()).to.equal('Call to Rethink our Metropolitan Spaces');
      await refreshed(el);
      expect(headline(), 'the polite region would speak a headline nobody asked for').to.equal('Call to Rethink our Metropolitan Spaces');
      expect(root.querySelector('[part=position]')!.textContent).to.equal('3 of 5');
    });

    it('ticker: another `src` starts from its newest headline', async () => {
      const { el, root } = await mount('news-list', { layout: 'ticker' });
      const next = root.querySelector<HTMLButtonElement>('button[part=next]')!;
      for (let i = 0; i < 3; i++) next.click();
      await el.updateComplete;
      expect(root.querySelector('[part=position]')!.textContent).to.equal('4 of 5');
      const loaded = oneEvent(el, 'cities-feed-load');
      el.src = feedUrl(uniqueKey(), { fixture: 'news-list', drop: 'n-a' });
      await loaded;
      await el.updateComplete;
      expect(root.querySelector('[part=position]')!.textContent).to.equal('1 of 5');
      expect(root.querySelector('.headline a')!.textContent).to.equal('Care Blocks bring services close to home in Bogotá');
    });
  });

  describe('JSON Feed', () => {
    it('shows a JSON Feed 1.1 with every field', async () => {
      const { el, root, detail } = await mount('jsonfeed-full');
      expect(detail).to.deep.equal({ count: 5, skipped: 0 });
      expect(titles(root)).to.deep.equal([
        'Nuevos carriles bici en el centro',
        'Library opening hours extended',
        'Today the mayor met neighbourhood associations to discuss the new participatory budget for…',
        'Markets open on Sunday.',
        'An item without an id uses its url',
      ]);
      const items = root.querySelectorAll('li');
      // The item's own language marks its texts.
      expect(items[0]!.querySelector('[part=title]')!.getAttribute('lang')).to.equal('es');
      expect(items[0]!.querySelector('[part=summary]')!.getAttribute('lang')).to.equal('es');
      expect(items[0]!.querySelector('.authors')!.textContent).to.equal('By Ana Gómez and Bo Lin');
      expect(items[0]!.querySelector('img')!.getAttribute('alt')).to.equal('');
      expect(items[1]!.querySelector('.authors')!.textContent).to.equal('By City Press Office');
      expect(items[2]!.querySelector('[part=summary]')!.textContent).to.contain('every district of the city.');
      expect(root.querySelector<HTMLAnchorElement>('a[part=more]')!.href).to.equal('https://city.example/news/');
      // The banner image of item 42 does not exist: its box goes away.
      startImages(root);
      await waitUntil(() => !items[1]!.querySelector('img'), 'broken banner hidden', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });

    it('shows a JSON Feed 1.0', async () => {
      const { el, root, detail } = await mount('jsonfeed-v1');
      expect(detail).to.deep.equal({ count: 2, skipped: 0 });
      expect(titles(root)).to.deep.equal(['Metropolitan spaces after the pandemic', 'Hello world']);
      expect(root.querySelector('.authors')!.textContent).to.equal('By Octavi de la Varga');
      expect(root.querySelector<HTMLAnchorElement>('a[part=more]')!.href).to.equal('https://www.metropolis.org/blog');
      await expect(el).to.be.accessible();
    });

    it('skips and counts JSON Feed items without a usable date', async () => {
      const { root, detail } = await mount('jsonfeed-dates');
      expect(detail).to.deep.equal({ count: 2, skipped: 5 });
      expect(titles(root)).to.deep.equal(['With a date', 'Fractional seconds']);
    });

    it('skips JSON Feed items with a non-http url, and never links anything else', async () => {
      const { el, root, detail } = await mount('jsonfeed-urls');
      expect(detail).to.deep.equal({ count: 2, skipped: 5 });
      expect(titles(root)).to.deep.equal(['Only external_url', 'Relative url']);
      const hrefs = [...root.querySelectorAll<HTMLAnchorElement>('a')].map((a) => a.href);
      expect(hrefs).to.have.length(2);
      for (const href of hrefs) expect(href).to.match(/^https?:\/\//);
      expect(root.querySelector('a[part=more]') === null).to.equal(true);
      expect(root.querySelectorAll('img')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('strips content_html: no script runs, no image loads, only text is shown', async () => {
      const title = document.title;
      const { el, root, detail } = await mount('jsonfeed-html');
      expect(detail).to.deep.equal({ count: 3, skipped: 1 });
      expect(titles(root)).to.deep.equal(['Parks and gardens', "Water quality report '2025' published", 'Only markup']);
      expect(root.innerHTML).not.to.contain('onerror');
      expect(root.innerHTML).not.to.contain('alert');
      expect(document.title).to.equal(title);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it("reserves space while loading, the ticker's headline box included", async () => {
      box.style.width = '640px';
      // Lazy and far below the viewport: both stay in their skeletons without a request (a hanging request
      // holds one of the browser's six connections to the test server for the loader's whole timeout).
      const list = document.createElement('cities-news-list');
      list.src = feedUrl(uniqueKey());
      const ticker = document.createElement('cities-news-list');
      ticker.layout = 'ticker';
      ticker.src = feedUrl(uniqueKey());
      list.style.marginBlockStart = '20000px';
      box.append(list, ticker);
      await waitUntil(() => list.shadowRoot?.querySelector('.skeleton') && ticker.shadowRoot?.querySelector('.skeleton'));
      // One row per item to come (the default 5), the ticker's one headline line.
      expect(list.shadowRoot!.querySelectorAll('.skeleton .item')).to.have.length(5);
      expect(ticker.shadowRoot!.querySelectorAll('.skeleton .headline')).to.have.length(1);
      for (const el of [list, ticker]) {
        const state = el.shadowRoot!.querySelector('[part=state]')!;
        expect(state.getAttribute('aria-busy')).to.equal('true');
        expect(el.shadowRoot!.querySelector('.skeleton .visually-hidden')!.textContent).to.equal('Loading…');
        // The bones are hidden from assistive technology, and nothing in the skeleton is focusable.
        const bones = [...el.shadowRoot!.querySelectorAll('.bone')];
        expect(bones.length).to.be.greaterThan(0);
        expect(bones.every((bone) => bone.closest('[aria-hidden=true]'))).to.equal(true);
        expect(el.shadowRoot!.querySelectorAll('a, button, [tabindex]')).to.have.length(0);
      }
      expect(rect(list).height).to.be.greaterThan(rect(ticker).height);
      expect(rect(ticker).height).to.be.greaterThan(30);
      await expect(list).to.be.accessible();
      await expect(ticker).to.be.accessible();
      // Reduced motion: the bones do not pulse.
      const pulse = () => getComputedStyle(list.shadowRoot!.querySelector('.bone')!).animationName;
      expect(pulse()).not.to.equal('none');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(pulse()).to.equal('none');
    });

    it('reserves the shape of the loaded list while loading, in every layout and for `limit`', async function () {
      this.timeout(30000);
      const cases: Array<{ attrs: Record<string, string>; width: number; rows: number }> = [
        { attrs: {}, width: 640, rows: 5 },
        { attrs: { limit: '3' }, width: 640, rows: 3 },
        { attrs: { layout: 'compact' }, width: 640, rows: 5 },
        { attrs: { layout: 'ticker' }, width: 640, rows: 0 },
        { attrs: { layout: 'ticker' }, width: 900, rows: 0 },
      ];
      for (const { attrs, width, rows } of cases) {
        const { el } = await mount('news-list', attrs, width);
        // Lazy and far below the viewport, in the same box: it stays in its skeleton without opening a request
        // (hanging requests would hold the browser's six connections to the test server; CI timed out once).
        const key = uniqueKey();
        const loading = document.createElement('cities-news-list');
        for (const [name, value] of Object.entries(attrs)) loading.setAttribute(name, value);
        loading.style.marginBlockStart = '20000px';
        loading.src = feedUrl(key);
        box.append(loading);
        await waitUntil(() => loading.shadowRoot?.querySelector('.skeleton'));
        const what = `${JSON.stringify(attrs)} at ${width}px`;
        expect(loading.shadowRoot!.querySelectorAll('.skeleton .item'), what).to.have.length(rows);
        const skeleton = rect(loading).height;
        const content = rect(el).height;
        // Within 15 %: the length of the real titles and summaries is unknown until the feed arrives.
        expect(Math.abs(skeleton - content) / content, `${what}: ${skeleton}px vs ${content}px`).to.be.below(0.15);
        await expect(loading).to.be.accessible();
        expect((await seen(key)).count, 'no request for the skeleton').to.equal(0);
        loading.remove();
        el.remove();
      }
      // A long list is taller than any screen: 24 placeholder rows at most.
      const long = document.createElement('cities-news-list');
      long.setAttribute('limit', '1000');
      long.style.marginBlockStart = '20000px';
      long.src = feedUrl(uniqueKey());
      box.append(long);
      await waitUntil(() => long.shadowRoot?.querySelector('.skeleton'));
      expect(long.shadowRoot!.querySelectorAll('.skeleton .item')).to.have.length(24);
      long.remove();
    });

    it('shows the error state with a Retry button', async () => {
      const el = document.createElement('cities-news-list');
      el.loading = 'eager';
      el.src = feedUrl(uniqueKey(), { fail: 1, status: 404 });
      const failed = oneEvent(el, 'cities-feed-error');
      box.append(el);
      await failed;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button[part=retry]')!.textContent).to.equal('Try again');
      await expect(el).to.be.accessible();
      const loaded = oneEvent(el, 'cities-feed-load');
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=retry]')!.click();
      const event = (await loaded) as CustomEvent<{ count: number }>;
      expect(event.detail.count).to.equal(3);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('shows the empty state for a feed without news', async () => {
      const { el, root, detail } = await mount('empty');
      expect(detail).to.deep.equal({ count: 0, skipped: 0 });
      expect(root.querySelector('.state.empty')!.textContent!.trim()).to.equal('Nothing to show here yet.');
      await expect(el).to.be.accessible();
    });
  });
});
