import { addDays, localDate, localToEpoch } from '../core/time/zoned-time.ts';
import type { LedgerStore } from '../store/ledger-store.ts';

/** A calendar day in the agreement's time zone on which the log records events, and how many. */
export interface OccurredDay {
  date: string;
  events: number;
}

/**
 * The days on which the events of a log occurred (their occurredAt, in `timeZone`), in order,
 * with how many occurred on each: an indexed walk from day to day (the first event at or after the
 * start of a day, then the count of that day's events), two indexed reads a day on record however
 * many events the log holds. Events whose time the store did not read when it migrated are dated
 * from their own occurredAt.
 */
export async function occurredDays(
  store: LedgerStore,
  logId: string,
  timeZone: string,
): Promise<OccurredDay[]> {
  const days = new Map<string, number>();
  for (let at = await store.firstOccurredFrom(logId, Number.MIN_SAFE_INTEGER); at !== null; ) {
    const date = localDate(at, timeZone);
    // The next midnight; a day whose midnight a clock change skips still ends after `at`.
    const end = Math.max(localToEpoch(addDays(date, 1), '00:00', timeZone), at + 1);
    const start = Math.min(localToEpoch(date, '00:00', timeZone), at);
    days.set(date, (days.get(date) ?? 0) + (await store.countOccurredBetween(logId, start, end)));
    at = await store.firstOccurredFrom(logId, end);
  }
  for (const e of await store.entriesWithoutOccurred(logId)) {
    const date = localDate(Date.parse(e.event.event.occurredAt), timeZone);
    days.set(date, (days.get(date) ?? 0) + 1);
  }
  return [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, events]) => ({ date, events }));
}
