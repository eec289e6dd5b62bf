import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { FeedController, MIN_REFRESH, type FeedHost } from '../controllers/feed-controller.js';
import { unwatchLanguage, watchLanguage } from '../controllers/language-watch.js';
import type { ParseResult } from '../data/parse.js';
import type { FeedImage, ListName, LocalizedText } from '../data/schema.js';
import { resolveText, type ResolvedText } from '../data/text.js';
import { warmIntl } from '../i18n/format.js';
import {
  directionOf,
  formattingLocale,
  isLocaleSettled,
  loadLocale,
  matchLocale,
  pageDefault,
  requestedLanguage,
  withLocale,
  type Locale,
} from '../i18n/locale.js';
import { baseStyles } from '../styles/base.styles.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * The most placeholder items a skeleton shows (cards, rows). A longer page is taller than any screen, so more
 * would not keep anything on screen from moving; and each placeholder is DOM the page must build, animate and
 * throw away (a feed with `page-size="1000"` built 1,000 skeleton cards).
 */
export const SKELETON_MAX_ITEMS = 24;

/** A `heading-level` attribute's value as a heading level: 2 to 6, anything else 3. */
export function headingLevel(value: number): number {
  return Number.isInteger(value) && value >= 2 && value <= 6 ? value : 3;
}

/**
 * The thin base every widget extends: the shared attributes, the feed controller, language and
 * direction resolution, the theme, and the loading / empty / error states.
 *
 * @fires {CustomEvent<FeedLoadDetail>} cities-feed-load - The feed loaded; `detail.count` items of the widget's list after its filters and `limit`, `detail.skipped` invalid items were dropped.
 * @fires {CustomEvent<FeedErrorDetail>} cities-feed-error - The feed could not be loaded; `detail.message` says why.
 * @csspart base - The widget's root box.
 * @csspart state - The loading, empty and error blocks.
 * @csspart retry - The Retry button of the error state.
 * @cssprop --cities-accent - Accent colour: links, buttons, highlights.
 * @cssprop --cities-on-accent - Text on the accent colour.
 * @cssprop --cities-text - Main text colour.
 * @cssprop --cities-text-muted - Secondary text colour (meta data, dates).
 * @cssprop --cities-surface - Background of the widget.
 * @cssprop --cities-surface-alt - Background of cards and tags.
 * @cssprop --cities-border - Border colour.
 * @cssprop --cities-focus - Focus ring colour.
 * @cssprop --cities-radius - Corner radius (default 8px).
 * @cssprop --cities-gap - Space between items (default 16px).
 * @cssprop --cities-font - Font family (default: inherited from the page).
 * @cssprop --cities-font-size - Base font size (default 16px, independent of the page's root font size); every text size in the widget scales with it.
 */
export abstract class CitiesElement extends LitElement implements FeedHost {
  static override styles = [baseStyles];

