import { html, nothing, render, type PropertyValues, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { CitiesElement, headingLevel, SKELETON_MAX_ITEMS } from '../../base/cities-element.js';
import { newTab, newTabStyles } from '../../base/new-tab.js';
import { parseDateTime } from '../../data/dates.js';
import type { ParseResult } from '../../data/parse.js';
import type { Initiative, LocalizedText } from '../../data/schema.js';
import { byNewest, newest } from '../../data/order.js';
import { fold, keyOf, resolveText, type ResolvedText } from '../../data/text.js';
import { collator, countryName, numberFormat, prepareFormats } from '../../i18n/format.js';
import { RelativeDatesController } from '../../controllers/relative-dates.js';
import { runInSlices, runSteps, yieldToPage } from '../../data/tasks.js';
import { plural } from '../../i18n/plural.js';
import { initiativeFeedStyles } from './initiative-feed.styles.js';

export type InitiativeLayout = 'list' | 'grid' | 'compact';

const LAYOUTS: readonly InitiativeLayout[] = ['list', 'grid', 'compact'];
const DEFAULT_PAGE_SIZE = 12;
/** Quiet time after the last filter change before the result count is announced and the URL written. */
const SETTLE_MS = 400;
/** The query parameters `sync-url` owns; every other parameter of the page URL is left as it is. */
const PARAMS = { query: 'cw-q', country: 'cw-country', topic: 'cw-topic' } as const;
const MAX_PARAM = 200;

/** One initiative, with what the filters need computed once per feed and language. */
interface Entry {
  item: Initiative;
  time: number;
  city: string;
  /** Numbers of the country and the topics (their place in Index.countryList / topicList). */
  countryId: number;
  topicIds: number[];
  /** Folded search text, built on first use (or ahead of time while the page is idle). */
  hay?: string;
}

interface Index {
  result: ParseResult;
  lang: string;
  entries: Entry[];
  /** Country code → name in the widget's language. */
  names: Map<string, string>;
  /** Topic key → what the select shows: its label in the feed's `topics`, else the topic as first written. */
  labels: Map<string, ResolvedText>;
  /** Topic as written in an initiative → what its tag shows: its label, else the topic as written. */
  tags: Map<string, ResolvedText>;
  /** Every country code and topic key, once, in order of appearance (an entry's countryId / topicIds index them). */
  countryList: string[];
  topicList: string[];
  /** Topic key → its number. */
  topicIds: Map<string, number>;
  /** How many entries have each country and topic, by number: the selects' counts when no attribute filters. */
  byCountry: number[];
  byTopic: number[];
  /** The search text is being built ahead of time. */
  warming?: boolean;
}

interface Base {
  index: Index;
  key: string;
  /** In the feed's order until they are sorted (sorted()): on the first need, or while the page is idle. */
  entries: Entry[];
  sorted: boolean;
  /** Options of the selects, [value, label, label's language] (only with `filterable`). */
  countries: Option[];
  topics: Option[];
  /** How many entries have each country and topic (only with `filterable`): the counts before any choice. */
  countryCounts: Map<string, number>;
  topicCounts: Map<string, number>;
}

interface View {
  base: Base;
  key: string;
  items: Entry[];
  total: number;
  countryCounts: Map<string, number>;
  topicCounts: Map<string, number>;
}

type Option = [value: string, label: string, lang?: string];

/** Counts by number → counts by name, leaving out the zeros. */
function named(names: string[], counts: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < names.length; i++) if (counts[i]) out.set(names[i]!, counts[i]!);
  return out;
}

const NO_TOPIC_IDS: number[] = [];
const NO_DATE = -8.64e15;
/** The card's templates have been prepared on this page (prepareCardTemplates). */
let cardTemplatesReady = false;
/** An initiative with every field the card shows, for preparing its templates before the data is there. */
const SAMPLE: Initiative = {
  id: 'sample',
  title: 'Sample',
  url: 'https://example.org/',
  city: 'Sample',
  country: 'FR',
  region: 'Sample',
  topics: ['sample'],
  summary: 'Sample',
  published: '2020-03-11T00:00:00Z',
  image: { src: 'https://example.org/sample.jpg', alt: 'Sample' },
};
/** Up to this many cards shown, an unsorted feed's newest are picked out instead of sorting all of it. */
const PARTIAL_MAX = 100;
/** Above this many initiatives, the options of the selects are worked out in a task after the index's. */
const SLICED_INDEX_FROM = 500;

const ZWSP = '\u200b';

const tokens = (value: string | undefined): string[] =>
  value ? value.split(',').map(keyOf).filter(Boolean) : [];

