import type { Provision } from '../agreement/types.ts';
import { type Arg, moment, type Phrase, phrase } from '../words/phrase.ts';
import type { EvalContext } from './context.ts';
import { disputesPhrase } from './dispute-words.ts';
import { phaseSpan } from './phase-span.ts';
import type { Status } from './types.ts';

/**
 * A term the agreement gives no date for and the plan places on no day (a milestone with no date,
 * an exchange with no cadence): owed from the start of its phase, judged by what the record shows
 * done. Before its phase starts it is not yet due; done by the record, it is met (no date was
 * agreed, so never late); else it is unrecorded, "nothing recorded" or "not recorded as done" with
 * what was recorded of it, with no deadline to be past (TRUTH.md rule 1): never "not yet due" as
 * if nothing were owed.
 *
 * `told` is what the record holds of it (its act, each side's releases), `items` the same as one
 * list; `complete` says the record shows it done in full (an exchange whose every side released the
 * number the agreement states).
 */
export function undatedTerm(
  ctx: EvalContext,
  p: Provision,
  told: { count: number; items: Arg; complete: boolean },
): { status: Status; said: Phrase; evidence: string[] } {
  const span = phaseSpan(ctx, p);
  const items = told.items;
  if (span.from === null || ctx.clock.before(span.from))
    return {
      status: 'not-yet-due',
      said: told.count
        ? phrase('provision.phase-not-started-recorded', { items })
        : phrase('provision.phase-not-started'),
      evidence: [],
    };
  if (p.kind === 'milestone') {
    const reached = ctx.view.current('milestone.reached').find((r) => r.body.provision === p.id);
    if (reached) {
      const disputes = ctx.view.disputes(reached.entry);
      return disputes.length
        ? {
            status: 'disputed',
            said: phrase('provision.undated-disputed', {
              items,
              disputes: disputesPhrase(disputes, ctx.labels),
            }),
            evidence: [...reached.evidence, ...disputes.map((d) => d.disputedBy.evidence)],
          }
        : { status: 'met', said: phrase('provision.undated-met', { items }), evidence: reached.evidence };
    }
  }
  if (told.complete)
    return { status: 'met', said: phrase('provision.exchange-complete', { items }), evidence: [] };
  const at = span.to !== null ? moment(span.to, ctx.timeZone) : null;
  const said = told.count
    ? at
      ? phrase('provision.undated-not-done-ended', { items, at })
      : phrase('provision.undated-not-done', { items })
    : at
      ? phrase('provision.undated-nothing-ended', { at })
      : phrase('provision.undated-nothing');
  return { status: 'unrecorded', said, evidence: [] };
}
