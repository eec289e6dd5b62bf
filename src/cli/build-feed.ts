/**
 * `cities-widgets build-feed`: writes a feed from spreadsheets (CSV, UTF-8, one header row).
 *
 * Columns are named like the feed's fields (read off the schema): `title`, `title.es` and `title.fr` make
 * localized text, `topics` and `authors` split on ";", `online` is true or false, `image` plus `image_alt`
 * (and `image_alt.es` …) make an image. A bad row is reported with its line number and skipped; the rest is
 * written. The feed is validated again with the widgets' own rules before it is written: an invalid feed is
 * never written.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import * as z from 'zod/mini';
import { LANGUAGE_TAG, LISTS, LocalizedTextSchema, type ListName, type LocalizedText } from '../data/schema.js';
import { keyOf } from '../data/text.js';
import { safeUrl } from '../data/urls.js';
import { CliError, csvSyntaxMessage, issueProblems, listCount, plural, preview, type Problem } from './messages.js';
import { fieldsOf, fsReason, itemProblems, PLACEHOLDER_BASE, validateDocument } from './validate.js';

export interface BuildOptions {
  /** CSV file per list. */
  inputs: Partial<Record<ListName, string>>;
  output: string;
  /** The feed's title: the plain text (in `language`) under '', translations under their language tag. */
  title?: Record<string, string>;
  /** Language of the plain columns (`title`) and of the feed (default "en"). */
  language?: string;
  homePageUrl?: string;
  /** CSV file of topic labels: a `topic` column and `label`, `label.es` … columns. */
  topics?: string;
}

interface Row {
  /** Line of the file where the row starts (1 is the header). */
  line: number;
  cells: string[];
}

interface Table {
  file: string;
  header: string[];
  rows: Row[];
}

interface Column {
  index: number;
  field: string;
  /** `alt` for `image_alt`. */
  part?: 'alt';
  /** The language of a `title.es` column; undefined for the plain `title`. */
  lang?: string;
}

interface ListResult {
  items: Record<string, unknown>[];
  /** CSV line of each item. */
  lines: number[];
  rows: number;
  skipped: number;
}

/** Reads a CSV file into rows of cells, each with its line number. Throws CliError when it cannot. */
export async function readCsv(file: string): Promise<Table> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${fsReason(error)}`);
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file} is not UTF-8 text: save it as "CSV UTF-8"`);
  }
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(bytes, { bom: true, info: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as typeof records;
  } catch (error) {
    const { code, message, bytes: at } = error as { code?: string; message: string; bytes?: number };
    throw new CliError(`${file} line ${lineAt(bytes, at ?? 0)}: ${csvSyntaxMessage(code, message)}`);
  }
  // Line numbers from byte offsets: csv-parse's own line count is off for CRLF line ends inside quoted cells.
  const rows: Row[] = [];
  let start = 0;
  for (const { record, info } of records) {
    if (record.some((cell) => cell.trim() !== '')) rows.push({ line: lineAt(bytes, start), cells: record });
    start = info.bytes;
  }
  const header = rows.shift();
  if (!header) throw new CliError(`${file} is empty: it needs a header row naming the columns`);
  return { file, header: header.cells.map((cell) => cell.trim()), rows };
}

