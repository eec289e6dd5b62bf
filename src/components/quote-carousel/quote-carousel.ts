import { html, nothing, svg, type PropertyValues } from 'lit';
import { msg, str } from '@lit/localize';
import { CitiesElement } from '../../base/cities-element.js';
import { AutoplayController, DEFAULT_INTERVAL } from '../../controllers/autoplay.js';
import type { ParseResult } from '../../data/parse.js';
import type { Quote } from '../../data/schema.js';
import { fold, type ResolvedText } from '../../data/text.js';
import { numberFormat, numberFormatReady, numberFormatSoon } from '../../i18n/format.js';
import { quoteCarouselStyles } from './quote-carousel.styles.js';

export interface QuoteChangeDetail {
  /** Position of the quote now shown, from 0. */
  index: number;
  /** The `id` of that quote in the feed. */
  id: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cities-quote-change': CustomEvent<QuoteChangeDetail>;
  }
}

/** A horizontal swipe shorter than this (CSS px) is not a swipe. */
const SWIPE_MIN = 40;

const chevron = (d: string) =>
  svg`<path d=${d} fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`;
/** Drawn for left-to-right; mirrored on right-to-left pages (class `flip`). */
const backIcon = chevron('M15 5l-7 7 7 7');
const forwardIcon = chevron('M9 5l7 7-7 7');
const pauseIcon = svg`<path d="M8 5v14M16 5v14" stroke="currentColor" stroke-width="3" stroke-linecap="round"/>`;
const playIcon = svg`<path d="M8 5.5v13l11-6.5z" fill="currentColor" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>`;
const quoteMark = html`<svg class="mark" part="mark" viewBox="0 0 32 24" aria-hidden="true" focusable="false">
  <path
    d="M0 24V13.6C0 5.9 4.3 1.3 11.8 0l1.4 3.4C9.3 4.6 7.3 7 7 10.6h6V24H0zm18.8 0V13.6C18.8 5.9 23.1 1.3 30.6 0L32 3.4c-3.9 1.2-5.9 3.6-6.2 7.2h6V24H18.8z"
    fill="currentColor"
  />
</svg>`;

