/**
 * cities-widgets: classes, types and data helpers. Importing this module defines no element;
 * import `cities-widgets/define` (all elements) or `cities-widgets/<widget>/define` (one) for that.
 */
export { CitiesElement, type Theme } from './base/cities-element.js';
export { defineElement } from './base/define.js';
export type { FeedLoadDetail, FeedErrorDetail, FeedStatus } from './controllers/feed-controller.js';
export { FeedSchema, LISTS, type ListName, type LocalizedText, type FeedDocument, type Initiative, type FeedEvent, type Quote, type NewsItem, type FeedImage } from './data/schema.js';
export { parseFeed, type Feed, type ParseResult, type ParseOptions } from './data/parse.js';
export { loadFeed, type LoadOptions, type LoadResult } from './data/loader.js';
export { FeedError, type FeedErrorKind } from './data/errors.js';
export { safeUrl } from './data/urls.js';
export { resolveText, type ResolvedText } from './data/text.js';
export { SUPPORTED_LOCALES, matchLocale, type Locale } from './i18n/locale.js';
export { NewsList, type NewsLayout } from './components/news-list/news-list.js';
export { QuoteCarousel, type QuoteChangeDetail } from './components/quote-carousel/quote-carousel.js';
export { EventCountdown, type CountdownState, type CountdownStateDetail } from './components/event-countdown/event-countdown.js';
export { InitiativeFeed, type InitiativeLayout } from './components/initiative-feed/initiative-feed.js';
