/**
 * The network fails: DNS, CORS, HTTP errors, rate limits, responses that never end or break off. Each
 * widget (from the built bundle, on a real page) must reach a defined state, retry only where a retry is
 * due (counted by the test server), and leave no unhandled rejection. Time is a fake clock installed in
 * the page, so that backoff and timeouts are checked to the millisecond without waiting for them.
 */
import { expect } from '@open-wc/testing';
import {
  addWidget,
  closePages,
  expectQuiet,
  fakeClock,
  feedUrl,
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
  type WidgetState,
} from './helpers.js';

const FIXTURE = `${location.origin}/hardening/fixture/widgets?hours=0`;

/** Resolves with the widget's first outcome, or undefined if it has none yet (without waiting). */
function outcomeOf(el: Element): { current: WidgetState | undefined } {
  const box: { current: WidgetState | undefined } = { current: undefined };
  void settled(el, 60_000).then(
    (state) => (box.current = state),
    () => undefined,
  );
  return box;
}

/** Requests the server got for `key` once the page has had a moment to send any that are due. */
async function countAfterAMoment(key: string): Promise<number> {
  await sleep(60);
  return (await seen(key)).count;
}

/** Delays (ms) of the page's pending fake timers. */
function pendingDelays(clock: Clock): number[] {
  type Timer = { callAt: number; createdAt: number };
  const timers = (clock as unknown as { timers?: Map<number, Timer> | Record<string, Timer> }).timers;
  if (!timers) return [];
  const list = timers instanceof Map ? [...timers.values()] : Object.values(timers);
  return list.map((t) => t.callAt - t.createdAt);
}

/**
 * Waits until the loader sleeps between two attempts: its 10 s request timeout is cleared and a shorter
 * backoff (or Retry-After) timer is pending.
 */
async function waitForBackoff(page: Page, clock: Clock): Promise<void> {
  await until(() => {
    const delays = pendingDelays(clock);
    return page.probe.fetches.started === page.probe.fetches.settled && !delays.includes(10_000) && delays.some((d) => d >= 500);
  }, 'the loader waits before retrying');
}

