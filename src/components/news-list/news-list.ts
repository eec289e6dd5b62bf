import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { CitiesElement, headingLevel, SKELETON_MAX_ITEMS } from '../../base/cities-element.js';
import { parseDateTime } from '../../data/dates.js';
import type { ParseResult } from '../../data/parse.js';
import type { NewsItem } from '../../data/schema.js';
import { listFormat, numberFormat } from '../../i18n/format.js';
import { RelativeDatesController } from '../../controllers/relative-dates.js';
import { newsListStyles } from './news-list.styles.js';

export type NewsLayout = 'list' | 'compact' | 'ticker';

const DEFAULT_LIMIT = 5;

/**
 * The latest news of a feed, newest first: each headline links to its article, with a localized date
 * (relative when recent), a summary, authors and an optional image. The feed may be our own format or a
 * JSON Feed 1.x document (a city's CMS feed); both go through the same validation and URL rules.
 *
 * Embed: `<cities-news-list src="feed.json" limit="5"></cities-news-list>`
 *
 * @summary The latest news of a feed, as a list, compact headlines, or a one-line ticker.
 *
 * @fires {CustomEvent<FeedLoadDetail>} cities-feed-load - The feed loaded; `detail.count` news items are shown (after `limit`), `detail.skipped` invalid ones were dropped.
 * @fires {CustomEvent<FeedErrorDetail>} cities-feed-error - The feed could not be loaded; `detail.message` says why.
 *
 * @csspart base - The widget's root box.
 * @csspart state - The loading, empty and error blocks.
 * @csspart retry - The Retry button of the error state.
 * @csspart list - The list of news items (`list` and `compact` layouts).
 * @csspart item - One news item.
 * @csspart title - An item's headline (a heading holding the link).
 * @csspart link - The headline link to the article.
 * @csspart meta - The line with the date and the authors.
 * @csspart summary - An item's summary (`list` layout).
 * @csspart image - An item's image (`list` layout).
 * @csspart more - The "More news" link to the feed's home page.
 * @csspart ticker - The box of the `ticker` layout.
 * @csspart label - The "Latest news" label of the ticker.
 * @csspart position - The "2 of 5" counter of the ticker.
 * @csspart previous - The ticker's Previous headline button.
 * @csspart next - The ticker's Next headline button.
 *
 * @cssprop --cities-news-image-size - Width of the image beside an item in wide containers (default 160px).
 * @cssprop --cities-news-summary-lines - Lines of summary shown before it is cut with "…" (default 3).
 * @cssprop --cities-accent - Accent colour: links, buttons, the ticker label.
 * @cssprop --cities-text - Main text colour (headlines, summaries).
 * @cssprop --cities-text-muted - Dates, authors and the ticker counter.
 * @cssprop --cities-surface - Background of the widget.
 * @cssprop --cities-border - Lines between items.
 * @cssprop --cities-radius - Corner radius.
 * @cssprop --cities-gap - Space between items.
 */
export class NewsList extends CitiesElement {
  static override styles = [...CitiesElement.styles, newsListStyles];

