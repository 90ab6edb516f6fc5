import type { Allegation } from './types.ts';

/** The latest allegations the status document shows at most; the rest are paged (GET /api/logs/:id/allegations). */
export const LATEST_ALLEGATIONS = 5;

/** Where allegations stand, one count per state (every state, 0 when none is in it). */
export type AllegationStates = Record<Allegation['state'], number>;

/** How many allegations there are, and where they stand. */
export interface AllegationTally {
  count: number;
  states: AllegationStates;
}

/**
 * The allegations of an evaluation as counts, whatever their number: how many, where they stand
 * (open, disputed, acknowledged, withdrawn, resolved), the mediators' findings of the resolved ones,
 * the same per party alleged against and per provision named (null: none named), and the latest
 * few (at most LATEST_ALLEGATIONS, in the order they occurred).
 */
export interface AllegationSummary extends AllegationTally {
  findings: { breach: number; 'no-breach': number };
  against: (AllegationTally & { party: string })[];
  provisions: (AllegationTally & { provision: string | null })[];
  latest: Allegation[];
}

/** Every state an allegation can be in, in the order the status counts them. */
export const ALLEGATION_STATES: readonly Allegation['state'][] = [
  'open',
  'disputed',
  'acknowledged',
  'withdrawn',
  'resolved',
];

const noStates = (): AllegationStates =>
  Object.fromEntries(ALLEGATION_STATES.map((s) => [s, 0])) as AllegationStates;

/** The summary of `allegations` (in the order they occurred, as the evaluation lists them). */
export function allegationSummary(allegations: readonly Allegation[]): AllegationSummary {
  const states = noStates();
  const findings = { breach: 0, 'no-breach': 0 };
  const against = new Map<string, AllegationTally>();
  const provisions = new Map<string | null, AllegationTally>();
  const add = <K>(m: Map<K, AllegationTally>, key: K, a: Allegation) => {
    let t = m.get(key);
    if (!t) {
      t = { count: 0, states: noStates() };
      m.set(key, t);
    }
    t.count++;
    t.states[a.state]++;
  };
  for (const a of allegations) {
    states[a.state]++;
    if (a.finding) findings[a.finding]++;
    add(against, a.against, a);
    add(provisions, a.provision, a);
  }
  return {
    count: allegations.length,
    states,
    findings,
    against: [...against].map(([party, t]) => ({ party, ...t })),
    provisions: [...provisions].map(([provision, t]) => ({ provision, ...t })),
    latest: allegations.slice(-LATEST_ALLEGATIONS),
  };
}
