import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { mountEmbedBuilder } from '../demo/embed-builder.js';

/**
 * The embed-code builder of the demo page (demo/embed-builder.js, also on `npm start` at /embed.html): pick a
 * widget, set its options, see it live and copy the snippet for a partner page.
 *
 * The version comes from package.json and the integrity hashes from dist/integrity.json, both read when
 * Storybook starts (.storybook/main.ts): without a build (`npm run build`), the snippet has no `integrity`.
 */
declare const __CITIES_WIDGETS_BUILD__: { version?: string; integrity?: Record<string, string> };
const { version, integrity } = __CITIES_WIDGETS_BUILD__;

interface BuilderArgs {
  widget: string;
}

const meta: Meta<BuilderArgs> = {
  title: 'Embed code',
  tags: ['!autodocs'],
  parameters: { layout: 'padded', controls: { disable: true } },
  render: (args) => {
    const container = document.createElement('div');
    mountEmbedBuilder(container, {
      sampleFeed: new URL('/demo/feed.json', document.baseURI).href,
      version,
      integrity,
      widget: args.widget,
    });
    return container;
  },
};
export default meta;

type Story = StoryObj<BuilderArgs>;

export const Builder: Story = { name: 'Embed-code builder', args: { widget: 'cities-news-list' } };
