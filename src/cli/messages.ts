/**
 * Plain-word messages for publishers: zod issues, CSV syntax errors and JSON syntax errors, each tied to a
 * JSON path such as `events[3].start`. Node-side only (the widgets never show these).
 */
import * as z from 'zod/mini';
import { DATE_TIME_PATTERN } from '../data/dates.js';
import { LANGUAGE_TAG, NOT_BLANK, type ListName } from '../data/schema.js';
import { numberFormat } from '../i18n/format.js';

// zod/mini says only "Invalid input" unless a locale is loaded. The CLI words the issues it knows itself and
// falls back to zod's English text for anything else. Global, but this process is only the CLI.
z.config(z.locales.en());

/** `1 row`, `2 rows`: a count and its noun, singular for exactly one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

const LIST_ITEM: Record<ListName, string> = { initiatives: 'initiative', events: 'event', quotes: 'quote', news: 'news' };

/** A count of one list's items: `1 event`, `4 events`, `1 news`, `3 news`. */
export function listCount(count: number, list: ListName): string {
  return plural(count, LIST_ITEM[list], list);
}

/** One problem or warning, at a JSON path ('' for the whole feed). */
export interface Problem {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

const DATE_EXAMPLE = '2026-11-29T15:00:00+01:00';
const PATTERNS: Record<string, string> = {
  [String(new RegExp(DATE_TIME_PATTERN))]: `not a date with a time-zone offset, like ${DATE_EXAMPLE}`,
  [String(/^[A-Za-z]{2}$/)]: 'not a two-letter country code (ISO 3166-1 alpha-2, like "CO" or "ES")',
  [String(LANGUAGE_TAG)]: 'not a language tag (like "en", "es" or "pt-BR")',
  [String(NOT_BLANK)]: 'is blank (only spaces)',
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  number: 'a number',
  array: 'a list (a JSON array)',
  object: 'an object',
  record: 'an object of texts by language, like {"en": "…", "es": "…"}',
};

/** `events[3].title.es`; keys that are not simple words are quoted: `title["en US"]`. */
export function joinPath(base: string, path: readonly Key[]): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(key))) out += out === '' ? String(key) : `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The issues of one `z.safeParse` as plain-word problems, one per path (the first one wins). */
export function issueProblems(issues: readonly Issue[], value: unknown, base: string): Problem[] {
  const out: Problem[] = [];
  collect(issues, value, [], out, base);
  const byPath = new Map<string, Problem>();
  for (const problem of out) if (!byPath.has(problem.path)) byPath.set(problem.path, problem);
  return [...byPath.values()];
}

function collect(issues: readonly Issue[], root: unknown, prefix: readonly Key[], out: Problem[], base: string): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const value = at(root, path);
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Each branch of a union failed. Word the branch meant for this type of value (an object for a
      // localized text given as an object), or else say which types would do.
      const branch = issue.errors.find((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0));
      if (branch && value !== undefined) {
        collect(branch, root, path, out, base);
        continue;
      }
      const expected = issue.errors.flatMap((errors) =>
        errors.filter((e) => e.code === 'invalid_type' && e.path.length === 0).map((e) => (e as z.core.$ZodIssueInvalidType).expected),
      );
      out.push({
        path: joinPath(base, path),
        message: value === undefined ? 'missing (required)' : `must be ${expected.map((e) => EXPECTED[e] ?? e).join(' or ')}`,
      });
      continue;
    }
    if (issue.code === 'invalid_key') {
      // The key itself is wrong (a language tag, say): the path names it, the value does not matter.
      for (const sub of issue.issues) out.push({ path: joinPath(base, path), message: word(sub, undefined) });
      continue;
    }
    out.push({ path: joinPath(base, path), message: word(issue, value) });
  }
}

function word(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'missing (required)';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'is empty' : `shorter than ${count(issue.minimum)} characters`;
      return `has fewer than ${count(issue.minimum)} entries`;
    case 'too_big':
      if (issue.origin === 'string') return `longer than ${count(issue.maximum)} characters`;
      return `has more than ${count(issue.maximum)} entries`;
    case 'invalid_format': {
      const known = issue.pattern === undefined ? undefined : PATTERNS[issue.pattern];
      return `${known ?? 'not in the expected format'}${found(value)}`;
    }
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${preview(value)}`;
    case 'custom':
      return `${issue.message}${found(value)}`;
    default:
      return issue.message;
  }
}

/** The value at a path inside a JSON value. */
function at(root: unknown, path: readonly Key[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<Key, unknown>)[key];
  }
  return value;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${preview(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

/** A short JSON rendering of a value, for messages. */
export function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 50 ? `${json.slice(0, 47)}…` : json;
}

function found(value: unknown): string {
  return typeof value === 'string' ? ` (found ${preview(value)})` : '';
}

const count = (n: number | bigint) => numberFormat('en').format(n);

/** A csv-parse error code in plain words. */
export function csvSyntaxMessage(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (a closing " is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted cell has text after its closing quote (inside quotes, write a quote as "")';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'the row has a different number of cells than the header';
    default:
      return fallback;
  }
}

/** V8's JSON.parse message without its position or its copy of the input: "Unexpected token '}'". */
export function jsonSyntaxMessage(message: string): string {
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/, ".*"\.\.\. is not valid JSON$/s, '')
    .replace(/ is not valid JSON$/, '');
}

/** A problem with the command itself (usage, a file that cannot be read, a URL that cannot be fetched): exit 2. */
export class CliError extends Error {
  override name = 'CliError';
  /** True when the command line itself is wrong (the help hint is shown). */
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}
