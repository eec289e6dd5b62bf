/**
 * Compiles the zod feed schema (src/data/schema.ts) into plain TypeScript checks:
 * src/generated/feed-checks.ts, one `(value: unknown) => value is T` function per item type.
 *
 * Why: the page bundles validate up to 5,000 items per list on the visitor's main thread. zod's own fast path
 * writes such functions at run time with `new Function`, which a strict CSP forbids; without it, zod's first
 * pass over 5,000 initiatives cost 80–130 ms in Chromium, and zod itself 6.5 KB gzip of every bundle. The same
 * code generation done here, at build time, gives CSP-safe functions with no library behind them. zod stays
 * the one description of the format (types, JSON Schema, the CLI's messages); these functions only say
 * "valid or not", and test/node/compile-schema.test.mjs checks that they agree with `z.safeParse` on the
 * sample feeds and on thousands of generated items.
 *
 *   node scripts/compile-schema.mjs           writes src/generated/feed-checks.ts
 *   node scripts/compile-schema.mjs --check   exits 1 when that file is not what the schema compiles to
 *                                             (`npm run build` runs this)
 *
 * The compiler knows the zod/mini pieces the schema uses (object, string with length / regex / custom
 * checks, union, record, array, optional, literal, boolean) with zod 4.6's semantics (lengths in code points,
 * a record skips a `__proto__` key, unknown object keys are allowed) and throws on anything else, so a
 * schema change it cannot follow fails the build instead of being checked loosely. A custom check must be a
 * function exported by src/data/rules.ts: the generated code imports it from there by name.
 */
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
export const OUTPUT = path.join(root, 'src/generated/feed-checks.ts');

/** The functions to export: name → [schema export of schema.ts, TypeScript type it narrows to]. */
export const ROOTS = {
  isInitiative: ['InitiativeSchema', 'Initiative'],
  isFeedEvent: ['EventSchema', 'FeedEvent'],
  isQuote: ['QuoteSchema', 'Quote'],
  isNewsItem: ['NewsSchema', 'NewsItem'],
  isLocalizedText: ['LocalizedTextSchema', 'LocalizedText'],
};

/**
 * Compiles schemas into TypeScript source.
 * @param {Record<string, [import('zod/mini').ZodMiniType, string]>} roots export name → [schema, type name]
 * @param {Record<string, unknown>} rules the exports of src/data/rules.ts (custom checks are looked up in it)
 */
