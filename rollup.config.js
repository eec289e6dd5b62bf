/**
 * Page bundles for <script type="module">: `dist/cities-widgets.js` (every element) and one self-contained
 * file per widget. Each is built on its own so that it shares nothing with the others; the language
 * catalogs (and the event countdown's calendar export) are split into small chunks under `dist/chunks/` that
 * load only when a page needs them. (The npm build is plain `tsc` output in `dist/lib/`, see package.json.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { parseAst } from 'rollup/parseAst';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { generateMsgId } from '@lit/localize/internal/id-generation.js';
import { MANGLED_MEMBERS, MANGLED_PROPERTIES } from './scripts/mangled-members.mjs';
import { shortLibraryErrors } from './scripts/library-errors.mjs';

const WIDGETS = ['event-countdown', 'initiative-feed', 'news-list', 'quote-carousel'];

/**
 * `dist/cities-widgets.js` is built from this virtual module, which only imports the four `define.ts`, rather
 * than from src/cities-widgets.ts: that file is also the npm package's `cities-widgets/define` and re-exports
 * the whole library (`export * from './index.js'`), and as an entry rollup must keep every one of those exports
 * (the whole-document FeedSchema, parseFeed, loadFeed…) although no page imports anything from a
 * <script type="module">. Measured: 244 bytes gzip.
 *
 * It imports the style sheets first, so that rollup puts the five `css` templates side by side (about 17 KB
 * of CSS that share most of their words) instead of one per widget, 10–15 KB apart across a 97 KB file:
 * gzip only finds repeats within the last 32 KB. Measured: 205 bytes gzip less (30,702 → 30,497). The style
 * modules have no side effects, so running them earlier changes nothing else. (The widgets' order moves the
 * total by at most ±50 bytes; they stay in alphabetical order.)
 */
const PAGE_ENTRY = '\0cities-widgets:all-elements';
const pageEntry = {
  name: 'cities-widgets:page-entry',
  resolveId(id, importer) {
    if (id === PAGE_ENTRY) return id;
    // node-resolve would apply package.json "sideEffects" (which lists dist/ files only) to these paths and
    // drop the define modules as side-effect free.
    if (importer === PAGE_ENTRY) return { id, moduleSideEffects: true };
    return null;
  },
  load(id) {
    if (id !== PAGE_ENTRY) return null;
    const modules = [
      'src/styles/base.styles.ts',
      ...WIDGETS.map((w) => `src/components/${w}/${w}.styles.ts`),
      ...WIDGETS.map((w) => `src/components/${w}/define.ts`),
    ];
    return modules.map((m) => `import ${JSON.stringify(path.resolve(m))};`).join('\n');
  },
};

/** Calls `fn(node, parent)` for every node of an ESTree syntax tree, parents first. */
function walk(node, fn, parent = undefined) {
  if (!node || typeof node.type !== 'string') return;
  fn(node, parent);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, fn, node);
    else if (value && typeof value === 'object') walk(value, fn, node);
  }
}

