/**
 * JSON Feed adapter (https://www.jsonfeed.org/version/1.1/, and 1.0): maps a JSON Feed document onto our
 * own feed format, version 1, so that any widget can read a publisher's CMS feed. The result then goes
 * through exactly the same per-item validation, URL rules and text cleaning as a native feed
 * (see parse.ts): this module only renames fields and never decides what is valid.
 *
 * Mapping of each item to a news item:
 * - `id` (a number is coerced to a string, as the spec asks), else the item's `url`;
 * - `title`; without one, the start of the item's text (cut on a word, with "…");
 * - `summary`, else `content_text`, else `content_html` stripped to plain text (never inserted as HTML);
 * - `url`, else `external_url`;
 * - `date_published` → `published`. Items without a usable `date_published` are passed on without a date,
 *   so the news schema (which requires `published`) skips them and they are counted in `skipped.news`:
 *   a headline without a date cannot be placed in a "newest first" list;
 * - `image`, else `banner_image` → `image.src` (JSON Feed has no alt text; widgets treat it as decorative);
 * - `language` (1.1): the texts become `{ [language]: text }` when it differs from the feed's language;
 * - `authors` (1.1) or `author` (1.0), else the feed's authors: their names.
 *
 * At the top level: `title`, `home_page_url` and `language` carry over. Nothing here uses a DOM API, so the
 * data layer also runs in Node (a CLI validator).
 *
 * This module imports nothing: in the page bundles it is a chunk loaded on demand, and a chunk that imported
 * from the entry would name it by its plain URL; loaded as `cities-widgets.js?ver=…` (as a CMS writes it), the
 * page would then run a second copy of the whole bundle. What it needs is handed in; parse.ts has the throwing
 * form, jsonFeedToFeed.
 */

type Doc = Record<string, unknown>;

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/(\d+)(?:\.\d+)?\/?$/;

/** Longest text handed on: parse.ts clamps summaries to 1,200 characters and titles to 300 anyway. */
const TEXT_CLIP = 2000;
const TITLE_CLIP = 1000;
/** Length of a title taken from the start of an item's text. */
const HEADLINE = 90;
const MAX_AUTHORS = 10;


/**
 * A JSON Feed 1.x document as a document in our format, version 1, with its items as `news`; `undefined` for
 * another version of JSON Feed. `languageTag`: the feed format's LANGUAGE_TAG (rules.ts).
 */
export function convertJsonFeed(doc: Doc, languageTag: RegExp): unknown {
  const match = VERSION.exec(String(doc['version']));
  if (!match || match[1] !== '1') return undefined;
  const language = validLanguage(doc['language'], languageTag);
  const feedAuthors = authorNames(doc);
  const out: Doc = { version: 1 };
  const title = plain(doc['title'], TITLE_CLIP);
  if (title) out['title'] = title;
  if (language) out['language'] = language;
  if (doc['home_page_url'] !== undefined) out['home_page_url'] = doc['home_page_url'];
  const items = doc['items'];
  // A non-array `items` is handed on as it is, so that it counts as one skipped entry, like a native feed.
  if (items !== undefined) out['news'] = Array.isArray(items) ? items.map((item) => toNews(item, language, feedAuthors, languageTag)) : items;
  return out;
}