/** Runs a callback once things have been quiet for `wait` ms; a pending call runs at once on disconnect. */
class Settle implements ReactiveController {
  private __timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly __wait: number,
    private readonly __callback: () => void,
  ) {
    host.addController(this);
  }

  /** A callback is waiting. */
  get pending(): boolean {
    return this.__timer !== undefined;
  }

  schedule(): void {
    clearTimeout(this.__timer);
    this.__timer = setTimeout(this.flush, this.__wait);
  }

  flush = (): void => {
    if (this.__timer === undefined) return;
    clearTimeout(this.__timer);
    this.__timer = undefined;
    this.__callback();
  };

  hostDisconnected(): void {
    this.flush();
  }
}

/**
 * The network's city initiatives as cards a visitor can search: filtered by city, country and topic,
 * newest first, one page at a time.
 *
 * @summary A searchable feed of city initiatives.
 *
 * @fires {CustomEvent<FeedLoadDetail>} cities-feed-load - The feed loaded; `detail.count` initiatives match the filters (all pages), `detail.skipped` invalid items were dropped.
 * @fires {CustomEvent<FeedErrorDetail>} cities-feed-error - The feed could not be loaded; `detail.message` says why.
 *
 * @csspart base - The widget's root box.
 * @csspart card - One initiative.
 * @csspart title - The initiative's title (a heading, level `heading-level`; the link is inside it).
 * @csspart meta - City, country, region and date.
 * @csspart new-tab - The small icon ending a title link that opens a new tab (`target`).
 * @csspart tag - One topic (its label from the feed's `topics`, else as written).
 * @csspart image - The initiative's image.
 * @csspart summary - The summary, clamped to a few lines.
 * @csspart filter-bar - The search box, the selects and the result count (`filterable`).
 * @csspart show-more - The "Show more" button.
 * @csspart state - The loading, empty, no-result and error blocks.
 * @csspart retry - The Retry button of the error state.
 *
 * @cssprop --cities-accent - Accent colour: links, buttons, tags.
 * @cssprop --cities-on-accent - Text on the accent colour.
 * @cssprop --cities-text - Main text colour.
 * @cssprop --cities-text-muted - Secondary text colour (meta data, labels).
 * @cssprop --cities-surface - Background of the widget.
 * @cssprop --cities-surface-alt - Background of grid cards.
 * @cssprop --cities-border - Border colour.
 * @cssprop --cities-focus - Focus ring colour.
 * @cssprop --cities-radius - Corner radius (default 8px).
 * @cssprop --cities-gap - Space between cards (default 16px).
 * @cssprop --cities-font - Font family (default: inherited from the page).
 * @cssprop --cities-font-size - Base font size (default 16px).
 * @cssprop --cities-image-ratio - Aspect ratio of the images (default `3 / 2`).
 * @cssprop --cities-summary-lines - Lines of summary shown before it is cut (default 3).
 */
export class InitiativeFeed extends CitiesElement {
  static override styles = [...CitiesElement.styles, initiativeFeedStyles, newTabStyles];

  /** Reactive properties, as in CitiesElement; each field below documents its attribute. */
  static override properties = {
    layout: {},
    city: {},
    country: {},
    topic: {},
    limit: { type: Number },
    pageSize: { type: Number, attribute: 'page-size' },
    filterable: { type: Boolean },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    target: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    query: { state: true },
    selectedCountry: { state: true },
    selectedTopic: { state: true },
    pages: { state: true },
  };

  protected readonly list = 'initiatives' as const;

  /** `list` (default), `grid` (columns follow the widget's own width) or `compact` (titles and meta only). */
  layout: InitiativeLayout = 'list';

  /** Only these cities: a comma-separated list, case- and accent-insensitive (`bogota, São Paulo`). */
  declare city?: string;

  /** Only these countries: ISO codes or names, comma-separated (`co, es` or `Colombia`). */
  declare country?: string;

  /** Only initiatives with one of these topics, comma-separated (`mobility, health`): the topics as the initiatives write them, not their labels. */
  declare topic?: string;

  /** Show at most this many initiatives in all (after the filters); 0 (default) for no limit. */
  limit = 0;

  /** Cards per page; a "Show more" button adds the next page (default 12). */
  pageSize = DEFAULT_PAGE_SIZE;

  /** Shows a filter bar: a search box and country and topic selects built from the data. */
  filterable = false;

  /** With `filterable`: keeps the visitor's filters in the page URL (`cw-q`, `cw-country`, `cw-topic`) so a filtered view can be shared. */
  syncUrl = false;

  /**
   * `target` of the title links (`_blank` opens a new tab); links are then `rel="noopener noreferrer"`. With
   * `_blank` or a named target (which opens a new tab the first time) each title ends with a small icon, and
   * screen readers hear "(opens in a new tab)"; not with `_self`, `_parent` or `_top`.
   */
  declare target?: string;