/** `code` with each `[start, end, text]` range (not overlapping) replaced by its text. */
function splice(code, edits) {
  let out = '';
  let at = 0;
  for (const [start, end, text] of [...edits].sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}

/**
 * `msg('Quotes', { desc: 'For the translators…' })`: the description is read from the source by
 * `lit-localize extract` and written into the XLIFF files; at run time @lit/localize ignores it (only `id`
 * matters). This drops the `desc` (a plain string) from every `msg()` call of the page bundles, where these
 * notes were 0.9 KB of text: 197 bytes gzip on cities-widgets.js. The npm build (tsc) keeps them.
 */
const stripMessageDescriptions = {
  name: 'cities-widgets:strip-msg-desc',
  transform(code, id) {
    if (!/\.ts$/.test(id) || !code.includes('@lit/localize') || !code.includes('desc')) return null;
    const ast = this.parse(code);
    const names = new Set();
    for (const node of ast.body) {
      if (node.type !== 'ImportDeclaration' || node.source.value !== '@lit/localize') continue;
      for (const s of node.specifiers) if (s.type === 'ImportSpecifier' && s.imported.name === 'msg') names.add(s.local.name);
    }
    if (names.size === 0) return null;
    const cuts = [];
    const isText = (n) => (n.type === 'Literal' && typeof n.value === 'string') || (n.type === 'TemplateLiteral' && n.expressions.length === 0);
    walk(ast, (node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && names.has(node.callee.name) && node.arguments.length === 2) {
        const [template, options] = node.arguments;
        const props = options.type === 'ObjectExpression' ? options.properties : [];
        const i = props.findIndex((p) => p.type === 'Property' && !p.computed && (p.key.name ?? p.key.value) === 'desc' && isText(p.value));
        if (i >= 0 && props.length === 1) cuts.push([template.end, options.end]); // msg(x, { desc }) → msg(x)
        else if (i > 0) cuts.push([props[i - 1].end, props[i].end]); // { id, desc } → { id }
        else if (i === 0) cuts.push([props[0].start, props[1].start]); // { desc, id } → { id }
      }
    });
    if (cuts.length === 0) return null;
    // Keep the line breaks, so that every later line keeps its number in the source map.
    return { code: splice(code, cuts.map(([start, end]) => [start, end, code.slice(start, end).replace(/[^\n]/g, '')])), map: null };
  },
};

/**
 * The catalogs' keys, as `lit-localize build` wrote them (src/generated/locales/<locale>.ts): the explicit
 * ids (`initiatives.one`) and the hashes of the other strings (`s0382d73823585617`), of every language,
 * sorted. A message's short id in the page bundles is its place in this list; a message that no catalog
 * holds gets `UNTRANSLATED` (one past the end), which no catalog has, so it shows in English.
 */
const LOCALIZE_CONFIG = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const CATALOG_KEYS = [
  ...new Set(
    LOCALIZE_CONFIG.targetLocales.flatMap((locale) => {
      const file = path.join(LOCALIZE_CONFIG.output.outputDir, `${locale}.ts`);
      const templates = templatesObject(parseAst(readFileSync(file, 'utf8')));
      if (!templates) throw new Error(`${file}: no \`templates\` object`);
      return templates.properties.map(propertyKey);
    }),
  ),
].sort();
const SHORT_ID = new Map(CATALOG_KEYS.map((key, i) => [key, i]));
const UNTRANSLATED = CATALOG_KEYS.length;

function propertyKey(p) {
  return p.key.value ?? p.key.name;
}

/** The `templates` object literal of a catalog module (its source, or its chunk as rendered). */
function templatesObject(ast) {
  for (const node of ast.body) {
    const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const d of declaration.declarations) if (d.id.name === 'templates' && d.init?.type === 'ObjectExpression') return d.init;
  }
  return undefined;
}

