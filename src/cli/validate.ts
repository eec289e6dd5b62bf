/**
 * `cities-widgets validate`: checks a feed exactly as the widgets will read it, and says why in plain words.
 *
 * The verdict (which items are kept, which are skipped) comes from the widgets' own parser (parseFeed).
 * The reasons come from running each item through the same zod schema (ITEM_SCHEMAS) and wording the issues.
 * Warnings cover what is valid but unwise: http links, only past events, missing translations, unknown fields.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { parseDateTime } from '../data/dates.js';
import { FeedError } from '../data/errors.js';
import { DEFAULTS } from '../data/loader.js';
import { DEFAULT_MAX_ITEMS, isJsonFeed, jsonFeedToFeed, parseFeed, type ParseResult } from '../data/parse.js';
import { TOPIC_LABELS_MAX } from '../data/validate.js';
import { FeedSchema, ITEM_SCHEMAS, ImageSchema, LISTS, LocalizedTextSchema, ShortLocalizedTextSchema, type ListName, type LocalizedText } from '../data/schema.js';
import { keyOf } from '../data/text.js';
import { safeUrl } from '../data/urls.js';
import { listFormat, numberFormat } from '../i18n/format.js';
import { CliError, issueProblems, joinPath, jsonSyntaxMessage, kindOf, plural, preview, type Problem } from './messages.js';

export interface ListSummary {
  kept: number;
  skipped: number;
}

export interface Report {
  /** No whole-feed error, no skipped item, no invalid top-level field. Warnings are allowed. */
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
  lists: Record<ListName, ListSummary>;
}

export interface ValidateOptions {
  /** The URL the feed is served from: relative URLs in it resolve against this. */
  baseUrl: string;
  /** "Now", for the past-events warning (default: the clock). */
  now?: number;
}

/** Base URL for a feed read from a file: relative links resolve to an https placeholder, so they count as valid. */
export const PLACEHOLDER_BASE = 'https://feed.invalid/feed.json';

// ---------------------------------------------------------------------------------------------------------
// Fields, read off the schema so that the CLI follows the format without a second list of fields.

export type FieldKind = 'text' | 'string' | 'url' | 'list' | 'boolean' | 'image';
export interface FieldInfo {
  kind: FieldKind;
  required: boolean;
  /** A text that may stay one plain string in a multilingual feed (a region): not counted as a missing translation. */
  plainOk?: boolean;
}

const fieldCache = new Map<ListName, Map<string, FieldInfo>>();

/** The fields of one list's items, in schema order, with their kind and whether they are required. */
export function fieldsOf(list: ListName): Map<string, FieldInfo> {
  let fields = fieldCache.get(list);
  if (fields) return fields;
  fields = new Map();
  for (const [key, schema] of Object.entries(ITEM_SCHEMAS[list].shape) as [string, z.ZodMiniType][]) {
    const def = schema._zod.def as { type: string; innerType?: z.ZodMiniType };
    const required = def.type !== 'optional';
    const inner = def.innerType ?? schema;
    const type = inner._zod.def.type;
    const kind: FieldKind =
      inner === LocalizedTextSchema || inner === ShortLocalizedTextSchema ? 'text'
      : inner === ImageSchema ? 'image'
      : type === 'array' ? 'list'
      : type === 'boolean' ? 'boolean'
      : key === 'url' || key.endsWith('_url') ? 'url'
      : 'string';
    fields.set(key, inner === ShortLocalizedTextSchema ? { kind, required, plainOk: true } : { kind, required });
  }
  fieldCache.set(list, fields);
  return fields;
}

/**
 * Why the widgets would skip this item, in plain words (empty when they keep it, duplicates aside).
 * @param path the item's JSON path, prefixed to each problem's path ('' for paths relative to the item).
 */
