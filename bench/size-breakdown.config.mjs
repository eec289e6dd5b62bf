import resolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
const input = process.env.ENTRY || 'src/cities-widgets.ts';
export default {
  input, onwarn() {},
  plugins: [resolve({ browser: true, exportConditions: ['production'] }), esbuild({ target: 'es2021', tsconfig: 'tsconfig.json', minify: true }),
  { name: 'sizes', generateBundle(_, bundle) { for (const c of Object.values(bundle)) { if (c.type !== 'chunk' || !c.isEntry) continue;
    const groups = {}; for (const [id, m] of Object.entries(c.modules)) { const g = id.includes('node_modules') ? id.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : id.replace(/.*\/src\//, 'src/'); groups[g] = (groups[g] || '') + (m.code || ''); }
    const rows = Object.entries(groups).map(([g, code]) => [g, code.length, gzipSync(code, {level: 9}).length]).sort((a, b) => b[2] - a[2]);
    for (const r of rows) console.log(r.join('\t')); } } }],
  output: { dir: '/tmp/sizeout', format: 'es' },
};
