/**
 * The npm package's `cities-widgets/define`: registers every element and re-exports the library.
 * (The page bundle `dist/cities-widgets.js` registers the same elements but exports nothing: rollup.config.js
 * builds it from the four `define.ts` alone, so that the re-exports below do not keep unused code in it.)
 */
export * from './index.js';
import './components/event-countdown/define.js';
import './components/initiative-feed/define.js';
import './components/news-list/define.js';
import './components/quote-carousel/define.js';