export function itemProblems(list: ListName, item: unknown, baseUrl: string, path: string): Problem[] {
  const result = z.safeParse(ITEM_SCHEMAS[list], item);
  if (!result.success) return issueProblems(result.error.issues, item, path);
  // The one rule outside the schema (parse.ts): a news item is a link, so its URL must be http(s).
  if (list === 'news' && !safeUrl((item as { url: string }).url, baseUrl)) {
    return [{ path: joinPath(path, ['url']), message: `not an http(s) link (found ${preview((item as { url: string }).url)})` }];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------
// Validation of a parsed document.

interface Context {
  base: string;
  feedLanguage: string | undefined;
  errors: Problem[];
  warnings: Problem[];
  /** Every localized text of the kept items, for the missing-translation warning. */
  texts: { path: string; value: LocalizedText }[];
  /** The latest end (or start) of the kept events. */
  lastEvent: { time: number; text: string } | undefined;
}

const emptyLists = (): Record<ListName, ListSummary> =>
  Object.fromEntries(LISTS.map((list) => [list, { kept: 0, skipped: 0 }])) as Record<ListName, ListSummary>;

/** Validates a parsed JSON document: our format, version 1, or a JSON Feed (read as news). */
export function validateDocument(doc: unknown, options: ValidateOptions): Report {
  const report: Report = { valid: false, errors: [], warnings: [], lists: emptyLists() };
  let result: ParseResult;
  try {
    result = parseFeed(doc, options.baseUrl);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    report.errors.push(wholeFeedProblem(doc, error));
    return report;
  }
  const jsonFeed = isJsonFeed(doc);
  const native = (jsonFeed ? jsonFeedToFeed(doc) : doc) as Record<string, unknown>;
  const language = native['language'];
  const ctx: Context = {
    base: options.baseUrl,
    feedLanguage: typeof language === 'string' ? language : undefined,
    errors: report.errors,
    warnings: report.warnings,
    texts: [],
    lastEvent: undefined,
  };

  checkTopLevel(native, ctx);
  for (const list of LISTS) {
    checkList(list, native[list], result.skipped[list], ctx);
    report.lists[list] = { kept: result.feed[list].length, skipped: result.skipped[list] };
  }
  if (LISTS.every((list) => native[list] === undefined)) {
    report.warnings.push({ path: '', message: 'the feed has no initiatives, events, quotes or news: every widget will show its empty state' });
  }
  const now = options.now ?? Date.now();
  if (ctx.lastEvent && ctx.lastEvent.time < now) {
    report.warnings.push({
      path: 'events',
      message: `every event is in the past (the latest: ${ctx.lastEvent.text}): the countdown has nothing to count down to`,
    });
  }
  report.warnings.push(...missingTranslations(ctx));
  report.warnings.push(...unlabelledTopics(native, result));

  if (jsonFeed) {
    // Speak of the publisher's own document: JSON Feed `items`, not our `news`.
    for (const problem of [...report.errors, ...report.warnings]) {
      problem.path = jsonFeedPath(problem.path);
      problem.message = problem.message.replace(/\bnews\[/g, 'items[');
    }
  }
  report.valid = report.errors.length === 0;
  return report;
}

function wholeFeedProblem(doc: unknown, error: FeedError): Problem {
  if (error.kind === 'format') return { path: '', message: `the feed must be a JSON object, like {"version": 1, …}, not ${kindOf(doc)}` };
  if (error.kind === 'version' && !isJsonFeed(doc)) {
    const version = (doc as Record<string, unknown>)['version'];
    return { path: 'version', message: version === undefined ? 'missing (required): write "version": 1' : `must be the number 1, not ${kindOf(version)}` };
  }
  return { path: '', message: error.message };
}

function checkTopLevel(doc: Record<string, unknown>, ctx: Context): void {
  for (const key of ['title', 'language', 'home_page_url', 'topics'] as const) {
    const value = doc[key];
    if (value === undefined) continue;
    const result = z.safeParse(FeedSchema.shape[key], value);
    if (key === 'topics') checkTopicLabels(value, ctx);
    if (!result.success) {
      for (const problem of issueProblems(result.error.issues, value, key)) {
        ctx.errors.push({ path: problem.path, message: `${problem.message}: the widgets ignore it` });
      }
      continue;
    }
    if (key === 'home_page_url') checkUrl(value, key, 'link', ctx, true);
    if (key === 'title') ctx.texts.push({ path: key, value: value as LocalizedText });
  }
}

function checkList(list: ListName, items: unknown, skippedByWidgets: number, ctx: Context): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    ctx.errors.push({ path: list, message: `must be a list (a JSON array), not ${kindOf(items)}` });
    return;
  }
  const seen = new Map<string, number>();
  let kept = 0;
  let skipped = 0;
  let capped = false;
  items.forEach((item: unknown, index) => {
    const path = `${list}[${index}]`;
    if (kept >= DEFAULT_MAX_ITEMS) {
      if (!capped) {
        const max = numberFormat('en').format(DEFAULT_MAX_ITEMS);
        ctx.errors.push({ path: list, message: `more than ${max} valid items: the widgets skip everything from ${path} on` });
        capped = true;
      }
      skipped++;
      return;
    }
    const problems = itemProblems(list, item, ctx.base, path);
    if (problems.length > 0) {
      ctx.errors.push(...problems);
      skipped++;
      return;
    }
    const id = (item as { id: string }).id;
    const first = seen.get(id);
    if (first !== undefined) {
      ctx.errors.push({ path: `${path}.id`, message: `repeats the id of ${list}[${first}] (${preview(id)}): the widgets skip it` });
      skipped++;
      return;
    }
    seen.set(id, index);
    kept++;
    checkItem(list, item as Record<string, unknown>, path, ctx);
  });
  if (skippedByWidgets > skipped) {
    // A safety net: the widgets' parser is the judge; never call a feed valid when it skips something.
    ctx.errors.push({ path: list, message: `the widgets skip ${plural(skippedByWidgets - skipped, 'more item')} here` });
  }
}

/**
 * The labels of `topics`, one by one, as the widgets read them (each good label is kept, whatever the others
 * are): the problems zod's verdict on the whole map does not name, and the texts for the translation check.
 */
function checkTopicLabels(value: unknown, ctx: Context): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > TOPIC_LABELS_MAX) {
    const max = numberFormat('en').format(TOPIC_LABELS_MAX);
    ctx.warnings.push({ path: 'topics', message: `more than ${max} labels: the widgets ignore every one from ${preview(entries[TOPIC_LABELS_MAX]![0])} on` });
  }
  const firstOf = new Map<string, string>();
  for (const [topic, label] of entries) {
    const path = joinPath('topics', [topic]);
    const key = keyOf(topic);
    const same = firstOf.get(key);
    if (same === undefined) firstOf.set(key, topic);
    else ctx.warnings.push({ path, message: `labels the same topic as ${preview(same)} (case, accents and spacing aside): the widgets use the later one` });
    // zod's record passes a `__proto__` key over in silence; the widgets ignore its label too.
    if (topic === '__proto__') ctx.errors.push({ path, message: 'cannot be a topic: the widgets ignore it' });
    else if (z.safeParse(LocalizedTextSchema, label).success) ctx.texts.push({ path, value: label as LocalizedText });
  }
}