const icon = (path: unknown, flip = false) =>
  html`<svg class=${flip ? 'icon flip' : 'icon'} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;

/**
 * The most quotes a carousel shows, whatever `limit` says: the first 50 of the feed (after `city` and `author`).
 * Every quote is a slide and a tab in the DOM (the slides share one grid cell, so that the height never jumps),
 * and a visitor reads them one at a time: 5,000 quotes made 70,000 nodes and froze the page for 3.6 s.
 */
const MAX_QUOTES = 50;

/** A comparable form of a city or a name: case, accents and spacing folded. */
const normalize = (value: string | undefined) => fold((value ?? '').trim().replace(/\s+/g, ' '));

/**
 * Rotating quotes from the feed's `quotes` list, one at a time: a carousel that follows the WAI-ARIA
 * Authoring Practices carousel pattern ("tabbed": tabs for slide control).
 *
 * A region with `aria-roledescription="carousel"`; each quote a `tabpanel` labelled by its picker tab,
 * holding a `<figure>` with the `<blockquote>` and a `<figcaption>` (portrait, author, role, organization,
 * city, source link). Only the shown slide is reachable and exposed; the others stay in the layout (one
 * grid cell) so the height never jumps. Controls are real buttons, before the slides in the DOM and so in
 * reading and tab order, as in the APG examples (the grid still shows them below the quote): the rotation
 * control (first, only with `autoplay`), previous, next, and the picker: a `tablist` of one tab per quote that is a
 * single tab stop (the tab of the quote shown); Left and Right arrows (mirrored on right-to-left pages, as
 * the dots are) show the previous and next quote, wrapping, Home and End the first and last, and focus
 * follows.
 *
 * Rotation runs only with `autoplay`, never under `prefers-reduced-motion: reduce` until the visitor
 * presses play, pauses while the pointer is over the carousel or keyboard focus is inside it, halts
 * while the page is hidden or the carousel is more than 300px out of view, and stops for good once the
 * visitor pauses it or picks a slide. Touch swipes move between quotes (mirrored on right-to-left pages).
 * One quote shows without controls.
 *
 * @summary Accessible rotating quotes of mayors and experts.
 *
 * @fires {CustomEvent<QuoteChangeDetail>} cities-quote-change - Another quote is shown (by rotation or by the visitor).
 * @fires {CustomEvent<FeedLoadDetail>} cities-feed-load - The feed loaded; `detail.count` is the number of quotes shown after `city`, `author` and `limit`.
 * @fires {CustomEvent<FeedErrorDetail>} cities-feed-error - The feed could not be loaded.
 *
 * @csspart base - The widget's root box.
 * @csspart state - The loading, empty and error blocks.
 * @csspart retry - The Retry button of the error state.
 * @csspart carousel - The card holding the quotes and the controls (also the card of a single quote).
 * @csspart rotation - The button that stops and starts automatic rotation.
 * @csspart slides - The box stacking every slide in one cell (the live region).
 * @csspart slide - One quote's slide.
 * @csspart quote - The `<figure>` of a quote.
 * @csspart mark - The decorative quotation mark.
 * @csspart text - The `<blockquote>`.
 * @csspart caption - The `<figcaption>`: portrait, author, details and source.
 * @csspart portrait - The author's picture.
 * @csspart author - The author's name.
 * @csspart details - Role, organization and city.
 * @csspart source - The link to the source of the quote.
 * @csspart nav - The row of previous, picker and next controls.
 * @csspart previous - The previous-quote button (the name the news ticker's button has too).
 * @csspart prev - The same button, by its first name (kept for existing stylesheets).
 * @csspart next - The next-quote button.
 * @csspart picker - The picker: a `tablist` of one tab per quote.
 * @csspart dot - One picker tab (a button with `role="tab"`).
 * @csspart dot-current - The picker tab of the quote shown (`aria-selected="true"`).
 *
 * @cssprop --cities-quote-font-size - Size of the quote text (default 1.25em, 1.4em in wide containers).
 * @cssprop --cities-quote-mark - Colour of the decorative quotation mark (default: the accent colour).
 * The shared `--cities-*` properties apply too (accent: controls, links and the current picker dot;
 * surface-alt: the card; surface: the round buttons).
 */
export class QuoteCarousel extends CitiesElement {
  static override styles = [...CitiesElement.styles, quoteCarouselStyles];

  /** Reactive properties, as in CitiesElement; each field below documents its attribute. */
  static override properties = {
    autoplay: { type: Boolean },
    interval: { type: Number },
    limit: { type: Number },
    city: {},
    author: {},
    label: {},
    index: { state: true },
  };

  protected readonly list = 'quotes' as const;

  /** Rotate through the quotes automatically (the visitor can stop it; never under reduced motion until they press play). */
  autoplay = false;

  /** Milliseconds each quote stays with `autoplay` (default 7000, minimum 3000). */
  interval = DEFAULT_INTERVAL;

  /** Show at most this many quotes (0, the default: all, up to 50). */
  limit = 0;

  /** Only quotes from this city (accent- and case-insensitive: "bogota" matches "Bogotá"). */
  declare city?: string;

  /** Only quotes by this author (accent- and case-insensitive, whole name). */
  declare author?: string;

  /** Accessible name of the carousel (default "Quotes"); it should not contain the word "carousel". */
  declare label?: string;

  /** Position of the quote shown. */
  private index = 0;

  private readonly __rotation = new AutoplayController(this, {
    advance: () => this.__show(this.index + 1),
    exempt: (target) => target.closest('.rotation') !== null,
  });

  private __selection: { result: ParseResult; key: string; items: Quote[] } | undefined;
  private __swipe: { id: number; x: number; y: number } | undefined;

  /** The quotes shown: filtered by `city` and `author`, cut at `limit`. */
  private __select(result: ParseResult): Quote[] {
    const key = `${this.city ?? ''}\n${this.author ?? ''}\n${this.limit}`;
    if (this.__selection?.result === result && this.__selection.key === key) return this.__selection.items;
    const city = normalize(this.city);
    const author = normalize(this.author);
    let items = result.feed.quotes.filter(
      (q) => (!city || normalize(q.city) === city) && (!author || normalize(q.author) === author),
    );
    const limit = Math.floor(this.limit);
    items = items.slice(0, limit > 0 && limit < MAX_QUOTES ? limit : MAX_QUOTES);
    // Keep the quote on screen when a refresh or a filter moves it.
    const shown = this.__selection?.items[this.index]?.id;
    const kept = shown === undefined ? -1 : items.findIndex((q) => q.id === shown);
    this.index = kept >= 0 ? kept : Math.min(this.index, Math.max(0, items.length - 1));
    this.__selection = { result, key, items };
    return items;
  }

  private get __items(): Quote[] {
    return this.__selection?.items ?? [];
  }

  /** @internal */
  override feedSummary(result: ParseResult): { count: number; skipped: number } {
    return { count: this.__select(result).length, skipped: result.skipped.quotes };
  }

  protected override isEmpty(result: ParseResult): boolean {
    return this.__select(result).length === 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Another feed starts from its first quote, not from the position the last one was at.
    if (changed.has('src')) {
      this.index = 0;
      this.__selection = undefined;
    }
    const result = this.feed.result;
    const count = result ? this.__select(result).length : 0;
    this.__rotation.enabled = this.autoplay && count > 1;
    this.__rotation.interval = this.interval;
    this.__rotation.reduceMotion = this.reducesMotion;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A refresh that moved the quote on screen moves its tab: focus goes with it (a roving tabindex has one stop).
    const active = (this.renderRoot as ShadowRoot).activeElement;
    const dot = this.renderRoot.querySelectorAll<HTMLElement>('.dot')[this.index];
    if (active?.classList.contains('dot') && dot && active !== dot) dot.focus();
  }

  /** Shows quote `i` (wrapping around). */
  private __show(i: number): void {
    const items = this.__items;
    if (items.length < 2) return;
    const next = ((i % items.length) + items.length) % items.length;
    if (next === this.index) return;
    this.index = next;
    this.dispatchEvent(
      new CustomEvent<QuoteChangeDetail>('cities-quote-change', {
        detail: { index: next, id: items[next]!.id },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** The visitor is driving: rotation stops for good. */
  private __go(i: number): void {
    this.__rotation.stop();
    this.__show(i);
  }

  private __prev = (): void => this.__go(this.index - 1);
  private __next = (): void => this.__go(this.index + 1);

  /** The picker's keys (APG tabs, automatic activation): the quote changes and focus follows. */
  private __onPickerKey = (event: KeyboardEvent): void => {
    // The dots run from the inline start: in right-to-left pages ArrowLeft is the next one (as swipes are).
    const step = this.direction === 'rtl' ? -1 : 1;
    const targets: Record<string, number> = {
      Home: 0,
      End: this.__items.length - 1,
      ArrowLeft: this.index - step,
      ArrowRight: this.index + step,
    };
    const to = targets[event.key];
    if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.__go(to);
    this.renderRoot.querySelectorAll<HTMLElement>('.dot')[this.index]!.focus();
  };

  private __toggleRotation = (): void => {
    if (this.__rotation.playing) this.__rotation.stop();
    else this.__rotation.play();
  };

  private __onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' || !event.isPrimary) return;
    this.__swipe = { id: event.pointerId, x: event.clientX, y: event.clientY };
  };

  private __onPointerUp = (event: PointerEvent): void => {
    const start = this.__swipe;
    this.__swipe = undefined;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_MIN || Math.abs(dx) <= Math.abs(dy)) return;
    // Swiping towards the inline start brings the next quote: leftwards in LTR, rightwards in RTL.
    const forward = this.direction === 'rtl' ? dx > 0 : dx < 0;
    this.__go(this.index + (forward ? 1 : -1));
  };

  private __onPointerCancel = (): void => {
    this.__swipe = undefined;
  };

  /**
   * While loading: the card of the loaded carousel, with the quotation mark, the text lines of a typical
   * quote (fewer in wide containers, where the text is larger but the lines longer), the caption and
   * the controls row, so the page does not move when the quotes arrive.
   */
  protected override renderSkeleton(): unknown {
    const bone = (size?: string) => this.bone(size);
    const lines = ['wide', 'wide', 'wide', 'wide', 'wide', 'wide', 'wide', 'narrow wide', 'narrow wide', 'narrow'];
    return this.skeleton(
      'card carousel',
      html`${this.autoplay ? html`<span class="rotation bone" aria-hidden="true"></span>` : nothing}
      <div class="slides" aria-hidden="true">
        <div class="quote">
          <span class="mark bone"></span>
          <div class="text">${lines.map((size) => html`<span class="line ${size}">${bone(size)}</span>`)}</div>
          <div class="caption">
            <span class="who">
              <span class="author">${bone('name')}</span>
              <span class="details">${bone('short')}</span>
            </span>
          </div>
        </div>
      </div>
      <div class="nav" aria-hidden="true">
        <span class="arrow bone"></span>
        <span class="picker">${[0, 1, 2].map(() => html`<span class="dot"></span>`)}</span>
        <span class="arrow bone"></span>
      </div>`,
    );
  }

  /**
   * Not the base's head start (an Intl.NumberFormat built while the feed is on the way): the carousel needs one
   * only for the numbers in its tabs' hidden names, and the page's first costs 15–20 ms, which an instant feed (a
   * saved copy, the HTTP cache) would pay before its first quote shows. Measured with `node bench/run.mjs --only
   * carousel`, three alternating runs of each build: first content 85 → 68 ms (medians), and 171 → 166 ms with
   * the feed answering after 100 ms, when the head start had the network's time.
   */
  protected override whileLoading(): void {}

  /**
   * Until the page has a number format, the tabs' names use plain digits; it is built after the next frame (and
   * on a page whose Intl.NumberFormat throws, never: the plain digits stay, and nothing is thrown at the page).
   */
  private __digitsLater = false;

  protected renderContent(result: ParseResult): unknown {
    const items = this.__select(result);
    if (items.length === 1) {
      return html`<div class="card single" part="carousel">${this.__renderQuote(items[0]!)}</div>`;
    }
    const current = this.index;
    const nf = numberFormatReady() ? numberFormat(this.formatLocale) : undefined;
    if (!nf && !this.__digitsLater) {
      this.__digitsLater = true;
      requestAnimationFrame(() =>
        numberFormatSoon(this.formatLocale).then((built) => {
          if (!built) return;
          this.__digitsLater = false;
          this.requestUpdate();
        }),
      );
    }
    const playing = this.__rotation.playing;
    return html`<section
      class="card carousel"
      part="carousel"
      aria-roledescription=${msg('carousel', { desc: 'Screen readers announce it as the kind of widget: one lower-case word.' })}
      aria-label=${this.label?.trim() || msg('Quotes')}
    >
      ${this.autoplay
        ? html`<button
            class="rotation"
            part="rotation"
            type="button"
            aria-controls="slides"
            @click=${this.__toggleRotation}
          >
            ${icon(playing ? pauseIcon : playIcon)}
            <span class="visually-hidden"
              >${playing ? msg('Stop automatic slide show') : msg('Start automatic slide show')}</span
            >
          </button>`
        : nothing}
      <div class="nav" part="nav">
        <button class="arrow prev" part="prev previous" type="button" aria-controls="slides" @click=${this.__prev}>
          ${icon(backIcon, true)}<span class="visually-hidden">${msg('Previous quote')}</span>
        </button>
        <div class="picker" part="picker" role="tablist" aria-label=${msg('Choose a quote')} @keydown=${this.__onPickerKey}>
          ${items.map(
            (quote, i) => html`<button
              class="dot"
              part=${i === current ? 'dot dot-current' : 'dot'}
              type="button"
              id="dot-${i}"
              role="tab"
              aria-controls="slide-${i}"
              aria-selected=${i === current}
              tabindex=${i === current ? 0 : -1}
              @click=${() => this.__go(i)}
            >
              <span class="visually-hidden">${msg(str`Quote ${nf ? nf.format(i + 1) : i + 1}: ${quote.author}`)}</span>
            </button>`,
          )}
        </div>
        <button class="arrow next" part="next" type="button" aria-controls="slides" @click=${this.__next}>
          ${icon(forwardIcon, true)}<span class="visually-hidden">${msg('Next quote')}</span>
        </button>
      </div>
      <div
        class="slides"
        part="slides"
        id="slides"
        aria-live=${this.__rotation.running ? 'off' : 'polite'}
        aria-atomic="false"
        @pointerdown=${this.__onPointerDown}
        @pointerup=${this.__onPointerUp}
        @pointercancel=${this.__onPointerCancel}
      >
        ${items.map(
          (quote, i) => html`<div
            class=${i === current ? 'slide current' : 'slide'}
            part="slide"
            id="slide-${i}"
            role="tabpanel"
            aria-labelledby="dot-${i}"
            ?inert=${i !== current}
          >
            ${this.__renderQuote(quote)}
          </div>`,
        )}
      </div>
    </section>`;
  }

  private __renderQuote(quote: Quote): unknown {
    const text = this.text(quote.text);
    const details: ResolvedText[] = [this.text(quote.role), this.text(quote.organization)];
    if (quote.city) details.push({ text: quote.city, lang: undefined });
    const shown = details.filter((d) => d.text.trim() !== '');
    return html`<figure class="quote" part="quote">
      ${quoteMark}
      <blockquote part="text" cite=${quote.source_url ?? nothing} lang=${this.langOf(text)} dir="auto">
        <p>${text.text}</p>
      </blockquote>
      <figcaption part="caption">
        ${this.renderImage(quote.image, 'portrait', 48)}
        <span class="who">
          <span class="author" part="author">${quote.author}</span>
          ${shown.length ? html`<span class="details" part="details">${this.__joinDetails(shown)}</span>` : nothing}
          ${quote.source_url
            ? html`<a class="source" part="source" href=${quote.source_url} rel="noopener noreferrer"
                >${msg('Source', { desc: 'Link to where the quote was published.' })}</a
              >`
            : nothing}
        </span>
      </figcaption>
    </figure>`;
  }

  /**
   * "Deputy Mayor, Barcelona City Council, Barcelona", each part in its own language, with the UI
   * language's separator ("، " in Arabic, "，" in Chinese). Not Intl.ListFormat: its lists say "and"
   * (Arabic "و") or, for units, use no separator at all in Chinese.
   */
  private __joinDetails(parts: ResolvedText[]): unknown[] {
    const separator = msg(', ', { desc: 'Separator between the role, the organization and the city of a quote author.' });
    return parts.flatMap((part, i) => {
      const span = html`<span lang=${this.langOf(part)}>${part.text}</span>`;
      return i ? [separator, span] : [span];
    });
  }
}
