/**
 * Page bundles for <script type="module">: `dist/cities-widgets.js` (every element) and one self-contained
 * file per widget. Each is built on its own so that it shares nothing with the others; the language
 * catalogs are split into small chunks under `dist/chunks/` that load only when a page needs that language.
 * (The npm build is plain `tsc` output in `dist/lib/`, see package.json.)
 */
import { existsSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';

const entries = [
  ['cities-widgets', 'src/cities-widgets.ts'],
  ['initiative-feed', 'src/components/initiative-feed/define.ts'],
  ['event-countdown', 'src/components/event-countdown/define.ts'],
  ['quote-carousel', 'src/components/quote-carousel/define.ts'],
  ['news-list', 'src/components/news-list/define.ts'],
].filter(([, input]) => existsSync(input));

const onwarn = (warning, warn) => {
  // zod 4: harmless notes about its own annotations and one internal cycle (see TOOLCHAIN.md).
  if (warning.code === 'INVALID_ANNOTATION' && /zod/.test(warning.id ?? warning.message)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules\/zod/.test(warning.message)) return;
  warn(warning);
};

export default entries.map(([name, input]) => ({
  input,
  onwarn,
  // Let the language chunks import `str` from the entry itself, so the entry stays one self-contained file
  // instead of a facade over a shared chunk.
  preserveEntrySignatures: 'allow-extension',
  plugins: [
    // Lit's production build: no dev-mode warnings on partner pages.
    resolve({ browser: true, exportConditions: ['production'] }),
    esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
    // Collapse the whitespace of html`` and css`` templates (Lit ships them as written).
    minifyTemplateLiterals({ include: ['src/**/*.ts'], failOnError: true }),
    terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
  output: {
    dir: process.env.OUT_DIR ?? 'dist',
    format: 'es',
    entryFileNames: `${name}.js`,
    chunkFileNames: `chunks/${name}-[name]-[hash].js`,
  },
}));