/**
 * Short message ids, and each page bundle's language chunks with only its own strings.
 *
 * Without an `id`, @lit/localize finds a message in a catalog by hashing its English text at run time (the
 * FNV-1a hash of @lit/localize/internal/id-generation.js), and `lit-localize build` keys the catalogs by those
 * hashes: 17 hexadecimal characters per string, which gzip cannot compress, in every language chunk. In the
 * page bundles only (the npm build, the XLIFF files and src/generated/locales are unchanged), this gives every
 * `msg()` call its id at build time, as a small number (its key's place in CATALOG_KEYS: `msg('Quotes')` →
 * `msg('Quotes', { id: 50 })`, the plural forms' `id: 'initiatives.one'` → `id: 2`; unquoted numbers came out
 * a few bytes smaller than base-36 strings), and renames the catalogs' keys to the same numbers. Every id is
 * a number from that one table, in the all-in-one and in each single-widget build alike, so none can collide
 * with another. The hash function then has no caller left: id-generation.js is replaced by a module whose
 * `generateMsgId` throws, and the build stops if any module could still reach @lit/localize's `msg` without a
 * build-time id (a `msg` not called with a string literal or a `str` template, or used as a value, or
 * imported in a way this does not read, or @lit/localize imported by a module this did not read). The ids are
 * computed exactly as @lit/localize would (the explicit `id`, else `generateMsgId` of the string or of the
 * `str` template's parts) to be looked up in the table.
 *
 * `lit-localize build` also writes one catalog per language with the strings of every widget: a single-widget
 * bundle's chunks keep only the strings that bundle can show. A string missing from a catalog shows in
 * English, as before. An all-in-one build (which uses every string) where most catalog entries match no call
 * stops the build: the ids computed here would no longer match @lit/localize's.
 *
 * Measured on one non-English page (gzip): dropping the other widgets' strings, 0.65–1.07 KB less per
 * single-widget file (cities-widgets.js keeps full catalogs). The short ids (`npm run size`, zlib level 9):
 * 381–722 bytes less per page bundle with its largest language chunk (cities-widgets.js + Arabic 33,250 →
 * 32,528; the language chunks 130–609 bytes less each), and the entries alone 113–245 bytes less: the ids
 * written at the ~70 call sites cost less than the hash function, the id generation and its cache that they
 * let drop out (of which the lookup below without its fallback to hashing: 66–76 bytes).
 */
