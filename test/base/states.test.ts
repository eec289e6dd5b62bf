import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../helpers/test-element.js';
import type { TestWidget } from '../helpers/test-element.js';
import { clearLoaderMemory, loadFeed } from '../../src/data/loader.js';
import { resetCacheState } from '../../src/data/cache.js';
import { clearFeedCache, feedUrl, SLOW, seen, setPageHidden, restorePageVisibility, uniqueKey } from '../helpers/server.js';
import { PageErrors } from '../helpers/page-errors.js';
import sinon from 'sinon';
import { computedColour, withForcedColors } from '../helpers/forced-colors.js';

const shadow = (el: Element) => el.shadowRoot!;
const stateOf = (el: TestWidget) => el.state.status;
/** A request to the test server and back, in real time: a feed request a fake timer started has reached it by then. */
const roundTrip = () => seen(uniqueKey());
/** `promise`, or a failure named `what` after `ms`. */
const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), ms))]);
/** The widget's one status region (a live region), which stays in place across its states. */
const status = (el: Element) => shadow(el).querySelector('.root > [role=status]')!.textContent;
const box = (el: Element) => shadow(el).querySelector('.root');

const pageErrors = new PageErrors();

/** Loads `url` once so that its copy is in localStorage, then forgets everything else, as a new visit would. */
async function storeCopyOf(url: string): Promise<void> {
  await loadFeed(url);
  await waitUntil(() => localStorage.getItem(`cities-widgets:feed:v1:${url}`) !== null, 'stored', { timeout: 3000 });
  clearLoaderMemory();
  resetCacheState(); // read the copy from storage, as on a new visit
}

