/**
 * Right to left: the direction comes from the language (or an explicit `dir` on the element), and every
 * widget's layout mirrors in Arabic, checked on the computed geometry (what a screenshot would show):
 * the news image and the initiative image on the right of the text, the carousel's arrows swapped and
 * their chevrons and swipes mirrored, the countdown's days on the right, the ticker's buttons swapped.
 * The widgets' styles use logical properties only (read from the served style modules).
 */
import { expect } from '@open-wc/testing';
import type sinon from 'sinon';
import { feedUrl, uniqueKey } from '../helpers/server.js';
import { cleanup, mount, pageErrors, pinClock, type Tag } from './widgets.js';

const box = (el: Element, selector: string): DOMRect => {
  const target = el.shadowRoot!.querySelector(selector);
  expect(target, selector).to.exist;
  return target!.getBoundingClientRect();
};
const center = (r: DOMRect) => r.left + r.width / 2;
const dirOf = (el: Element) => el.shadowRoot!.querySelector('.root')!.getAttribute('dir');

/** Two initiatives with an image that exists on the test server. */
const initiatives = JSON.stringify({
  version: 1,
  language: 'en',
  initiatives: [1, 2].map((i) => ({
    id: `i${i}`,
    title: `Initiative ${i}`,
    summary: 'A summary long enough to take a line or two in the card of the list layout.',
    city: 'Rabat',
    country: 'MA',
    topics: ['mobility'],
    published: '2025-05-01T10:00:00Z',
    image: { src: '/demo/images/skyline.svg', alt: '' },
  })),
});

