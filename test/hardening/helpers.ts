/**
 * Helpers for the hardening tests: real pages (test/hardening/pages/, served by test/server/pages.mjs with
 * their own response headers) opened in an iframe of the test runner's page, with the built bundle
 * `dist/cities-widgets.js` loaded by a script tag. The page's `window.__probe` (pages/probe.js) records
 * violations, errors, dialogs and live timers, listeners and observers.
 */
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

export const TAGS = ['cities-initiative-feed', 'cities-event-countdown', 'cities-quote-carousel', 'cities-news-list'] as const;
export type Tag = (typeof TAGS)[number];

export interface Snapshot {
  timeouts: number;
  intervals: number;
  frames: number;
  idles: number;
  observers: { IntersectionObserver: number; MutationObserver: number; ResizeObserver: number; targets: number };
  listeners: { total: number; byTarget: Record<string, number> };
  fetchesPending: number;
}

export interface Probe {
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  errors: string[];
  rejections: string[];
  console: { error: string[]; warn: string[] };
  dialogs: { name: string; args: string[] }[];
  fetches: { started: number; settled: number };
  trace: boolean;
  snapshot(): Snapshot;
  details(): Record<string, { delay: unknown; stack: string }[]>;
}

export type PageWindow = Window & typeof globalThis & { __probe: Probe; litNonce?: string };

export interface Page {
  frame: HTMLIFrameElement;
  win: PageWindow;
  doc: Document;
  probe: Probe;
  close(): void;
}

let opened: HTMLIFrameElement[] = [];

