import type { Provision } from '../agreement/types.ts';
import { type Arg, phrase } from '../words/phrase.ts';
import type { EvalContext } from './context.ts';
import type { ObligationStatus } from './types.ts';

/**
 * When all that the handovers asked for is back once the remains recovered without a handover (by
 * the receiving side or a search team) are added to those handed over: the moment of the last
 * recovery; null otherwise. The holding side's obligations are not met by a recovery (their
 * statuses stay as judged), but a condition that waits for every person's return is.
 */
function backInFull(ctx: EvalContext, provision: string, relevant: ObligationStatus[]): number | null {
  const recovered = ctx.view.current('remains.recovered').filter((r) => r.body.provision === provision);
  if (recovered.length === 0) return null;
  const count = recovered.reduce((a, r) => a + (typeof r.body.count === 'number' ? r.body.count : 0), 0);
  const done = relevant.reduce((a, s) => a + (s.done ?? 0), 0);
  const required = relevant.reduce((a, s) => a + (s.required ?? s.obligation.quantity ?? 0), 0);
  if (done + count < required) return null;
  return Math.max(...recovered.map((r) => r.entry.at));
}

/**
 * Decides, from the log, whether a conditional provision's condition is met: when every handover
 * of the provision it waits for (of the category, if one is named) is met. Met later than planned,
 * its deadlines move by the delay; not met yet, it waits.
 */
export function conditionState(ctx: EvalContext, p: Provision, target: ObligationStatus[]): void {
  const c = p.condition!;
  const provision: Arg = { type: 'provision', id: c.provision };
  const category: Arg | undefined = c.category
    ? { type: 'category', id: c.category, provision: c.provision }
    : undefined;
  const text: Arg | undefined = c.text ? { type: 'text', text: c.text } : undefined;
  const what = text
    ? category
      ? phrase('waits.text-named-category', { provision, category, text })
      : phrase('waits.text-named', { provision, text })
    : category
      ? phrase('waits.complete-category', { provision, category })
      : phrase('waits.complete', { provision });
  const handovers = target.filter((s) => s.obligation.action === 'hand-over');
  const relevant = (handovers.length ? handovers : target).filter(
    (s) =>
      c.category === undefined ||
      !s.obligation.mix ||
      s.obligation.mix.some((m) => m.category === c.category),
  );
  if (relevant.length === 0) {
    ctx.waiting.set(p.id, phrase('waits.never-complete', { what }));
    return;
  }
  const done = relevant.every((s) => s.status === 'met' || s.status === 'met-late');
  const back = done ? null : backInFull(ctx, c.provision, relevant);
  if (!done && back === null) {
    ctx.waiting.set(p.id, what);
    return;
  }
  const metAt = Math.max(
    ...relevant.map((s) => Date.parse(s.completedAt ?? s.due ?? '') || ctx.asOf),
    back ?? 0,
  );
  const planned = Math.max(...relevant.map((s) => (s.obligation.due ? Date.parse(s.obligation.due) : 0)));
  ctx.conditionMet.set(p.id, metAt);
  // Placed from the moment the record shows the condition met, its days are not moved again.
  const onRecord = ctx.eplan.obligations.some((o) => o.provision === p.id && o.conditionMetAt !== undefined);
  if (metAt > planned && !onRecord) ctx.shift.set(p.id, metAt - planned);
  ctx.waiting.delete(p.id);
}
