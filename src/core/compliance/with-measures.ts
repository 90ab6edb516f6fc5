import type { Provision } from '../agreement/types.ts';
import type { Obligation } from '../plan/types.ts';
import type { EvalContext } from './context.ts';
import { aidMeasures, postponements, stoppages } from './measures.ts';
import type { Measure, ObligationStatus } from './types.ts';
import { when } from './words.ts';

/** "postponed 2 Jan 09:00–2 Jan 15:00 (reason)": the short clause older explanations carry. */
function clause(ctx: EvalContext, what: string, m: Measure): string {
  const span = `${when(Date.parse(m.from), ctx.timeZone)}${m.until ? `–${when(Date.parse(m.until), ctx.timeZone)}` : ''}`;
  const cap = m.quantity !== undefined ? ` at ${m.quantity} ${m.unit ?? ''}/day`.replace(' /', '/') : '';
  return `${what}${cap} ${span}${m.reason ? ` (${m.reason})` : ''}`;
}

/**
 * Adds to an obligation's status the measures recorded over it: the postponements of its batch, the
 * suspensions and caps of its aid, the blocks of a return and the closures of a crossing. They are shown beside the status and never change it: a quota
 * under a cap is still judged against the agreement, and a postponed batch handed over later is met
 * late by how long, not missed for being postponed.
 */
export function withMeasures(
  ctx: EvalContext,
  p: Provision,
  o: Obligation,
  status: ObligationStatus,
): ObligationStatus {
  const postponed =
    p.kind === 'exchange' && o.batch !== undefined ? postponements(ctx, p.id, o.batch, o.party) : [];
  const { suspended, capped } =
    p.kind === 'aid' ? aidMeasures(ctx, p, o) : { suspended: stoppages(ctx, p, o), capped: [] };
  if (!postponed.length && !suspended.length && !capped.length) return status;
  const words = [
    ...postponed.map((m) => clause(ctx, 'postponed', m)),
    ...suspended.map((m) => clause(ctx, 'suspended', m)),
    ...capped.map((m) => clause(ctx, 'capped', m)),
  ];
  return {
    ...status,
    ...(postponed.length ? { postponed } : {}),
    ...(suspended.length ? { suspended } : {}),
    ...(capped.length ? { capped } : {}),
    evidence: [
      ...new Set([...status.evidence, ...[...postponed, ...suspended, ...capped].flatMap((m) => m.evidence)]),
    ].sort(),
    explanation: `${status.explanation} Recorded: ${words.join('; ')}.`,
  };
}
