/**
 * Hostile host pages: a strict Content Security Policy with Trusted Types, no adoptedStyleSheets, CSS
 * resets that reach everything they can, a <base href> elsewhere, our script twice, the CDN bundle beside
 * the npm build, the page owning one of our tags, another Lit on the page. Every page is a real HTML page
 * sent with its own headers (test/server/pages.mjs) that loads dist/cities-widgets.js by a script tag.
 */
import { expect } from '@open-wc/testing';
import {
  TAGS,
  addWidget,
  closePages,
  expectQuiet,
  fixtureUrl,
  openPage,
  putFeed,
  rect,
  rendered,
  seen,
  shadow,
  settled,
  stateOf,
  uniqueKey,
  until,
  type Page,
} from './helpers.js';
import { withForcedColors } from '../helpers/forced-colors.js';

const WIDGET_IDS = ['initiatives', 'countdown', 'quotes', 'initiatives-narrow', 'news', 'news-es'] as const;

/** The feed of the widget pages: every list, with same-origin images (allowed by `img-src 'self'`). */
const widgetsFeed = () => fixtureUrl('widgets', uniqueKey('page'), { hours: 0 });

function widgets(page: Page): Element[] {
  return WIDGET_IDS.map((id) => {
    const el = page.doc.getElementById(id);
    if (!el) throw new Error(`#${id} missing`);
    return el;
  });
}

/** Waits until every widget of the page shows its content. */
/** Whether the page fetched a chunk of dist/chunks/ (`chunks/<entry>-<name>-<hash>.js`; `entry` may be a pattern). */
function chunkLoaded(page: Page, name: string, entry = 'cities-widgets'): boolean {
  const pattern = new RegExp(`/chunks/${entry}-${name}-[\\w-]{8}\\.js$`);
  return page.win.performance.getEntriesByType('resource').some((e) => pattern.test(e.name));
}

async function allRendered(page: Page): Promise<void> {
  await until(
    () => widgets(page).every((el) => el.shadowRoot !== null && stateOf(el) === 'content' && el.shadowRoot.querySelector('.root') !== null),
    'every widget shows its content',
    8000,
  );
  // A widget in another language shows English until its catalog chunk has arrived (then renders again):
  // compare layouts only once every catalog the page asked for is there. (The feed now often arrives first:
  // it is validated in slices, no longer in one long task that the chunk's download outlasted.)
  const languages = [...new Set(widgets(page).map((el) => el.getAttribute('lang')).filter((l): l is string => !!l && l !== 'en'))];
  await until(
    () => languages.every((lang) => chunkLoaded(page, lang, '[\\w-]+')),
    `the ${languages.join(', ')} catalogs loaded`,
    8000,
  );
  // Images decode, the catalogs' re-render lands and the live regions settle.
  await new Promise((r) => setTimeout(r, 100));
}

const STYLE_PROPS = ['display', 'position', 'font-size', 'border-top-left-radius', 'background-color', 'color', 'padding-top', 'outline-style'];

/** Computed styles of every element in the widget's shadow root: what "fully styled" looks like. */
function styleSignature(el: Element): string[] {
  const win = el.ownerDocument.defaultView!;
  return [...shadow(el).querySelectorAll('*')]
    .filter((e) => !(e instanceof win.HTMLStyleElement))
    .map((e) => {
      const cs = win.getComputedStyle(e);
      return `${e.localName}.${e.getAttribute('class') ?? ''} ${STYLE_PROPS.map((p) => cs.getPropertyValue(p)).join(' ')}`;
    });
}

/** Boxes of the key parts of a widget, relative to its `.root`, rounded to the pixel. */
function layoutOf(el: Element): Record<string, number[]> {
  const root = shadow(el).querySelector('.root')!;
  const base = rect(root);
  const out: Record<string, number[]> = { root: [Math.round(base.width), Math.round(base.height)] };
  const parts = shadow(el).querySelectorAll('[part]');
  parts.forEach((part, i) => {
    const r = rect(part);
    // The countdown's digits change every second: only its block, not each number, is compared.
    if (part.closest('[part=countdown]') && part.getAttribute('part') !== 'countdown') return;
    out[`${i}:${part.getAttribute('part')}`] = [r.x - base.x, r.y - base.y, r.width, r.height].map(Math.round);
  });
  return out;
}