describe('right to left', () => {
  const errors = pageErrors();
  beforeEach(() => errors.start());
  afterEach(() => {
    cleanup();
    errors.stop();
  });

  it('takes the direction from the language it speaks, an explicit dir on the element winning', async () => {
    const src = feedUrl(uniqueKey(), { fixture: 'feed' });
    const tags: Tag[] = ['cities-initiative-feed', 'cities-quote-carousel', 'cities-news-list', 'cities-event-countdown'];
    for (const tag of tags) {
      expect(dirOf(await mount(tag, { lang: 'ar', src })), `${tag} ar`).to.equal('rtl');
      expect(dirOf(await mount(tag, { lang: 'ar-MA', src })), `${tag} ar-MA`).to.equal('rtl');
      expect(dirOf(await mount(tag, { lang: 'ar', dir: 'ltr', src })), `${tag} ar dir=ltr`).to.equal('ltr');
      expect(dirOf(await mount(tag, { lang: 'en', dir: 'rtl', src })), `${tag} en dir=rtl`).to.equal('rtl');
      expect(dirOf(await mount(tag, { lang: 'zh-Hans', src })), `${tag} zh-Hans`).to.equal('ltr');
      // A right-to-left language without a catalog: the widget speaks English, laid out as English (right to
      // left, "1 of 5" read "of 5 1" and "Mexico City," came out ",Mexico City"). Its feed text keeps its own.
      expect(dirOf(await mount(tag, { lang: 'he', src })), `${tag} he`).to.equal('ltr');
      expect(dirOf(await mount(tag, { lang: 'fa-IR', src })), `${tag} fa-IR`).to.equal('ltr');
      expect(dirOf(await mount(tag, { lang: 'he', dir: 'rtl', src })), `${tag} he dir=rtl`).to.equal('rtl');
    }
  });

  it('news list: the image sits on the inline start, on the right in Arabic', async () => {
    const src = feedUrl(uniqueKey(), { fixture: 'news-list', hours: 0 });
    for (const [lang, side] of [['ar', 'right'], ['en', 'left']] as const) {
      const el = await mount('cities-news-list', { lang, src });
      const item = box(el, '.item.has-image');
      const image = box(el, '.item.has-image .image');
      const body = box(el, '.item.has-image .body');
      expect(image.width, 'image beside the text').to.be.below(item.width / 2);
      // Feed text keeps its own direction: these English headlines and summaries start on the left.
      const firstLine = (selector: string) => {
        const range = document.createRange();
        range.selectNodeContents(el.shadowRoot!.querySelector(selector)!);
        return range.getClientRects()[0]!;
      };
      expect(firstLine('.item.has-image .title a').left - body.left, `${lang} headline`).to.be.below(2);
      expect(firstLine('.item.has-image .summary').left - body.left, `${lang} summary`).to.be.below(2);
      if (side === 'right') {
        expect(image.left, lang).to.be.greaterThan(body.right - 1);
        expect(item.right - image.right, lang).to.be.below(2);
      } else {
        expect(image.right, lang).to.be.below(body.left + 1);
        expect(image.left - item.left, lang).to.be.below(2);
      }
    }
  });

  it('initiative feed: image on the right, filter bar starting on the right, in Arabic', async () => {
    const src = feedUrl(uniqueKey(), { raw: initiatives });
    for (const lang of ['ar', 'en']) {
      const el = await mount('cities-initiative-feed', { lang, src, filterable: true });
      const card = box(el, '.card.has-image');
      const image = box(el, '.card.has-image .image');
      const body = box(el, '.card.has-image .body');
      const bar = box(el, '.filters');
      const search = box(el, '.field.search');
      if (lang === 'ar') {
        expect(image.left).to.be.greaterThan(body.right - 1);
        expect(card.right - image.right).to.be.below(2);
        expect(bar.right - search.right).to.be.below(2);
      } else {
        expect(image.right).to.be.below(body.left + 1);
        expect(search.left - bar.left).to.be.below(2);
      }
    }
  });

  it('quote carousel: previous on the right, mirrored chevrons and quote mark, mirrored swipes', async () => {
    const src = feedUrl(uniqueKey(), { fixture: 'quotes-many' });
    const transform = (el: Element, selector: string) =>
      getComputedStyle(el.shadowRoot!.querySelector(selector)!).transform;
    const swipe = async (el: HTMLElement & { updateComplete?: Promise<boolean> }, dx: number): Promise<number> => {
      const slides = el.shadowRoot!.querySelector('.slides')!;
      const changed = new Promise<number>((resolve) =>
        el.addEventListener('cities-quote-change', (e) => resolve(e.detail.index), { once: true }),
      );
      const at = { pointerType: 'touch', isPrimary: true, pointerId: 7, clientY: 200, bubbles: true, composed: true };
      slides.dispatchEvent(new PointerEvent('pointerdown', { ...at, clientX: 300 }));
      slides.dispatchEvent(new PointerEvent('pointerup', { ...at, clientX: 300 + dx }));
      return changed;
    };

    const ar = await mount('cities-quote-carousel', { lang: 'ar', src });
    expect(center(box(ar, '[part~=previous]'))).to.be.greaterThan(center(box(ar, '[part=next]')));
    expect(center(box(ar, '[part~=dot-current]'))).to.be.greaterThan(center(box(ar, '.dot:last-child')));
    expect(transform(ar, '[part~=previous] .icon')).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    expect(transform(ar, '[part=next] .icon')).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    expect(transform(ar, '.slide.current [part=mark]')).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    // Swiping towards the inline start (rightwards in Arabic) brings the next quote.
    expect(await swipe(ar, 120)).to.equal(1);
    expect(await swipe(ar, -120)).to.equal(0);

    const en = await mount('cities-quote-carousel', { lang: 'en', src });
    expect(center(box(en, '[part~=previous]'))).to.be.below(center(box(en, '[part=next]')));
    expect(transform(en, '[part~=previous] .icon')).to.equal('none');
    expect(transform(en, '.slide.current [part=mark]')).to.equal('none');
    expect(await swipe(en, -120)).to.equal(1);
    expect(await swipe(en, 120)).to.equal(0);
  });

  describe('event countdown', () => {
    let clock: sinon.SinonFakeTimers | undefined;
    afterEach(() => {
      clock?.restore();
      clock = undefined;
    });

    it('reads days → seconds from right to left in Arabic', async () => {
      clock = pinClock('2026-01-01T00:00:00Z');
      for (const lang of ['ar', 'en']) {
        const el = await mount('cities-event-countdown', { lang, date: '2026-01-05T15:00:00+01:00' }, 'render');
        const days = center(box(el, '.unit-day'));
        const seconds = center(box(el, '.unit-second'));
        if (lang === 'ar') expect(days).to.be.greaterThan(seconds);
        else expect(days).to.be.below(seconds);
        // The status line starts on the inline start.
        const event = box(el, '[part=event]');
        const status = box(el, '[part=status]');
        if (lang === 'ar') expect(event.right - status.right).to.be.below(event.width / 4);
        else expect(status.left - event.left).to.be.below(event.width / 4);
      }
    });
  });

  it('news ticker: label on the right, previous before next from the right, chevrons mirrored', async () => {
    const src = feedUrl(uniqueKey(), { fixture: 'news-list', hours: 0 });
    const ar = await mount('cities-news-list', { lang: 'ar', layout: 'ticker', src });
    const ticker = box(ar, '[part=ticker]');
    expect(ticker.right - box(ar, '[part=label]').right).to.be.below(ticker.width / 4);
    expect(center(box(ar, '[part=previous]'))).to.be.greaterThan(center(box(ar, '[part=next]')));
    // ‹ and › are bidi-mirrored characters: in a right-to-left run they point the other way.
    const chevron = ar.shadowRoot!.querySelector('[part=previous] span')!;
    expect(chevron.textContent).to.equal('‹');
    expect(getComputedStyle(chevron).direction).to.equal('rtl');

    const en = await mount('cities-news-list', { lang: 'en', layout: 'ticker', src });
    expect(center(box(en, '[part=previous]'))).to.be.below(center(box(en, '[part=next]')));
    expect(getComputedStyle(en.shadowRoot!.querySelector('[part=previous] span')!).direction).to.equal('ltr');
  });

  it('the styles use logical properties only', async () => {
    const files = [
      '/src/styles/base.styles.ts',
      '/src/components/initiative-feed/initiative-feed.styles.ts',
      '/src/components/event-countdown/event-countdown.styles.ts',
      '/src/components/quote-carousel/quote-carousel.styles.ts',
      '/src/components/news-list/news-list.styles.ts',
      '/src/base/new-tab.ts',
    ];
    const physical = [
      /(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b/,
      /border-(?:top|bottom)-(?:left|right)-radius/,
      /(?<![-\w])(?:left|right)\s*:/,
      /(?:text-align|float|clear)\s*:\s*(?:left|right)/,
      /(?:translateX|translate)\(\s*-?\d/,
    ];
    /** Shorthands whose values differ between left and right. */
    const split = (value: string): string[] => {
      const out: string[] = [];
      let depth = 0;
      let current = '';
      for (const c of value.trim()) {
        if (c === '(') depth++;
        if (c === ')') depth--;
        if (/\s/.test(c) && depth === 0) {
          if (current) out.push(current);
          current = '';
        } else current += c;
      }
      if (current) out.push(current);
      return out;
    };
    const asymmetric = (property: string, value: string): boolean => {
      let outside = value;
      while (/\([^()]*\)/.test(outside)) outside = outside.replace(/\([^()]*\)/g, '');
      if (outside.includes('/')) return true;
      const v = split(value);
      if (property === 'border-radius') {
        const [tl, tr = tl, br = tl, bl = tr] = v;
        return tl !== tr || br !== bl;
      }
      return v.length === 4 && v[1] !== v[3];
    };
    const found: string[] = [];
    for (const file of files) {
      const code = await (await fetch(file)).text();
      const css = [...code.matchAll(/css`([\s\S]*?)`/g)].map((m) => m[1]!).join('\n');
      expect(css.length, file).to.be.greaterThan(200);
      for (const [n, line] of css.split('\n').entries()) {
        for (const pattern of physical) if (pattern.test(line)) found.push(`${file}:${n} ${line.trim()}`);
        const m = /(?<![-\w])(margin|padding|inset|border-radius)\s*:\s*([^;]+);/.exec(line);
        if (m && asymmetric(m[1]!, m[2]!)) found.push(`${file}:${n} ${line.trim()}`);
      }
    }
    expect(found).to.deep.equal([]);
    // The checker itself catches the usual mistakes.
    expect(asymmetric('padding', '4px 8px 4px 12px')).to.equal(true);
    expect(asymmetric('border-radius', 'calc(var(--_radius) - 1px) calc(var(--_radius) - 1px) 0 0')).to.equal(false);
    expect(asymmetric('border-radius', '8px 0 0 8px')).to.equal(true);
    expect(asymmetric('border-radius', 'calc(var(--_radius) / 2)')).to.equal(false);
    expect(physical.some((p) => p.test('  margin-left: 4px;'))).to.equal(true);
    expect(physical.some((p) => p.test('  inset-inline-start: 0;'))).to.equal(false);
  });
});
