import { expect, fixture, fixtureCleanup, fixtureSync, html } from '@open-wc/testing';
import { computedColour, withForcedColors } from './helpers/forced-colors.js';
import sinon from 'sinon';
import '../src/components/event-countdown/define.js';
import { loadLocale } from '../src/i18n/locale.js';
import {
  EventCountdown,
  offsetLabel,
  splitDuration,
  zoneOffset,
  type CountdownStateDetail,
} from '../src/components/event-countdown/event-countdown.js';
import {
  buildIcs,
  escapeText,
  foldLine,
  googleCalendarUrl,
  icsDate,
  outlookCalendarUrl,
} from '../src/components/event-countdown/ics.js';
import { clockStatus } from '../src/controllers/clock.js';
import { clearLoaderMemory } from '../src/data/loader.js';
import { clearFeedCache, feedUrl, SLOW, restorePageVisibility, seen, setPageHidden, uniqueKey } from './helpers/server.js';
import { PageErrors } from './helpers/page-errors.js';
import { languageSettled } from './helpers/language.js';
import { accessibleOf } from './helpers/accessible.js';
import { farAway, frames } from './helpers/frames.js';

// ---- helpers ----------------------------------------------------------------------------------------

const realSetTimeout = window.setTimeout;
const realClearTimeout = window.clearTimeout;

/** axe waits on setTimeout: run it with the real timers while Date stays pinned. */
async function accessible(el: Element): Promise<void> {
  const [fakeSet, fakeClear] = [window.setTimeout, window.clearTimeout];
  window.setTimeout = realSetTimeout;
  window.clearTimeout = realClearTimeout;
  try {
    await expect(el).to.be.accessible();
  } finally {
    window.setTimeout = fakeSet;
    window.clearTimeout = fakeClear;
  }
}

const FAKE = ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;
let clock: sinon.SinonFakeTimers | undefined;

/** Pins Date and the timers to `iso`; requestAnimationFrame and fetch stay real. */
function pinClock(iso: string): sinon.SinonFakeTimers {
  clock = sinon.useFakeTimers({ now: Date.parse(iso), toFake: [...FAKE] });
  return clock;
}

/** Resolves when the element fired `type` (no polling: a background tab runs no animation frames). */
function nextEvent(el: Element, ...types: string[]): Promise<string> {
  return new Promise((resolve) => {
    for (const type of types) el.addEventListener(type, () => resolve(type), { once: true });
  });
}

/** Advances the fake clock and lets the element render. */
async function advance(el: EventCountdown, ms: number): Promise<void> {
  clock!.tick(ms);
  await el.updateComplete;
}

const root = (el: Element) => el.shadowRoot!;
const q = (el: Element, selector: string) => root(el).querySelector<HTMLElement>(selector);
const text = (el: Element, selector: string) => q(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const numbers = (el: Element) => [...root(el).querySelectorAll('[part=number]')].map((n) => n.textContent);
const labels = (el: Element) => [...root(el).querySelectorAll('[part=label]')].map((n) => n.textContent);
const announcement = (el: Element) => text(el, '[role=status]');
/** Takes no room on screen: the visually-hidden pattern (1 × 1 px at most, clipped). */
const visuallyHidden = (node: Element) => {
  const { width, height } = node.getBoundingClientRect();
  return width <= 1 && height <= 1 && getComputedStyle(node).clipPath !== 'none';
};
/** The accessible names of links, as Chromium gives them to screen readers (one after the other). */
async function names(links: Element[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of links) out.push((await accessibleOf(a)).name);
  return out;
}

async function feedWidget(fixtureName: string, attrs: Record<string, string> = {}): Promise<EventCountdown> {
  const el = document.createElement('cities-event-countdown');
  el.setAttribute('loading', 'eager');
  el.setAttribute('visitor-time-zone', 'Europe/Madrid');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.src = feedUrl(uniqueKey(), { fixture: fixtureName });
  const loaded = nextEvent(el, 'cities-feed-load', 'cities-feed-error');
  document.body.append(el);
  expect(await loaded).to.equal('cities-feed-load');
  await languageSettled(el);
  return el;
}

/**
 * Opens "Add to calendar" and waits for its links: they are built by ics.ts, which the widget imports the
 * first time a visitor points at, focuses or opens the disclosure (`how`), and which may still be on its way.
 */
async function openCalendar(el: EventCountdown, how: 'open' | 'pointer' | 'focus' = 'open'): Promise<HTMLAnchorElement[]> {
  const details = q(el, '[part=calendar]') as HTMLDetailsElement;
  if (how === 'open') details.open = true;
  else if (how === 'pointer') details.querySelector('summary')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
  else details.querySelector('summary')!.focus();
  for (let i = 0; i < 200; i++) {
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part=calendar-link]')];
    if (links.length > 0) return links;
    await new Promise((r) => realSetTimeout(r, 10));
  }
  throw new Error('the calendar links did not appear within 2 s');
}

/**
 * Records what the live region says: its text after each change (the region is one node for every state).
 * Call the returned function to read the record.
 */
function listen(el: EventCountdown): () => string[] {
  const said: string[] = [];
  const note = () => said.push(announcement(el));
  const observer = new MutationObserver(note);
  observer.observe(q(el, '[role=status]')!, { subtree: true, childList: true, characterData: true });
  return () => {
    if (observer.takeRecords().length > 0) note();
    return said;
  };
}

/** Records every cities-countdown-state event. */
function recordStates(el: EventCountdown): CountdownStateDetail[] {
  const seen: CountdownStateDetail[] = [];
  el.addEventListener('cities-countdown-state', (e) => seen.push(e.detail));
  return seen;
}

/** Splits an .ics document into properties, after checking line endings and folding. */
function parseIcs(ics: string): Map<string, string> {
  expect(ics.endsWith('\r\n'), 'ends with CRLF').to.equal(true);
  expect(/[^\r]\n/.test(ics), 'no bare LF').to.equal(false);
  const encoder = new TextEncoder();
  for (const line of ics.split('\r\n')) expect(encoder.encode(line).length, line).to.be.at.most(75);
  const props = new Map<string, string>();
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line
      .slice(colon + 1)
      .replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    props.set(props.has(name) ? `${name}#2` : name, value);
  }
  return props;
}

const pageErrors = new PageErrors();

