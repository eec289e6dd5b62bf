/**
 * Mounting the real widgets for the language tests, reading what a visitor (and a screen reader) gets
 * from them, and catching uncaught errors.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/cities-widgets.js';
import { clearLoaderMemory } from '../../src/data/loader.js';
import { clearFeedCache } from '../helpers/server.js';

export type Tag = 'cities-initiative-feed' | 'cities-event-countdown' | 'cities-quote-carousel' | 'cities-news-list';
export type Attrs = Record<string, string | boolean | undefined>;

/** What to wait for after connecting: the feed's load or error event, or just the first render. */
export type Until = 'load' | 'error' | 'render';

let host: HTMLElement | undefined;

/** A box in the page for the widgets of one test; `cleanup()` removes it. */
function container(): HTMLElement {
  if (!host) {
    host = document.createElement('div');
    host.style.inlineSize = '720px';
    document.body.append(host);
  }
  return host;
}

export function cleanup(): void {
  host?.remove();
  host = undefined;
  clearLoaderMemory();
  clearFeedCache();
}

function eventOf(el: Element, types: string[], timeout = 8000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error(`no ${types.join('/')} within ${timeout} ms`)), timeout);
    for (const type of types) {
      el.addEventListener(
        type,
        () => {
          window.clearTimeout(timer);
          resolve(type);
        },
        { once: true },
      );
    }
  });
}

const realSetTimeout = window.setTimeout.bind(window);
const realClearTimeout = window.clearTimeout.bind(window);

/** Creates `<tag>` with `attrs`, connects it and waits for `until` and the following render. */
export async function mount<T extends HTMLElement = HTMLElement>(
  tag: Tag,
  attrs: Attrs,
  until: Until = 'load',
  parent: HTMLElement = container(),
): Promise<T> {
  const el = document.createElement(tag) as unknown as T & { updateComplete: Promise<boolean> };
  el.setAttribute('loading', 'eager');
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  const done = until === 'render' ? undefined : eventOf(el, ['cities-feed-load', 'cities-feed-error']);
  parent.append(el);
  if (done) expect(await done, `${tag} ${JSON.stringify(attrs)}`).to.equal(`cities-feed-${until}`);
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

/** axe with the real timers (it waits on setTimeout) while a fake clock may pin Date. */
export async function accessible(el: Element): Promise<void> {
  const [fakeSet, fakeClear] = [window.setTimeout, window.clearTimeout];
  window.setTimeout = realSetTimeout as typeof window.setTimeout;
  window.clearTimeout = realClearTimeout as typeof window.clearTimeout;
  try {
    await expect(el).to.be.accessible();
  } finally {
    window.setTimeout = fakeSet;
    window.clearTimeout = fakeClear;
  }
}

const FAKE = ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;

/** Pins Date and the timers at `iso` (fetch and animation frames stay real). */
export function pinClock(iso: string | number): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({ now: typeof iso === 'number' ? iso : Date.parse(iso), toFake: [...FAKE], shouldClearNativeTimers: true });
}

const ATTRIBUTES = ['aria-label', 'aria-roledescription', 'aria-valuetext', 'aria-description', 'title', 'alt', 'placeholder', 'label'];

/**
 * Every piece of text a visitor or a screen reader gets from a widget: the text nodes of its shadow
 * tree (live regions, hidden labels and closed disclosures included) and the attributes that are read
 * out (aria-label, aria-roledescription, title, alt, placeholder…).
 */
export function visibleTexts(el: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement?.localName;
      if (parent !== 'style' && parent !== 'script') {
        const text = node.textContent?.trim();
        if (text) out.push(text);
      }
      return;
    }
    if (node instanceof Element) {
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(el.shadowRoot ?? el);
  return out;
}

/** The text of `selector` in the widget's shadow tree, spaces collapsed. */
export const textOf = (el: Element, selector: string): string =>
  el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Collects uncaught errors and unhandled rejections between `start()` and `stop()`. */
export function pageErrors() {
  let errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  return {
    start(): void {
      errors = [];
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
    },
    stop(): void {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      expect(errors, 'uncaught errors or rejections').to.deep.equal([]);
    },
  };
}
