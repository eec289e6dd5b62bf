#!/usr/bin/env node
/**
 * Where the bytes of a page bundle come from.
 *
 *   npm run size -- --breakdown [--entry NAME] [--write]
 *   node bench/breakdown.mjs [--entry NAME] [--write]      NAME: cities-widgets (default), initiative-feed, …
 *
 * Method (source-map attribution of the real bundle, then marginal gzip):
 * 1. Build the entry with the project's own rollup config (same plugins: node-resolve with the `production`
 *    condition, esbuild, template-literal minification, terser) with `sourcemap: true`. The code is the one
 *    that ships, byte for byte.
 * 2. Decode the source map and give every byte of the minified file to the source module its mapping segment
 *    points at (bytes before the first segment of a line, or in segments without a source, are rollup's own
 *    glue: "(unmapped)"). This is exact for the minified size.
 * 3. gzip is not additive, so two gzip figures are given per module and per package:
 *    - "gzip alone": that code compressed on its own (an upper bound: no shared dictionary);
 *    - "marginal gzip": gzip(bundle) − gzip(bundle with that code cut out), what the code costs inside this
 *      bundle, where it compresses against everything else (what removing it would save, to within a few
 *      bytes). The marginal figures of all rows add up to less than the bundle's gzip size; the remainder is
 *      what the pieces share.
 *    "share" is the marginal gzip as a percentage of the bundle's gzip size.
 * Why not "mark a package external and subtract": it re-runs tree-shaking and terser with different
 * inputs, so the difference mixes the package's cost with changes in how the rest minifies; it is also
 * ten builds instead of one. The source map gives the shipped bytes directly.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { table } from '../scripts/size.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(root, 'bench', 'RESULTS.md');
const gz = (s) => gzipSync(Buffer.from(s, 'utf8'), { level: 9 }).length;
const bytes = (s) => Buffer.byteLength(s, 'utf8');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes a source map's `mappings` into lines of segments [genCol, srcIndex?]. */
function decodeMappings(mappings) {
  const lines = [];
  let srcIndex = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let genCol = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64_INDEX.get(ch);
        if (digit === undefined) throw new Error(`bad source map character ${ch}`);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      genCol += values[0];
      if (values.length >= 4) {
        srcIndex += values[1];
        srcLine += values[2];
        srcCol += values[3];
        if (values.length >= 5) name += values[4];
        segments.push([genCol, srcIndex]);
      } else {
        segments.push([genCol, -1]);
      }
    }
    segments.sort((a, b) => a[0] - b[0]);
    lines.push(segments);
  }
  return lines;
}

/** The package a module belongs to: an npm package name, or a folder of src/. */
export function groupOf(id) {
  const nm = id.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = id.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = id.indexOf('src/');
  if (src >= 0) {
    const parts = id.slice(src).split('/');
    if (parts[1] === 'components') return parts.slice(0, 3).join('/');
    return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/');
  }
  return id;
}

const shortId = (id) => {
  const nm = id.lastIndexOf('node_modules/');
  if (nm >= 0) return id.slice(nm + 'node_modules/'.length);
  const src = id.indexOf('src/');
  return src >= 0 ? id.slice(src) : id;
};

/** Builds `entry` with sourcemaps and attributes its bytes. */
export async function analyze(entry = 'cities-widgets') {
  const { rollup } = await import('rollup');
  const configs = (await import(pathToFileURL(path.join(root, 'rollup.config.js')).href)).default;
  const config = configs.find((c) => c.output.entryFileNames === `${entry}.js`);
  if (!config) throw new Error(`no bundle named ${entry} in rollup.config.js`);
  const cwd = process.cwd();
  process.chdir(root);
  let output;
  try {
    const bundle = await rollup({
      ...config,
      onwarn(warning, warn) {
        if (warning.code === 'SOURCEMAP_BROKEN') return;
        config.onwarn(warning, warn);
      },
    });
    ({ output } = await bundle.generate({ ...config.output, sourcemap: true, sourcemapExcludeSources: true }));
    await bundle.close();
  } finally {
    process.chdir(cwd);
  }
  const chunk = output.find((o) => o.type === 'chunk' && o.isEntry);
  const code = chunk.code;
  const map = chunk.map;
  const lines = decodeMappings(map.mappings);
  const sources = map.sources.map((s) => path.resolve(root, path.dirname(`${config.output.dir ?? 'dist'}/${chunk.fileName}`), s));

  // Owner of every character: a source index, or -1 for unmapped.
  const owner = new Int32Array(code.length).fill(-1);
  let offset = 0;
  const codeLines = code.split('\n');
  for (let li = 0; li < codeLines.length; li++) {
    const text = codeLines[li];
    const segs = lines[li] ?? [];
    for (let s = 0; s < segs.length; s++) {
      const [col, src] = segs[s];
      const end = s + 1 < segs.length ? segs[s + 1][0] : text.length;
      if (src >= 0) owner.fill(src, offset + col, offset + Math.min(end, text.length));
    }
    offset += text.length + 1;
  }
  // Trailing `//# sourceMappingURL` is not in `code` (rollup adds it on write only).

  const pieces = new Map(); // source index -> array of strings
  for (let i = 0; i < code.length; ) {
    const o = owner[i];
    let j = i + 1;
    while (j < code.length && owner[j] === o) j++;
    if (!pieces.has(o)) pieces.set(o, []);
    pieces.get(o).push(code.slice(i, j));
    i = j;
  }
  const total = { min: bytes(code), gzip: gz(code) };

  const cut = (keep) => {
    let s = '';
    for (let i = 0; i < code.length; ) {
      const o = owner[i];
      let j = i + 1;
      while (j < code.length && owner[j] === o) j++;
      if (keep(o)) s += code.slice(i, j);
      i = j;
    }
    return s;
  };

  const rendered = new Map(Object.entries(chunk.modules).map(([id, m]) => [id, m.renderedLength]));
  const modules = [];
  for (const [idx, parts] of pieces) {
    const id = idx < 0 ? '(unmapped)' : sources[idx];
    const text = parts.join('');
    modules.push({
      idx,
      id,
      name: idx < 0 ? '(unmapped: rollup glue)' : shortId(id),
      group: idx < 0 ? '(unmapped)' : groupOf(id),
      min: bytes(text),
      gzipAlone: gz(text),
      marginal: total.gzip - gz(cut((o) => o !== idx)),
      rendered: rendered.get(id),
    });
  }
  modules.sort((a, b) => b.marginal - a.marginal || b.min - a.min);

  const groupNames = [...new Set(modules.map((m) => m.group))];
  const groups = groupNames.map((g) => {
    const members = new Set(modules.filter((m) => m.group === g).map((m) => m.idx));
    const text = cut((o) => members.has(o));
    return {
      group: g,
      modules: members.size,
      min: bytes(text),
      gzipAlone: gz(text),
      marginal: total.gzip - gz(cut((o) => !members.has(o))),
    };
  });
  groups.sort((a, b) => b.marginal - a.marginal || b.min - a.min);

  // Lit's four packages together: the runtime floor.
  const litPkgs = new Set(['lit', 'lit-html', 'lit-element', '@lit/reactive-element']);
  const litIdx = new Set(modules.filter((m) => litPkgs.has(m.group)).map((m) => m.idx));
  const lit = { min: bytes(cut((o) => litIdx.has(o))), marginal: total.gzip - gz(cut((o) => !litIdx.has(o))) };

  return { entry, total, modules, groups, lit, sourcemapBroken: false };
}

