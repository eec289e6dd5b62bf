/**
 * parseFeed: a parsed JSON document (our feed format, or a JSON Feed 1.x) to a validated feed. The public
 * entry point of the data layer (the npm package, the CLI). The page bundles' loader does the same in two
 * steps, so that the JSON Feed adapter is only downloaded for a feed that is one (loader.ts).
 */
import { isJsonFeed } from './detect.js';
import { unsupportedJsonFeed } from './errors.js';
import { convertJsonFeed } from './jsonfeed.js';
import { LANGUAGE_TAG } from './rules.js';
import { validateFeed, type ParseOptions, type ParseResult } from './validate.js';

export { DEFAULT_MAX_ITEMS, type Feed, type ListCounts, type ParseOptions, type ParseResult } from './validate.js';
/** Re-exported so that Node-side tools (the CLI) reach the JSON Feed adapter through this module only. */
export { isJsonFeed };

/**
 * A JSON Feed 1.x document as a document in our format, version 1, with its items as `news`.
 * Throws a FeedError (`version`) for another version of JSON Feed.
 */
export function jsonFeedToFeed(doc: Record<string, unknown>): unknown {
  const converted = convertJsonFeed(doc, LANGUAGE_TAG);
  if (converted === undefined) throw unsupportedJsonFeed(doc);
  return converted;
}

/**
 * Validates a parsed JSON document against the feed format, item by item, in one go (a JSON Feed is
 * converted first). Throws a FeedError only when the document as a whole is unusable.
 * @param baseUrl the feed's own URL: relative URLs in the feed resolve against it.
 */
export function parseFeed(doc: unknown, baseUrl: string, options: ParseOptions = {}): ParseResult {
  return validateFeed(isJsonFeed(doc) ? jsonFeedToFeed(doc) : doc, baseUrl, options);
}
