/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { globalTypes, initialGlobals, withGlobals } from '../stories/support/globals.js';
import { publicManifest, type Manifest } from '../stories/support/manifest.js';
import { installStoryFeeds } from '../stories/support/story-feed.js';
// Every element, from the TypeScript sources: the entry of `dist/cities-widgets.js`.
import '../src/cities-widgets.js';

// custom-elements.json is written by `npm run analyze` (run by `npm run build-storybook`). A glob, so that
// `npm run storybook` still starts without it (the docs tables are then empty, with one warning).
const manifests = import.meta.glob<Manifest>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(publicManifest(manifest));
else console.warn('custom-elements.json is missing: run `npm run analyze` for the attribute, event and CSS tables.');

installStoryFeeds();

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes,
  initialGlobals,
  decorators: [withGlobals],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
    options: {
      storySort: {
        order: ['Introduction', 'Overview', 'Embed code', 'Widgets', ['Initiative feed', 'Event countdown', 'Quote carousel', 'News list']],
      },
    },
  },
};

export default preview;
