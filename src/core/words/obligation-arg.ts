import type { Obligation } from '../plan/types.ts';
import type { Arg } from './phrase.ts';

/** An obligation of the plan as a phrase parameter: named by its plan line in the reader's language. */
export function obligationArg(o: Obligation): Arg {
  return {
    type: 'obligation',
    id: o.id,
    provision: o.provision,
    party: o.party,
    ...(o.batch !== undefined ? { batch: o.batch } : {}),
    line: o.line,
  };
}
