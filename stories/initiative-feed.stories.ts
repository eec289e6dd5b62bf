import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { brandStory, darkStory, languageStory, rtlStory, stateStories } from './support/states.js';
import { commonArgTypes, widgetRender } from './support/widget.js';

// `<cities-initiative-feed>`: the network's city initiatives as cards, filtered by attributes (`city`,
// `country`, `topic`) and, with `filterable`, by the visitor.
const meta: Meta = {
  title: 'Widgets/Initiative feed',
  component: 'cities-initiative-feed',
  render: widgetRender('cities-initiative-feed'),
  argTypes: {
    ...commonArgTypes,
    layout: { control: 'inline-radio', options: ['list', 'grid', 'compact'], table: { category: 'attributes' } },
    city: { control: 'text', table: { category: 'attributes' } },
    country: { control: 'text', table: { category: 'attributes' } },
    topic: { control: 'text', table: { category: 'attributes' } },
    limit: { control: { type: 'number', min: 0 }, table: { category: 'attributes' } },
    'page-size': { control: { type: 'number', min: 1 }, table: { category: 'attributes' } },
    filterable: { control: 'boolean', table: { category: 'attributes' } },
    'sync-url': { control: 'boolean', table: { category: 'attributes' } },
    target: { control: 'inline-radio', options: ['', '_blank', '_self'], table: { category: 'attributes' } },
    'heading-level': { control: { type: 'number', min: 2, max: 6 }, table: { category: 'attributes' } },
    '--cities-image-ratio': { control: 'text', table: { category: 'css custom properties' } },
    '--cities-summary-lines': { control: 'text', table: { category: 'css custom properties' } },
  },
  args: { src: '/demo/feed.json', loading: 'eager', 'page-size': 4 },
};
export default meta;

type Story = StoryObj;

export const List: Story = { name: 'Layout: list' };

export const Grid: Story = {
  name: 'Layout: grid',
  args: { layout: 'grid', 'page-size': 6 },
  parameters: { docs: { description: { story: 'Columns follow the widget\'s own width: one in a sidebar, up to three on a wide page.' } } },
};

export const GridNarrow: Story = { name: 'Layout: grid, narrow', args: { layout: 'grid', width: 340, 'page-size': 3 } };

export const Compact: Story = { name: 'Layout: compact', args: { layout: 'compact', 'page-size': 8 } };

export const Filterable: Story = {
  name: 'Filter bar (filterable)',
  args: { filterable: true, layout: 'grid', 'page-size': 6 },
  parameters: {
    docs: { description: { story: 'A search box and country and topic selects built from the data, with counts; the result count is announced once the filters settle.' } },
  },
};

export const FilterableNarrow: Story = { name: 'Filter bar, narrow', args: { filterable: true, width: 360, 'page-size': 3 } };

export const SyncUrl: Story = {
  name: 'Filter bar, kept in the page URL (sync-url)',
  args: { filterable: true, 'sync-url': true, layout: 'compact', 'page-size': 6 },
  parameters: {
    docs: {
      description: {
        story: 'The visitor\'s filters go into the page URL (`cw-q`, `cw-country`, `cw-topic`; here the URL of the story\'s frame), so a filtered view can be shared.',
      },
    },
  },
};

export const ByCity: Story = {
  name: 'Filter: city',
  args: { city: 'bogota, São Paulo' },
  parameters: { docs: { description: { story: 'A comma-separated list, case- and accent-insensitive: `bogota` matches Bogotá.' } } },
};

export const ByCountry: Story = {
  name: 'Filter: country',
  args: { country: 'za, Colombia' },
  parameters: { docs: { description: { story: 'ISO codes or names: `za, Colombia`.' } } },
};

export const ByTopic: Story = { name: 'Filter: topic', args: { topic: 'mobility, public space' } };

export const CombinedFilters: Story = {
  name: 'Filters combined, with the filter bar',
  args: { country: 'co, mx, br', topic: 'health', filterable: true },
  parameters: { docs: { description: { story: 'The attributes narrow the data first; the filter bar then offers only what is left.' } } },
};

export const NoMatch: Story = {
  name: 'Filter: nothing matches',
  args: { city: 'Atlantis' },
};

export const LimitAndShowMore: Story = {
  name: 'Limit and "Show more"',
  args: { limit: 10, 'page-size': 4 },
  parameters: { docs: { description: { story: '`limit="10"` caps the total; `page-size="4"` shows four at a time with a "Show more" button.' } } },
};

export const NewTab: Story = {
  name: 'Links in a new tab (target)',
  args: { target: '_blank', layout: 'compact', 'page-size': 5 },
};

export const HeadingLevel: Story = { name: 'Heading level 2', args: { 'heading-level': 2, layout: 'compact', 'page-size': 3 } };

export const LongTexts: Story = {
  name: 'Long texts and missing images',
  args: { src: '/feeds/long-texts.json', layout: 'grid' },
  parameters: {
    docs: {
      description: { story: 'Very long titles, one-word titles, a very long city name, many topics, items without an image or summary, and an image that fails to load: its box stays, empty (`role="img"` with the alt text).' },
    },
  },
};

export const LongTextsList: Story = { name: 'Long texts, list', args: { src: '/feeds/long-texts.json' } };

export const ManyItems: Story = {
  name: 'Many items (240, filterable)',
  args: { src: '/feeds/many.json', filterable: true, layout: 'grid', 'page-size': 12 },
};

const states = stateStories({ args: { layout: 'grid' } });
export const Loading: Story = { ...states.loading, name: 'State: loading' };
export const LoadingFilterable: Story = { ...states.loading, name: 'State: loading, filterable', args: { ...states.loading.args, filterable: true, layout: 'list' } };
export const Empty: Story = { ...states.empty, name: 'State: empty' };
export const FeedError: Story = { ...states.error, name: 'State: error' };
export const StaleCopy: Story = { ...states.stale, name: 'State: stale copy' };
export const Dark: Story = { ...darkStory({ layout: 'grid', filterable: true, 'page-size': 6 }), name: 'Theme: dark' };
export const Brand: Story = { ...brandStory({ layout: 'grid' }), name: 'Theme: custom properties' };
export const Spanish: Story = { ...languageStory('es', { filterable: true }), name: 'Language: Spanish' };
export const French: Story = { ...languageStory('fr', { filterable: true }), name: 'Language: French' };
export const RightToLeft: Story = { ...rtlStory({ filterable: true }), name: 'Right to left (Arabic)' };
