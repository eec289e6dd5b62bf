/**
 * Hostile feeds, read by the built bundle on a real page: documents that are not feeds, items that are
 * wrong, huge or tricky, prototype-pollution keys, cross-site scripting payloads in every text field and
 * dangerous URLs in every link and image field, for every widget.
 */
import { expect } from '@open-wc/testing';
import {
  TAGS,
  addWidget,
  allElements,
  closePages,
  expectQuiet,
  feedUrl,
  fixtureUrl,
  openPage,
  putFeed,
  rendered,
  seen,
  settled,
  shadow,
  sleep,
  stateOf,
  uniqueKey,
  until,
  type Page,
  type Tag,
} from './helpers.js';
import { BAD_URLS, INERT_LOOKALIKES, XSS_PAYLOADS } from './payloads.js';

/** Attributes a widget needs to show every item of a long feed. */
const SHOW_ALL: Record<Tag, Record<string, string>> = {
  'cities-initiative-feed': { loading: 'eager', 'page-size': '1000', filterable: '' },
  'cities-event-countdown': { loading: 'eager' },
  'cities-quote-carousel': { loading: 'eager' },
  'cities-news-list': { loading: 'eager', limit: '1000' },
};

/** Dialogs opened in the test runner's own window (a payload reaching `parent` or `top`). */
const runnerDialogs: string[] = [];
const realDialogs = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

/** Dates in the future (events) or the past (everything else), one day apart, newest first by index. */
const DAY = 86_400_000;
const past = (i: number) => new Date(Date.UTC(2025, 11, 31) - i * DAY).toISOString().replace('.000Z', 'Z');
const future = (i: number) => new Date(Date.now() + (i + 1) * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---- inspecting what a widget rendered ------------------------------------------------------------

const ALLOWED_TAGS = new Set([
  'div', 'span', 'p', 'a', 'ul', 'li', 'img', 'time', 'button', 'svg', 'path', 'figure', 'blockquote',
  'figcaption', 'section', 'article', 'details', 'summary', 'label', 'input', 'select', 'option',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'class', 'part', 'id', 'href', 'rel', 'target', 'src', 'alt', 'lang', 'dir', 'loading', 'decoding',
  'referrerpolicy', 'width', 'height', 'role', 'tabindex', 'datetime', 'title', 'type', 'cite', 'viewbox', 'd',
  'fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'focusable', 'download', 'value',
  'autocomplete', 'enterkeyhint', 'inert', 'hidden', 'open',
  // A list item's id, which keyboard focus follows through a refresh: set as an attribute value (inert text).
  'data-key',
]);

interface Allowed {
  /** Link targets the feed may produce (absolute). */
  hrefs: Set<string>;
  /** Image sources the feed may produce (absolute). */
  srcs: Set<string>;
}

/**
 * Everything wrong in a widget's shadow root: an element or attribute that our templates never make (so
 * it came from feed text), an event-handler attribute, a link or image that is not an http(s) URL the
 * feed gave, SVG that is not one of our icons.
 */
function problems(el: Element, allowed: Allowed): string[] {
  const out: string[] = [];
  for (const node of allElements(shadow(el))) {
    const tag = node.localName;
    if (!ALLOWED_TAGS.has(tag)) out.push(`<${tag}> element`);
    for (const name of node.getAttributeNames()) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) out.push(`<${tag} ${name}> event handler`);
      else if (!ALLOWED_ATTRIBUTES.has(lower) && !lower.startsWith('aria-')) out.push(`<${tag} ${name}> attribute`);
    }
    if (tag === 'svg' && !/\b(icon|mark)\b/.test(node.getAttribute('class') ?? '')) out.push('<svg> that is not our icon');
    if (tag === 'path' && node.parentElement?.localName !== 'svg') out.push('<path> outside our icons');
    if (tag === 'a' && node.hasAttribute('href')) {
      const href = node.getAttribute('href')!;
      const ours = node.getAttribute('part') === 'calendar-link';
      if (ours) {
        if (!/^(https:\/\/(calendar\.google\.com|outlook\.live\.com)\/|data:text\/calendar[;,])/.test(href)) out.push(`calendar link ${href}`);
      } else if (!/^https?:\/\//.test(href) || !allowed.hrefs.has(href)) out.push(`link ${JSON.stringify(href)}`);
    }
    if (tag === 'a' && node.hasAttribute('target') && !/\bnoopener\b/.test(node.getAttribute('rel') ?? '')) {
      out.push(`target without noopener: ${node.getAttribute('href')}`);
    }
    if (tag === 'img') {
      const src = node.getAttribute('src') ?? '';
      if (!/^https?:\/\//.test(src) || !allowed.srcs.has(src)) out.push(`image ${JSON.stringify(src)}`);
      if (node.getAttribute('referrerpolicy') !== 'no-referrer') out.push(`image without referrerpolicy: ${src}`);
    }
    if (tag === 'blockquote' && node.hasAttribute('cite') && !/^https?:\/\//.test(node.getAttribute('cite')!)) {
      out.push(`cite ${node.getAttribute('cite')}`);
    }
  }
  if (el.childNodes.length > 0) out.push('the widget wrote into its light DOM');
  return out;
}

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  while (walker.nextNode()) out.push(walker.currentNode as Text);
  return out;
}

