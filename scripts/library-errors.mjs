/**
 * Used by rollup.config.js for the page bundles (and by test/node/library-errors.test.mjs).
 *
 * The production builds of Lit and @lit/localize keep four messages for developers (227 characters), thrown only
 * when a page misuses their APIs: a CSSResult built by hand, a value in css`` that is not css``, a template
 * strings array that is not a real one, localization configured twice. Our bundles export no API (README,
 * "Packages and builds"), so no page code reaches those APIs through them, and our own code is checked by the
 * type checker and the tests. The throws stay (the template check is a security check); only the words are
 * shorter. Measured (`npm run size`): 128–134 bytes gzip less per bundle (cities-widgets.js 31,234 → 31,100). If a
 * new version words one otherwise (or its minifier names the css message's variable other than `t`), the build
 * stops here.
 */
export const LIBRARY_ERRORS = [
  [/\/@lit\/reactive-element\/css-tag\.js$/, '"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"Lit: CSSResult"'],
  [
    /\/@lit\/reactive-element\/css-tag\.js$/,
    `"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`,
    '"Lit: not css: "+t',
  ],
  [/\/lit-html\/lit-html\.js$/, '"invalid template strings array"', '"Lit: strings"'],
  [/\/@lit\/localize\/init\/install\.js$/, "'lit-localize can only be configured once'", "'lit-localize: configured twice'"],
];
export const shortLibraryErrors = {
  name: 'cities-widgets:short-library-errors',
  transform(code, id) {
    const mine = LIBRARY_ERRORS.filter(([file]) => file.test(id));
    if (!mine.length) return null;
    let out = code;
    for (const [, long, short] of mine) {
      if (!out.includes(long)) this.error(`${id}: the message ${long.slice(0, 40)}… is not there; update scripts/library-errors.mjs`);
      out = out.replace(long, short);
    }
    return { code: out, map: null };
  },
};
