/**
 * URL policy for everything a feed links to or loads.
 *
 * Only `http:` and `https:` URLs survive. Relative and protocol-relative URLs are resolved against the
 * feed's own URL (never the host page). The decision is made on the scheme that the browser's own URL
 * parser sees, so every obfuscated spelling of `javascript:` (mixed case, tabs, newlines or control
 * characters inside) is caught exactly as a browser would read it.
 *
 * `new URL()` costs about as much as validating the rest of an item in Chromium (a fifth of parseFeed
 * at 5,000 initiatives, bench/RESULTS.md), and almost every feed URL is already written the way the
 * parser would write it back. Those are recognised by a strict pattern and returned as they are; anything
 * else (relative, upper case, ports, dot segments, IP addresses, punycode, unusual characters) goes through
 * the parser. test/hardening/fuzz.test.ts checks that both paths always give the same answer.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);
const MAX_URL_LENGTH = 4096;

/** Characters the URL parser leaves as they are in a path, a query and a fragment; `%` only before two hex digits. */
const PATH = String.raw`(\/(?:[\w\-.~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*)`;
const QUERY = String.raw`(\?(?:[\w\-.~!$&()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?`;
const FRAGMENT = String.raw`(#(?:[\w\-.~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?`;
/**
 * An absolute http(s) URL already in the parser's own spelling: lower-case scheme and host (letters,
 * digits, inner hyphens, dot-separated, the last label starting with a letter, so never an IPv4 number,
 * no `xn--` label), no user info or port, then a path, query and fragment as above.
 */
const ABSOLUTE = new RegExp(
  String.raw`^https?:\/\/(?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*(?!xn--)[a-z](?:[a-z0-9-]*[a-z0-9])?${PATH}?${QUERY}${FRAGMENT}$`,
);
/** A path from the root of the feed's own site ("/img/1.png"; not "//host/…"). */
const ROOT_RELATIVE = new RegExp(String.raw`^(?!\/\/)${PATH}${QUERY}${FRAGMENT}$`);
/** Dot segments ("/./", "/../", also percent-encoded) that the parser would resolve. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:\/|$)/i;

export function safeUrl(raw: unknown, base?: string): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return undefined;
  const fast = canonicalUrl(raw, base);
  if (fast !== undefined) return fast;
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/**
 * What `new URL(raw, base).href` gives, for the two spellings the parser would leave as they are: an
 * absolute http(s) URL in canonical form, and a root-relative path under an http(s) base without user info.
 * `undefined` for everything else (the caller then asks the parser).
 */
export function canonicalUrl(raw: string, base?: string): string | undefined {
  let m = ABSOLUTE.exec(raw);
  if (m) {
    const path = m[1];
    if (path !== undefined) return DOT_SEGMENT.test(path) ? undefined : raw;
    // "https://example.org" and "https://example.org?q": the parser adds the root path.
    const cut = raw.length - (m[2]?.length ?? 0) - (m[3]?.length ?? 0);
    return `${raw.slice(0, cut)}/${raw.slice(cut)}`;
  }
  if (base === undefined || raw[0] !== '/') return undefined;
  m = ROOT_RELATIVE.exec(raw);
  if (!m || DOT_SEGMENT.test(m[1]!)) return undefined;
  const origin = originOf(base);
  return origin === undefined ? undefined : origin + raw;
}

let lastBase: string | undefined;
let lastOrigin: string | undefined;

/** The origin of an http(s) base URL without user info (parsed once per base), else undefined. */
function originOf(base: string): string | undefined {
  if (base !== lastBase) {
    lastBase = base;
    lastOrigin = undefined;
    try {
      const url = new URL(base);
      if (ALLOWED_PROTOCOLS.has(url.protocol) && !url.username && !url.password) lastOrigin = url.origin;
    } catch {
      /* not a URL: no fast path */
    }
  }
  return lastOrigin;
}
