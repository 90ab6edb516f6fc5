/** Calendar arithmetic on YYYY-MM-DD dates in an agreement's time zone (pure; Intl only). */

const byZone = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in `timeZone`, YYYY-MM-DD. */
export function dateIn(instant: Date, timeZone: string): string {
  let f = byZone.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    byZone.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function utcDays(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

/** Days from `a` to `b` (both YYYY-MM-DD): 1 for the next day. */
export function daysBetween(a: string, b: string): number {
  return Math.round(utcDays(b) - utcDays(a));
}

/** The date `n` days after `date`. */
export function addDays(date: string, n: number): string {
  return new Date((utcDays(date) + n) * 86_400_000).toISOString().slice(0, 10);
}

/** The agreement day of `date` (day 1 is the start date). */
export function dayNumber(startDate: string, date: string): number {
  return daysBetween(startDate, date) + 1;
}
