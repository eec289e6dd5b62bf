/**
 * Keeps relative dates true while a page stays open: "5 minutes ago" becomes "6 minutes ago", and a week-old
 * "6 days ago" becomes a calendar date, on a city portal's front page or a kiosk screen left open all day.
 *
 * The host formats the dates it shows through `format()`. When the last render showed at least one relative
 * date, the host is subscribed to the page's one shared clock (minute precision, paused while the page is
 * hidden, src/controllers/clock.ts) and re-renders on every minute boundary (not on every tick: the clock ticks
 * each second while a countdown on the page shows seconds); when it showed none (only
 * calendar dates, or nothing yet), or the host is disconnected, it is not subscribed and costs nothing. (A
 * widget put back on a page renders again anyway, its feed controller sees to that, and subscribes then.)
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDate, isRecent } from '../i18n/format.js';
import { subscribe, unsubscribe, type ClockSubscriber } from './clock.js';
import { watchViewport } from './viewport.js';

export class RelativeDatesController implements ReactiveController, ClockSubscriber {
  readonly precision = 'minute';
  /** The render under way (or the last one) showed a relative date. */
  private __recent = false;
  private __subscribed = false;
  /** When the host last rendered. */
  private __at = 0;
  /** The host is more than 300px out of view: its dates rest, and are brought up to date when it comes back. */
  private __far = false;
  private __unwatch: (() => void) | undefined;

  constructor(private readonly __host: ReactiveControllerHost & Element) {
    __host.addController(this);
  }

  /** A date as formatDate says it, noting whether it is relative. */
  format(time: number, locale: string): string {
    const now = Date.now();
    if (isRecent(time, now)) this.__recent = true;
    return formatDate(time, locale, now);
  }

  hostUpdate(): void {
    this.__recent = false;
    this.__at = Date.now();
  }

  hostConnected(): void {
    this.__unwatch = watchViewport(this.__host, (near) => {
      this.__far = !near;
      if (near) this.tick(Date.now());
      this.hostUpdated();
    });
  }

  hostUpdated(): void {
    // A widget can render after it left the page (its feed arrived late): no clock for it then.
    this.__watch(this.__recent && this.__host.isConnected && !this.__far);
  }

  hostDisconnected(): void {
    this.__unwatch?.();
    this.__far = false;
    this.__watch(false);
  }

  /** Renders again once a minute has turned: the clock ticks every second while a countdown shows seconds. */
  tick(now: number): void {
    if (Math.floor(now / 60_000) !== Math.floor(this.__at / 60_000)) this.__host.requestUpdate();
  }

  private __watch(on: boolean): void {
    if (on === this.__subscribed) return;
    this.__subscribed = on;
    if (on) subscribe(this);
    else unsubscribe(this);
  }
}
