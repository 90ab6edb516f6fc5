import type { Provision } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import { type Arg, list, moment, type Phrase, phrase, qty, quote } from '../words/phrase.ts';
import type { EvalContext } from './context.ts';
import { aidMeasures, postponements, stoppages } from './measures.ts';
import type { Measure, ObligationStatus } from './types.ts';

/** "postponed 2 Jan 09:00–2 Jan 15:00 (reason)": the short clause older explanations carry. */
function clause(ctx: EvalContext, what: Phrase, m: Measure): Arg {
  const from = moment(Date.parse(m.from), ctx.timeZone);
  const span = m.until
    ? phrase('span.range', { from, until: moment(Date.parse(m.until), ctx.timeZone) })
    : phrase('span.from', { from });
  const reason = m.reason ? quote(m.reason) : undefined;
  if (m.quantity !== undefined) {
    const cap = qty(m.quantity, m.unit ?? 'unit');
    return reason
      ? phrase('measure.cap-reason', { what, cap, span, reason })
      : phrase('measure.cap', { what, cap, span });
  }
  return reason
    ? phrase('measure.clause-reason', { what, span, reason })
    : phrase('measure.clause', { what, span });
}

/** Each measure as its clause: postponements, then suspensions, then caps. */
export function measureClauses(
  ctx: EvalContext,
  m: { postponed?: readonly Measure[]; suspended?: readonly Measure[]; capped?: readonly Measure[] },
): Arg[] {
  return [
    ...(m.postponed ?? []).map((x) => clause(ctx, phrase('measure.postponed'), x)),
    ...(m.suspended ?? []).map((x) => clause(ctx, phrase('measure.suspended'), x)),
    ...(m.capped ?? []).map((x) => clause(ctx, phrase('measure.capped'), x)),
  ];
}

/** The measures recorded over an obligation, their words, and its evidence with theirs (see withMeasures). */
export interface MeasuresShown {
  postponed: Measure[];
  suspended: Measure[];
  capped: Measure[];
  evidence: string[];
  words: Phrase;
}

/**
 * The measures recorded over an obligation whose status rests on `evidence`: the postponements of
 * its batch, the suspensions and caps of its aid, the blocks of a return and the closures of a
 * crossing; null when there are none. They depend on events only, never on the verdict.
 */
export function measuresOver(
  ctx: EvalContext,
  p: Provision,
  o: Obligation,
  evidence: readonly string[],
): MeasuresShown | null {
  const postponed =
    p.kind === 'exchange' && o.batch !== undefined ? postponements(ctx, p.id, o.batch, o.party) : [];
  const { suspended, capped } =
    p.kind === 'aid' ? aidMeasures(ctx, p, o) : { suspended: stoppages(ctx, p, o), capped: [] };
  if (!postponed.length && !suspended.length && !capped.length) return null;
  const words = measureClauses(ctx, { postponed, suspended, capped });
  return {
    postponed,
    suspended,
    capped,
    evidence: [
      ...new Set([...evidence, ...[...postponed, ...suspended, ...capped].flatMap((m) => m.evidence)]),
    ].sort(),
    words: phrase('measures.recorded', { items: list(words) }),
  };
}

/**
 * Adds to an obligation's status the measures recorded over it (measuresOver). They are shown beside
 * the status and never change it: a quota under a cap is still judged against the agreement, and a
 * postponed batch handed over later is met late by how long, not missed for being postponed.
 */
export function withMeasures(status: ObligationStatus, shown: MeasuresShown): ObligationStatus {
  const { postponed, suspended, capped } = shown;
  return {
    ...status,
    ...(postponed.length ? { postponed } : {}),
    ...(suspended.length ? { suspended } : {}),
    ...(capped.length ? { capped } : {}),
    evidence: shown.evidence,
    explanation: [...status.explanation, shown.words],
  };
}
