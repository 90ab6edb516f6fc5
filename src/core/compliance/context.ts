import type { Agreement } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { addDays, localToEpoch, wallClock } from '../time/zoned-time.ts';
import { minutes, moment, type Phrase, phrase, quote } from '../words/phrase.ts';
import type { EffectivePlan } from './effective-plan.ts';
import type { ExchangeRecords } from './exchange-records.ts';
import type { Verdict } from './judge.ts';
import type { Keep } from './judgment-memo.ts';
import type { Labels } from './labels.ts';
import { plannedStart, recordedStart } from './phase-start.ts';
import type { Clock, ReadMap } from './read-record.ts';
import type { LogView } from './view.ts';

/** What every status builder needs: the agreement, the log at the moment, and the plan in force. */
export interface EvalContext {
  agreement: Agreement;
  view: LogView;
  timeZone: string;
  /** The moment (epoch ms). A judgment that reads it holds for that moment only: ask `clock` instead. */
  readonly asOf: number;
  /** The moment as judgments ask about it (see Clock). */
  clock: Clock;
  eplan: EffectivePlan;
  /** When each phase was recorded as ended, and why. */
  ended: Map<string, { at: number; reason: string | null; hash: string }>;
  exchanges: Map<string, ExchangeRecords>;
  /** Milliseconds by which a conditional provision's deadlines move (its condition met later than planned). */
  shift: ReadMap<number>;
  /** Conditional provisions whose condition is not met yet: what they wait for. */
  waiting: ReadMap<Phrase>;
  /** Conditional provisions whose condition the record shows met: when (epoch ms). */
  conditionMet: ReadMap<number>;
  /** How explanations name parties, actors, provisions, quota lines and categories. */
  labels: Labels;
  /** A value kept while what it read is as it was (see JudgmentMemo): what a judgment is made from. */
  keep: Keep;
}

/** Why the plan's own rules moved a deadline: the last of the moves that applied. */
export type PlannedMove =
  | { cause: 'condition-late'; provision?: string; evidence: string[] }
  | {
      cause: 'extension-agreed' | 'deadline-extended' | 'phase-started-late';
      at: string;
      evidence: string[];
    };

/**
 * The deadline in force, and the last move that made it so: planned, moved by a late condition,
 * never before the extension that made it; a deadline that fell between its phase's planned start
 * and a later recorded start is judged at that start (what is due before a phase by design, such as
 * a list the evening before, is not moved).
 */
export function deadlineInForce(
  ctx: EvalContext,
  o: Obligation,
): { due: number | null; move: PlannedMove | null } {
  return ctx.keep('deadline', o.id, () => deadlineOf(ctx, o));
}

function deadlineOf(ctx: EvalContext, o: Obligation): { due: number | null; move: PlannedMove | null } {
  if (o.due === null) return { due: null, move: null };
  let due = Date.parse(o.due);
  let move: PlannedMove | null = null;
  const shift = ctx.shift.get(o.provision) ?? 0;
  if (shift > 0) {
    due += shift;
    const waited = ctx.agreement.provisions.find((p) => p.id === o.provision)?.condition?.provision;
    move = { cause: 'condition-late', ...(waited !== undefined ? { provision: waited } : {}), evidence: [] };
  }
  // Its provision's deadlines moved by agreement: by the days of each extension agreed so far, on
  // the calendar of the agreement (the same local time, that many days later).
  const agreed = ctx.eplan.extensions.filter(
    (x) => x.planned && x.provision === o.provision && x.phase === o.phase,
  );
  if (agreed.length > 0) {
    const days = agreed.reduce((n, x) => n + x.days, 0);
    const wall = wallClock(due, ctx.timeZone);
    due = localToEpoch(addDays(wall.date, days), wall.time, ctx.timeZone);
    move = {
      cause: 'deadline-extended',
      at: ctx.view.iso(agreed.at(-1)!.entry.at),
      evidence: agreed.map((x) => x.entry.hash),
    };
  }
  const made = ctx.eplan.createdBy.get(o.id);
  if (made && made.entry.at > due) {
    due = made.entry.at;
    move = { cause: 'extension-agreed', at: ctx.view.iso(made.entry.at), evidence: [made.entry.hash] };
  }
  const started = recordedStart(ctx, o.phase);
  const planned = started === undefined ? null : plannedStart(ctx, o.phase);
  if (started !== undefined && planned !== null && due >= planned && due < started) {
    due = started;
    const start = ctx.view.kind('phase.started').find((e) => e.event.body.phase === o.phase);
    move = { cause: 'phase-started-late', at: ctx.view.iso(started), evidence: start ? [start.hash] : [] };
  }
  return { due, move };
}

/** The deadline in force (deadlineInForce, without why). */
export function dueAt(ctx: EvalContext, o: Obligation): number | null {
  return deadlineInForce(ctx, o).due;
}

/**
 * A verdict whose phase was recorded as ended (its counter stopped there): what it is, and when the
 * phase ended against the deadline ("partly met; its phase was recorded as ended on 16 Apr 20:00,
 * 20 h after the deadline"), never how long ago.
 */
function endedPhrase(
  ctx: EvalContext,
  verdict: Phrase,
  closed: NonNullable<Verdict['closed']>,
  deadline: Phrase | undefined,
): Phrase {
  const by = minutes(Math.abs(closed.minutes));
  const relation =
    closed.minutes > 0
      ? deadline
        ? phrase('ended.after-against', { by, deadline })
        : phrase('ended.after', { by })
      : closed.minutes < 0
        ? deadline
          ? phrase('ended.before-against', { by, deadline })
          : phrase('ended.before', { by })
        : deadline
          ? phrase('ended.at-against', { deadline })
          : phrase('ended.at-deadline');
  return phrase('verdict.phase-ended', { verdict, at: moment(closed.at, ctx.timeZone), relation });
}

