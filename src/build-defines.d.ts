/**
 * Constants the page bundles' build defines (rollup.config.js, esbuild `define`). Outside those bundles (the npm
 * build, the tests, Storybook) they are not defined at all: read them with `typeof X === 'undefined'` first.
 */

/** The one feed list a single-widget bundle reads (src/data/rules.ts, ONLY_LIST); `undefined` in cities-widgets.js. */
declare const __CITIES_WIDGETS_LIST__: import('./data/rules.js').ListName | undefined;

/**
 * `true` in every page bundle (dist/*.js), which carries its own copy of @lit/localize that nothing else can have
 * configured; not defined in the npm build, where the host application may have configured it already.
 */
declare const __CITIES_WIDGETS_PAGE__: true | undefined;