/** The 1-based line at a byte offset (a line ends with LF, CRLF or CR). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Header checks: the columns to read, or the reasons the file cannot be used. */
function readHeader(list: ListName, table: Table, language: string, warnings: Problem[]): { columns: Column[]; errors: string[] } {
  const fields = fieldsOf(list);
  const columns: Column[] = [];
  const errors: string[] = [];
  if (table.header.length === 1 && table.header[0]!.includes(';')) {
    return { columns, errors: ['the columns are separated by semicolons: export the sheet as comma-separated "CSV UTF-8"'] };
  }
  const seen = new Map<string, string>();
  table.header.forEach((name, index) => {
    if (name === '') return;
    const match = /^([A-Za-z_]+)(?:\.(.*))?$/.exec(name);
    const base = match?.[1]?.toLowerCase() ?? '';
    const part = base === 'image_alt' ? 'alt' : undefined;
    const field = part ? 'image' : base;
    const info = fields.get(field);
    if (!match || !info) {
      warnings.push({ path: table.file, message: `column "${name}" is not a field of ${list}: ignored` });
      return;
    }
    let lang: string | undefined = match[2];
    if (lang !== undefined) {
      if (info.kind !== 'text' && !part) {
        warnings.push({ path: table.file, message: `column "${name}": ${field} is not translated text: ignored` });
        return;
      }
      if (!LANGUAGE_TAG.test(lang)) {
        errors.push(`column "${name}": "${lang}" is not a language tag (like "es" or "pt-BR")`);
        return;
      }
      if (lang.toLowerCase() === language.toLowerCase()) lang = undefined; // `title.en` in an English feed is `title`
    }
    const key = `${base}.${lang?.toLowerCase() ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push(`columns "${earlier}" and "${name}" give the same text`);
      return;
    }
    seen.set(key, name);
    columns.push({ index, field, ...(part ? { part } : {}), ...(lang === undefined ? {} : { lang }) });
  });
  for (const [field, { required }] of fields) {
    if (required && !columns.some((c) => c.field === field && !c.part)) errors.push(`the required column "${field}" is missing`);
  }
  return { columns, errors };
}

/** One row as a feed item, with the problems only the CSV reading can see (the schema checks the rest). */
function rowToItem(
  list: ListName,
  row: Row,
  columns: Column[],
  language: string,
): { item: Record<string, unknown>; problems: Problem[]; notes: Problem[] } {
  const fields = fieldsOf(list);
  const values = new Map<string, unknown>();
  const texts = new Map<string, Record<string, string>>();
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  for (const column of columns) {
    const cell = (row.cells[column.index] ?? '').trim();
    if (cell === '') continue;
    const kind = column.part ? 'text' : fields.get(column.field)!.kind;
    if (kind === 'text') {
      const key = column.part ? 'image_alt' : column.field;
      texts.set(key, { ...texts.get(key), [column.lang ?? language]: cell });
    } else if (kind === 'list') {
      const list = cell.split(';').map((v) => v.trim()).filter((v) => v !== '');
      if (list.length > 0) values.set(column.field, list);
    } else if (kind === 'boolean') {
      if (/^(true|false)$/i.test(cell)) values.set(column.field, cell.toLowerCase() === 'true');
      else problems.push({ path: column.field, message: `write true or false (found ${preview(cell)})` });
    } else if (kind === 'image') values.set(column.field, { src: cell });
    else values.set(column.field, cell);
  }
  for (const [key, map] of texts) {
    const value = localized(map, language);
    if (key !== 'image_alt') values.set(key, value);
    else if (values.has('image')) (values.get('image') as { alt?: LocalizedText }).alt = value;
    else notes.push({ path: 'image_alt', message: 'alt text without an image: ignored' });
  }
  // Fields in the schema's order, so that the written feed reads like the documented format.
  const item: Record<string, unknown> = {};
  for (const field of fields.keys()) if (values.has(field)) item[field] = values.get(field);
  return { item, problems, notes };
}

/** Texts by language as localized text: one text in the feed's language is a plain string. */
function localized(map: Record<string, string>, language: string): LocalizedText {
  const keys = Object.keys(map);
  return keys.length === 1 && keys[0] === language ? map[language]! : map;
}

/** CSV column names for a path inside an item: `image.src` is the `image` column, `image.alt.es` `image_alt.es`. */
function columnOf(path: string): string {
  return path.replace(/^image\.src$/, 'image').replace(/^image\.alt/, 'image_alt').replace(/\[\d+\]$/, '');
}

function readList(list: ListName, table: Table, language: string, errors: Problem[], warnings: Problem[]): ListResult {
  const result: ListResult = { items: [], lines: [], rows: table.rows.length, skipped: 0 };
  const { columns, errors: headerErrors } = readHeader(list, table, language, warnings);
  if (headerErrors.length > 0) {
    for (const message of headerErrors) errors.push({ path: `${table.file} line 1`, message });
    errors.push({ path: table.file, message: `every row skipped (${table.rows.length})` });
    result.skipped = table.rows.length;
    return result;
  }
  const width = table.header.length;
  const ids = new Map<string, number>();
  for (const row of table.rows) {
    const at = `${table.file} line ${row.line}`;
    let problems: Problem[];
    if (row.cells.length !== width) {
      problems = [{ path: '', message: `${row.cells.length} cells, but the header has ${width} columns (a comma inside a cell needs "quotes")` }];
    } else {
      const { item, problems: own, notes } = rowToItem(list, row, columns, language);
      for (const note of notes) warnings.push({ path: `${at}: ${note.path}`, message: note.message });
      problems = [...own, ...itemProblems(list, item, PLACEHOLDER_BASE, '')];
      if (problems.length === 0) {
        const id = item['id'] as string;
        const first = ids.get(id);
        if (first === undefined) {
          ids.set(id, row.line);
          result.items.push(item);
          result.lines.push(row.line);
          continue;
        }
        problems = [{ path: 'id', message: `${preview(id)} repeats the id of line ${first}` }];
      }
    }
    for (const p of problems) errors.push({ path: p.path ? `${at}: ${columnOf(p.path)}` : at, message: p.message });
    result.skipped++;
  }
  return result;
}

/**
 * The topic labels file: one row per topic, `topic` and its `label` (in `language`), `label.es`, `label.fr` …
 * A row without a topic or without any label, or repeating a topic, is reported and skipped.
 */
function readTopicLabels(
  table: Table,
  language: string,
  errors: Problem[],
  warnings: Problem[],
): { labels: Record<string, LocalizedText>; lines: Map<string, number>; skipped: number } {
  const labels: Record<string, LocalizedText> = {};
  let topic = -1;
  const columns: { index: number; lang: string }[] = [];
  const headerErrors: string[] = [];
  table.header.forEach((name, index) => {
    const match = /^label(?:\.(.+))?$/i.exec(name);
    if (/^topic$/i.test(name)) topic = index;
    else if (!match) {
      if (name !== '') warnings.push({ path: table.file, message: `column "${name}" is neither "topic" nor a "label" column: ignored` });
    } else if (match[1] !== undefined && !LANGUAGE_TAG.test(match[1])) {
      headerErrors.push(`column "${name}": "${match[1]}" is not a language tag (like "es" or "pt-BR")`);
    } else {
      const lang = match[1] ?? language;
      if (columns.some((c) => c.lang.toLowerCase() === lang.toLowerCase())) headerErrors.push(`two columns give the "${lang}" label`);
      columns.push({ index, lang });
    }
  });
  if (topic < 0) headerErrors.push('the required column "topic" is missing');
  if (columns.length === 0) headerErrors.push('no "label" column (label, label.es, label.fr …)');
  if (headerErrors.length > 0) {
    for (const message of headerErrors) errors.push({ path: `${table.file} line 1`, message });
    errors.push({ path: table.file, message: `every row skipped (${table.rows.length})` });
    return { labels, lines: new Map(), skipped: table.rows.length };
  }
  if (table.rows.length === 0) warnings.push({ path: table.file, message: 'no rows: no topic labels written' });
  const lines = new Map<string, number>();
  /** Line of each topic by its key as the widgets compare topics: "Public Space" is "public-space". */
  const keys = new Map<string, number>();
  let skipped = 0;
  for (const row of table.rows) {
    const at = `${table.file} line ${row.line}`;
    const name = (row.cells[topic] ?? '').trim();
    const texts: Record<string, string> = {};
    for (const { index, lang } of columns) {
      const cell = (row.cells[index] ?? '').trim();
      if (cell !== '') texts[lang] = cell;
    }
    const label = Object.keys(texts).length === 0 ? undefined : localized(texts, language);
    const tooLong = label === undefined ? undefined : issueProblems(z.safeParse(LocalizedTextSchema, label).error?.issues ?? [], label, 'label')[0];
    const problem =
      name === '' ? 'topic: is empty'
      : name === '__proto__' || [...name].length > 100 ? `topic: ${preview(name)} cannot be a topic`
      : lines.has(name) ? `topic: ${preview(name)} repeats line ${lines.get(name)}`
      : keys.has(keyOf(name)) ? `topic: ${preview(name)} is the topic of line ${keys.get(keyOf(name))} (case, accents and spacing aside)`
      : label === undefined ? 'no label in any language'
      : tooLong ? `${tooLong.path}: ${tooLong.message}`
      : undefined;
    if (problem) {
      errors.push({ path: at, message: problem });
      skipped++;
      continue;
    }
    lines.set(name, row.line);
    keys.set(keyOf(name), row.line);
    labels[name] = label!;
  }
  return { labels, lines, skipped };
}

/** `cities-widgets build-feed`: exit 0 when every row made it, 1 when rows were skipped (the rest is written). */
export async function buildFeedCommand(options: BuildOptions): Promise<{ code: number; output: string }> {
  const language = options.language ?? 'en';
  if (!LANGUAGE_TAG.test(language)) throw new CliError(`--language ${preview(language)} is not a language tag (like "en" or "es")`, true);
  if (options.homePageUrl !== undefined && !safeUrl(options.homePageUrl)) {
    throw new CliError(`--home-page-url ${preview(options.homePageUrl)} is not an absolute http(s) URL`, true);
  }
  for (const [lang, text] of Object.entries(options.title ?? {})) {
    if (lang !== '' && !LANGUAGE_TAG.test(lang)) throw new CliError(`--title.${lang}: "${lang}" is not a language tag`, true);
    if (text.trim() === '') throw new CliError(`--title${lang ? `.${lang}` : ''} is empty`, true);
  }
  const lists = LISTS.filter((list) => options.inputs[list] !== undefined);
  if (lists.length === 0) throw new CliError('give at least one CSV file: --initiatives, --events, --quotes or --news', true);

  // Read every file first: a file that cannot be read stops everything before anything is written.
  const tables = new Map<ListName, Table>();
  for (const list of lists) tables.set(list, await readCsv(options.inputs[list]!));
  const topicTable = options.topics === undefined ? undefined : await readCsv(options.topics);

  const doc: Record<string, unknown> = { version: 1 };
  if (options.title !== undefined) {
    const texts = Object.fromEntries(Object.entries(options.title).map(([lang, text]) => [lang || language, text.trim()]));
    doc['title'] = localized(texts, language);
  }
  doc['language'] = language;
  if (options.homePageUrl !== undefined) doc['home_page_url'] = options.homePageUrl;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const topics = topicTable && readTopicLabels(topicTable, language, errors, warnings);
  if (topics && Object.keys(topics.labels).length > 0) doc['topics'] = topics.labels;
  const results = new Map<ListName, ListResult>();
  for (const [list, table] of tables) {
    const result = readList(list, table, language, errors, warnings);
    results.set(list, result);
    doc[list] = result.items;
  }

  // The widgets' own rules, once more, on the whole document: never write a feed they would not fully accept.
  const report = validateDocument(doc, { baseUrl: PLACEHOLDER_BASE });
  const place = (path: string) => {
    // `topics.mobility` (or `topics["a b"]`) is the line of that topic in the labels file.
    const label = topics && /^topics(?:\.(.+)|\[(".*")\])?$/.exec(path);
    if (!label) return csvPlace(path, options.inputs, results);
    const topic = label[1] ?? (label[2] === undefined ? undefined : (JSON.parse(label[2]) as string));
    const line = topic === undefined ? undefined : topics!.lines.get(topic);
    return line === undefined ? options.topics! : `${options.topics!} line ${line}`;
  };
  if (!report.valid) {
    const reasons = report.errors.map((e) => `  ${place(e.path)}: ${e.message}`).join('\n');
    throw new CliError(`the feed would not be valid, so ${options.output} was not written:\n${reasons}`);
  }
  for (const w of report.warnings) warnings.push({ path: place(w.path), message: w.message });

  const json = `${JSON.stringify(doc, null, 2)}\n`;
  const temporary = `${options.output}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, json);
    await rename(temporary, options.output);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new CliError(`cannot write ${options.output}: ${fsReason(error)}`);
  }

  const out: string[] = [];
  for (const p of errors) out.push(`error    ${p.path}: ${p.message}`);
  for (const p of warnings) out.push(`warning  ${p.path}: ${p.message}`);
  if (out.length > 0) out.push('');
  const width = Math.max(...lists.map((list) => options.inputs[list]!.length));
  for (const [list, r] of results) {
    const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
    out.push(`${options.inputs[list]!.padEnd(width)}  ${plural(r.rows, 'row')}: ${listCount(r.items.length, list)}${skipped}`);
  }
  if (topicTable && topics) {
    const n = Object.keys(topics.labels).length;
    out.push(`${options.topics!.padEnd(width)}  ${plural(topicTable.rows.length, 'row')}: ${plural(n, 'topic label')}${topics.skipped ? `, ${topics.skipped} skipped` : ''}`);
  }
  const skipped = [...results.values()].reduce((sum, r) => sum + r.skipped, topics?.skipped ?? 0);
  const counts = [...results].map(([list, r]) => listCount(r.items.length, list)).join(', ');
  out.push('', `Wrote ${options.output} (${counts}).${skipped ? ` ${skipped} row${skipped === 1 ? ' was' : 's were'} skipped.` : ''}`);
  return { code: skipped > 0 ? 1 : 0, output: `${out.join('\n')}\n` };
}

/** A JSON path of the built feed as a place in the CSV files: `events[2].title` → `events.csv line 4: title`. */
function csvPlace(path: string, inputs: BuildOptions['inputs'], results: Map<ListName, ListResult>): string {
  const match = /^(initiatives|events|quotes|news)(?:\[(\d+)\](?:\.(.*))?)?$/.exec(path);
  if (!match) return path === '' ? 'feed' : `--${path.replace(/_/g, '-')}`;
  const list = match[1] as ListName;
  const file = inputs[list]!;
  if (match[2] === undefined) return file;
  const line = results.get(list)?.lines[Number(match[2])];
  return `${file} line ${line}${match[3] ? `: ${columnOf(match[3])}` : ''}`;
}
