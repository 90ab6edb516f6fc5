import { describe, expect, it } from 'vitest';
import { ALLEGATION_STATES, allegationSummary, LATEST_ALLEGATIONS } from './allegation-summary.ts';
import { countedAllegations } from './counted-evaluation.ts';
import type { Allegation } from './types.ts';

const h = (k: number) => k.toString(16).padStart(64, '0');
/** The k-th allegation: against israel or hamas in turn, naming the ceasefire or nothing, in each state in turn. */
function allegation(k: number): Allegation {
  const state = ALLEGATION_STATES[k % ALLEGATION_STATES.length]!;
  return {
    provision: k % 3 === 0 ? null : 'ceasefire',
    against: k % 2 ? 'israel' : 'hamas',
    by: 'monitor',
    at: new Date(Date.UTC(2023, 10, 25) + k * 60_000).toISOString(),
    description: `Report ${String(k).padStart(6, '0')}.`,
    state,
    ...(state === 'resolved' ? { finding: k % 2 ? 'breach' : 'no-breach' } : {}),
    evidence: state === 'open' ? [h(2 * k)] : [h(2 * k), h(2 * k + 1)],
  };
}
const allegations = (n: number) => Array.from({ length: n }, (_, k) => allegation(k));

describe('allegationSummary', () => {
  it('counts every allegation by state, finding, party alleged against and provision, and keeps the latest few', () => {
    const list = allegations(23);
    const s = allegationSummary(list);
    expect(s.count).toBe(23);
    for (const state of ALLEGATION_STATES)
      expect(s.states[state], state).toBe(list.filter((a) => a.state === state).length);
    expect(s.findings.breach + s.findings['no-breach']).toBe(s.states.resolved);
    expect(s.findings.breach).toBe(list.filter((a) => a.finding === 'breach').length);
    expect(s.against.map((x) => x.party)).toEqual(['hamas', 'israel']);
    for (const x of s.against) {
      const mine = list.filter((a) => a.against === x.party);
      expect(x.count).toBe(mine.length);
      expect(x.states.open).toBe(mine.filter((a) => a.state === 'open').length);
    }
    expect(s.provisions.map((x) => [x.provision, x.count])).toEqual([
      [null, list.filter((a) => a.provision === null).length],
      ['ceasefire', list.filter((a) => a.provision === 'ceasefire').length],
    ]);
    expect(s.latest).toEqual(list.slice(-LATEST_ALLEGATIONS));
  });

  it('lists them all, every state 0, when there are few or none', () => {
    expect(allegationSummary(allegations(3)).latest).toHaveLength(3);
    expect(allegationSummary([])).toEqual({
      count: 0,
      states: { open: 0, disputed: 0, acknowledged: 0, withdrawn: 0, resolved: 0 },
      findings: { breach: 0, 'no-breach': 0 },
      against: [],
      provisions: [],
      latest: [],
    });
  });

  it('as the status serves them, they take the same bytes for 10 allegations as for 10,000 (only the counts’ digits grow)', () => {
    // Both past the latest few, and the latest in the same states: only the counts differ.
    const size = (n: number) => JSON.stringify(countedAllegations(allegations(n))).length;
    const served = countedAllegations(allegations(10_000));
    expect(served.latest).toHaveLength(LATEST_ALLEGATIONS);
    expect(served.latest[0]).toMatchObject({ evidenceRef: `allegation:${h(2 * 9_995)}` });
    expect(JSON.stringify(served)).not.toMatch(/"evidence":\[/);
    // 32 counts (the total, 5 states, 2 findings, and a total and 5 states for each of 2 parties and
    // 2 provisions), each at most 3 digits longer.
    expect(size(10_000) - size(10)).toBeLessThanOrEqual(32 * 3);
    expect(size(10_000) - size(10)).toBeGreaterThanOrEqual(0);
  });
});