/** Opens test/hardening/pages/<name> in an iframe (800 × 900) and waits until it loaded and, unless told not to, until our elements are defined. */
export async function openPage(
  name: string,
  params: Record<string, string> = {},
  { defined = true, width = 800, height = 900 }: { defined?: boolean; width?: number; height?: number } = {},
): Promise<Page> {
  const frame = document.createElement('iframe');
  const query = new URLSearchParams(params).toString();
  frame.src = `/hardening/pages/${name}${query ? `?${query}` : ''}`;
  frame.width = String(width);
  frame.height = String(height);
  frame.style.border = '0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  opened.push(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  if (defined) {
    await Promise.race([
      Promise.all(TAGS.map((tag) => win.customElements.whenDefined(tag))),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${name}: our elements were not defined within 5 s`)), 5000)),
    ]);
  }
  return {
    frame,
    win,
    doc: frame.contentDocument!,
    probe: win.__probe,
    close: () => frame.remove(),
  };
}

/** Removes every iframe this file opened (call in afterEach). */
export function closePages(): void {
  for (const frame of opened) frame.remove();
  opened = [];
}

/** The probe records nothing that a page must never see. */
export function expectQuiet(probe: Probe, { warnings = [] as RegExp[], label = '' } = {}): void {
  const where = label ? `${label}: ` : '';
  expect(probe.violations, `${where}CSP violations`).to.deep.equal([]);
  expect(probe.errors, `${where}uncaught errors`).to.deep.equal([]);
  expect(probe.rejections, `${where}unhandled rejections`).to.deep.equal([]);
  expect(probe.dialogs, `${where}dialogs`).to.deep.equal([]);
  expect(probe.console.error, `${where}console.error`).to.deep.equal([]);
  const unexpected = probe.console.warn.filter((w) => !warnings.some((re) => re.test(w)));
  expect(unexpected, `${where}console.warn`).to.deep.equal([]);
}

/** A unique key for the feed and count endpoints. */
let n = 0;
export function uniqueKey(label = 'h'): string {
  n += 1;
  return `${label}-${Date.now().toString(36)}-${n}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Stores `doc` (any JSON value, or raw text) as the feed `key` on the test server; returns its absolute URL. */
export async function putFeed(key: string, doc: unknown, params: Record<string, string | number> = {}): Promise<string> {
  const body = typeof doc === 'string' ? doc : JSON.stringify(doc);
  const response = await fetch(`/hardening/feed/${key}`, { method: 'PUT', body });
  expect(response.status, 'feed stored').to.equal(204);
  return feedUrl(key, params);
}

export function feedUrl(key: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `${location.origin}/hardening/feed/${key}${query ? `?${query}` : ''}`;
}

/** A fixture of test/hardening/fixtures/, counted under `key`. */
export function fixtureUrl(name: string, key: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries({ key, ...params }).map(([k, v]) => [k, String(v)])).toString();
  return `${location.origin}/hardening/fixture/${name}?${query}`;
}

export interface Seen {
  count: number;
  cookies: (string | null)[];
  times: number[];
  /** The Accept header of each request (the loader asks for JSON; an image pointing at the URL does not). */
  accept: (string | null)[];
}

/** Requests the test server received for `key`. */
export async function seen(key: string): Promise<Seen> {
  return (await fetch(`/hardening/count/${key}`, { cache: 'no-store' })).json();
}

/** Creates a widget in the page (in the page's own realm), sets its properties, and appends it to a new slot. */
export function addWidget<T extends HTMLElement = HTMLElement>(
  page: Page,
  tag: string,
  props: Record<string, unknown> = {},
  attrs: Record<string, string> = {},
): T {
  const slot = page.doc.createElement('section');
  slot.className = 'slot';
  const el = page.doc.createElement(tag) as T;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  Object.assign(el, props);
  slot.append(el);
  (page.doc.getElementById('slots') ?? page.doc.body).append(slot);
  return el;
}

export type WidgetState = { status: 'load'; count: number; skipped: number } | { status: 'error'; message: string };

/** Resolves with the first cities-feed-load or cities-feed-error event of `el` from now on. */
export function settled(el: Element, timeout = 8000): Promise<WidgetState> {
  return new Promise((resolve, reject) => {
    const done = (event: Event) => {
      el.removeEventListener('cities-feed-load', done);
      el.removeEventListener('cities-feed-error', done);
      clearTimeout(timer);
      const detail = (event as CustomEvent).detail;
      resolve(event.type === 'cities-feed-load' ? { status: 'load', ...detail } : { status: 'error', ...detail });
    };
    const timer = setTimeout(() => reject(new Error(`<${el.localName}> neither loaded nor failed within ${timeout} ms`)), timeout);
    el.addEventListener('cities-feed-load', done);
    el.addEventListener('cities-feed-error', done);
  });
}

/** Lit's updateComplete of a widget from the page's realm. */
export async function rendered(el: Element): Promise<void> {
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

export function shadow(el: Element): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${el.localName}> has no open shadow root`);
  return root;
}

/** Every element under `root`, inside nested shadow roots too. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/** The widget's state block (loading, empty, error), or undefined. */
export function stateOf(el: Element): 'loading' | 'error' | 'empty' | 'stale' | 'content' | 'idle' {
  const root = shadow(el);
  if (root.querySelector('.stale-note')) return 'stale';
  if (root.querySelector('[aria-busy=true]')) return 'loading';
  if (root.querySelector('.state.error button[part=retry]')) return 'error';
  if (root.querySelector('.state.error')) return 'idle';
  if (root.querySelector('.state.empty')) return 'empty';
  return 'content';
}

export function rect(el: Element): { x: number; y: number; width: number; height: number } {
  const r = el.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check()` is true, with a readable message. */
export function until(check: () => boolean | Promise<boolean>, message: string, timeout = 5000): Promise<void> {
  return waitUntil(check, message, { timeout, interval: 20 });
}

export type Clock = ReturnType<typeof sinon.useFakeTimers>;

/** A fake clock for the page's timers and Date (install it before the widgets that should use it exist). */
export function fakeClock(page: Page): Clock {
  const config = {
    global: page.win,
    now: Date.now(),
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  };
  // `global` (install into another window) is supported by sinon but missing from its types.
  return sinon.useFakeTimers(config as unknown as Parameters<typeof sinon.useFakeTimers>[0]);
}
