/**
 * Reading the translation catalogs in the browser: the XLIFF files (served by the test server from the
 * project root) and the generated runtime templates.
 */
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { targetLocales } from '../../src/generated/locale-codes.js';
import * as ar from '../../src/generated/locales/ar.js';
import * as es from '../../src/generated/locales/es.js';
import * as fr from '../../src/generated/locales/fr.js';
import * as pt from '../../src/generated/locales/pt.js';
import * as zhHans from '../../src/generated/locales/zh-Hans.js';

export type TargetLocale = (typeof targetLocales)[number];
export const TARGETS: readonly TargetLocale[] = targetLocales;

/** One piece of a message: fixed text, or a placeholder by its index. */
export type Piece = string | { ph: string };

export interface Unit {
  id: string;
  source: Piece[];
  /** Undefined when the unit has no `<target>`. */
  target: Piece[] | undefined;
  desc: string | undefined;
}

function pieces(element: Element): Piece[] {
  const out: Piece[] = [];
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    else if (node instanceof Element && node.localName === 'x') out.push({ ph: node.getAttribute('id') ?? '?' });
    else out.push(node.textContent ?? '');
  }
  return out;
}

/** A message as one string, placeholders written `{0}`. */
export const flat = (message: Piece[]): string =>
  message.map((p) => (typeof p === 'string' ? p : `{${p.ph}}`)).join('');

/** The placeholder ids of a message, sorted (their order may change with the target grammar). */
export const placeholders = (message: Piece[]): string[] =>
  message
    .filter((p): p is { ph: string } => typeof p !== 'string')
    .map((p) => p.ph)
    .sort();

/** The fixed text between placeholders. */
export const fragments = (message: Piece[]): string[] =>
  flat(message)
    .split(/\{\d+\}/)
    .map((s) => s.trim())
    .filter(Boolean);

const xliffCache = new Map<string, Promise<Unit[]>>();

/** The trans-units of `xliff/<locale>.xlf`, fetched over HTTP from the test server. */
export function readXliff(locale: string): Promise<Unit[]> {
  let promise = xliffCache.get(locale);
  if (!promise) {
    promise = (async () => {
      const response = await fetch(`/xliff/${locale}.xlf`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`xliff/${locale}.xlf: HTTP ${response.status}`);
      const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
      const error = doc.querySelector('parsererror');
      if (error) throw new Error(`xliff/${locale}.xlf is not well-formed XML: ${error.textContent}`);
      return [...doc.getElementsByTagName('trans-unit')].map((unit): Unit => {
        const source = unit.getElementsByTagName('source')[0];
        const target = unit.getElementsByTagName('target')[0];
        return {
          id: unit.getAttribute('id') ?? '',
          source: source ? pieces(source) : [],
          target: target ? pieces(target) : undefined,
          desc: unit.getElementsByTagName('note')[0]?.textContent ?? undefined,
        };
      });
    })();
    xliffCache.set(locale, promise);
  }
  return promise;
}

type Template = string | { strings: readonly string[]; values: readonly unknown[] };

/** The generated runtime templates of a locale (`src/generated/locales/<locale>.ts`), as flat strings. */
export function generatedTemplates(locale: TargetLocale): Map<string, string> {
  const modules: Record<TargetLocale, { templates: Record<string, Template> }> = { ar, es, fr, pt, 'zh-Hans': zhHans };
  const out = new Map<string, string>();
  for (const [id, template] of Object.entries(modules[locale].templates)) {
    if (typeof template === 'string') out.set(id, template);
    else out.set(id, template.strings.map((s, i) => (i === 0 ? s : `{${String(template.values[i - 1])}}${s}`)).join(''));
  }
  return out;
}

// ---- the msg() calls of the source ---------------------------------------------------------------

export interface SourceMessage {
  id: string;
  /** The message as the extractor sees it, placeholders written `{0}`. */
  text: string;
  file: string;
}

/** Cooks the raw text of a string or template literal part (escapes such as `\u2026`). */
const cook = (raw: string): string => new Function(`return \`${raw}\`;`)() as string;

/**
 * Reads one string literal, template literal or `str`/`html`-tagged template at `at`: its cooked fixed
 * parts and where it ends. Expressions inside `${…}` are skipped with their nested braces and strings.
 */
function readLiteral(code: string, at: number): { parts: string[]; html: boolean; end: number } | undefined {
  let i = at;
  let html = false;
  const tag = /^(str|html)\s*`/.exec(code.slice(i, i + 8));
  if (tag) {
    html = tag[1] === 'html';
    i += tag[0].length - 1;
  }
  const quote = code[i];
  if (quote === '"' || quote === "'") {
    let j = i + 1;
    while (code[j] !== quote) j += code[j] === '\\' ? 2 : 1;
    return { parts: [cook(code.slice(i + 1, j).replace(/`/g, '\\`').replace(/\\'/g, "'").replace(/\$\{/g, '\\${'))], html, end: j + 1 };
  }
  if (quote !== '`') return undefined;
  const parts: string[] = [];
  let j = i + 1;
  let start = j;
  while (code[j] !== '`') {
    if (code[j] === '\\') {
      j += 2;
    } else if (code[j] === '$' && code[j + 1] === '{') {
      parts.push(cook(code.slice(start, j)));
      j = skipExpression(code, j + 2);
      start = j;
    } else j += 1;
  }
  parts.push(cook(code.slice(start, j)));
  return { parts, html, end: j + 1 };
}

/** Index after the `}` that closes an expression starting at `at`. */
function skipExpression(code: string, at: number): number {
  let depth = 1;
  let j = at;
  while (depth > 0) {
    const c = code[j]!;
    if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
    else if (c === '"' || c === "'" || c === '`') {
      const inner = readLiteral(code, j);
      j = inner ? inner.end : j + 1;
      continue;
    }
    j += 1;
  }
  return j;
}

/**
 * Every `msg()` call of the library's source (the module graph of `src/cities-widgets.ts`, as the test
 * server serves it), with the id lit-localize gives it: the explicit `{ id }`, else the hash of its
 * fixed parts (`generateMsgId`, the same function the runtime and the extractor use).
 */
export async function sourceMessages(): Promise<{ messages: SourceMessage[]; files: string[] }> {
  const seen = new Set<string>();
  const queue = ['/src/cities-widgets.ts'];
  const messages: SourceMessage[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const response = await fetch(file);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    const code = (await response.text()).replace(/\/\/# sourceMappingURL=.*$/m, '');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*"(\.[^"]+)"/g)) {
      const url = new URL(m[1]!, new URL(file, location.origin)).pathname;
      if (url.startsWith('/src/') && !url.includes('/generated/')) queue.push(url);
    }
    for (const m of code.matchAll(/\bmsg\(\s*/g)) {
      // `msg()` with nothing inside is a mention in a doc comment.
      if (code[m.index + m[0].length] === ')') continue;
      const literal = readLiteral(code, m.index + m[0].length);
      if (!literal) throw new Error(`${file}: msg() with something else than a literal at ${m.index}`);
      const options = /^\s*,\s*\{([^}]*)\}/.exec(code.slice(literal.end));
      const explicit = options && /\bid:\s*(["'`])(.*?)\1/.exec(options[1]!);
      const id = explicit ? explicit[2]! : generateMsgId(literal.parts.length === 1 ? literal.parts[0]! : literal.parts, literal.html);
      const text = literal.parts.map((p, i) => (i === 0 ? p : `{${i - 1}}${p}`)).join('');
      messages.push({ id, text, file });
    }
  }
  return { messages, files: [...seen] };
}