function bundleCatalogs(all) {
  const used = new Set();
  const problems = [];
  /** Modules that import @lit/localize and were read by `collect`. */
  const seen = new Set();
  const LOCALE_MODULE = /\/src\/generated\/locales\/([\w-]+)\.ts$/;
  const LIT_LOCALIZE = /\/node_modules\/@lit\/localize\//;
  const RUNTIME_MSG = /\/node_modules\/@lit\/localize\/internal\/runtime-msg\.js$/;
  const NO_HASHING = '\0cities-widgets:no-msg-id-hashing';
  return {
    collect: {
      name: 'cities-widgets:msg-ids',
      resolveId: {
        // Before node-resolve, which would find the real module.
        order: 'pre',
        async handler(source, importer) {
          if (!importer || !LIT_LOCALIZE.test(importer) || !/id-generation\.js$/.test(source)) return null;
          const resolved = await this.resolve(source, importer, { skipSelf: true });
          return resolved && /\/@lit\/localize\/internal\/id-generation\.js$/.test(resolved.id) ? NO_HASHING : null;
        },
      },
      load(id) {
        if (id !== NO_HASHING) return null;
        return `export const generateMsgId = () => { throw new Error('cities-widgets: a msg() call without a build-time id'); };`;
      },
      transform(code, id) {
        if (RUNTIME_MSG.test(id)) {
          // Every call has its id: the lookup no longer needs to fall back to hashing (nor its cache). A patch
          // of @lit/localize's own source: if a new version words it otherwise, the build stops here.
          const out = code.replace('const id = options?.id ?? generateId(template);', 'const id = options.id;');
          if (out === code) this.error(`${id}: the message lookup (\`options?.id ?? generateId(template)\`) is not where it was; update rollup.config.js`);
          return { code: out, map: null };
        }
        if (LOCALE_MODULE.test(id)) {
          // A catalog chunk that imported `str` from the entry (`import { s } from "../cities-widgets.js"`) made a
          // page that loads the entry under another URL (`cities-widgets.js?ver=6.4` from a CMS, an unversioned
          // CDN URL that redirects) run a second copy of the whole bundle: a second Lit, "already defined"
          // warnings, and under `trusted-types lit-html` a refused policy and English buttons. The catalog gets
          // its own `str`, the object @lit/localize's runtime reads (`strTag`, `strings`, `values`), and imports
          // nothing.
          const out = code.replace(
            /import\s*\{\s*str\s*\}\s*from\s*["']@lit\/localize["'];?/,
            'const str = (strings, ...values) => ({ strTag: true, strings, values });',
          );
          if (out === code) this.error(`${id}: no \`import { str } from '@lit/localize'\`; update rollup.config.js`);
          return { code: out, map: null };
        }
        if (!/\.ts$/.test(id) || !code.includes('@lit/localize')) return null;
        seen.add(id);
        const ast = this.parse(code);
        const where = (node) => `${path.relative(process.cwd(), id)} at ${node.start}`;
        const local = { msg: new Set(), str: new Set() };
        for (const node of ast.body) {
          if (!/^(Import|Export(Named|All))Declaration$/.test(node.type) || node.source?.value !== '@lit/localize') continue;
          if (node.type !== 'ImportDeclaration') problems.push(`an export from @lit/localize (${where(node)})`);
          for (const s of node.specifiers ?? []) {
            if (s.type === 'ImportSpecifier' && s.imported.name in local) local[s.imported.name].add(s.local.name);
            else if (s.type === 'ImportNamespaceSpecifier' || s.type === 'ImportDefaultSpecifier') problems.push(`@lit/localize imported whole (${where(node)})`);
          }
        }
        if (local.msg.size === 0) return null;
        const messageId = (call) => {
          const [template, options] = call.arguments;
          const explicit = options?.type === 'ObjectExpression' && options.properties.find((p) => p.type === 'Property' && (p.key.name ?? p.key.value) === 'id');
          if (explicit) return explicit.value.type === 'Literal' ? explicit.value.value : undefined;
          if (template?.type === 'Literal' && typeof template.value === 'string') return generateMsgId(template.value, false);
          if (template?.type === 'TemplateLiteral' && template.expressions.length === 0) return generateMsgId(template.quasis[0].value.cooked, false);
          if (template?.type === 'TaggedTemplateExpression' && template.tag.type === 'Identifier' && local.str.has(template.tag.name)) {
            return generateMsgId(template.quasi.quasis.map((q) => q.value.cooked), false);
          }
          return undefined;
        };
        /** [start, end, text]: the source between start and end becomes text. */
        const edits = [];
        const giveId = (call, short) => {
          const [template, options] = call.arguments;
          if (!options) return edits.push([template.end, template.end, `, { id: ${short} }`]);
          if (options.type !== 'ObjectExpression' || options.properties.some((p) => p.type !== 'Property' || p.computed)) return false;
          const explicit = options.properties.find((p) => (p.key.name ?? p.key.value) === 'id');
          if (explicit) return edits.push([explicit.value.start, explicit.value.end, String(short)]);
          return edits.push([options.start + 1, options.start + 1, ` id: ${short},`]);
        };
        walk(ast, (node, parent) => {
          if (node.type === 'Identifier' && local.msg.has(node.name) && parent?.type !== 'ImportSpecifier') {
            if (parent?.type === 'CallExpression' && parent.callee === node) {
              const msgId = parent.arguments.length <= 2 ? messageId(parent) : undefined;
              if (msgId === undefined) problems.push(`a msg() call whose id cannot be read (${where(parent)})`);
              else if (giveId(parent, SHORT_ID.get(msgId) ?? UNTRANSLATED) === false) problems.push(`a msg() call whose options cannot be given an id (${where(parent)})`);
              else used.add(msgId);
            } else {
              problems.push(`msg used as a value (${where(node)})`);
            }
          }
        });
        if (edits.length === 0) return null;
        // Insertions within a line only: every line keeps its number in the source map.
        return { code: splice(code, edits), map: null };
      },
      buildEnd(error) {
        if (error) return;
        for (const id of this.getModuleIds()) {
          if (LIT_LOCALIZE.test(id) || LOCALE_MODULE.test(id) || seen.has(id)) continue;
          if (this.getModuleInfo(id).importedIds.some((i) => LIT_LOCALIZE.test(i))) problems.push(`${path.relative(process.cwd(), id)} imports @lit/localize and was not read`);
        }
        const hashing = this.getModuleInfo(NO_HASHING);
        if (hashing && hashing.importers.some((i) => !RUNTIME_MSG.test(i))) {
          problems.push(`generateMsgId is imported by ${hashing.importers.join(', ')}`);
        }
        if (problems.length) this.error(`cannot give every msg() call a build-time id: ${problems.join('; ')}`);
      },
    },
    filter: {
      name: 'cities-widgets:bundle-catalogs',
      renderChunk(code, chunk) {
        const locale = chunk.facadeModuleId && LOCALE_MODULE.exec(chunk.facadeModuleId)?.[1];
        if (!locale) return null;
        const templates = templatesObject(this.parse(code));
        if (!templates) this.error(`${chunk.fileName}: no \`templates\` object`);
        const keys = templates.properties.map(propertyKey);
        const unmatched = keys.filter((k) => !used.has(k));
        // The all-in-one bundle uses every string: most entries matching no call means the ids are computed wrong.
        if (all && unmatched.length > keys.length / 2) {
          this.error(`${unmatched.length} of the ${keys.length} ${locale} strings match no msg() call: the message ids computed in rollup.config.js no longer match @lit/localize's`);
        }
        const kept = templates.properties.filter((p) => used.has(propertyKey(p)));
        const body = kept.map((p) => {
          const short = SHORT_ID.get(propertyKey(p));
          if (short === undefined) this.error(`${chunk.fileName}: ${propertyKey(p)} is not in src/generated/locales`);
          return `${short}: ${code.slice(p.value.start, p.value.end)}`;
        });
        return { code: `${code.slice(0, templates.start)}{\n${body.join(',\n')}\n}${code.slice(templates.end)}`, map: null };
      },
    },
  };
}

/**
 * terser renames a name of MANGLED_MEMBERS (scripts/mangled-members.mjs) wherever it appears in a chunk, and
 * each chunk on its own. This stops the build if one is used by a module that is not ours (a package: Lit,
 * @lit/localize…), whose objects may come from elsewhere, or in two chunks (a member of the entry's classes
 * read by a language chunk or by the calendar export loaded on demand), where it would get two different short
 * names. It reads every module's syntax tree before terser: member names, object keys, class members, and
 * strings that spell one. (test/node/mangle.test.mjs checks the sources and the built bundles.)
 */
const mangledNamesOnlyOurs = {
  name: 'cities-widgets:mangled-names-only-ours',
  generateBundle(_options, bundle) {
    const names = new Set(MANGLED_MEMBERS);
    const src = `${path.resolve('src')}${path.sep}`;
    /** name → the chunks whose modules use it */
    const chunksOf = new Map();
    const problems = [];
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      for (const id of chunk.moduleIds) {
        const info = this.getModuleInfo(id);
        if (!info || info.code === null) continue;
        const found = new Set();
        walk(info.ast ?? this.parse(info.code), (node) => {
          const key = node.type === 'MemberExpression' ? node.property : /^(Property|MethodDefinition|PropertyDefinition)$/.test(node.type) ? node.key : undefined;
          const keyName = key && (key.type === 'Identifier' ? key.name : key.type === 'Literal' ? key.value : undefined);
          if (names.has(keyName)) found.add(keyName);
          if (node.type === 'Literal' && names.has(node.value)) found.add(node.value);
        });
        if (found.size && !id.startsWith(src)) problems.push(`${[...found].join(', ')} used by ${id.replace(/^.*\/node_modules\//, '')}`);
        for (const name of found) chunksOf.set(name, new Set([...(chunksOf.get(name) ?? []), chunk.fileName]));
      }
    }
    for (const [name, chunks] of chunksOf) if (chunks.size > 1) problems.push(`${name} used in ${[...chunks].join(' and ')}`);
    if (problems.length) this.error(`names that terser must not rename: ${problems.join('; ')}; take them out of scripts/mangled-members.mjs`);
  },
};

