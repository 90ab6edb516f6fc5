import type { PhaseRecord } from '../../../src/core/compliance/types.ts';
import type { Plan, PlanPhase } from '../../../src/core/plan/types.ts';
import { addDays, dateIn, dayNumber } from './calendar.ts';

/** What the timeline reads of a status (as judged, or as served with its evidence counted): its phases as recorded. */
export interface PhasesJudged {
  phases: readonly Pick<PhaseRecord, 'phase' | 'startedAt' | 'endedAt' | 'plannedEnd'>[];
}

/** One phase on the timeline, in agreement days (day 1 is the agreement's start). */
export interface TimelinePhase {
  id: string;
  fromDay: number;
  toDay: number;
  /** Taken from the log (started and ended as recorded) rather than from the plan. */
  recorded: boolean;
  ended: boolean;
  /** No fixed end: `toDay` is the horizon it is planned to, not an agreed end. */
  openEnded?: boolean;
}

export type PhaseState =
  | { state: 'no-start' }
  | { state: 'not-started'; startDate: string; today: number }
  /**
   * `day` is the day of the phase (1 on the day it started), `today` the day of the agreement;
   * `recorded` whether the phase's start is on record (else where it stands is the plan's reckoning);
   * `openEnded` that the phase has no fixed end (its day count runs on until an end is recorded).
   */
  | { state: 'running'; phase: string; day: number; today: number; recorded: boolean; openEnded?: true }
  /** No phase runs today; `phase` is the next, not started yet. */
  | { state: 'between'; phase: string; today: number }
  /**
   * Every phase is over; `recorded` whether the last one's end is on record (else `endDate` is the
   * end the plan gives it, and that it ended is the plan's reckoning).
   */
  | { state: 'ended'; endDate: string; today: number; recorded: boolean };

export interface Timeline {
  startDate: string | null;
  phases: TimelinePhase[];
  lastDay: number;
  state: PhaseState;
}

/**
 * Where an agreement stands at `now`: the plan's phases, replaced by what the log records when
 * there is a log (a phase started, extended, ended), and the agreement day of `now`.
 */
export function timelineOf(plan: Plan, evaluation: PhasesJudged | null, now: Date): Timeline {
  // A phase that cannot be placed (it follows an open-ended one) has no days to draw; an open-ended
  // phase is drawn to the horizon it is planned to, marked as having no fixed end.
  const placed = plan.phases
    .map((p) => ({ ...p, endDay: p.endDay ?? p.plannedTo }))
    .filter(
      (p): p is PlanPhase & { startDay: number; endDay: number } => p.startDay !== null && p.endDay !== null,
    );
  if (!plan.start) {
    const phases = placed.map((p) => ({
      id: p.id,
      fromDay: p.startDay,
      toDay: p.endDay,
      recorded: false,
      ended: false,
      ...(p.openEnded ? { openEnded: true } : {}),
    }));
    return {
      startDate: null,
      phases,
      lastDay: Math.max(1, ...phases.map((p) => p.toDay)),
      state: { state: 'no-start' },
    };
  }
  const tz = plan.timeZone;
  const startDate = dateIn(new Date(plan.start), tz);
  const today = dayNumber(startDate, dateIn(now, tz));
  const phases: TimelinePhase[] = placed.map((p) => {
    const record = evaluation?.phases.find((r) => r.phase === p.id);
    if (record?.startedAt) {
      const fromDay = dayNumber(startDate, dateIn(new Date(record.startedAt), tz));
      const end = record.endedAt ?? record.plannedEnd;
      // An end at midnight closes the day before it.
      const toDay = end ? dayNumber(startDate, dateIn(new Date(new Date(end).getTime() - 1), tz)) : p.endDay;
      const ended = record.endedAt !== null && new Date(record.endedAt) <= now;
      const open = p.openEnded && !record.endedAt ? { openEnded: true } : {};
      return { id: p.id, fromDay, toDay: Math.max(fromDay, toDay), recorded: true, ended, ...open };
    }
    const open = p.openEnded ? { openEnded: true } : {};
    return {
      id: p.id,
      fromDay: p.startDay,
      toDay: p.endDay,
      recorded: false,
      ended: !p.openEnded && today > p.endDay,
      ...open,
    };
  });
  const lastDay = Math.max(1, ...phases.map((p) => p.toDay));
  let state: PhaseState;
  // An open-ended phase that nobody recorded as ended is still running past the last day planned.
  const current = phases.find(
    (p) => !p.ended && p.fromDay <= today && (today <= p.toDay || p.openEnded === true),
  );
  // The log records the latest phase it started as ended, and the next phase as not started: the
  // agreement is between them on the record, whatever days the plan gave the next one (a second
  // phase never agreed is not running, nor over, "by the plan").
  const started = phases.filter((p) => p.recorded);
  const lastStarted = started.at(-1);
  const notStarted = lastStarted
    ? phases.slice(phases.indexOf(lastStarted) + 1).find((p) => !p.recorded)
    : undefined;
  if (today < 1) state = { state: 'not-started', startDate, today };
  else if (lastStarted?.ended && notStarted && lastStarted.toDay < today)
    state = { state: 'between', phase: notStarted.id, today };
  // The day of the phase, as the day pages count it ("Phase 2, day 8"), not of the agreement.
  else if (current)
    state = {
      state: 'running',
      phase: current.id,
      day: today - current.fromDay + 1,
      today,
      recorded: current.recorded,
      ...(current.openEnded ? { openEnded: true as const } : {}),
    };
  // With no phase placed on the calendar, nothing has ended.
  else if (phases.length > 0 && phases.every((p) => p.ended || p.toDay < today)) {
    // The end of the last phase: as recorded, or else the plan's (another phase's recorded end is
    // not the agreement's).
    const last = phases.reduce((a, b) => (b.toDay >= a.toDay ? b : a));
    const endedAt = evaluation?.phases.find((r) => r.phase === last.id)?.endedAt ?? null;
    state = {
      state: 'ended',
      endDate: endedAt ? dateIn(new Date(endedAt), tz) : addDays(startDate, last.toDay - 1),
      today,
      recorded: endedAt !== null,
    };
  } else {
    // Between phases: the next one has not started ("Phase 2, day 45" would name a phase not begun).
    const next = phases.find((p) => p.fromDay > today);
    state = next
      ? { state: 'between', phase: next.id, today }
      : {
          state: 'running',
          phase: phases[0]?.id ?? plan.phases[0]?.id ?? '',
          day: today,
          today,
          recorded: phases[0]?.recorded ?? false,
        };
  }
  return { startDate, phases, lastDay, state };
}
