import { compareEntries, type LogState } from './log-state.ts';
import { isSettled } from './ordered-hashes.ts';

/**
 * Puts every evidence list of an evaluation (any `evidence` member that is a list of leaf hashes) in
 * the order its events occurred: by instant, then by leaf hash, as the evaluator orders events. A
 * reader then finds the evidence of a status as a story, first event first. Changes `value` in place.
 * A settled list is one the evaluator built in that order and shares (see LiveLog): it is left as it is.
 */
export function orderEvidence<T>(value: T, state: LogState): T {
  const compare = (a: string, b: string): number => {
    const x = state.byHash.get(a);
    const y = state.byHash.get(b);
    if (x && y) return compareEntries(x, y);
    // A hash the log does not hold (never expected) goes last, in a fixed order.
    return x ? -1 : y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (isSettled(v)) return;
      for (const x of v) walk(x);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    // Own keys only (for…in over the plain objects of an evaluation, without a list of entries).
    for (const key in v) {
      // Explanations are phrases: they name events, never hold evidence lists; nor does a status's
      // obligation, the plan's (src/core/plan/types.ts has no evidence).
      if (key === 'explanation' || key === 'obligation' || !Object.hasOwn(v, key)) continue;
      const member = (v as Record<string, unknown>)[key];
      if (key === 'evidence' && Array.isArray(member) && isSettled(member)) continue;
      if (key === 'evidence' && Array.isArray(member) && member.every((h) => typeof h === 'string')) {
        member.sort(compare);
      } else walk(member);
    }
  };
  walk(value);
  return value;
}