describe('shared widget behaviour', () => {
  beforeEach(() => {
    clearLoaderMemory();
    clearFeedCache();
    pageErrors.start();
  });
  afterEach(() => {
    pageErrors.assertNone();
  });

  it('shows a skeleton that reserves space while loading, and is accessible', async () => {
    const el = await fixture<TestWidget>(html`<test-widget src=${feedUrl(uniqueKey(), { delay: SLOW })}></test-widget>`);
    await waitUntil(() => shadow(el).querySelector('.skeleton'));
    expect(stateOf(el)).to.equal('loading');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(40);
    // Said to a screen reader's reading cursor, not announced: four widgets would say it four times.
    expect(shadow(el).querySelector('.skeleton .visually-hidden')!.textContent).to.equal('Loading…');
    expect(status(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('keeps the skeleton visible in forced colours (a system colour, not a background that is dropped)', async () => {
    const el = await fixture<TestWidget>(html`<test-widget src=${feedUrl(uniqueKey(), { delay: SLOW })}></test-widget>`);
    await waitUntil(() => shadow(el).querySelector('.bone'));
    const bone = shadow(el).querySelector('.bone')!;
    await withForcedColors(() => {
      expect(computedColour('GrayText')).not.to.equal(computedColour('Canvas'));
      expect(getComputedStyle(bone).backgroundColor).to.equal(computedColour('GrayText'));
    });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
  });

  it('animates the skeleton, except with motion="reduce"', async () => {
    const el = await fixture(html`<div>
      <test-widget id="a" src=${feedUrl(uniqueKey(), { delay: SLOW })}></test-widget>
      <test-widget id="b" motion="reduce" src=${feedUrl(uniqueKey(), { delay: SLOW })}></test-widget>
    </div>`);
    const [a, b] = ['#a', '#b'].map((s) => el.querySelector<TestWidget>(s)!);
    await waitUntil(() => shadow(a!).querySelector('.bone') && shadow(b!).querySelector('.bone'));
    expect(getComputedStyle(shadow(a!).querySelector('.bone')!).animationName).to.equal('pulse');
    expect(getComputedStyle(shadow(b!).querySelector('.bone')!).animationName).to.equal('none');
  });

  it('renders the feed when ready and fires cities-feed-load with counts', async () => {
    const el = document.createElement('test-widget');
    el.src = feedUrl(uniqueKey());
    const loaded = oneEvent(el, 'cities-feed-load');
    document.body.append(el);
    const event = (await loaded) as CustomEvent<{ count: number; skipped: number }>;
    expect(event.detail).to.deep.equal({ count: 3, skipped: 0 });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('li')).to.have.length(3);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('shows a friendly empty state', async () => {
    const el = await fixture<TestWidget>(html`<test-widget src=${feedUrl(uniqueKey(), { fixture: 'empty' })}></test-widget>`);
    await waitUntil(() => shadow(el).querySelector('.state.empty'));
    expect(shadow(el).querySelector('.state.empty')!.textContent!.trim()).to.equal('Nothing to show here yet.');
    expect(status(el)).to.equal('Nothing to show here yet.');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a Retry button that loads again, and fires cities-feed-error', async () => {
    const key = uniqueKey();
    const el = document.createElement('test-widget');
    el.src = feedUrl(key, { fail: 1, status: 404 });
    const failed = oneEvent(el, 'cities-feed-error');
    document.body.append(el);
    const event = (await failed) as CustomEvent<{ message: string }>;
    expect(event.detail.message).to.equal('The feed answered HTTP 404');
    await el.updateComplete;
    const retry = shadow(el).querySelector<HTMLButtonElement>('button[part=retry]')!;
    expect(retry.textContent).to.equal('Try again');
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'cities-feed-load');
    retry.click();
    await loaded;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('li')).to.have.length(3);
    expect((await seen(key)).count).to.equal(2);
    el.remove();
  });

  it('shows the last saved copy at once on the next visit, with a note when the refresh fails', async () => {
    const key = uniqueKey();
    // The next visit's refresh fails, and so does the visitor's first retry; the second one answers.
    const url = feedUrl(key, { failOn: '2,3', status: 404 });
    const first = await fixture<TestWidget>(html`<test-widget src=${url}></test-widget>`);
    await waitUntil(() => stateOf(first) === 'ready');
    first.remove();
    clearLoaderMemory();

    const second = document.createElement('test-widget');
    second.src = url;
    document.body.append(second);
    await second.updateComplete;
    // The cached copy is on screen before the network answers.
    expect(second.state.stale).to.equal(true);
    expect(shadow(second).querySelectorAll('li')).to.have.length(3);
    await waitUntil(() => stateOf(second) === 'error', 'refresh fails', { timeout: 5000 });
    await second.updateComplete;
    expect(shadow(second).querySelector('.stale-note')!.textContent).to.contain('Could not refresh');
    expect(status(second)).to.equal('Could not refresh; showing the last saved copy.');
    expect(shadow(second).querySelectorAll('li')).to.have.length(3);
    await expect(second).to.be.accessible();
    // The note sits inside the widget's padding, as content does, not against its edge.
    const noteText = shadow(second).querySelector('.stale-note span')!.getBoundingClientRect();
    expect(noteText.left - second.getBoundingClientRect().left).to.equal(16);

    // The visitor retries from the note: it stays (so does their focus) and the status says what happens.
    const note = () => shadow(second).querySelector<HTMLButtonElement>('.stale-note button');
    note()!.focus();
    const failed = oneEvent(second, 'cities-feed-error');
    note()!.click();
    await second.updateComplete;
    expect(status(second)).to.equal('Loading…');
    await failed;
    await second.updateComplete;
    expect(status(second)).to.equal('Could not refresh; showing the last saved copy.');
    expect(shadow(second).activeElement === note(), 'focus still on the note\'s button').to.equal(true);
    // This time it works: the note goes, and focus stays in the widget rather than falling to <body>.
    const loaded = oneEvent(second, 'cities-feed-load');
    note()!.click();
    await loaded;
    await second.updateComplete;
    expect(note() === null, 'the note is gone').to.equal(true);
    expect(shadow(second).activeElement === box(second), 'focus on the widget box').to.equal(true);
    expect(status(second)).to.equal('');
    expect((await seen(key)).count).to.equal(4);

    // Retrying from the note: the note leaves while the refresh is on its way, and focus with it.
    second.remove();
  });

  it('keeps keyboard focus in the widget and says what happens when the visitor retries', async () => {
    const key = uniqueKey();
    const el = document.createElement('test-widget');
    el.src = feedUrl(key, { fail: 2, status: 404, delay: 200 });
    const failed = oneEvent(el, 'cities-feed-error');
    document.body.append(el);
    await failed;
    await el.updateComplete;
    const region = shadow(el).querySelector('.root > [role=status]');
    expect(status(el)).to.equal('The content could not be loaded.');

    shadow(el).querySelector<HTMLButtonElement>('button[part=retry]')!.focus();
    shadow(el).querySelector<HTMLButtonElement>('button[part=retry]')!.click();
    await el.updateComplete;
    // The skeleton replaced the button: focus is on the widget's box, not on the page's <body>.
    expect(shadow(el).querySelector('.skeleton')).to.exist;
    expect(shadow(el).activeElement === box(el), 'focus on the widget box').to.equal(true);
    expect(status(el)).to.equal('Loading…');

    await waitUntil(() => stateOf(el) === 'error', 'the retry fails');
    await el.updateComplete;
    expect(shadow(el).activeElement === shadow(el).querySelector('button[part=retry]'), 'on the new Retry button').to.equal(true);
    expect(status(el)).to.equal('The content could not be loaded.');

    const loaded = oneEvent(el, 'cities-feed-load');
    shadow(el).querySelector<HTMLButtonElement>('button[part=retry]')!.click();
    await loaded;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('li')).to.have.length(3);
    expect(shadow(el).activeElement === box(el), 'focus on the widget box').to.equal(true);
    expect(status(el)).to.equal('');
    // One region throughout (a region inserted with its text is often not read out).
    expect(shadow(el).querySelector('.root > [role=status]') === region, 'the same status region').to.equal(true);
    // The box holds focus only for that moment: Tab and clicks never stop on it.
    shadow(el).querySelector('a')!.focus();
    expect(box(el)!.hasAttribute('tabindex')).to.equal(false);
    el.remove();
  });

  it('says when no feed is configured', async () => {
    const el = await fixture<TestWidget>(html`<test-widget></test-widget>`);
    expect(stateOf(el)).to.equal('idle');
    expect(shadow(el).textContent).to.contain('no feed address');
  });

  it('makes one request for four widgets on one URL', async () => {
    const key = uniqueKey();
    const url = feedUrl(key, { delay: 50 });
    const el = await fixture(html`<div>
      <test-widget src=${url}></test-widget><test-widget src=${url}></test-widget>
      <test-widget src=${url}></test-widget><test-widget src=${url}></test-widget>
    </div>`);
    const widgets = [...el.querySelectorAll('test-widget')];
    await waitUntil(() => widgets.every((w) => stateOf(w) === 'ready'));
    expect((await seen(key)).count).to.equal(1);
  });

  it('lets the newer URL win when src changes mid-flight', async () => {
    const slow = feedUrl(uniqueKey(), {
      delay: 400,
      raw: JSON.stringify({ version: 1, news: [{ id: 's', title: 'SLOW', url: 'https://a.org', published: '2026-01-01T00:00:00Z' }] }),
    });
    const fast = feedUrl(uniqueKey());
    const el = await fixture<TestWidget>(html`<test-widget src=${slow}></test-widget>`);
    el.src = fast;
    await waitUntil(() => stateOf(el) === 'ready');
    await new Promise((r) => setTimeout(r, 600));
    await el.updateComplete;
    expect(shadow(el).textContent).not.to.contain('SLOW');
    expect(shadow(el).querySelectorAll('li')).to.have.length(3);
  });

  it('waits for the viewport with loading="lazy" and starts at once with loading="eager"', async () => {
    const lazyKey = uniqueKey();
    const eagerKey = uniqueKey();
    const el = await fixture(html`<div>
      <div style="height: 5000px"></div>
      <test-widget id="lazy" src=${feedUrl(lazyKey)}></test-widget>
      <test-widget id="eager" loading="eager" src=${feedUrl(eagerKey)}></test-widget>
    </div>`);
    const eager = el.querySelector<TestWidget>('#eager')!;
    const lazy = el.querySelector<TestWidget>('#lazy')!;
    await waitUntil(() => stateOf(eager) === 'ready');
    expect((await seen(lazyKey)).count).to.equal(0);
    lazy.scrollIntoView();
    await waitUntil(() => stateOf(lazy) === 'ready');
    expect((await seen(lazyKey)).count).to.equal(1);
  });

  it('requests the feed of a lazy widget already in view before the next frame, not after the observer', async () => {
    window.scrollTo(0, 0);
    const [nearKey, hiddenKey, skippedKey, farKey] = [uniqueKey(), uniqueKey(), uniqueKey(), uniqueKey()];
    const host = document.createElement('div');
    // Built by hand, not with fixture(), which waits for a frame: what is asserted is what happens before it.
    host.innerHTML = `<test-widget id="near" src="${feedUrl(nearKey)}"></test-widget>
      <div hidden><test-widget id="hidden" src="${feedUrl(hiddenKey)}"></test-widget></div>
      <div style="content-visibility: hidden"><test-widget id="skipped" src="${feedUrl(skippedKey)}"></test-widget></div>
      <div style="height: 5000px"></div>
      <test-widget id="far" src="${feedUrl(farKey)}"></test-widget>`;
    const widget = (id: string) => host.querySelector<TestWidget>(`#${id}`)!;
    let frames = 0;
    requestAnimationFrame(() => frames++);
    document.body.append(host);
    try {
      await widget('near').updateComplete;
      await Promise.resolve();
      expect(frames, 'no frame yet').to.equal(0);
      expect(widget('near').state.waitingForViewport).to.equal(false);
      expect(widget('near').state.busy, 'its request is on its way').to.equal(true);
      for (const id of ['hidden', 'skipped', 'far']) expect(widget(id).state.waitingForViewport, id).to.equal(true);
      await waitUntil(() => stateOf(widget('near')) === 'ready', 'near ready');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))));
      expect((await seen(nearKey)).count).to.equal(1);
      // Not shown (display: none, content-visibility: hidden) or far below: left to the observer, which waits.
      for (const key of [hiddenKey, skippedKey, farKey]) expect((await seen(key)).count).to.equal(0);
      host.querySelector<HTMLElement>('[hidden]')!.hidden = false;
      await waitUntil(() => stateOf(widget('hidden')) === 'ready', 'shown, then loaded by the observer');
      expect((await seen(hiddenKey)).count).to.equal(1);
      expect((await seen(farKey)).count).to.equal(0);
    } finally {
      host.remove();
    }
  });

  it('leaves the refresh of a lazy widget in view that shows a copy from an earlier visit to the observer', async () => {
    window.scrollTo(0, 0);
    const key = uniqueKey();
    const url = feedUrl(key);
    await storeCopyOf(url);
    const el = document.createElement('test-widget');
    el.src = url;
    let frames = 0;
    requestAnimationFrame(() => frames++);
    document.body.append(el);
    try {
      await el.updateComplete;
      await Promise.resolve();
      expect(frames, 'no frame yet').to.equal(0);
      expect(el.state.stale, 'the copy is shown').to.equal(true);
      // Nothing to hurry for: no box read before the frame, the observer's answer starts the refresh.
      expect(el.state.waitingForViewport).to.equal(true);
      await waitUntil(async () => (await seen(key)).count === 2, 'refreshed once the observer answered');
      await waitUntil(() => !el.state.stale, 'the copy confirmed');
    } finally {
      el.remove();
    }
  });

  it('does the work meant for the network time (Intl set-up) only once the request is on its way', async () => {
    window.scrollTo(0, 0); // an earlier test scrolled down
    const lazyKey = uniqueKey();
    const eagerKey = uniqueKey();
    const el = await fixture(html`<div>
      <test-widget id="eager" loading="eager" src=${feedUrl(eagerKey, { delay: SLOW })}></test-widget>
      <div style="height: 5000px"></div>
      <test-widget id="lazy" src=${feedUrl(lazyKey, { delay: SLOW })}></test-widget>
    </div>`);
    const eager = el.querySelector<TestWidget>('#eager')!;
    const lazy = el.querySelector<TestWidget>('#lazy')!;
    await waitUntil(async () => (await seen(eagerKey)).count === 1, 'eager request');
    await waitUntil(() => eager.whileLoadingCalls > 0, 'the eager widget works while its feed is on the way');
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
    // Both are loading, both rendered their skeleton; the lazy one has requested nothing, so it waits too.
    expect(stateOf(lazy)).to.equal('loading');
    expect(shadow(lazy).querySelector('.skeleton')).to.exist;
    expect((await seen(lazyKey)).count).to.equal(0);
    expect(lazy.whileLoadingCalls).to.equal(0);
    lazy.scrollIntoView();
    await waitUntil(async () => (await seen(lazyKey)).count === 1, 'lazy request');
    await waitUntil(() => lazy.whileLoadingCalls > 0, 'the lazy widget works while its feed is on the way');
    expect(stateOf(lazy)).to.equal('loading');
  });

  it('does that work at once when a large copy from an earlier visit is being read, before any request', async () => {
    window.scrollTo(0, 0);
    const key = uniqueKey();
    // About 600,000 characters: over what is validated at once, so the copy is read in slices (a promise).
    const url = feedUrl(key, { fixture: 'initiatives-5000', items: 1000 });
    await storeCopyOf(url);
    const el = await fixture(html`<div>
      <div style="height: 5000px"></div>
      <test-widget id="lazy" src=${url}></test-widget>
    </div>`);
    const lazy = el.querySelector<TestWidget>('#lazy')!;
    expect(lazy.whileLoadingCalls, 'on the first update, while the copy is read').to.be.greaterThan(0);
    await waitUntil(() => lazy.state.stale, 'the copy shown');
    expect((await seen(key)).count, 'no request: far from the viewport').to.equal(1);
  });

  it('refreshes every `refresh` seconds, 30 at least, not while the page is hidden, and stops when removed', async () => {
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    try {
      const key = uniqueKey();
      const first = oneEvent(document, 'cities-feed-load');
      const el = await fixture<TestWidget>(html`<test-widget loading="eager" refresh="1" src=${feedUrl(key, { fresh: '1' })}></test-widget>`);
      await first;
      let loads = 0;
      el.addEventListener('cities-feed-load', () => loads++);
      // `refresh="1"` asks every second: the widget asks every 30 s.
      clock.tick(29_000);
      await roundTrip();
      expect(loads, 'no refresh before 30 s').to.equal(0);
      expect((await seen(key)).count).to.equal(1);
      let next = oneEvent(el, 'cities-feed-load');
      clock.tick(1_000);
      await next;
      expect((await seen(key)).count, 'refreshed at 30 s').to.equal(2);

      setPageHidden(true);
      try {
        clock.tick(90_000);
        await roundTrip();
        expect((await seen(key)).count, 'none while hidden').to.equal(2);
        next = oneEvent(el, 'cities-feed-load');
        setPageHidden(false);
        await next;
        expect((await seen(key)).count, 'one when shown again').to.equal(3);
      } finally {
        restorePageVisibility();
      }
      el.remove();
      clock.tick(120_000);
      await roundTrip();
      expect((await seen(key)).count, 'none once removed').to.equal(3);
    } finally {
      clock.restore();
    }
  });

  it('asks again on `refresh` but renders nothing and tells nothing when the feed has not changed', async () => {
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    try {
      const key = uniqueKey();
      const first = oneEvent(document, 'cities-feed-load');
      const el = await fixture<TestWidget>(html`<test-widget loading="eager" refresh="30" src=${feedUrl(key)}></test-widget>`);
      await first;
      const shown = el.state.result;
      let loads = 0;
      el.addEventListener('cities-feed-load', () => loads++);
      const update = sinon.spy(el as unknown as { update(changed: unknown): void }, 'update');
      clock.tick(30_000);
      for (let i = 0; i < 100 && ((await seen(key)).count < 2 || el.state.busy); i++) await el.updateComplete;
      expect((await seen(key)).count, 'asked again').to.equal(2);
      expect(el.state.busy, "the load is over").to.equal(false);
      expect([loads, el.state.result === shown, el.state.status]).to.deep.equal([0, true, 'ready']);
      // Busy and back: two updates, no more (the same result: nothing prepared again).
      expect(update.callCount).to.be.at.most(2);
      update.restore();
    } finally {
      clock.restore();
    }
  });

  it('takes a `refresh` past what a timer can wait as the longest wait, not as none', async () => {
    // `refresh="3600000"` (an hour written in ms) is 41 days: setTimeout fires a delay over 2^31 − 1 ms at once,
    // and the widget reloaded from memory about 190 times a second.
    const key = uniqueKey();
    const first = oneEvent(document, 'cities-feed-load');
    const el = await fixture<TestWidget>(html`<test-widget loading="eager" refresh="3600000" src=${feedUrl(key)}></test-widget>`);
    await first;
    let loads = 0;
    el.addEventListener('cities-feed-load', () => loads++);
    await new Promise((r) => setTimeout(r, 300));
    expect(loads).to.equal(0);
    expect((await seen(key)).count).to.equal(1);
  });

  it('moved in the DOM, tells no second `cities-feed-load` for the result it already shows', async () => {
    const key = uniqueKey();
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    try {
      const el = document.createElement('test-widget') as TestWidget;
      el.loading = 'eager';
      el.src = feedUrl(key);
      let loads = 0;
      el.addEventListener('cities-feed-load', () => loads++);
      const first = oneEvent(el, 'cities-feed-load');
      a.append(el);
      await first;
      for (let i = 0; i < 5; i++) {
        (i % 2 ? a : b).append(el);
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(loads, 'one load: nothing new was loaded').to.equal(1);
      expect(stateOf(el)).to.equal('ready');
      expect((await seen(key)).count).to.equal(1);
    } finally {
      a.remove();
      b.remove();
    }
  });

  it('with `src` changed while out of the DOM, asks only the new feed when put back', async () => {
    const oldKey = uniqueKey();
    const newKey = uniqueKey();
    const first = oneEvent(document, 'cities-feed-load');
    const el = await fixture<TestWidget>(html`<test-widget loading="eager" src=${feedUrl(oldKey)}></test-widget>`);
    await first;
    clearLoaderMemory(); // as if the time results are shared for had passed
    const parent = el.parentElement!;
    el.remove();
    el.src = feedUrl(newKey);
    const loaded = oneEvent(el, 'cities-feed-load');
    parent.append(el);
    await loaded;
    expect((await seen(newKey)).count).to.equal(1);
    expect((await seen(oldKey)).count, 'the old feed is not asked again').to.equal(1);
  });

  it("takes the result another widget's Retry brought, and tries again when the network is back", async () => {
    // Three answers 503 (no wait before the retries): both widgets show the error.
    const key = uniqueKey();
    const src = feedUrl(key, { fail: 3, status: 503, retryAfter: 0 });
    const both = await fixture(html`<div>
      <test-widget id="a" loading="eager" src=${src}></test-widget><test-widget id="b" loading="eager" src=${src}></test-widget>
    </div>`);
    const a = both.querySelector<TestWidget>('#a')!;
    const b = both.querySelector<TestWidget>('#b')!;
    await waitUntil(() => stateOf(a) === 'error' && stateOf(b) === 'error', 'both show the error');
    expect((await seen(key)).count).to.equal(3);
    const bLoaded = oneEvent(b, 'cities-feed-load');
    a.shadowRoot!.querySelector<HTMLButtonElement>('[part~=retry]')!.click();
    await within(bLoaded, 3000, 'the other widget kept its error');
    expect(stateOf(b), 'the other widget shows the feed too').to.equal('ready');
    expect((await seen(key)).count, "one request: the Retry's").to.equal(4);

    // The network is back: a widget showing an error asks again by itself.
    const other = uniqueKey();
    const single = await fixture<TestWidget>(html`<test-widget loading="eager" src=${feedUrl(other, { fail: 3, status: 503, retryAfter: 0 })}></test-widget>`);
    await waitUntil(() => stateOf(single) === 'error', 'the error');
    const back = oneEvent(single, 'cities-feed-load');
    window.dispatchEvent(new Event('online'));
    await within(back, 3000, 'the widget kept its error when the network came back');
    expect((await seen(other)).count).to.equal(4);
    // Once it has the feed, `online` asks nothing more.
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    expect((await seen(other)).count).to.equal(4);
  });

  it('retries no more once removed, unless another widget still waits for the same feed', async () => {
    // The feed answers 503 with Retry-After: 1 five times: retries at about 1 s and 2 s while someone waits.
    const alone = uniqueKey();
    const el = await fixture<TestWidget>(html`<test-widget loading="eager" src=${feedUrl(alone, { fail: 5, status: 503, retryAfter: 1 })}></test-widget>`);
    await waitUntil(async () => (await seen(alone)).count === 1, 'first request');
    el.remove();
    await new Promise((r) => setTimeout(r, 2500));
    expect((await seen(alone)).count, 'no retry after the only widget left').to.equal(1);

    const shared = uniqueKey();
    const src = feedUrl(shared, { fail: 5, status: 503, retryAfter: 1 });
    const both = await fixture(html`<div>
      <test-widget id="a" loading="eager" src=${src}></test-widget><test-widget id="b" loading="eager" src=${src}></test-widget>
    </div>`);
    await waitUntil(async () => (await seen(shared)).count === 1, 'first request');
    both.querySelector('#a')!.remove();
    await waitUntil(async () => (await seen(shared)).count === 3, 'the other widget still gets both retries', { timeout: 4000 });
    await waitUntil(() => stateOf(both.querySelector<TestWidget>('#b')!) === 'error', 'and then its error');
  });

  it('picks up `loading` and `refresh` changed after it started', async () => {
    const lazyKey = uniqueKey();
    const key = uniqueKey();
    const el = await fixture(html`<div>
      <test-widget id="eager" loading="eager" src=${feedUrl(key, { fresh: '1' })}></test-widget>
      <div style="height: 5000px"></div>
      <test-widget id="lazy" src=${feedUrl(lazyKey)}></test-widget>
    </div>`);
    const lazy = el.querySelector<TestWidget>('#lazy')!;
    const eager = el.querySelector<TestWidget>('#eager')!;
    // Far below the fold, then made eager: it loads without being scrolled to.
    await waitUntil(() => stateOf(eager) === 'ready');
    expect((await seen(lazyKey)).count).to.equal(0);
    lazy.loading = 'eager';
    await waitUntil(async () => (await seen(lazyKey)).count === 1, 'the lazy widget made eager loads', { timeout: 2000 });
    // No refresh, then every 30 s, then none again.
    expect((await seen(key)).count).to.equal(1);
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldClearNativeTimers: true });
    try {
      eager.setAttribute('refresh', '30');
      await eager.updateComplete;
      for (const count of [2, 3]) {
        const loaded = oneEvent(eager, 'cities-feed-load');
        clock.tick(30_000);
        await loaded;
        expect((await seen(key)).count, 'refreshed every 30 s once `refresh="30"` was set').to.equal(count);
      }
      eager.setAttribute('refresh', '0');
      await eager.updateComplete;
      clock.tick(120_000);
      await roundTrip();
      expect((await seen(key)).count, 'no refresh after `refresh="0"`').to.equal(3);
    } finally {
      clock.restore();
    }
  });

  it('reads page-wide defaults from meta tags, the element attribute winning', async () => {
    const key = uniqueKey();
    const metaSrc = Object.assign(document.createElement('meta'), { name: 'cities-widgets:src', content: feedUrl(key) });
    const metaTheme = Object.assign(document.createElement('meta'), { name: 'cities-widgets:theme', content: 'dark' });
    document.head.append(metaSrc, metaTheme);
    try {
      const el = await fixture(html`<div><test-widget id="a"></test-widget><test-widget id="b" theme="light"></test-widget></div>`);
      const a = el.querySelector<TestWidget>('#a')!;
      const b = el.querySelector<TestWidget>('#b')!;
      await waitUntil(() => stateOf(a) === 'ready' && stateOf(b) === 'ready');
      expect(shadow(a).querySelector('.root')!.classList.contains('theme-dark')).to.equal(true);
      expect(shadow(b).querySelector('.root')!.classList.contains('theme-light')).to.equal(true);
      await expect(a).to.be.accessible();
    } finally {
      metaSrc.remove();
      metaTheme.remove();
    }
  });

  it('inherits the page font but not its broken inherited styles or root font size', async () => {
    const style = document.createElement('style');
    style.textContent = `html{font-size:62.5%} .host{font-family:Georgia,serif;line-height:0;letter-spacing:1em;text-transform:uppercase;white-space:pre}`;
    document.head.append(style);
    try {
      const el = await fixture(html`<div class="host"><test-widget src=${feedUrl(uniqueKey())}></test-widget></div>`);
      const widget = el.querySelector<TestWidget>('test-widget')!;
      await waitUntil(() => stateOf(widget) === 'ready');
      await widget.updateComplete;
      const link = getComputedStyle(shadow(widget).querySelector('a')!);
      expect(link.fontFamily).to.contain('Georgia');
      expect(link.fontSize).to.equal('16px');
      expect(link.letterSpacing).to.equal('normal');
      expect(link.textTransform).to.equal('none');
      expect(link.whiteSpace).to.equal('normal');
      expect(link.lineHeight).to.equal('24px');
    } finally {
      style.remove();
    }
  });

  it('keeps light-DOM fallback content visible until the element is defined', async () => {
    // A string, not an html`` template: lit-analyzer (npm run lint) rightly knows no such tag.
    const el = await fixture<HTMLDivElement>('<div><cities-not-yet-defined><a href="https://www.metropolis.org">Metropolis news</a></cities-not-yet-defined></div>');
    const link = el.querySelector('a')!;
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
  });
});
