import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../agreement/index.ts';
import type { ProvisionOf } from '../agreement/types.ts';
import { lastBatch } from './exchange-batches.ts';

/** A daily exchange over a 4-day phase, with `extension` YAML on the phase and `cadence` on the release. */
function exchange(extension: string, cadence = 'cadence: daily') {
  const r = parseAgreement(
    `
id: batches
title: Batches
version: 1
kind: agreement
timeZone: UTC
start: 2024-01-01T08:00:00Z
parties: [{ id: a, name: A, role: party }, { id: b, name: B, role: party }]
phases:
  - { id: p1, title: P1, start: { day: 1 }, lengthDays: 4${extension} }
provisions:
  - id: ex
    kind: exchange
    phase: p1
    release: { party: a, to: b, total: 40, categories: [{ id: w, label: W, ratio: 3 }], ${cadence} }
    counterpart: { party: b }
`,
    'batches.yaml',
  );
  if (!r.ok) throw new Error(r.errors[0]!.message);
  return { agreement: r.agreement, ex: r.agreement.provisions[0] as ProvisionOf<'exchange'> };
}

describe('lastBatch: the highest batch an exchange can have', () => {
  it('is one a day over the phase, plus the most extension days the phase allows', () => {
    const plain = exchange('');
    expect(lastBatch(plain.agreement, plain.ex)).toBe(4);
    const capped = exchange(', extension: { days: 1, per: { provision: ex, releases: 10 }, maxDays: 2 }');
    expect(lastBatch(capped.agreement, capped.ex)).toBe(6);
  });
  it('is unbounded (null) when the agreement does not bound it: an extension without a maximum, no cadence', () => {
    const open = exchange(', extension: { days: 1, per: { provision: ex, releases: 10 } }');
    expect(lastBatch(open.agreement, open.ex)).toBeNull();
    const silent = exchange('', 'minPerBatch: 1');
    expect(lastBatch(silent.agreement, silent.ex)).toBeNull();
  });
});
