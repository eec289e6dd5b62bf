import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import sinon from 'sinon';
import {
  ClockController,
  clockStatus,
  precisionChanged,
  subscribe,
  unsubscribe,
  type ClockPrecision,
  type ClockSubscriber,
} from '../src/controllers/clock.js';
import { restorePageVisibility, setPageHidden } from './helpers/server.js';

let clock: sinon.SinonFakeTimers;

function pin(iso: string): void {
  clock = sinon.useFakeTimers({
    now: Date.parse(iso),
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
  });
}

/** A subscriber that records the times it was given. */
function recorder(precision: ClockPrecision = 'second'): ClockSubscriber & { ticks: string[] } {
  const ticks: string[] = [];
  return { precision, ticks, tick: (now) => ticks.push(new Date(now).toISOString()) };
}

/** A bare reactive host for the controller: an element in the page (in view), with no rendering of its own. */
function fakeHost(): ReactiveControllerHost & HTMLElement & { updates: number; controllers: ReactiveController[] } {
  const host = Object.assign(document.createElement('div'), {
    updates: 0,
    controllers: [] as ReactiveController[],
    addController(c: ReactiveController) {
      host.controllers.push(c);
    },
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  });
  document.body.append(host);
  return host;
}

describe('shared clock', () => {
  const subscribed: ClockSubscriber[] = [];
  const add = <T extends ClockSubscriber>(s: T): T => {
    subscribed.push(s);
    subscribe(s);
    return s;
  };

  // The clock pauses in hidden pages; a test page may be a background tab when files run in parallel.
  beforeEach(() => setPageHidden(false));

  afterEach(() => {
    for (const s of subscribed.splice(0)) unsubscribe(s);
    clock.restore();
    restorePageVisibility();
    expect(clockStatus()).to.deep.equal({ subscribers: 0, running: false, interval: 0 });
  });

  it('ticks on the second boundary, with Date.now() each time', () => {
    pin('2026-12-01T10:00:00.250Z');
    const r = add(recorder());
    expect(clockStatus()).to.deep.equal({ subscribers: 1, running: true, interval: 1000 });
    clock.tick(749);
    expect(r.ticks).to.deep.equal([]);
    clock.tick(1);
    expect(r.ticks).to.deep.equal(['2026-12-01T10:00:01.000Z']);
    clock.tick(2000);
    expect(r.ticks).to.deep.equal(['2026-12-01T10:00:01.000Z', '2026-12-01T10:00:02.000Z', '2026-12-01T10:00:03.000Z']);
    expect(clock.countTimers()).to.equal(1);
  });

  it('re-aligns after a late timer instead of drifting', () => {
    pin('2026-12-01T10:00:00.000Z');
    const r = add(recorder());
    // The system clock jumps ahead (a suspended laptop): the pending timer fires late.
    clock.setSystemTime(Date.parse('2026-12-01T10:00:05.600Z'));
    clock.tick(1000);
    expect(r.ticks).to.deep.equal(['2026-12-01T10:00:06.600Z']);
    clock.tick(400);
    expect(r.ticks.at(-1)).to.equal('2026-12-01T10:00:07.000Z');
  });

  it('ticks once a minute, on the minute, when nobody shows seconds; every second as soon as one does', () => {
    pin('2026-12-01T10:00:20.000Z');
    const minutes = add(recorder('minute'));
    expect(clockStatus().interval).to.equal(60_000);
    clock.tick(39_999);
    expect(minutes.ticks).to.deep.equal([]);
    clock.tick(1);
    expect(minutes.ticks).to.deep.equal(['2026-12-01T10:01:00.000Z']);
    const seconds = add(recorder('second'));
    expect(clockStatus().interval).to.equal(1000);
    expect(clock.countTimers()).to.equal(1);
    clock.tick(1000);
    expect(seconds.ticks).to.deep.equal(['2026-12-01T10:01:01.000Z']);
    unsubscribe(seconds);
    expect(clockStatus().interval).to.equal(60_000);
    clock.tick(59_000);
    expect(minutes.ticks.at(-1)).to.equal('2026-12-01T10:02:00.000Z');
  });

  it('pauses while the page is hidden and ticks at once when it is shown again', () => {
    pin('2026-12-01T10:00:00.000Z');
    const r = add(recorder());
    clock.tick(1000);
    setPageHidden(true);
    expect(clockStatus().running).to.equal(false);
    expect(clock.countTimers()).to.equal(0);
    clock.tick(10 * 60_000);
    expect(r.ticks).to.have.length(1);
    clock.tick(300);
    setPageHidden(false);
    expect(r.ticks).to.deep.equal(['2026-12-01T10:00:01.000Z', '2026-12-01T10:10:01.300Z']);
    expect(clockStatus().running).to.equal(true);
    clock.tick(700);
    expect(r.ticks.at(-1)).to.equal('2026-12-01T10:10:02.000Z');
  });

  it('does not start while hidden', () => {
    pin('2026-12-01T10:00:00.000Z');
    setPageHidden(true);
    const r = add(recorder());
    expect(clockStatus()).to.deep.equal({ subscribers: 1, running: false, interval: 0 });
    setPageHidden(false);
    expect(r.ticks).to.deep.equal(['2026-12-01T10:00:00.000Z']);
    expect(clockStatus().running).to.equal(true);
  });

  it('stops when the last subscriber leaves and starts again with the next one', () => {
    pin('2026-12-01T10:00:00.500Z');
    const a = add(recorder());
    const b = add(recorder());
    expect(clock.countTimers()).to.equal(1);
    unsubscribe(a);
    expect(clockStatus().running).to.equal(true);
    unsubscribe(b);
    unsubscribe(b);
    expect(clockStatus()).to.deep.equal({ subscribers: 0, running: false, interval: 0 });
    expect(clock.countTimers()).to.equal(0);
    clock.tick(5000);
    expect(a.ticks).to.deep.equal([]);
    add(a);
    expect(clockStatus().running).to.equal(true);
    expect(clock.countTimers()).to.equal(1);
    clock.tick(500);
    expect(a.ticks).to.deep.equal(['2026-12-01T10:00:06.000Z']);
  });

  it('listens to visibilitychange once for the whole page, and not at all when idle', () => {
    pin('2026-12-01T10:00:00.000Z');
    const added = sinon.spy(document, 'addEventListener');
    const removed = sinon.spy(document, 'removeEventListener');
    try {
      const subs = [add(recorder()), add(recorder()), add(recorder('minute'))];
      expect(added.getCalls().filter((c) => c.args[0] === 'visibilitychange')).to.have.length(1);
      for (const s of subs) unsubscribe(s);
      expect(removed.getCalls().filter((c) => c.args[0] === 'visibilitychange')).to.have.length(1);
    } finally {
      added.restore();
      removed.restore();
    }
  });

  it('also fires at the wake-up a subscriber asks for, with the same one timer, and not while hidden', () => {
    pin('2026-12-01T10:00:00.000Z');
    const other = add(recorder('minute'));
    const waker = add(Object.assign(recorder('minute'), { wakeAt: Date.parse('2026-12-01T10:00:20.500Z') }));
    expect(clockStatus()).to.deep.equal({ subscribers: 2, running: true, interval: 60_000 });
    expect(clock.countTimers()).to.equal(1);
    clock.tick(20_499);
    expect(waker.ticks).to.deep.equal([]);
    clock.tick(1);
    // Every subscriber gets the tick (each decides whether it matters).
    expect(waker.ticks).to.deep.equal(['2026-12-01T10:00:20.500Z']);
    expect(other.ticks).to.deep.equal(['2026-12-01T10:00:20.500Z']);
    // Back on the minute; a past wake-up is ignored.
    clock.tick(39_500);
    clock.tick(60_000);
    expect(waker.ticks).to.deep.equal(['2026-12-01T10:00:20.500Z', '2026-12-01T10:01:00.000Z', '2026-12-01T10:02:00.000Z']);
    // A wake-up after the next boundary waits for its turn; asked for while a timer is pending, it moves that timer.
    waker.wakeAt = Date.parse('2026-12-01T10:03:30.000Z');
    precisionChanged();
    expect(clock.countTimers()).to.equal(1);
    clock.tick(90_000);
    expect(waker.ticks.slice(3)).to.deep.equal(['2026-12-01T10:03:00.000Z', '2026-12-01T10:03:30.000Z']);
    waker.wakeAt = Date.parse('2026-12-01T10:03:45.000Z');
    precisionChanged();
    expect(clock.countTimers()).to.equal(1);
    clock.tick(15_000);
    expect(waker.ticks.at(-1)).to.equal('2026-12-01T10:03:45.000Z');
    // A wake-up on a boundary is one tick.
    waker.wakeAt = Date.parse('2026-12-01T10:04:00.000Z');
    precisionChanged();
    clock.tick(15_000);
    expect(waker.ticks.slice(6)).to.deep.equal(['2026-12-01T10:04:00.000Z']);
    // Hidden: no timer at all, wake-up or not.
    waker.wakeAt = Date.parse('2026-12-01T10:04:10.000Z');
    precisionChanged();
    setPageHidden(true);
    expect(clock.countTimers()).to.equal(0);
    precisionChanged();
    expect(clock.countTimers()).to.equal(0);
    clock.tick(60_000);
    expect(waker.ticks).to.have.length(7);
  });

  it('lets a subscriber leave during a tick', () => {
    pin('2026-12-01T10:00:00.000Z');
    const later = recorder();
    const leaver: ClockSubscriber = { precision: 'second', tick: () => unsubscribe(leaver) };
    add(leaver);
    add(later);
    clock.tick(1000);
    expect(later.ticks).to.have.length(1);
    expect(clockStatus().subscribers).to.equal(1);
  });

  describe('ClockController', () => {
    it('asks its host to update only when a second (or minute) boundary is crossed', () => {
      pin('2026-12-01T10:00:00.000Z');
      const host = fakeHost();
      let precision: ClockPrecision = 'second';
      const controller = new ClockController(host, () => precision);
      expect(host.controllers).to.deep.equal([controller]);
      controller.hostConnected();
      subscribed.push(controller);
      expect(clockStatus()).to.deep.equal({ subscribers: 1, running: true, interval: 1000 });
      clock.tick(1000);
      expect(host.updates).to.equal(1);
      controller.hostUpdate();
      expect(controller.now).to.equal(Date.parse('2026-12-01T10:00:01.000Z'));

      // Seconds hidden: the host switches to minute precision after its update.
      precision = 'minute';
      controller.hostUpdated();
      expect(clockStatus().interval).to.equal(60_000);
      clock.tick(58_999);
      expect(host.updates).to.equal(1);
      clock.tick(1);
      expect(host.updates).to.equal(2);

      controller.hostDisconnected();
      expect(clockStatus().running).to.equal(false);
      clock.tick(120_000);
      expect(host.updates).to.equal(2);
    });

    it('asks its host to update when the wake-up time it last gave is reached, between minute ticks', () => {
      pin('2026-12-01T10:00:00.000Z');
      const host = fakeHost();
      let wake: number | undefined = Date.parse('2026-12-01T10:00:20.000Z');
      const controller = new ClockController(host, () => 'minute', () => wake);
      controller.hostConnected();
      subscribed.push(controller);
      controller.hostUpdate();
      controller.hostUpdated();
      expect(controller.wakeAt).to.equal(wake);
      clock.tick(19_999);
      expect(host.updates).to.equal(0);
      clock.tick(1);
      expect(host.updates).to.equal(1);
      controller.hostUpdate();
      wake = undefined;
      controller.hostUpdated();
      clock.tick(39_999);
      expect(host.updates).to.equal(1);
      clock.tick(1);
      expect(host.updates).to.equal(2);
      expect(clock.countTimers()).to.equal(1);
    });
  });
});
