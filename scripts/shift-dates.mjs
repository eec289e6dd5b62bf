/**
 * Moves every ISO date-time with an offset in a JSON text by `deltaMs`, keeping each date's own offset.
 * The demo server uses it to keep the sample feed current; the test server to pin fixtures to "now".
 */
export function shiftDates(jsonText, deltaMs) {
  return jsonText.replace(
    /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})"/g,
    (_, local, offset) => {
      const offsetMin =
        offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
      const t = Date.parse(local + offset) + deltaMs;
      const shifted = new Date(t + offsetMin * 60_000).toISOString().slice(0, 19);
      return `"${shifted}${offset}"`;
    },
  );
}
