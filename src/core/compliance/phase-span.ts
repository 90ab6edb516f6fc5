import type { Provision } from '../agreement/types.ts';
import type { EvalContext } from './context.ts';

/**
 * When a provision's phase started (as recorded, else as planned when the plan fixes its moment) and when
 * it was recorded as ended: null where the record (or the plan) gives none.
 */
export function phaseSpan(ctx: EvalContext, p: Provision): { from: number | null; to: number | null } {
  const placed = ctx.eplan.plan.phases.find((x) => x.id === p.phase);
  const started = ctx.view.kind('phase.started').find((e) => e.event.body.phase === p.phase);
  const planned = placed?.startExact && placed.startAt ? Date.parse(placed.startAt) : null;
  return { from: started?.at ?? planned, to: ctx.ended.get(p.phase)?.at ?? null };
}
