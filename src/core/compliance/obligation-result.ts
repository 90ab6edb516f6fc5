import { sideOf } from '../agreement/side-of.ts';
import type { Obligation } from '../plan/types.ts';
import { type Arg, type Explanation, type Phrase, phrase, quote, sentence } from '../words/phrase.ts';
import { type EvalContext, endedAt, verdictPhrase } from './context.ts';
import { disputesPhrase } from './dispute-words.ts';
import { type Facts, judge } from './judge.ts';
import type { Entry } from './log-state.ts';
import { orderedUnion } from './ordered-hashes.ts';
import type { Approximate, ObligationStatus } from './types.ts';

/**
 * The deadline.missed events that name this obligation: its provision, its party (which an
 * exchange, with obligations on both sides, must name, or a group the agreement puts on its side)
 * and its batch when the event names one, recorded once its deadline had passed.
 */
export function recordedMisses(ctx: EvalContext, o: Obligation, due: number | null): Entry[] {
  return ctx.view.kind('deadline.missed').filter((e) => {
    const b = e.event.body as { provision: string; party?: string; batch?: number };
    if (b.provision !== o.provision || due === null || e.at < due) return false;
    if (b.party === undefined ? o.kind === 'exchange' : sideOf(ctx.agreement, b.party, [o.party]) !== o.party)
      return false;
    return b.batch === undefined || o.batch === undefined || b.batch === o.batch;
  });
}

/** Whether a clause of a record tells something recorded (not the "nothing recorded" of an empty one). */
const saysSomething = (x: Arg): boolean => !('code' in x && x.code === 'record.nothing');

/** "Hamas recorded the deadline as missed: …" for each recorded miss. */
export function missPhrases(ctx: EvalContext, misses: Entry[]): Arg[] {
  return misses.map((m) =>
    phrase('record.missed-by', {
      actor: ctx.labels.actorArg(m.event.actor),
      description: quote(String(m.event.body.description)),
    }),
  );
}

/** Whether a verdict's words say that nothing is recorded (then the record need not say it again). */
function saysNothingRecorded(tail: Phrase): boolean {
  if (tail.code.startsWith('verdict.nothing-recorded')) return true;
  const verdict = tail.code === 'verdict.phase-ended' ? tail.params.verdict : undefined;
  return verdict !== undefined && 'code' in verdict && verdict.code === 'record.nothing';
}

/** What is known of an obligation apart from the moment: the facts judge reads, without the clock. */
export type RecordedFacts = Omit<Facts, 'clock'>;

/**
 * What the log says of one obligation, ready to be judged at any moment: its facts, its deadline in
 * force, its evidence and the words of its explanation but the verdict's. It changes only with the
 * events it read; the verdict (`verdictOf`) may change with the clock alone (its deadline passes, the
 * next minute overdue), and is all that is judged again then.
 */
export interface Prepared {
  obligation: Obligation;
  facts: RecordedFacts;
  /** The deadline in force as the status shows it (null for an obligation with no deadline of its own). */
  due: string | null;
  /** When it was complete, shown for met and met-late. */
  completedAt?: string;
  evidence: string[];
  /** The head of its explanation and what the record shows, before the verdict. */
  head: Arg;
  record: Arg[];
  disputes?: Phrase;
  /** Fields the status carries after its explanation (a handover's remains, a release's stated total). */
  after?: Partial<ObligationStatus>;
  /**
   * What it counts or owes adds up a figure recorded as approximate (`uncertain: true`): its status,
   * computed from the number as recorded, carries the ⚠.
   */
  approximate?: Approximate;
  /**
   * A pause with nothing alleged against it and no act of its own (facts.noBreachRecorded): when its
   * verdict is unrecorded, no breach is recorded, and this is its explanation (TRUTH.md rule 1).
   */
  noBreach?: Explanation;
}

