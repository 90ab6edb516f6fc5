import { dueDays } from '../../../src/core/compliance/due-day.ts';
import type { Plan } from '../../../src/core/plan/types.ts';
import { addDays, dayNumber } from './calendar.ts';
import { type PhasesJudged, timelineOf } from './phase-state.ts';

/** What the list reads of a status (as served): its phases, its obligations' days, its stated dates. */
type Evaluation = PhasesJudged & {
  obligations: readonly Parameters<typeof dueDays>[0][];
  dates?: readonly { date: string | null }[];
};

/** A day the log records something on, or something falls due on. */
export interface ListedDay {
  date: string;
  /** Its agreement day (1 is the start, 0 the day before it); null earlier, or without a start date. */
  day: number | null;
  /** Events the log dates to it (their occurredAt, in the agreement's time zone). */
  events: number;
  /**
   * Obligations that fall due on it (planned for it, or due on it since their deadline moved), but
   * those of a daily term (dailyTerms), which are on every day's page.
   */
  due: number;
  /** Dates the terms state that fall on it (obliging no party). */
  dated: number;
}

/**
 * A term due day after day for longer than a week (an aid quota per day) is on every day's page:
 * it does not single a day out, and does not list one by itself. An exchange never is one: each of
 * its batches and lists is a day of its own, even a batch a day.
 */
export const DAILY_RUN = 8;

/** What an obligation is one of: the same act by the same party under the same term, from day to day. */
function seriesOf(o: {
  provision: string;
  kind?: string;
  action: string;
  party: string;
  destination?: string;
  category?: string;
}): string {
  return [o.provision, o.action, o.party, o.destination ?? '', o.category ?? ''].join('\n');
}

/**
 * The days of the obligations that belong to a daily term: those of a series (seriesOf) that falls
 * on at least DAILY_RUN consecutive days, each day of such a run.
 */
export function dailyTerms(
  obligations: readonly { obligation: Parameters<typeof seriesOf>[0]; dates: readonly string[] }[],
): { provisions: Set<string>; isDaily: (o: Parameters<typeof seriesOf>[0], date: string) => boolean } {
  const bySeries = new Map<string, Set<string>>();
  for (const o of obligations) {
    if (o.obligation.kind === 'exchange') continue;
    const key = seriesOf(o.obligation);
    const dates = bySeries.get(key) ?? new Set<string>();
    for (const d of o.dates) dates.add(d);
    bySeries.set(key, dates);
  }
  const daily = new Set<string>();
  const provisions = new Set<string>();
  for (const [key, dates] of bySeries) {
    for (const d of dates) {
      if (dates.has(addDays(d, -1))) continue;
      // The first day of a run: how long it lasts.
      let n = 1;
      while (dates.has(addDays(d, n))) n++;
      if (n < DAILY_RUN) continue;
      for (let i = 0; i < n; i++) daily.add(`${key}\n${addDays(d, i)}`);
      provisions.add(key.split('\n')[0]!);
    }
  }
  return { provisions, isDaily: (o, date) => daily.has(`${seriesOf(o)}\n${date}`) };
}

/** A calendar month (YYYY-MM) of listed days. */
export interface ListedMonth {
  month: string;
  days: ListedDay[];
}

/**
 * The days on which the log records events (`occurred`, from GET /api/logs/{id}/days) and the days
 * on which something falls due (the obligations as judged, or as planned without a log, but a daily
 * term's; and the dates the terms state), in order, each with what it holds: not every day of the
 * agreement.
 */
export function listedDays(
  plan: Plan,
  evaluation: Evaluation | null,
  occurred: readonly { date: string; events: number }[],
  now: Date,
): ListedDay[] {
  const start = timelineOf(plan, evaluation, now).startDate;
  const days = new Map<string, ListedDay>();
  const at = (date: string): ListedDay => {
    let d = days.get(date);
    if (!d) {
      const n = start ? dayNumber(start, date) : null;
      d = { date, day: n !== null && n >= 0 ? n : null, events: 0, due: 0, dated: 0 };
      days.set(date, d);
    }
    return d;
  };
  for (const o of occurred) at(o.date).events += o.events;
  const due = dueObligations(plan, evaluation);
  const { isDaily } = dailyTerms(due);
  for (const o of due) for (const date of o.dates) if (!isDaily(o.obligation, date)) at(date).due++;
  for (const d of evaluation?.dates ?? plan.dates ?? []) if (d.date) at(d.date).dated++;
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Each obligation with the days it falls due on: as judged (moved deadlines too), else as planned. */
export function dueObligations(
  plan: Plan,
  evaluation: Evaluation | null,
): { obligation: Plan['days'][number]['obligations'][number]; dates: string[] }[] {
  if (evaluation) return evaluation.obligations.map((o) => ({ obligation: o.obligation, dates: dueDays(o) }));
  return plan.days.flatMap((d) =>
    d.date ? d.obligations.map((o) => ({ obligation: o, dates: [d.date!] })) : [],
  );
}

/** The days by calendar month, in order. */
export function byMonth(days: readonly ListedDay[]): ListedMonth[] {
  const months: ListedMonth[] = [];
  for (const d of days) {
    const month = d.date.slice(0, 7);
    if (months.at(-1)?.month !== month) months.push({ month, days: [] });
    months.at(-1)!.days.push(d);
  }
  return months;
}

/**
 * The month a reader most likely wants open: today's when something is listed in it, else the
 * latest month before today, else the first.
 */
export function currentMonth(months: readonly ListedMonth[], today: string): string | null {
  const month = today.slice(0, 7);
  const before = months.filter((m) => m.month <= month);
  return (before.at(-1) ?? months[0])?.month ?? null;
}
