import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { DEMO_FEED, scopedFeedUrl } from './support/story-feed.js';
// .storybook/preview.ts defines the elements for every story; imported here too so that lit-analyzer (npm run
// lint) checks this template's tags and attributes against them.
import '../src/cities-widgets.js';

/**
 * Every widget together on one page, reading one feed with one request, as on the demo page of `npm start`.
 */
interface OverviewArgs {
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
}

const styles = html`<style>
  .overview {
    container-type: inline-size;
  }
  .overview-grid {
    display: grid;
    gap: 24px;
    grid-template-columns: minmax(0, 1fr);
  }
  .overview-grid > div {
    display: grid;
    gap: 24px;
    align-content: start;
  }
  .overview h2 {
    margin: 0 0 8px;
    font-size: 1.1rem;
  }
  @container (min-width: 900px) {
    .overview-grid {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    }
  }
</style>`;

function render(args: OverviewArgs, context: { id: string }) {
  const src = scopedFeedUrl(DEMO_FEED, context.id);
  const theme = args.theme ?? nothing;
  return html`${styles}
    <div class="overview" lang=${args.lang ?? nothing}>
      <div class="overview-grid">
        <div>
          <section>
            <h2>Initiatives</h2>
            <cities-initiative-feed src=${src} theme=${theme} loading="eager" filterable layout="grid" page-size="6"></cities-initiative-feed>
          </section>
        </div>
        <div>
          <section>
            <h2>Next event</h2>
            <cities-event-countdown src=${src} theme=${theme} loading="eager"></cities-event-countdown>
          </section>
          <section>
            <h2>What they said</h2>
            <cities-quote-carousel src=${src} theme=${theme} loading="eager"></cities-quote-carousel>
          </section>
          <section>
            <h2>Latest news</h2>
            <cities-news-list src=${src} theme=${theme} loading="eager" limit="4" layout="compact"></cities-news-list>
          </section>
        </div>
      </div>
    </div>`;
}

const meta: Meta<OverviewArgs> = {
  title: 'Overview',
  render,
  tags: ['!autodocs'],
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    lang: { control: 'text' },
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<OverviewArgs>;

export const AllWidgets: Story = { name: 'All widgets' };

export const Dark: Story = { name: 'All widgets, dark', args: { theme: 'dark' } };

export const Spanish: Story = {
  name: 'All widgets, en español',
  args: { lang: 'es' },
  parameters: { docs: { description: { story: 'The Spanish catalog loads on demand; feed texts follow the language too.' } } },
};
