/**
 * ISO 8601 / RFC 3339 date-times with a mandatory offset ("Z" or "+01:00").
 * Impossible dates (month 13, 30 February, 25:00) are rejected, never rolled over.
 */
export const DATE_TIME_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:\\d{2})$';

const RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or `undefined` when the string is not a possible date-time with an offset. */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = RE.exec(value);
  if (!m) return undefined;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = +m[4]!;
  const minute = +m[5]!;
  const second = m[6] === undefined ? 0 : +m[6];
  const ms = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day > (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1))) {
    return undefined;
  }
  let offset = 0;
  if (m[9]) {
    const oh = +m[10]!;
    const om = +m[11]!;
    if (oh > 14 || om > 59) return undefined;
    offset = (oh * 60 + om) * (m[9] === '-' ? -1 : 1);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const t = utc - offset * 60_000;
  return Number.isFinite(t) ? t : undefined;
}

export const isDateTime = (value: unknown): boolean => parseDateTime(value) !== undefined;

/** The offset written in a date-time string, in minutes east of UTC (0 for "Z"). */
export function offsetMinutes(value: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (!m) return 0;
  return (+m[2]! * 60 + +m[3]!) * (m[1] === '-' ? -1 : 1);
}
