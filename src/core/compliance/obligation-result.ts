import type { Obligation } from '../plan/types.ts';
import { type Arg, type Explanation, phrase, quote, sentence } from '../words/phrase.ts';
import { type EvalContext, endedAt, verdictPhrase } from './context.ts';
import { disputesPhrase } from './dispute-words.ts';
import { judge } from './judge.ts';
import type { Entry } from './log-state.ts';
import { orderedUnion } from './ordered-hashes.ts';
import type { ObligationStatus } from './types.ts';

/**
 * The deadline.missed events that name this obligation: its provision, its party (which an
 * exchange, with obligations on both sides, must name) and its batch when the event names one,
 * recorded once its deadline had passed.
 */
export function recordedMisses(ctx: EvalContext, o: Obligation, due: number | null): Entry[] {
  return ctx.view.kind('deadline.missed').filter((e) => {
    const b = e.event.body as { provision: string; party?: string; batch?: number };
    if (b.provision !== o.provision || due === null || e.at < due) return false;
    if (b.party === undefined ? o.kind === 'exchange' : b.party !== o.party) return false;
    return b.batch === undefined || o.batch === undefined || b.batch === o.batch;
  });
}

/** "Hamas recorded the deadline as missed: …" for each recorded miss. */
export function missPhrases(ctx: EvalContext, misses: Entry[]): Arg[] {
  return misses.map((m) =>
    phrase('record.missed-by', {
      actor: ctx.labels.actorArg(m.event.actor),
      description: quote(String(m.event.body.description)),
    }),
  );
}

/** An obligation's status from its facts, with its evidence and explanation (head; record; verdict). */
export function result(
  o: Obligation,
  ctx: EvalContext,
  due: number | null,
  facts: Omit<Parameters<typeof judge>[0], 'clock' | 'dueAt' | 'endedAt'>,
  recordEvidence: string[],
  head: Arg,
  recordClauses: Arg[],
): ObligationStatus {
  let evidence = recordEvidence;
  let record = recordClauses;
  const end = endedAt(ctx, o.phase);
  const misses = recordedMisses(ctx, o, due);
  const v = judge({
    ...facts,
    clock: ctx.clock,
    dueAt: due,
    ...(end !== undefined ? { endedAt: end } : {}),
    ...(misses.length ? { missedRecorded: true } : {}),
  });
  const tail = verdictPhrase(ctx, o, v, facts.waitsFor);
  if (misses.length) {
    evidence = [...evidence, ...misses.map((m) => m.hash)];
    record = [...record, ...missPhrases(ctx, misses)];
  }
  const explanation: Explanation = [sentence([head, ...record, tail])];
  if (facts.disputes.length) explanation.push(disputesPhrase(facts.disputes, ctx.labels));
  return {
    obligation: o,
    status: v.status,
    due: o.due === null || due === null ? null : ctx.view.iso(due),
    ...(facts.required !== undefined ? { required: facts.required } : {}),
    // Nothing recorded is not 0 done: the figure is absent (the status says unrecorded).
    ...(facts.done !== undefined && facts.anything ? { done: facts.done } : {}),
    ...((v.status === 'met' || v.status === 'met-late') && facts.doneAt !== undefined
      ? { completedAt: ctx.view.iso(facts.doneAt) }
      : {}),
    ...(v.lateMinutes !== undefined ? { lateMinutes: v.lateMinutes } : {}),
    ...(v.overdueMinutes !== undefined ? { overdueMinutes: v.overdueMinutes } : {}),
    ...(v.noRecord ? { noRecord: true } : {}),
    ...(facts.disputes.length ? { disputes: facts.disputes } : {}),
    // With the live log, each hash once in the order its event occurred (orderEvidence's order).
    evidence: ctx.view.live
      ? orderedUnion([evidence], ctx.view.live.compareHashes)
      : [...new Set(evidence)].sort(),
    explanation,
  };
}
