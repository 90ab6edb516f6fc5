import { addDays } from '../time/zoned-time.ts';
import type { ObligationStatus } from './types.ts';

type Judged = Pick<ObligationStatus, 'obligation' | 'due'> & { moved?: object | undefined };

/**
 * The days a judged obligation belongs to: the day it was planned for, and the day it is due since
 * its deadline moved (an extension agreed, a late handover, a late phase). A deadline at midnight
 * is the end of the day before, as the plan writes it (24:00). `due` is ISO with the agreement's
 * offset, so its date is the agreement's day.
 */
export function dueDays(o: Judged): string[] {
  const days = o.obligation.date ? [o.obligation.date] : [];
  if (o.moved === undefined || o.due === null) return days;
  const moved = o.due.slice(11, 16) === '00:00' ? addDays(o.due.slice(0, 10), -1) : o.due.slice(0, 10);
  return days.includes(moved) ? days : [...days, moved];
}

/** Whether a judged obligation belongs to a day's page (one of its dueDays). */
export function onDay(o: Judged, date: string): boolean {
  return dueDays(o).includes(date);
}