/** Warnings on an item the widgets keep. */
function checkItem(list: ListName, item: Record<string, unknown>, path: string, ctx: Context): void {
  const fields = fieldsOf(list);
  for (const key of Object.keys(item)) {
    if (!fields.has(key) && !/^[_$]/.test(key)) {
      ctx.warnings.push({ path: joinPath(path, [key]), message: 'unknown field (a typo?): the widgets ignore it' });
    }
  }
  for (const [key, { kind, plainOk }] of fields) {
    const value = item[key];
    if (value === undefined) continue;
    const at = joinPath(path, [key]);
    if (kind === 'text') {
      // A blank text (an empty region, which shows nothing) has nothing to translate; nor has a plain-string
      // region (a field that was never translatable before it could be localized: "Europe" stays as it is).
      if (!isBlank(value as LocalizedText) && !(plainOk && typeof value === 'string')) ctx.texts.push({ path: at, value: value as LocalizedText });
    } else if (kind === 'url') checkUrl(value, at, 'link', ctx, false);
    else if (kind === 'image') {
      const image = value as { src: string; alt?: LocalizedText };
      checkUrl(image.src, `${at}.src`, 'image', ctx, false);
      // An empty alt marks a decorative image: it needs no translation.
      if (image.alt !== undefined && !isBlank(image.alt)) ctx.texts.push({ path: `${at}.alt`, value: image.alt });
      for (const k of Object.keys(image)) {
        if (k !== 'src' && k !== 'alt') ctx.warnings.push({ path: joinPath(at, [k]), message: 'unknown field (a typo?): the widgets ignore it' });
      }
    }
  }
  if (list === 'events') {
    const event = item as { start: string; end?: string };
    const text = event.end ?? event.start;
    const time = parseDateTime(text)!;
    if (!ctx.lastEvent || time > ctx.lastEvent.time) ctx.lastEvent = { time, text };
  }
}

