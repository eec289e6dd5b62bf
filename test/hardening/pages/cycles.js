/**
 * Runs in a cross-origin isolated window (COOP + COEP, see test/server/pages.mjs), where
 * `performance.measureUserAgentSpecificMemory()` is available: creates, attaches and removes every widget
 * many times, and measures the window's memory after a warm-up and after each of two rounds. Reports on
 * the BroadcastChannel named by the `channel` query parameter: an isolated window has no opener to talk to.
 * The page's probe leaves the browser APIs unwrapped here (the live counts are checked in an iframe by
 * lifecycle.test.ts), so that only the widgets' own memory is measured.
 *
 * Query: feed=URL, cycles=N (default 1000), warmup=N (default 500), readings=N per measurement (default 3),
 * channel=NAME, leak=1 (keep the widgets of the measured cycles: the control that shows the measurement
 * sees a leak).
 */
const params = new URLSearchParams(location.search);
const feed = params.get('feed');
const cycles = Number(params.get('cycles') ?? 1000);
const warmup = Number(params.get('warmup') ?? 500);
/** For the test's control: keep every widget of the measured cycles (a leak the measurement must see). */
const leak = params.get('leak') === '1' ? [] : undefined;
const readings = Number(params.get('readings') ?? 3);
const channel = new BroadcastChannel(params.get('channel') ?? 'cycles');
const TAGS = ['cities-initiative-feed', 'cities-event-countdown', 'cities-quote-carousel', 'cities-news-list'];
const ATTRS = {
  'cities-initiative-feed': { filterable: '', layout: 'grid' },
  'cities-event-countdown': {},
  'cities-quote-carousel': { autoplay: '' },
  'cities-news-list': { refresh: '30', layout: 'ticker' },
};
const slot = document.getElementById('slots');
const report = (message) => channel.postMessage(message);

async function cycle(tag, i) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(ATTRS[tag])) el.setAttribute(name, value);
  el.setAttribute('loading', 'eager');
  el.setAttribute('src', feed);
  slot.append(el);
  if (i % 2 === 0) {
    await el.updateComplete;
    await el.updateComplete;
  }
  el.remove();
  return el;
}

async function run(count, keep) {
  for (const tag of TAGS) {
    for (let i = 0; i < count; i++) {
      const el = await cycle(tag, i);
      if (keep) keep.push(el);
    }
  }
}

/** Allocates large arrays in `frame` (promoted, then dropped) until `done(round)` says so. */
async function pressure(frame, done) {
  const JunkArray = frame.contentWindow.Array;
  const keep = [];
  for (let round = 0; round < 400 && !done(round); round++) {
    for (let i = 0; i < 8; i++) keep.push(new JunkArray(1_000_000).fill(round + 0.5));
    while (keep.length > 48) keep.shift();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  keep.length = 0;
}

/** This window's own part of a measurement: its realm's JavaScript heap and the DOM (reported unattributed). */
function own(result) {
  return result.breakdown
    .filter((entry) => entry.attribution.some((a) => a.url === location.href) || (entry.types.includes('DOM') && entry.attribution.length === 0))
    .reduce((sum, entry) => sum + entry.bytes, 0);
}

/**
 * The memory of this window, not the helper frame's junk nor the memory the browser shares: the median of
 * `readings` measurements (one reading now and then is off by a few hundred kilobytes). A measurement is
 * taken at the next full garbage collection: instead of waiting for one (up to 20 s), one is provoked with
 * junk allocated in a helper iframe, whose memory is reported apart. A full collection runs first (until
 * an old detached element is finalized), so that the readings start from a settled heap.
 */
async function measure() {
  const started = performance.now();
  const frame = document.createElement('iframe');
  document.body.append(frame);
  let finalized = false;
  const registry = new FinalizationRegistry(() => (finalized = true));
  let canary = document.createElement('div');
  registry.register(canary, 'canary');
  await pressure(frame, (round) => {
    if (round === 12) canary = undefined;
    return finalized;
  });
  const values = [];
  for (let i = 0; i < readings; i++) {
    let result;
    const pending = performance.measureUserAgentSpecificMemory().then((r) => (result = r));
    await pressure(frame, () => result !== undefined);
    await pending;
    values.push(own(result));
  }
  frame.remove();
  values.sort((a, b) => a - b);
  return { bytes: values[Math.floor(values.length / 2)], readings: values, ms: Math.round(performance.now() - started) };
}

(async () => {
  try {
    report({ type: 'start', isolated: self.crossOriginIsolated, api: typeof performance.measureUserAgentSpecificMemory });
    if (!self.crossOriginIsolated) throw new Error('not cross-origin isolated');
    await Promise.all(TAGS.map((tag) => customElements.whenDefined(tag)));
    // The feed in memory and in localStorage, the code compiled, formatters built.
    const first = document.createElement('cities-news-list');
    first.setAttribute('loading', 'eager');
    first.setAttribute('src', feed);
    const loaded = new Promise((resolve) => first.addEventListener('cities-feed-load', resolve, { once: true }));
    slot.append(first);
    await loaded;
    first.remove();
    await run(warmup);
    // Measured after the warm-up and after each of two rounds of `cycles` cycles of every widget. What the
    // first cycles leave behind (code optimized on the way, caches filled) is not growth; a leak grows in
    // every round.
    const measurements = [await measure()];
    const elapsed = [];
    for (let round = 0; round < 2; round++) {
      const started = performance.now();
      await run(cycles, leak);
      elapsed.push(Math.round(performance.now() - started));
      await new Promise((resolve) => setTimeout(resolve, 50));
      measurements.push(await measure());
    }
    report({ type: 'done', measurements, warmup, cycles, elapsed, probe: JSON.parse(JSON.stringify(__probe)) });
  } catch (error) {
    report({ type: 'failed', error: String(error && error.stack || error) });
  }
  window.close();
})();