/** Waits until a widget settled, then lets image errors and other async handlers run. */
async function settle(page: Page): Promise<void> {
  await sleep(150);
  await new Promise((r) => page.win.requestAnimationFrame(() => page.win.requestAnimationFrame(r)));
}

/**
 * The countdown's calendar links are built by a chunk that loads when a visitor reaches for "Add to calendar":
 * ask for it (as keyboard focus does) and wait for the links, so that they are checked too.
 */
async function loadCalendar(el: Element): Promise<void> {
  await rendered(el);
  shadow(el).querySelector('[part=calendar]')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  await until(() => shadow(el).querySelectorAll('[part=calendar-link]').length === 3, 'the calendar links appear');
}

// ---- feeds ----------------------------------------------------------------------------------------

/** A native feed with one item per payload in each list, the payload in every text field. */
function xssFeed(payloads: readonly string[]): Record<string, unknown> {
  const text = (p: string, i: number) => (i % 2 ? p : { en: p, es: p });
  return {
    version: 1,
    title: payloads[0],
    language: 'en',
    home_page_url: '/home',
    initiatives: payloads.map((p, i) => ({
      id: `i${i}`,
      title: text(p, i),
      summary: text(p, i + 1),
      url: `/initiative/${i}`,
      city: p,
      country: 'ES',
      region: p,
      topics: [p.slice(0, 100), `topic ${i}`],
      published: past(i),
      image: { src: `../img/i${i}.svg`, alt: text(p, i) },
    })),
    events: payloads.map((p, i) => ({
      id: `e${i}`,
      title: text(p, i),
      start: future(i),
      end: future(i + 0.1),
      summary: text(p, i + 1),
      url: `/event/${i}`,
      location: text(p, i),
    })),
    quotes: payloads.map((p, i) => ({
      id: `q${i}`,
      text: text(p, i),
      author: p,
      role: text(p, i + 1),
      organization: text(p, i),
      city: p,
      date: past(i),
      source_url: `/quote/${i}`,
      image: { src: `../img/q${i}.svg`, alt: text(p, i) },
    })),
    news: payloads.map((p, i) => ({
      id: `n${i}`,
      title: text(p, i),
      summary: text(p, i + 1),
      url: `/news/${i}`,
      published: past(i),
      image: { src: `../img/n${i}.svg`, alt: text(p, i) },
      authors: [p, 'A second author'],
    })),
  };
}

/** The same payloads as a JSON Feed 1.1 (a city CMS feed) for the news list. */
function xssJsonFeed(payloads: readonly string[]): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: payloads[1],
    home_page_url: '/home',
    authors: [{ name: payloads[2] }],
    items: payloads.map((p, i) => ({
      id: `j${i}`,
      url: `/news/${i}`,
      title: p,
      content_html: `<p>${p}</p>${p}`,
      content_text: i % 3 === 0 ? undefined : p,
      date_published: past(i),
      image: `../img/j${i}.svg`,
      authors: [{ name: p, url: 'javascript:alert(1)', avatar: 'javascript:alert(1)' }],
      tags: [p],
    })),
  };
}

function urlsOf(feedUrl: string, paths: string[]): Set<string> {
  return new Set(paths.map((p) => new URL(p, feedUrl).href));
}

