import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/components/quote-carousel/define.js';
import type { QuoteCarousel, QuoteChangeDetail } from '../src/components/quote-carousel/quote-carousel.js';
import { clearLoaderMemory } from '../src/data/loader.js';
import { clearFeedCache, feedUrl, restorePageVisibility, setPageHidden, uniqueKey } from './helpers/server.js';
import { PageErrors } from './helpers/page-errors.js';
import { languageSettled } from './helpers/language.js';
import { farAway, frames } from './helpers/frames.js';

type Attrs = Record<string, string | boolean>;

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const slides = (el: Element) => $$(el, '.slide');
/** The position of the one slide that is not inert. */
const current = (el: Element) => {
  const live = slides(el).filter((s) => !s.inert);
  expect(live, 'exactly one slide is live').to.have.length(1);
  return slides(el).indexOf(live[0]!);
};
const rotation = (el: Element) => $<HTMLButtonElement>(el, 'button.rotation');
const label = (button: Element | null) => button!.textContent!.replace(/\s+/g, ' ').trim();
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;

/** Runs axe once the slide transition is over (a quote fading in has a lower contrast meanwhile). */
async function accessible(el: Element) {
  await Promise.all(root(el).getAnimations().map((a) => a.finished));
  await expect(el).to.be.accessible();
}

/** Resolves once an image has loaded or failed (event based: safe beside a fake clock). */
function settled(img: HTMLImageElement): Promise<unknown> {
  if (img.complete) return Promise.resolve();
  return new Promise((resolve) => {
    img.addEventListener('load', resolve, { once: true });
    img.addEventListener('error', resolve, { once: true });
  });
}

function center(element: Element): [number, number] {
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const r = element.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

async function moveTo(element: Element | [number, number]) {
  await sendMouse({ type: 'move', position: Array.isArray(element) ? element : center(element) });
}

async function clickOn(element: Element) {
  await sendMouse({ type: 'click', position: center(element) });
}

function swipe(el: Element, dx: number, dy = 0, pointerType = 'touch') {
  const target = $(el, '.slides')!;
  const [x, y] = center(target);
  const init = { pointerId: 11, pointerType, isPrimary: true, bubbles: true, composed: true };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: x, clientY: y }));
  target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: x + dx, clientY: y + dy }));
}

const pageErrors = new PageErrors();
let clock: sinon.SinonFakeTimers | undefined;

/**
 * Fakes the timers only: the carousel does not read the date, and a faked Date keeps Chromium from
 * delivering matchMedia change events.
 */
function useClock() {
  clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  return clock;
}

function restoreClock() {
  clock?.restore();
  clock = undefined;
}

/**
 * Mounts a carousel between two focusable buttons and waits for its feed. Uses no timers, so it also
 * works under the fake clock.
 */
