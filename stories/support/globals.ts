/**
 * The toolbar's language, theme and direction, applied to every story and docs page.
 *
 * Rule: what a story sets on its element wins; the toolbar sets the rest, as a partner page would.
 *   - language: the `lang` of a wrapper around the story (the widgets follow their nearest ancestor's `lang`);
 *   - theme: the `theme` attribute of every widget without one (and the wrapper's background);
 *   - direction: `auto` follows the language; `ltr`/`rtl` set `dir` on the wrapper and on every widget
 *     without its own `dir`.
 *
 *   - motion: `reduce` sets `motion="reduce"` on every widget without its own `motion`: the widgets then drop
 *     every animation and automatic rotation exactly as under `prefers-reduced-motion: reduce` (the media query
 *     itself, which no script can change, can still be emulated in the browser's devtools).
 */
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { render, type TemplateResult } from 'lit';

export const LANGUAGES = [
  { value: 'en', title: 'English' },
  { value: 'es', title: 'Español' },
  { value: 'fr', title: 'Français' },
  { value: 'pt', title: 'Português' },
  { value: 'ar', title: 'العربية (right to left)' },
  { value: 'zh-Hans', title: '简体中文' },
];

export const globalTypes: Preview['globalTypes'] = {
  locale: {
    description: 'Language of the page around the widgets (the widgets fall back to English where a catalog is missing)',
    toolbar: { title: 'Language', icon: 'globe', items: LANGUAGES, dynamicTitle: true },
  },
  theme: {
    description: 'theme attribute of every widget that does not set its own',
    toolbar: {
      title: 'Theme',
      icon: 'mirror',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
        { value: 'auto', title: 'Auto (prefers-color-scheme)', icon: 'contrast' },
      ],
      dynamicTitle: true,
    },
  },
  direction: {
    description: 'Text direction: auto follows the language',
    toolbar: {
      title: 'Direction',
      icon: 'transfer',
      items: [
        { value: 'auto', title: 'Direction: from the language' },
        { value: 'ltr', title: 'Left to right' },
        { value: 'rtl', title: 'Right to left' },
      ],
      dynamicTitle: true,
    },
  },
  motion: {
    description: 'Reduced motion: motion="reduce" on every widget (as under prefers-reduced-motion: reduce)',
    toolbar: {
      title: 'Motion',
      icon: 'play',
      items: [
        { value: 'auto', title: 'Motion: follow the system setting' },
        { value: 'reduce', title: 'Reduced motion' },
      ],
      dynamicTitle: true,
    },
  },
};

export const initialGlobals: Preview['initialGlobals'] = { locale: 'en', theme: 'light', direction: 'auto', motion: 'auto' };

const WIDGET = 'cities-initiative-feed, cities-event-countdown, cities-quote-carousel, cities-news-list';

export const withGlobals: Decorator = (story, context) => {
  const locale = String(context.globals['locale'] || 'en');
  const theme = String(context.globals['theme'] || 'light');
  const direction = String(context.globals['direction'] || 'auto');
  const motion = String(context.globals['motion'] || 'auto');
  const frame = document.createElement('div');
  frame.className = 'cities-story';
  frame.lang = locale;
  if (direction === 'ltr' || direction === 'rtl') frame.dir = direction;
  render(story() as TemplateResult | Node, frame);
  const widgets = [...frame.querySelectorAll<HTMLElement>(WIDGET)];
  for (const widget of widgets) {
    if (!widget.hasAttribute('theme')) widget.setAttribute('theme', theme);
    if (frame.dir && !widget.hasAttribute('dir')) widget.setAttribute('dir', frame.dir);
    if (motion === 'reduce' && !widget.hasAttribute('motion')) widget.setAttribute('motion', 'reduce');
  }
  // The box around the story takes the theme of its widgets, so that a dark widget sits on a dark page.
  const themes = new Set(widgets.map((w) => w.getAttribute('theme')));
  frame.dataset['theme'] = themes.size === 1 ? [...themes][0]! : theme;
  return frame;
};
