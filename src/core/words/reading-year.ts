import { wallClock } from '../time/zoned-time.ts';

/**
 * The year a reader reads a status or a report in: that of the day its moment ends, in the
 * agreement's zone (a status "at the end of 31 Dec 2020" is as of 1 Jan 2021 00:00, and read in
 * 2020). Dates of that year are written without it ("10 Nov 01:00"); others with it ("10 Nov 2025
 * 00:00"), so that none reads as a date of the wrong year.
 */
export function readingYear(asOf: string, timeZone: string): string {
  return wallClock(Date.parse(asOf) - 1, timeZone).date.slice(0, 4);
}