async function mount(attrs: Attrs = {}, params: Record<string, string | number> = { fixture: 'quotes-many' }) {
  const page = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Before</button>
    <div id="slot"></div>
    <button id="after">After</button>
    <div style="height: 120px"></div>
  </div>`);
  const el = document.createElement('cities-quote-carousel');
  for (const [name, value] of Object.entries(attrs)) if (value !== false) el.setAttribute(name, value === true ? '' : value);
  el.loading = 'eager';
  el.src = feedUrl(uniqueKey('quotes'), params);
  const loaded = oneEvent(el, 'cities-feed-load') as Promise<CustomEvent<{ count: number; skipped: number }>>;
  page.querySelector('#slot')!.append(el);
  const event = await loaded;
  await el.updateComplete;
  await languageSettled(el);
  return { el, page, event, before: page.querySelector<HTMLButtonElement>('#before')!, after: page.querySelector<HTMLButtonElement>('#after')! };
}

/** Advances the fake clock and lets Lit render. */
async function tick(el: QuoteCarousel, ms: number) {
  clock!.tick(ms);
  await el.updateComplete;
}

describe('<cities-quote-carousel>', () => {
  beforeEach(() => {
    clearLoaderMemory();
    clearFeedCache();
    pageErrors.start();
  });
  afterEach(async () => {
    restoreClock();
    restorePageVisibility();
    await resetMouse();
    pageErrors.assertNone();
  });

  describe('structure', () => {
    it('is a labelled carousel region of tab panels, each a figure with blockquote and caption, picked by tabs', async () => {
      const { el, event } = await mount();
      expect(event.detail).to.deep.equal({ count: 7, skipped: 0 });
      const region = $(el, 'section')!;
      expect(region.getAttribute('aria-roledescription')).to.equal('carousel');
      expect(region.getAttribute('aria-label')).to.equal('Quotes');

      const all = slides(el);
      expect(all).to.have.length(7);
      const dots = $$(el, 'button.dot');
      all.forEach((slide, i) => {
        // APG tabbed carousel: each slide a tabpanel named by its tab (a tab has its position, "3 of 7", of its own).
        expect(slide.getAttribute('role')).to.equal('tabpanel');
        expect(slide.hasAttribute('aria-roledescription')).to.equal(false);
        expect(slide.getAttribute('aria-labelledby')).to.equal(dots[i]!.id);
        expect(dots[i]!.getAttribute('aria-controls')).to.equal(slide.id);
        expect(slide.querySelector('figure > blockquote')).to.exist;
        expect(slide.querySelector('figure > figcaption .author')).to.exist;
      });
      expect(current(el)).to.equal(0);
      expect(all.slice(1).every((s) => s.inert && getComputedStyle(s).visibility === 'hidden')).to.equal(true);
      expect(getComputedStyle(all[0]!).visibility).to.equal('visible');

      const first = all[0]!;
      expect(first.querySelector('blockquote')!.textContent!.trim()).to.match(/^We also need to find spaces/);
      expect(first.querySelector('blockquote')!.getAttribute('cite')).to.equal('https://www.metropolis.org/news/cities-are-listening');
      expect(first.querySelector('.author')!.textContent).to.equal('Laia Bonet');
      expect(first.querySelector('.details')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Deputy Mayor, Barcelona City Council, Barcelona',
      );
      const source = first.querySelector<HTMLAnchorElement>('a.source')!;
      expect(source.href).to.equal('https://www.metropolis.org/news/cities-are-listening');
      expect(source.rel).to.equal('noopener noreferrer');
      expect(all[2]!.querySelector('a.source') === null, 'no source_url, no link').to.equal(true);

      // Without autoplay: no rotation control, and the slides announce politely.
      expect(rotation(el) === null).to.equal(true);
      const live = $(el, '.slides')!;
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.getAttribute('aria-atomic')).to.equal('false');
      for (const control of $$<HTMLButtonElement>(el, 'button')) {
        if (!control.matches('.dot')) expect(control.getAttribute('aria-controls')).to.equal(live.id);
        expect(control.type).to.equal('button');
      }
      expect(label($(el, 'button[part~=prev]'))).to.equal('Previous quote');
      expect(label($(el, 'button[part~=next]'))).to.equal('Next quote');
      const picker = $(el, '[part=picker]')!;
      expect(picker.getAttribute('role')).to.equal('tablist');
      expect(picker.getAttribute('aria-label')).to.equal('Choose a quote');
      expect(dots.every((d) => d.getAttribute('role') === 'tab' && d.parentElement === picker)).to.equal(true);
      expect(dots.map(label)).to.deep.equal([
        'Quote 1: Laia Bonet',
        'Quote 2: Luz Amparo Medina',
        'Quote 3: Shi Qi',
        'Quote 4: Octavi de la Varga',
        'Quote 5: William Cobbett',
        'Quote 6: Mohamed Mezghani',
        'Quote 7: Laia Bonet',
      ]);
      expect(dots.map((d) => d.getAttribute('aria-selected'))).to.deep.equal(['true', ...Array(6).fill('false')]);
      expect(dots.map((d) => d.getAttribute('tabindex')), 'one tab stop').to.deep.equal(['0', ...Array(6).fill('-1')]);
      await accessible(el);
    });

    it('takes its accessible name from `label`', async () => {
      const { el } = await mount({ label: 'What mayors said' });
      expect($(el, 'section')!.getAttribute('aria-label')).to.equal('What mayors said');
    });

    it('names its previous button `previous`, as the news ticker does (and `prev`, its first name)', async () => {
      const style = document.createElement('style');
      style.textContent = `cities-quote-carousel::part(previous) { outline-color: rgb(1, 2, 3); }
        cities-quote-carousel::part(prev) { text-decoration-color: rgb(4, 5, 6); }`;
      document.head.append(style);
      try {
        const { el } = await mount();
        const button = $(el, 'button.prev')!;
        expect(getComputedStyle(button).outlineColor).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(button).textDecorationColor).to.equal('rgb(4, 5, 6)');
      } finally {
        style.remove();
      }
    });

    it('keeps the height of the tallest quote on every slide', async () => {
      const { el } = await mount();
      const box = $(el, '.slides')!;
      const height = box.getBoundingClientRect().height;
      const tops = slides(el).map((s) => s.getBoundingClientRect().top);
      expect(new Set(tops).size, 'all slides share one cell').to.equal(1);
      // The long quote (2) is taller than the short one (3): the box fits the tallest.
      const textHeight = (i: number) => slides(el)[i]!.querySelector('blockquote p')!.getBoundingClientRect().height;
      expect(textHeight(1)).to.be.greaterThan(textHeight(2) * 2);
      expect(height).to.be.at.least(textHeight(1));
      for (let i = 1; i < 7; i++) {
        $<HTMLButtonElement>(el, 'button[part~=next]')!.click();
        await el.updateComplete;
        expect(current(el)).to.equal(i);
        expect(box.getBoundingClientRect().height).to.equal(height);
      }
    });

    it('shows a portrait with a fixed shape and keeps a broken one\'s box', async () => {
      const { el } = await mount();
      const [good, broken] = [slides(el)[0]!.querySelector('img')!, slides(el)[1]!.querySelector('img')!];
      for (const img of [good, broken]) {
        expect(img.getAttribute('loading')).to.equal('lazy');
        expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
        expect(getComputedStyle(img).aspectRatio).to.equal('1 / 1');
      }
      expect(good.alt).to.equal('');
      expect(broken.alt).to.equal('Portrait of Luz Amparo Medina');
      $<HTMLButtonElement>(el, 'button.dot:nth-of-type(2)')!.click();
      await el.updateComplete;
      await Promise.all([settled(good), settled(broken)]);
      await el.updateComplete;
      // A broken portrait keeps its box (the caption does not move), without a broken-image icon.
      expect(broken.isConnected, 'the broken portrait is replaced').to.equal(false);
      expect(slides(el)[1]!.querySelector('img') === null).to.equal(true);
      const placeholder = slides(el)[1]!.querySelector<HTMLElement>('[part=portrait]')!;
      expect(placeholder.localName).to.equal('svg');
      expect(placeholder.getAttribute('role')).to.equal('img');
      expect(placeholder.getAttribute('aria-label')).to.equal('Portrait of Luz Amparo Medina');
      const size = placeholder.getBoundingClientRect();
      expect([size.width, size.height]).to.deep.equal([good.getBoundingClientRect().width, good.getBoundingClientRect().height]);
      expect(good.naturalWidth, 'the good portrait loads').to.be.greaterThan(0);
      expect(good.isConnected).to.equal(true);
    });

    it('shows feed text in the widget language and marks text in another one', async () => {
      const { el } = await mount({ lang: 'es' });
      const first = slides(el)[0]!;
      const quote = first.querySelector('blockquote')!;
      expect(quote.textContent!.trim()).to.match(/^También necesitamos/);
      expect(quote.hasAttribute('lang')).to.equal(false);
      const details = [...first.querySelectorAll('.details span')];
      expect(details.map((d) => d.textContent)).to.deep.equal(['Teniente de alcaldía', 'Barcelona City Council', 'Barcelona']);
      expect(details.map((d) => d.getAttribute('lang'))).to.deep.equal([null, 'en', null]);
    });

    it('looks designed and stays accessible in the dark theme', async () => {
      const { el } = await mount({ theme: 'dark', autoplay: true });
      const card = $(el, '.card')!;
      expect(getComputedStyle(card).backgroundColor).to.equal('rgb(33, 40, 51)');
      await accessible(el);
    });
  });

  describe('controls', () => {
    it('moves with previous, next and the picker by mouse, wrapping around', async () => {
      const { el } = await mount();
      const changes: QuoteChangeDetail[] = [];
      el.addEventListener('cities-quote-change', (e) => changes.push(e.detail));
      await clickOn($(el, 'button[part~=next]')!);
      await el.updateComplete;
      expect(current(el)).to.equal(1);
      await clickOn($(el, 'button[part~=prev]')!);
      await clickOn($(el, 'button[part~=prev]')!);
      await el.updateComplete;
      expect(current(el)).to.equal(6);
      await clickOn($$(el, 'button.dot')[2]!);
      await el.updateComplete;
      expect(current(el)).to.equal(2);
      expect($$(el, 'button.dot').map((d) => d.getAttribute('aria-selected'))).to.deep.equal([
        'false', 'false', 'true', 'false', 'false', 'false', 'false',
      ]);
      expect($$(el, 'button.dot')[2]!.getAttribute('part')).to.equal('dot dot-current');
      expect(changes).to.deep.equal([
        { index: 1, id: 'q2' },
        { index: 0, id: 'q1' },
        { index: 6, id: 'q7' },
        { index: 2, id: 'q3' },
      ]);
    });

    it('is driven by keyboard: the controls first (as in the APG examples), then only the shown slide', async () => {
      const { el, before } = await mount();
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)!.matches('[part~=previous]'), 'the controls come before the slides').to.equal(true);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(current(el)).to.equal(6);
      await sendKeys({ press: 'Tab' });
      expect(focused(el) === $$(el, 'button.dot')[6], 'the picker is one tab stop: the tab of the quote shown').to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(focused(el)!.getAttribute('part'), 'one Tab leaves the picker').to.equal('next');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(current(el)).to.equal(0);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(current(el)).to.equal(1);
      expect(focused(el)!.getAttribute('part'), 'focus stays on the control').to.equal('next');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(current(el)).to.equal(3);
      await sendKeys({ press: 'Tab' });
      // From the controls to the shown slide's source link: slide 1's link is inert.
      expect(focused(el)!.matches('a.source')).to.equal(true);
      expect(focused(el)!.closest('.slide')).to.equal(slides(el)[3]);
      await accessible(el);
    });

    it('moves with touch swipes, not with mouse drags or vertical scrolls', async () => {
      const { el } = await mount();
      expect(getComputedStyle($(el, '.slides')!).touchAction).to.equal('pan-y');
      swipe(el, -120);
      await el.updateComplete;
      expect(current(el), 'swipe left: next').to.equal(1);
      swipe(el, 120);
      await el.updateComplete;
      expect(current(el), 'swipe right: previous').to.equal(0);
      swipe(el, -20);
      swipe(el, -60, 150);
      swipe(el, -120, 0, 'mouse');
      await el.updateComplete;
      expect(current(el)).to.equal(0);
    });

    it('mirrors arrows and swipes on right-to-left pages', async () => {
      const ltr = (await mount()).el;
      const { el } = await mount({ dir: 'rtl' });
      const prev = $(el, 'button[part~=prev]')!;
      const next = $(el, 'button[part~=next]')!;
      expect(prev.getBoundingClientRect().left, 'previous sits on the right').to.be.greaterThan(next.getBoundingClientRect().left);
      expect(getComputedStyle(prev.querySelector('svg')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      expect(getComputedStyle($(ltr, 'button[part~=prev] svg')!).transform).to.equal('none');
      const ltrPrev = $(ltr, 'button[part~=prev]')!;
      expect(ltrPrev.getBoundingClientRect().left).to.be.lessThan($(ltr, 'button[part~=next]')!.getBoundingClientRect().left);
      swipe(el, 120);
      await el.updateComplete;
      expect(current(el), 'swipe right: next').to.equal(1);
      swipe(el, -120);
      swipe(el, -120);
      await el.updateComplete;
      expect(current(el), 'swipe left: previous').to.equal(6);
      await accessible(el);
    });
  });

  describe('picker (APG tabs: one tab stop, arrow keys)', () => {
    const dots = (el: Element) => $$<HTMLButtonElement>(el, 'button.dot');
    /** Index of the focused dot, -1 when focus is elsewhere. */
    const focusedDot = (el: Element) => dots(el).indexOf(focused(el) as HTMLButtonElement);
    const tabStops = (el: Element) => dots(el).filter((d) => d.tabIndex === 0).map((d) => dots(el).indexOf(d));
    async function shiftTab() {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    }
    async function press(el: QuoteCarousel, key: string) {
      await sendKeys({ press: key });
      await el.updateComplete;
    }
    /** Presses `key` and checks that quote `at` is shown, its tab focused, selected and the only tab stop. */
    async function step(el: QuoteCarousel, key: string, at: number) {
      await press(el, key);
      expect(current(el), `${key} shows quote ${at}`).to.equal(at);
      expect(focusedDot(el), `${key}: focus on tab ${at}`).to.equal(at);
      expect(tabStops(el), 'one tab stop').to.deep.equal([at]);
      expect(dots(el).map((d) => d.getAttribute('aria-selected') === 'true')).to.deep.equal(dots(el).map((_, i) => i === at));
      expect(dots(el)[at]!.getAttribute('part')).to.equal('dot dot-current');
    }

    it('is one tab stop that follows the quote shown, in both directions', async () => {
      const { el } = await mount();
      $<HTMLButtonElement>(el, 'button[part~=next]')!.click();
      $<HTMLButtonElement>(el, 'button[part~=next]')!.click();
      await el.updateComplete;
      expect(tabStops(el)).to.deep.equal([2]);
      $(el, 'button[part~=previous]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedDot(el), 'Tab from previous: the current tab').to.equal(2);
      await sendKeys({ press: 'Tab' });
      expect(focused(el)!.matches('[part~=next]'), 'the next Tab leaves the picker').to.equal(true);
      await shiftTab();
      expect(focusedDot(el), 'Shift+Tab from next: the current tab').to.equal(2);
      await step(el, 'ArrowRight', 3);
      await shiftTab();
      expect(focused(el)!.matches('[part~=previous]'), 'Shift+Tab leaves the picker').to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(focusedDot(el), 'back in: the tab just chosen').to.equal(3);
    });

    it('keeps focus on the selected tab when a refresh moves the quote shown', async () => {
      // The feed's first answer lacks q1; the refresh puts it first, and the quote shown (q2) second.
      clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
      const { el } = await mount({ refresh: '30' }, { fixture: 'quotes-many', drop: 'q1', dropOn: '1' });
      dots(el)[0]!.focus();
      const loaded = oneEvent(el, 'cities-feed-load');
      clock.tick(30_000);
      await loaded;
      await el.updateComplete;
      expect(current(el), 'the same quote, now second').to.equal(1);
      expect(tabStops(el)).to.deep.equal([1]);
      expect(focusedDot(el), 'focus on the one tab stop, the selected tab').to.equal(1);
    });

    it('moves and shows with Left and Right, wrapping, keeping focus and firing cities-quote-change', async () => {
      const { el } = await mount();
      const changes: QuoteChangeDetail[] = [];
      el.addEventListener('cities-quote-change', (e) => changes.push(e.detail));
      dots(el)[0]!.focus();
      await step(el, 'ArrowRight', 1);
      await step(el, 'ArrowRight', 2);
      await step(el, 'ArrowLeft', 1);
      await step(el, 'ArrowLeft', 0);
      await step(el, 'ArrowLeft', 6);
      await step(el, 'ArrowRight', 0);
      expect(changes.map((c) => c.index)).to.deep.equal([1, 2, 1, 0, 6, 0]);
      expect(changes[4]).to.deep.equal({ index: 6, id: 'q7' });
      // The live region announces what the visitor picked.
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('polite');
      expect(slides(el)[0]!.getAttribute('aria-labelledby')).to.equal(dots(el)[0]!.id);
      await accessible(el);
    });

    it('goes to the first and last quote with Home and End, and leaves other keys alone', async () => {
      const { el } = await mount();
      dots(el)[0]!.focus();
      await step(el, 'End', 6);
      await step(el, 'End', 6);
      await step(el, 'Home', 0);
      await step(el, 'ArrowDown', 0);
      // With a modifier the key is the browser's (Alt+Left is "back"): not handled, not prevented.
      const key = new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true, cancelable: true, composed: true });
      dots(el)[0]!.dispatchEvent(key);
      await el.updateComplete;
      expect(key.defaultPrevented).to.equal(false);
      expect(current(el)).to.equal(0);
      const end = new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true, composed: true });
      dots(el)[0]!.dispatchEvent(end);
      await el.updateComplete;
      expect(end.defaultPrevented, 'Home and End do not scroll the page').to.equal(true);
      expect(current(el)).to.equal(6);
    });

    it('mirrors Left and Right on right-to-left pages, as the dots are mirrored', async () => {
      const { el } = await mount({ lang: 'ar' });
      const [first, second] = dots(el).map((d) => d.getBoundingClientRect().left);
      expect(second!, 'tab 2 on the left of tab 1').to.be.below(first!);
      dots(el)[0]!.focus();
      await step(el, 'ArrowLeft', 1);
      await step(el, 'ArrowLeft', 2);
      await step(el, 'ArrowRight', 1);
      await step(el, 'ArrowRight', 0);
      await step(el, 'ArrowRight', 6);
      await step(el, 'ArrowLeft', 0);
      await step(el, 'End', 6);
      await accessible(el);
      // The direction, not the language, decides: an explicit dir wins either way.
      const rtl = (await mount({ dir: 'rtl' })).el;
      dots(rtl)[0]!.focus();
      await step(rtl, 'ArrowLeft', 1);
      const ltr = (await mount({ lang: 'ar', dir: 'ltr' })).el;
      dots(ltr)[0]!.focus();
      await step(ltr, 'ArrowRight', 1);
    });

    it('stops automatic rotation for good, as a click does, and the slides speak again', async () => {
      useClock();
      const { el, after } = await mount({ autoplay: true });
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('off');
      await tick(el, 7000);
      expect(current(el)).to.equal(1);
      $(el, 'button[part~=previous]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedDot(el), 'the tab of the quote shown').to.equal(1);
      await el.updateComplete;
      expect($(el, '.slides')!.getAttribute('aria-live'), 'paused by focus').to.equal('polite');
      await step(el, 'ArrowRight', 2);
      expect(label(rotation(el)), 'stopped, not paused').to.equal('Start automatic slide show');
      after.focus();
      await tick(el, 60000);
      expect(current(el)).to.equal(2);
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('polite');
      restoreClock();
      await accessible(el);
    });
  });

  describe('autoplay', () => {
    it('rotates every 7 s by default, with the rotation control first and the live region off', async () => {
      useClock();
      const { el, before } = await mount({ autoplay: true });
      const button = rotation(el)!;
      expect(root(el).querySelector('button'), 'first control').to.equal(button);
      expect(label(button)).to.equal('Stop automatic slide show');
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('off');
      await tick(el, 6999);
      expect(current(el)).to.equal(0);
      await tick(el, 1);
      expect(current(el)).to.equal(1);
      await tick(el, 7000 * 6);
      expect(current(el), 'wraps around').to.equal(0);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el), 'first in tab order').to.equal(button);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(label(button), 'stopped by keyboard').to.equal('Start automatic slide show');
      await tick(el, 60000);
      expect(current(el)).to.equal(0);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(label(button)).to.equal('Stop automatic slide show');
      expect(focused(el), 'the same button keeps focus').to.equal(button);
      await tick(el, 7000);
      expect(current(el)).to.equal(1);
      restoreClock();
      await accessible(el);
    });

    it('does not rotate without the autoplay attribute', async () => {
      useClock();
      const { el } = await mount();
      await tick(el, 60000);
      expect(current(el)).to.equal(0);
    });

    it('clamps `interval` to at least 3000 ms and ignores junk', async () => {
      // Three carousels one below the other, all in view (a carousel far out of view rests).
      const [width, height] = [innerWidth, innerHeight];
      await setViewport({ width, height: 2400 });
      try {
        await clampsInterval();
      } finally {
        await setViewport({ width, height });
      }
    });

    async function clampsInterval() {
      useClock();
      const fast = (await mount({ autoplay: true, interval: '1000' })).el;
      const junk = (await mount({ autoplay: true, interval: 'soon' })).el;
      const custom = (await mount({ autoplay: true, interval: '4000' })).el;
      await tick(fast, 2999);
      expect([current(fast), current(junk), current(custom)]).to.deep.equal([0, 0, 0]);
      await tick(fast, 1);
      expect(current(fast)).to.equal(1);
      await tick(fast, 1000);
      expect(current(custom)).to.equal(1);
      await tick(fast, 3000);
      expect(current(junk)).to.equal(1);
      // A new interval takes effect at once.
      custom.interval = 10000;
      await custom.updateComplete;
      await tick(custom, 9999);
      expect(current(custom)).to.equal(1);
      await tick(custom, 1);
      expect(current(custom)).to.equal(2);
    }

    it('takes an `interval` past what a timer can wait as the longest wait, not a slide every millisecond', async () => {
      // setTimeout fires a delay over 2^31 − 1 ms at once: `interval="3000000000"` flashed 160 quotes a second.
      useClock();
      const { el } = await mount({ autoplay: true, interval: '3000000000' });
      await tick(el, 60_000);
      expect(current(el)).to.equal(0);
    });

    it('pauses while the pointer is over the carousel, but not over the rotation control', async () => {
      useClock();
      const { el } = await mount({ autoplay: true });
      await moveTo($(el, '.slides')!);
      await el.updateComplete;
      expect($(el, '.slides')!.getAttribute('aria-live'), 'polite while paused').to.equal('polite');
      await tick(el, 30000);
      expect(current(el)).to.equal(0);
      await moveTo($(el, 'button[part~=next]')!);
      await tick(el, 30000);
      expect(current(el)).to.equal(0);
      expect(label(rotation(el)), 'paused, not stopped').to.equal('Stop automatic slide show');
      await moveTo(rotation(el)!);
      await tick(el, 7000);
      expect(current(el)).to.equal(1);
      await moveTo($(el, '.slides')!);
      await tick(el, 30000);
      expect(current(el)).to.equal(1);
      await moveTo([0, 0]);
      await el.updateComplete;
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('off');
      await tick(el, 7000);
      expect(current(el), 'resumes when the pointer leaves').to.equal(2);
    });

    it('pauses while keyboard focus is inside, and resumes when it leaves', async () => {
      useClock();
      const { el, before, after } = await mount({ autoplay: true });
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(rotation(el));
      await tick(el, 7000);
      expect(current(el), 'the rotation control does not pause').to.equal(1);
      await sendKeys({ press: 'Tab' });
      // Quote 2 has no source link: focus reaches the previous button.
      expect(focused(el)!.matches('[part~=previous]')).to.equal(true);
      await el.updateComplete;
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('polite');
      await tick(el, 30000);
      expect(current(el)).to.equal(1);
      await sendKeys({ press: 'Tab' });
      await tick(el, 30000);
      expect(current(el), 'still paused on the picker').to.equal(1);
      after.focus();
      await tick(el, 7000);
      expect(current(el)).to.equal(2);
    });

    it('stops for good with the pause button, and starts again with play', async () => {
      useClock();
      const { el } = await mount({ autoplay: true });
      await clickOn(rotation(el)!);
      await el.updateComplete;
      expect(label(rotation(el))).to.equal('Start automatic slide show');
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('polite');
      await moveTo([0, 0]);
      await tick(el, 60000);
      expect(current(el)).to.equal(0);
      await clickOn(rotation(el)!);
      await el.updateComplete;
      expect(label(rotation(el))).to.equal('Stop automatic slide show');
      await tick(el, 7000);
      expect(current(el), 'rotates with the pointer on the control').to.equal(1);
      restoreClock();
      await accessible(el);
    });

    it('stops for good when the visitor uses previous, next, the picker or a swipe', async () => {
      useClock();
      for (const act of [
        (el: QuoteCarousel) => clickOn($(el, 'button[part~=next]')!),
        (el: QuoteCarousel) => clickOn($(el, 'button[part~=prev]')!),
        (el: QuoteCarousel) => clickOn($$(el, 'button.dot')[3]!),
        (el: QuoteCarousel) => swipe(el, -100),
      ]) {
        const { el } = await mount({ autoplay: true });
        await act(el);
        await moveTo([0, 0]);
        await el.updateComplete;
        const at = current(el);
        expect(at).to.not.equal(0);
        expect(label(rotation(el))).to.equal('Start automatic slide show');
        await tick(el, 60000);
        expect(current(el)).to.equal(at);
      }
    });

    it('fades the arriving quote in, and changes the dots without a transition', async () => {
      // A transition of the dots' width laid the widget out on every frame of every rotation (idle audit:
      // 245 ms a minute for an autoplaying carousel, 88 ms without it).
      const { el } = await mount({ autoplay: true });
      const shown = slides(el)[current(el)]!;
      expect([getComputedStyle(shown).transitionProperty, getComputedStyle(shown).transitionDuration]).to.deep.equal(['opacity', '0.32s']);
      for (const dot of el.shadowRoot!.querySelectorAll('.dot')) {
        expect(getComputedStyle(dot, '::before').transitionDuration).to.match(/^0s(, 0s)*$/);
      }
    });

    it('never starts under reduced motion until the visitor presses play, and does not animate', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        useClock();
        const { el } = await mount({ autoplay: true });
        expect(label(rotation(el))).to.equal('Start automatic slide show');
        expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('polite');
        await tick(el, 60000);
        expect(current(el)).to.equal(0);
        for (const slide of slides(el)) expect(getComputedStyle(slide).transitionDuration).to.match(/^0s(, 0s)*$/);
        expect(getComputedStyle($(el, '.dot')!, '::before').transitionDuration).to.match(/^0s(, 0s)*$/);
        rotation(el)!.click();
        await el.updateComplete;
        expect(label(rotation(el))).to.equal('Stop automatic slide show');
        await tick(el, 7000);
        expect(current(el)).to.equal(1);
        restoreClock();
        await accessible(el);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('motion="reduce" (or the page meta) acts like the reduced-motion preference', async () => {
      useClock();
      const { el } = await mount({ autoplay: true, motion: 'reduce' });
      expect(label(rotation(el))).to.equal('Start automatic slide show');
      await tick(el, 60000);
      expect(current(el)).to.equal(0);
      for (const slide of slides(el)) expect(getComputedStyle(slide).transitionDuration).to.match(/^0s(, 0s)*$/);
      el.setAttribute('motion', 'auto');
      await el.updateComplete;
      expect(label(rotation(el)), 'back to the visitor setting').to.equal('Stop automatic slide show');
      const meta = Object.assign(document.createElement('meta'), { name: 'cities-widgets:motion', content: 'reduce' });
      document.head.append(meta);
      try {
        el.removeAttribute('motion');
        await el.updateComplete;
        expect(label(rotation(el)), 'page default').to.equal('Start automatic slide show');
      } finally {
        meta.remove();
      }
      restoreClock();
    });

    it('stops when reduced motion is switched on while rotating, and follows it back', async () => {
      useClock();
      const { el } = await mount({ autoplay: true });
      expect(getComputedStyle(slides(el)[0]!).transitionDuration, 'the shown quote fades in').to.not.match(/^0s(, 0s)*$/);
      const query = matchMedia('(prefers-reduced-motion: reduce)');
      try {
        const switched = oneEvent(query, 'change');
        await emulateMedia({ reducedMotion: 'reduce' });
        await switched;
        await el.updateComplete;
        expect(label(rotation(el))).to.equal('Start automatic slide show');
        await tick(el, 60000);
        expect(current(el)).to.equal(0);
      } finally {
        const back = oneEvent(query, 'change');
        await emulateMedia({ reducedMotion: 'no-preference' });
        await back;
      }
      await el.updateComplete;
      expect(label(rotation(el))).to.equal('Stop automatic slide show');
      await tick(el, 7000);
      expect(current(el), 'the visitor never chose: rotation follows the preference').to.equal(1);
    });

    it('does not rotate while far out of view, and goes on when scrolled back', async () => {
      useClock();
      const { el } = await mount({ autoplay: true });
      farAway(el, true);
      await frames();
      await tick(el, 21_000);
      expect(current(el), 'no rotation out of view').to.equal(0);
      expect(label(rotation(el)), 'still playing: only resting').to.equal('Stop automatic slide show');
      farAway(el, false);
      await frames();
      await tick(el, 6_900);
      expect(current(el)).to.equal(0);
      await tick(el, 100);
      expect(current(el), 'a full interval after it came back').to.equal(1);
      restoreClock();
    });

    it('does not rotate while the page is hidden', async () => {
      useClock();
      const { el } = await mount({ autoplay: true });
      setPageHidden(true);
      await tick(el, 60000);
      expect(current(el)).to.equal(0);
      expect(label(rotation(el)), 'halted, not stopped').to.equal('Stop automatic slide show');
      setPageHidden(false);
      await tick(el, 6999);
      expect(current(el)).to.equal(0);
      await tick(el, 1);
      expect(current(el)).to.equal(1);
    });

    it('clears its timer and listeners when removed, and starts again when put back', async () => {
      const timers = useClock();
      const { el, page } = await mount({ autoplay: true });
      await tick(el, 7000);
      expect(current(el)).to.equal(1);
      expect(timers.countTimers()).to.equal(1);
      el.remove();
      expect(timers.countTimers(), 'no timer left').to.equal(0);
      setPageHidden(true);
      setPageHidden(false);
      await tick(el, 60000);
      expect(timers.countTimers()).to.equal(0);
      expect(current(el)).to.equal(1);
      page.append(el);
      await el.updateComplete;
      await tick(el, 7000);
      expect(current(el)).to.equal(2);
    });
  });

  describe('selection and states', () => {
    it('filters by city and author (ignoring accents and case), limits, and counts what it shows', async () => {
      const byCity = await mount({ city: 'barcelona' });
      expect(byCity.event.detail.count).to.equal(3);
      expect(slides(byCity.el).map((s) => s.querySelector('.author')!.textContent)).to.deep.equal([
        'Laia Bonet',
        'Octavi de la Varga',
        'Laia Bonet',
      ]);
      const byAuthor = await mount({ author: ' LAIA   BONET ' });
      expect(byAuthor.event.detail.count).to.equal(2);
      const limited = await mount({ limit: '3', city: 'BARCELONA' });
      expect(limited.event.detail.count).to.equal(3);
      const both = await mount({ limit: '2', author: 'laia bonet' });
      expect(both.event.detail.count).to.equal(2);
      expect($$(both.el, 'button.dot').map(label)).to.deep.equal(['Quote 1: Laia Bonet', 'Quote 2: Laia Bonet']);
      const cut = await mount({ limit: '4' });
      expect(cut.event.detail.count).to.equal(4);
      expect($$(cut.el, 'button.dot')).to.have.length(4);
    });

    it('another `src` starts from its first quote', async () => {
      const { el } = await mount();
      for (let i = 0; i < 3; i++) $<HTMLButtonElement>(el, 'button[part~=next]')!.click();
      await el.updateComplete;
      expect(current(el)).to.equal(3);
      const loaded = oneEvent(el, 'cities-feed-load');
      el.src = feedUrl(uniqueKey('quotes'), { fixture: 'quotes-many', drop: 'q1' });
      await loaded;
      await el.updateComplete;
      expect(current(el)).to.equal(0);
      expect(slides(el)[0]!.querySelector('.author')!.textContent).to.equal('Luz Amparo Medina');
    });

    it('shows the first 50 quotes of a longer feed, whatever `limit` says, and says how many it shows', async () => {
      // A slide and a tab per quote: 5,000 quotes made 70,000 nodes and froze the page for seconds.
      const quotes = Array.from({ length: 80 }, (_, i) => ({ id: `q${i}`, text: `Quote number ${i + 1}`, author: `Author ${i + 1}` }));
      const raw = JSON.stringify({ version: 1, quotes });
      for (const limit of ['0', '70']) {
        const { el, event } = await mount({ limit }, { raw });
        expect(event.detail, `limit=${limit}`).to.deep.equal({ count: 50, skipped: 0 });
        expect(slides(el), `limit=${limit}`).to.have.length(50);
        expect($$(el, 'button.dot').at(-1)!.textContent!.trim()).to.equal('Quote 50: Author 50');
      }
      const fewer = await mount({ limit: '12' }, { raw });
      expect([fewer.event.detail.count, slides(fewer.el).length]).to.deep.equal([12, 12]);
    });

    it('keeps a quote to about 75 characters a line in a very wide column', async () => {
      const { el, page } = await mount();
      const text = () => $(el, '.slide.current blockquote p')!;
      page.style.width = '600px';
      expect(text().getBoundingClientRect().width, 'a usual column: the whole width').to.be.greaterThan(400);
      page.style.width = '2400px';
      const size = parseFloat(getComputedStyle(text()).fontSize);
      const { width } = text().getBoundingClientRect();
      expect(width).to.be.at.most(36 * size + 0.5);
      expect(width).to.be.greaterThan(30 * size);
    });

    it('shows one quote without controls and without rotation', async () => {
      useClock();
      const { el, event } = await mount({ autoplay: true, city: 'Bogota' });
      expect(event.detail.count).to.equal(1);
      expect($$(el, 'button')).to.have.length(0);
      expect($(el, '[aria-roledescription]') === null).to.equal(true);
      expect($(el, 'figure blockquote')!.textContent).to.contain('We need your support');
      await tick(el, 60000);
      expect($(el, '.author')!.textContent).to.equal('Luz Amparo Medina');
      expect(clock!.countTimers()).to.equal(0);
      restoreClock();
      await accessible(el);
      const single = await mount({ autoplay: true }, { fixture: 'quotes-one' });
      expect($$(single.el, 'button')).to.have.length(0);
      expect($<HTMLAnchorElement>(single.el, 'a.source')!.rel).to.equal('noopener noreferrer');
      await accessible(single.el);
    });

    it('shows the empty state for no quotes, and for filters that match none', async () => {
      const none = await mount({ autoplay: true }, { fixture: 'empty' });
      expect(none.event.detail.count).to.equal(0);
      expect($(none.el, '.state.empty')!.textContent!.trim()).to.equal('Nothing to show here yet.');
      await accessible(none.el);
      const nobody = await mount({ author: 'Nobody' });
      expect(nobody.event.detail.count).to.equal(0);
      expect($(nobody.el, '.state.empty')).to.exist;
      expect($(nobody.el, 'section') === null).to.equal(true);
    });

    it('reserves the shape of the loaded carousel while loading, accessibly', async () => {
      const page = await fixture<HTMLDivElement>(html`<div style="inline-size: 640px"></div>`);
      // Lazy and far below the viewport: it stays in its skeleton without a request (a hanging request would
      // hold one of the browser's six connections to the test server).
      const loading = document.createElement('cities-quote-carousel');
      loading.src = feedUrl(uniqueKey('quotes'));
      loading.style.marginBlockStart = '20000px';
      const loaded = document.createElement('cities-quote-carousel');
      loaded.loading = 'eager';
      loaded.src = feedUrl(uniqueKey('quotes'), { fixture: 'quotes-many' });
      const done = oneEvent(loaded, 'cities-feed-load');
      page.append(loaded, loading);
      await done;
      await loaded.updateComplete;
      expect($(loading, '.skeleton') !== null && $(loaded, 'section[part=carousel]') !== null).to.equal(true);
      const skeleton = loading.getBoundingClientRect().height;
      const content = loaded.getBoundingClientRect().height;
      // Within 15 %: the length of the longest quote is unknown until the feed arrives.
      expect(Math.abs(skeleton - content) / content, `${skeleton}px vs ${content}px`).to.be.below(0.15);
      // The quote's text lines, its caption and the controls row.
      expect($$(loading, '.skeleton .text .bone').length).to.be.greaterThan(3);
      expect($$(loading, '.skeleton .nav .arrow')).to.have.length(2);
      expect($(loading, '[part=state]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(loading, '.skeleton .visually-hidden')!.textContent).to.equal('Loading…');
      expect($$(loading, '.bone').every((bone) => bone.closest('[aria-hidden=true]'))).to.equal(true);
      expect($$(loading, 'a, button, [tabindex]')).to.have.length(0);
      // Not accessible(): the bones pulse for ever, their animations never finish (and no text fades in).
      await expect(loading).to.be.accessible();
      // Reduced motion (here by the motion attribute): the bones do not pulse.
      loading.motion = 'reduce';
      await loading.updateComplete;
      expect(getComputedStyle($(loading, '.bone')!).animationName).to.equal('none');
    });

    it('reads the quotes of the shared sample feed', async () => {
      const { el, event } = await mount({}, {});
      expect(event.detail).to.deep.equal({ count: 3, skipped: 0 });
      const third = slides(el)[2]!;
      expect(third.querySelector('.details')!.textContent).to.equal("Xi'an");
      expect(third.querySelector('a') === null).to.equal(true);
      expect(third.querySelector('img') === null).to.equal(true);
      await accessible(el);
    });
  });
});
