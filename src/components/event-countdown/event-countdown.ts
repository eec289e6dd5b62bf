import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { CitiesElement, headingLevel } from '../../base/cities-element.js';
import { newTab, newTabStyles } from '../../base/new-tab.js';
import { ClockController } from '../../controllers/clock.js';
import { offsetMinutes, parseDateTime } from '../../data/dates.js';
import type { ParseResult } from '../../data/parse.js';
import type { FeedEvent } from '../../data/schema.js';
import type { ResolvedText } from '../../data/text.js';
import { safeUrl } from '../../data/urls.js';
import { dateTimeFormat, listFormat, numberFormat } from '../../i18n/format.js';
import { eventCountdownStyles } from './event-countdown.styles.js';
import type { CalendarEvent } from './ics.js';

/**
 * The calendar export (./ics.ts) is a chunk of its own beside the bundle, fetched the first time a visitor
 * points at, focuses or opens "Add to calendar"; most visitors never do. A failed fetch is retried next time.
 */
let ics: typeof import('./ics.js') | undefined;
let icsLoading: Promise<unknown> | undefined;
const loadIcs = (): Promise<unknown> =>
  (icsLoading ??= import('./ics.js').then(
    (module) => (ics = module),
    () => (icsLoading = undefined),
  ));

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** The remaining times at which an upcoming event is announced again: 1 day, 1 hour, 10 minutes, 1 minute. */
const THRESHOLDS = [24 * HOUR, HOUR, 10 * MINUTE, MINUTE];
/** The units of the countdown, largest first (without `seconds` under `no-seconds`). */
const UNITS = ['days', 'hours', 'minutes', 'seconds'] as const;

/** What the widget shows: the phase of the chosen event, or why there is none. */
export type CountdownState = 'upcoming' | 'live' | 'ended' | 'none' | 'not-found' | 'invalid';

export interface CountdownStateDetail {
  state: CountdownState;
  /** The event's id (`undefined` for an attribute-defined event or when there is none). */
  id: string | undefined;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cities-countdown-state': CustomEvent<CountdownStateDetail>;
  }
}

/** One event, from the feed or from the attributes, with its times parsed. */
interface ShownEvent {
  /** Feed id, or undefined for the attribute-defined event. */
  id: string | undefined;
  /**
   * Its calendar UID; undefined for the attribute-defined event, whose UID the calendar export makes from its
   * date and title (attributeUid, in the chunk loaded on demand).
   */
  uid: string | undefined;
  title: ResolvedText;
  start: number;
  /** The real end, or start + 1 hour when the event gives none. */
  end: number;
  hasEnd: boolean;
  /** Minutes east of UTC written in the start date-time. */
  offset: number;
  url: string | undefined;
  location: ResolvedText | undefined;
  online: boolean | undefined;
  summary: ResolvedText | undefined;
}

interface CalendarLinks {
  key: string;
  google: string;
  outlook: string;
  ics: string;
  file: string;
}

interface View {
  state: CountdownState;
  event?: ShownEvent;
  /** Feed mode with no `event` id: an ended event means there is no upcoming one. */
  fromFeed?: boolean;
}