  /** Reactive properties, as in CitiesElement; each field below documents its attribute. */
  static override properties = {
    limit: { type: Number },
    layout: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  protected readonly list = 'news' as const;

  /** How many news items to show at most (default 5). */
  limit = DEFAULT_LIMIT;

  /**
   * `list` (default): headline, date, authors, summary and image; `compact`: headlines and dates only;
   * `ticker`: one headline, with Previous / Next buttons (it never moves on its own): on up to two lines beside
   * them in a wide container, on up to three below 52em of its text size, 832px at 16px (the ticker keeps the
   * height of two or three lines).
   */
  layout: NewsLayout = 'list';

  /** The heading level of each headline, 2 to 6 (default 3), to fit the page's outline. */
  headingLevel = 3;

  /**
   * The id of the ticker's headline: a refresh that brings a newer item keeps the visitor on the one they read (its
   * polite region would otherwise speak a headline nobody asked for). Another `src` starts from the newest.
   */
  private __headline: string | undefined;

  private __sorted: { source: NewsItem[]; items: NewsItem[] } | undefined;
  /** "2 hours ago" kept true while the page stays open. */
  private readonly __dates = new RelativeDatesController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('src')) this.__headline = undefined;
  }

  /** The items shown: newest first, at most `limit`. */
  protected shown(result: ParseResult): NewsItem[] {
    const news = result.feed.news;
    if (this.__sorted?.source !== news) {
      const time = (item: NewsItem) => parseDateTime(item.published) ?? 0;
      this.__sorted = { source: news, items: [...news].sort((a, b) => time(b) - time(a)) };
    }
    const limit = Number.isFinite(this.limit) && this.limit >= 1 ? Math.floor(this.limit) : DEFAULT_LIMIT;
    return this.__sorted.items.slice(0, limit);
  }

  /** @internal */
  override feedSummary(result: ParseResult): { count: number; skipped: number } {
    return { count: this.shown(result).length, skipped: result.skipped.news };
  }

  private get __layoutName(): NewsLayout {
    return this.layout === 'compact' || this.layout === 'ticker' ? this.layout : 'list';
  }

  /**
   * While loading: the boxes of the loaded layout with bones for text, so the page does not move when
   * the news arrive. `limit` rows (the default 5 without one), each with the title, meta and summary
   * lines of a typical item and, in wide containers, the image box beside it (narrow containers would
   * put it on top, a large box many items do not have); then the "More news" line. Narrow containers
   * get one more line of title and of summary, as the same text wraps into more lines there.
   */
  protected override renderSkeleton(): unknown {
    const layout = this.__layoutName;
    const bone = (size?: string) => this.bone(size);
    if (layout === 'ticker') {
      return this.skeleton(
        'ticker',
        html`<span class="label bone" aria-hidden="true">&nbsp;</span>
        <div class="headline" aria-hidden="true"><span class="line">${bone('wide')}</span></div>
        <div class="tools" aria-hidden="true">
          <span class="time">${bone('date')}</span>
          <span class="position">${bone('count')}</span>
          <span class="button nav bone">&nbsp;</span>
          <span class="button nav bone">&nbsp;</span>
          <span class="more">${bone('date')}</span>
        </div>`,
      );
    }
    const full = layout === 'list';
    const rows = Math.min(Number.isFinite(this.limit) && this.limit >= 1 ? Math.floor(this.limit) : DEFAULT_LIMIT, SKELETON_MAX_ITEMS);
    return this.skeleton(
      `news ${layout}`,
      html`<div class="items" aria-hidden="true">
        ${Array.from(
          { length: rows },
          () => html`<div class="item ${full ? 'has-image' : ''}">
            <div class="body">
              <div class="title">${bone('wide')}<span class="narrow"><br />${bone('short')}</span></div>
              <p class="meta"><span>${bone('date')}</span>${full ? html`<span>${bone('authors')}</span>` : nothing}</p>
              ${full
                ? html`<p class="summary">${bone('wide')}<br />${bone('wide')}<span class="narrow"><br />${bone()}</span></p>`
                : nothing}
            </div>
            ${full ? html`<div class="bone image"></div>` : nothing}
          </div>`,
        )}
      </div>
      <span class="more" aria-hidden="true">${bone('date')}</span>`,
    );
  }

  protected renderContent(result: ParseResult): unknown {
    const items = this.shown(result);
    const layout = this.__layoutName;
    const home = result.feed.home_page_url;
    const more = home
      ? html`<a class="more" part="more" href=${home} rel="noopener noreferrer">${msg('More news')}</a>`
      : nothing;
    if (layout === 'ticker') return this.__renderTicker(items, more);
    return html`<div class="news ${layout}">
      <ul class="items" part="list" role="list" aria-label=${msg('News')}>
        ${items.map((item) => this.__renderItem(item, layout === 'list'))}
      </ul>
      ${more}
    </div>`;
  }

  private __renderItem(item: NewsItem, full: boolean): TemplateResult {
    const image = full && this.showsImage(item.image) ? item.image : undefined;
    const summary = full && item.summary ? this.text(item.summary) : undefined;
    return html`<li class="item ${image ? 'has-image' : ''}" part="item" data-key=${item.id}>
      <div class="body">
        ${this.__renderHeadline(item)}
        <p class="meta" part="meta">${this.__renderDate(item)}${full ? this.__renderAuthors(item) : nothing}</p>
        ${summary
          ? html`<p class="summary" part="summary" dir="auto" lang=${this.langOf(summary)}>${summary.text}</p>`
          : nothing}
      </div>
      ${this.renderImage(image)}
    </li>`;
  }

  private __renderHeadline(item: NewsItem): TemplateResult {
    const title = this.text(item.title);
    // dir="auto" on the block, not the link: an inline with dir="auto" is an isolate, which the paragraph's own
    // direction does not see, so an Arabic headline started on the left.
    return html`<div class="title" part="title" role="heading" aria-level=${headingLevel(this.headingLevel)} dir="auto" lang=${this.langOf(title)}>
      <a part="link" href=${item.url} rel="noopener noreferrer">${title.text}</a>
    </div>`;
  }

  private __renderDate(item: NewsItem): TemplateResult | typeof nothing {
    const time = parseDateTime(item.published);
    if (time === undefined) return nothing;
    return html`<time datetime=${item.published} lang=${this.formatLang}>${this.__dates.format(time, this.formatLocale)}</time>`;
  }

  private __renderAuthors(item: NewsItem): TemplateResult | typeof nothing {
    if (!item.authors?.length) return nothing;
    const names = listFormat(this.formatLocale, { type: 'conjunction' }).format(item.authors);
    return html`<span class="authors">${msg(str`By ${names}`)}</span>`;
  }

  private __renderTicker(items: NewsItem[], more: unknown): TemplateResult {
    const total = items.length;
    const index = this.__headlineIndex(items);
    const item = items[index]!;
    this.__headline = item.id;
    const title = this.text(item.title);
    const count = numberFormat(this.formatLocale);
    const position = msg(str`${count.format(index + 1)} of ${count.format(total)}`, {
      desc: 'Position of the headline shown in the news ticker: 3 of 7.',
    });
    return html`<div class="ticker" part="ticker" role="group" aria-labelledby="ticker-label">
      <span class="label" part="label" id="ticker-label">${msg('Latest news')}</span>
      <div class="headline" aria-live="polite">
        <a part="link" href=${item.url} rel="noopener noreferrer" dir="auto" lang=${this.langOf(title)} title=${title.text}
          >${title.text}</a
        >
      </div>
      <div class="tools">
        ${this.__renderDate(item)}
        ${total > 1
          ? html`<span class="position" part="position">${position}</span>
              <button class="button nav" part="previous" type="button" aria-label=${msg('Previous headline')} @click=${() => this.__step(-1)}>
                <span aria-hidden="true">‹</span>
              </button>
              <button class="button nav" part="next" type="button" aria-label=${msg('Next headline')} @click=${() => this.__step(1)}>
                <span aria-hidden="true">›</span>
              </button>`
          : nothing}
        ${more}
      </div>
    </div>`;
  }

  /** The ticker's headline among the items shown, or the newest when it has gone. */
  private __headlineIndex(items: NewsItem[]): number {
    return Math.max(0, items.findIndex((item) => item.id === this.__headline));
  }

  private __step(delta: number): void {
    const result = this.feed.result;
    const items = result ? this.shown(result) : [];
    const total = items.length;
    if (total === 0) return;
    const index = this.__headlineIndex(items);
    this.__headline = items[(((index + delta) % total) + total) % total]!.id;
    this.requestUpdate();
  }
}
