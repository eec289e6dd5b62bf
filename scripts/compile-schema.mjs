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
 *
 * Each exported check is one function of straight-line statements that returns false at the first failure
 * (objects, arrays, records and optional values are inlined, with a local per value read). The options of a
 * union get functions of their own, since a failing option must not end the whole check, and so does an
 * object schema used in several places (the image). Few calls matter: the checks run 5,000 times on a
 * page's first call, mostly in V8's interpreter.
 *
 * @param {Record<string, [import('zod/mini').ZodMiniType, string]>} roots export name → [schema, type name]
 * @param {Record<string, unknown>} rules the exports of src/data/rules.ts (custom checks are looked up in it)
 * @param {Map<Function, string>} implied a custom check → the source of a pattern it implies (IMPLIED_PATTERNS)
 */
export function compile(roots, rules, implied = new Map()) {
  const ruleNames = new Map(Object.entries(rules).filter(([, v]) => typeof v === 'function').map(([k, v]) => [v, k]));
  const usedRules = new Set();
  const regexes = []; // [name, literal]
  const functions = []; // [name, body lines]
  const byBody = new Map(); // body → function name (identical union options share one function)
  let usesCodePoints = false; // the codePoints() helper goes into the output only when a length check needs it

  const regex = (re) => {
    const literal = `/${re.source}/${re.flags}`;
    const found = regexes.find(([, l]) => l === literal);
    if (found) return found[0];
    const name = `re${regexes.length}`;
    regexes.push([name, literal]);
    return name;
  };

  const rule = (f, where, x) => {
    const name = ruleNames.get(f);
    if (!name) throw new Error(`compile-schema: a custom check on ${where} is not a function exported by src/data/rules.ts`);
    usedRules.add(name);
    return `${name}(${x} as never)`;
  };

  /** The custom (refine) checks of a non-string schema; any other check there is refused. */
  const customChecks = (def, where, x, out, pad) => {
    for (const check of def.checks ?? []) {
      const d = check._zod.def;
      if (d.check !== 'custom') throw new Error(`compile-schema: unsupported check "${d.check}" on ${where}`);
      out.push(`${pad}if (!${rule(d.fn, where, x)}) return false;`);
    }
  };

  /** How many places use each schema instance (counted from the roots, before compiling). */
  const uses = new Map();
  const count = (schema) => {
    uses.set(schema, (uses.get(schema) ?? 0) + 1);
    if (uses.get(schema) > 1) return;
    const def = schema._zod.def;
    for (const child of [def.innerType, def.element, def.keyType, def.valueType, ...(def.options ?? []), ...Object.values(def.shape ?? {})]) {
      if (child) count(child);
    }
  };
  for (const [schema] of Object.values(roots)) count(schema);
  /** Schemas whose own function is being written (so that its body inlines them instead of calling itself). */
  const inFunction = new Set();

  /** A function `(v: any) => boolean` for one schema (a root, a union option, a shared object); its name. */
  const func = (schema, where) => {
    const body = [];
    let n = 0;
    inFunction.add(schema);
    statements(schema, where, 'v', body, '  ', () => `v${n++}`);
    inFunction.delete(schema);
    body.push('  return true;');
    const text = body.join('\n');
    let name = byBody.get(text);
    if (!name) {
      name = `check${functions.length}`;
      byBody.set(text, name);
      functions.push([name, text]);
    }
    return name;
  };

  /**
   * Appends statements that `return false` when the value held by the local `x` does not pass `schema`.
   * @param {() => string} local a fresh local variable name
   */
  const statements = (schema, where, x, out, pad, local) => {
    const def = schema._zod.def;
    if (def.coerce) throw new Error(`compile-schema: coercion is not supported (${where})`);
    switch (def.type) {
      case 'string': {
        const parts = [`typeof ${x} === 'string'`];
        const checks = def.checks ?? [];
        const impliedSources = new Set(checks.map((c) => c._zod.def).filter((d) => d.check === 'custom').map((d) => implied.get(d.fn)));
        for (const check of checks) {
          const d = check._zod.def;
          if (d.when && d.check !== 'min_length' && d.check !== 'max_length') {
            throw new Error(`compile-schema: a conditional check is not supported (${where})`);
          }
          if (d.check === 'min_length') {
            // zod counts code points: fewer units than the minimum never reach it, twice as many always do.
            const m = d.minimum;
            if (m <= 1) parts.push(`${x}.length >= ${m}`);
            else {
              usesCodePoints = true;
              parts.push(`(${x}.length >= ${2 * m} || (${x}.length >= ${m} && codePoints(${x}) >= ${m}))`);
            }
          } else if (d.check === 'max_length') {
            usesCodePoints = true;
            parts.push(`(${x}.length <= ${d.maximum} || codePoints(${x}) <= ${d.maximum})`);
          } else if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) {
            // Left to a custom check of the same string that accepts only what it matches.
            if (!d.pattern.flags && impliedSources.has(d.pattern.source)) continue;
            const name = regex(d.pattern);
            parts.push(d.pattern.global || d.pattern.sticky ? `((${name}.lastIndex = 0), ${name}.test(${x}))` : `${name}.test(${x})`);
          } else if (d.check === 'custom') {
            parts.push(rule(d.fn, where, x));
          } else {
            throw new Error(`compile-schema: unsupported string check "${d.check}"${d.format ? ` (${d.format})` : ''} on ${where}`);
          }
        }
        out.push(`${pad}if (!(${parts.join(' && ')})) return false;`);
        return;
      }
      case 'boolean':
        out.push(`${pad}if (typeof ${x} !== 'boolean') return false;`);
        return;
      case 'literal': {
        const values = def.values.map((value) => {
          if (value === null || !['string', 'number', 'boolean'].includes(typeof value) || Number.isNaN(value)) {
            throw new Error(`compile-schema: unsupported literal ${String(value)} on ${where}`);
          }
          return `${x} !== ${JSON.stringify(value)}`;
        });
        out.push(`${pad}if (${values.join(' && ')}) return false;`);
        return;
      }
      case 'optional':
        out.push(`${pad}if (${x} !== undefined) {`);
        statements(def.innerType, where, x, out, `${pad}  `, local);
        out.push(`${pad}}`);
        return;
      case 'union': {
        if (def.discriminator !== undefined || def.inclusive === false) {
          throw new Error(`compile-schema: only plain unions are supported (${where})`);
        }
        const options = def.options.map((option, i) => `${func(option, `${where}|${i}`)}(${x})`);
        out.push(`${pad}if (!(${options.join(' || ')})) return false;`);
        customChecks(def, where, x, out, pad);
        return;
      }
      case 'array': {
        if (def.checks?.length) throw new Error(`compile-schema: checks on arrays are not supported (${where})`);
        const i = local();
        const el = local();
        out.push(`${pad}if (!Array.isArray(${x})) return false;`);
        out.push(`${pad}for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`);
        out.push(`${pad}  const ${el} = ${x}[${i}];`);
        statements(def.element, `${where}[]`, el, out, `${pad}  `, local);
        out.push(`${pad}}`);
        return;
      }
      case 'record': {
        if (def.keyType._zod.values !== undefined || def.mode === 'loose') {
          throw new Error(`compile-schema: only records with a plain string key schema are supported (${where})`);
        }
        const k = local();
        const value = local();
        out.push(`${pad}if (typeof ${x} !== 'object' || ${x} === null || Array.isArray(${x})) return false;`);
        // Own enumerable string keys (what Reflect.ownKeys gives zod for a JSON object); zod skips `__proto__`.
        out.push(`${pad}for (const ${k} of Object.keys(${x})) {`);
        out.push(`${pad}  if (${k} === '__proto__') continue;`);
        statements(def.keyType, `${where} key`, k, out, `${pad}  `, local);
        out.push(`${pad}  const ${value} = ${x}[${k}];`);
        statements(def.valueType, `${where} value`, value, out, `${pad}  `, local);
        out.push(`${pad}}`);
        customChecks(def, where, x, out, pad);
        return;
      }
      case 'object': {
        if (def.catchall !== undefined) throw new Error(`compile-schema: strict or loose objects are not supported (${where})`);
        // An object schema used in more than one place (the image) is one function, called from each.
        if ((uses.get(schema) ?? 0) > 1 && !inFunction.has(schema)) {
          out.push(`${pad}if (!${func(schema, where)}(${x})) return false;`);
          return;
        }
        out.push(`${pad}if (typeof ${x} !== 'object' || ${x} === null || Array.isArray(${x})) return false;`);
        for (const [key, value] of Object.entries(def.shape)) {
          const v = local();
          out.push(`${pad}const ${v} = ${x}[${JSON.stringify(key)}];`);
          statements(value, `${where}.${key}`, v, out, pad, local);
        }
        customChecks(def, where, x, out, pad);
        return;
      }
      default:
        throw new Error(`compile-schema: unsupported zod type "${def.type}" (${where})`);
    }
  };

  const exportsOut = Object.entries(roots).map(([name, [schema, type]]) => [name, type, func(schema, type)]);

  const lines = [
    '// Generated by scripts/compile-schema.mjs from the zod schema in src/data/schema.ts. Do not edit:',
    '// change the schema and run `node scripts/compile-schema.mjs` (`npm run build` fails while this file is stale).',
    '//',
    '// Each function says whether a value parsed from JSON passes the schema, exactly as `z.safeParse(schema, v)',
    "// .success` would (test/node/compile-schema.test.mjs), without zod and without `new Function`.",
    '/* eslint-disable */',
    `import type { ${[...new Set(exportsOut.map(([, type]) => type))].sort().join(', ')} } from '../data/schema.js';`,
  ];
  if (usedRules.size) lines.push(`import { ${[...usedRules].sort().join(', ')} } from '../data/rules.js';`);
  lines.push('');
  if (usesCodePoints) {
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
  for (const [name, literal] of regexes) lines.push(`const ${name} = ${literal};`);
  for (const [name, body] of functions) {
    lines.push('', `function ${name}(v: any): boolean {`, body, '}');
  }
  lines.push('');
  for (const [name, type, f] of exportsOut) {
    lines.push(`export const ${name} = ${f} as (v: unknown) => v is ${type};`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Patterns that a custom check implies: the check accepts only strings the pattern matches, so the compiled
 * code runs the check alone (zod, the JSON Schema and the CLI's messages keep the pattern). `isDateTime` reads
 * DATE_TIME_PATTERN character by character and then refuses impossible dates; test/node/dates.test.mjs checks
 * that the pattern matches whatever it accepts. Measured (`npm run size`, gzip): 44–78 bytes less per page
 * bundle (cities-widgets.js 31,372 → 31,294).
 */
const impliedPatterns = ({ rules, dates }) => new Map([[rules.isDateTime, dates.DATE_TIME_PATTERN]]);

/** Loads the schema, the rules and the date format from the TypeScript sources (bundled with esbuild, zod included). */
export async function loadSources() {
  const dir = await mkdtemp(path.join(tmpdir(), 'compile-schema-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    await writeFile(
      entry,
      `export * as schema from ${JSON.stringify(path.join(root, 'src/data/schema.ts'))};\n` +
        `export * as rules from ${JSON.stringify(path.join(root, 'src/data/rules.ts'))};\n` +
        `export * as dates from ${JSON.stringify(path.join(root, 'src/data/dates.ts'))};\n`,
    );
    const outfile = path.join(dir, 'sources.mjs');
    await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error', absWorkingDir: root });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

export async function generate() {
  const sources = await loadSources();
  const { schema, rules } = sources;
  const roots = Object.fromEntries(
    Object.entries(ROOTS).map(([name, [exported, type]]) => {
      if (!schema[exported]) throw new Error(`compile-schema: src/data/schema.ts exports no ${exported}`);
      return [name, [schema[exported], type]];
    }),
  );
  return compile(roots, rules, impliedPatterns(sources));
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
