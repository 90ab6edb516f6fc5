import type { Obligation } from '../plan/types.ts';
import { type EvalContext, endedAt, verdictWords } from './context.ts';
import { describeDisputes } from './dispute-words.ts';
import { judge } from './judge.ts';
import type { ObligationStatus } from './types.ts';

/** An obligation's status from its facts, with its evidence and explanation (head; record; verdict). */
export function result(
  o: Obligation,
  ctx: EvalContext,
  due: number | null,
  facts: Omit<Parameters<typeof judge>[0], 'asOf' | 'dueAt' | 'endedAt'>,
  evidence: string[],
  head: string,
  record: string,
): ObligationStatus {
  const end = endedAt(ctx, o.phase);
  const v = judge({ ...facts, asOf: ctx.asOf, dueAt: due, ...(end !== undefined ? { endedAt: end } : {}) });
  const tail = verdictWords(ctx, o, v, facts.waitsFor);
  const disputes = facts.disputes.length ? ` ${describeDisputes(facts.disputes)}` : '';
  return {
    obligation: o,
    status: v.status,
    due: o.due === null || due === null ? null : ctx.view.iso(due),
    ...(facts.required !== undefined ? { required: facts.required } : {}),
    ...(facts.done !== undefined ? { done: facts.done } : {}),
    ...((v.status === 'met' || v.status === 'met-late') && facts.doneAt !== undefined
      ? { completedAt: ctx.view.iso(facts.doneAt) }
      : {}),
    ...(v.lateMinutes !== undefined ? { lateMinutes: v.lateMinutes } : {}),
    ...(v.overdueMinutes !== undefined ? { overdueMinutes: v.overdueMinutes } : {}),
    ...(v.noRecord ? { noRecord: true } : {}),
    ...(facts.disputes.length ? { disputes: facts.disputes } : {}),
    evidence: [...new Set(evidence)].sort(),
    explanation: `${head}${record ? `; ${record}` : ''}; ${tail}.${disputes}`,
  };
}
