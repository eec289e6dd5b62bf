/**
 * Writes dist/integrity.json: the Subresource Integrity hash (sha384, base64) of every file in dist/ that
 * pages load (dist/*.js and the language chunks in dist/chunks/), keyed by its path inside dist/, and prints
 * them. Runs last in `npm run build`, after the bundles exist.
 *
 *   <script type="module" src="https://unpkg.com/cities-widgets@0.1.0/dist/cities-widgets.js"
 *           integrity="sha384-…" crossorigin="anonymous"></script>
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';

const dist = new URL('../dist/', import.meta.url);

async function scripts(folder) {
  const entries = await readdir(new URL(folder, dist), { withFileTypes: true }).catch((error) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => `${folder}${e.name}`);
}

const files = [...(await scripts('')), ...(await scripts('chunks/'))].sort();
if (files.length === 0) {
  console.error('integrity: no scripts in dist/; run the build first');
  process.exit(1);
}

const hashes = {};
for (const file of files) {
  const digest = createHash('sha384').update(await readFile(new URL(file, dist))).digest('base64');
  hashes[file] = `sha384-${digest}`;
}
await writeFile(new URL('integrity.json', dist), `${JSON.stringify(hashes, null, 2)}\n`);

const width = Math.max(...files.map((f) => f.length));
for (const [file, hash] of Object.entries(hashes)) console.log(`${file.padEnd(width)}  ${hash}`);
console.log('dist/integrity.json written');