export interface Duration {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * Splits a remaining time into whole units, rounded up to the second (or minute): an upcoming event
 * never reads all zeros, and on a tick (a second boundary) the value is exact. Negative or
 * non-finite input gives zeros.
 */
export function splitDuration(ms: number, precision: 'second' | 'minute'): Duration {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  const total = precision === 'second' ? Math.ceil(safe / 1000) : Math.ceil(safe / MINUTE) * 60;
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** True when `zone` is an IANA time zone this browser knows. */
function isTimeZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    dateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's own time zone. */
export function browserTimeZone(): string {
  return dateTimeFormat('en').resolvedOptions().timeZone;
}

/** The UTC offset of an IANA zone at an instant, in minutes east of UTC. */
export function zoneOffset(time: number, zone: string): number {
  const name = dateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(time)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ? offsetMinutes(name) : 0;
}

/** "UTC+01:00", "UTC−05:00", "UTC". */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${minutes < 0 ? '\u2212' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "Europe/Madrid" → "Madrid", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
function cityOf(zone: string): string | undefined {
  if (!zone.includes('/') || /^(Etc|SystemV)\//.test(zone)) return undefined;
  return zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');
}

/** A wall clock to format times in: an IANA zone, or a fixed offset (formatted as UTC, shifted). */
interface Zone {
  timeZone: string;
  shift: number;
}

function format(locale: string, options: Intl.DateTimeFormatOptions, zone: Zone, start: number, end?: number): string {
  const f = dateTimeFormat(locale, { ...options, timeZone: zone.timeZone });
  return end === undefined ? f.format(start + zone.shift) : f.formatRange(start + zone.shift, end + zone.shift);
}

const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };
const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
};
const DAY_KEY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };
const WALL_KEY: Intl.DateTimeFormatOptions = { ...DAY_KEY, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' };

/**
 * A live countdown to the next event of a feed (or to one event), right for a visitor in any time
 * zone: days, hours, minutes and seconds with localized plural units, the date and time in the
 * visitor's zone and in the event's own zone, the location, "Live now — join" while it runs, and links
 * to add it to Google Calendar, Outlook or any calendar app (`.ics`). The links that open a new tab ("join",
 * Google Calendar, Outlook) end with a small icon and say "(opens in a new tab)" to screen readers.
 *
 * Every countdown on a page shares one clock, paused while the page is hidden; the state changes at the
 * exact start and end times. The ticking digits are not announced; a polite live region speaks when an
 * event is first shown, on every change of state or event, and when the time left reaches 1 day, 1 hour,
 * 10 minutes and 1 minute, and says nothing in between. Screen readers read the timer in words with long
 * units ("3 days, 4 hours, 12 minutes, and 5 seconds"), also in the compact layout, whose boxes show short
 * ones ("3d 04h 12m 05s").
 *
 * @summary A countdown to the next #CitiesAreListening event, in every time zone.
 *
 * @fires {CustomEvent<CountdownStateDetail>} cities-countdown-state - The shown event or its state changed (`upcoming`, `live`, `ended`, `none`, `not-found`, `invalid`).
 * @fires {CustomEvent<FeedLoadDetail>} cities-feed-load - The feed loaded; `detail.count` is the number of valid events in the feed, `detail.skipped` the invalid ones dropped.
 * @fires {CustomEvent<FeedErrorDetail>} cities-feed-error - The feed could not be loaded.
 *
 * @csspart base - The widget's root box.
 * @csspart state - The loading, empty and error blocks.
 * @csspart retry - The Retry button of the error state.
 * @csspart event - The box around one event.
 * @csspart status - The small label above the title ("Next event", "Live now", "Ended").
 * @csspart title - The event title, a heading (holding a link when the event has a URL).
 * @csspart countdown - The ticking digits (`role="timer"`).
 * @csspart unit - One unit box: a number and its label.
 * @csspart number - The number of a unit.
 * @csspart label - The label of a unit ("days").
 * @csspart when - The date and time line.
 * @csspart location - The location line.
 * @csspart join - The "Live now — join" link.
 * @csspart message - The "ended" / "not found" / "no upcoming events" message.
 * @csspart calendar - The "Add to calendar" disclosure.
 * @csspart calendar-link - Each link inside it.
 * @csspart new-tab - The small icon ending a link that opens a new tab (join, Google Calendar, Outlook).
 *
 * @cssprop --cities-countdown-digit-size - Font size of the digits in the full layout (default twice the base size: 32px).
 * @cssprop --cities-countdown-unit-background - Background of the unit boxes (default: the alternate surface).
 * @cssprop --cities-live - Colour of the "Live now" marker (default a red that holds on light and dark).
 * @cssprop --cities-accent - Accent colour: links, buttons, highlights.
 * @cssprop --cities-on-accent - Text on the accent colour.
 * @cssprop --cities-text - Main text colour.
 * @cssprop --cities-text-muted - Secondary text colour.
 * @cssprop --cities-surface - Background of the widget.
 * @cssprop --cities-surface-alt - Background of the unit boxes.
 * @cssprop --cities-border - Border colour.
 * @cssprop --cities-focus - Focus ring colour.
 * @cssprop --cities-radius - Corner radius.
 * @cssprop --cities-gap - Space between blocks.
 * @cssprop --cities-font - Font family.
 * @cssprop --cities-font-size - Base font size.
 */
export class EventCountdown extends CitiesElement {
  static override styles = [...CitiesElement.styles, eventCountdownStyles, newTabStyles];

  /** Reactive properties, as in CitiesElement; each field below documents its attribute. */
  static override properties = {
    event: {},
    date: {},
    end: {},
    label: {},
    url: {},
    location: {},
    timeZone: { attribute: 'time-zone' },
    place: {},
    visitorTimeZone: { attribute: 'visitor-time-zone' },
    noSeconds: { type: Boolean, attribute: 'no-seconds' },
    layout: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  protected readonly list = 'events' as const;

  /** Id of the feed event to count down to; without it, the next upcoming event of the feed. */
  declare event?: string;

  /** Start of an event defined without a feed, ISO 8601 with an offset: `2026-12-01T15:00:00+01:00`. When set, no feed is read. */
  declare date?: string;

  /** End of the attribute-defined event (same format). Without it, the event is live for 1 hour. */
  declare end?: string;

  /** Title of the attribute-defined event. */
  declare label?: string;

  /** Link of the attribute-defined event (http or https; relative URLs resolve against the page). */
  declare url?: string;

  /** Location of the attribute-defined event; "Online" when not set. */
  declare location?: string;

  /** IANA zone of the events' own local time (`Europe/Madrid`): times read "15:00 in Madrid". Used only for events whose offset matches that zone at their start; others show "15:00 (UTC+01:00)". */
  declare timeZone?: string;

  /** Name of the place whose local time the events use ("Barcelona"), shown as "15:00 in Barcelona". Defaults to the city of `time-zone`; not used for an event that `time-zone` does not match. */
  declare place?: string;

  /** IANA zone of the visitor; default the browser's own. Mostly for previews and tests. */
  declare visitorTimeZone?: string;

  /** Hide the seconds (the countdown then ticks once a minute). */
  noSeconds = false;

  /** `full` (default): big digits, date, location and calendar links; `compact`: one short block. */
  layout: 'full' | 'compact' = 'full';

  /** The heading level of the event title, 2 to 6 (default 3), to fit the page's outline. */
  headingLevel = 3;

  private readonly __clock = new ClockController(
    this,
    () => (this.__shown?.state === 'upcoming' && !this.noSeconds ? 'second' : 'minute'),
    // A wake-up at the next start or end: the minute ticks alone would change the state up to 59 s late.
    () => (this.__shown ? this.__nextChange : undefined),
  );

  /** What the last render showed; `undefined` while loading, on a feed error, or with nothing configured. */
  private __shown: CountdownStateDetail | undefined;
  private __firedKey: string | undefined;
  /** When the shown event starts (upcoming) or ends (live); undefined otherwise. */
  private __nextChange: number | undefined;
  /** The live region's text, the state it was written for, and how many THRESHOLDS had been reached then. */
  private __announcement = '';
  private __announcedKey: string | undefined;
  private __announcedReached = 0;
  private __feedEvents: { result: ParseResult; language: string; list: ShownEvent[] } | undefined;
  private __calendar: CalendarLinks | undefined;

  /** The state currently shown (`upcoming`, `live`, `ended`, `none`, `not-found`, `invalid`), or `undefined` while loading. */
  get state(): CountdownState | undefined {
    return this.__shown?.state;
  }

  /** @internal No feed with `date` set. */
  override get feedUrl(): string | undefined {
    return this.date === undefined ? super.feedUrl : undefined;
  }

  protected override isEmpty(result: ParseResult): boolean {
    return this.event === undefined && result.feed.events.length === 0;
  }

  protected override renderEmpty(): unknown {
    return this.__renderView({ state: 'none' });
  }

  /**
   * The countdown speaks through the base's status region, which is there from the first render: a region of its
   * own came with the content, its first announcement already in it, which screen readers often do not read. The
   * base's words come first (a failed feed, a retry on its way), but for no events: the countdown's are better.
   */
  protected override statusText(): string {
    const { result } = this.feed;
    return (result && this.isEmpty(result) ? '' : super.statusText()) || (this.__shown ? this.__announcement : '');
  }

  protected override renderError(): unknown {
    this.__shown = undefined;
    return super.renderError();
  }

  /** No feed: the attribute-defined event, when there is one. */
  protected override renderIdle(): unknown {
    if (this.date === undefined) {
      this.__shown = undefined;
      return super.renderIdle();
    }
    const start = parseDateTime(this.date.trim());
    if (start === undefined) return this.__renderView({ state: 'invalid' });
    const end = parseDateTime(this.end?.trim());
    const hasEnd = end !== undefined && end > start;
    const label = this.label?.trim();
    const title = label || msg('Upcoming event');
    const location = this.location?.trim();
    const event: ShownEvent = {
      id: undefined,
      uid: undefined,
      title: { text: title, lang: undefined },
      start,
      end: hasEnd ? end : start + HOUR,
      hasEnd,
      offset: offsetMinutes(this.date.trim()),
      url: safeUrl(this.url, document.baseURI),
      location: location ? { text: location, lang: undefined } : undefined,
      online: location ? undefined : true,
      summary: undefined,
    };
    return this.__renderView({ state: this.__phaseOf(event), event });
  }

  protected renderContent(result: ParseResult): unknown {
    const events = this.__eventsOf(result);
    const now = this.__clock.now;
    if (this.event !== undefined) {
      const event = events.find((e) => e.id === this.event);
      return this.__renderView(event ? { state: this.__phaseOf(event), event } : { state: 'not-found' });
    }
    const next = events.find((e) => e.end > now);
    if (next) return this.__renderView({ state: this.__phaseOf(next), event: next });
    const last = events.reduce<ShownEvent | undefined>((a, e) => (!a || e.end >= a.end ? e : a), undefined);
    return this.__renderView(last ? { state: 'ended', event: last, fromFeed: true } : { state: 'none' });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const shown = this.__shown;
    const key = shown && `${shown.state}\n${shown.id ?? ''}`;
    if (key === this.__firedKey) return;
    // (An error or a skeleton between two showings of the same state clears the key: the state is told again.)
    this.__firedKey = key;
    if (shown) {
      this.dispatchEvent(
        new CustomEvent<CountdownStateDetail>('cities-countdown-state', {
          detail: { ...shown },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  /** The feed's events, parsed and sorted by start; kept until the feed or the language changes. */
  private __eventsOf(result: ParseResult): ShownEvent[] {
    const cached = this.__feedEvents;
    if (cached?.result === result && cached.language === this.language) return cached.list;
    let host = 'cities-widgets';
    try {
      host = new URL(this.feedUrl ?? '').host || host;
    } catch {
      /* keep the default */
    }
    const list = result.feed.events.map((e) => this.__fromFeed(e, host)).sort((a, b) => a.start - b.start);
    this.__feedEvents = { result, language: this.language, list };
    return list;
  }

  private __fromFeed(e: FeedEvent, host: string): ShownEvent {
    const start = parseDateTime(e.start)!;
    const end = parseDateTime(e.end);
    return {
      id: e.id,
      uid: `${e.id}@${host}`,
      title: this.text(e.title),
      start,
      end: end ?? start + HOUR,
      hasEnd: end !== undefined,
      offset: offsetMinutes(e.start),
      url: e.url,
      location: e.location ? this.text(e.location) : undefined,
      online: e.online,
      summary: e.summary ? this.text(e.summary) : undefined,
    };
  }

  private __phaseOf(event: ShownEvent): CountdownState {
    const now = this.__clock.now;
    return now < event.start ? 'upcoming' : now < event.end ? 'live' : 'ended';
  }

  // ---- time and text -------------------------------------------------------------------------------

  private get __visitorZone(): string {
    return isTimeZone(this.visitorTimeZone) ? this.visitorTimeZone : browserTimeZone();
  }

  /** The event's own wall clock and how to name it. */
  private __eventZone(event: ShownEvent): { zone: Zone; place: string | undefined } {
    const place = this.place?.trim() || undefined;
    const fixed: Zone = { timeZone: 'UTC', shift: event.offset * MINUTE };
    if (!isTimeZone(this.timeZone)) return { zone: fixed, place };
    // The zone (and so the place) describes this event only if it gives the event's own offset.
    if (zoneOffset(event.start, this.timeZone) !== event.offset) return { zone: fixed, place: undefined };
    return { zone: { timeZone: this.timeZone, shift: 0 }, place: place ?? cityOf(this.timeZone) };
  }

  /** The date line and what it was written for. */
  private __when?: { key: string; text: string };

  /**
   * "Sunday, March 28, 2027 at 5:00 AM your time · 12:00 PM in Madrid": written once per event, language and
   * zone, not on every tick (3 to 5 Intl calls; a third of a ticking countdown's script).
   */
  private __whenText(event: ShownEvent): string {
    const zone = this.__visitorZone;
    const key = [this.locale, this.formatLocale, zone, this.timeZone, this.place, event.start, event.end, event.hasEnd, event.offset].join('|');
    if (this.__when?.key !== key) this.__when = { key, text: this.__writeWhen(event, zone) };
    return this.__when.text;
  }

  private __writeWhen(event: ShownEvent, visitorZone: string): string {
    const locale = this.formatLocale;
    const visitor: Zone = { timeZone: visitorZone, shift: 0 };
    const end = event.hasEnd ? event.end : undefined;
    const mine = format(locale, FULL, visitor, event.start, end);
    const { zone, place } = this.__eventZone(event);
    if (format('en', WALL_KEY, visitor, event.start) === format('en', WALL_KEY, zone, event.start)) {
      return place ? msg(str`${mine} in ${place}`) : mine;
    }
    const sameDay = format('en', DAY_KEY, visitor, event.start) === format('en', DAY_KEY, zone, event.start);
    const theirs = format(locale, sameDay ? TIME : DAY_AND_TIME, zone, event.start, end);
    const own = place ? msg(str`${theirs} in ${place}`) : `${theirs} (${offsetLabel(event.offset)})`;
    return `${msg(str`${mine} your time`)} · ${own}`;
  }

  private __units(duration: Duration): { unit: string; number: string; label: string }[] {
    const compact = this.layout === 'compact';
    return this.__unitNames.map((name) => {
      const unit = name.slice(0, -1);
      const options: Intl.NumberFormatOptions = { minimumIntegerDigits: name === 'days' ? 1 : 2 };
      const parts = numberFormat(this.formatLocale, {
        ...options,
        style: 'unit',
        unit,
        unitDisplay: compact ? 'narrow' : 'long',
      }).formatToParts(duration[name]);
      let number = parts.filter((p) => p.type === 'integer' || p.type === 'group').map((p) => p.value).join('');
      // Arabic says "يوم" (a day) and "يومان" (two days) without a digit: the box still shows the number.
      if (!number) number = numberFormat(this.formatLocale, options).format(duration[name]);
      const label = parts.filter((p) => p.type === 'unit').map((p) => p.value).join('').trim();
      return { unit, number, label };
    });
  }

  private get __unitNames(): readonly (keyof Duration)[] {
    return UNITS.slice(0, this.noSeconds ? 3 : 4);
  }

  /**
   * "2 days, 3 hours, and 5 minutes" in long units (zero units left out), or undefined when all are zero
   * (`names` without seconds: under a minute).
   */
  private __spoken(duration: Duration, names: readonly (keyof Duration)[] = UNITS.slice(0, 3)): string | undefined {
    const items = names
      .filter((name) => duration[name] > 0)
      .map((name) =>
        numberFormat(this.formatLocale, { style: 'unit', unit: name.slice(0, -1), unitDisplay: 'long' }).format(duration[name]),
      );
    return items.length ? listFormat(this.formatLocale, { type: 'conjunction' }).format(items) : undefined;
  }

  /** Writes `__announcement` when there is something new to say (statusText speaks it). */
  private __announce(view: View, remaining: Duration | undefined): void {
    // The language is part of the key: a new `lang` must give an announcement in that language. (A catalog
    // still on its way needs nothing here: the base class renders nothing in a language before its strings.)
    const key = `${view.state}\n${view.event?.id ?? ''}\n${view.event?.start ?? ''}\n${this.locale}`;
    const title = view.event?.title.text ?? '';
    const changed = key !== this.__announcedKey;
    // Between changes, an upcoming event is announced again only when its time left reaches a threshold
    // (several reached at once, after a hidden tab came back, give one announcement).
    const untilStart = view.event ? view.event.start - this.__clock.now : 0;
    const reached = THRESHOLDS.filter((t) => untilStart <= t).length;
    if (!changed && (view.state !== 'upcoming' || reached <= this.__announcedReached)) return;
    this.__announcedKey = key;
    this.__announcedReached = reached;
    const spoken = remaining && this.__spoken(remaining);
    const left = spoken ? msg(str`${spoken} left`) : msg('Less than a minute left');
    let text: string;
    switch (view.state) {
      case 'upcoming':
        text = changed ? msg(str`${title}: ${left}`, { desc: 'Announced when a countdown appears: the event title, then the time left.' }) : left;
        break;
      case 'live':
        text = msg(str`${title} is live now.`);
        break;
      case 'ended':
        text = msg(str`${title} has ended.`);
        break;
      default:
        text = this.__messageOf(view);
    }
    this.__announcement = text;
  }

  private __messageOf(view: View): string {
    switch (view.state) {
      case 'invalid':
        return msg('The event date could not be read. Write it with a time zone offset, like 2026-12-01T15:00:00+01:00.');
      case 'not-found':
        return msg('This event could not be found.');
      case 'none':
        return msg('There are no upcoming events.');
      case 'ended':
        return view.fromFeed
          ? msg('This event has ended. There are no upcoming events yet.')
          : msg('This event has ended.');
      default:
        return '';
    }
  }

  // ---- rendering ----------------------------------------------------------------------------------

  /** One template for every state. Its announcement goes to the base's status region (statusText). */
  private __renderView(view: View): TemplateResult {
    this.__shown = { state: view.state, id: view.event?.id };
    const event = view.event;
    this.__nextChange = view.state === 'upcoming' ? event!.start : view.state === 'live' ? event!.end : undefined;
    const remaining =
      event && view.state === 'upcoming'
        ? splitDuration(event.start - this.__clock.now, this.noSeconds ? 'minute' : 'second')
        : undefined;
    this.__announce(view, remaining);
    return html`<div class="event layout-${this.layout === 'compact' ? 'compact' : 'full'} is-${view.state}" part="event">
      <div class="body">
        ${event ? this.__renderEvent(view, event, remaining) : html`<p class="message" part="message">${this.__messageOf(view)}</p>`}
      </div>
    </div>`;
  }

  /**
   * The loading state in the countdown's own shape (status, title, digit boxes, date, location and
   * calendar lines, with the same classes and line heights), so that the page does not move when the
   * event arrives.
   */
  protected override renderSkeleton(): unknown {
    this.__shown = undefined;
    const full = this.layout !== 'compact';
    const units = this.noSeconds ? 3 : 4;
    const line = (size?: string) => this.bone(size);
    return this.skeleton(
      `event layout-${full ? 'full' : 'compact'}`,
      html`<div class="body" aria-hidden="true">
        <p class="status">${line('short')}</p>
        <p class="title">${line('wide')}</p>
        <div class="countdown">
          ${Array.from(
            { length: units },
            () => html`<span class="unit"><span class="number">&nbsp;</span><span class="label">&nbsp;</span></span>`,
          )}
        </div>
        <p class="when">
          ${line()}<br />${line('short')}${full ? html`<span class="narrow"><br />${line('short')}</span>` : nothing}
        </p>
        ${full ? html`<p class="location">${line('short')}</p><p class="calendar-line">${line('short')}</p>` : nothing}
      </div>`,
    );
  }

  private __renderEvent(view: View, event: ShownEvent, remaining: Duration | undefined): TemplateResult {
    const { state } = view;
    const full = this.layout !== 'compact';
    const status =
      state === 'upcoming' ? msg('Next event') : state === 'live' ? msg('Live now') : msg('Ended');
    const title = event.url
      ? html`<a href=${event.url} rel="noopener noreferrer">${event.title.text}</a>`
      : event.title.text;
    const where = event.location
      ? html`<span lang=${this.langOf(event.location)} dir="auto">${event.location.text}</span>`
      : event.online === false
        ? nothing
        : msg('Online');
    return html`<p class="status" part="status"><span class="dot" aria-hidden="true"></span>${status}</p>
      <p class="title" part="title" role="heading" aria-level=${headingLevel(this.headingLevel)} lang=${this.langOf(event.title)} dir="auto">${title}</p>
      ${remaining ? this.__renderCountdown(remaining) : nothing}
      ${state === 'live'
        ? event.url
          ? html`<p class="live"><a class="button primary" part="join" href=${event.url} target="_blank" rel="noopener noreferrer"
                >${msg('Live now — join')}${newTab()}</a
              ></p>`
          : nothing
        : nothing}
      ${state === 'ended' ? html`<p class="message" part="message">${this.__messageOf(view)}</p>` : nothing}
      <p class="when" part="when"><time datetime=${new Date(event.start).toISOString()}>${this.__whenText(event)}</time></p>
      ${where === nothing || !full ? nothing : html`<p class="location" part="location">${where}</p>`}
      ${full && state === 'upcoming' ? this.__renderCalendar(event) : nothing}`;
  }

  /**
   * The boxes are hidden from assistive technology: they say "3d 04h" in the compact layout, and "2 يومان"
   * (a digit and a word that says "two days") in Arabic. Screen readers get the same time in words instead,
   * "3 days, 4 hours, and 12 minutes", that no live region speaks on its own: `aria-live="off"`.
   */
  private __renderCountdown(remaining: Duration): TemplateResult {
    return html`<div class="countdown" part="countdown" role="timer" aria-live="off" aria-atomic="true" aria-label=${msg('Time left')}>
      ${this.__units(remaining).map(
        (u) => html`<span class="unit unit-${u.unit}" part="unit" aria-hidden="true"
          ><span class="number" part="number">${u.number}</span> <span class="label" part="label">${u.label}</span></span
        >`,
      )}<span class="visually-hidden" lang=${this.formatLang}>${this.__spoken(remaining, this.__unitNames)}</span>
    </div>`;
  }

  private __renderCalendar(event: ShownEvent): TemplateResult {
    // The links appear once the calendar export has arrived (usually before the disclosure is open).
    const links = ics && this.__calendarLinks(event, ics);
    return html`<details
      class="calendar"
      part="calendar"
      @pointerover=${this.__loadCalendar}
      @focusin=${this.__loadCalendar}
      @toggle=${this.__loadCalendar}
    >
      <summary>${msg('Add to calendar')}</summary>
      ${links
        ? html`<ul>
            <li><a part="calendar-link" href=${links.google} target="_blank" rel="noopener noreferrer">Google Calendar${newTab()}</a></li>
            <li><a part="calendar-link" href=${links.outlook} target="_blank" rel="noopener noreferrer">Outlook${newTab()}</a></li>
            <li><a part="calendar-link" href=${links.ics} download=${links.file}>${msg('Calendar file (.ics)')}</a></li>
          </ul>`
        : nothing}
    </details>`;
  }

  /** Fetches the calendar export if needed, then renders the links (another countdown may have fetched it). */
  private __loadCalendar = (): void => {
    if (!this.__calendar) void loadIcs().then(() => this.requestUpdate());
  };

  /** Built once per event (not on every tick): the links and the `.ics` stamped when first shown. */
  private __calendarLinks(event: ShownEvent, module: typeof import('./ics.js')): CalendarLinks {
    const where = event.location?.text ?? (event.online === false ? undefined : msg('Online'));
    const entry: CalendarEvent = {
      uid: event.uid ?? module.attributeUid(`${this.date}|${event.title.text}`),
      title: event.title.text,
      start: event.start,
      end: event.end,
      // Empty or missing fields are left out of the links and the file (and of the JSON key).
      description: event.summary?.text,
      location: where,
      url: event.url,
    };
    const key = JSON.stringify(entry);
    if (this.__calendar?.key !== key) {
      this.__calendar = { key, ...module.calendarLinks(entry, this.__clock.now) };
    }
    return this.__calendar;
  }
}
