/** Recognises a JSON Feed document (https://www.jsonfeed.org/), without loading the adapter itself. */
export function isJsonFeed(doc: unknown): doc is Record<string, unknown> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const version = (doc as Record<string, unknown>)['version'];
  return typeof version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(version);
}
