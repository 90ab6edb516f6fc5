/**
 * Wall-clock arithmetic in an IANA time zone with Intl only, so it runs in Node and the browser.
 * Dates are plain 'YYYY-MM-DD' strings; instants are ISO 8601 strings with an explicit offset.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  date: string;
  time: string;
  /** Milliseconds of the wall clock read as if it were UTC. */
  asUtc: number;
}

/** The wall clock in `timeZone` at the instant `epochMs`, as Intl reads it (slow; cached below). */
function intlWallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  return { date, time, asUtc: Date.parse(`${date}T${time}Z`) };
}

// Most zones change their offset on a quarter hour, but not all (St John's changed at 00:01 local
// until 2011): a quarter hour whose first and last seconds have one offset has it throughout (two
// changes are never a quarter hour apart), and one reading serves it; one that holds a change is
// read at each instant asked for.
const QUARTER_HOUR = 900_000;
/** A quarter hour in which the offset changes: read at the instant. */
const CHANGES = Number.NaN;
/** Per zone, the offset of each quarter hour read so far (keyed by its number since the epoch). */
const offsets = new Map<string, Map<number, number>>();
let offsetsRead = 0;

/** Offset of `timeZone` from UTC at `epochMs`, in minutes (east positive), as Intl reads it. */
function intlOffset(epochMs: number, timeZone: string): number {
  const second = Math.floor(epochMs / 1000) * 1000;
  return Math.round((intlWallClock(second, timeZone).asUtc - second) / 60_000);
}

/** Offset of `timeZone` from UTC at `epochMs`, in minutes (east positive). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let minutes = zone.get(quarter);
  if (minutes === undefined) {
    const bucket = quarter * QUARTER_HOUR;
    const first = intlOffset(bucket, timeZone);
    minutes = intlOffset(bucket + QUARTER_HOUR - 1000, timeZone) === first ? first : CHANGES;
    // Bounded: after 100,000 quarter hours read, they are read again as needed.
    if (++offsetsRead > 100_000) {
      offsetsRead = 1;
      for (const z of offsets.values()) z.clear();
    }
    zone.set(quarter, minutes);
  }
  return Number.isNaN(minutes) ? intlOffset(epochMs, timeZone) : minutes;
}

/** The wall clock at `epochMs` of a zone `offset` minutes east of UTC. */
function wallClockAt(epochMs: number, offset: number): WallClock {
  const asUtc = Math.floor(epochMs / 1000) * 1000 + offset * 60_000;
  const iso = new Date(asUtc).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), asUtc };
}

/** The wall clock in `timeZone` at the instant `epochMs`. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  return wallClockAt(epochMs, offsetMinutes(epochMs, timeZone));
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The instant of a local date and time ('HH:MM' or 'HH:MM:SS') in `timeZone`, as epoch ms. */
export function localToEpoch(date: string, time: string, timeZone: string): number {
  const naive = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  // Two passes settle the offset, also across a daylight-saving change.
  let epoch = naive - offsetMinutes(naive, timeZone) * 60_000;
  epoch = naive - offsetMinutes(epoch, timeZone) * 60_000;
  return epoch;
}

/** ISO 8601 text of an instant as seen in `timeZone`, e.g. 2023-11-25T16:00:00+02:00. */
export function isoInZone(epochMs: number, timeZone: string): string {
  const offset = offsetMinutes(epochMs, timeZone);
  const wall = wallClockAt(epochMs, offset);
  return `${wall.date}T${wall.time}${formatOffset(offset)}`;
}

/** The local calendar date of an instant in `timeZone`. */
export function localDate(epochMs: number, timeZone: string): string {
  return wallClock(epochMs, timeZone).date;
}

/**
 * The day a deadline at `epochMs` closes, when it falls at midnight (00:00) in `timeZone`: the day
 * before its date ("by 20 November" is 21 Nov 00:00, the end of 20 Nov). Null at any other time.
 */
export function dayEndingAt(epochMs: number, timeZone: string): string | null {
  const clock = wallClock(epochMs, timeZone);
  return clock.time.startsWith('00:00') ? addDays(clock.date, -1) : null;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
