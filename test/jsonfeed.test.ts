import { expect } from '@open-wc/testing';
import { decodeEntities, htmlToText } from '../src/data/jsonfeed.js';
import { isJsonFeed, jsonFeedToFeed, parseFeed } from '../src/data/parse.js';
import { FeedError } from '../src/data/errors.js';
import { clearLoaderMemory, loadFeed } from '../src/data/loader.js';
import { readCachedFeed } from '../src/data/cache.js';
import { clearFeedCache, feedUrl, uniqueKey } from './helpers/server.js';

const BASE = 'https://city.example/feeds/feed.json';

async function fixture(name: string): Promise<Record<string, unknown>> {
  return (await fetch(`/test/fixtures/${name}.json`)).json();
}

const jsonFeed = (items: unknown, extra: Record<string, unknown> = {}) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'T',
  items,
  ...extra,
});

const item = (over: Record<string, unknown> = {}) => ({
  id: 'a',
  url: 'https://city.example/a',
  title: 'A',
  date_published: '2025-12-31T10:00:00Z',
  ...over,
});

describe('JSON Feed adapter', () => {
  it('recognises JSON Feed 1.1 and 1.0 documents, and nothing else', () => {
    expect(isJsonFeed({ version: 'https://jsonfeed.org/version/1.1' })).to.equal(true);
    expect(isJsonFeed({ version: 'https://jsonfeed.org/version/1' })).to.equal(true);
    expect(isJsonFeed({ version: 'http://jsonfeed.org/version/1' })).to.equal(true);
    expect(isJsonFeed({ version: 1 })).to.equal(false);
    expect(isJsonFeed({ version: 'https://example.org/version/1' })).to.equal(false);
    expect(isJsonFeed(null)).to.equal(false);
    expect(isJsonFeed('https://jsonfeed.org/version/1.1')).to.equal(false);
  });

  it('rejects a JSON Feed version it does not know with a clear message', () => {
    let error: unknown;
    try {
      parseFeed({ version: 'https://jsonfeed.org/version/2', items: [] }, BASE);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).kind).to.equal('version');
    expect((error as FeedError).message).to.equal('Unsupported JSON Feed version: https://jsonfeed.org/version/2');
  });

  it('maps a JSON Feed 1.1 with every field onto news items', async () => {
    const { feed, skipped } = parseFeed(await fixture('jsonfeed-full'), BASE);
    expect(skipped.news).to.equal(0);
    expect(feed.title).to.equal('Ciudad de Ejemplo: noticias');
    expect(feed.language).to.equal('en');
    expect(feed.home_page_url).to.equal('https://city.example/news/');
    expect(feed.initiatives).to.deep.equal([]);
    expect(feed.news).to.have.length(5);
    // summary wins over content_text and content_html; image over banner_image; the item's language tags its texts.
    expect(feed.news[0]).to.deep.equal({
      id: 'https://city.example/news/1',
      title: { es: 'Nuevos carriles bici en el centro' },
      summary: { es: 'La ciudad abre 12 km de carriles bici protegidos.' },
      url: 'https://city.example/news/1',
      published: '2025-12-31T18:00:00+01:00',
      image: { src: 'https://city.example/demo/images/urban-park.svg' },
      authors: ['Ana Gómez', 'Bo Lin'],
    });
    // A numeric id becomes a string, content_text is the summary, banner_image the image, the feed's authors apply.
    expect(feed.news[1]).to.deep.equal({
      id: '42',
      title: 'Library opening hours extended',
      summary: 'From January, the central library opens until 22:00 on weekdays.',
      url: 'https://city.example/news/42',
      published: '2025-12-20T09:00:00Z',
      image: { src: 'https://city.example/images/library.jpg' },
      authors: ['City Press Office'],
    });
  });

  it('uses the start of the text as the title of an item without one', async () => {
    const { feed } = parseFeed(await fixture('jsonfeed-full'), BASE);
    const untitled = feed.news.find((n) => n.id === 'untitled')!;
    const title = untitled.title as string;
    expect(title.endsWith('…')).to.equal(true);
    expect(title.length).to.be.at.most(91);
    expect(title.length).to.be.greaterThan(45);
    expect(title).to.equal('Today the mayor met neighbourhood associations to discuss the new participatory budget for…');
    // The title holds only the start: the whole text stays as the summary.
    expect(untitled.summary).to.match(/^Today the mayor .* every district of the city\.$/);
    expect(untitled.url).to.equal('https://city.example/news/untitled');
    // A short text is the title, and is not repeated as the summary.
    const short = feed.news.find((n) => n.id === 'short')!;
    expect(short.title).to.equal('Markets open on Sunday.');
    expect(short.summary).to.equal(undefined);
  });

  it('uses the url as the id of an item without one', async () => {
    const { feed } = parseFeed(await fixture('jsonfeed-full'), BASE);
    expect(feed.news[4]!.id).to.equal('https://city.example/news/no-id');
    expect(feed.news[4]!.url).to.equal('https://city.example/news/no-id');
  });

  it('strips content_html to plain text when it is the only text: no script, style or image survives', async () => {
    const { feed, skipped } = parseFeed(await fixture('jsonfeed-html'), BASE);
    expect(feed.news.map((n) => n.id)).to.deep.equal(['h1', 'h2', 'h3']);
    // h4 holds only a script: no text at all, so nothing to show.
    expect(skipped.news).to.equal(1);
    expect(feed.news[0]!.title).to.equal('Parks and gardens');
    expect(feed.news[0]!.summary).to.equal('New parks & gardens: 12 sites, “green” — <finally>. North South');
    expect(feed.news[1]!.title).to.equal("Water quality report '2025' published");
    expect(feed.news[1]!.summary).to.equal(undefined);
    expect(feed.news[2]!.summary).to.equal(undefined);
    const all = JSON.stringify(feed.news);
    for (const bad of ['alert', 'onerror', 'pwned', 'display: none', 'hidden', '<img', 'script']) {
      expect(all).not.to.contain(bad);
    }
  });

  it('skips items without a usable date_published and counts them', async () => {
    const { feed, skipped } = parseFeed(await fixture('jsonfeed-dates'), BASE);
    expect(feed.news.map((n) => n.id)).to.deep.equal(['ok', 'fraction']);
    // missing, only date_modified, a day without a time, no offset, an impossible date.
    expect(skipped.news).to.equal(5);
  });

  it('applies the same URL rules as our own format', async () => {
    const { feed, skipped } = parseFeed(await fixture('jsonfeed-urls'), BASE);
    expect(feed.news.map((n) => [n.id, n.url])).to.deep.equal([
      ['external', 'https://elsewhere.example/story'],
      ['relative', 'https://city.example/feeds/news/relative'],
    ]);
    // javascript:, an obfuscated javascript:, data:, mailto:, no url at all.
    expect(skipped.news).to.equal(5);
    // A javascript: image is dropped, the item kept; a javascript: home page is ignored.
    expect(feed.news[1]!.image).to.equal(undefined);
    expect(feed.home_page_url).to.equal(undefined);
  });

  it('reads JSON Feed 1.0: author objects, numeric ids', async () => {
    const { feed, skipped } = parseFeed(await fixture('jsonfeed-v1'), BASE);
    expect(skipped.news).to.equal(0);
    expect(feed.title).to.equal('Metropolis blog');
    expect(feed.home_page_url).to.equal('https://www.metropolis.org/blog');
    expect(feed.news.map((n) => [n.id, n.authors])).to.deep.equal([
      ['2', ['Octavi de la Varga']],
      ['1', ['Metropolis Secretariat']],
    ]);
    expect(feed.news[0]!.summary).to.equal('A call for proposals.');
    expect(feed.news[0]!.image).to.deep.equal({ src: 'https://www.metropolis.org/blog/2.jpg' });
    expect(feed.news[1]!.summary).to.equal('Our first post.');
  });

  it('validates each item like our own format: bad items are skipped and counted, the rest kept', () => {
    const { feed, skipped } = parseFeed(
      jsonFeed([
        item({ id: 'ok' }),
        null,
        'a string',
        [item()],
        item({ id: 'ok' }),
        item({ id: '', url: undefined }),
        item({ id: 'no-text', title: '   ', summary: ' \n ' }),
        item({ id: 'x'.repeat(300) }),
        item({ id: 'ok2', image: '', banner_image: 'b.png' }),
      ]),
      BASE,
    );
    expect(feed.news.map((n) => n.id)).to.deep.equal(['ok', 'ok2']);
    // null, a string, an array, a duplicate id, no id nor url, no text, an id too long.
    expect(skipped.news).to.equal(7);
    expect(feed.news[1]!.image).to.deep.equal({ src: 'https://city.example/feeds/b.png' });
  });

  it('counts a non-array items as one skipped entry and reads a feed without items as empty', () => {
    expect(parseFeed(jsonFeed({ id: 'x' }), BASE).skipped.news).to.equal(1);
    const empty = parseFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'T' }, BASE);
    expect(empty.feed.news).to.deep.equal([]);
    expect(empty.skipped.news).to.equal(0);
  });

  it('keeps an item language equal to the feed language as a plain string, ignores an invalid one', () => {
    const { feed } = parseFeed(
      jsonFeed([item({ id: 'same', language: 'en' }), item({ id: 'bad', language: '__proto__' }), item({ id: 'fr', language: 'fr-CA' })], {
        language: 'en',
      }),
      BASE,
    );
    expect(feed.news.map((n) => n.title)).to.deep.equal(['A', 'A', { 'fr-CA': 'A' }]);
  });

  it('clamps very long texts instead of dropping the item', () => {
    const long = `<p>${'word '.repeat(30_000)}</p>`;
    const { feed, skipped } = parseFeed(jsonFeed([item({ title: 'T'.repeat(200_000), content_html: long })]), BASE);
    expect(skipped.news).to.equal(0);
    expect((feed.news[0]!.title as string).length).to.be.at.most(301);
    expect((feed.news[0]!.summary as string).length).to.be.at.most(1201);
    expect((feed.news[0]!.summary as string).endsWith('…')).to.equal(true);
  });

  it('returns a document in our format, version 1', () => {
    expect(jsonFeedToFeed({ version: 'https://jsonfeed.org/version/1.1', title: ' News ', language: 'es', items: [] })).to.deep.equal({
      version: 1,
      title: 'News',
      language: 'es',
      news: [],
    });
  });

  it('loads a JSON Feed over HTTP served as application/feed+json, and its cached copy validates again', async () => {
    clearLoaderMemory();
    clearFeedCache();
    const url = feedUrl(uniqueKey(), { fixture: 'jsonfeed-full', type: 'application/feed+json' });
    const result = await loadFeed(url);
    expect(result.feed.news).to.have.length(5);
    expect(result.feed.news[2]!.url).to.equal(new URL('/news/untitled', location.origin).href);
    const cached = readCachedFeed(url)!;
    expect(cached.feed.news).to.deep.equal(result.feed.news);
    expect(cached.feed.news[0]!.authors).to.deep.equal(['Ana Gómez', 'Bo Lin']);
    clearFeedCache();
  });
});