describe('network failures', function () {
  this.timeout(20000);
  let clock: Clock | undefined;

  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    closePages();
  });

  it('DNS failure: retried twice with backoff, then the error state; no unhandled rejection', async () => {
    const page = await openPage('plain.html');
    clock = fakeClock(page);
    const el = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src: 'http://nonexistent.invalid/feed.json' });
    const outcome = outcomeOf(el);
    await until(() => page.probe.fetches.settled === 1, 'first attempt failed');
    await waitForBackoff(page, clock);
    await clock.tickAsync(1000);
    await until(() => page.probe.fetches.settled === 2, 'second attempt failed');
    await waitForBackoff(page, clock);
    await clock.tickAsync(2000);
    await until(() => outcome.current !== undefined, 'error reported');
    expect(outcome.current).to.deep.equal({ status: 'error', message: 'The feed could not be reached' });
    expect(page.probe.fetches.started).to.equal(3);
    await rendered(el);
    expect(stateOf(el)).to.equal('error');
    await clock.tickAsync(120_000);
    expect(page.probe.fetches.started, 'no retry after giving up').to.equal(3);
    expectQuiet(page.probe);
  });

  it('CORS refusal (the same server under another host name): the error state, three attempts at most', async () => {
    const page = await openPage('plain.html');
    const key = uniqueKey('cors');
    await putFeed(key, await (await fetch(FIXTURE)).text());
    const crossOrigin = feedUrl(key).replace('//localhost:', '//127.0.0.1:');
    expect(crossOrigin).not.to.equal(feedUrl(key));
    clock = fakeClock(page);
    const el = addWidget(page, 'cities-quote-carousel', {}, { loading: 'eager', src: crossOrigin });
    const outcome = outcomeOf(el);
    for (let attempt = 1; attempt <= 2; attempt++) {
      await until(() => page.probe.fetches.settled === attempt, `attempt ${attempt} refused`);
      await waitForBackoff(page, clock);
      await clock.tickAsync(2000);
    }
    await until(() => outcome.current !== undefined, 'error reported');
    expect(outcome.current!.status).to.equal('error');
    // The server answered each request; the browser refused the answers (no CORS headers). A refusal
    // looks like any network error to a page, so it gets the same two retries.
    expect((await seen(key)).count).to.equal(3);
    await rendered(el);
    expect(stateOf(el)).to.equal('error');
    expectQuiet(page.probe);
  });

  it('404: the error state at once, never retried', async () => {
    const page = await openPage('plain.html');
    clock = fakeClock(page);
    const key = uniqueKey('404');
    const el = addWidget(page, 'cities-event-countdown', {}, { loading: 'eager', src: fixtureUrl('widgets', key, { status: 404 }) });
    const outcome = outcomeOf(el);
    await until(() => outcome.current !== undefined, 'error reported');
    expect(outcome.current).to.deep.equal({ status: 'error', message: 'The feed answered HTTP 404' });
    await clock.tickAsync(120_000);
    expect(await countAfterAMoment(key)).to.equal(1);
    await rendered(el);
    expect(stateOf(el)).to.equal('error');
    expectQuiet(page.probe);
  });

  it('500: retried after 0.5–1 s and 1–2 s (not sooner), then the error state', async () => {
    const page = await openPage('plain.html');
    clock = fakeClock(page);
    const key = uniqueKey('500');
    const el = addWidget(page, 'cities-initiative-feed', {}, { loading: 'eager', src: fixtureUrl('widgets', key, { status: 500 }) });
    const outcome = outcomeOf(el);
    await until(async () => (await seen(key)).count === 1, 'first request');
    await waitForBackoff(page, clock);
    await clock.tickAsync(499);
    expect(await countAfterAMoment(key), 'no retry before 500 ms').to.equal(1);
    await clock.tickAsync(501);
    await until(async () => (await seen(key)).count === 2, 'first retry within 1 s');
    await waitForBackoff(page, clock);
    await clock.tickAsync(999);
    expect(await countAfterAMoment(key), 'no second retry before 1 s').to.equal(2);
    await clock.tickAsync(1001);
    await until(() => outcome.current !== undefined, 'error reported');
    expect(outcome.current).to.deep.equal({ status: 'error', message: 'The feed answered HTTP 500' });
    expect(await countAfterAMoment(key)).to.equal(3);
    await clock.tickAsync(120_000);
    expect(await countAfterAMoment(key), 'nothing after giving up').to.equal(3);
    await rendered(el);
    expect(stateOf(el)).to.equal('error');
    expectQuiet(page.probe);
  });

  it('503 then 200: one retry, then the content', async () => {
    const page = await openPage('plain.html');
    clock = fakeClock(page);
    const key = uniqueKey('503');
    const el = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src: fixtureUrl('widgets', key, { status: 503, fail: 1 }) });
    const outcome = outcomeOf(el);
    await until(async () => (await seen(key)).count === 1, 'first request');
    await waitForBackoff(page, clock);
    await clock.tickAsync(1000);
    await until(() => outcome.current !== undefined, 'loaded');
    expect(outcome.current).to.deep.equal({ status: 'load', count: 3, skipped: 0 });
    expect(await countAfterAMoment(key)).to.equal(2);
    await rendered(el);
    expect(stateOf(el)).to.equal('content');
    expectQuiet(page.probe);
  });

  it('429 with Retry-After: waits exactly as long as asked (capped at 30 s), then loads', async () => {
    const page = await openPage('plain.html');
    clock = fakeClock(page);
    const key = uniqueKey('429');
    const long = uniqueKey('429-long');
    const el = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src: fixtureUrl('widgets', key, { status: 429, fail: 1, retryAfter: 7 }) });
    const capped = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src: fixtureUrl('widgets', long, { status: 429, fail: 1, retryAfter: 86400 }) });
    const outcome = outcomeOf(el);
    const cappedOutcome = outcomeOf(capped);
    await until(async () => (await seen(key)).count === 1 && (await seen(long)).count === 1, 'first requests');
    await until(() => page.probe.fetches.started === page.probe.fetches.settled && pendingDelays(clock!).filter((d) => d >= 7000).length === 2, 'both wait');
    await clock.tickAsync(6999);
    expect(await countAfterAMoment(key), 'not before Retry-After').to.equal(1);
    await clock.tickAsync(1);
    await until(() => outcome.current !== undefined, 'loaded after 7 s');
    expect(outcome.current!.status).to.equal('load');
    expect(await countAfterAMoment(key)).to.equal(2);
    await clock.tickAsync(30_000 - 7000 - 1);
    expect(await countAfterAMoment(long), 'a day-long Retry-After is capped at 30 s').to.equal(1);
    await clock.tickAsync(1);
    await until(() => cappedOutcome.current !== undefined, 'loaded after 30 s');
    expect(cappedOutcome.current!.status).to.equal('load');
    expectQuiet(page.probe);
  });

  it('a response that never ends (and one that never starts): the timeout, then the error state, no retry', async () => {
    const page = await openPage('plain.html');
    clock = fakeClock(page);
    const endless = uniqueKey('endless');
    const silent = uniqueKey('silent');
    const a = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src: fixtureUrl('widgets', endless, { stream: 1 }) });
    const b = addWidget(page, 'cities-quote-carousel', {}, { loading: 'eager', src: `${location.origin}/api/feed/${silent}?hang=1` });
    const outcomeA = outcomeOf(a);
    const outcomeB = outcomeOf(b);
    await until(async () => (await seen(endless)).count === 1, 'the endless response started');
    await sleep(100);
    await rendered(a);
    expect(stateOf(a), 'loading while the body streams').to.equal('loading');
    await clock.tickAsync(9999);
    expect(outcomeA.current, 'still waiting before the timeout').to.equal(undefined);
    await clock.tickAsync(1);
    await until(() => outcomeA.current !== undefined && outcomeB.current !== undefined, 'both time out');
    expect(outcomeA.current).to.deep.equal({ status: 'error', message: 'The feed did not answer within 10000 ms' });
    expect(outcomeB.current).to.deep.equal({ status: 'error', message: 'The feed did not answer within 10000 ms' });
    await clock.tickAsync(120_000);
    expect(await countAfterAMoment(endless), 'a timeout is not retried').to.equal(1);
    await rendered(a);
    await rendered(b);
    expect([stateOf(a), stateOf(b)]).to.deep.equal(['error', 'error']);
    expectQuiet(page.probe);
  });

  it('a connection reset mid-body is retried like a network error; a cleanly truncated body is not', async () => {
    const page = await openPage('plain.html');
    clock = fakeClock(page);
    const reset = uniqueKey('reset');
    const truncated = uniqueKey('truncated');
    const a = addWidget(page, 'cities-initiative-feed', {}, { loading: 'eager', src: `${location.origin}/api/feed/${reset}?reset=1` });
    const b = addWidget(page, 'cities-initiative-feed', {}, { loading: 'eager', src: `${location.origin}/api/feed/${truncated}?truncate=1` });
    const outcomeA = outcomeOf(a);
    const outcomeB = outcomeOf(b);
    const count = async (key: string) => (await (await fetch(`/api/count/${key}`)).json()).count as number;
    await until(() => outcomeB.current !== undefined, 'the truncated body failed');
    expect(outcomeB.current).to.deep.equal({ status: 'error', message: 'The feed is not valid JSON' });
    for (let attempt = 1; attempt <= 2; attempt++) {
      await until(async () => (await count(reset)) === attempt, `reset ${attempt}`);
      await waitForBackoff(page, clock);
      await clock.tickAsync(2000);
    }
    await until(() => outcomeA.current !== undefined, 'the reset feed failed');
    expect(outcomeA.current).to.deep.equal({ status: 'error', message: 'The feed connection was interrupted' });
    expect(await count(reset)).to.equal(3);
    expect(await count(truncated)).to.equal(1);
    expectQuiet(page.probe);
  });

  it('the Retry button loads again after a failure, and only when pressed', async () => {
    const page = await openPage('plain.html');
    clock = fakeClock(page);
    const key = uniqueKey('retry');
    const el = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src: fixtureUrl('widgets', key, { status: 404, fail: 1 }) });
    const outcome = outcomeOf(el);
    await until(() => outcome.current !== undefined, 'failed');
    await rendered(el);
    await clock.tickAsync(600_000);
    expect(await countAfterAMoment(key)).to.equal(1);
    const loaded = settled(el);
    shadow(el).querySelector<HTMLButtonElement>('button[part=retry]')!.click();
    expect((await loaded).status).to.equal('load');
    expect(await countAfterAMoment(key)).to.equal(2);
    expectQuiet(page.probe);
  });

  it('a same-origin feed receives no cookies', async () => {
    const page = await openPage('plain.html');
    page.doc.cookie = 'cw_session=secret; path=/';
    try {
      const key = uniqueKey('cookies');
      const control = uniqueKey('cookies-control');
      // Control: a request that does send credentials carries the cookie.
      await page.win.fetch(fixtureUrl('widgets', control), { credentials: 'same-origin' });
      expect((await seen(control)).cookies).to.deep.equal(['cw_session=secret']);
      const el = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src: fixtureUrl('widgets', key) });
      expect((await settled(el)).status).to.equal('load');
      expect((await seen(key)).cookies).to.deep.equal([null]);
      expectQuiet(page.probe);
    } finally {
      page.doc.cookie = 'cw_session=; path=/; max-age=0';
    }
  });
});
