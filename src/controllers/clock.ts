/**
 * The one clock every countdown on the page shares.
 *
 * A single module-level timer ticks on the wall-clock second (or minute, when no subscriber shows
 * seconds) boundary with `setTimeout`, re-aligned on every tick, so that nothing drifts. A subscriber may
 * also ask for one extra tick at a given time (`wakeAt`: an event that starts or ends between two minute
 * ticks); the timer then fires at the earliest of the next boundary and the earliest wake-up asked for.
 * Subscribers get `Date.now()` on each tick and compute what they show from it, which keeps them right
 * after the tab slept and across daylight-saving changes. The timer is paused while the page is hidden
 * (one `visibilitychange` listener for the page; on return every subscriber ticks at once), stopped when
 * the last subscriber leaves, and started again by the next one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { watchViewport } from './viewport.js';

export type ClockPrecision = 'second' | 'minute';

export interface ClockSubscriber {
  /** How often this subscriber needs a tick. */
  readonly precision: ClockPrecision;
  /** A time (ms since the epoch) at which this subscriber wants a tick besides the regular ones; ignored once past. Call `precisionChanged()` after changing it. */
  readonly wakeAt?: number | undefined;
  tick(now: number): void;
}

const UNIT: Record<ClockPrecision, number> = { second: 1000, minute: 60_000 };

const subscribers = new Set<ClockSubscriber>();
let timer: ReturnType<typeof setTimeout> | undefined;
let interval = 0;
/** When the pending timer fires. */
let due = 0;
let listening = false;

function wantedInterval(): number {
  for (const s of subscribers) if (s.precision === 'second') return UNIT.second;
  return UNIT.minute;
}

function stopTimer(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  interval = 0;
}

/**
 * Starts the timer when it should run and does not, or moves it when the time it should fire changed: the
 * next boundary of the interval needed, or an earlier wake-up asked for by a subscriber.
 */
function schedule(): void {
  if (subscribers.size === 0 || document.hidden) {
    stopTimer();
    return;
  }
  const now = Date.now();
  interval = wantedInterval();
  let at = now + interval - (now % interval);
  for (const { wakeAt } of subscribers) if (wakeAt! > now && wakeAt! < at) at = wakeAt!;
  // A pending timer already due (late) fires on its own in a moment.
  if (timer !== undefined && (at === due || due <= now)) return;
  if (timer !== undefined) clearTimeout(timer);
  due = at;
  timer = setTimeout(run, at - now);
}

function run(): void {
  timer = undefined;
  const now = Date.now();
  for (const subscriber of [...subscribers]) subscriber.tick(now);
  schedule();
}

function onVisibilityChange(): void {
  if (document.hidden) stopTimer();
  else if (subscribers.size > 0) run();
}

export function subscribe(subscriber: ClockSubscriber): void {
  subscribers.add(subscriber);
  if (!listening) {
    document.addEventListener('visibilitychange', onVisibilityChange);
    listening = true;
  }
  schedule();
}

export function unsubscribe(subscriber: ClockSubscriber): void {
  if (!subscribers.delete(subscriber)) return;
  if (subscribers.size > 0) {
    schedule();
    return;
  }
  stopTimer();
  document.removeEventListener('visibilitychange', onVisibilityChange);
  listening = false;
}

/** Re-reads the subscribers' precision and wake-up times (call after one changed). */
export function precisionChanged(): void {
  schedule();
}

/** For tests and debugging: the clock's state. */
export function clockStatus(): { subscribers: number; running: boolean; interval: number } {
  return { subscribers: subscribers.size, running: timer !== undefined, interval };
}

/**
 * Subscribes its host to the shared clock while it is connected. `now` is the time the host last
 * rendered with; the host is asked to update only when a second (or minute) boundary was crossed, or the
 * time `wake` gave after its last update (read like the precision, after every update) was reached.
 * While the host is more than 300px out of view its seconds rest: it updates once a minute (and at `wake`, so
 * that a countdown still goes live on time and says so), and at once when it comes back into view.
 */
export class ClockController implements ReactiveController, ClockSubscriber {
  now = Date.now();
  precision: ClockPrecision;
  wakeAt: number | undefined;
  private __far = false;
  private __unwatch: (() => void) | undefined;

  constructor(
    private readonly __host: ReactiveControllerHost & Element,
    private readonly __wanted: () => ClockPrecision = () => 'second',
    private readonly __wake: () => number | undefined = () => undefined,
  ) {
    this.precision = __wanted();
    __host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    subscribe(this);
    this.__unwatch = watchViewport(this.__host, (near) => {
      if (this.__far === !near) return;
      this.__far = !near;
      if (near) this.__host.requestUpdate();
      this.hostUpdated();
    });
  }

  hostDisconnected(): void {
    unsubscribe(this);
    this.__unwatch?.();
    this.__far = false;
  }

  hostUpdate(): void {
    this.now = Date.now();
  }

  hostUpdated(): void {
    const precision = this.__far ? 'minute' : this.__wanted();
    const wakeAt = this.__wake();
    if (precision !== this.precision || wakeAt !== this.wakeAt) {
      this.precision = precision;
      this.wakeAt = wakeAt;
      precisionChanged();
    }
  }

  tick(now: number): void {
    const unit = UNIT[this.precision];
    const wakeAt = this.wakeAt!;
    if (Math.floor(now / unit) !== Math.floor(this.now / unit) || (this.now < wakeAt && now >= wakeAt)) {
      this.__host.requestUpdate();
    }
  }
}