/**
 * The style sheets after clean-css (minifyTemplateLiterals keeps what it does not know to be safe): every private
 * custom property (`--_accent`, `--_surface-alt`… of src/styles/base.styles.ts and the widgets' styles) gets a
 * name of one letter (`--_a`…), and the spaces CSS does not need go: after a comma, and around `*` and `/` in
 * `calc()` (`calc(var(--_fs) * .875)` → `calc(var(--_e)*.875)`; never around `+` and `-`, which need them).
 * Nothing a page can use changes: the public `--cities-*` properties, parts and class names keep their names,
 * and the private ones are set on the widget's own elements before they are read. Measured (gzip, zlib 9): the
 * spaces 7–11 bytes per bundle, the short names 24–75 more (cities-widgets.js 31,591 → 31,506, news-list.js
 * 17,988 → 17,937). Tests and Storybook run the sources, with the long names; test/node/styles.test.mjs checks
 * the bundles.
 *
 * The names are given in alphabetical order of every `--_name` in src/, so one name is the same in every
 * module. A private property spelled outside a css`` template (a style binding in an html`` one, a string),
 * or a css`` template with `${…}` in it, stops the build: they would keep the long name.
 */
const PRIVATE_PROPERTY = /--_[a-zA-Z][\w-]*/g;
const privateNames = (() => {
  const names = new Set();
  const src = path.resolve('src');
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.ts')) for (const m of readFileSync(path.join(src, file), 'utf8').matchAll(PRIVATE_PROPERTY)) names.add(m[0]);
  }
  const letter = (i) => (i < 26 ? '' : letter(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));
  return new Map([...names].sort().map((name, i) => [name, `--_${letter(i)}`]));
})();

