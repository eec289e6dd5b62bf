/**
 * The member names that terser renames in the page bundles (rollup.config.js), besides the private `__names`:
 * our classes' `protected` members and the public members of classes the npm package does not export (the
 * controllers'). The page bundles have no API (initiative-feed.js, news-list.js and quote-carousel.js export
 * their element's class, but README documents none of it for import), so no page is meant to subclass an element or reach a controller through them; the npm build
 * (tsc, dist/lib/) keeps every name, so subclasses there see no change.
 *
 * terser renames a property name everywhere in a chunk, whatever the object, so a name is listed only when
 * nothing else in the bundle can spell it: `npm test` checks every name (test/node/mangle.test.mjs, with the
 * TypeScript compiler: only our members declare it, every use resolves to them, no library, DOM interface,
 * package or string has it; then the built bundles), and the build stops if one is used by a package's code or
 * in two chunks (rollup.config.js, `mangledNamesOnlyOurs`). Left out on purpose: Lit's lifecycle (render, update, willUpdate…),
 * the reactive properties and every public member of an element (custom-elements.json), and names that the
 * DOM, the feed's data or an interface also use (text, list, locale, language, feed, status, result, tick…).
 * `node test/node/mangle-members.mjs` prints the members that would pass the checks.
 */
export const MANGLED_MEMBERS = [
  // CitiesElement's protected members (src/base/cities-element.ts) and the widgets' overrides.
  'bone',
  'formatLocale',
  'isEmpty',
  'langOf',
  'localized',
  'reducesMotion',
  'renderBody',
  'renderContent',
  'renderEmpty',
  'renderError',
  'renderIdle',
  'renderImage',
  'renderSkeleton',
  'renderStaleNote',
  'resolvedTheme',
  'showsImage',
  'whileLoading',
  // NewsList (src/components/news-list/news-list.ts).
  'shown',
  // FeedController (src/controllers/feed-controller.ts).
  'busy',
  'stale',
  'waitingForViewport',
  // AutoplayController (src/controllers/autoplay.ts).
  'effectiveInterval',
  'reduceMotion',
  'reducedMotion',
  // The initiative feed's Settle controller (src/components/initiative-feed/initiative-feed.ts).
  'schedule',
];

/** terser's `mangle.properties.regex`: the private `__names` and the names above. */
export const MANGLED_PROPERTIES = new RegExp(`^(?:__[a-zA-Z]|(?:${MANGLED_MEMBERS.join('|')})$)`);