export function compile(roots, rules) {
  const ruleNames = new Map(Object.entries(rules).filter(([, v]) => typeof v === 'function').map(([k, v]) => [v, k]));
  const usedRules = new Set();
  const regexes = []; // [name, literal]
  const functions = []; // [name, body]
  const byBody = new Map(); // body → function name (identical sub-schemas share one function)
  const helpers = { isObject: false, codePoints: false, every: false, entries: false };

  const regex = (re) => {
    const literal = `/${re.source}/${re.flags}`;
    const found = regexes.find(([, l]) => l === literal);
    if (found) return found[0];
    const name = `re${regexes.length}`;
    regexes.push([name, literal]);
    return name;
  };

  const fn = (body) => {
    let name = byBody.get(body);
    if (!name) {
      name = `v${functions.length}`;
      byBody.set(body, name);
      functions.push([name, body]);
    }
    return name;
  };

  /** The custom (refine) checks of a schema, as calls; any other check on a non-string is refused. */
  const customChecks = (def, where) =>
    (def.checks ?? []).map((check) => {
      const d = check._zod.def;
      if (d.check !== 'custom') throw new Error(`compile-schema: unsupported check "${d.check}" on ${where}`);
      return rule(d.fn, where);
    });

  const rule = (f, where) => {
    const name = ruleNames.get(f);
    if (!name) throw new Error(`compile-schema: a custom check on ${where} is not a function exported by src/data/rules.ts`);
    usedRules.add(name);
    return `${name}(v as never)`;
  };

  /** The name of a function `(v: unknown) => boolean` checking one schema. */
  const node = (schema, where) => {
    const def = schema._zod.def;
    if (def.coerce) throw new Error(`compile-schema: coercion is not supported (${where})`);
    switch (def.type) {
      case 'string': {
        const parts = ["typeof v === 'string'"];
        for (const check of def.checks ?? []) {
          const d = check._zod.def;
          if (d.when && d.check !== 'min_length' && d.check !== 'max_length') {
            throw new Error(`compile-schema: a conditional check is not supported (${where})`);
          }
          if (d.check === 'min_length') {
            // zod counts code points: fewer units than the minimum never reach it, twice as many always do.
            const m = d.minimum;
            if (m <= 1) parts.push(`v.length >= ${m}`);
            else {
              helpers.codePoints = true;
              parts.push(`(v.length >= ${2 * m} || (v.length >= ${m} && codePoints(v) >= ${m}))`);
            }
          } else if (d.check === 'max_length') {
            helpers.codePoints = true;
            parts.push(`(v.length <= ${d.maximum} || codePoints(v) <= ${d.maximum})`);
          } else if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) {
            const name = regex(d.pattern);
            parts.push(d.pattern.global || d.pattern.sticky ? `((${name}.lastIndex = 0), ${name}.test(v))` : `${name}.test(v)`);
          } else if (d.check === 'custom') {
            parts.push(rule(d.fn, where));
          } else {
            throw new Error(`compile-schema: unsupported string check "${d.check}"${d.format ? ` (${d.format})` : ''} on ${where}`);
          }
        }
        return fn(parts.join(' && '));
      }
      case 'boolean':
        return fn("typeof v === 'boolean'");
      case 'literal': {
        const values = def.values.map((value) => {
          if (value === null || !['string', 'number', 'boolean'].includes(typeof value) || Number.isNaN(value)) {
            throw new Error(`compile-schema: unsupported literal ${String(value)} on ${where}`);
          }
          return `v === ${JSON.stringify(value)}`;
        });
        return fn(values.length === 1 ? values[0] : `(${values.join(' || ')})`);
      }
      case 'optional':
        return fn(`v === undefined || ${node(def.innerType, where)}(v)`);
      case 'union': {
        if (def.discriminator !== undefined || def.inclusive === false) {
          throw new Error(`compile-schema: only plain unions are supported (${where})`);
        }
        const options = def.options.map((option, i) => `${node(option, `${where}|${i}`)}(v)`);
        const any = options.length === 1 ? options[0] : `(${options.join(' || ')})`;
        return fn(any + customSuffix(def, where));
      }
      case 'array': {
        helpers.every = true;
        if (def.checks?.length) throw new Error(`compile-schema: checks on arrays are not supported (${where})`);
        return fn(`Array.isArray(v) && every(v, ${node(def.element, `${where}[]`)})`);
      }
      case 'record': {
        helpers.isObject = true;
        helpers.entries = true;
        if (def.keyType._zod.values !== undefined || def.mode === 'loose') {
          throw new Error(`compile-schema: only records with a plain string key schema are supported (${where})`);
        }
        const key = node(def.keyType, `${where} key`);
        const value = node(def.valueType, `${where} value`);
        return fn(`isObject(v) && entries(v, ${key}, ${value})${customSuffix(def, where)}`);
      }
      case 'object': {
        helpers.isObject = true;
        if (def.catchall !== undefined) throw new Error(`compile-schema: strict or loose objects are not supported (${where})`);
        const keys = Object.entries(def.shape).map(
          ([key, value]) => `${node(value, `${where}.${key}`)}(v[${JSON.stringify(key)}])`,
        );
        return fn(['isObject(v)', ...keys].join(' &&\n    ') + customSuffix(def, where));
      }
      default:
        throw new Error(`compile-schema: unsupported zod type "${def.type}" (${where})`);
    }
  };

  const customSuffix = (def, where) => customChecks(def, where).map((call) => ` && ${call}`).join('');

  const exportsOut = Object.entries(roots).map(([name, [schema, type]]) => [name, type, node(schema, type)]);

  const lines = [
    '// Generated by scripts/compile-schema.mjs from the zod schema in src/data/schema.ts. Do not edit:',
    '// change the schema and run `node scripts/compile-schema.mjs` (`npm run build` fails while this file is stale).',
    '//',
    '// Each function says whether a value parsed from JSON passes the schema, exactly as `z.safeParse(schema, v)',
    "// .success` would (test/node/compile-schema.test.mjs), without zod and without `new Function`.",
    `import type { ${[...new Set(exportsOut.map(([, type]) => type))].sort().join(', ')} } from '../data/schema.js';`,
  ];
  if (usedRules.size) lines.push(`import { ${[...usedRules].sort().join(', ')} } from '../data/rules.js';`);
  lines.push('');
  if (helpers.isObject) {
    lines.push(
      'type Obj = Record<string, unknown>;',
      "const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);",
    );
    if (!helpers.entries) lines.push('');
  }
  if (helpers.codePoints) {
    lines.push(
      '/** A string\'s length in code points (a surrogate pair counts once), as zod measures it. */',
      'function codePoints(s: string): number {',
      '  let n = s.length;',
      '  for (let i = 0; i < s.length - 1; i++) {',
      '    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {',
      '      n--;',
      '      i++;',
      '    }',
      '  }',
      '  return n;',
      '}',
    );
  }
  if (helpers.every) {
    lines.push(
      'function every(a: unknown[], check: (v: unknown) => boolean): boolean {',
      '  for (let i = 0; i < a.length; i++) if (!check(a[i])) return false;',
      '  return true;',
      '}',
    );
  }
  if (helpers.entries) {
    lines.push(
      '/** Every own key and value of a record pass; zod skips a `__proto__` key. */',
      'function entries(o: Obj, key: (k: unknown) => boolean, value: (v: unknown) => boolean): boolean {',
      "  for (const k of Object.keys(o)) if (k !== '__proto__' && (!key(k) || !value(o[k]))) return false;",
      '  return true;',
      '}',
    );
  }
  for (const [name, literal] of regexes) lines.push(`const ${name} = ${literal};`);
  lines.push('');
  for (const [name, body] of functions) {
    lines.push(`function ${name}(v: any): boolean {`, `  return ${body};`, '}');
  }
  lines.push('');
  for (const [name, type, f] of exportsOut) {
    lines.push(`export const ${name} = ${f} as (v: unknown) => v is ${type};`);
  }
  return `${lines.join('\n')}\n`;
}