  /**
   * Reactive properties, declared here rather than with `@property()` decorators: the decorators' helpers cost
   * 300–460 bytes gzip per page bundle (README "Size and speed"). Each field below documents its attribute.
   * Fields without an initializer are `declare`d; the others, as with decorators, rely on tsconfig.json's
   * `useDefineForClassFields: false` so as not to shadow Lit's accessors.
   */
  static override properties: PropertyDeclarations = {
    src: {},
    theme: {},
    refresh: { type: Number },
    loading: {},
    motion: {},
  };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'dir'];
  }

  /** URL of the JSON feed (relative URLs resolve against the page). Page default: `<meta name="cities-widgets:src">`. */
  declare src?: string;

  /** `light`, `dark`, or `auto` (follows the visitor's colour-scheme preference). Page default: `<meta name="cities-widgets:theme">`, else `light`. */
  declare theme?: Theme;

  /** Re-fetch the feed every N seconds (30 at least) while the page is visible; 0 (default) never. */
  refresh = 0;

  /** `lazy` (default): fetch when the widget nears the viewport; `eager`: fetch at once. */
  loading: 'lazy' | 'eager' = 'lazy';

  /**
   * `reduce`: no animation and no automatic rotation, as under the visitor's `prefers-reduced-motion: reduce`
   * (which is always honoured); for a site's own motion switch and for previews. Page default:
   * `<meta name="cities-widgets:motion">`, else `auto` (follow the visitor's setting).
   */
  declare motion?: 'auto' | 'reduce';

  /** The feed list this widget shows. */
  protected abstract readonly list: ListName;

  protected readonly feed = new FeedController(this);

  /** The UI locale the widget speaks (a supported one). */
  protected locale: Locale = 'en';
  /** The language the widget was asked for (`es-CO`): used for feed text and Intl formatting. */
  protected language = 'en';
  /** The tag given to Intl formatters. */
  protected formatLocale = 'en';
  protected direction: 'ltr' | 'rtl' = 'ltr';

  /** @internal The feed controller's view of `src` (FeedHost), not API. */
  get feedUrl(): string | undefined {
    const src = this.src ?? pageDefault('src');
    if (!src) return undefined;
    try {
      return new URL(src, document.baseURI).href;
    } catch {
      return undefined;
    }
  }

  /** @internal For the feed controller (FeedHost), not API. */
  get feedLoading(): 'lazy' | 'eager' {
    return this.loading === 'eager' ? 'eager' : 'lazy';
  }

  /**
   * @internal For the feed controller (FeedHost), not API.
   * Seconds between refreshes, 0 for none. At least MIN_REFRESH: every visitor's page asks the feed's server, and
   * `refresh="0.05"` (or milliseconds where seconds are meant) would ask it many times a second.
   */
  get feedRefresh(): number {
    return Number.isFinite(this.refresh) && this.refresh > 0 ? Math.max(this.refresh, MIN_REFRESH) : 0;
  }

  /** @internal Items shown and skipped, for `cities-feed-load` (FeedHost). Widgets that filter or limit override it. */
  feedSummary(result: ParseResult): { count: number; skipped: number } {
    return { count: result.feed[this.list].length, skipped: result.skipped[this.list] };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLanguage(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchLanguage(this);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' || name === 'dir') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const language = requestedLanguage(this);
    const locale = matchLocale(language);
    if (!isLocaleSettled(locale)) {
      void loadLocale(locale).then(() => this.requestUpdate());
      // A widget asked for a language whose strings are still on their way: on its first render it shows its
      // skeleton (renderBody); once it has rendered, it goes on in its current language and switches all at
      // once when they arrive, rather than trading its content (and the focus in it) for a skeleton.
      if (this.hasUpdated) return;
    }
    this.language = language;
    this.locale = locale;
    this.formatLocale = formattingLocale(language, locale);
    const dir = this.getAttribute('dir');
    // The direction of the language it speaks: on a Hebrew page a widget speaks English (no Hebrew catalog), and
    // English laid out right to left reads "of 5 1". Feed text keeps its own direction (dir="auto").
    this.direction = dir === 'rtl' || dir === 'ltr' ? dir : directionOf(locale);
  }

  protected override update(changed: PropertyValues): void {
    // Here, not in willUpdate: the feed controller picks up a new URL (and starts loading) after willUpdate.
    if (this.feed.status === 'loading' && !this.feed.result && !this.feed.waitingForViewport) this.whileLoading();
    if (!this.feed.busy) this.__retrying = false;
    const active = (this.renderRoot as ShadowRoot | undefined)?.activeElement;
    // Lists render by position: a refresh that brings a newer item gives the focused link's element to another
    // item. Items carry `data-key` (their id): focus follows its item (`repeat` would cost 0.8 KB gzip a bundle).
    const item = active?.closest<HTMLElement>('[data-key]');
    const key = item?.dataset['key'];
    const at = item ? [...item.querySelectorAll('*')].indexOf(active!) : -1;
    withLocale(this.locale, () => super.update(changed));
    if (key !== undefined && active!.isConnected && active!.closest<HTMLElement>('[data-key]')?.dataset['key'] !== key) {
      const again = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-key]')].find((e) => e.dataset['key'] === key);
      const target = again && (at < 0 ? again : again.querySelectorAll<HTMLElement>('*')[at]);
      // Its item has gone: not the neighbour now in its place, but the widget's box (__rescueFocus).
      if (target) target.focus();
      else (active as HTMLElement).blur();
    }
    this.__rescueFocus(!!active);
  }

  /**
   * Called on each update while the feed is on the way and nothing is shown yet: work the content will need,
   * done meanwhile. Here the page's one-time Intl set-up (the content's numbers and dates need it). Not while
   * a lazy widget waits for the viewport with nothing on its way (`feed.waitingForViewport`): that set-up (15 ms
   * and more) would then run before the IntersectionObserver's callback and hold the request back, and the page
   * would pay for it even when the visitor never scrolls to the widget. A large copy from an earlier visit being
   * read counts as on its way: it is shown before any request matters.
   */
  protected whileLoading(): void {
    warmIntl(this.formatLocale);
  }

  /** Runs `fn` with `msg()` in this widget's language (for strings built outside render). */
  protected localized<T>(fn: () => T): T {
    return withLocale(this.locale, fn);
  }

  /** A feed text in this widget's language. */
  protected text(value: LocalizedText | undefined): ResolvedText {
    return resolveText(value, this.language, this.feed.result?.feed.language);
  }

  /** The `lang` attribute for an element showing `resolved`, when it differs from the widget's. */
  protected langOf(resolved: ResolvedText): string | typeof nothing {
    return resolved.lang && resolved.lang !== this.locale ? resolved.lang : nothing;
  }

  /**
   * The `lang` of text that Intl writes alone (a date, a duration in words) when it is in another language than
   * the widget speaks: German dates in an English widget (no German catalog), read by a screen reader with a
   * German voice. Nothing when the languages agree (`es-CO` formats in a Spanish widget).
   */
  protected get formatLang(): string | typeof nothing {
    return this.formatLocale.split('-')[0] === this.locale.split('-')[0] ? nothing : this.formatLocale;
  }

  /**
   * `src`s of feed images that failed to load. Their box stays where it was (so nothing below it moves, as a
   * lazy image often fails while the visitor is looking), filled like an image that is still loading, instead
   * of a broken-image icon.
   */
  private readonly __brokenImages = new Set<string>();

  /** Whether a feed image has a box: present in the feed (it keeps its box if it fails to load). */
  protected showsImage(image: FeedImage | undefined): image is FeedImage {
    return image !== undefined;
  }

  /**
   * A feed image the one safe way: lazy, no referrer, alt text from the feed (empty = decorative). When it
   * fails to load, an empty box of the same size and part takes its place: `role="img"` with the alt text,
   * or hidden from assistive technology when the image was decorative. `part` is also its class.
   */
  protected renderImage(image: FeedImage | undefined, part = 'image', size?: number): unknown {
    if (!this.showsImage(image)) return nothing;
    const alt = this.text(image.alt);
    const lang = alt.text ? this.langOf(alt) : nothing;
    if (this.__brokenImages.has(image.src)) {
      // An empty <svg>: a replaced element sized by the same CSS as the <img>, so it takes exactly its box.
      return alt.text
        ? html`<svg class="${part} unavailable" part=${part} role="img" aria-label=${alt.text} lang=${lang}></svg>`
        : html`<svg class="${part} unavailable" part=${part} aria-hidden="true"></svg>`;
    }
    return html`<img
      class=${part}
      part=${part}
      src=${image.src}
      alt=${alt.text}
      lang=${lang}
      width=${size ?? nothing}
      height=${size ?? nothing}
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      @error=${this.__onImageError}
    />`;
  }

  private __onImageError = (event: Event): void => {
    const src = (event.target as HTMLImageElement).getAttribute('src');
    if (src === null || this.__brokenImages.has(src)) return;
    this.__brokenImages.add(src);
    this.requestUpdate();
  };

  /** Told to reduce motion by its `motion` attribute or the page default (the media query is CSS's job). */
  protected get reducesMotion(): boolean {
    return (this.motion ?? pageDefault('motion')) === 'reduce';
  }

  protected get resolvedTheme(): Theme {
    const theme = this.theme ?? pageDefault('theme');
    return theme === 'dark' || theme === 'auto' ? theme : 'light';
  }

  protected override render(): TemplateResult {
    return html`<div
      class="root theme-${this.resolvedTheme} ${this.reducesMotion ? 'motion-reduce' : ''}"
      part="base"
      lang=${this.locale}
      dir=${this.direction}
    >
      ${this.renderBody()}<span class="visually-hidden" role="status">${this.statusText()}</span>
    </div>`;
  }

  protected renderBody(): unknown {
    const { status, result } = this.feed;
    // Nothing in a language the widget was not asked for: the skeleton until its strings are here (English
    // only if they fail to load), not English buttons beside Spanish content, spoken twice.
    if (!isLocaleSettled(this.locale)) return this.renderSkeleton();
    if (status === 'idle') return this.renderIdle();
    if (!result) return status === 'error' ? this.renderError() : this.renderSkeleton();
    if (this.isEmpty(result)) return this.renderEmpty();
    return html`${status === 'error' ? this.renderStaleNote() : nothing}${this.renderContent(result)}`;
  }

  /**
   * What the widget's status region says: one `role=status` element that is always there (a live region
   * inserted with its text already in it is often not read out), speaking when the state changes to one the
   * visitor cannot see coming: the feed failed (or could not be refreshed), it is empty, or a retry they asked
   * for is on its way. Not "Loading…" on every page load (four widgets would say it four times), and nothing
   * while content is shown: widgets announce their own changes.
   */
  protected statusText(): string {
    const { status, result } = this.feed;
    if (!isLocaleSettled(this.locale) || status === 'idle') return '';
    if (this.__retrying) return msg('Loading…');
    if (!result) return status === 'error' ? msg('The content could not be loaded.') : '';
    if (status === 'error') return msg('Could not refresh; showing the last saved copy.');
    return this.isEmpty(result) ? msg('Nothing to show here yet.') : '';
  }

  /** The widget's content for a loaded feed. */
  protected abstract renderContent(result: ParseResult): unknown;

  protected isEmpty(result: ParseResult): boolean {
    return result.feed[this.list].length === 0;
  }

  /** Shown while nothing is loaded yet; widgets override it to reserve their own shape. */
  protected renderSkeleton(): unknown {
    return this.skeleton('', html`<div class="bone wide"></div><div class="bone"></div><div class="bone short"></div>`);
  }

  /**
   * The frame every skeleton shares: a busy `part="state"` box with the "Loading…" status for screen
   * readers; `classes` name the widget's own layout, `body` holds its bones (marked aria-hidden by the widget).
   */
  protected skeleton(classes: string, body: unknown): unknown {
    return html`<div class=${classes ? `${classes} skeleton` : 'skeleton'} part="state" aria-busy="true">
      <span class="visually-hidden">${msg('Loading…')}</span>${body}
    </div>`;
  }

  /**
   * One line of placeholder text in a skeleton, as tall as a line of the text it stands for. The zero-width space
   * after it is text in that line: on a page without a doctype (quirks mode) a line of inline-blocks alone has no
   * line height of its own, and every skeleton was shorter than its content.
   */
  protected bone(size = ''): unknown {
    return html`<span class="bone ${size}">&nbsp;</span>&#8203;`;
  }

  protected renderEmpty(): unknown {
    return html`<div class="state empty" part="state"><p>${msg('Nothing to show here yet.')}</p></div>`;
  }

  /** No feed is configured: nothing to load. */
  protected renderIdle(): unknown {
    return html`<div class="state error" part="state">
      <p>${msg('This widget has no feed address to read from.')}</p>
    </div>`;
  }

  protected renderError(): unknown {
    return html`<div class="state error" part="state">
      <p>${msg('The content could not be loaded.')}</p>
      <button class="button" part="retry" type="button" @click=${this.__retry}>${msg('Try again')}</button>
    </div>`;
  }

  protected renderStaleNote(): unknown {
    return html`<p class="stale-note" part="state">
      <span>${msg('Could not refresh; showing the last saved copy.')}</span>
      <button class="button" part="retry" type="button" @click=${this.__retry}>${msg('Try again')}</button>
    </p>`;
  }

  /** A retry the visitor asked for is on its way (the status region says so). */
  private __retrying = false;

  private __retry = (): void => {
    this.__retrying = true;
    this.feed.reload();
  };

  /**
   * Keeps keyboard focus in the widget when a render removes the element that had it (the Retry button as
   * the skeleton replaces the error, the stale note once the refresh worked, a countdown's button when the
   * event starts): without this, focus falls to the page's <body> and the next Tab starts from the top of
   * the page. Focus goes to the Retry button when there is one, else to the widget's root box (focusable only
   * while it holds focus, so clicks and Tab never stop on it), and from there to a Retry button that a later
   * render brings (a retry that failed again).
   */
  private __rescueFocus(hadFocus: boolean): void {
    const root = this.renderRoot as ShadowRoot;
    const box = root.querySelector<HTMLElement>('.root');
    const active = root.activeElement;
    if (!hadFocus || !box || !this.isConnected || (active && !(active === box && box.hasAttribute('tabindex')))) return;
    const retry = root.querySelector<HTMLElement>('[part~="retry"]');
    if (retry) {
      retry.focus({ preventScroll: true });
    } else if (!active) {
      box.tabIndex = -1;
      // Focusable until focus moves on, not when the window loses it (focus comes back to the box then).
      const release = (): void => {
        if (document.hasFocus()) box.removeAttribute('tabindex');
        else box.addEventListener('blur', release, { once: true });
      };
      box.addEventListener('blur', release, { once: true });
      box.focus({ preventScroll: true });
    }
  }
}
