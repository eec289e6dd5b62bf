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
  // Chromium 156 opens a hidden chrome://omnibox-popup.top-chrome page for every new browser context (every
  // incognito context a benchmark run or a test opens) and spends about a second of CPU loading it, on this
  // 2-core machine while our page loads (measured with a trace of three fresh contexts: three extra renderers
  // of 0.8–1.0 s each, none with these two features off). Puppeteer merges this with its own --disable-features.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** For tests and smoke runs: every tab keeps rendering and its timers run unthrottled. */
export const chromiumArgs = [
  ...chromiumBaseArgs,
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
];
