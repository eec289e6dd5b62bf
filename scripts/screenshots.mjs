/**
 * `npm run screenshots`: renders every widget from the demo page in headless Chromium, in light, dark and
 * Arabic (right to left), and writes PNGs to docs/images/ for the README. Needs a build (`npm run build`).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = new URL('../docs/images/', import.meta.url);
const PORT = 8700 + Math.floor(Math.random() * 200);
const TAGS = ['cities-initiative-feed', 'cities-event-countdown', 'cities-quote-carousel', 'cities-news-list'];
const VARIANTS = [
  { name: 'light', lang: 'en', theme: 'light' },
  { name: 'dark', lang: 'en', theme: 'dark' },
  { name: 'ar', lang: 'ar', theme: 'light' },
];

const server = spawn(process.execPath, ['demo/serve.mjs'], { cwd: root, env: { ...process.env, PORT: String(PORT) } });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => String(d).includes('http://') && resolve());
  server.once('exit', () => reject(new Error('demo server exited')));
});
const base = `http://localhost:${PORT}/`;

const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [...chromiumArgs, '--hide-scrollbars'],
});
try {
  await mkdir(out, { recursive: true });
  for (const variant of VARIANTS) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(base, { waitUntil: 'networkidle0' });
    await page.evaluate(({ lang, theme }) => {
      document.documentElement.lang = lang;
      document.body.classList.toggle('dark', theme === 'dark');
      for (const el of document.querySelectorAll('#widgets *')) {
        if (el.tagName.startsWith('CITIES-')) {
          el.setAttribute('theme', theme);
          el.setAttribute('loading', 'eager');
        }
      }
    }, variant);
    // Wait until every widget shows its content (its feed loaded and its language catalog rendered).
    await page.waitForFunction(
      (tags) => tags.every((t) => {
        const el = document.querySelector(t);
        return el?.shadowRoot && !el.shadowRoot.querySelector('.skeleton') && el.shadowRoot.textContent.trim().length > 0;
      }),
      { timeout: 15000 },
      TAGS,
    );
    await new Promise((r) => setTimeout(r, 500));
    for (const tag of TAGS) {
      const el = await page.$(tag);
      const file = new URL(`${tag.replace('cities-', '')}-${variant.name}.png`, out);
      await el.screenshot({ path: fileURLToPath(file) });
      console.log(`wrote docs/images/${tag.replace('cities-', '')}-${variant.name}.png`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
