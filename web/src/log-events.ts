import { api, type LoggedEntry } from './api.ts';

/** The API's largest page of events (src/server/routes/events.ts MAX_PAGE). */
const PAGE = 1000;

const read = new Map<string, Promise<LoggedEntry[]>>();

/**
 * Every event of a log of `size` events, read a page of 1,000 at a time (pages in parallel), once
 * per log and size: the day view picks each day's events from them.
 */
export function logEvents(logId: string, size: number): Promise<LoggedEntry[]> {
  const key = `${logId}:${size}`;
  let all = read.get(key);
  if (!all) {
    const pages: Promise<LoggedEntry[]>[] = [];
    for (let from = 0; from < size; from += PAGE) {
      pages.push(api.events(logId, from, Math.min(PAGE, size - from)).then((p) => p.events));
    }
    all = Promise.all(pages).then((p) => p.flat());
    all.catch(() => read.delete(key));
    read.set(key, all);
  }
  return all;
}
