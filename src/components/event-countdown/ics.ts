/**
 * "Add to calendar" for one event: an RFC 5545 `.ics` document and Google Calendar / Outlook web links.
 * Pure functions: every input is explicit (including "now" for DTSTAMP), nothing touches the page.
 * The page bundles load this module on demand (a chunk in dist/chunks/), see event-countdown.ts.
 */

/** What a calendar entry needs. Times are milliseconds since the epoch. */
export interface CalendarEvent {
  /** Globally unique and stable across updates (RFC 5545 UID), e.g. `cal-1@www.metropolis.org`. */
  uid: string;
  title: string;
  start: number;
  end: number;
  description?: string;
  location?: string;
  /** An already validated http(s) URL. */
  url?: string;
}

const CRLF = '\r\n';

/**
 * The UID of the event a countdown's attributes define, which has no id: a hash of its date and title (djb2,
 * base 36), stable while they stay the same.
 */
export function attributeUid(seed: string): string {
  let h = 5381;
  for (let i = 0; i < seed.length; i++) h = ((h << 5) + h + seed.charCodeAt(i)) | 0;
  return `${(h >>> 0).toString(36)}@cities-widgets`;
}

/** `20261201T140000Z`: a UTC DATE-TIME (RFC 5545 §3.3.5, form #2). */
export function icsDate(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Length = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * Folds a content line so that no line is longer than 75 octets (RFC 5545 §3.1): continuation lines
 * start with one space. Splits only between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** The whole VCALENDAR document with one VEVENT, CRLF line endings, folded lines. */
export function buildIcs(event: CalendarEvent, now: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//cities-widgets//event-countdown//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDate(now)}`,
    `DTSTART:${icsDate(event.start)}`,
    `DTEND:${icsDate(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // A URI value, not TEXT: no escaping (a validated URL holds no line breaks).
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The `.ics` document as a `data:` URL for a download link. */
export function icsDataUrl(event: CalendarEvent, now: number): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(buildIcs(event, now))}`;
}

/** A file name from the title: `live-learning-experience.ics`. */
export function icsFileName(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'event'}.ics`;
}

/** Query string with %20 for spaces (Outlook shows a literal "+" otherwise). */
function query(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}

function details(event: CalendarEvent): string | undefined {
  const parts = [event.description, event.url].filter(Boolean);
  return parts.length ? parts.join('\n\n') : undefined;
}

/** Google Calendar's "create event" template link. */
export function googleCalendarUrl(event: CalendarEvent): string {
  return `https://calendar.google.com/calendar/render?${query({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${icsDate(event.start)}/${icsDate(event.end)}`,
    details: details(event),
    location: event.location,
  })}`;
}

/** Outlook on the web (outlook.live.com) "new event" link. */
export function outlookCalendarUrl(event: CalendarEvent): string {
  const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `https://outlook.live.com/calendar/0/action/compose?${query({
    rru: 'addevent',
    subject: event.title,
    startdt: iso(event.start),
    enddt: iso(event.end),
    body: details(event),
    location: event.location,
  })}`;
}

/** The three "Add to calendar" links of one event; `now` stamps the `.ics` file (DTSTAMP). */
export function calendarLinks(event: CalendarEvent, now: number): { google: string; outlook: string; ics: string; file: string } {
  return {
    google: googleCalendarUrl(event),
    outlook: outlookCalendarUrl(event),
    ics: icsDataUrl(event, now),
    file: icsFileName(event.title),
  };
}
