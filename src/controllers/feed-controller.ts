import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { openCachedFeed } from '../data/cache.js';
import { FeedError, toFeedError } from '../data/errors.js';
import { feedLoaded, loadFeed } from '../data/loader.js';
import { MAX_DELAY } from '../data/tasks.js';
import type { ParseResult } from '../data/parse.js';
import { whenNearViewport } from './viewport.js';

/** The shortest `refresh` period, in seconds (the time other widgets reuse a result for: README "How it loads"). */
export const MIN_REFRESH = 30;

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
  /**
   * Items of the widget's list after its filters and `limit` (the initiative feed: across all its pages; the
   * countdown: every valid event of the feed).
   */
  count: number;
  /** Invalid items dropped from the widget's list. */
  skipped: number;
}

export interface FeedErrorDetail {
  message: string;
}

declare global {
  /**
   * The events every element fires, typed for `addEventListener` on the element, on any ancestor (they bubble
   * and are composed) and on `document` or `window`: `event.detail` needs no cast.
   */
  interface GlobalEventHandlersEventMap {
    'cities-feed-load': CustomEvent<FeedLoadDetail>;
    'cities-feed-error': CustomEvent<FeedErrorDetail>;
  }
}

/**
 * Loads the element's feed and keeps its state: `loading` (nothing to show yet), `ready`, or `error`;
 * `result` may be present in any state (a cached copy while loading, the last good copy after an error).
 */
export class FeedController implements ReactiveController {
  status: FeedStatus = 'idle';
  /** A request for the feed is on its way, whatever is shown meanwhile (a copy, an error note). */
  busy = false;
  result: ParseResult | undefined;
  /** The result shown is a copy from an earlier visit that the network has not confirmed yet. */
  stale = false;
  error: FeedError | undefined;
  private __url: string | undefined;
  /** A lazy widget watches for the viewport: its feed is not requested yet. */
  private __watching = false;
  /** A large copy from an earlier visit is being validated (in slices) for the widget to show. */
  private __readingCopy = false;
  private __token = 0;
  /** Aborted when the load on its way is no longer wanted (removed, another URL, a newer load). */
  private __abort: AbortController | undefined;
  private __connected = false;
  private __cancelWatch: (() => void) | undefined;
  private __refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private __refreshDue = false;
  /** The `refresh` period the timer was set for (0: none). */
  private __refresh = 0;
  /** The URL whose error is shown, while the controller waits for a way out of it (see __recover). */
  private __stuck: string | undefined;

  constructor(private readonly __host: FeedHost) {
    __host.addController(this);
  }

  /**
   * A lazy widget waits to come near the viewport with nothing on its way: no request yet, and no copy from an
   * earlier visit being read (`status` is `loading`). Work meant for the time the feed takes to arrive is better
   * left until then: it would hold the request back, and cost a page whose visitor never scrolls there.
   */
  get waitingForViewport(): boolean {
    return this.__watching && !this.__readingCopy;
  }