/** An obligation's facts, evidence and words from the record (head; record), to be judged by `verdictOf`. */
export function prepare(
  o: Obligation,
  ctx: EvalContext,
  due: number | null,
  facts: Omit<RecordedFacts, 'dueAt' | 'endedAt' | 'closedAt' | 'missedRecorded'>,
  recordEvidence: string[],
  head: Arg,
  recordClauses: Arg[],
): Prepared {
  let evidence = recordEvidence;
  let record = recordClauses;
  const end = endedAt(ctx, o.phase);
  const closed = ctx.ended.get(o.phase)?.at;
  const misses = recordedMisses(ctx, o, due);
  if (misses.length) {
    evidence = [...evidence, ...misses.map((m) => m.hash)];
    record = [...record, ...missPhrases(ctx, misses)];
  }
  return {
    obligation: o,
    facts: {
      ...facts,
      dueAt: due,
      ...(end !== undefined ? { endedAt: end } : {}),
      ...(closed !== undefined ? { closedAt: closed } : {}),
      ...(misses.length ? { missedRecorded: true } : {}),
    },
    due: o.due === null || due === null ? null : ctx.view.iso(due),
    ...(facts.doneAt !== undefined ? { completedAt: ctx.view.iso(facts.doneAt) } : {}),
    // With the live log, each hash once in the order its event occurred (orderEvidence's order).
    evidence: ctx.view.live
      ? orderedUnion([evidence], ctx.view.live.compareHashes)
      : [...new Set(evidence)].sort(),
    head,
    record,
    ...(facts.disputes.length ? { disputes: disputesPhrase(facts.disputes, ctx.labels) } : {}),
  };
}

/** The status of a prepared obligation at the moment of `ctx`: its verdict, and the explanation ending with it. */
export function verdictOf(ctx: EvalContext, p: Prepared): ObligationStatus {
  const { obligation: o, facts } = p;
  const v = judge({ ...facts, clock: ctx.clock });
  const tail = verdictPhrase(ctx, o, v, facts.waitsFor);
  // Built field by field in the order a reader finds them (cheaper than spreading optional ones:
  // it runs again whenever the clock moves the verdict).
  const status = { obligation: o, status: v.status, due: p.due } as ObligationStatus;
  if (facts.required !== undefined) status.required = facts.required;
  if (facts.requiredMax !== undefined) status.requiredMax = facts.requiredMax;
  // Nothing recorded is not 0 done: the figure is absent (the status says unrecorded).
  if (facts.done !== undefined && facts.anything) status.done = facts.done;
  if ((v.status === 'met' || v.status === 'met-late') && p.completedAt !== undefined)
    status.completedAt = p.completedAt;
  if (v.lateMinutes !== undefined) status.lateMinutes = v.lateMinutes;
  if (v.overdueMinutes !== undefined) status.overdueMinutes = v.overdueMinutes;
  if (v.closed) status.overdueUntil = ctx.view.iso(v.closed.at);
  if (v.noRecord) status.noRecord = true;
  if (v.undisclosed) status.undisclosed = true;
  if (facts.disputes.length) status.disputes = facts.disputes;
  if (p.approximate) {
    status.uncertain = true;
    status.approximate = p.approximate;
  }
  status.evidence = p.evidence;
  // A verdict that says nothing is recorded says it once: the record's "nothing recorded" goes.
  const record = saysNothingRecorded(tail) ? p.record.filter(saysSomething) : p.record;
  status.explanation = p.disputes
    ? [sentence([p.head, ...record, tail]), p.disputes]
    : [sentence([p.head, ...record, tail])];
  if (p.after) Object.assign(status, p.after);
  // Unrecorded with nothing that could be a breach or an act on record: no breach recorded (judge
  // does not ask how long past its deadline: nothing about it changes with the clock any more).
  if (!p.noBreach || status.status !== 'unrecorded') return status;
  return { ...status, basis: 'no-breach-recorded', explanation: p.noBreach };
}
