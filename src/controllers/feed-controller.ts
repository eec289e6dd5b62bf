import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { openCachedFeed } from '../data/cache.js';
import { FeedError, toFeedError } from '../data/errors.js';
import { loadFeed, type LoadOptions } from '../data/loader.js';
import type { ParseResult } from '../data/parse.js';
import { whenNearViewport } from './viewport.js';

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the controller needs from its element. */
export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  /** Absolute feed URL, or undefined when none is configured. */
  readonly feedUrl: string | undefined;
  /** `lazy` waits until the element nears the viewport. */
  readonly feedLoading: 'lazy' | 'eager';
  /** Seconds between refreshes; 0 = never. */
  readonly feedRefresh: number;
  /** Items shown and invalid items dropped, for the `cities-feed-load` event. */
  feedSummary(result: ParseResult): { count: number; skipped: number };
  /**
   * Optional: work the widget does on a new result before it is shown (indexing a large list in slices),
   * so that the render itself stays short. The result is committed when the promise settles.
   */
  prepareFeed?(result: ParseResult): Promise<void> | void;
}

export interface FeedLoadDetail {
  /** Items the widget shows. */
  count: number;
  /** Invalid items dropped from the widget's list. */
  skipped: number;
}

export interface FeedErrorDetail {
  message: string;
}

/**
 * Loads the element's feed and keeps its state: `loading` (nothing to show yet), `ready`, or `error`;
 * `result` may be present in any state (a cached copy while loading, the last good copy after an error).
 */
export class FeedController implements ReactiveController {
  status: FeedStatus = 'idle';
  result: ParseResult | undefined;
  /** The result shown is a copy from an earlier visit that the network has not confirmed yet. */
  stale = false;
  error: FeedError | undefined;

  private url: string | undefined;
  private token = 0;
  private connected = false;
  private cancelWatch: (() => void) | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshDue = false;

  constructor(
    private readonly host: FeedHost,
    private readonly options: LoadOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.url !== undefined) {
      // Reconnected (moved in the DOM): start again from the same URL, keeping what is shown.
      this.start();
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    this.token++;
    this.cancelWatch?.();
    this.cancelWatch = undefined;
    this.clearRefresh();
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** Called by the host before each update: picks up a new URL. */
  hostUpdate(): void {
    const url = this.host.feedUrl;
    if (url === this.url) return;
    this.url = url;
    this.token++;
    this.result = undefined;
    this.error = undefined;
    this.stale = false;
    this.status = url === undefined ? 'idle' : 'loading';
    if (url !== undefined) {
      // Stale-while-revalidate: a copy from an earlier visit is on screen from the first render
      // (a large copy as soon as it is validated, unless the network was faster).
      const cached = openCachedFeed(url);
      if (cached instanceof Promise) {
        void cached.then(async (copy) => {
          if (!copy || this.url !== url || this.result) return;
          await this.host.prepareFeed?.(copy);
          if (this.url !== url || this.result) return;
          this.result = copy;
          this.stale = true;
          this.host.requestUpdate();
        });
      } else if (cached) {
        this.result = cached;
        this.stale = true;
      }
    }
    if (this.connected) this.start();
  }

  /** Fetches again now, bypassing the copy other widgets share (the Retry button). */
  reload(): void {
    if (this.url !== undefined) void this.load(0);
  }

  private start(): void {
    this.cancelWatch?.();
    this.cancelWatch = undefined;
    this.clearRefresh();
    if (this.url === undefined) return;
    if (this.host.feedLoading === 'eager') {
      void this.load();
    } else {
      this.cancelWatch = whenNearViewport(this.host, () => {
        this.cancelWatch = undefined;
        void this.load();
      });
    }
  }

  private async load(maxAge?: number): Promise<void> {
    const url = this.url;
    if (url === undefined) return;
    const token = ++this.token;
    this.clearRefresh();
    if (!this.result) this.status = 'loading';
    this.host.requestUpdate();
    try {
      const options = maxAge === undefined ? this.options : { ...this.options, maxAge };
      const result = await loadFeed(url, options);
      if (token !== this.token) return;
      await this.host.prepareFeed?.(result);
      if (token !== this.token) return;
      this.result = result;
      this.stale = false;
      this.error = undefined;
      this.status = 'ready';
      this.dispatch<FeedLoadDetail>('cities-feed-load', this.host.feedSummary(result));
    } catch (error) {
      if (token !== this.token) return;
      this.error = toFeedError(error);
      this.status = 'error';
      this.dispatch<FeedErrorDetail>('cities-feed-error', { message: this.error.message });
    }
    this.scheduleRefresh();
    this.host.requestUpdate();
  }

  private dispatch<T>(type: string, detail: T): void {
    this.host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  private scheduleRefresh(): void {
    const seconds = this.host.feedRefresh;
    if (!this.connected || !(seconds > 0)) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (document.hidden) this.refreshDue = true;
      else void this.load(seconds * 500);
    }, seconds * 1000);
  }

  private clearRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.refreshDue = false;
  }

  private onVisibility = (): void => {
    if (!document.hidden && this.refreshDue) {
      this.refreshDue = false;
      void this.load(this.host.feedRefresh * 500);
    }
  };
}