  /** The heading level of each card's title, 2 to 6 (default 3), to fit the page's outline. */
  headingLevel = 3;

  private query = '';
  private selectedCountry = '';
  private selectedTopic = '';
  private pages = 1;

  /** The result count in the live region: it follows the filters once they settle. */
  private __status: string | undefined;
  private __latestStatus = '';
  /** The count region speaks: the visitor changed a filter (until the count changes on its own). */
  private __countSpeaks = false;
  private __memoIndex: Index | undefined;
  private __memoBase: Base | undefined;
  private __memoView: View | undefined;
  private __idle: number | undefined;
  private __urlRead = false;

  /** "3 days ago" kept true while the page stays open. */
  private readonly __dates = new RelativeDatesController(this);

  private readonly __settle = new Settle(this, SETTLE_MS, () => {
    // A visitor's change that leaves the count as it was ("2 initiatives", other ones) is still said: a live
    // region speaks only when its text changes, so an invisible zero-width space comes and goes at its end.
    const again = this.__filteredAt !== '' && this.__status?.replace(ZWSP, '') === this.__latestStatus;
    this.__status = again && !this.__status!.endsWith(ZWSP) ? this.__latestStatus + ZWSP : this.__latestStatus;
    if (this.syncUrl && this.filterable) this.__writeUrl();
    this.requestUpdate();
  });

  private get __size(): number {
    return Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.floor(this.pageSize) : DEFAULT_PAGE_SIZE;
  }

  private get __layoutName(): InitiativeLayout {
    return LAYOUTS.includes(this.layout) ? this.layout : 'list';
  }

