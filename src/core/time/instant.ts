/** Days before each month (of a common year), for the day of the year. */
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The number the `n` ASCII digits of `s` from `at` make, or -1 if one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The instant (epoch ms) of a date-time as events and agreements write it, exactly as `Date.parse`
 * reads it, NaN when it reads none: `YYYY-MM-DDTHH:MM:SS`, then an optional fraction of 1 to 3
 * digits, then `Z` or `±HH:MM`, is read here directly (a log's million instants, each read once
 * where Date.parse's general parser costs several times more); every other form goes to Date.parse.
 */
export function instantOf(text: string): number {
  const n = text.length;
  if (
    n < 20 ||
    n > 29 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84
  )
    return Date.parse(text);
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Date.parse(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return Date.parse(text);
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return Date.parse(text);
  const leap = month === 2 && isLeap(year) ? 1 : 0;
  const length = (month === 12 ? 365 : DAYS_BEFORE[month]!) - DAYS_BEFORE[month - 1]! + leap;
  if (day > length) return Date.parse(text);
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    let end = at + 1;
    while (end < n && end - at <= 3) {
      const d = text.charCodeAt(end) - 48;
      if (d < 0 || d > 9) break;
      ms = ms * 10 + d;
      end++;
    }
    const count = end - at - 1;
    if (count === 0 || count > 3) return Date.parse(text);
    ms *= count === 1 ? 100 : count === 2 ? 10 : 1;
    at = end;
  }
  let offset: number;
  if (at === n - 1 && text.charCodeAt(at) === 90) offset = 0;
  else if (at === n - 6 && text.charCodeAt(at + 3) === 58) {
    const sign = text.charCodeAt(at);
    const oh = digits(text, at + 1, 2);
    const om = digits(text, at + 4, 2);
    if ((sign !== 43 && sign !== 45) || oh < 0 || oh > 23 || om < 0 || om > 59) return Date.parse(text);
    offset = (sign === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
  } else return Date.parse(text);
  // Days since the epoch of the day (proleptic Gregorian, as Date.UTC counts them).
  const y = year - 1;
  const days =
    365 * (year - 1970) +
    (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) -
    (492 - 19 + 4) +
    DAYS_BEFORE[month - 1]! +
    (month > 2 && isLeap(year) ? 1 : 0) +
    day -
    1;
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offset;
}