function checkUrl(raw: unknown, path: string, what: 'link' | 'image', ctx: Context, topLevel: boolean): void {
  const url = safeUrl(raw, ctx.base);
  if (url === undefined) {
    const problem = { path, message: `not an http(s) ${what} (found ${preview(raw)}): the widgets ignore it` };
    (topLevel ? ctx.errors : ctx.warnings).push(problem);
  } else if (url.startsWith('http:') && /^\s*http:/i.test(String(raw))) {
    // (A relative URL takes the feed's own scheme: an http feed is reported once, not per link.)
    ctx.warnings.push({
      path,
      message:
        what === 'image'
          ? 'an image over http: browsers upgrade or block it on https pages; use https'
          : 'an http link: use https',
    });
  }
}

const isBlank = (value: LocalizedText) =>
  typeof value === 'string' ? value.trim() === '' : Object.values(value).every((v) => v.trim() === '');

/**
 * With a `topics` map of labels: the topics of the kept initiatives that it gives no label, which the feed widget
 * shows as written. (Matched as the widget matches them: case, accents and spacing folded.)
 */
function unlabelledTopics(native: Record<string, unknown>, result: ParseResult): Problem[] {
  if (native['topics'] === undefined) return [];
  const labelled = new Set(Object.keys(result.feed.topics ?? {}).map(keyOf));
  const count = new Map<string, number>();
  for (const { topics } of result.feed.initiatives) {
    for (const topic of topics ?? []) {
      const key = keyOf(topic);
      if (key && !labelled.has(key)) count.set(topic, (count.get(topic) ?? 0) + 1);
    }
  }
  return [...count].map(([topic, n]) => ({
    path: 'topics',
    message: `no label for the topic ${JSON.stringify(topic)} (${n === 1 ? '1 initiative' : `${n} initiatives`}): the feed widget shows it as written`,
  }));
}

/**
 * A language that most localized texts of the feed have (more than half) but some lack: names each text
 * that lacks it. A plain string counts as being in the feed's `language`. Languages compare by their base
 * ("es-CO" serves "es"), as the widgets' fallback does.
 */
function missingTranslations(ctx: Context): Problem[] {
  const entries = ctx.texts.map(({ path, value }) => {
    const tags =
      typeof value === 'string'
        ? ctx.feedLanguage ? [ctx.feedLanguage] : []
        : Object.entries(value).filter(([, text]) => text.trim() !== '').map(([tag]) => tag);
    return { path, languages: new Set(tags.map((tag) => tag.toLowerCase().split('-')[0]!)) };
  });
  const counts = new Map<string, number>();
  for (const { languages } of entries) for (const lang of languages) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  const common = [...counts].filter(([, n]) => n > entries.length / 2 && n < entries.length).map(([lang]) => lang);
  if (common.length === 0) return [];
  const or = listFormat('en', { type: 'disjunction' });
  const out: Problem[] = [];
  for (const { path, languages } of entries) {
    const missing = common.filter((lang) => !languages.has(lang));
    if (missing.length === 0) continue;
    out.push({
      path,
      message: `no ${or.format(missing.map((lang) => `"${lang}"`))} text, though most texts in this feed have one`,
    });
  }
  return out;
}

