import { type Digits, type Lang, localeOf } from './locale.ts';

/**
 * Numbers and dates as each locale writes them. Arabic is written with Latin digits 0–9 and Arabic
 * separators unless the reader chose Arabic-Indic digits (٠–٩); Hebrew uses Latin digits. Dates and
 * times are shown in the agreement's time zone, never the reader's, so that "day 3" and its
 * deadlines mean the same thing to everyone.
 */
export interface Formatters {
  number(n: number): string;
  /** A short number for chart axes: 1.5K, 2M (as the locale abbreviates). */
  compact(n: number): string;
  percent(fraction: number): string;
  date(iso: string, timeZone: string): string;
  dateTime(iso: string, timeZone: string): string;
  time(iso: string, timeZone: string): string;
  /** A calendar date YYYY-MM-DD (no time zone shift). */
  calendarDate(date: string): string;
  /** A calendar month YYYY-MM, its name in full with its year ("November 2023"). */
  month(month: string): string;
}

const cache = new Map<string, Formatters>();

function dateOf(iso: string): Date {
  return new Date(iso);
}

export function formatters(lang: Lang, digits: Digits = 'latn'): Formatters {
  const locale = localeOf(lang, digits);
  const cached = cache.get(locale);
  if (cached) return cached;
  const numberFormat = new Intl.NumberFormat(locale);
  const compactFormat = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const byZone = new Map<
    string,
    { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; time: Intl.DateTimeFormat }
  >();
  const zoned = (timeZone: string) => {
    let f = byZone.get(timeZone);
    if (!f) {
      f = {
        date: new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' }),
        dateTime: new Intl.DateTimeFormat(locale, {
          timeZone,
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }),
        time: new Intl.DateTimeFormat(locale, {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }),
      };
      byZone.set(timeZone, f);
    }
    return f;
  };
  const calendar = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const monthFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const f: Formatters = {
    number: (n) => numberFormat.format(n),
    compact: (n) => compactFormat.format(n),
    percent: (x) => percentFormat.format(x),
    date: (iso, tz) => zoned(tz).date.format(dateOf(iso)),
    dateTime: (iso, tz) => zoned(tz).dateTime.format(dateOf(iso)),
    time: (iso, tz) => zoned(tz).time.format(dateOf(iso)),
    calendarDate: (date) => calendar.format(new Date(`${date}T12:00:00Z`)),
    month: (month) => monthFormat.format(new Date(`${month}-15T12:00:00Z`)),
  };
  cache.set(locale, f);
  return f;
}
