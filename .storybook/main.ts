/**
 * Storybook 10 for the cities-widgets elements (web components, Vite builder).
 *
 *   npm run storybook          dev server on http://localhost:6006/
 *   npm run build-storybook    manifest (npm run analyze) + static build in storybook-static/
 *   npm run test:storybook     opens every story of the build in headless Chromium (scripts/storybook-smoke.mjs)
 *
 * Decorators: the elements use TypeScript's `experimentalDecorators` + `useDefineForClassFields: false`
 * (tsconfig.json); Vite 8's Oxc transform reads both from tsconfig.json, so no extra transform is needed here
 * (the smoke run would catch it: an element whose decorators were left untransformed does not render).
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * For the "Embed code" page: the package version and dist/integrity.json (scripts/integrity.mjs, written by
 * `npm run build`), read once when Storybook starts. Without a build there is no integrity list, and the
 * snippet simply has no `integrity` attribute.
 */
function buildInfo(): { version: string | undefined; integrity: Record<string, string> | undefined } {
  const pkg = readJson('../package.json') as { version?: unknown } | undefined;
  const integrity = readJson('../dist/integrity.json');
  return {
    version: typeof pkg?.version === 'string' ? pkg.version : undefined,
    integrity: integrity && typeof integrity === 'object' ? (integrity as Record<string, string>) : undefined,
  };
}

/**
 * package.json's `sideEffects` lists only the built files (dist/…), so for Vite every module under src/ is free
 * of side effects, and `import '../src/components/<widget>/define.js'` (which only registers the element) would
 * be dropped from the production build. The project's own sources keep their side effects here.
 */
const keepSourceSideEffects: Plugin = {
  name: 'cities-widgets:source-side-effects',
  enforce: 'pre',
  transform(code, id) {
    if (id.includes('/node_modules/') || !/\/(src|stories|demo)\/[^?]*\.(ts|js)$/.test(id)) return undefined;
    return { code, map: null, moduleSideEffects: true };
  },
};

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // Feeds come from files, never from the internet: the demo's sample feed and images at /demo/, the story
  // fixtures at /feeds/ (stories/support/story-feed.ts answers /story-feed/ itself).
  staticDirs: [
    { from: '../demo', to: '/demo' },
    { from: '../stories/feeds', to: '/feeds' },
  ],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), keepSourceSideEffects];
    viteConfig.define = { ...viteConfig.define, __CITIES_WIDGETS_BUILD__: JSON.stringify(buildInfo()) };
    // The preview bundles Storybook's docs renderer (React): big chunks are expected.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 2000 };
    return viteConfig;
  },
};

export default config;
