/**
 * The stories every widget has: its feed states (loading, empty, error, stale copy), dark theme, Spanish and
 * French, and right to left. Each widget's stories file exports them under its own names, next to its layouts and filters.
 */
import type { Args, StoryObj } from '@storybook/web-components-vite';
import { ERROR_FEED, LOADING_FEED, STALE_FEED } from './story-feed.js';
import { staleCopyLoader } from './widget.js';

type Story = StoryObj;

export interface StateOptions {
  /** The fixture the stale copy is made of, and its "now" (see story-feed.ts). */
  staleFixture?: string;
  staleAnchor?: string;
  /** Args every state story adds (a layout, a filter). */
  args?: Args;
}

export function stateStories(options: StateOptions = {}): Record<'loading' | 'empty' | 'error' | 'stale', Story> {
  const extra = options.args ?? {};
  return {
    loading: {
      name: 'State: loading',
      args: { ...extra, src: LOADING_FEED },
      parameters: { docs: { description: { story: 'The feed never answers: the skeleton keeps the widget\'s space, and screen readers hear "Loading…".' } } },
    },
    empty: {
      name: 'State: empty',
      args: { ...extra, src: '/feeds/empty.json' },
      parameters: { docs: { description: { story: 'The feed is valid but its list is empty.' } } },
    },
    error: {
      name: 'State: error',
      args: { ...extra, src: ERROR_FEED },
      parameters: { docs: { description: { story: 'The feed answers HTTP 503 and no earlier copy exists: a friendly message and *Try again*.' } } },
    },
    stale: {
      name: 'State: stale copy',
      args: { ...extra, src: STALE_FEED },
      loaders: [staleCopyLoader(options.staleFixture, options.staleAnchor)],
      parameters: {
        docs: {
          description: {
            story: 'The feed fails, but an earlier visit left a copy in localStorage: it is shown with the discreet "could not refresh" note.',
          },
        },
      },
    },
  };
}

/** The dark theme on its designed tokens. */
export const darkStory = (args: Args = {}): Story => ({
  name: 'Theme: dark',
  args: { ...args, theme: 'dark' },
});

/** Right to left: Arabic content, interface strings and layout. */
export const rtlStory = (args: Args = {}): Story => ({
  name: 'Right to left (Arabic)',
  args: { src: '/feeds/rtl.json', ...args, lang: 'ar' },
  parameters: {
    docs: {
      description: {
        story:
          'A feed in Arabic with `lang="ar"`: the direction follows the language (`dir` overrides it), the interface strings are Arabic, and so is every feed text that has an Arabic version (the initiative feed\'s topic labels too).',
      },
    },
  },
});

const LANGUAGE_NAMES = { es: 'Spanish', fr: 'French' } as const;

/**
 * Spanish or French, set on the element (the toolbar's language does not change it): the interface strings, the
 * dates and numbers, and the feed's texts in that language (the sample feeds have them).
 */
export const languageStory = (lang: keyof typeof LANGUAGE_NAMES, args: Args = {}): Story => ({
  name: `Language: ${LANGUAGE_NAMES[lang]}`,
  args: { ...args, lang },
  parameters: {
    docs: {
      description: {
        story: `\`lang="${lang}"\`: the interface strings, dates and numbers are in ${LANGUAGE_NAMES[lang]}, and so is every feed text that has a \`${lang}\` version.`,
      },
    },
  },
});

/** The main custom properties changed together: a partner's brand. */
export const brandArgs: Args = {
  '--cities-accent': '#7a1f5c',
  '--cities-text': '#1e1a24',
  '--cities-surface': '#fbf7f2',
  '--cities-radius': '16px',
  '--cities-gap': '20px',
  '--cities-font': 'Georgia, "Times New Roman", serif',
};

export const brandStory = (args: Args = {}): Story => ({
  name: 'Theme: custom properties',
  args: { ...args, ...brandArgs },
  parameters: {
    docs: {
      description: {
        story: 'A partner\'s brand through the `--cities-*` custom properties set on the element (see the Controls).',
      },
    },
  },
});