describe('htmlToText', () => {
  it('drops script and style elements with their content, comments and every tag', () => {
    expect(htmlToText('a<script>alert(1)</script>b<style>p{}</style>c<!-- x -->d')).to.equal('abcd');
    expect(htmlToText('<ScRiPt >x</sCrIpT >after')).to.equal('after');
    expect(htmlToText('<img src=x onerror="alert(1)">text')).to.equal('text');
    expect(htmlToText('<img alt="a > b" onerror=\'x>y\'>text')).to.equal('text');
    expect(htmlToText('<b>bold</b><i>ital</i>')).to.equal('boldital');
    expect(htmlToText('<p>one</p><p>two</p>line<br/>break')).to.equal('one two line break');
    expect(htmlToText('<!DOCTYPE html><![CDATA[x]]>ok<?xml version="1.0"?>')).to.equal('ok');
  });

  it('drops everything after an unclosed script or comment', () => {
    expect(htmlToText('before<script>alert(1)')).to.equal('before');
    expect(htmlToText('before<!-- never closed <b>x</b>')).to.equal('before');
    expect(htmlToText('before<a href="never closed>x')).to.equal('before');
  });

  it('keeps a lone "<" as text', () => {
    expect(htmlToText('1 < 2 and 3 <4')).to.equal('1 < 2 and 3 <4');
  });

  it('decodes the common entities once, and numeric ones safely', () => {
    expect(decodeEntities('&amp; &lt; &gt; &quot; &#39; &apos; &nbsp;')).to.equal('& < > " \' \' \u00a0');
    expect(decodeEntities('&#8220;x&#x201D; &#X2014;')).to.equal('“x” —');
    expect(decodeEntities('&amp;lt;')).to.equal('&lt;');
    expect(decodeEntities('&#0; &#x110000; &#xD800; &#99999999;')).to.equal('\ufffd \ufffd \ufffd \ufffd');
    expect(decodeEntities('&unknown; &constructor; &toString; & alone')).to.equal('&unknown; &constructor; &toString; & alone');
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).to.equal('<script>alert(1)</script>');
  });

  it('collapses whitespace', () => {
    expect(htmlToText('  a \n\t b&nbsp;&nbsp;c  ')).to.equal('a b c');
  });

  it('runs in linear time on hostile markup', () => {
    const hostile = ['<a '.repeat(50_000), '<a "'.repeat(50_000), '<!--'.repeat(50_000), '<script>'.repeat(50_000), '&#'.repeat(50_000)];
    const started = performance.now();
    for (const html of hostile) htmlToText(html);
    expect(performance.now() - started).to.be.lessThan(500);
  });

  it('needs no DOM: the adapter runs in a worker, where there is no document', async () => {
    const module = new URL('../src/data/jsonfeed.ts', import.meta.url).href;
    const rules = new URL('../src/data/rules.ts', import.meta.url).href;
    const source = `
      import { htmlToText, convertJsonFeed } from '${module}';
      import { LANGUAGE_TAG } from '${rules}';
      const doc = convertJsonFeed({ version: 'https://jsonfeed.org/version/1', items: [{ id: '1', content_html: '<p>a &amp; <b>b</b></p>' }] }, LANGUAGE_TAG);
      postMessage({ text: htmlToText('<p>x<script>y</script></p>'), doc, hasDocument: typeof document !== 'undefined' });
    `;
    const blob = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(blob, { type: 'module' });
    try {
      const data = await new Promise<{ text: string; doc: { news: { title: string }[] }; hasDocument: boolean }>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
      });
      expect(data.hasDocument).to.equal(false);
      expect(data.text).to.equal('x');
      expect(data.doc.news[0]!.title).to.equal('a & b');
    } finally {
      worker.terminate();
      URL.revokeObjectURL(blob);
    }
  });
});