/** `news[2].published` → `items[2].date_published`: a JSON Feed's own names. */
function jsonFeedPath(path: string): string {
  return path
    .replace(/^news(?=\[|$)/, 'items')
    .replace(/^(items\[\d+\])\.published$/, '$1.date_published')
    .replace(/^(items\[\d+\])\.image\.src$/, '$1.image');
}

// ---------------------------------------------------------------------------------------------------------
// Reading the feed: a file or an http(s) URL.

export interface Source {
  /** The file or URL as the user wrote it. */
  label: string;
  bytes: Uint8Array;
  baseUrl: string;
  /** What the HTTP response says about the feed (errors make the feed unusable). */
  errors: Problem[];
  warnings: Problem[];
}

const ACCEPT = 'application/json, application/feed+json;q=0.9, */*;q=0.1';

/** Reads a file or fetches an http(s) URL (10 s timeout). Throws CliError when it cannot. */
export async function readSource(input: string, baseUrl?: string): Promise<Source> {
  if (/^https?:\/\//i.test(input)) return fetchSource(input, baseUrl);
  if (/^[a-z][a-z\d+.-]+:\/\//i.test(input)) throw new CliError(`${input}: give a file path or an http(s) URL`);
  try {
    return { label: input, bytes: await readFile(input), baseUrl: baseUrl ?? PLACEHOLDER_BASE, errors: [], warnings: [] };
  } catch (error) {
    throw new CliError(`cannot read ${input}: ${fsReason(error)}`);
  }
}

export function fsReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

async function fetchSource(url: string, baseUrl?: string): Promise<Source> {
  const timeout = DEFAULTS.timeout;
  const fail = (error: unknown): never => {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const reason = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${timeout / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new CliError(`could not fetch ${url}: ${reason}`);
  };
  const signal = AbortSignal.timeout(timeout);
  // An Origin, as a browser on a partner site sends, so that the server shows its CORS headers.
  const response = await fetch(url, { signal, headers: { accept: ACCEPT, origin: 'https://partner.example' } }).catch(fail);
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw new CliError(`could not fetch ${url}: HTTP ${response.status} ${response.statusText}`.trimEnd());
  }
  const bytes = new Uint8Array(await response.arrayBuffer().catch(fail));
  const finalUrl = response.url || url;
  const source: Source = { label: url, bytes, baseUrl: baseUrl ?? finalUrl, errors: [], warnings: [] };
  const type = response.headers.get('content-type') ?? '';
  if (/^\s*text\/html/i.test(type)) {
    source.errors.push({ path: '', message: `the URL answers with an HTML page (Content-Type: ${type}), not JSON: the widgets reject it` });
  } else if (!/json/i.test(type)) {
    source.warnings.push({ path: '', message: `served as ${preview(type || 'no Content-Type')}: serve it as application/json` });
  }
  if (!response.headers.has('access-control-allow-origin')) {
    source.warnings.push({
      path: '',
      message: 'no Access-Control-Allow-Origin header: browsers on partner sites cannot read the feed (send "Access-Control-Allow-Origin: *")',
    });
  }
  if (finalUrl.startsWith('http:')) {
    source.warnings.push({ path: '', message: 'the feed is served over http: pages on https cannot load it; serve it over https' });
  }
  return source;
}

/** Validates what readSource read: size, JSON syntax, then the document. */
export function validateSource(source: Source, options: Partial<ValidateOptions> = {}): Report {
  const report: Report = { valid: false, errors: [...source.errors], warnings: [...source.warnings], lists: emptyLists() };
  if (report.errors.length > 0) return report;
  const max = DEFAULTS.maxBytes;
  if (source.bytes.byteLength > max) {
    const mb = (n: number) => `${numberFormat('en', { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`;
    report.errors.push({ path: '', message: `the feed is ${mb(source.bytes.byteLength)}: the widgets refuse feeds over ${mb(max)}` });
  }
  // Decoded as the browser does: UTF-8, a byte-order mark dropped.
  const text = new TextDecoder().decode(source.bytes);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    const where = line === undefined ? '' : ` at line ${line}, column ${column}`;
    report.errors.push({ path: '', message: `not valid JSON${where}: ${jsonSyntaxMessage((error as Error).message)}` });
    return report;
  }
  const result = validateDocument(doc, { baseUrl: options.baseUrl ?? source.baseUrl, ...(options.now === undefined ? {} : { now: options.now }) });
  result.errors.unshift(...report.errors);
  result.warnings.unshift(...report.warnings);
  result.valid = result.errors.length === 0;
  return result;
}

/**
 * Where JSON.parse gave up: the offset of the first syntax error (V8 only names it for some errors).
 * A small recursive-descent check; -1 when it finds none or the nesting is too deep to follow.
 */
function jsonErrorOffset(s: string): number {
  let i = 0;
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const c = s[i];
      if (c === undefined || c < ' ') fail();
      if (c === '"') return void i++;
      if (c === '\\') {
        if (s[i + 1] === 'u' ? !/^[\da-fA-F]{4}$/.test(s.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(s[i + 1] ?? 'x')) fail();
        i += s[i + 1] === 'u' ? 6 : 2;
      } else i++;
    }
  };
  const value = (): void => {
    space();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (s[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          space();
          if (s[i] !== '"') fail();
          string();
          space();
          if (s[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (s[i] === ',') i++;
        else if (s[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    if (!NUMBER.test(s)) fail();
    i = NUMBER.lastIndex;
  };
  try {
    value();
    space();
    if (i < s.length) fail();
    return -1;
  } catch (error) {
    if (typeof error === 'number') return error;
    return -1; // RangeError: nested too deep to follow
  }
}

function lineColumn(text: string, offset: number): { line?: number; column?: number } {
  if (offset < 0) return {};
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

// ---------------------------------------------------------------------------------------------------------
// Output.

/** The report as text for a terminal. */
export function formatReport(report: Report, label: string): string {
  const out = [`Checked ${label}`, ''];
  const line = (kind: string, p: Problem) => `${kind.padEnd(8)} ${p.path ? `${p.path}: ` : ''}${p.message}`;
  for (const p of report.errors) out.push(line('error', p));
  for (const p of report.warnings) out.push(line('warning', p));
  if (report.errors.length + report.warnings.length > 0) out.push('');
  const shown = LISTS.filter((list) => report.lists[list].kept + report.lists[list].skipped > 0);
  for (const list of shown) {
    const { kept, skipped } = report.lists[list];
    out.push(`${list.padEnd(12)} ${String(kept).padStart(5)} kept${skipped ? `, ${skipped} skipped` : ''}`);
  }
  if (shown.length > 0) out.push('');
  const skipped = LISTS.reduce((sum, list) => sum + report.lists[list].skipped, 0);
  const warnings = report.warnings.length ? ` (${plural(report.warnings.length, 'warning')})` : '';
  if (report.valid) out.push(`Valid${warnings}: the widgets show every item.`);
  else if (report.errors.some((e) => e.path === '' || e.path === 'version')) out.push('Invalid: the widgets cannot use this feed.');
  else {
    out.push(`Invalid: ${plural(report.errors.length, 'error')}${warnings}.${skipped ? ` The widgets skip ${plural(skipped, 'item')} and show the rest.` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** `cities-widgets validate`: exit 0 valid, 1 invalid. Reading or fetching failures throw CliError (exit 2). */
export async function validateCommand(options: { input: string; json: boolean; baseUrl?: string }): Promise<{ code: number; output: string }> {
  const source = await readSource(options.input, options.baseUrl);
  const report = validateSource(source);
  const output = options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, source.label);
  return { code: report.valid ? 0 : 1, output };
}
