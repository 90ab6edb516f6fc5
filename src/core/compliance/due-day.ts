import { addDays } from '../time/zoned-time.ts';
import type { ObligationStatus } from './types.ts';

/**
 * Whether a judged obligation belongs to a day's page: planned for that day, or due that day since
 * its deadline moved (an extension agreed, a late handover, a late phase). A deadline at midnight
 * is the end of the day before, as the plan writes it (24:00). `due` is ISO with the agreement's
 * offset, so its date is the agreement's day.
 */
export function onDay(
  o: Pick<ObligationStatus, 'obligation' | 'due'> & { moved?: object | undefined },
  date: string,
): boolean {
  if (o.obligation.date === date) return true;
  if (o.moved === undefined || o.due === null) return false;
  const day = o.due.slice(11, 16) === '00:00' ? addDays(o.due.slice(0, 10), -1) : o.due.slice(0, 10);
  return day === date;
}