  hostConnected(): void {
    this.__connected = true;
    document.addEventListener('visibilitychange', this.__onVisibility);
    if (this.__url !== undefined) {
      // Reconnected (moved in the DOM): start again from the same URL, keeping what is shown; with another URL
      // (`src` changed while it was out) the update that picks it up starts, and the old one is not asked again.
      if (this.__host.feedUrl === this.__url) this.__start();
      else this.__host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.__connected = false;
    this.__token++;
    this.__letGo();
    this.busy = false;
    this.__cancelWatch?.();
    this.__cancelWatch = undefined;
    this.__watching = false;
    this.__clearRefresh();
    document.removeEventListener('visibilitychange', this.__onVisibility);
  }

  /** Called by the host before each update: picks up a new URL, and `loading` or `refresh` changed later. */
  hostUpdate(): void {
    const url = this.__host.feedUrl;
    if (url === this.__url) {
      if (!this.__connected || url === undefined) return;
      // Made eager while it waits for the viewport: load now. Once loaded, a new `refresh` period starts now
      // (a load on its way reads it when it ends).
      if (this.__watching) {
        if (this.__host.feedLoading === 'eager') this.__start();
      } else if (this.__host.feedRefresh !== this.__refresh && !this.busy) {
        this.__scheduleRefresh();
      }
      return;
    }
    this.__url = url;
    this.__token++;
    this.__letGo();
    this.busy = false;
    this.result = undefined;
    this.error = undefined;
    this.stale = false;
    this.__readingCopy = false;
    this.status = url === undefined ? 'idle' : 'loading';
    if (url !== undefined) {
      // Stale-while-revalidate: a copy from an earlier visit is on screen from the first render
      // (a large copy as soon as it is validated, unless the network was faster).
      const cached = openCachedFeed(url);
      if (cached instanceof Promise) {
        this.__readingCopy = true;
        void cached.then(async (copy) => {
          if (this.__url === url) this.__readingCopy = false;
          if (!copy || this.__url !== url || this.result) return;
          await this.__host.prepareFeed?.(copy);
          if (this.__url !== url || this.result) return;
          this.result = copy;
          this.stale = true;
          this.__host.requestUpdate();
        });
      } else if (cached) {
        this.result = cached;
        this.stale = true;
      }
    }
    if (this.__connected) this.__start();
  }

  /** Fetches again now, bypassing the copy other widgets share (the Retry button). */
  reload(): void {
    if (this.__url !== undefined) void this.__load(0);
  }

  private __start(): void {
    this.__cancelWatch?.();
    this.__cancelWatch = undefined;
    this.__watching = false;
    this.__clearRefresh();
    if (this.__url === undefined) return;
    if (this.__host.feedLoading === 'eager') {
      void this.__load();
    } else {
      this.__watching = true;
      this.__cancelWatch = whenNearViewport(
        this.__host,
        () => {
          this.__cancelWatch = undefined;
          this.__watching = false;
          void this.__load();
        },
        !this.result && !this.__readingCopy,
      );
    }
  }

  private async __load(maxAge?: number): Promise<void> {
    const url = this.__url;
    if (url === undefined) return;
    const token = ++this.__token;
    this.__clearRefresh();
    if (!this.result) this.status = 'loading';
    this.busy = true;
    this.__host.requestUpdate();
    this.__letGo();
    const abort = (this.__abort = new AbortController());
    try {
      const result = await loadFeed(url, { maxAge, signal: abort.signal });
      if (token !== this.__token) return;
      // The result already shown (moved in the DOM, or a refresh within the time results are shared): nothing
      // loaded, nothing to tell.
      if (result !== this.result || this.status !== 'ready') {
        await this.__host.prepareFeed?.(result);
        if (token !== this.__token) return;
        this.result = result;
        this.stale = false;
        this.error = undefined;
        this.status = 'ready';
        this.__dispatch<FeedLoadDetail>('cities-feed-load', this.__host.feedSummary(result));
      }
    } catch (error) {
      if (token !== this.__token) return;
      this.error = toFeedError(error);
      this.status = 'error';
      this.__waitForWayOut(url);
      this.__dispatch<FeedErrorDetail>('cities-feed-error', { message: this.error.message });
    }
    this.busy = false;
    this.__scheduleRefresh();
    this.__host.requestUpdate();
  }

  /**
   * Lets go of what the last load left: tells the loader the load on its way is no longer wanted (with no other
   * widget waiting, it retries no more), and stops waiting for a way out of its error.
   */
  private __letGo(): void {
    this.__abort?.abort();
    this.__abort = undefined;
    this.__waitForWayOut(undefined);
  }

  private __dispatch<T>(type: string, detail: T): void {
    this.__host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  private __scheduleRefresh(): void {
    const seconds = (this.__refresh = this.__host.feedRefresh);
    this.__clearRefresh();
    if (!this.__connected || !(seconds > 0)) return;
    this.__refreshTimer = setTimeout(() => {
      this.__refreshTimer = undefined;
      if (document.hidden) this.__refreshDue = true;
      else void this.__load(seconds * 500);
    }, Math.min(seconds * 1000, MAX_DELAY));
  }

  private __clearRefresh(): void {
    clearTimeout(this.__refreshTimer);
    this.__refreshTimer = undefined;
    this.__refreshDue = false;
  }

  /**
   * While its error is shown, the widget takes the way out when one comes: the network is back (`online`), or
   * another widget's load of the same URL succeeded (its Retry, its refresh): the result is in memory.
   */
  private __waitForWayOut(url: string | undefined): void {
    if (this.__stuck !== undefined) {
      feedLoaded.removeEventListener(this.__stuck, this.__recover);
      window.removeEventListener('online', this.__recover);
    }
    this.__stuck = url;
    if (url !== undefined) {
      feedLoaded.addEventListener(url, this.__recover);
      window.addEventListener('online', this.__recover);
    }
  }

  private __recover = (): void => {
    if (this.__connected) void this.__load();
  };

  private __onVisibility = (): void => {
    if (!document.hidden && this.__refreshDue) {
      this.__refreshDue = false;
      void this.__load(this.__host.feedRefresh * 500);
    }
  };
}
