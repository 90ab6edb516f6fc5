/**
 * The span of years Truce computes calendars in. Dates outside it are refused where they enter
 * (a what-if's start, a status's moment, a report's day, an agreement's start): the calendar
 * arithmetic of zoned-time.ts needs four-digit years, and no truce is planned or judged
 * centuries away.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** What a refusal says of the horizon, e.g. in a schema's description. */
export const HORIZON_TEXT = `between the years ${FIRST_YEAR} and ${LAST_YEAR}`;

/** True when the ISO 8601 date or date-time `iso` starts with a year within the horizon. */
export function withinHorizon(iso: string): boolean {
  const m = /^(\d{4})-/.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}