describe('<cities-event-countdown>', () => {
  beforeEach(() => {
    clearLoaderMemory();
    clearFeedCache();
    pageErrors.start();
    // The clock pauses in hidden pages, and a test page may be a background tab when files run in
    // parallel: every test starts from a visible page.
    setPageHidden(false);
  });

  afterEach(() => {
    for (const el of document.querySelectorAll('cities-event-countdown')) el.remove();
    fixtureCleanup();
    clock?.restore();
    clock = undefined;
    restorePageVisibility();
    pageErrors.assertNone();
    expect(clockStatus().subscribers, 'no countdown left subscribed').to.equal(0);
  });

  describe('an event given by attributes', () => {
    it('counts down in days, hours, minutes and seconds, with the title, time, location and timer roles', async () => {
      pinClock('2026-11-28T10:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        label="#CitiesAreListening Experience"
        url="https://www.metropolis.org/events/x"
        visitor-time-zone="Europe/Madrid"
      ></cities-event-countdown>`);
      expect(el.state).to.equal('upcoming');
      // 3 days 4 hours to 2026-12-01T14:00Z.
      expect(numbers(el)).to.deep.equal(['3', '04', '00', '00']);
      expect(labels(el)).to.deep.equal(['days', 'hours', 'minutes', 'seconds']);
      const link = q(el, '[part=title] a') as HTMLAnchorElement;
      expect(link.href).to.equal('https://www.metropolis.org/events/x');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(text(el, '[part=title]')).to.equal('#CitiesAreListening Experience');
      // The title is a heading (level 3 unless `heading-level` says otherwise, 2–6), for heading navigation.
      const title = q(el, '[part=title]')!;
      expect([title.getAttribute('role'), title.getAttribute('aria-level')]).to.deep.equal(['heading', '3']);
      for (const [value, level] of [['2', '2'], ['6', '6'], ['1', '3'], ['x', '3']]) {
        el.setAttribute('heading-level', value!);
        await el.updateComplete;
        expect(q(el, '[part=title]')!.getAttribute('aria-level'), `heading-level="${value}"`).to.equal(level);
      }
      el.removeAttribute('heading-level');
      expect(text(el, '[part=when]')).to.equal('Tuesday, December 1, 2026 at 3:00 PM');
      expect(q(el, '[part=when] time')!.getAttribute('datetime')).to.equal('2026-12-01T14:00:00.000Z');
      expect(text(el, '[part=location]')).to.equal('Online');
      const timer = q(el, '[role=timer]')!;
      expect(timer.getAttribute('aria-live')).to.equal('off');
      const live = q(el, '[role=status]')!;
      expect(root(el).querySelectorAll('[role=status]'), 'one status region (polite by its role)').to.have.length(1);
      expect(live.hasAttribute('aria-live')).to.equal(false);
      expect(live.classList.contains('visually-hidden')).to.equal(true);
      expect(timer.contains(live)).to.equal(false);
      expect(announcement(el)).to.equal('#CitiesAreListening Experience: 3 days and 4 hours left');
      await accessible(el);
    });

    it('ticks every second from Date.now(), without drift', async () => {
      pinClock('2026-11-30T23:59:58.400Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T00:00:02Z"
        label="Launch"
        visitor-time-zone="UTC"
      ></cities-event-countdown>`);
      // 3.6 s left: rounded up.
      expect(numbers(el)).to.deep.equal(['0', '00', '00', '04']);
      // The first tick waits for the second boundary (600 ms), not a full second.
      await advance(el, 599);
      expect(numbers(el)).to.deep.equal(['0', '00', '00', '04']);
      await advance(el, 1);
      expect(numbers(el)).to.deep.equal(['0', '00', '00', '03']);
      await advance(el, 1000);
      expect(numbers(el)).to.deep.equal(['0', '00', '00', '02']);
      // The tab slept: the system time jumped 700 ms and the next timer fires late. The tick reads the
      // true time (0.3 s left) and the following one is re-aligned to the boundary, 300 ms later.
      clock!.setSystemTime(Date.now() + 700);
      await advance(el, 1000);
      expect(numbers(el)).to.deep.equal(['0', '00', '00', '01']);
      expect(el.state).to.equal('upcoming');
      await advance(el, 299);
      expect(el.state).to.equal('upcoming');
      await advance(el, 1);
      expect(el.state).to.equal('live');
      expect(q(el, '[role=timer]') === null).to.equal(true);
      expect(root(el).textContent).not.to.match(/NaN|-\d/);
    });

    it('formats its date line once, not on every tick, and again when the language changes', async () => {
      pinClock('2026-11-28T10:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        end="2026-12-01T17:00:00+01:00"
        label="Live Learning Experience"
        time-zone="Europe/Madrid"
        visitor-time-zone="America/Bogota"
      ></cities-event-countdown>`);
      const when = text(el, '[part=when]');
      expect(when).to.contain('your time');
      // Counts the page's uses of Intl.DateTimeFormat (`format` is a getter that returns a bound function).
      const proto = Intl.DateTimeFormat.prototype;
      const getter = Object.getOwnPropertyDescriptor(proto, 'format')!;
      let formats = 0;
      Object.defineProperty(proto, 'format', { ...getter, get() { formats++; return getter.get!.call(this); } });
      const spies = [sinon.spy(proto, 'formatRange'), sinon.spy(proto, 'formatToParts')];
      try {
        for (let i = 0; i < 10; i++) await advance(el, 1000);
        expect(numbers(el)[3], 'the seconds moved').to.not.equal('00');
        expect([formats, ...spies.map((s) => s.callCount)], 'date formatting in 10 ticks').to.deep.equal([0, 0, 0]);
        expect(text(el, '[part=when]')).to.equal(when);
        el.lang = 'es';
        await languageSettled(el);
        await el.updateComplete;
        expect(text(el, '[part=when]')).to.contain('tu hora');
      } finally {
        Object.defineProperty(proto, 'format', getter);
        spies.forEach((s) => s.restore());
      }
    });

    it('rests its seconds while far out of view, still goes live on time, and catches up when back', async () => {
      pinClock('2026-12-01T13:58:30Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown date="2026-12-01T14:00:00Z" label="Opening"></cities-event-countdown>`);
      farAway(el, true);
      await frames();
      const update = sinon.spy(el as unknown as { update(changed: unknown): void }, 'update');
      const states: string[] = [];
      el.addEventListener('cities-countdown-state', (e) => states.push((e as CustomEvent<{ state: string }>).detail.state));
      try {
        await advance(el, 25_000);
        expect(clockStatus().interval, 'a minute clock').to.equal(60_000);
        expect(update.callCount, 'updates in 25 s out of view').to.equal(0);
        expect(numbers(el), 'at rest').to.deep.equal(['0', '00', '01', '30']);
        // The start is a wake-up of its own: live at 14:00:00 sharp, out of view too.
        await advance(el, 65_000);
        expect([el.state, states.join()]).to.deep.equal(['live', 'live']);
        // The next session, an hour on: 30 s pass out of view with the digits at rest, then the visitor scrolls back.
        el.setAttribute('date', '2026-12-01T15:00:00Z');
        await el.updateComplete;
        await advance(el, 30_000);
        expect(numbers(el), 'at rest').to.deep.equal(['0', '01', '00', '00']);
        farAway(el, false);
        await frames();
        await el.updateComplete;
        expect(numbers(el), 'brought up to date at once').to.deep.equal(['0', '00', '59', '30']);
        expect(clockStatus().interval, 'seconds again').to.equal(1000);
        await advance(el, 1000);
        expect(numbers(el)).to.deep.equal(['0', '00', '59', '29']);
      } finally {
        update.restore();
      }
    });

    it('goes live at the start, stays live for one hour without an end, then ends', async () => {
      pinClock('2026-12-01T13:59:59Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        label="Live Learning Experience"
        url="https://www.metropolis.org/live"
        visitor-time-zone="Europe/Madrid"
      ></cities-event-countdown>`);
      const states = recordStates(el);
      await advance(el, 1000);
      expect(el.state).to.equal('live');
      const join = q(el, '[part=join]') as HTMLAnchorElement;
      expect(join.textContent!.trim()).to.equal('Live now — join (opens in a new tab)');
      expect(join.href).to.equal('https://www.metropolis.org/live');
      expect(join.target).to.equal('_blank');
      expect(join.rel).to.equal('noopener noreferrer');
      expect(text(el, '[part=status]')).to.equal('Live now');
      expect(announcement(el)).to.equal('Live Learning Experience is live now.');
      expect(q(el, '[part=calendar]') === null).to.equal(true);
      await accessible(el);
      await advance(el, 59 * 60_000);
      expect(el.state).to.equal('live');
      await advance(el, 60_000);
      expect(el.state).to.equal('ended');
      expect(text(el, '[part=message]')).to.equal('This event has ended.');
      expect(announcement(el)).to.equal('Live Learning Experience has ended.');
      expect(q(el, '[part=join]') === null).to.equal(true);
      expect(states.map((s) => s.state)).to.deep.equal(['live', 'ended']);
      await accessible(el);
    });

    it('uses `end` when given and shows the time range', async () => {
      pinClock('2026-12-01T14:30:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        end="2026-12-01T18:00:00+01:00"
        label="Workshop"
        location="Paris City Hall"
        visitor-time-zone="Europe/Paris"
      ></cities-event-countdown>`);
      expect(el.state).to.equal('live');
      expect(q(el, '[part=join]') === null, 'no url, no join link').to.equal(true);
      expect(text(el, '[part=when]')).to.match(/^Tuesday, December 1, 2026, 3:00\s–\s6:00\sPM$/);
      expect(text(el, '[part=location]')).to.equal('Paris City Hall');
      await advance(el, 2 * 3_600_000 + 29 * 60_000);
      expect(el.state).to.equal('live');
      await advance(el, 60_000);
      expect(el.state).to.equal('ended');
    });

    it('says clearly when `date` cannot be read, and throws nothing', async () => {
      const states: CountdownStateDetail[] = [];
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="next tuesday"
        label="Mystery"
        @cities-countdown-state=${(e: CustomEvent<CountdownStateDetail>) => states.push(e.detail)}
      ></cities-event-countdown>`);
      expect(el.state).to.equal('invalid');
      expect(text(el, '[part=message]')).to.contain('The event date could not be read.');
      expect(q(el, '[role=timer]') === null).to.equal(true);
      expect(states).to.deep.equal([{ state: 'invalid', id: undefined }]);
      await accessible(el);
      // A date without an offset is ambiguous: rejected too.
      el.date = '2026-12-01T15:00:00';
      await el.updateComplete;
      expect(el.state).to.equal('invalid');
      el.date = '2026-12-01T15:00:00+01:00';
      await el.updateComplete;
      expect(el.state).not.to.equal('invalid');
      expect(root(el).textContent).not.to.contain('NaN');
    });

    it('never shows negative numbers or NaN', async () => {
      expect(splitDuration(-5000, 'second')).to.deep.equal({ days: 0, hours: 0, minutes: 0, seconds: 0 });
      expect(splitDuration(Number.NaN, 'minute')).to.deep.equal({ days: 0, hours: 0, minutes: 0, seconds: 0 });
      expect(splitDuration(90_061_000, 'second')).to.deep.equal({ days: 1, hours: 1, minutes: 1, seconds: 1 });
      expect(splitDuration(90_060_001, 'second')).to.deep.equal({ days: 1, hours: 1, minutes: 1, seconds: 1 });
      // Minute precision rounds up: an upcoming event never reads "0 minutes".
      expect(splitDuration(1, 'minute')).to.deep.equal({ days: 0, hours: 0, minutes: 1, seconds: 0 });
      pinClock('2026-12-01T14:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2020-01-01T00:00:00Z"
        label="Long ago"
      ></cities-event-countdown>`);
      expect(el.state).to.equal('ended');
      expect(root(el).textContent).not.to.match(/NaN|-\d/);
      await accessible(el);
    });

    it('has a compact layout with short unit labels and no calendar menu', async () => {
      pinClock('2026-11-28T10:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        layout="compact"
        date="2026-12-01T15:00:00+01:00"
        label="Compact event"
        visitor-time-zone="Europe/Madrid"
      ></cities-event-countdown>`);
      expect(labels(el)).to.deep.equal(['d', 'h', 'm', 's']);
      expect(q(el, '[part=calendar]') === null).to.equal(true);
      expect(q(el, '.layout-compact') !== null).to.equal(true);
      await accessible(el);
      el.theme = 'dark';
      await el.updateComplete;
      await accessible(el);
    });

    it('keeps every unit label whole in narrow boxes, and the compact units together on one line', async () => {
      pinClock('2026-11-28T10:00:00Z');
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 260px; font-family: sans-serif">
        <cities-event-countdown lang="es" date="2027-12-31T15:00:00+01:00" label="Foro Urbano Mundial"></cities-event-countdown>
        <cities-event-countdown lang="es" layout="compact" date="2027-12-31T15:00:00+01:00" label="Foro Urbano Mundial"></cities-event-countdown>
      </div>`);
      const [full, compact] = [...wrapper.querySelectorAll<EventCountdown>('cities-event-countdown')];
      await languageSettled(full!);
      await languageSettled(compact!);
      await full!.updateComplete;
      expect(labels(full!)).to.deep.equal(['días', 'horas', 'minutos', 'segundos']);
      for (const unit of root(full!).querySelectorAll<HTMLElement>('[part=unit]')) {
        const label = unit.querySelector('[part=label]')!;
        const range = document.createRange();
        range.selectNodeContents(label);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        expect(lines.size, `"${label.textContent}" on one line`).to.equal(1);
        for (const part of [label, unit.querySelector('[part=number]')!]) {
          const [inner, outer] = [part.getBoundingClientRect(), unit.getBoundingClientRect()];
          expect(inner.left, `${part.textContent} inside its box`).to.be.at.least(outer.left);
          expect(inner.right, `${part.textContent} inside its box`).to.be.at.most(outer.right);
        }
      }
      // Compact: "400 d 04 h 59 m 46 s" in one run, not four columns spread over the width.
      const units = [...root(compact!).querySelectorAll<HTMLElement>('[part=unit]')];
      expect(new Set(units.map((u) => Math.round(u.getBoundingClientRect().top))).size, 'one line').to.equal(1);
      for (let i = 1; i < units.length; i++) {
        const gap = units[i]!.querySelector('[part=number]')!.getBoundingClientRect().left - units[i - 1]!.querySelector('[part=label]')!.getBoundingClientRect().right;
        expect(gap, 'the space between one unit and the next').to.be.at.most(12);
      }
      // In forced colours the compact units stay plain text: no box drawn tight around the digits.
      await withForcedColors(() => {
        expect(getComputedStyle(root(compact!).querySelector('[part=unit]')!).borderTopStyle).to.equal('none');
        expect(getComputedStyle(root(full!).querySelector('[part=unit]')!).borderTopStyle, 'the full layout keeps its boxes').to.equal('solid');
      });
    });

    it('reads the countdown in long units, in the widget language, though the compact layout shows short ones', async () => {
      pinClock('2026-11-28T09:47:55Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        layout="compact"
        date="2026-12-01T15:00:00+01:00"
        label="Compact event"
        visitor-time-zone="Europe/Madrid"
      ></cities-event-countdown>`);
      const timer = () => q(el, '[role=timer]')!;
      expect(numbers(el)).to.deep.equal(['3', '04', '12', '05']);
      expect(labels(el), 'what is seen stays short').to.deep.equal(['d', 'h', 'm', 's']);
      expect(await accessibleOf(timer())).to.deep.equal({
        role: 'timer',
        name: 'Time left',
        text: '3 days, 4 hours, 12 minutes, and 5 seconds',
      });
      // The words take no room; they follow the ticks without a word in a live region.
      expect(visuallyHidden(q(el, '[role=timer] .visually-hidden')!)).to.equal(true);
      expect(timer().getAttribute('aria-live')).to.equal('off');
      const said = listen(el);
      await advance(el, 1000);
      expect((await accessibleOf(timer())).text).to.equal('3 days, 4 hours, 12 minutes, and 4 seconds');
      await advance(el, 5000);
      expect(said(), 'the ticks are not announced').to.deep.equal([]);
      // Zero units are left out.
      clock!.setSystemTime(Date.parse('2026-11-30T13:47:00Z'));
      await advance(el, 1000);
      expect(numbers(el)).to.deep.equal(['1', '00', '12', '59']);
      expect((await accessibleOf(timer())).text).to.equal('1 day, 12 minutes, and 59 seconds');
      await accessible(el);
      el.lang = 'fr';
      await languageSettled(el);
      expect(labels(el)).to.deep.equal(['j', 'h', 'min', 's']);
      expect(await accessibleOf(timer())).to.deep.equal({
        role: 'timer',
        name: 'Temps restant',
        text: '1 jour, 12 minutes et 59 secondes',
      });
      el.noSeconds = true;
      await el.updateComplete;
      expect((await accessibleOf(timer())).text).to.equal('1 jour et 13 minutes');
      await accessible(el);
      // The full layout says its long units once, not with their zero-padded numbers ("00 hours").
      el.lang = 'en';
      el.layout = 'full';
      await languageSettled(el);
      expect((await accessibleOf(timer())).text).to.equal('1 day and 13 minutes');
    });

    it('hides the seconds with `no-seconds` and then ticks once a minute', async () => {
      pinClock('2026-11-30T13:58:30Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        no-seconds
        date="2026-12-01T15:00:00+01:00"
        label="Minute event"
      ></cities-event-countdown>`);
      // 1 day 0 h 1 min 30 s left, rounded up to the minute.
      expect(numbers(el)).to.deep.equal(['1', '00', '02']);
      expect(labels(el)).to.deep.equal(['day', 'hours', 'minutes']);
      expect(clockStatus().interval).to.equal(60_000);
      expect(clock!.countTimers()).to.equal(1);
      await advance(el, 30_000);
      expect(numbers(el)).to.deep.equal(['1', '00', '01']);
    });
  });

  describe('a feed', () => {
    it('speaks its first announcement in a status region that was there, empty, before the feed came', async () => {
      // A live region inserted with its text already in it is often not read out.
      pinClock('2026-01-01T00:00:00Z');
      const el = document.createElement('cities-event-countdown');
      el.setAttribute('loading', 'eager');
      el.src = feedUrl(uniqueKey(), { fixture: 'events-sequence' });
      const loaded = nextEvent(el, 'cities-feed-load', 'cities-feed-error');
      document.body.append(el);
      await el.updateComplete;
      const regions = () => [...root(el).querySelectorAll('[role=status], [aria-live=polite], [aria-live=assertive]')];
      const region = regions()[0];
      expect(regions(), 'while loading').to.have.length(1);
      expect(region!.textContent).to.equal('');
      expect(await loaded).to.equal('cities-feed-load');
      await languageSettled(el);
      expect(regions(), 'loaded').to.have.length(1);
      expect(regions()[0] === region, 'the same node').to.equal(true);
      expect(region!.textContent).to.equal('#CitiesAreListening Experience: rethinking metropolitan spaces: 1 hour left');
      el.remove();
    });

    it('tells its state again when the event comes back after an error', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const el = await feedWidget('events-sequence');
      const states = recordStates(el);
      const good = el.src!;
      el.src = feedUrl(uniqueKey(), { status: 404, fail: 5 });
      expect(await nextEvent(el, 'cities-feed-load', 'cities-feed-error')).to.equal('cities-feed-error');
      await el.updateComplete;
      expect(el.state).to.equal(undefined);
      el.src = good;
      expect(await nextEvent(el, 'cities-feed-load', 'cities-feed-error')).to.equal('cities-feed-load');
      await el.updateComplete;
      expect(states.map((s) => `${s.state} ${s.id}`), 'a page hiding things around the event learns that it is back').to.deep.equal(['upcoming ev-a']);
    });

    it('moves through upcoming → live → ended → next upcoming → live → ended, in order of start', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const el = await feedWidget('events-sequence');
      const states = recordStates(el);
      expect(el.state).to.equal('upcoming');
      expect(text(el, '[part=title]')).to.equal('#CitiesAreListening Experience: rethinking metropolitan spaces');
      expect(numbers(el)).to.deep.equal(['0', '01', '00', '00']);
      await accessible(el);

      await advance(el, 3_600_000);
      expect(el.state).to.equal('live');
      expect((q(el, '[part=join]') as HTMLAnchorElement).href).to.equal('https://www.metropolis.org/events/ev-a');
      await accessible(el);

      // ev-a ends at 02:00Z: the widget moves on to ev-b (10:00Z), which is upcoming.
      await advance(el, 3_600_000);
      expect(el.state).to.equal('upcoming');
      expect(text(el, '[part=title]')).to.equal('Live Learning Experience: public transport');
      expect(numbers(el)).to.deep.equal(['0', '08', '00', '00']);
      expect(text(el, '[part=location]')).to.equal('Bogotá City Hall');
      expect(announcement(el)).to.equal('Live Learning Experience: public transport: 8 hours left');

      await advance(el, 8 * 3_600_000);
      expect(el.state).to.equal('live');
      expect(q(el, '[part=join]') === null, 'ev-b has no url').to.equal(true);

      // No end: live for one hour, then nothing is left.
      await advance(el, 3_600_000);
      expect(el.state).to.equal('ended');
      expect(text(el, '[part=message]')).to.equal('This event has ended. There are no upcoming events yet.');
      await accessible(el);
      expect(states).to.deep.equal([
        { state: 'live', id: 'ev-a' },
        { state: 'upcoming', id: 'ev-b' },
        { state: 'live', id: 'ev-b' },
        { state: 'ended', id: 'ev-b' },
      ]);
    });

    it('shows the event named by `event`, and an ended message (not the next one) when it is over', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const el = await feedWidget('events-sequence', { event: 'ev-a' });
      expect(text(el, '[part=title]')).to.contain('rethinking metropolitan spaces');
      el.event = 'ev-b';
      await el.updateComplete;
      expect(text(el, '[part=title]')).to.equal('Live Learning Experience: public transport');
      el.event = 'ev-a';
      await el.updateComplete;
      await advance(el, 2 * 3_600_000);
      expect(el.state).to.equal('ended');
      expect(text(el, '[part=title]')).to.contain('rethinking metropolitan spaces');
      expect(text(el, '[part=message]')).to.equal('This event has ended.');
    });

    it('says so when the `event` id does not exist', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const el = await feedWidget('events-sequence', { event: 'nope' });
      expect(el.state).to.equal('not-found');
      expect(text(el, '[part=message]')).to.equal('This event could not be found.');
      expect(announcement(el)).to.equal('This event could not be found.');
      await accessible(el);
    });

    it('says so when the feed has no events, or only past ones', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const empty = await feedWidget('empty');
      expect(empty.state).to.equal('none');
      expect(text(empty, '[part=message]')).to.equal('There are no upcoming events.');
      // Said once, by the countdown's own live region, not also by the base class's "Nothing to show here yet."
      const spoken = [...root(empty).querySelectorAll('[role=status]')].map((r) => r.textContent!.trim()).filter(Boolean);
      expect(spoken).to.deep.equal(['There are no upcoming events.']);
      await accessible(empty);
      const past = await feedWidget('events-past');
      expect(past.state).to.equal('ended');
      expect(text(past, '[part=title]')).to.equal('Closing session of the year');
      expect(text(past, '[part=message]')).to.equal('This event has ended. There are no upcoming events yet.');
      await accessible(past);
    });

    it('announces in the widget language once its catalog has arrived (Portuguese, not loaded before in this page)', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const past = await feedWidget('events-past', { lang: 'pt' });
      // Until the catalog is here the widget shows its skeleton (test/base/locale-gate.test.ts); then Portuguese.
      await loadLocale('pt');
      await past.updateComplete;
      expect(announcement(past)).to.equal('O evento Closing session of the year terminou.');
      expect(text(past, '[part=message]')).to.not.contain('This event has ended');
    });

    it('shows the loading and error states accessibly, and reads no feed when `date` is set', async () => {
      const loading = await fixture<EventCountdown>(
        html`<cities-event-countdown loading="eager" src=${feedUrl(uniqueKey(), { delay: SLOW })}></cities-event-countdown>`,
      );
      expect(q(loading, '.skeleton') !== null).to.equal(true);
      expect(loading.state).to.equal(undefined);
      await accessible(loading);

      const failing = document.createElement('cities-event-countdown');
      failing.loading = 'eager';
      failing.src = feedUrl(uniqueKey(), { fail: 1, status: 404 });
      const failed = nextEvent(failing, 'cities-feed-error');
      document.body.append(failing);
      await failed;
      await failing.updateComplete;
      expect(q(failing, '[part=retry]') !== null).to.equal(true);
      expect(failing.state).to.equal(undefined);
      await accessible(failing);

      const key = uniqueKey();
      const both = await fixture<EventCountdown>(html`<cities-event-countdown
        loading="eager"
        src=${feedUrl(key)}
        date="2099-01-01T00:00:00Z"
        label="Attributes win"
      ></cities-event-countdown>`);
      expect(text(both, '[part=title]')).to.equal('Attributes win');
      expect((await seen(key)).count).to.equal(0);
    });

    it('reserves the shape of the loaded countdown while loading, so the page does not move', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 420px"></div>`);
      const loading = document.createElement('cities-event-countdown');
      loading.loading = 'eager';
      loading.src = feedUrl(uniqueKey(), { delay: SLOW });
      const loaded = document.createElement('cities-event-countdown');
      loaded.loading = 'eager';
      loaded.src = feedUrl(uniqueKey(), { fixture: 'events-sequence' });
      const done = nextEvent(loaded, 'cities-feed-load');
      box.append(loading, loaded);
      await done;
      await loaded.updateComplete;
      expect(q(loading, '.skeleton') !== null && q(loaded, '[part=countdown]') !== null).to.equal(true);
      const skeleton = loading.getBoundingClientRect().height;
      const content = loaded.getBoundingClientRect().height;
      // Within 12 %: the title's real length is unknown until the event arrives.
      expect(Math.abs(skeleton - content) / content, `${skeleton}px vs ${content}px`).to.be.below(0.12);
      expect(root(loading).querySelectorAll('.skeleton .unit').length).to.equal(4);
      // The compact layout too (its date line takes two lines: the visitor's time, then the event's own), within
      // 15 %: this event's long title takes two lines beside the digits (the skeleton was 25 % short before it
      // had the second date line).
      loading.layout = 'compact';
      loaded.layout = 'compact';
      await Promise.all([loading.updateComplete, loaded.updateComplete]);
      const [compactSkeleton, compactContent] = [loading.getBoundingClientRect().height, loaded.getBoundingClientRect().height];
      expect(
        Math.abs(compactSkeleton - compactContent) / compactContent,
        `compact: ${compactSkeleton}px vs ${compactContent}px`,
      ).to.be.below(0.15);
    });

    it('shows feed text in the visitor language and marks it', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const el = await feedWidget('events-sequence', { lang: 'es' });
      expect(text(el, '[part=title]')).to.equal('Experiencia #CitiesAreListening: repensar los espacios metropolitanos');
      expect(text(el, '[part=location]')).to.equal('En línea');
      expect(labels(el)).to.deep.equal(['días', 'hora', 'minutos', 'segundos']);
    });
  });

  describe('time zones', () => {
    it('counts 23 hours across the spring-forward night in Europe/Madrid', async () => {
      pinClock('2027-03-27T12:00:00+01:00');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2027-03-28T12:00:00+02:00"
        label="Spring session"
        time-zone="Europe/Madrid"
        visitor-time-zone="Europe/Madrid"
      ></cities-event-countdown>`);
      expect(numbers(el)).to.deep.equal(['0', '23', '00', '00']);
      expect(announcement(el)).to.equal('Spring session: 23 hours left');
      // Same wall clock for visitor and event: one time, named by its place.
      expect(text(el, '[part=when]')).to.equal('Sunday, March 28, 2027 at 12:00 PM in Madrid');
      // Tick through 02:00 local time (01:00Z), when the clocks jump to 03:00.
      clock!.setSystemTime(Date.parse('2027-03-28T01:59:59+01:00'));
      await advance(el, 1000);
      expect(new Date().toISOString()).to.equal('2027-03-28T01:00:00.000Z');
      expect(numbers(el)).to.deep.equal(['0', '09', '00', '00']);
      await advance(el, 3_600_000);
      expect(numbers(el)).to.deep.equal(['0', '08', '00', '00']);
      expect(text(el, '[part=when]')).to.equal('Sunday, March 28, 2027 at 12:00 PM in Madrid');
    });

    it('shows the visitor time in Bogotá (no daylight saving) beside the event time in Madrid', async () => {
      pinClock('2027-03-27T12:00:00+01:00');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2027-03-28T12:00:00+02:00"
        label="Spring session"
        time-zone="Europe/Madrid"
        place="Barcelona"
        visitor-time-zone="America/Bogota"
      ></cities-event-countdown>`);
      expect(numbers(el)).to.deep.equal(['0', '23', '00', '00']);
      expect(text(el, '[part=when]')).to.equal('Sunday, March 28, 2027 at 5:00 AM your time · 12:00 PM in Barcelona');
      // A week earlier the same wall-clock time in Madrid is 6:00 in Bogotá (Madrid still on +01:00).
      el.date = '2027-03-21T12:00:00+01:00';
      await el.updateComplete;
      expect(text(el, '[part=when]')).to.equal('Sunday, March 21, 2027 at 6:00 AM your time · 12:00 PM in Barcelona');
      await accessible(el);
    });

    it('falls back to the offset when no place is known, or when `time-zone` does not match the date', async () => {
      pinClock('2026-12-01T00:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-09T09:00:00-05:00"
        label="Local democracy"
        visitor-time-zone="Europe/Madrid"
      ></cities-event-countdown>`);
      expect(text(el, '[part=when]')).to.equal('Wednesday, December 9, 2026 at 3:00 PM your time · 9:00 AM (UTC−05:00)');
      el.timeZone = 'America/Bogota';
      el.place = 'Bogotá';
      await el.updateComplete;
      expect(text(el, '[part=when]')).to.equal('Wednesday, December 9, 2026 at 3:00 PM your time · 9:00 AM in Bogotá');
      // Madrid is +01:00 in December: the zone (and its place) does not describe this date, the offset does.
      el.timeZone = 'Europe/Madrid';
      el.place = 'Barcelona';
      await el.updateComplete;
      expect(text(el, '[part=when]')).to.equal('Wednesday, December 9, 2026 at 3:00 PM your time · 9:00 AM (UTC−05:00)');
      // An unknown visitor zone falls back to the browser's.
      el.visitorTimeZone = 'Mars/Olympus_Mons';
      await el.updateComplete;
      expect(text(el, '[part=when]')).to.contain('your time');
    });

    it('reads zone offsets from Intl, across daylight saving and for half-hour zones', () => {
      expect(zoneOffset(Date.parse('2027-03-28T00:59:59Z'), 'Europe/Madrid')).to.equal(60);
      expect(zoneOffset(Date.parse('2027-03-28T01:00:00Z'), 'Europe/Madrid')).to.equal(120);
      expect(zoneOffset(Date.parse('2027-03-28T01:00:00Z'), 'America/Bogota')).to.equal(-300);
      expect(zoneOffset(Date.parse('2027-01-01T00:00:00Z'), 'America/St_Johns')).to.equal(-210);
      expect(zoneOffset(Date.parse('2027-01-01T00:00:00Z'), 'Asia/Kolkata')).to.equal(330);
      expect(zoneOffset(Date.parse('2027-01-01T00:00:00Z'), 'UTC')).to.equal(0);
      // A historic offset with seconds (Intl: "GMT-00:44:30"), in whole minutes.
      expect(zoneOffset(Date.UTC(1960, 0, 1), 'Africa/Monrovia')).to.equal(-44);
      expect(offsetLabel(-210)).to.equal('UTC\u221203:30');
      expect(offsetLabel(60)).to.equal('UTC+01:00');
      expect(offsetLabel(0)).to.equal('UTC');
    });

    it('shows the event day too when it differs from the visitor day', async () => {
      pinClock('2027-02-01T00:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2027-02-10T18:00:00+11:00"
        label="Housing"
        time-zone="Australia/Melbourne"
        visitor-time-zone="America/Bogota"
      ></cities-event-countdown>`);
      expect(text(el, '[part=when]')).to.equal('Wednesday, February 10, 2027 at 2:00 AM your time · 6:00 PM in Melbourne');
      el.date = '2027-02-10T08:00:00+11:00';
      await el.updateComplete;
      expect(text(el, '[part=when]')).to.equal('Tuesday, February 9, 2027 at 4:00 PM your time · Wed, Feb 10, 8:00 AM in Melbourne');
    });
  });

  describe('announcements and the shared clock', () => {
    it('speaks when the event is shown, at 1 day, 1 hour, 10 minutes and 1 minute left and on each state change; nothing in between', async () => {
      pinClock('2026-11-28T13:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        label="Session"
      ></cities-event-countdown>`);
      expect(announcement(el)).to.equal('Session: 3 days and 1 hour left');
      const said = listen(el);
      // The digits tick; the live region stays quiet.
      await advance(el, 60_000);
      expect(numbers(el)).to.deep.equal(['3', '00', '59', '00']);
      expect(said(), 'nothing after a minute').to.deep.equal([]);
      // Each threshold is spoken on the tick that reaches it, once (setSystemTime keeps the pending tick's delay).
      const steps: [string, string[], string][] = [
        ['2026-11-30T13:59:58Z', ['1', '00', '00', '01'], '1 day left'],
        ['2026-12-01T12:59:58Z', ['0', '01', '00', '01'], '1 hour left'],
        ['2026-12-01T13:49:58Z', ['0', '00', '10', '01'], '10 minutes left'],
        ['2026-12-01T13:58:58Z', ['0', '00', '01', '01'], '1 minute left'],
      ];
      const expected: string[] = [];
      for (const [time, before, sentence] of steps) {
        clock!.setSystemTime(Date.parse(time));
        await advance(el, 1000);
        expect(numbers(el), time).to.deep.equal(before);
        expect(said(), `a second before ${sentence}`).to.deep.equal(expected);
        await advance(el, 1000);
        expected.push(sentence);
        expect(said()).to.deep.equal(expected);
        await advance(el, sentence === '1 minute left' ? 59_000 : 5 * 60_000);
        expect(said(), `quiet after ${sentence}`).to.deep.equal(expected);
      }
      await advance(el, 1000);
      expect(el.state).to.equal('live');
      await advance(el, 59 * 60_000);
      await advance(el, 60_000);
      expect(el.state).to.equal('ended');
      expect(said()).to.deep.equal([...expected, 'Session is live now.', 'Session has ended.']);
    });

    it('speaks once for thresholds reached while the page was hidden, and once for a new language', async () => {
      await loadLocale('es');
      pinClock('2026-12-01T12:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        label="Session"
      ></cities-event-countdown>`);
      expect(announcement(el)).to.equal('Session: 2 hours left');
      const said = listen(el);
      setPageHidden(true);
      await advance(el, 115 * 60_000);
      setPageHidden(false);
      await el.updateComplete;
      // 1 hour and 10 minutes were both passed: one sentence.
      expect(said()).to.deep.equal(['5 minutes left']);
      await advance(el, 60_000);
      expect(said()).to.deep.equal(['5 minutes left']);
      el.lang = 'es';
      await el.updateComplete;
      expect(said()).to.deep.equal(['5 minutes left', 'Session — Tiempo restante: 4 minutos']);
      await advance(el, 60_000);
      expect(said(), 'not again after a minute').to.have.length(2);
    });

    it('ends a live event at its exact end time, though the clock ticks by the minute then', async () => {
      pinClock('2026-12-01T14:29:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T14:00:00Z"
        end="2026-12-01T14:30:20Z"
        label="Session"
        url="https://www.metropolis.org/live"
      ></cities-event-countdown>`);
      expect(el.state).to.equal('live');
      expect(clockStatus().interval).to.equal(60_000);
      // One timer for the page: the regular minute tick and the wake-up at the end share it.
      expect(clock!.countTimers()).to.equal(1);
      await advance(el, 60_000);
      expect(el.state).to.equal('live');
      await advance(el, 19_999);
      expect(el.state).to.equal('live');
      expect(q(el, '[part=join]') !== null).to.equal(true);
      await advance(el, 1);
      expect(el.state).to.equal('ended');
      expect(q(el, '[part=join]') === null).to.equal(true);
      expect(announcement(el)).to.equal('Session has ended.');
      expect(clock!.countTimers()).to.equal(1);
    });

    it('starts at the exact start time with `no-seconds`, and asks no timer while hidden', async () => {
      pinClock('2026-12-01T13:58:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        no-seconds
        date="2026-12-01T14:00:30Z"
        label="Session"
      ></cities-event-countdown>`);
      expect(numbers(el)).to.deep.equal(['0', '00', '03']);
      expect(clockStatus().interval).to.equal(60_000);
      setPageHidden(true);
      expect(clock!.countTimers(), 'hidden').to.equal(0);
      setPageHidden(false);
      expect(clock!.countTimers()).to.equal(1);
      await advance(el, 2 * 60_000);
      expect(numbers(el)).to.deep.equal(['0', '00', '01']);
      await advance(el, 29_999);
      expect(el.state).to.equal('upcoming');
      await advance(el, 1);
      expect(el.state).to.equal('live');
      expect(announcement(el)).to.equal('Session is live now.');
    });

    it('pauses while the page is hidden and catches up at once when shown', async () => {
      pinClock('2026-12-01T12:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        label="Session"
      ></cities-event-countdown>`);
      expect(numbers(el)).to.deep.equal(['0', '02', '00', '00']);
      expect(clock!.countTimers()).to.equal(1);
      setPageHidden(true);
      expect(clockStatus().running).to.equal(false);
      expect(clock!.countTimers()).to.equal(0);
      await advance(el, 5 * 60_000 + 10_000);
      expect(numbers(el), 'frozen while hidden').to.deep.equal(['0', '02', '00', '00']);
      setPageHidden(false);
      await el.updateComplete;
      expect(numbers(el)).to.deep.equal(['0', '01', '54', '50']);
      // No threshold (1 hour left) was reached meanwhile: nothing new to say.
      expect(announcement(el)).to.equal('Session: 2 hours left');
      expect(clock!.countTimers()).to.equal(1);
      await advance(el, 1000);
      expect(numbers(el)).to.deep.equal(['0', '01', '54', '49']);
    });

    it('shares one timer between countdowns, keeps counting when moved, stops with the last one', async () => {
      pinClock('2026-12-01T12:00:00Z');
      // fixtureSync: a plain <div> fixture would wait for an animation frame, which a background tab never runs.
      const box = fixtureSync<HTMLDivElement>(html`<div>
        <div id="a"><cities-event-countdown date="2026-12-01T15:00:00+01:00" label="One"></cities-event-countdown></div>
        <div id="b"><cities-event-countdown date="2026-12-01T16:00:00+01:00" label="Two" no-seconds></cities-event-countdown></div>
      </div>`);
      const [one, two] = [...box.querySelectorAll('cities-event-countdown')] as EventCountdown[];
      await one!.updateComplete;
      await two!.updateComplete;
      expect(clockStatus()).to.deep.equal({ subscribers: 2, running: true, interval: 1000 });
      expect(clock!.countTimers()).to.equal(1);

      box.querySelector('#b')!.append(one!);
      await one!.updateComplete;
      expect(clock!.countTimers(), 'one timer after a move').to.equal(1);
      await advance(one!, 1000);
      expect(numbers(one!)).to.deep.equal(['0', '01', '59', '59']);

      one!.remove();
      expect(clockStatus()).to.deep.equal({ subscribers: 1, running: true, interval: 60_000 });
      two!.remove();
      expect(clockStatus()).to.deep.equal({ subscribers: 0, running: false, interval: 0 });
      expect(clock!.countTimers()).to.equal(0);

      box.append(one!);
      await one!.updateComplete;
      expect(clockStatus().running).to.equal(true);
      expect(clock!.countTimers()).to.equal(1);
      await advance(one!, 1000);
      expect(numbers(one!)).to.deep.equal(['0', '01', '59', '58']);
    });
  });

  describe('plural forms', () => {
    const cases = [
      { lang: 'en', one: ['day', 'hour', 'minute', 'second'], other: ['days', 'hours', 'minutes', 'seconds'], zero: 'days' },
      { lang: 'es', one: ['día', 'hora', 'minuto', 'segundo'], other: ['días', 'horas', 'minutos', 'segundos'], zero: 'días' },
      { lang: 'fr', one: ['jour', 'heure', 'minute', 'seconde'], other: ['jours', 'heures', 'minutes', 'secondes'], zero: 'jour' },
    ];
    for (const c of cases) {
      it(`uses Intl plural forms in ${c.lang}`, async () => {
        pinClock('2026-11-28T12:00:00Z');
        const el = await fixture<EventCountdown>(html`<cities-event-countdown
          lang=${c.lang}
          date="2026-11-29T13:01:01Z"
          label="Event"
        ></cities-event-countdown>`);
        await languageSettled(el);
        expect(numbers(el)).to.deep.equal(['1', '01', '01', '01']);
        expect(labels(el)).to.deep.equal(c.one);
        el.date = '2026-11-30T14:02:02Z';
        await el.updateComplete;
        expect(numbers(el)).to.deep.equal(['2', '02', '02', '02']);
        expect(labels(el)).to.deep.equal(c.other);
        el.date = '2026-11-28T12:00:05Z';
        await el.updateComplete;
        expect(numbers(el)![0]).to.equal('0');
        // French says "0 jour" (0 takes the singular), English and Spanish the plural.
        expect(labels(el)![0]).to.equal(c.zero);
        await accessible(el);
      });
    }

    it('reads the remaining time naturally with a list in each language', async () => {
      pinClock('2026-11-28T12:00:00Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-11-30T15:05:00Z"
        label="Event"
      ></cities-event-countdown>`);
      expect(announcement(el)).to.equal('Event: 2 days, 3 hours, and 5 minutes left');
      // Announcements follow the widget's language through Intl (the sentence around it is a msg()).
      el.lang = 'es';
      el.date = '2026-11-30T15:06:00Z';
      await languageSettled(el);
      expect(announcement(el)).to.contain('2 días, 3 horas y 6 minutos');
      el.lang = 'fr';
      el.date = '2026-11-29T13:00:00Z';
      await languageSettled(el);
      expect(announcement(el)).to.contain('1 jour et 1 heure');
    });
  });

  describe('links that open a new tab', () => {
    it('say so to screen readers in the widget language, with a small icon: the calendar sites and "join"', async () => {
      pinClock('2026-12-01T13:59:58Z');
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        label="Live Learning Experience"
        url="https://www.metropolis.org/live"
        visitor-time-zone="Europe/Madrid"
      ></cities-event-countdown>`);
      const links = await openCalendar(el);
      expect(links.map((a) => a.target)).to.deep.equal(['_blank', '_blank', '']);
      expect(await names(links)).to.deep.equal([
        'Google Calendar (opens in a new tab)',
        'Outlook (opens in a new tab)',
        'Calendar file (.ics)',
      ]);
      // The title link opens in the page, and the .ics file downloads: no cue.
      expect(await names([q(el, '[part=title] a')!])).to.deep.equal(['Live Learning Experience']);
      expect(links[2]!.querySelector('.visually-hidden, svg') === null).to.equal(true);
      // The words take no room on screen; the icon shows it, hidden from screen readers (no "image" read).
      for (const a of links.slice(0, 2)) {
        expect(visuallyHidden(a.querySelector('.visually-hidden')!), a.href).to.equal(true);
        const icon = a.querySelector('svg')!;
        expect(icon.getAttribute('aria-hidden')).to.equal('true');
        const { width, height } = icon.getBoundingClientRect();
        expect(width > 6 && width < 16 && height > 6 && height < 16, `${width} × ${height}`).to.equal(true);
      }
      await accessible(el);
      el.lang = 'fr';
      await languageSettled(el);
      expect(await names([...root(el).querySelectorAll('[part=calendar-link]')])).to.deep.equal([
        'Google Calendar (s’ouvre dans un nouvel onglet)',
        'Outlook (s’ouvre dans un nouvel onglet)',
        'Fichier d’agenda (.ics)',
      ]);
      await advance(el, 2000);
      expect(el.state).to.equal('live');
      expect(await names([q(el, '[part=join]')!])).to.deep.equal(['En direct : rejoindre (s’ouvre dans un nouvel onglet)']);
      el.lang = 'en';
      await languageSettled(el);
      const join = q(el, '[part=join]')!;
      expect(await names([join])).to.deep.equal(['Live now — join (opens in a new tab)']);
      expect(visuallyHidden(join.querySelector('.visually-hidden')!)).to.equal(true);
      expect(getComputedStyle(join.querySelector('svg')!).transform).to.equal('none');
      await accessible(el);
      // Right to left, the icon is mirrored: it points out of the end of the line.
      el.lang = 'ar';
      await languageSettled(el);
      expect(await names([q(el, '[part=join]')!])).to.deep.equal(['مباشر الآن: انضم (يفتح في علامة تبويب جديدة)']);
      expect(getComputedStyle(q(el, '[part=join] svg')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    });
  });

  describe('add to calendar', () => {
    it('offers Google Calendar, Outlook and an .ics file that parses back', async () => {
      pinClock('2026-11-28T10:00:00Z');
      const label = 'Café, talks; and a backslash \\ — a long title that must be folded over 75 octets, Xi’an 西安';
      const el = await fixture<EventCountdown>(html`<cities-event-countdown
        date="2026-12-01T15:00:00+01:00"
        end="2026-12-01T17:00:00+01:00"
        label=${label}
        location="Barcelona, Spain"
        url="https://www.metropolis.org/events/cal?x=1&y=2"
      ></cities-event-countdown>`);
      expect(text(el, '[part=calendar] summary')).to.equal('Add to calendar');
      const links = await openCalendar(el);
      expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
        'Google Calendar (opens in a new tab)',
        'Outlook (opens in a new tab)',
        'Calendar file (.ics)',
      ]);
      await accessible(el);

      const google = new URL(links[0]!.href);
      expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
      expect(google.searchParams.get('action')).to.equal('TEMPLATE');
      expect(google.searchParams.get('text')).to.equal(label);
      expect(google.searchParams.get('dates')).to.equal('20261201T140000Z/20261201T160000Z');
      expect(google.searchParams.get('location')).to.equal('Barcelona, Spain');
      expect(links[0]!.rel).to.equal('noopener noreferrer');

      const outlook = new URL(links[1]!.href);
      expect(outlook.hostname).to.equal('outlook.live.com');
      expect(outlook.searchParams.get('subject')).to.equal(label);
      expect(outlook.searchParams.get('startdt')).to.equal('2026-12-01T14:00:00Z');
      expect(outlook.searchParams.get('enddt')).to.equal('2026-12-01T16:00:00Z');
      expect(links[1]!.href).not.to.contain('+');

      const file = links[2]!;
      expect(file.getAttribute('download')).to.equal('cafe-talks-and-a-backslash-a-long-title-that-must-be-folded.ics');
      expect(file.href.startsWith('data:text/calendar;charset=utf-8,')).to.equal(true);
      const ics = await (await fetch(file.href)).text();
      const props = parseIcs(ics);
      expect(props.get('BEGIN')).to.equal('VCALENDAR');
      expect(props.get('VERSION')).to.equal('2.0');
      expect(props.get('SUMMARY')).to.equal(label);
      expect(props.get('LOCATION')).to.equal('Barcelona, Spain');
      expect(props.get('URL')).to.equal('https://www.metropolis.org/events/cal?x=1&y=2');
      expect(props.get('DTSTART')).to.equal('20261201T140000Z');
      expect(props.get('DTEND')).to.equal('20261201T160000Z');
      expect(props.get('DTSTAMP')).to.equal('20261128T100000Z');
      expect(props.get('UID')).to.match(/^[a-z0-9]+@cities-widgets$/);
      expect(ics).to.contain('\r\n ');
      expect(ics).to.contain('SUMMARY:Café\\, talks\\; and a backslash \\\\');
    });

    it('gives a feed event a UID from its id and the feed host, and a one-hour end when it has none', async () => {
      pinClock('2026-01-01T00:00:00Z');
      const el = await feedWidget('events-sequence', { event: 'ev-b' });
      const file = (await openCalendar(el))[2]!;
      const props = parseIcs(await (await fetch(file.href)).text());
      expect(props.get('UID')).to.equal(`ev-b@${location.host}`);
      expect(props.get('DTSTART')).to.equal('20260101T100000Z');
      expect(props.get('DTEND')).to.equal('20260101T110000Z');
      expect(props.get('LOCATION')).to.equal('Bogotá City Hall');
    });

    it('loads the calendar export only when a visitor points at, focuses or opens "Add to calendar"', async () => {
      pinClock('2026-11-28T10:00:00Z');
      // A fresh copy of the element's module, whose calendar export is not loaded yet whatever ran before.
      const url = new URL('../src/components/event-countdown/event-countdown.ts?fresh-calendar', import.meta.url).href;
      const fresh = (await import(url)) as typeof import('../src/components/event-countdown/event-countdown.js');
      customElements.define('fresh-event-countdown', fresh.EventCountdown);
      const make = async (label: string) => {
        const el = document.createElement('fresh-event-countdown') as EventCountdown;
        el.setAttribute('date', '2026-12-01T15:00:00+01:00');
        el.setAttribute('label', label);
        el.setAttribute('no-seconds', '');
        document.body.append(el);
        await el.updateComplete;
        return el;
      };
      const links = (el: Element) => root(el).querySelectorAll('[part=calendar-link]').length;
      const a = await make('A');
      const b = await make('B');
      try {
        expect(q(a, '[part=calendar] summary') !== null && links(a) === 0 && links(b) === 0, 'no links before').to.equal(true);
        expect(await openCalendar(a, 'pointer')).to.have.length(3);
        // Already loaded: the other countdown renders its links as soon as the visitor reaches for them.
        expect(await openCalendar(b, 'focus')).to.have.length(3);
        expect(decodeURIComponent((await openCalendar(b))[2]!.href)).to.contain('SUMMARY:B');
      } finally {
        a.remove();
        b.remove();
      }
    });

    it('builds RFC 5545 text: escaping, folding on code points, UTC times', () => {
      expect(escapeText('a,b;c\\d\ne\r\nf')).to.equal('a\\,b\\;c\\\\d\\ne\\nf');
      expect(icsDate(Date.parse('2027-03-28T12:00:00+02:00'))).to.equal('20270328T100000Z');
      const long = `SUMMARY:${'é'.repeat(80)}`;
      const folded = foldLine(long);
      const lines = folded.split('\r\n');
      for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
      for (const line of lines.slice(1)) expect(line.startsWith(' ')).to.equal(true);
      expect(folded.replace(/\r\n /g, '')).to.equal(long);
      expect(foldLine('SHORT:x')).to.equal('SHORT:x');
      const ics = buildIcs(
        { uid: 'u@x', title: 'T', start: 0, end: 3_600_000, description: 'Line 1\nLine 2' },
        Date.parse('2026-01-01T00:00:00Z'),
      );
      const props = parseIcs(ics);
      expect(props.get('DESCRIPTION')).to.equal('Line 1\nLine 2');
      expect(props.get('END')).to.equal('VEVENT');
      expect(props.get('END#2')).to.equal('VCALENDAR');
      expect(googleCalendarUrl({ uid: 'u', title: 'A B', start: 0, end: 1000 })).to.contain('text=A%20B');
      expect(outlookCalendarUrl({ uid: 'u', title: 'A B', start: 0, end: 1000 })).to.contain('subject=A%20B');
    });
  });

  it('keeps the "live" dot visible in forced colors (a system colour, not the page background)', async () => {
    pinClock('2026-12-01T14:30:00Z');
    const el = await fixture<EventCountdown>(html`<cities-event-countdown
      date="2026-12-01T14:00:00Z"
      label="Live session"
    ></cities-event-countdown>`);
    const dot = q(el, '.dot')!;
    await withForcedColors(() => {
      const style = getComputedStyle(dot);
      expect(style.display).not.to.equal('none');
      expect(dot.getBoundingClientRect().width).to.equal(8);
      expect(computedColour('CanvasText')).not.to.equal(computedColour('Canvas'));
      expect(style.backgroundColor, 'the dot is painted in CanvasText').to.equal(computedColour('CanvasText'));
    });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
  });

  it('renders right to left and takes no listener or timer with it when removed', async () => {
    pinClock('2026-11-28T10:00:00Z');
    const el = await fixture<EventCountdown>(html`<cities-event-countdown
      dir="rtl"
      date="2026-12-01T15:00:00+01:00"
      label="RTL"
    ></cities-event-countdown>`);
    expect(q(el, '.root')!.getAttribute('dir')).to.equal('rtl');
    const units = [...root(el).querySelectorAll('[part=unit]')].map((u) => u.getBoundingClientRect().left);
    expect(units[0]!).to.be.greaterThan(units[1]!);
    await accessible(el);
    el.remove();
    expect(clock!.countTimers()).to.equal(0);
  });
});
