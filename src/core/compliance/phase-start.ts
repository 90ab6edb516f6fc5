import type { EvalContext } from './context.ts';

/**
 * When a phase was planned to start (PlanPhase.startAt): the agreement's start instant for a phase
 * that opens on day 1, the instant a `{at}` start gives, else the first instant of its planned day
 * (the agreement gives a day, not an hour); null when the plan cannot place it.
 */
export function plannedStart(ctx: Pick<EvalContext, 'eplan' | 'timeZone'>, phase: string): number | null {
  const placed = ctx.eplan.plan.phases.find((p) => p.id === phase);
  return placed?.startAt ? Date.parse(placed.startAt) : null;
}

/** When the log records the phase as started (its first phase.started), if it does. */
export function recordedStart(ctx: Pick<EvalContext, 'view'>, phase: string): number | undefined {
  return ctx.view.kind('phase.started').find((e) => e.event.body.phase === phase)?.at;
}
