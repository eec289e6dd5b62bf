/**
 * URL policy for everything a feed links to or loads.
 *
 * Only `http:` and `https:` URLs survive. Relative and protocol-relative URLs are resolved against the
 * feed's own URL (never the host page). The decision is made on the scheme that the browser's own URL
 * parser sees, so every obfuscated spelling of `javascript:` (mixed case, tabs, newlines or control
 * characters inside) is caught exactly as a browser would read it.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);
const MAX_URL_LENGTH = 4096;

export function safeUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
