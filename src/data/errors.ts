/** Why a whole feed could not be used. Individual bad items are skipped, not errors. */
export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'too-large' | 'not-json' | 'format' | 'version';

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    /** HTTP status, for `http` errors. */
    readonly status?: number,
    /** Milliseconds the server asked us to wait (Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** The error for a JSON Feed of a version the adapter does not read (2, …). */
export function unsupportedJsonFeed(doc: Record<string, unknown>): FeedError {
  return new FeedError('version', `Unsupported JSON Feed version: ${String(doc['version']).slice(0, 60)}`);
}

/** Any thrown value as a FeedError, so that state and events always carry a readable message. */
export function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  if (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new FeedError('timeout', 'The feed took too long to respond');
  }
  return new FeedError('network', 'The feed could not be reached');
}
