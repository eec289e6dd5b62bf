/**
 * One render function for every widget story: the story's args become the element's attributes (kebab-case
 * names, exactly as a partner page writes them), the `--cities-*` args become inline custom properties, and the
 * event args (`onCitiesFeedLoad`, from the manifest's `@fires`) become listeners that log to the Actions panel.
 */
import type { ArgTypes, Args, StoryContext } from '@storybook/web-components-vite';
import { installStoryFeeds, scopedFeedUrl, seedStaleCopy, STALE_FEED } from './story-feed.js';

/** Args that shape the story, not the element. */
const STORY_ONLY = new Set(['width']);

const cssCategory = 'css custom properties';
const attributes = 'attributes';

/**
 * Controls for the attributes every element has (src/base/cities-element.ts) and for the custom properties
 * every element reads: a colour picker for a colour, a text box for the rest (lengths, font sizes). Each
 * widget's stories add its own custom properties the same way; without one, Storybook would infer an `object`
 * control from the manifest, whose value is written as `[object Object]`. The first six custom properties are the
 * main ones (those of `brandArgs`, stories/support/states.ts).
 */
export const commonArgTypes: Partial<ArgTypes> = {
  src: { control: 'text', table: { category: attributes } },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'], table: { category: attributes } },
  lang: { control: 'text', table: { category: attributes } },
  dir: { control: 'inline-radio', options: ['ltr', 'rtl'], table: { category: attributes } },
  refresh: { control: { type: 'number', min: 0, step: 30 }, table: { category: attributes } },
  loading: { control: 'inline-radio', options: ['lazy', 'eager'], table: { category: attributes } },
  motion: { control: 'inline-radio', options: ['auto', 'reduce'], table: { category: attributes } },
  '--cities-accent': { control: 'color', table: { category: cssCategory } },
  '--cities-text': { control: 'color', table: { category: cssCategory } },
  '--cities-surface': { control: 'color', table: { category: cssCategory } },
  '--cities-radius': { control: 'text', table: { category: cssCategory } },
  '--cities-gap': { control: 'text', table: { category: cssCategory } },
  '--cities-font': { control: 'text', table: { category: cssCategory } },
  '--cities-on-accent': { control: 'color', table: { category: cssCategory } },
  '--cities-text-muted': { control: 'color', table: { category: cssCategory } },
  '--cities-surface-alt': { control: 'color', table: { category: cssCategory } },
  '--cities-border': { control: 'color', table: { category: cssCategory } },
  '--cities-focus': { control: 'color', table: { category: cssCategory } },
  '--cities-font-size': { control: 'text', table: { category: cssCategory } },
  width: {
    name: 'width',
    description: 'Story only: the width of the box the widget sits in (px), to see its container queries at work.',
    control: { type: 'range', min: 240, max: 1200, step: 10 },
    table: { category: 'story' },
  },
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Creates `<tag>` with the story's args. */
export function renderWidget(tag: string, args: Args, context: Pick<StoryContext, 'id'>): HTMLElement {
  installStoryFeeds();
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null || value === '' || STORY_ONLY.has(name)) continue;
    if (name.startsWith('--')) {
      element.style.setProperty(name, String(value));
    } else if (typeof value === 'function') {
      // onCitiesFeedLoad → cities-feed-load
      if (/^on[A-Z]/.test(name)) element.addEventListener(kebab(name.slice(2)).slice(1), value as EventListener);
    } else if (typeof value === 'boolean') {
      element.toggleAttribute(name, value);
    } else if (name === 'src') {
      element.setAttribute('src', scopedFeedUrl(String(value), context.id));
    } else {
      element.setAttribute(name, String(value));
    }
  }
  const width = Number(args['width']);
  if (!(width > 0)) return element;
  const frame = document.createElement('div');
  frame.style.maxInlineSize = `${width}px`;
  frame.append(element);
  return frame;
}

/** A story `render` for `<tag>`. */
export const widgetRender =
  (tag: string) =>
  (args: Args, context: StoryContext): HTMLElement =>
    renderWidget(tag, args, context);

/**
 * Loader of the stale-copy stories: before the element exists, an earlier visit's copy of `fixture` is put in
 * localStorage under the story's feed URL; the feed itself then fails.
 */
export const staleCopyLoader =
  (fixture?: string, anchor?: string) =>
  async (context: StoryContext): Promise<Record<string, never>> => {
    installStoryFeeds();
    const src = typeof context.args['src'] === 'string' ? context.args['src'] : STALE_FEED;
    await seedStaleCopy(scopedFeedUrl(src, context.id), fixture, anchor);
    return {};
  };
