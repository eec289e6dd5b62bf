/**
 * The one place that knows how to start Debian's Chromium here: as root it needs --no-sandbox; in this
 * closed network the background services only produce failed connections; and pages that run side by side
 * (tabs of one browser) must keep rendering and timing as if they were in front.
 * Used by web-test-runner.config.mjs and the Storybook smoke run, screenshots and benchmark scripts.
 */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Enough to start and stay quiet; background tabs behave as in a real browser (the benchmark needs that). */
export const chromiumBaseArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
];

/** For tests and smoke runs: every tab keeps rendering and its timers run unthrottled. */
export const chromiumArgs = [
  ...chromiumBaseArgs,
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];