function expectSameLayout(actual: Record<string, number[]>, expected: Record<string, number[]>, label: string): void {
  expect(Object.keys(actual), `${label}: parts`).to.deep.equal(Object.keys(expected));
  for (const [key, box] of Object.entries(expected)) {
    const got = actual[key]!;
    box.forEach((v, i) => expect(Math.abs(got[i]! - v), `${label} ${key}: [${got}] vs [${box}]`).to.be.at.most(1));
  }
}

describe('hostile host pages', function () {
  this.timeout(20000);
  afterEach(closePages);

  let reference: Map<string, { styles: string[]; layout: Record<string, number[]> }>;

  before(async () => {
    const page = await openPage('widgets.html', { feed: widgetsFeed() });
    await allRendered(page);
    reference = new Map(widgets(page).map((el) => [el.id, { styles: styleSignature(el), layout: layoutOf(el) }]));
    expectQuiet(page.probe, { label: 'reference page' });
    closePages();
  });

  it('renders every widget fully styled under a strict CSP with Trusted Types, with zero violations', async () => {
    const page = await openPage('csp-widgets.html', { feed: widgetsFeed() });
    await allRendered(page);
    for (const el of widgets(page)) {
      const root = shadow(el).querySelector('.root')!;
      expect(page.win.getComputedStyle(root).backgroundColor, `${el.id} .root background`).to.equal('rgb(255, 255, 255)');
      expect(styleSignature(el), `${el.id}: computed styles as on a plain page`).to.deep.equal(reference.get(el.id)!.styles);
    }
    const card = shadow(page.doc.getElementById('initiatives')!).querySelector('[part=card]')!;
    expect(page.win.getComputedStyle(card).borderTopLeftRadius).to.equal('8px');
    // The Spanish catalog is a chunk loaded by a dynamic import, allowed by script-src 'self'.
    await until(
      () => chunkLoaded(page, 'es'),
      'the Spanish catalog chunk loaded',
    );
    expectQuiet(page.probe);
  });

  it('loads the calendar export under the strict CSP only when a visitor opens "Add to calendar"', async () => {
    const page = await openPage('csp-widgets.html', { feed: widgetsFeed() });
    await allRendered(page);
    const countdown = shadow(page.doc.getElementById('countdown')!);
    const chunk = () => chunkLoaded(page, 'ics');
    const links = () => [...countdown.querySelectorAll<HTMLAnchorElement>('[part=calendar-link]')];
    expect(chunk(), 'the calendar chunk is not fetched before it is needed').to.equal(false);
    expect(links().length).to.equal(0);
    countdown.querySelector<HTMLElement>('[part=calendar] summary')!.click();
    await until(() => links().length === 3, 'the calendar links appear');
    expect(chunk(), 'the calendar chunk loaded (a dynamic import, allowed by script-src)').to.equal(true);
    expect(countdown.querySelector<HTMLDetailsElement>('[part=calendar]')!.open).to.equal(true);
    expect(links()[0]!.href.startsWith('https://calendar.google.com/calendar/render?')).to.equal(true);
    expect(links()[2]!.href.startsWith('data:text/calendar;charset=utf-8,')).to.equal(true);
    expectQuiet(page.probe);
  });

  it('loads the JSON Feed adapter under the strict CSP only for a feed that is a JSON Feed', async () => {
    const page = await openPage('csp-widgets.html', { feed: widgetsFeed() });
    await allRendered(page);
    const chunk = () => chunkLoaded(page, 'jsonfeed');
    expect(chunk(), 'four widgets on our own format: no adapter fetched').to.equal(false);
    const src = await putFeed(uniqueKey('jsonfeed'), {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'City news',
      items: [
        { id: 1, url: '/news/1', title: 'Bogotá opens 84 km of bike lanes', date_published: '2026-01-02T10:00:00Z' },
        { id: 2, url: '/news/2', content_html: '<p>Seoul <b>listens</b> to its neighbourhoods</p>', date_published: '2026-01-01T10:00:00Z' },
      ],
    });
    const news = addWidget(page, 'cities-news-list', {}, { loading: 'eager', src });
    expect((await settled(news)).status).to.equal('load');
    await rendered(news);
    expect(chunk(), 'the adapter loaded (a dynamic import, allowed by script-src)').to.equal(true);
    const items = [...shadow(news).querySelectorAll('[part=item]')].map((li) => li.textContent ?? '');
    expect(items).to.have.length(2);
    expect(items[0]).to.contain('Bogotá opens 84 km of bike lanes');
    expect(items[1]).to.contain('Seoul listens to its neighbourhoods');
    expectQuiet(page.probe);
  });

  it('renders fully styled without adoptedStyleSheets when the page sets window.litNonce', async () => {
    const page = await openPage('csp-nonce-widgets.html', { feed: widgetsFeed() });
    expect(page.win.document.adoptedStyleSheets, 'adoptedStyleSheets removed').to.equal(undefined);
    expect(page.win.litNonce).to.be.a('string');
    await allRendered(page);
    for (const el of widgets(page)) {
      const styles = shadow(el).querySelectorAll('style');
      expect(styles.length, `${el.id}: <style> elements`).to.be.greaterThan(0);
      for (const style of styles) expect(style.nonce, `${el.id}: nonce`).to.equal(page.win.litNonce);
      expect(styleSignature(el), `${el.id}: computed styles`).to.deep.equal(reference.get(el.id)!.styles);
    }
    expectQuiet(page.probe);
  });

  it('(control) without the nonce, the same page is refused its styles: the checks above can fail', async () => {
    const page = await openPage('csp-unstyled.html', { feed: widgetsFeed() });
    await allRendered(page);
    const news = page.doc.getElementById('news')!;
    expect(styleSignature(news)).not.to.deep.equal(reference.get('news')!.styles);
    expect(page.probe.violations.length).to.be.greaterThan(0);
    expect(page.probe.violations.every((v) => v.directive.startsWith('style-src'))).to.equal(true);
  });

  it('keeps layout, fonts and focus ring under hostile CSS resets and a <base href> elsewhere', async () => {
    const page = await openPage('hostile-css.html', { feed: widgetsFeed() });
    expect(page.doc.baseURI).to.equal('https://elsewhere.example/base/');
    await allRendered(page);
    for (const el of widgets(page)) {
      expectSameLayout(layoutOf(el), reference.get(el.id)!.layout, el.id);
      const root = shadow(el).querySelector('.root')!;
      const cs = page.win.getComputedStyle(root);
      expect([cs.fontSize, cs.letterSpacing, cs.textTransform, cs.whiteSpace, cs.lineHeight, cs.wordBreak, cs.fontVariantCaps, cs.hyphens], el.id).to.deep.equal([
        '16px',
        'normal',
        'none',
        'normal',
        '24px',
        'normal',
        'normal',
        'manual',
      ]);
    }
    // Links from the feed resolve against the feed, not against the page's <base>.
    const news = shadow(page.doc.getElementById('news')!);
    const link = news.querySelector<HTMLAnchorElement>('a[part=link]')!;
    expect(link.href).to.equal(`${location.origin}/news/n1`);
    expect(news.querySelector<HTMLAnchorElement>('a[part=more]')!.href).to.equal(`${location.origin}/news/`);
    // The focus ring is drawn inside the shadow root, where `*:focus { outline: none }` does not reach.
    link.focus({ focusVisible: true } as FocusOptions);
    const ring = page.win.getComputedStyle(link);
    expect([ring.outlineStyle, ring.outlineWidth]).to.deep.equal(['solid', '3px']);
    expectQuiet(page.probe);
  });

  it('fills the width it is given in layouts that size their children to content (flex row, float, centred column)', async () => {
    // A widget lays itself out by its own width (container queries), so its content gives it no width of its
    // own: in these layouts it used to shrink to about 32 px and grow thousands of pixels tall.
    const page = await openPage('plain.html', {}, { width: 1000 });
    const feed = widgetsFeed();
    const layouts: [name: string, wrap: (widget: string) => string, width: number][] = [
      ['a flex row beside a 200 px sidebar', (w) => `<div style="display:flex;gap:20px;width:800px"><aside style="flex:0 0 200px">Menu</aside>${w}</div>`, 580],
      ['a float', (w) => `<div style="width:800px">${w.replace(/^<(\S+)/, '<$1 style="float:right"')}<p>Article</p></div>`, 800],
      ['a centred flex column', (w) => `<div style="display:flex;flex-direction:column;align-items:center;width:800px">${w}</div>`, 800],
      ['a block, with the page\u2019s margin and border on the widget', (w) => `<div style="width:800px">${w.replace(/^<(\S+)/, '<$1 style="margin:0 20px;border:2px solid"')}</div>`, 760],
      ['a flex row narrower than the sidebar and the widget would like', (w) => `<div style="display:flex;width:360px"><aside style="flex:0 0 100px">Menu</aside>${w}</div>`, 260],
    ];
    const slots = page.doc.getElementById('slots')!;
    for (const tag of TAGS) {
      slots.innerHTML = layouts.map(([, wrap]) => wrap(`<${tag} src="${feed}" loading="eager"></${tag}>`)).join('');
      const els = [...slots.querySelectorAll(tag)];
      await until(() => els.every((el) => stateOf(el) === 'content'), `every ${tag} shows its content`, 8000);
      els.forEach((el, i) => {
        const [name, , width] = layouts[i]!;
        const box = rect(el);
        expect(Math.abs(box.width - width), `<${tag}> in ${name}: ${Math.round(box.width)} px wide`).to.be.at.most(1);
        // Not squeezed inside either: the content box is the host's, less the border the page gave it.
        expect(rect(shadow(el).querySelector('.root')!).width, `<${tag}> in ${name}: its content`).to.be.at.least(width - 4);
      });
    }
    expectQuiet(page.probe);
  });

  it('keeps the skeletons as tall in quirks mode (a page without a doctype) as in standards mode', async () => {
    // In quirks mode a line holding only inline-blocks (the bones) and no text has no strut, and was shorter than
    // the line of text it stands for: every skeleton was 20-100 px shorter than its content, which then moved
    // the page.
    const variants = ['', 'layout="compact"', 'layout="ticker"', 'filterable'];
    const heights: Record<string, number[]> = {};
    for (const name of ['standards', 'quirks']) {
      const page = await openPage('plain.html', name === 'quirks' ? { quirks: '1' } : {});
      expect(page.doc.compatMode, name).to.equal(name === 'quirks' ? 'BackCompat' : 'CSS1Compat');
      // A feed that never ends: every widget stays in its skeleton (one request for all of them).
      const feed = await putFeed(uniqueKey('quirks'), { version: 1, news: [] }, { stream: 1 });
      const slots = page.doc.getElementById('slots')!;
      slots.innerHTML = TAGS.flatMap((tag) => variants.map((v) => `<div style="width:600px"><${tag} src="${feed}" loading="eager" ${v}></${tag}></div>`)).join('');
      const els = [...slots.querySelectorAll<HTMLElement>(TAGS.join(','))];
      await until(() => els.every((el) => el.shadowRoot?.querySelector('.skeleton')), `${name}: every skeleton`, 8000);
      heights[name] = els.map((el) => Math.round(rect(el).height));
      page.close();
    }
    expect(heights['quirks']).to.deep.equal(heights['standards']);
  });

  it('outlines what only a background drew (tags, the ticker label, the countdown units) in forced colours', async () => {

    const page = await openPage('widgets.html', { feed: widgetsFeed() });
    await allRendered(page);
    const boxes = [
      shadow(page.doc.getElementById('initiatives')!).querySelector('[part=tag]')!,
      shadow(page.doc.getElementById('news-es')!).querySelector('[part=label]')!,
      shadow(page.doc.getElementById('countdown')!).querySelector('[part=unit]')!,
    ];
    const borders = () => boxes.map((box) => page.win.getComputedStyle(box).borderTopStyle);
    expect(borders(), 'no border in normal colours: the background draws them').to.deep.equal(['none', 'none', 'none']);
    await withForcedColors(() => {
      expect(page.win.matchMedia('(forced-colors: active)').matches).to.equal(true);
      expect(borders()).to.deep.equal(['solid', 'solid', 'solid']);
    });
    expectQuiet(page.probe);
  });

  it('works with the script included twice: no exception, one warning per tag the second copy skipped', async () => {
    const page = await openPage('csp-twice.html', { feed: widgetsFeed() });
    await allRendered(page);
    await until(() => page.probe.console.warn.length >= TAGS.length, 'the second copy warned');
    expect(page.probe.console.warn).to.have.length(TAGS.length);
    for (const tag of TAGS) expect(page.probe.console.warn.join('\n')).to.contain(`<${tag}> is already defined`);
    expectQuiet(page.probe, { warnings: [/already defined on this page/] });
  });

  it('works with the CDN bundle and the npm build on one page', async () => {
    const page = await openPage('csp-cdn-npm.html', { feed: widgetsFeed() });
    await allRendered(page);
    await until(() => page.probe.console.warn.length >= TAGS.length, 'the second build warned');
    expect(page.probe.console.warn).to.have.length(TAGS.length);
    expectQuiet(page.probe, { warnings: [/already defined on this page/] });
  });

  it('leaves a tag the page defined first alone, with one clear warning, and the other widgets work', async () => {
    const page = await openPage('csp-own-class.html', { feed: widgetsFeed() }, { defined: false });
    const others = widgets(page).filter((el) => el.localName !== 'cities-news-list');
    await until(() => others.every((el) => el.shadowRoot !== null && stateOf(el) === 'content'), 'our other widgets render', 8000);
    const theirs = page.doc.getElementById('news')!;
    expect(theirs.shadowRoot === null).to.equal(true);
    expect((theirs as HTMLElement).dataset['owner']).to.equal('page');
    expect(page.win.customElements.get('cities-news-list')!.name).to.equal('PageNewsList');
    expect(page.probe.console.warn).to.deep.equal([
      'cities-widgets: <cities-news-list> is already defined on this page; this copy was not registered.',
    ]);
    expectQuiet(page.probe, { warnings: [/already defined on this page/] });
  });

  it('works after another Lit created the "lit-html" Trusted Types policy (no trusted-types directive)', async () => {
    const page = await openPage('csp-other-lit.html', { feed: widgetsFeed() });
    await allRendered(page);
    expect((page.win as unknown as { __otherLit: boolean }).__otherLit).to.equal(true);
    expect(page.doc.querySelector('#other-lit .other')!.textContent).to.equal('another Lit renders');
    expectQuiet(page.probe);
  });

  it('adds nothing to the page but its elements: no global of its own, no style, no node outside its shadow roots', async () => {
    const page = await openPage('empty.html', {}, { defined: false });
    const globals = new Set(Object.getOwnPropertyNames(page.win));
    const nodes = page.doc.querySelectorAll('*').length;
    const sheets = [page.doc.styleSheets.length, page.doc.adoptedStyleSheets.length];
    const url = page.win.location.href;
    const src = widgetsFeed();
    const els = TAGS.map((tag) => {
      const slot = page.doc.createElement('section');
      const el = page.doc.createElement(tag);
      el.setAttribute('src', src);
      el.setAttribute('loading', 'eager');
      slot.append(el);
      page.doc.body.append(slot);
      return el;
    });
    const script = page.doc.createElement('script');
    script.type = 'module';
    script.src = '/dist/cities-widgets.js';
    page.doc.head.append(script);
    await until(() => els.every((el) => el.shadowRoot !== null && stateOf(el) === 'content'), 'every widget shows its content', 8000);
    // Only Lit's bookkeeping (its version lists and property metadata). zod is not in the page bundles (the
    // feed checks are compiled from its schema at build time), so its shared configuration is never created.
    const added = Object.getOwnPropertyNames(page.win).filter((name) => !globals.has(name));
    expect(added.sort()).to.deep.equal([
      'litElementVersions',
      'litHtmlVersions',
      'litPropertyMetadata',
      'reactiveElementVersions',
    ]);
    expect(page.doc.querySelectorAll('*').length, 'nodes in the page').to.equal(nodes + 2 * TAGS.length + 1);
    expect([page.doc.styleSheets.length, page.doc.adoptedStyleSheets.length], 'page style sheets').to.deep.equal(sheets);
    expect(page.win.location.href).to.equal(url);
    expect(Object.keys(page.win.localStorage).filter((k) => !k.startsWith('cities-widgets:feed:v1:'))).to.deep.equal([]);
    expectQuiet(page.probe);
  });

  // Trusted Types: Lit creates one policy, named "lit-html", when its module loads. What a partner's
  // `trusted-types` directive must say (SECURITY.md) is checked here, both ways.
  it('works with `trusted-types lit-html`', async () => {
    const page = await openPage('csp-widgets.html', { feed: widgetsFeed(), tt: 'lit-html' });
    await allRendered(page);
    expectQuiet(page.probe);
  });

  it('runs once when the page loads the bundle with a query string (`?ver=`, as a CMS does), languages included', async () => {
    // The language chunks used to import from "../cities-widgets.js": another URL than the page's, so a second
    // copy of the bundle ran, and under `trusted-types lit-html` its policy was refused and the Spanish
    // widget's own strings stayed English.
    const page = await openPage('csp-widgets.html', { feed: widgetsFeed(), tt: 'lit-html', bundleQuery: '?ver=6.4.2' });
    expect(page.doc.querySelector('script[type=module]')!.getAttribute('src')).to.equal('/dist/cities-widgets.js?ver=6.4.2');
    await allRendered(page);
    const ticker = shadow(page.doc.getElementById('news-es')!);
    expect(ticker.querySelector('[part=label]')!.textContent).to.equal('Últimas noticias');
    const entries = page.win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(entries.filter((p) => p === '/dist/cities-widgets.js'), 'the bundle, fetched once').to.have.length(1);
    expectQuiet(page.probe);
  });

  it('reads a JSON Feed, and says which version it cannot read, with the bundle loaded as `?ver=`', async () => {
    // The JSON Feed adapter's chunk imported from "../cities-widgets.js": a second copy of the bundle ran, its
    // Trusted Types policy was refused, and its FeedError was not ours ("could not be reached", 3 requests).
    const page = await openPage('csp-widgets.html', { feed: widgetsFeed(), tt: 'lit-html', bundleQuery: '?ver=6.4.2' });
    await allRendered(page);
    const item = { id: '1', url: 'https://example.org/news/1', title: 'Barcelona opens its superblocks', date_published: '2026-01-02T10:00:00Z' };
    const good = await putFeed(uniqueKey('jf'), { version: 'https://jsonfeed.org/version/1.1', title: 'News', items: [item] });
    const news = addWidget(page, 'cities-news-list', {}, { src: good, loading: 'eager' });
    expect(await settled(news)).to.deep.equal({ status: 'load', count: 1, skipped: 0 });
    await rendered(news);
    expect(shadow(news).querySelector('[part=title] a')!.textContent).to.equal('Barcelona opens its superblocks');
    const key = uniqueKey('jf2');
    const v2 = await putFeed(key, { version: 'https://jsonfeed.org/version/2', title: 'News', items: [item] });
    const other = addWidget(page, 'cities-news-list', {}, { src: v2, loading: 'eager' });
    expect(await settled(other)).to.deep.equal({ status: 'error', message: 'Unsupported JSON Feed version: https://jsonfeed.org/version/2' });
    expect((await seen(key)).count, 'not retried').to.equal(1);
    const entries = page.win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(entries.filter((p) => p === '/dist/cities-widgets.js'), 'the bundle, fetched once').to.have.length(1);
    expect(entries.filter((p) => p.includes('-jsonfeed-')), 'the adapter, fetched once').to.have.length(1);
    expectQuiet(page.probe);
  });

  it("works beside another Lit with `trusted-types lit-html 'allow-duplicates'`", async () => {
    const page = await openPage('csp-other-lit.html', { feed: widgetsFeed(), tt: "lit-html 'allow-duplicates'" });
    await allRendered(page);
    expectQuiet(page.probe);
  });

  it('(documented limit) cannot start beside another Lit when `trusted-types` names lit-html without allow-duplicates', async () => {
    const page = await openPage('csp-other-lit.html', { feed: widgetsFeed(), tt: 'lit-html' }, { defined: false });
    await until(() => page.probe.errors.length > 0 && page.probe.violations.length > 0, 'the bundle failed to load');
    expect(page.probe.errors).to.deep.equal([
      `TypeError: Failed to execute 'createPolicy' on 'TrustedTypePolicyFactory': Policy with name "lit-html" already exists.`,
    ]);
    expect(page.probe.violations.map((v) => `${v.directive} ${v.sample}`)).to.deep.equal(['trusted-types lit-html']);
    for (const tag of TAGS) expect(page.win.customElements.get(tag), tag).to.equal(undefined);
  });

  it('(documented limit) cannot start when `trusted-types` does not name lit-html', async () => {
    const page = await openPage('csp-widgets.html', { feed: widgetsFeed(), tt: 'other-policy' }, { defined: false });
    await until(() => page.probe.errors.length > 0, 'the bundle failed to load');
    expect(page.probe.errors[0]).to.contain('Policy "lit-html" disallowed');
    for (const tag of TAGS) expect(page.win.customElements.get(tag), tag).to.equal(undefined);
  });
});