/** Drops the optional spaces (outside strings): after a comma, and around `*` and `/` inside calc(), min(), max(), clamp(). */
function tidyCss(css) {
  let out = '';
  let quote;
  const functions = [];
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      out += c;
      if (c === '\\') out += css[++i] ?? '';
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (c === '(') {
      functions.push(/[\w-]*$/.exec(out)[0].toLowerCase());
      out += c;
    } else if (c === ')') {
      functions.pop();
      out += c;
    } else if (c === ' ') {
      const math = functions.some((f) => f === 'calc' || f === 'min' || f === 'max' || f === 'clamp');
      const prev = out.at(-1);
      const next = css[i + 1];
      if (prev === ',' || (math && (prev === '*' || prev === '/' || next === '*' || next === '/'))) continue;
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

const tidyStyles = {
  name: 'cities-widgets:tidy-styles',
  transform(code, id) {
    if (!/\.ts$/.test(id) || (!code.includes('css`') && !code.includes('--_'))) return null;
    const ast = this.parse(code);
    const tags = new Set();
    for (const node of ast.body) {
      if (node.type !== 'ImportDeclaration' || node.source.value !== 'lit') continue;
      for (const s of node.specifiers) if (s.type === 'ImportSpecifier' && s.imported.name === 'css') tags.add(s.local.name);
    }
    const cuts = [];
    walk(ast, (node) => {
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && tags.has(node.tag.name)) {
        if (node.quasi.expressions.length > 0) this.error(`a css\`\` template with \${…} (tidyStyles in rollup.config.js does not read those)`);
        // The raw text, between the backticks: written back as it was, so escapes stay escapes.
        const [start, end] = [node.quasi.start + 1, node.quasi.end - 1];
        cuts.push([start, end, tidyCss(code.slice(start, end)).replace(PRIVATE_PROPERTY, (name) => privateNames.get(name))]);
      }
    });
    const outside = splice(code, cuts.map(([start, end]) => [start, end, '']));
    if (/--_[a-zA-Z]/.test(outside)) this.error(`a private custom property outside a css\`\` template (tidyStyles in rollup.config.js renames them in css\`\` only)`);
    // Only the text of one-line templates changes (clean-css wrote each on one line): the line numbers hold.
    return cuts.length ? { code: splice(code, cuts), map: null } : null;
  },
};

const entries = [
  ['cities-widgets', PAGE_ENTRY],
  ...WIDGETS.map((w) => [w, `src/components/${w}/define.ts`]),
].filter(([, input]) => input === PAGE_ENTRY || existsSync(input));

const onwarn = (warning, warn) => {
  // zod 4: harmless notes about its own annotations and one internal cycle (see TOOLCHAIN.md).
  if (warning.code === 'INVALID_ANNOTATION' && /zod/.test(warning.id ?? warning.message)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules\/zod/.test(warning.message)) return;
  warn(warning);
};

/**
 * The one feed list each single-widget bundle reads (src/data/rules.ts, ONLY_LIST): the other lists are dropped
 * unread and their checks left out (and the JSON Feed adapter, whose items are news, outside news-list.js; see
 * src/data/loader.ts). Measured: 608–728 bytes gzip less per single-widget bundle (news-list.js 18,501 → 17,843).
 * `cities-widgets.js` gets `undefined`, so that its checks for it fold away too.
 */
const LIST_OF = { 'event-countdown': 'events', 'initiative-feed': 'initiatives', 'news-list': 'news', 'quote-carousel': 'quotes' };

export default entries.map(([name, input]) => {
  const catalogs = bundleCatalogs(input === PAGE_ENTRY);
  const list = LIST_OF[name];
  return {
    input,
    onwarn,
    // Should a chunk import from its entry, keep the entry one self-contained file instead of a facade over a
    // shared chunk. None does (test/node/package.test.mjs): the language chunks get their own `str`
    // (bundleCatalogs), the JSON Feed adapter is handed what it needs (src/data/jsonfeed.ts), the calendar export
    // needs nothing; an import would name the entry by its plain URL, and under `…js?ver=…` run it twice.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      pageEntry,
      // Lit's production build: no dev-mode warnings on partner pages.
      resolve({ browser: true, exportConditions: ['production'] }),
      esbuild({ target: 'es2021', tsconfig: 'tsconfig.json', define: { __CITIES_WIDGETS_LIST__: list ? JSON.stringify(list) : 'undefined', __CITIES_WIDGETS_PAGE__: 'true' } }),
      stripMessageDescriptions,
      catalogs.collect,
      // Collapse the whitespace of html`` and css`` templates (Lit ships them as written).
      minifyTemplateLiterals({ include: ['src/**/*.ts'], failOnError: true }),
      tidyStyles,
      shortLibraryErrors,
      catalogs.filter,
      mangledNamesOnlyOurs,
      terser({
        ecma: 2021,
        module: true,
        compress: {
          // A third pass: 26–44 bytes gzip per bundle; more passes add nothing measurable.
          passes: 3,
          // Drop unused trailing parameters (20–40 bytes gzip per bundle). Only wrong for code that reads a
          // function's `length`: neither our code nor Lit, @lit/localize or zod does.
          keep_fargs: false,
        },
        // Our classes' `private` members are named `__name` in the sources (as in the Lit starter), and terser
        // gives them short names. Measured (zlib 9): 105–420 bytes gzip less per bundle (cities-widgets.js
        // 30,497 → 30,077). Safe because TypeScript keeps a private member's every use inside its class, so in
        // one module and one chunk (terser mangles each chunk on its own); nothing reads them by a string. Lit's
        // production build has mangled its own members already; its cross-package `_$` names do not match.
        // Also the 25 `protected` and controller members of scripts/mangled-members.mjs (renderContent,
        // renderSkeleton, whileLoading, busy…): a page bundle has no API (three export their element's class, but
        // it is not documented for import), so nobody subclasses there; the list is checked by test/node/mangle.test.mjs and `mangledNamesOnlyOurs`. Measured
        // (`npm run size`): 93–156 bytes gzip less per bundle (cities-widgets.js 31,528 → 31,372, news-list.js
        // 17,792 → 17,699).
        mangle: { properties: { regex: MANGLED_PROPERTIES, reserved: ['__proto__'] } },
        format: { comments: false },
      }),
    ],
    output: {
      dir: process.env.OUT_DIR ?? 'dist',
      format: 'es',
      entryFileNames: `${name}.js`,
      chunkFileNames: `chunks/${name}-[name]-[hash].js`,
    },
  };
});
