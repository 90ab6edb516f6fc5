import type { Provision } from '../agreement/types.ts';
import type { EvalContext } from './context.ts';
import type { ObligationStatus } from './types.ts';

/**
 * Decides, from the log, whether a conditional provision's condition is met: when every handover
 * of the provision it waits for (of the category, if one is named) is met. Met later than planned,
 * its deadlines move by the delay; not met yet, it waits.
 */
export function conditionState(ctx: EvalContext, p: Provision, target: ObligationStatus[]): void {
  const c = p.condition!;
  const what = `${c.text ?? `${c.provision}${c.category ? ` (${c.category})` : ''} to be complete`}`;
  const handovers = target.filter((s) => s.obligation.action === 'hand-over');
  const relevant = (handovers.length ? handovers : target).filter(
    (s) =>
      c.category === undefined ||
      !s.obligation.mix ||
      s.obligation.mix.some((m) => m.category === c.category),
  );
  if (relevant.length === 0) {
    ctx.waiting.set(p.id, `${what} (never complete under the plan)`);
    return;
  }
  const done = relevant.every((s) => s.status === 'met' || s.status === 'met-late');
  if (!done) {
    ctx.waiting.set(p.id, what);
    return;
  }
  const metAt = Math.max(...relevant.map((s) => Date.parse(s.completedAt ?? s.due ?? '') || ctx.asOf));
  const planned = Math.max(...relevant.map((s) => (s.obligation.due ? Date.parse(s.obligation.due) : 0)));
  if (metAt > planned) ctx.shift.set(p.id, metAt - planned);
  ctx.waiting.delete(p.id);
}
