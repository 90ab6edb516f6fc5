import { localToEpoch } from '../time/zoned-time.ts';
import type { EvalContext } from './context.ts';

/**
 * When a phase was planned to start: the agreement's start instant for a phase that opens on day 1,
 * else the first instant of its planned day (the agreement gives a day, not an hour, for later
 * phases); null when the plan cannot place it.
 */
export function plannedStart(ctx: Pick<EvalContext, 'eplan' | 'timeZone'>, phase: string): number | null {
  const placed = ctx.eplan.plan.phases.find((p) => p.id === phase);
  if (!placed) return null;
  if (placed.startDay === 1 && ctx.eplan.plan.start) return Date.parse(ctx.eplan.plan.start);
  return placed.startDate !== null ? localToEpoch(placed.startDate, '00:00', ctx.timeZone) : null;
}

/** When the log records the phase as started (its first phase.started), if it does. */
export function recordedStart(ctx: Pick<EvalContext, 'view'>, phase: string): number | undefined {
  return ctx.view.kind('phase.started').find((e) => e.event.body.phase === phase)?.at;
}