/** The ending of an explanation for a verdict, as a phrase. */
export function verdictPhrase(ctx: EvalContext, o: Obligation, v: Verdict, waitsFor?: Phrase): Phrase {
  // Late or overdue against a deadline the agreement does not state firmly: the words carry the ⚠.
  const deadline = o.deadline ? phrase(`deadline.${o.deadline}`) : undefined;
  // Its phase ended: what is still owed no longer runs late (the day's quota never did).
  if (v.closed && !(o.action === 'admit-aid' && o.date)) {
    if (v.status === 'partly-met')
      return endedPhrase(ctx, phrase('verdict.partly-met-plain'), v.closed, deadline);
    if (v.status === 'missed')
      return endedPhrase(ctx, phrase(v.noRecord ? 'record.nothing' : 'verdict.missed'), v.closed, deadline);
    if (v.status === 'unrecorded')
      return endedPhrase(
        ctx,
        phrase(
          v.undisclosed ? 'verdict.undisclosed' : v.noRecord ? 'record.nothing' : 'verdict.not-recorded-done',
        ),
        v.closed,
        deadline,
      );
  }
  switch (v.status) {
    case 'met':
      return phrase('verdict.met');
    case 'met-late':
      return deadline
        ? phrase('verdict.met-late-against', { late: minutes(v.lateMinutes ?? 0), deadline })
        : phrase('verdict.met-late', { late: minutes(v.lateMinutes ?? 0) });
    case 'not-yet-due':
      return waitsFor
        ? phrase('verdict.not-yet-due-waits', { waits: waitsFor })
        : phrase('verdict.not-yet-due');
    case 'suspended':
      return waitsFor ? phrase('verdict.on-hold', { waits: waitsFor }) : phrase('verdict.on-hold-condition');
    case 'superseded': {
      const end = ctx.ended.get(o.phase);
      if (!end) return phrase('verdict.superseded');
      const at = moment(end.at, ctx.timeZone);
      return end.reason
        ? phrase('verdict.superseded-ended-reason', { at, reason: quote(end.reason) })
        : phrase('verdict.superseded-ended', { at });
    }
    case 'partly-met':
      // A day's quota is not owed after its day: how long ago that was is no debt ("overdue by 37 d").
      if (o.action === 'admit-aid' && o.date) return phrase('verdict.partly-met-day');
      // At the deadline itself, "overdue by 0 min" would read as a figure.
      if (!v.overdueMinutes)
        return deadline
          ? phrase('verdict.partly-met-at-against', { deadline })
          : phrase('verdict.partly-met-at-deadline');
      return deadline
        ? phrase('verdict.partly-met-against', { overdue: minutes(v.overdueMinutes ?? 0), deadline })
        : phrase('verdict.partly-met', { overdue: minutes(v.overdueMinutes ?? 0) });
    case 'missed':
      if (v.overdueMinutes === undefined) return phrase('verdict.not-done');
      if (v.overdueMinutes === 0)
        return v.noRecord
          ? phrase('verdict.nothing-recorded-by-deadline')
          : deadline
            ? phrase('verdict.missed-at-against', { deadline })
            : phrase('verdict.missed-at-deadline');
      if (deadline)
        return v.noRecord
          ? phrase('verdict.nothing-recorded-against', { past: minutes(v.overdueMinutes), deadline })
          : phrase('verdict.missed-against', { overdue: minutes(v.overdueMinutes), deadline });
      return v.noRecord
        ? phrase('verdict.nothing-recorded-overdue', { overdue: minutes(v.overdueMinutes ?? 0) })
        : phrase('verdict.missed-overdue', { overdue: minutes(v.overdueMinutes ?? 0) });
    case 'disputed':
      return phrase('verdict.disputed');
    case 'dated-fact':
      return phrase('verdict.dated-fact');
    case 'unrecorded':
      if (v.overdueMinutes === undefined) return phrase('verdict.no-figure');
      // Recorded, with a number not disclosed: not "nothing recorded", and not "not recorded as done".
      if (v.undisclosed)
        return v.overdueMinutes > 0
          ? deadline
            ? phrase('verdict.undisclosed-against', { past: minutes(v.overdueMinutes), deadline })
            : phrase('verdict.undisclosed-past', { past: minutes(v.overdueMinutes) })
          : phrase('verdict.undisclosed-by-deadline');
      // At the deadline itself, "0 min past the deadline" would read as a figure.
      if (v.overdueMinutes > 0 && deadline)
        return v.noRecord
          ? phrase('verdict.nothing-recorded-against', { past: minutes(v.overdueMinutes), deadline })
          : phrase('verdict.not-recorded-done-against', { past: minutes(v.overdueMinutes), deadline });
      if (v.overdueMinutes > 0)
        return v.noRecord
          ? phrase('verdict.nothing-recorded-past', { past: minutes(v.overdueMinutes) })
          : phrase('verdict.not-recorded-done-past', { past: minutes(v.overdueMinutes) });
      return v.noRecord
        ? phrase('verdict.nothing-recorded-by-deadline')
        : phrase('verdict.not-recorded-done-by-deadline');
  }
}

/**
 * When a phase's recorded end cuts its obligations short: an end before its planned last day. A
 * phase that ends on (or after) its planned last day does not cancel that day's obligations.
 */
export function endedAt(ctx: EvalContext, phase: string): number | undefined {
  const end = ctx.ended.get(phase);
  if (!end) return undefined;
  const placed = ctx.eplan.plan.phases.find((p) => p.id === phase);
  if (placed?.endDate && !placed.openEnded && ctx.view.localDate(end.at) >= placed.endDate) return undefined;
  return end.at;
}
