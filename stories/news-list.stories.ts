import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { BROKEN_IMAGE } from './support/story-feed.js';
import { brandStory, darkStory, languageStory, rtlStory, stateStories } from './support/states.js';
import { commonArgTypes, widgetRender } from './support/widget.js';

// `<cities-news-list>`: the latest news of a feed (our format or a JSON Feed 1.x). The docs table below comes
// from custom-elements.json, that is from the element's JSDoc.
const meta: Meta = {
  title: 'Widgets/News list',
  component: 'cities-news-list',
  render: widgetRender('cities-news-list'),
  argTypes: {
    ...commonArgTypes,
    layout: { control: 'inline-radio', options: ['list', 'compact', 'ticker'], table: { category: 'attributes' } },
    limit: { control: { type: 'number', min: 1, max: 100 }, table: { category: 'attributes' } },
    'heading-level': { control: { type: 'number', min: 2, max: 6 }, table: { category: 'attributes' } },
    '--cities-news-image-size': { control: 'text', table: { category: 'css custom properties' } },
    '--cities-news-summary-lines': { control: 'text', table: { category: 'css custom properties' } },
  },
  args: { src: '/demo/feed.json', loading: 'eager' },
};
export default meta;

type Story = StoryObj;

export const List: Story = { name: 'Layout: list' };

export const Compact: Story = { name: 'Layout: compact', args: { layout: 'compact' } };

export const Ticker: Story = {
  name: 'Layout: ticker',
  args: { layout: 'ticker' },
  parameters: { docs: { description: { story: 'One headline, on up to two lines beside the buttons in a wide container (three in a narrow one); it changes only when a button is pressed.' } } },
};

export const Narrow: Story = {
  name: 'Narrow container',
  args: { width: 320 },
  parameters: { docs: { description: { story: 'The image goes above the text below 480px of container width (a container query, not the viewport).' } } },
};

export const TickerNarrow: Story = {
  name: 'Layout: ticker, narrow',
  args: { layout: 'ticker', width: 360 },
  parameters: { docs: { description: { story: 'Below 832px (52em of its text size) the headline wraps onto up to three lines, in a box three lines tall, so the ticker keeps its height from one headline to the next.' } } },
};

export const LongTexts: Story = {
  name: 'Long texts and missing images',
  args: { src: '/feeds/long-texts.json' },
  parameters: {
    docs: {
      description: {
        story: `Very long headlines and summaries (clamped to \`--cities-news-summary-lines\`), a headline of one long word, items without an image, and an image that fails to load (\`${BROKEN_IMAGE}\`): its box stays, empty (\`role="img"\` with the alt text).`,
      },
    },
  },
};

export const ManyItems: Story = { name: 'Many items (limit 50)', args: { src: '/feeds/many.json', limit: 50, layout: 'compact' } };

export const HeadingLevel: Story = { name: 'Heading level 2', args: { 'heading-level': 2, limit: 3 } };

export const JsonFeed: Story = {
  name: 'From a JSON Feed',
  args: { src: '/feeds/jsonfeed.json' },
  parameters: { docs: { description: { story: 'A city CMS\'s JSON Feed 1.1 document, read through the same validation and URL rules.' } } },
};

const states = stateStories();
export const Loading: Story = { ...states.loading, name: 'State: loading' };
export const Empty: Story = { ...states.empty, name: 'State: empty' };
export const FeedError: Story = { ...states.error, name: 'State: error' };
export const StaleCopy: Story = { ...states.stale, name: 'State: stale copy' };
export const Dark: Story = { ...darkStory(), name: 'Theme: dark' };
export const DarkTicker: Story = { ...darkStory({ layout: 'ticker' }), name: 'Theme: dark, ticker' };
export const Brand: Story = { ...brandStory(), name: 'Theme: custom properties' };
export const Spanish: Story = { ...languageStory('es'), name: 'Language: Spanish' };
export const French: Story = { ...languageStory('fr'), name: 'Language: French' };
export const RightToLeft: Story = { ...rtlStory(), name: 'Right to left (Arabic)' };
export const RightToLeftTicker: Story = { ...rtlStory({ layout: 'ticker' }), name: 'Right to left, ticker' };
