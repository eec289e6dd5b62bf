/**
 * JSON Feed (https://www.jsonfeed.org/version/1.1/) adapter: maps a JSON Feed document onto our own
 * feed format so that any widget can read it. Not implemented yet (see the news-list issue): a JSON Feed
 * is recognised and rejected with a clear message.
 */
import { FeedError } from './errors.js';

export function isJsonFeed(doc: unknown): doc is Record<string, unknown> {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof (doc as Record<string, unknown>)['version'] === 'string' &&
    ((doc as Record<string, unknown>)['version'] as string).startsWith('https://jsonfeed.org/version/')
  );
}

export function jsonFeedToFeed(_doc: Record<string, unknown>): unknown {
  throw new FeedError('version', 'JSON Feed documents are not supported yet');
}
