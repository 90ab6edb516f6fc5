import type { LoggedEvent } from '../../../src/core/compliance/types.ts';
import type { Plan } from '../../../src/core/plan/types.ts';
import { addDays, dateIn, dayNumber } from './calendar.ts';
import { type PhasesJudged, timelineOf } from './phase-state.ts';

/** What the days read of a status (as judged, or as served): its phases, obligations' days and dates. */
type Evaluation = PhasesJudged & {
  obligations: readonly { obligation: { day: number } }[];
  dates?: readonly { day: number }[];
};

/** One calendar day of an agreement: its number (day 1 is the start) and the phases it falls in. */
export interface AgreementDay {
  date: string;
  day: number;
  /**
   * Each phase the day falls in, with the day's number within that phase (1 is its first day), and
   * whether the log records that phase (else the day is in it by the plan's reckoning).
   */
  phases: { phase: string; phaseDay: number; recorded: boolean }[];
}

/**
 * Every day of every phase — as the log records the phases when there is a log (started,
 * extended, ended), else as planned — and every day an obligation falls on, in order. The last
 * day of a phase is one of them, obligations or not (the Nov 2023 pause ended on the morning of
 * its day 8, a day with no obligation). Empty when the agreement has no start date.
 */
export function agreementDays(plan: Plan, evaluation: Evaluation | null, now: Date): AgreementDay[] {
  const tl = timelineOf(plan, evaluation, now);
  if (!tl.startDate) return [];
  const numbers = new Set<number>();
  for (const p of tl.phases) for (let d = p.fromDay; d <= p.toDay; d++) numbers.add(d);
  for (const o of evaluation?.obligations ?? []) numbers.add(o.obligation.day);
  // A date a term states that obliges no party is on the timeline too.
  for (const d of evaluation?.dates ?? []) numbers.add(d.day);
  if (!evaluation) for (const d of plan.days) numbers.add(d.day);
  const start = tl.startDate;
  return [...numbers]
    .sort((a, b) => a - b)
    .map((day) => ({
      date: addDays(start, day - 1),
      day,
      phases: tl.phases
        .filter((p) => p.fromDay <= day && day <= p.toDay)
        .map((p) => ({ phase: p.id, phaseDay: day - p.fromDay + 1, recorded: p.recorded })),
    }));
}

/**
 * The agreement day of `date`, numbered from the start whether or not a phase or obligation falls
 * on it; null before the start or without a start date.
 */
export function agreementDay(
  plan: Plan,
  evaluation: Evaluation | null,
  date: string,
  now: Date,
): AgreementDay | null {
  const days = agreementDays(plan, evaluation, now);
  const listed = days.find((d) => d.date === date);
  if (listed) return listed;
  const tl = timelineOf(plan, evaluation, now);
  if (!tl.startDate) return null;
  const day = dayNumber(tl.startDate, date);
  return day >= 1 ? { date, day, phases: [] } : null;
}

/** The events that occurred on `date` in `timeZone`, in the order of the log. */
export function eventsOn<T extends Pick<LoggedEvent, 'event'> & { index: number }>(
  entries: readonly T[],
  date: string,
  timeZone: string,
): T[] {
  return entries
    .filter((e) => dateIn(new Date(e.event.event.occurredAt), timeZone) === date)
    .sort((a, b) => a.index - b.index);
}
