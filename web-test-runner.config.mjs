import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath as executablePath } from './scripts/chromium.mjs';
import { feedMiddleware } from './test/server/feeds.mjs';
import { frameworksMiddleware } from './test/server/frameworks.mjs';
import { localeMiddleware } from './test/server/locales.mjs';
import { pagesMiddleware } from './test/server/pages.mjs';

if (!existsSync(executablePath)) {
  console.error(
    `No Chromium at ${executablePath}: install it (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.`,
  );
  process.exit(1);
}

/**
 * `forced-colors` server command (`executeServerCommand('forced-colors', true | false)`): emulates forced colors
 * (Windows contrast themes) in the test page through the DevTools protocol, which @web/test-runner-commands'
 * emulateMedia does not offer (Puppeteer accepts only prefers-color-scheme, prefers-reduced-motion and
 * color-gamut). The protocol session stays open: closing it would end the emulation.
 */
function forcedColorsPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload ? 'active' : '' }],
      });
      return true;
    },
  };
}

/**
 * `accessible` server command (`executeServerCommand('accessible')`): what Chromium's accessibility tree, the one
 * screen readers read, holds for the element the test put in `window.__accessibleProbe` (shadow roots are no
 * obstacle): `{ role, name, text }`, `text` being its text nodes that are not hidden from assistive technology
 * (`aria-hidden`, `display: none`), in order, joined with spaces; `null` when the probe is not an element.
 */
function accessiblePlugin() {
  return {
    name: 'accessible-command',
    async executeCommand({ command, session }) {
      if (command !== 'accessible') return undefined;
      const client = await session.browser.getPage(session.id).createCDPSession();
      try {
        const { result } = await client.send('Runtime.evaluate', { expression: 'window.__accessibleProbe' });
        if (result.subtype !== 'node') return null;
        const { objectId } = result;
        const { nodes: [node] } = await client.send('Accessibility.getPartialAXTree', { objectId, fetchRelatives: false });
        const { nodes: texts } = await client.send('Accessibility.queryAXTree', { objectId, role: 'StaticText' });
        return {
          role: node?.role?.value ?? '',
          name: node?.name?.value ?? '',
          text: texts.filter((t) => !t.ignored).map((t) => t.name?.value ?? '').join(' '),
        };
      } finally {
        await client.detach();
      }
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  // Test what ships: Lit's production build (no dev-mode banner or warnings).
  nodeResolve: { exportConditions: ['production'] },
  // One test file at a time: a background tab stops rendering, so IntersectionObserver, lazy images and
  // animation frames would stall in the second one.
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), forcedColorsPlugin(), accessiblePlugin()],
  middleware: [feedMiddleware, pagesMiddleware, localeMiddleware, frameworksMiddleware],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
};