/** Loads the schema and the rules from the TypeScript sources (bundled with esbuild, zod included). */
export async function loadSources() {
  const dir = await mkdtemp(path.join(tmpdir(), 'compile-schema-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    await writeFile(
      entry,
      `export * as schema from ${JSON.stringify(path.join(root, 'src/data/schema.ts'))};\n` +
        `export * as rules from ${JSON.stringify(path.join(root, 'src/data/rules.ts'))};\n`,
    );
    const outfile = path.join(dir, 'sources.mjs');
    await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error', absWorkingDir: root });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

export async function generate() {
  const { schema, rules } = await loadSources();
  const roots = Object.fromEntries(
    Object.entries(ROOTS).map(([name, [exported, type]]) => {
      if (!schema[exported]) throw new Error(`compile-schema: src/data/schema.ts exports no ${exported}`);
      return [name, [schema[exported], type]];
    }),
  );
  return compile(roots, rules);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const source = await generate();
  const current = await readFile(OUTPUT, 'utf8').catch(() => '');
  if (process.argv.includes('--check')) {
    if (current !== source) {
      console.error('src/generated/feed-checks.ts is not what src/data/schema.ts compiles to: run `node scripts/compile-schema.mjs`.');
      process.exit(1);
    }
  } else if (current !== source) {
    await writeFile(OUTPUT, source);
    console.log('src/generated/feed-checks.ts written');
  } else {
    console.log('src/generated/feed-checks.ts is up to date');
  }
}
