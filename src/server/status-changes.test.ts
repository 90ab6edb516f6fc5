import { describe, expect, it } from 'vitest';
import type { Evaluation, ProvisionStatus, Status } from '../core/compliance/types.ts';
import { provisionStatuses, statusChanges } from './status-changes.ts';

const provision = (id: string, status: Status): ProvisionStatus => ({
  provision: id,
  kind: 'cessation',
  status,
  counts: {},
  evidence: [],
  explanation: [],
});

const evaluation = (...provisions: ProvisionStatus[]) => ({ provisions }) as unknown as Evaluation;

describe('statusChanges', () => {
  it('lists, in the agreement order, the provisions whose status differs, with the previous one', () => {
    const before = provisionStatuses(evaluation(provision('a', 'met'), provision('b', 'not-yet-due')));
    const after = evaluation(
      provision('a', 'disputed'),
      provision('b', 'not-yet-due'),
      provision('c', 'met'),
    );
    expect(statusChanges(before, after)).toEqual([
      { provision: 'a', kind: 'cessation', status: 'disputed', previous: 'met' },
      { provision: 'c', kind: 'cessation', status: 'met', previous: null },
    ]);
  });

  it('is empty when nothing changed', () => {
    const e = evaluation(provision('a', 'met'));
    expect(statusChanges(provisionStatuses(e), e)).toEqual([]);
  });

  it('names a provision whose status stays but whose basis changed: no breach recorded, then an allegation', () => {
    const quiet = { ...provision('a', 'unrecorded'), basis: 'no-breach-recorded' as const };
    const alleged = provision('a', 'unrecorded');
    expect(statusChanges(provisionStatuses(evaluation(quiet)), evaluation(alleged))).toEqual([
      {
        provision: 'a',
        kind: 'cessation',
        status: 'unrecorded',
        previous: 'unrecorded',
        previousBasis: 'no-breach-recorded',
      },
    ]);
  });
});
