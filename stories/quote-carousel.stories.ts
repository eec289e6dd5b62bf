import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { brandStory, darkStory, languageStory, rtlStory, stateStories } from './support/states.js';
import { commonArgTypes, widgetRender } from './support/widget.js';

// `<cities-quote-carousel>`: quotes of mayors and experts, one at a time, following the WAI-ARIA carousel
// pattern. It rotates only with `autoplay` (never under `prefers-reduced-motion: reduce` until the visitor
// presses play; emulate that media query in the browser's devtools to see it).
const meta: Meta = {
  title: 'Widgets/Quote carousel',
  component: 'cities-quote-carousel',
  render: widgetRender('cities-quote-carousel'),
  argTypes: {
    ...commonArgTypes,
    autoplay: { control: 'boolean', table: { category: 'attributes' } },
    interval: { control: { type: 'number', min: 3000, step: 500 }, table: { category: 'attributes' } },
    limit: { control: { type: 'number', min: 0 }, table: { category: 'attributes' } },
    city: { control: 'text', table: { category: 'attributes' } },
    author: { control: 'text', table: { category: 'attributes' } },
    label: { control: 'text', table: { category: 'attributes' } },
    '--cities-quote-font-size': { control: 'text', table: { category: 'css custom properties' } },
    '--cities-quote-mark': { control: 'color', table: { category: 'css custom properties' } },
  },
  args: { src: '/demo/feed.json', loading: 'eager' },
};
export default meta;

type Story = StoryObj;

export const Default: Story = {
  name: 'Quotes',
  parameters: { docs: { description: { story: 'Previous, next and a picker; only the quote shown is reachable, the others keep the height steady.' } } },
};

export const Autoplay: Story = {
  name: 'Autoplay',
  args: { autoplay: true, interval: 5000 },
  parameters: {
    docs: {
      description: {
        story: 'Rotates every `interval` ms with a stop/start button first in tab order; pauses on hover and focus, stops for good when the visitor takes over.',
      },
    },
  },
};

export const SingleQuote: Story = {
  name: 'One quote (no controls)',
  args: { author: 'Laia Bonet' },
};

export const ByCity: Story = { name: 'Filter: city', args: { city: 'bogota' } };

export const ByAuthor: Story = { name: 'Filter: author', args: { author: 'shi qi' } };

export const NoMatch: Story = { name: 'Filter: nothing matches', args: { city: 'Atlantis' } };

export const Limit: Story = { name: 'Limit (3)', args: { limit: 3 } };

export const Label: Story = { name: 'Accessible name (label)', args: { label: 'What mayors said' } };

export const Narrow: Story = { name: 'Narrow container', args: { width: 300 } };

export const LongTexts: Story = {
  name: 'Long texts and missing images',
  args: { src: '/feeds/long-texts.json' },
  parameters: { docs: { description: { story: 'A very long quote, author and role, a one-word quote, and a portrait that fails to load: its box stays, empty (`role="img"` with the alt text).' } } },
};

export const ManyItems: Story = { name: 'Many items (30)', args: { src: '/feeds/many.json' } };

const states = stateStories();
export const Loading: Story = { ...states.loading, name: 'State: loading' };
export const Empty: Story = { ...states.empty, name: 'State: empty' };
export const FeedError: Story = { ...states.error, name: 'State: error' };
export const StaleCopy: Story = { ...states.stale, name: 'State: stale copy' };
export const Dark: Story = { ...darkStory(), name: 'Theme: dark' };
export const DarkAutoplay: Story = { ...darkStory({ autoplay: true }), name: 'Theme: dark, autoplay' };
export const Brand: Story = { ...brandStory(), name: 'Theme: custom properties' };
export const Spanish: Story = { ...languageStory('es'), name: 'Language: Spanish' };
export const French: Story = { ...languageStory('fr'), name: 'Language: French' };
export const RightToLeft: Story = { ...rtlStory(), name: 'Right to left (Arabic)' };