describe('hostile feeds', function () {
  this.timeout(30000);

  beforeEach(() => {
    runnerDialogs.length = 0;
    window.alert = (m?: unknown) => void runnerDialogs.push(`alert ${String(m)}`);
    window.confirm = (m?: unknown) => (runnerDialogs.push(`confirm ${String(m)}`), false);
    window.prompt = (m?: unknown) => (runnerDialogs.push(`prompt ${String(m)}`), null);
  });
  afterEach(() => {
    Object.assign(window, realDialogs);
    closePages();
    expect(runnerDialogs, 'dialogs in the test runner').to.deep.equal([]);
  });

  describe('documents that are not feeds', () => {
    const fixture = `${location.origin}/hardening/fixture/widgets?hours=0`;
    const cases: [string, (key: string) => Promise<string> | string][] = [
      ['not JSON', (key) => putFeed(key, 'this is not JSON {')],
      ['null', (key) => putFeed(key, 'null')],
      ['[]', (key) => putFeed(key, '[]')],
      ['a bare string', (key) => putFeed(key, '"a feed"')],
      ['a number', (key) => putFeed(key, '42')],
      ['an object without a version', (key) => putFeed(key, '{"news":[]}')],
      ['version 2', (key) => putFeed(key, '{"version":2,"news":[]}')],
      ['an HTML error page with status 200', (key) => putFeed(key, '<!doctype html><title>Oops</title><h1>Server error</h1>', { type: 'text/html; charset=utf-8' })],
      ['an HTML page sent as application/json', (key) => putFeed(key, '<!doctype html><h1>Maintenance</h1>')],
      ['truncated JSON', async (key) => putFeed(key, (await (await fetch(fixture)).text()).slice(0, 1500))],
      ['a UTF-8 byte-order mark and garbage', (key) => putFeed(key, '\ufeff\u0000{"version":1')],
      ['a 10 MB body', (key) => `${location.origin}/api/feed/${key}?bytes=${10 * 1024 * 1024}`],
      ['JSON nested 100,000 levels deep', (key) => `${location.origin}/api/feed/${key}?nest=100000`],
    ];

    it('every widget shows the error state and fires cities-feed-error, once, with no uncaught error', async () => {
      const page = await openPage('plain.html');
      const all: { label: string; tag: Tag; el: Element; key: string; outcome: Promise<unknown> }[] = [];
      for (const [label, make] of cases) {
        for (const tag of TAGS) {
          const key = uniqueKey('doc');
          const src = await make(key);
          const el = addWidget(page, tag, {}, { ...SHOW_ALL[tag], src });
          all.push({ label, tag, el, key, outcome: settled(el) });
        }
      }
      for (const { label, tag, el, key, outcome } of all) {
        const result = (await outcome) as { status: string; message?: string };
        expect(result.status, `${label} → ${tag}`).to.equal('error');
        expect(result.message, `${label}: message`).to.be.a('string').and.not.equal('');
        await rendered(el);
        expect(stateOf(el), `${label} → ${tag}: state`).to.equal('error');
        // None of these is worth a retry: one request each (the 10 MB and nested bodies come from feeds.mjs).
        const requests = /10 MB|nested/.test(label) ? (await (await fetch(`/api/count/${key}`)).json()).count : (await seen(key)).count;
        expect(requests, `${label}: requests`).to.equal(1);
      }
      // The tab still works: a good feed loads beside them, and the page answers at once.
      const good = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src: fixtureUrl('widgets', uniqueKey()) });
      expect((await settled(good)).status).to.equal('load');
      const started = performance.now();
      await new Promise((r) => page.win.setTimeout(r, 0));
      expect(performance.now() - started).to.be.lessThan(500);
      expectQuiet(page.probe);
    });

    it('keeps showing the saved copy, with a note, when the feed turns into garbage', async () => {
      const key = uniqueKey('stale');
      const src = await putFeed(key, await (await fetch(fixture)).text());
      const first = await openPage('plain.html');
      const el = addWidget(first, 'cities-news-list', {}, { loading: 'eager', src });
      expect((await settled(el)).status).to.equal('load');
      closePages();
      // The next visit: the cached copy is shown at once, the refresh fails.
      await putFeed(key, '<!doctype html><h1>Gateway timeout</h1>');
      const page = await openPage('plain.html');
      const again = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src });
      expect((await settled(again)).status).to.equal('error');
      await rendered(again);
      expect(stateOf(again)).to.equal('stale');
      expect(shadow(again).querySelectorAll('[part=item]')).to.have.length(3);
      expectQuiet(page.probe);
    });
  });

  describe('items that are wrong, huge or tricky', () => {
    const LONG = 'Long'.padEnd(10_000, ' title');
    const WORD = 'W'.repeat(10_000);
    const BIDI = 'Safe\u202Egnp.exe\u202C title\u200B with\uFEFF zero\u2066width\u2069\u200E';
    /** Per list: valid items first (`ok-*`), then items that must be skipped. */
    function trickyFeed() {
      const common = [null, 42, 'item', [], true, { id: 7 }, {}];
      return {
        version: 1,
        language: 'en',
        initiatives: [
          { id: 'ok-1', title: LONG, summary: WORD, city: BIDI, country: 'es', topics: ['mobility'] },
          { id: 'ok-2', title: BIDI, city: 'Lyon', country: 'FR', published: '2025-01-01T00:00:00+01:00' },
          ...common,
          { id: 'ok-1', title: 'Duplicate id', city: 'Lyon', country: 'FR' },
          { id: 'bad-country', title: 'x', city: 'Lyon', country: 'France' },
          { id: 'bad-date', title: 'x', city: 'Lyon', country: 'FR', published: '2025-02-30T10:00:00Z' },
          { id: 'no-offset', title: 'x', city: 'Lyon', country: 'FR', published: '2025-01-01T10:00:00' },
          { id: 'wrong-types', title: 12, city: ['Lyon'], country: 'FR' },
          { id: 'missing-city', title: 'x', country: 'FR' },
          { id: 'html-title', title: { en: { nested: true } }, city: 'Lyon', country: 'FR' },
        ],
        events: [
          { id: 'ok-1', title: LONG, start: '2030-01-01T10:00:00Z', end: '2030-01-01T12:00:00Z', summary: WORD, location: BIDI },
          { id: 'ok-2', title: BIDI, start: '2031-01-01T10:00:00+02:00' },
          ...common,
          { id: 'ok-1', title: 'Duplicate id', start: '2030-01-01T10:00:00Z' },
          { id: 'end-before-start', title: 'x', start: '2030-01-01T10:00:00Z', end: '2030-01-01T09:00:00Z' },
          { id: 'impossible', title: 'x', start: '2030-13-01T10:00:00Z' },
          { id: 'feb-30', title: 'x', start: '2030-02-30T10:00:00Z' },
          { id: '25-hours', title: 'x', start: '2030-01-01T25:00:00Z' },
          { id: 'no-offset', title: 'x', start: '2030-01-01T10:00:00' },
          { id: 'date-only', title: 'x', start: '2030-01-01' },
          { id: 'epoch', title: 'x', start: 1893456000000 },
        ],
        quotes: [
          { id: 'ok-1', text: LONG, author: BIDI, role: WORD },
          { id: 'ok-2', text: BIDI, author: 'Ada' },
          ...common,
          { id: 'ok-1', text: 'Duplicate id', author: 'Ada' },
          { id: 'no-author', text: 'x' },
          { id: 'empty-text', text: '', author: 'Ada' },
          { id: 'long-author', text: 'x', author: 'A'.repeat(201) },
          { id: 'bad-date', text: 'x', author: 'Ada', date: 'yesterday' },
        ],
        news: [
          { id: 'ok-1', title: LONG, summary: WORD, url: '/n/1', published: '2025-12-01T10:00:00Z', authors: [BIDI] },
          { id: 'ok-2', title: BIDI, url: '/n/2', published: '2025-12-02T10:00:00Z' },
          ...common,
          { id: 'ok-1', title: 'Duplicate id', url: '/n/3', published: '2025-12-03T10:00:00Z' },
          { id: 'no-url', title: 'x', published: '2025-12-03T10:00:00Z' },
          { id: 'no-date', title: 'x', url: '/n/4' },
          { id: 'no-offset', title: 'x', url: '/n/5', published: '2025-12-03T10:00:00' },
          { id: 'bad-date', title: 'x', url: '/n/6', published: '2025-04-31T10:00:00Z' },
          { id: 'long-id'.padEnd(300, 'x'), title: 'x', url: '/n/7', published: '2025-12-03T10:00:00Z' },
        ],
      };
    }

    /** Bidi embeddings, overrides and isolates, LRM/RLM marks, zero-width space, byte-order mark (not ZWJ/ZWNJ: scripts and emoji need them). */
    const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\uFEFF]/;

    it('every widget skips the invalid items, shows the rest, and renders long and bidi text inertly and clamped', async () => {
      const page = await openPage('plain.html');
      const doc = trickyFeed();
      const src = await putFeed(uniqueKey('tricky'), doc);
      const widths: Record<string, number> = {};
      for (const tag of TAGS) {
        const el = addWidget(page, tag, {}, { ...SHOW_ALL[tag], src });
        const result = (await settled(el)) as { status: string; count: number; skipped: number };
        const list = { 'cities-initiative-feed': 'initiatives', 'cities-event-countdown': 'events', 'cities-quote-carousel': 'quotes', 'cities-news-list': 'news' }[tag] as keyof ReturnType<typeof trickyFeed>;
        const items = doc[list] as unknown[];
        expect(result.status, tag).to.equal('load');
        expect(result.skipped, `${tag}: skipped`).to.equal(items.length - 2);
        if (tag !== 'cities-event-countdown') expect(result.count, `${tag}: shown`).to.equal(2);
        await rendered(el);
        const root = shadow(el).querySelector('.root') as HTMLElement;
        const text = root.textContent!;
        expect(INVISIBLE.test(text), `${tag}: bidi and zero-width characters removed`).to.equal(false);
        expect(text, `${tag}: bidi text shown without its controls`).to.contain('Safegnp.exe title with');
        // Titles are clamped to 300 characters (with "…"), longer texts to 1,200.
        const longest = Math.max(...textNodes(root).map((t) => t.data.trim().length));
        expect(longest, `${tag}: the longest text`).to.be.within(300, 1201);
        if (tag !== 'cities-quote-carousel') {
          const titles = [...shadow(el).querySelectorAll('[part=title]')].map((t) => t.textContent!.trim());
          const title = titles.find((t) => t.startsWith('Long')) ?? titles.join(' | ');
          expect(title, `${tag}: title clamped`).to.match(/^Long title title .*…$/);
          expect(title.length, `${tag}: title clamped`).to.be.at.most(301);
        }
        // Layout intact: the widget keeps the slot's width; nothing sticks out sideways.
        widths[tag] = root.getBoundingClientRect().width;
        expect(root.scrollWidth, `${tag}: no horizontal overflow`).to.be.at.most(root.clientWidth + 1);
        for (const part of shadow(el).querySelectorAll('[part]')) {
          const box = part.getBoundingClientRect();
          if (box.width === 0) continue;
          expect(box.right, `${tag} ${part.getAttribute('part')}: inside the widget`).to.be.at.most(root.getBoundingClientRect().right + 1);
        }
      }
      expect(Object.values(widths).every((w) => w === 640), JSON.stringify(widths)).to.equal(true);
      expectQuiet(page.probe);
    });

    it('the countdown picks the next valid event and never one that was skipped', async () => {
      const page = await openPage('plain.html');
      const src = await putFeed(uniqueKey('tricky'), trickyFeed());
      for (const id of ['end-before-start', 'impossible', 'no-offset', 'epoch']) {
        const el = addWidget(page, 'cities-event-countdown', {}, { loading: 'eager', src, event: id });
        await settled(el);
        await rendered(el);
        expect((el as unknown as { state: string }).state, id).to.equal('not-found');
      }
      const next = addWidget(page, 'cities-event-countdown', {}, { loading: 'eager', src });
      await settled(next);
      await rendered(next);
      expect((next as unknown as { state: string }).state).to.equal('upcoming');
      expect(shadow(next).querySelector('[part=title]')!.textContent!.trim()).to.match(/^Long title title .*…$/);
      expectQuiet(page.probe);
    });
  });

  it('never pollutes Object.prototype through __proto__, constructor or prototype keys (fresh and cached)', async () => {
    const evil = { polluted: 'yes' };
    const raw = `{
      "version": 1, "__proto__": ${JSON.stringify(evil)}, "constructor": { "prototype": ${JSON.stringify(evil)} },
      "title": { "__proto__": "x", "constructor": "y", "en": "Feed" },
      "news": [
        { "id": "a", "__proto__": ${JSON.stringify(evil)}, "constructor": { "prototype": ${JSON.stringify(evil)} },
          "title": { "__proto__": { "polluted": "yes" }, "en": "Title" }, "url": "/a", "published": "2025-12-01T10:00:00Z",
          "image": { "src": "../img/a.svg", "__proto__": ${JSON.stringify(evil)} }, "authors": ["x"] },
        { "id": "__proto__", "title": "Proto", "url": "/b", "published": "2025-12-02T10:00:00Z" },
        { "id": "constructor", "title": "Constructor", "url": "/c", "published": "2025-12-03T10:00:00Z" },
        { "id": "prototype", "title": { "prototype": "p", "en": "Prototype" }, "url": "/d", "published": "2025-12-04T10:00:00Z" }
      ],
      "quotes": [ { "id": "q", "text": { "__proto__": "x", "en": "Quote" }, "author": "A", "__proto__": ${JSON.stringify(evil)} } ],
      "initiatives": [ { "id": "i", "title": "I", "city": "C", "country": "ES", "topics": ["__proto__", "constructor"], "__proto__": ${JSON.stringify(evil)} } ],
      "events": [ { "id": "e", "title": "E", "start": "2030-01-01T10:00:00Z", "constructor": { "prototype": ${JSON.stringify(evil)} } } ]
    }`;
    const src = await putFeed(uniqueKey('proto'), raw);
    for (const visit of ['fresh', 'cached']) {
      const page = await openPage('plain.html');
      for (const tag of TAGS) {
        const el = addWidget(page, tag, {}, { ...SHOW_ALL[tag], src });
        expect((await settled(el)).status, `${visit} ${tag}`).to.equal('load');
      }
      const news = [...page.doc.querySelectorAll('cities-news-list')].pop()!;
      await rendered(news);
      // "prototype" is no language tag: that item's title map is invalid and the item skipped.
      const titles = [...shadow(news).querySelectorAll('[part=link]')].map((a) => a.textContent);
      expect(titles, visit).to.deep.equal(['Constructor', 'Proto', 'Title']);
      for (const realm of [page.win, window] as (typeof globalThis)[]) {
        expect((new realm.Object() as Record<string, unknown>)['polluted'], `${visit}: a new object`).to.equal(undefined);
        expect(Object.prototype.hasOwnProperty.call(realm.Object.prototype, 'polluted'), `${visit}: Object.prototype`).to.equal(false);
        expect((realm.Array.prototype as unknown as Record<string, unknown>)['polluted']).to.equal(undefined);
      }
      expectQuiet(page.probe);
      closePages();
    }
  });

  describe('cross-site scripting payloads in every text field', () => {
    it('(control) the inspection finds an injected element, handler, link or image', async () => {
      const page = await openPage('plain.html');
      const el = page.doc.createElement('div');
      el.attachShadow({ mode: 'open' }).append(
        Object.assign(page.doc.createElement('span'), { title: 'fine' }),
      );
      expect(problems(el, { hrefs: new Set(), srcs: new Set() })).to.deep.equal([]);
      const root = el.shadowRoot!;
      const img = page.doc.createElement('img');
      img.setAttribute('src', 'x');
      img.setAttribute('onerror', '');
      const link = page.doc.createElement('a');
      link.setAttribute('href', 'javascript:void 0');
      root.append(img, link, page.doc.createElementNS('http://www.w3.org/2000/svg', 'svg'), page.doc.createElement('iframe'));
      expect(problems(el, { hrefs: new Set(), srcs: new Set() })).to.deep.equal([
        '<img onerror> event handler',
        'image "x"',
        'image without referrerpolicy: x',
        'link "javascript:void 0"',
        '<svg> that is not our icon',
        '<iframe> element',
      ]);
    });

    it(`uses at least 100 distinct payloads (${XSS_PAYLOADS.length})`, () => {
      expect(XSS_PAYLOADS.length).to.be.at.least(100);
      expect(new Set(XSS_PAYLOADS).size).to.equal(XSS_PAYLOADS.length);
    });

    const SHOWN_TAGS = ['cities-initiative-feed', 'cities-quote-carousel', 'cities-news-list'] as const;
    for (const tag of SHOWN_TAGS) {
      it(`<${tag}>: no dialog, no element from feed text, every payload shown as literal text`, async () => {
        // A carousel shows 50 quotes at most: the payloads go to it 50 at a time.
        const batches = tag === 'cities-quote-carousel' ? [0, 50, 100].map((i) => XSS_PAYLOADS.slice(i, i + 50)) : [XSS_PAYLOADS];
        expect(batches.flat()).to.deep.equal([...XSS_PAYLOADS]);
        for (const payloads of batches) await showsAsText(tag, payloads);
      });
    }

    async function showsAsText(tag: (typeof SHOWN_TAGS)[number], payloads: readonly string[]): Promise<void> {
      const page = await openPage('plain.html');
      const before = page.doc.querySelectorAll('*').length;
      const src = await putFeed(uniqueKey('xss'), xssFeed(payloads));
      const el = addWidget(page, tag, {}, SHOW_ALL[tag]);
      el.setAttribute('src', src);
      const result = (await settled(el)) as { status: string; count: number };
      expect(result).to.include({ status: 'load', count: payloads.length });
      await rendered(el);
      await settle(page);
      const n = payloads.length;
      const allowed = {
        hrefs: urlsOf(src, ['/home', ...Array.from({ length: n }, (_, i) => [`/initiative/${i}`, `/quote/${i}`, `/news/${i}`]).flat()]),
        srcs: urlsOf(src, Array.from({ length: n }, (_, i) => [`../img/i${i}.svg`, `../img/q${i}.svg`, `../img/n${i}.svg`]).flat()),
      };
      expect(problems(el, allowed)).to.deep.equal([]);
      // Every payload is the literal text of its item's title (quotes: its text).
      const titles = {
        'cities-initiative-feed': '[part=title]',
        'cities-quote-carousel': '[part=slide] blockquote',
        'cities-news-list': '[part=link]',
      }[tag];
      const shown = [...shadow(el).querySelectorAll(titles)].map((t) => t.textContent!.trim());
      expect(shown).to.deep.equal([...payloads]);
      // …and visible as such (a sample: rendered text, not only DOM text).
      if (tag !== 'cities-quote-carousel') {
        const first = shadow(el).querySelector<HTMLElement>(titles)!;
        expect(first.innerText.trim()).to.equal(payloads[0]);
        expect(first.getBoundingClientRect().height).to.be.greaterThan(0);
      } else {
        const current = shadow(el).querySelector<HTMLElement>('.slide.current blockquote')!;
        expect(current.innerText.trim()).to.equal(payloads[0]);
      }
      // Nothing was added to the page outside the widget (its slot and itself).
      expect(page.doc.querySelectorAll('*').length).to.equal(before + 2);
      expectQuiet(page.probe);
    }

    it('<cities-event-countdown>: the same, for every event (one shown at a time)', async () => {
      const page = await openPage('plain.html');
      const src = await putFeed(uniqueKey('xss'), xssFeed(XSS_PAYLOADS));
      const el = addWidget(page, 'cities-event-countdown', {}, { loading: 'eager', src, event: 'e0' });
      expect((await settled(el)).status).to.equal('load');
      await loadCalendar(el);
      const allowed = {
        hrefs: urlsOf(src, XSS_PAYLOADS.map((_, i) => `/event/${i}`)),
        srcs: new Set<string>(),
      };
      for (let i = 0; i < XSS_PAYLOADS.length; i++) {
        (el as unknown as { event: string }).event = `e${i}`;
        await rendered(el);
        expect(shadow(el).querySelectorAll('[part=calendar-link]').length, `payload ${i}: calendar links`).to.equal(3);
        expect(problems(el, allowed), `payload ${i}`).to.deep.equal([]);
        expect(shadow(el).querySelector('[part=title]')!.textContent!.trim(), `payload ${i}`).to.equal(XSS_PAYLOADS[i]);
        expect(shadow(el).querySelector('[part=location]')!.textContent!.trim(), `payload ${i}`).to.equal(XSS_PAYLOADS[i]);
      }
      await settle(page);
      expectQuiet(page.probe);
    });

    it('<cities-news-list> reading a JSON Feed with the payloads in titles, HTML content and authors', async () => {
      const page = await openPage('plain.html');
      const src = await putFeed(uniqueKey('xss-jf'), xssJsonFeed(XSS_PAYLOADS));
      const el = addWidget(page, 'cities-news-list', {}, { loading: 'eager', limit: '1000', src });
      expect(await settled(el)).to.include({ status: 'load', count: XSS_PAYLOADS.length });
      await rendered(el);
      await settle(page);
      const allowed = {
        hrefs: urlsOf(src, ['/home', ...XSS_PAYLOADS.map((_, i) => `/news/${i}`)]),
        srcs: urlsOf(src, XSS_PAYLOADS.map((_, i) => `../img/j${i}.svg`)),
      };
      expect(problems(el, allowed)).to.deep.equal([]);
      const titles = [...shadow(el).querySelectorAll('[part=link]')].map((t) => t.textContent!);
      // JSON Feed text has its whitespace collapsed.
      expect(titles).to.deep.equal(XSS_PAYLOADS.map((p) => p.replace(/\s+/g, ' ').trim()));
      expectQuiet(page.probe);
    });
  });

  describe('dangerous URLs in every link and image field', () => {
    function badUrlFeed(urls: readonly string[]) {
      return {
        version: 1,
        home_page_url: urls[0],
        initiatives: urls.map((u, i) => ({ id: `i${i}`, title: `Initiative ${i}`, url: u, city: 'Lyon', country: 'FR', image: { src: u, alt: 'x' } })),
        events: urls.map((u, i) => ({ id: `e${i}`, title: `Event ${i}`, start: future(i), url: u })),
        quotes: urls.map((u, i) => ({ id: `q${i}`, text: `Quote ${i}`, author: 'Ada', source_url: u, image: { src: u, alt: '' } })),
        news: [
          ...urls.map((u, i) => ({ id: `bad${i}`, title: `Bad ${i}`, url: u, published: past(i) })),
          ...urls.map((u, i) => ({ id: `n${i}`, title: `News ${i}`, url: `/news/${i}`, published: past(i), image: { src: u } })),
        ],
      };
    }

    it(`${BAD_URLS.length} spellings of javascript:, data:, vbscript:, blob:, file: and other schemes: no link, no image`, async () => {
      const page = await openPage('plain.html');
      const src = await putFeed(uniqueKey('urls'), badUrlFeed(BAD_URLS));
      const n = BAD_URLS.length;
      const allowed = { hrefs: urlsOf(src, BAD_URLS.map((_, i) => `/news/${i}`)), srcs: new Set<string>() };
      for (const tag of TAGS) {
        const el = addWidget(page, tag, {}, { ...SHOW_ALL[tag], src });
        const result = (await settled(el)) as { status: string; count: number; skipped: number };
        expect(result.status, tag).to.equal('load');
        await rendered(el);
        await settle(page);
        const root = shadow(el);
        if (tag === 'cities-event-countdown') {
          await loadCalendar(el);
          for (let i = 0; i < n; i++) {
            (el as unknown as { event: string }).event = `e${i}`;
            await rendered(el);
            expect(shadow(el).querySelectorAll('[part=calendar-link]').length, `event ${i}: calendar links`).to.equal(3);
            expect(problems(el, allowed), `event ${i}`).to.deep.equal([]);
            expect(root.querySelector('[part=title] a') === null, `event ${i}: title link`).to.equal(true);
          }
          continue;
        }
        expect(problems(el, allowed), tag).to.deep.equal([]);
        expect(root.querySelectorAll('img'), `${tag}: images`).to.have.length(0);
        if (tag === 'cities-news-list') {
          // A news item is a link: without a safe URL it is skipped; the others have no image.
          expect(result).to.include({ count: n, skipped: n });
          expect(root.querySelector('[part=more]') === null, 'no "More news" link').to.equal(true);
        } else {
          expect(root.querySelectorAll('a[href]'), `${tag}: links`).to.have.length(0);
        }
      }
      expectQuiet(page.probe);
    });

    it('the attribute-defined countdown event refuses a javascript: url attribute too', async () => {
      const page = await openPage('plain.html');
      for (const url of BAD_URLS.slice(0, 16)) {
        const el = addWidget(page, 'cities-event-countdown', {}, { date: future(3), label: 'Forum', url });
        await rendered(el);
        expect(shadow(el).querySelector('[part=title] a') === null, JSON.stringify(url)).to.equal(true);
        expect(problems(el, { hrefs: new Set(), srcs: new Set() })).to.deep.equal([]);
      }
      expectQuiet(page.probe);
    });

    it('URLs that only look dangerous, protocol-relative and relative URLs resolve against the feed', async () => {
      const page = await openPage('plain.html');
      const key = uniqueKey('rel');
      const src = feedUrl(key);
      const host = location.host;
      const cases = [
        ...INERT_LOOKALIKES,
        `//${host}/hardening/img/protocol-relative.svg`,
        '../img/parent.svg',
        'img/same-folder.svg',
        '/hardening/img/root.svg',
        '?page=2',
        '#fragment',
        '\\\\' + host + '\\hardening\\img\\backslashes.svg',
      ];
      await putFeed(key, {
        version: 1,
        home_page_url: 'home/',
        news: cases.map((u, i) => ({ id: `n${i}`, title: `News ${i}`, url: u, published: past(i), image: { src: u } })),
        initiatives: cases.map((u, i) => ({ id: `i${i}`, title: `I ${i}`, url: u, city: 'Lyon', country: 'FR', image: { src: u } })),
        quotes: cases.map((u, i) => ({ id: `q${i}`, text: `Q ${i}`, author: 'Ada', source_url: u, image: { src: u } })),
      });
      const expected = cases.map((u) => new URL(u, src).href);
      for (const url of expected) expect(url).to.match(/^http:\/\//);
      for (const tag of ['cities-news-list', 'cities-initiative-feed', 'cities-quote-carousel'] as const) {
        const el = addWidget(page, tag, {}, { ...SHOW_ALL[tag], src });
        await settled(el);
        await rendered(el);
        const root = shadow(el);
        const links = [...root.querySelectorAll<HTMLAnchorElement>('[part=link], [part=title] a, [part=source]')].map((a) => a.getAttribute('href'));
        expect(links, `${tag}: links`).to.deep.equal(expected);
        // Read the image sources before a broken one (the look-alikes point nowhere) is hidden.
        const images = [...root.querySelectorAll('img')].map((img) => img.getAttribute('src'));
        for (const image of images) expect(expected, `${tag}: image`).to.include(image);
        if (tag === 'cities-news-list') expect(root.querySelector<HTMLAnchorElement>('[part=more]')!.href).to.equal(new URL('home/', src).href);
      }
      // One fetch of the feed for the three widgets. ('?page=2' and '#fragment' resolve to the feed URL itself,
      // so the images made of them may request it too, depending on lazy loading: those ask for images.)
      const feedFetches = (await seen(key)).accept.filter((a) => a?.includes('application/json'));
      expect(feedFetches).to.have.length(1);
      expectQuiet(page.probe);
    });
  });

  // The initiative feed prepares its card templates before its first render by drawing one card, image
  // included, into an inert document (prepareCardTemplates). Nothing may be fetched for it: only the lazy
  // image of a card shown near the viewport loads.
  it('no image is fetched for a card off screen, nor for the card drawn ahead to prepare the templates', async () => {
    const page = await openPage('plain.html', {}, { height: 300 });
    const key = uniqueKey('prep');
    const imageKey = uniqueKey('prep-img');
    const src = await putFeed(key, {
      version: 1,
      initiatives: [
        {
          id: 'full', title: 'Superblocks', summary: 'Streets for people.', url: 'https://www.barcelona.cat/', city: 'Barcelona',
          country: 'ES', region: 'Catalonia', topics: ['mobility'], published: '2026-01-01T00:00:00Z', image: { src: feedUrl(imageKey) },
        },
      ],
    });
    const el = addWidget(page, 'cities-initiative-feed', {}, { src, loading: 'eager' });
    // Far below the viewport: the card's own lazy image stays unloaded.
    const spacer = page.doc.createElement('div');
    spacer.style.height = '5000px';
    el.before(spacer);
    await settled(el);
    await rendered(el);
    expect(shadow(el).querySelector('img')?.getAttribute('src'), 'the card has its image').to.equal(feedUrl(imageKey));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await seen(imageKey)).count, 'image requests').to.equal(0);
    // (Control) scrolled into view, the card's image does load: the count above could have been 1.
    el.scrollIntoView();
    await until(async () => (await seen(imageKey)).count > 0, 'the shown image loads', 5000);
    expectQuiet(page.probe, { warnings: [/./] });
  });
});