function toNews(item: unknown, feedLanguage: string | undefined, feedAuthors: string[], languageTag: RegExp): unknown {
  // Not an object: handed on unchanged, so that validation rejects and counts it.
  if (!isRecord(item)) return item;
  const itemLanguage = validLanguage(item['language'], languageTag);
  const lang = itemLanguage && itemLanguage !== feedLanguage ? itemLanguage : undefined;
  const localized = (text: string) => (lang ? { [lang]: text } : text);

  const html = item['content_html'];
  const text =
    plain(item['summary'], TEXT_CLIP) ??
    plain(item['content_text'], TEXT_CLIP) ??
    (typeof html === 'string' ? plain(htmlToText(html), TEXT_CLIP) : undefined);
  let title = plain(item['title'], TITLE_CLIP);
  let summary = text;
  if (!title && text) {
    title = headline(text);
    // The whole text fits in the title: showing it twice would say nothing more.
    if (title === text) summary = undefined;
  }

  const id = item['id'];
  const url = typeof item['url'] === 'string' ? item['url'] : item['external_url'];
  const image = [item['image'], item['banner_image']].find((src) => typeof src === 'string' && src.length > 0);
  const own = authorNames(item);
  const authors = own.length > 0 ? own : feedAuthors;

  const news: Doc = {
    id: typeof id === 'string' && id.length > 0 ? id : typeof id === 'number' && Number.isFinite(id) ? String(id) : url,
    url,
    published: item['date_published'],
  };
  if (title) news['title'] = localized(title);
  if (summary) news['summary'] = localized(summary);
  if (image) news['image'] = { src: image };
  if (authors.length > 0) news['authors'] = authors;
  return news;
}

/** Names from `authors` (1.1: an array of objects) or `author` (1.0: one object), de-duplicated. */
function authorNames(record: Doc): string[] {
  const list = Array.isArray(record['authors']) ? record['authors'] : record['author'] === undefined ? [] : [record['author']];
  const names: string[] = [];
  for (const author of list) {
    const name = isRecord(author) ? plain(author['name'], 200) : undefined;
    if (name && !names.includes(name) && names.length < MAX_AUTHORS) names.push(name);
  }
  return names;
}

/** A trimmed string with its whitespace collapsed and clipped, or `undefined` when there is no text. */
function plain(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim().slice(0, max);
  return text.length > 0 ? text : undefined;
}

/** The start of a text as a title: cut at a word boundary, with "…". */
function headline(text: string): string {
  if (text.length <= HEADLINE) return text;
  const cut = text.lastIndexOf(' ', HEADLINE);
  return `${text.slice(0, cut > HEADLINE / 2 ? cut : HEADLINE).trimEnd()}…`;
}

function validLanguage(value: unknown, languageTag: RegExp): string | undefined {
  return typeof value === 'string' && languageTag.test(value) ? value : undefined;
}

function isRecord(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Elements dropped with everything inside them. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math']);
/** Elements that separate words: replaced by a space so that "<p>a</p><p>b</p>" reads "a b". */
const BREAKS =
  /^(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|img|li|main|nav|ol|p|pre|section|table|td|th|tr|ul|video|audio|picture|source)$/;

/**
 * HTML as plain text, without any DOM API: drops comments and `<script>`, `<style>` (and similar) elements
 * with their content, removes every other tag, decodes the common entities and collapses whitespace.
 * One forward scan, linear in the input (no regular expression that can backtrack on hostile markup).
 * The result is only ever rendered as text.
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const n = html.length;
  let out = '';
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const tag = /^<(\/?)([a-z][^\s/>]*)/.exec(lower.slice(lt, lt + 40));
    const next = lower[lt + 1];
    if (!tag && next !== '!' && next !== '?') {
      // A lone "<" (as in "a < b") is text.
      out += '<';
      i = lt + 1;
      continue;
    }
    i = tagEnd(html, lt + 1);
    if (!tag) continue; // <!DOCTYPE>, <![CDATA[…]]>, <?…?>
    const name = tag[2]!;
    if (!tag[1] && DROPPED.has(name)) {
      const close = lower.indexOf(`</${name}`, i);
      i = close < 0 ? n : tagEnd(html, close + 1);
    }
    if (BREAKS.test(name)) out += ' ';
  }
  return decodeEntities(out).replace(/\s+/g, ' ').trim();
}

/** Index just past the `>` that closes the tag starting before `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return j + 1;
    }
  }
  return html.length;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/** Decodes the common named entities and numeric ones, in one pass ("&amp;lt;" stays "&lt;"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z]+));/g, (entity, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name]! : entity;
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}