  /** @internal */
  override feedSummary(result: ParseResult): { count: number; skipped: number } {
    return { count: this.__view(result).total, skipped: result.skipped.initiatives };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.__stopIdle();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.syncUrl && this.filterable && !this.__urlRead) {
      this.__urlRead = true;
      this.__readUrl();
    }
    if (changed.has('src') || changed.has('city') || changed.has('country') || changed.has('topic') || changed.has('limit') || changed.has('pageSize')) {
      this.pages = 1;
    }
  }

  /** While the feed is on the way: the country names, date and number formats the cards will need. */
  protected override whileLoading(): void {
    // Errors are left to the render, which shows its own state: nothing here may reject unheard.
    prepareFormats(this.formatLocale)
      .then(() => this.__prepareCardTemplates())
      .catch(() => undefined);
  }

  // ---- data -------------------------------------------------------------------------------------

  /** Sorted entries for a feed in the widget's language; rebuilt only when either changes. */
  private index(result: ParseResult): Index {
    const memo = this.__memoIndex;
    if (memo && memo.result === result && memo.lang === this.__indexLang) return memo;
    return runSteps(this.__indexSteps(result));
  }

  private get __indexLang(): string {
    return `${this.language}|${this.formatLocale}`;
  }

  /**
   * Before a feed is shown (the feed controller waits for this): the formatters are built, and a large
   * feed is indexed in slices of a few ms with the page given its turn in between, so that the render that
   * follows only draws a page.
   * @internal For the feed controller (FeedHost), not API.
   */
  async prepareFeed(result: ParseResult): Promise<void> {
    // A small feed can arrive before the formatters (ICU data, 40 ms in all) are built: not in the render.
    await prepareFormats(this.formatLocale);
    if (!cardTemplatesReady) {
      await yieldToPage();
      this.__prepareCardTemplates();
    }
    // The index (country names, topic numbers and the selects' counts; not sorted, see view()) is built
    // before the render, in slices of a few ms for a large feed (a small one fits in one); then the attribute
    // filters and the options of the selects, in a task of their own for a large feed. The render then picks
    // out the first page's newest entries and draws them.
    await runInSlices(this.__indexSteps(result));
    if (result.feed.initiatives.length > SLICED_INDEX_FROM) await yieldToPage();
    if (this.__memoIndex?.result === result) this.__base(this.__memoIndex);
  }

  /**
   * Lit prepares a template (parses its HTML, finds its bindings) the first time it renders it: about a third
   * of the first render of a page of cards (profiled: 9 of 27 ms at 100 initiatives). Rendering one card with
   * every field (SAMPLE) into an inert document prepares the card's templates in a task of their own, once per
   * page, while the feed is on the way (or, when the feed came first, before its index); an inert document
   * loads no image. The render that follows only clones them.
   */
  private __prepareCardTemplates(): void {
    if (cardTemplatesReady || !this.isConnected) return;
    cardTemplatesReady = true;
    const inert = document.implementation.createHTMLDocument('');
    this.localized(() => render(html`<ul>${this.__renderCard(SAMPLE)}</ul>`, inert.body, { host: this, creationScope: inert }));
  }

  /** Builds the index, pausing (yield) every 64 entries. */
  private *__indexSteps(result: ParseResult): Generator<void, Index, void> {
    const lang = this.__indexLang;
    const locale = this.formatLocale;
    this.__stopIdle();
    const names = new Map<string, string>();
    const labels = new Map<string, ResolvedText>();
    const tags = new Map<string, ResolvedText>();
    // The feed's labels, by the same key as the topics they name.
    const named = new Map<string, LocalizedText>();
    for (const [topic, label] of Object.entries(result.feed.topics ?? {})) named.set(keyOf(topic), label);
    // Cities and topics repeat: each distinct string is folded once, and a topic as written maps straight to
    // its number (-1: folds to nothing). The loop runs over every initiative in code that is still cold, so
    // it does as few lookups and calls per entry as it can.
    const cityKeys = new Map<string, string>();
    const topicOf = new Map<string, number>();
    const countryIds = new Map<string, number>();
    const topicIds = new Map<string, number>();
    const byCountry: number[] = [];
    const byTopic: number[] = [];
    const items = result.feed.initiatives;
    const entries: Entry[] = [];
    for (let i = 0; i < items.length; i++) {
      if (i % 64 === 63) yield;
      const item = items[i]!;
      let countryId = countryIds.get(item.country);
      if (countryId === undefined) {
        names.set(item.country, countryName(item.country, locale));
        countryIds.set(item.country, (countryId = countryIds.size));
        byCountry.push(0);
      }
      byCountry[countryId]++;
      let city = cityKeys.get(item.city);
      if (city === undefined) cityKeys.set(item.city, (city = keyOf(item.city)));
      let ids = NO_TOPIC_IDS;
      const topics = item.topics;
      if (topics !== undefined && topics.length) {
        ids = [];
        for (let t = 0; t < topics.length; t++) {
          const topic = topics[t]!;
          let id = topicOf.get(topic);
          if (id === undefined) {
            const k = keyOf(topic);
            const label = named.get(k);
            // Not this.text(): the feed being indexed may not be the one shown yet (prepareFeed).
            const shown = label ? resolveText(label, this.language, result.feed.language) : { text: topic, lang: undefined };
            id = k ? topicIds.get(k) : -1;
            if (id === undefined) {
              labels.set(k, shown);
              topicIds.set(k, (id = topicIds.size));
              byTopic.push(0);
            }
            topicOf.set(topic, id);
            tags.set(topic, shown);
          }
          if (id >= 0 && !ids.includes(id)) {
            ids.push(id);
            byTopic[id]++;
          }
        }
      }
      // The schema already checked the format: the native parser is exact for it and faster.
      const time = item.published === undefined ? NO_DATE : Date.parse(item.published);
      entries.push({
        item,
        time: Number.isNaN(time) ? (parseDateTime(item.published) ?? NO_DATE) : time,
        city,
        countryId,
        topicIds: ids,
        // Present from the start, so that every entry keeps one shape when the search text is added.
        hay: undefined,
      });
    }
    // Not sorted here: the first page only needs the newest few (view()); the whole order waits for a need.
    this.__memoIndex = {
      result,
      lang,
      entries,
      names,
      labels,
      tags,
      countryList: [...countryIds.keys()],
      topicList: [...topicIds.keys()],
      topicIds,
      byCountry,
      byTopic,
    };
    return this.__memoIndex;
  }

  /** The folded text a search looks in: title, summary, city, country names, region, topics and their labels. */
  private __hay(entry: Entry): string {
    if (entry.hay === undefined) {
      const { item } = entry;
      const topics = item.topics ?? [];
      entry.hay = fold(
        [
          this.text(item.title).text,
          this.text(item.summary).text,
          item.city,
          this.__memoIndex?.names.get(item.country) ?? '',
          countryName(item.country, 'en'),
          this.text(item.region).text,
          ...topics,
          ...topics.map((t) => t.replace(/-/g, ' ')),
          ...topics.map((t) => this.__memoIndex?.tags.get(t)?.text ?? ''),
        ].join('\n'),
      );
    }
    return entry.hay;
  }

  /** Sorts a large feed and builds its search text in idle time, so that the first keystroke does not. */
  private __warmUp(base: Base): void {
    const { index } = base;
    if (index.warming || typeof requestIdleCallback !== 'function') return;
    index.warming = true;
    let i = 0;
    const step = (deadline: IdleDeadline): void => {
      this.__idle = undefined;
      if (this.__memoIndex !== index) return;
      // At most 8 ms at a time: an idle period can be 50 ms long, and a busy machine overshoots it.
      const end = performance.now() + Math.min(8, deadline.timeRemaining() - 2);
      // The order first (a sort is one step: 2–3 ms at 5,000 in cold code), then the search text.
      if (this.__memoBase === base) this.__sorted(base);
      while (i < index.entries.length && performance.now() < end) this.__hay(index.entries[i++]!);
      if (i < index.entries.length) this.__idle = requestIdleCallback(step);
    };
    this.__idle = requestIdleCallback(step);
  }

  /** The base's entries newest first, sorted now if they are not yet. */
  private __sorted(base: Base): Entry[] {
    if (!base.sorted) {
      base.entries.sort(byNewest);
      base.sorted = true;
    }
    return base.entries;
  }

  private __stopIdle(): void {
    if (this.__idle === undefined) return;
    cancelIdleCallback(this.__idle);
    this.__idle = undefined;
    // Unfinished: the next render starts it again.
    if (this.__memoIndex) this.__memoIndex.warming = false;
  }

  /** The entries the attributes let through, and the options of the selects. */
  private __base(index: Index): Base {
    const key = [this.city, this.country, this.topic, this.filterable].join('\n');
    const memo = this.__memoBase;
    if (memo && memo.index === index && memo.key === key) return memo;
    const cities = tokens(this.city);
    const countries = tokens(this.country);
    const topics = tokens(this.topic);
    const countryOk = new Map<string, boolean>();
    if (countries.length) {
      for (const [code, name] of index.names) {
        countryOk.set(
          code,
          countries.some((t) => t === code.toLowerCase() || t === keyOf(name) || t === keyOf(countryName(code, 'en'))),
        );
      }
    }
    // Topics are compared by number: a wanted topic the feed does not have matches nothing.
    const topicIds = topics.map((t) => index.topicIds.get(t) ?? -1);
    const entries =
      cities.length || countries.length || topics.length
        ? index.entries.filter(
            (e) =>
              (!cities.length || cities.includes(e.city)) &&
              (!countries.length || countryOk.get(e.item.country)) &&
              (!topics.length || e.topicIds.some((id) => topicIds.includes(id))),
          )
        : index.entries;
    let countryCounts = new Map<string, number>();
    let topicCounts = new Map<string, number>();
    if (this.filterable) {
      // Counted by number, then named once (the options are the countries and topics counted). Without
      // attribute filters, the index counted them while it was built: no second pass over every entry.
      const { countryList, topicList } = index;
      let { byCountry, byTopic }: { byCountry: ArrayLike<number>; byTopic: ArrayLike<number> } = index;
      if (entries !== index.entries) {
        const perCountry = new Uint32Array(countryList.length);
        const perTopic = new Uint32Array(topicList.length);
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i]!;
          perCountry[e.countryId]!++;
          const ids = e.topicIds;
          for (let t = 0; t < ids.length; t++) perTopic[ids[t]!]!++;
        }
        byCountry = perCountry;
        byTopic = perTopic;
      }
      countryCounts = named(countryList, byCountry);
      topicCounts = named(topicList, byTopic);
    }
    const compare = collator(this.formatLocale).compare;
    const byLabel = (a: Option, b: Option) => compare(a[1], b[1]);
    this.__memoBase = {
      index,
      key,
      entries,
      sorted: false,
      countries: [...countryCounts.keys()].map((c): Option => [c, index.names.get(c)!]).sort(byLabel),
      topics: [...topicCounts.keys()]
        .map((t): Option => {
          const label = index.labels.get(t)!;
          return [t, label.text, label.lang];
        })
        .sort(byLabel),
      countryCounts,
      topicCounts,
    };
    return this.__memoBase;
  }

  /** Everything after the visitor's filters and the limit, with the counts for the selects. */
  private __view(result: ParseResult): View {
    const index = this.index(result);
    const base = this.__base(index);
    const query = this.filterable ? this.query : '';
    const country = this.filterable ? this.selectedCountry : '';
    const topic = this.filterable ? this.selectedTopic : '';
    const limit = Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : Infinity;
    // Not folded when empty: the first render would pay the first normalize() and regular expression run.
    const words = query ? fold(query).split(/\s+/).filter(Boolean) : [];
    // No visitor filter: every entry, and the counts worked out with the options.
    const plain = !words.length && !country && !topic;
    // Shown so far, without a visitor filter, from entries not sorted yet: only the newest few are needed.
    const wanted = Math.min(limit, this.pages * this.__size);
    const partial = plain && !base.sorted && wanted <= PARTIAL_MAX && wanted < base.entries.length;
    const key = [query, country, topic, this.limit, partial ? wanted : ''].join('\n');
    const memo = this.__memoView;
    if (memo && memo.base === base && memo.key === key) return memo;

    let countryCounts = base.countryCounts;
    let topicCounts = base.topicCounts;
    const total = (n: number) => Math.min(n, limit);
    if (partial) {
      this.__memoView = { base, key, items: newest(base.entries, wanted), total: total(base.entries.length), countryCounts, topicCounts };
      return this.__memoView;
    }
    const entries = this.__sorted(base);
    const items: Entry[] = plain ? entries : [];
    if (!plain) {
      // Counted by number in typed arrays (a keystroke runs this over every entry), then named once.
      const { countryList, topicList } = base.index;
      const byCountry = new Uint32Array(countryList.length);
      const byTopic = new Uint32Array(topicList.length);
      // Read once: a reactive property's getter is not free, and this loop runs for every entry.
      const filterable = this.filterable;
      const nWords = words.length;
      const topicId = topic ? (base.index.topicIds.get(topic) ?? -1) : -1;
      next: for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        // The first keystroke of a visit runs this loop in V8's unoptimized tiers, where every call and
        // every for-of iterator costs: the text is read without a call once built (the idle warm-up builds
        // it), and the topic ids are walked by index.
        if (nWords) {
          const hay = e.hay ?? this.__hay(e);
          for (let w = 0; w < nWords; w++) if (!hay.includes(words[w]!)) continue next;
        }
        const countryMatch = !country || e.item.country === country;
        const topicMatch = !topic || e.topicIds.includes(topicId);
        if (filterable) {
          if (topicMatch) byCountry[e.countryId]!++;
          if (countryMatch) {
            const ids = e.topicIds;
            for (let t = 0; t < ids.length; t++) byTopic[ids[t]!]!++;
          }
        }
        if (countryMatch && topicMatch) items.push(e);
      }
      countryCounts = named(countryList, byCountry);
      topicCounts = named(topicList, byTopic);
    }
    this.__memoView = { base, key, items, total: total(items.length), countryCounts, topicCounts };
    return this.__memoView;
  }

  // ---- URL --------------------------------------------------------------------------------------

  private __readUrl(): void {
    const params = new URLSearchParams(location.search);
    const read = (name: string) => (params.get(name) ?? '').slice(0, MAX_PARAM);
    this.query = read(PARAMS.query);
    this.selectedCountry = read(PARAMS.country).toUpperCase();
    this.selectedTopic = keyOf(read(PARAMS.topic));
  }

  /**
   * The page (path and hash) the visitor last changed the filters on. In a single-page app the router may have
   * moved on, and removed the widget, before the filters settled: the search must not land in the next page's URL.
   */
  private __filteredAt = '';

  /** Rewrites only our own parameters, leaving every other one byte for byte as it was. */
  private __writeUrl(): void {
    if (location.pathname + location.hash !== this.__filteredAt) return;
    const ours: string[] = Object.values(PARAMS);
    const parts = location.search
      .slice(1)
      .split('&')
      .filter((part) => part && !ours.includes(part.split('=')[0]!));
    const values: [string, string][] = [
      [PARAMS.query, this.query.trim()],
      [PARAMS.country, this.selectedCountry],
      [PARAMS.topic, this.selectedTopic],
    ];
    for (const [name, value] of values) if (value) parts.push(`${name}=${encodeURIComponent(value)}`);
    const search = parts.length ? `?${parts.join('&')}` : '';
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
  }

  // ---- events -----------------------------------------------------------------------------------

  private __filtersChanged(): void {
    this.__countSpeaks = true;
    this.pages = 1;
    this.__filteredAt = location.pathname + location.hash;
    this.__settle.schedule();
  }

  private __onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.__filtersChanged();
  };

  private __onCountry = (event: Event): void => {
    this.selectedCountry = (event.target as HTMLSelectElement).value;
    this.__filtersChanged();
  };

  private __onTopic = (event: Event): void => {
    this.selectedTopic = (event.target as HTMLSelectElement).value;
    this.__filtersChanged();
  };

  private __clearFilters = async (): Promise<void> => {
    this.query = '';
    this.selectedCountry = '';
    this.selectedTopic = '';
    this.__filtersChanged();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus();
  };

  private __showMore = async (): Promise<void> => {
    const first = this.pages * this.__size;
    this.pages += 1;
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('.card')[first]?.focus();
  };

  // ---- rendering --------------------------------------------------------------------------------

  /**
   * "1 initiative", "5 initiatives": one catalog message per plural category (Arabic uses all six,
   * Chinese only `other`), each with the English one/other text as its source.
   */
  private __count(n: number): string {
    const shown = numberFormat(this.formatLocale).format(n);
    return plural(this.locale, n, {
      zero: () => msg(str`${shown} initiatives`, { id: 'initiatives.zero', desc: 'Matching initiatives; plural category zero (Arabic: 0).' }),
      one: () => msg(str`${shown} initiative`, { id: 'initiatives.one', desc: 'Matching initiatives; plural category one.' }),
      two: () => msg(str`${shown} initiatives`, { id: 'initiatives.two', desc: 'Matching initiatives; plural category two (Arabic: 2).' }),
      few: () => msg(str`${shown} initiatives`, { id: 'initiatives.few', desc: 'Matching initiatives; plural category few (Arabic: 3–10).' }),
      many: () => msg(str`${shown} initiatives`, { id: 'initiatives.many', desc: 'Matching initiatives; plural category many (Arabic: 11–99; French and Spanish: millions).' }),
      other: () => msg(str`${shown} initiatives`, { id: 'initiatives.other', desc: 'Matching initiatives; plural category other.' }),
    });
  }

  protected override renderSkeleton(): unknown {
    const page = Math.min(this.__size, this.limit > 0 ? this.limit : Infinity);
    const cards = Math.min(page, SKELETON_MAX_ITEMS);
    const layout = this.__layoutName;
    const compact = layout === 'compact';
    const bone = (size?: string) => this.bone(size);
    // The boxes of a loaded page, with a bone for each line of text a typical card has (a one-line title and two
    // lines of summary; two and three in a narrow widget or a grid's narrow cards, two and two in three columns;
    // the meta line, the topics): what is below the widget moves as little as it can when the cards arrive. No
    // image box, which most cards do not have and which would double a narrow card's height, except on every
    // other row of a grid of two or three columns (the styles), whose row is as tall as its tallest card.
    // "Show more" too, unless `limit` keeps the feed to one page.
    return this.skeleton(
      `feed layout-${layout}`,
      html`${this.filterable ? this.__filtersSkeleton() : nothing}
        <div class="list" aria-hidden="true">
          ${Array.from(
            { length: cards },
            () => html`<div class="item">
              <div class="card">
                <div class="body">
                  <div class="title">${bone('wide')}<span class="narrow"><br />${bone()}</span></div>
                  <p class="meta">${bone('meta')}</p>
                  ${compact
                    ? nothing
                    : html`<p class="summary">${bone('wide')}<br />${bone()}<span class="narrow"><br />${bone()}</span></p>
                        <div class="tags"><span class="tag bone">&nbsp;</span><span class="tag bone">&nbsp;</span></div>`}
                </div>
                ${layout === 'grid' ? html`<div class="bone image"></div>` : nothing}
              </div>
            </div>`,
          )}
        </div>
        ${this.limit > 0 && this.limit <= page ? nothing : html`<span class="button more bone" aria-hidden="true">&nbsp;</span>`}`,
    );
  }

  /**
   * The filter bar's boxes: the same fields, labels and controls (which wrap as the bar's do at every width and
   * text size) and the count line, with bones for their text.
   */
  private __filtersSkeleton(): unknown {
    const field = (search?: boolean) =>
      html`<span class="field ${search ? 'search' : ''}"><span>${this.bone('short')}</span><span class="control">&nbsp;</span></span>`;
    return html`<div class="filters" aria-hidden="true">${field(true)}${field()}${field()}<p class="count">${this.bone('short')}</p></div>`;
  }

  protected renderContent(result: ParseResult): unknown {
    const view = this.__view(result);
    if (view.base.index.entries.length > 500) this.__warmUp(view.base);
    const shown = Math.min(view.total, this.pages * this.__size);
    const filtered = Boolean(this.query.trim() || this.selectedCountry || this.selectedTopic);
    return html`<div class="feed layout-${this.__layoutName}">
      ${this.filterable ? this.__renderFilters(view) : nothing}
      ${view.total === 0
        ? html`<div class="state empty" part="state">
            <p>${msg('No initiatives match these filters.')}</p>
            ${this.filterable && filtered
              ? html`<button class="button" type="button" @click=${this.__clearFilters}>${msg('Clear filters')}</button>`
              : nothing}
          </div>`
        : html`<ul class="list" role="list">
            ${view.items.slice(0, shown).map((entry) => this.__renderCard(entry.item))}
          </ul>`}
      ${shown < view.total
        ? html`<button class="button more" part="show-more" type="button" @click=${this.__showMore}>
            ${msg('Show more')}
          </button>`
        : nothing}
    </div>`;
  }

  private __renderFilters(view: View): unknown {
    const { base, countryCounts, topicCounts } = view;
    this.__latestStatus = this.__count(view.total);
    // Spoken after the visitor's own changes (__filtersChanged), once they settle. A count changed by a refresh,
    // another language or the page's attributes is written at once with the region silent (aria-live off), unless
    // a visitor's change waits: nobody asked, and a bare "9 initiatives" out of the blue says nothing.
    if (!this.__settle.pending && this.__status?.replace(ZWSP, '') !== this.__latestStatus) {
      this.__status = this.__latestStatus;
      this.__countSpeaks = false;
    }
    const number = numberFormat(this.formatLocale);
    // Country names come from Intl in the widget's language: only a topic label can be in another one, so only
    // the topic options have a `lang` binding (a country select can have 200 options).
    const option = ([value, label, lang]: Option, count: number, selected: string, labelled: boolean) => {
      const text = msg(str`${label} (${number.format(count)})`);
      return labelled
        ? html`<option value=${value} .selected=${value === selected} lang=${this.langOf({ text: label, lang })}>${text}</option>`
        : html`<option value=${value} .selected=${value === selected}>${text}</option>`;
    };
    const options = (list: Option[], counts: Map<string, number>, selected: string, labelled = false) => {
      // A selected value the data no longer has (after a refresh, or from the URL) stays selectable.
      const all = selected && !list.some(([v]) => v === selected) ? [...list, [selected, selected] as Option] : list;
      return all.map((o) => option(o, counts.get(o[0]) ?? 0, selected, labelled));
    };
    return html`<div class="filters" part="filter-bar" role="search" aria-label=${msg('Filter initiatives')}>
      <label class="field search">
        <span>${msg('Search')}</span>
        <input type="search" autocomplete="off" enterkeyhint="search" .value=${this.query} @input=${this.__onSearch} />
      </label>
      <label class="field">
        <span>${msg('Country')}</span>
        <select @change=${this.__onCountry}>
          <option value="" .selected=${!this.selectedCountry}>${msg('All countries')}</option>
          ${options(base.countries, countryCounts, this.selectedCountry)}
        </select>
      </label>
      <label class="field">
        <span>${msg('Topic')}</span>
        <select @change=${this.__onTopic}>
          <option value="" .selected=${!this.selectedTopic}>${msg('All topics')}</option>
          ${options(base.topics, topicCounts, this.selectedTopic, true)}
        </select>
      </label>
      <p class="count" role="status" aria-live=${this.__countSpeaks ? 'polite' : 'off'}>${this.__status}</p>
    </div>`;
  }

  private __renderCard(item: Initiative): unknown {
    const compact = this.__layoutName === 'compact';
    const title = this.text(item.title);
    const summary = compact ? undefined : this.text(item.summary);
    const image = !compact && this.showsImage(item.image) ? item.image : undefined;
    const time = parseDateTime(item.published);
    const target = this.target || undefined;
    const leaves = item.url !== undefined && !item.url.startsWith(`${location.origin}/`);
    const country = this.__memoIndex?.names.get(item.country) ?? countryName(item.country, this.formatLocale);
    const region = this.text(item.region);
    return html`<li class="item" data-key=${item.id}>
      <article class="card ${image ? 'has-image' : ''}" part="card" tabindex="-1">
        <div class="body">
          <div class="title" part="title" role="heading" aria-level=${headingLevel(this.headingLevel)} lang=${this.langOf(title)} dir="auto">
            ${item.url
              ? html`<a
                  href=${item.url}
                  target=${target ?? nothing}
                  rel=${target || leaves ? 'noopener noreferrer' : nothing}
                  >${title.text}${target && !/^_(self|parent|top)$/i.test(target) ? newTab(this.locale) : nothing}</a
                >`
              : title.text}
          </div>
          <p class="meta" part="meta">
            <span class="row">
              <span>${msg(str`${item.city}, ${country}`)}</span>
              ${region.text ? html`<span lang=${this.langOf(region)}>${region.text}</span>` : nothing}
              ${time === undefined
                ? nothing
                : html`<time datetime=${item.published!} lang=${this.formatLang}>${this.__dates.format(time, this.formatLocale)}</time>`}
            </span>
          </p>
          ${summary?.text
            ? html`<p class="summary" part="summary" lang=${this.langOf(summary)} dir="auto">${summary.text}</p>`
            : nothing}
          ${!compact && item.topics?.length
            ? html`<ul class="tags" role="list" aria-label=${msg('Topics')}>
                ${item.topics.map((t) => {
                  const tag = this.__memoIndex?.tags.get(t) ?? { text: t, lang: undefined };
                  return html`<li class="tag" part="tag" lang=${this.langOf(tag)}>${tag.text}</li>`;
                })}
              </ul>`
            : nothing}
        </div>
        ${this.renderImage(image)}
      </article>
    </li>`;
  }
}