const n = (v) => v.toLocaleString('en-US');
const pct = (v, t) => `${((v / t) * 100).toFixed(1)} %`;

function markdownTable(rows) {
  const [head, ...body] = rows;
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 || i === 1 ? '---' : '---:')).join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function formatBreakdown(r, { top = 25 } = {}) {
  const out = [];
  out.push(
    `\nBreakdown of ${r.entry}.js: ${n(r.total.min)} bytes minified, ${n(r.total.gzip)} gzip (level 9).`,
    'min = exact minified bytes (source map of the shipped bundle); gzip alone = that code compressed by itself;',
    'marginal = gzip(bundle) − gzip(bundle without it); share = marginal / bundle gzip.\n',
  );
  const groupRows = [['package / folder', 'modules', 'min', 'min %', 'gzip alone', 'marginal gzip', 'share']];
  for (const g of r.groups) {
    groupRows.push([g.group, g.modules, n(g.min), pct(g.min, r.total.min), n(g.gzipAlone), n(g.marginal), pct(g.marginal, r.total.gzip)]);
  }
  out.push(table(groupRows, ['l', 'r', 'r', 'r', 'r', 'r', 'r']));
  out.push(
    `\nLit runtime (lit + lit-html + lit-element + @lit/reactive-element together): ${n(r.lit.min)} min, ${n(r.lit.marginal)} marginal gzip (${pct(r.lit.marginal, r.total.gzip)}).`,
  );
  const modRows = [['#', 'module', 'min', 'gzip alone', 'marginal gzip', 'share']];
  r.modules.slice(0, top).forEach((m, i) => {
    modRows.push([i + 1, m.name, n(m.min), n(m.gzipAlone), n(m.marginal), pct(m.marginal, r.total.gzip)]);
  });
  out.push(`\nTop ${Math.min(top, r.modules.length)} of ${r.modules.length} modules by marginal gzip:`);
  out.push(table(modRows, ['r', 'l', 'r', 'r', 'r', 'r']));
  return out.join('\n');
}

export function markdownBreakdown(r) {
  const rows = [['#', 'package / folder', 'modules', 'min bytes', 'marginal gzip', 'share of gzip']];
  r.groups.slice(0, 10).forEach((g, i) => rows.push([i + 1, `\`${g.group}\``, g.modules, n(g.min), n(g.marginal), pct(g.marginal, r.total.gzip)]));
  const mods = [['#', 'module', 'min bytes', 'marginal gzip', 'share of gzip']];
  r.modules.slice(0, 10).forEach((m, i) => mods.push([i + 1, `\`${m.name}\``, n(m.min), n(m.marginal), pct(m.marginal, r.total.gzip)]));
  return [
    `\`${r.entry}.js\`: ${n(r.total.min)} bytes minified, ${n(r.total.gzip)} bytes gzip. Lit's runtime (four packages) costs ${n(r.lit.marginal)} marginal gzip bytes (${pct(r.lit.marginal, r.total.gzip)}).`,
    '',
    'Top 10 packages / source folders:',
    '',
    markdownTable(rows),
    '',
    'Top 10 modules:',
    '',
    markdownTable(mods),
  ].join('\n');
}

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in bench/RESULTS.md. */
export function writeSection(name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Size and benchmark results\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, text);
}

export async function breakdown({ entry, write = false } = {}) {
  const r = await analyze(entry ?? 'cities-widgets');
  console.log(formatBreakdown(r));
  if (write) {
    const date = new Date().toISOString().slice(0, 10);
    writeSection(
      'breakdown',
      `Measured ${date} with \`npm run size -- --breakdown --write\` (method: bench/breakdown.mjs header).\n\n${markdownBreakdown(r)}`,
    );
    console.log(`\n${path.relative(process.cwd(), RESULTS)}: breakdown section updated.`);
  }
  return r;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--entry');
  breakdown({ entry: i >= 0 ? argv[i + 1] : undefined, write: argv.includes('--write') }).catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
