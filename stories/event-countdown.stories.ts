import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { brandStory, darkStory, languageStory, rtlStory, stateStories } from './support/states.js';
import { DEMO_ANCHOR, shiftedFeed } from './support/story-feed.js';
import { commonArgTypes, widgetRender } from './support/widget.js';

// `<cities-event-countdown>`: a countdown to the next event of a feed, or to one event given by attributes.
// The feeds here are fixtures whose dates move with the clock (see stories/support/story-feed.ts), so the
// "next", "live" and "ended" stories stay true on any day.
const HOUR = 3_600_000;

/** `2026-12-01T15:00:00+01:00` for an instant, on the hour, written with a fixed offset. */
function isoAt(time: number, offsetMinutes = 60): string {
  const local = new Date(Math.ceil(time / HOUR) * HOUR + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const EVENTS = shiftedFeed('/feeds/events.json');

const meta: Meta = {
  title: 'Widgets/Event countdown',
  component: 'cities-event-countdown',
  render: widgetRender('cities-event-countdown'),
  argTypes: {
    ...commonArgTypes,
    layout: { control: 'inline-radio', options: ['full', 'compact'], table: { category: 'attributes' } },
    event: { control: 'text', table: { category: 'attributes' } },
    date: { control: 'text', table: { category: 'attributes' } },
    end: { control: 'text', table: { category: 'attributes' } },
    label: { control: 'text', table: { category: 'attributes' } },
    url: { control: 'text', table: { category: 'attributes' } },
    location: { control: 'text', table: { category: 'attributes' } },
    'time-zone': { control: 'text', table: { category: 'attributes' } },
    place: { control: 'text', table: { category: 'attributes' } },
    'visitor-time-zone': { control: 'text', table: { category: 'attributes' } },
    'no-seconds': { control: 'boolean', table: { category: 'attributes' } },
    'heading-level': { control: { type: 'number', min: 2, max: 6 }, table: { category: 'attributes' } },
    '--cities-countdown-digit-size': { control: 'text', table: { category: 'css custom properties' } },
    '--cities-countdown-unit-background': { control: 'color', table: { category: 'css custom properties' } },
    '--cities-live': { control: 'color', table: { category: 'css custom properties' } },
    // Read-only: the state the widget shows (`upcoming`, `live`, …); see the cities-countdown-state event.
    state: { control: false },
  },
  args: { src: EVENTS, loading: 'eager' },
};
export default meta;

type Story = StoryObj;

export const NextEvent: Story = {
  name: 'Next event',
  parameters: { docs: { description: { story: 'No `event` attribute: the next event of the feed that has not ended, counted down in the visitor\'s time zone.' } } },
};

export const Compact: Story = { name: 'Layout: compact', args: { layout: 'compact' } };

export const CompactNarrow: Story = { name: 'Layout: compact, narrow', args: { layout: 'compact', width: 280 } };

export const Narrow: Story = { name: 'Narrow container', args: { width: 320 } };

export const NoSeconds: Story = { name: 'Without seconds', args: { 'no-seconds': true } };

export const TimeZones: Story = {
  name: 'Visitor and event time zones',
  args: { 'time-zone': 'Europe/Madrid', place: 'Barcelona', 'visitor-time-zone': 'America/Bogota' },
  parameters: {
    docs: {
      description: {
        story: 'A visitor in Bogotá sees the time in their own zone and in the event\'s: "… your time · 10:30 in Barcelona" (`time-zone` names the place only when its offset matches the event\'s).',
      },
    },
  },
};

export const ChosenEvent: Story = { name: 'One event by id', args: { event: 'bogota-democracy' } };

export const Live: Story = {
  name: 'Live now',
  args: { src: shiftedFeed('/feeds/events-live.json') },
  parameters: { docs: { description: { story: 'The event has started and not ended: "Live now — join".' } } },
};

export const Ended: Story = { name: 'Ended (chosen event)', args: { event: 'ended-workshop' } };

export const NoUpcoming: Story = {
  name: 'Ended, no upcoming events',
  args: { src: shiftedFeed('/feeds/events-past.json') },
};

export const NotFound: Story = { name: 'Event not found', args: { event: 'no-such-event' } };

export const FromAttributes: Story = {
  name: 'Without a feed (attributes)',
  args: {
    src: undefined,
    date: isoAt(Date.now() + 5 * 24 * HOUR),
    end: isoAt(Date.now() + 5 * 24 * HOUR + 2 * HOUR),
    label: 'Metropolis annual meeting',
    url: 'https://www.metropolis.org/events',
    location: 'Barcelona and online',
    'time-zone': 'Europe/Madrid',
  },
  parameters: { docs: { description: { story: 'One event given by `date`, `end`, `label`, `url` and `location`; no feed is read.' } } },
};

export const FromDateOnly: Story = {
  name: 'Without a feed, date only',
  args: { src: undefined, date: isoAt(Date.now() + 26 * HOUR, -300) },
  parameters: { docs: { description: { story: 'Only `date`: the title reads "Upcoming event" and the location "Online".' } } },
};

export const InvalidDate: Story = { name: 'Invalid date', args: { src: undefined, date: 'next Tuesday at 3' } };

export const LongTexts: Story = {
  name: 'Long texts',
  args: { src: shiftedFeed('/feeds/long-texts.json') },
};

export const ManyEvents: Story = {
  name: 'Many items (next of several)',
  args: { src: shiftedFeed('/feeds/many.json'), layout: 'compact' },
  parameters: { docs: { description: { story: 'A feed with many events, in any order: the widget picks the next one that has not ended.' } } },
};

const states = stateStories({ staleAnchor: DEMO_ANCHOR });
export const Loading: Story = { ...states.loading, name: 'State: loading' };
export const Empty: Story = { ...states.empty, name: 'State: empty (no events)' };
export const FeedError: Story = { ...states.error, name: 'State: error' };
export const StaleCopy: Story = { ...states.stale, name: 'State: stale copy' };
export const Dark: Story = { ...darkStory(), name: 'Theme: dark' };
export const DarkLive: Story = { ...darkStory({ src: shiftedFeed('/feeds/events-live.json') }), name: 'Theme: dark, live now' };
export const Brand: Story = { ...brandStory(), name: 'Theme: custom properties' };
export const Spanish: Story = { ...languageStory('es'), name: 'Language: Spanish' };
export const French: Story = { ...languageStory('fr'), name: 'Language: French' };
export const RightToLeft: Story = { ...rtlStory({ src: shiftedFeed('/feeds/rtl.json') }), name: 'Right to left (Arabic)' };
