/**
 * The single-file bundle's entry (`dist/cities-widgets.js`) and the npm package's `cities-widgets/define`:
 * registers every element.
 */
export * from './index.js';
import './components/event-countdown/define.js';
import './components/initiative-feed/define.js';
import './components/news-list/define.js';
import './components/quote-carousel/define.js';
