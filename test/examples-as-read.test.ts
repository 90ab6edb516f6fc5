import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../src/core/agreement/index.ts';
import type { Agreement } from '../src/core/agreement/types.ts';
import { outcomeCurves } from '../src/core/compare/outcome-curves.ts';
import { planAgreement } from '../src/core/plan/index.ts';
import type { Plan } from '../src/core/plan/types.ts';

// Real terms of the examples as a reader of the agreement expects them planned, checked and
// compared: each was found wrong in review of the second edition and is kept as a test.

const dir = new URL('../examples/agreements/', import.meta.url).pathname;
function load(name: string): Agreement {
  const result = parseAgreement(readFileSync(join(dir, name), 'utf8'), name);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.agreement;
}
const all = (p: Plan) => p.days.flatMap((d) => d.obligations);

describe('the examples as a reader expects them', () => {
  it('a window that opens on day 8 opens at the start of day 8, not at its end', () => {
    const p = planAgreement(load('jan-2025-ceasefire.yaml'));
    const window = all(p).find((o) => o.provision === 'phase-1-exchange' && o.opens !== undefined)!;
    expect(window).toMatchObject({ opensDay: 8, opens: '2025-01-26T00:00:00+02:00' });
  });

  it('extending the centre zone of the first vaccination round leaves the second round as it is', () => {
    const p = planAgreement(load('vaccination-pauses-2024.yaml'), { extend: { centre: 1 } });
    const round2 = all(p).filter(
      (o) => o.provision === 'pauses-round-2' && o.destination === 'centre' && o.party === 'israel',
    );
    expect(round2.map((o) => o.day)).toEqual([29, 30, 31]);
  });

  it('an extended zone stays within its round: the round lasts as long as its pauses', () => {
    const p = planAgreement(load('vaccination-pauses-2024.yaml'), { extend: { south: 1 } });
    const day10 = p.days.find((d) => d.day === 10)!;
    expect(day10.obligations.some((o) => o.provision === 'pauses-round-1')).toBe(true);
    expect(day10.phase).toBe('round-1');
  });

  it('a milestone with a calendar date (the force authorized until 31 Dec 2027) is not lost', () => {
    const p = planAgreement(load('oct-2025-ceasefire.yaml'));
    // It obliges no party: a date on the calendar, not an obligation (nor a standing term).
    expect(p.days.find((d) => d.date === '2027-12-31')?.dates?.map((d) => d.provision)).toEqual([
      'international-force',
    ]);
    expect(all(p).some((o) => o.provision === 'international-force')).toBe(false);
  });

  it('a crossing opens by its opening hour, not after the day of passages it opens for', () => {
    const p = planAgreement(load('oct-2025-ceasefire.yaml'));
    const open = all(p).find((o) => o.action === 'open-crossing')!;
    const first = all(p).filter((o) => o.action === 'let-cross' && o.day === open.day);
    expect(first.every((o) => (open.due ?? '') <= (o.due ?? ''))).toBe(true);
  });

  it('when the women are released within the window, Rafah waits on them and is not placed after phase 1 (day 43)', () => {
    const counts = {
      'civilian-women': 20,
      'female-soldiers': 5,
      children: 4,
      'men-over-50': 2,
      'sick-and-wounded': 2,
    };
    const p = planAgreement(load('jan-2025-ceasefire.yaml'), {
      counts: Object.fromEntries(Object.entries(counts).map(([c, n]) => [`phase-1-exchange.${c}`, n])),
    });
    expect(all(p).filter((o) => o.provision === 'rafah' && o.day > 42)).toEqual([]);
    expect(p.waiting).toContainEqual(
      expect.objectContaining({
        provision: 'rafah',
        on: { provision: 'phase-1-exchange', group: 'women' },
        reason: 'window',
      }),
    );
  });

  it('a day of the agreement past the end of the phases a term spans is refused, as byDay is', () => {
    const text = readFileSync(join(dir, 'jan-2025-ceasefire.yaml'), 'utf8').replace(
      'byDay: { agreementDay: 50 }',
      'byDay: { agreementDay: 150 }',
    );
    const r = parseAgreement(text, 'jan.yaml');
    expect(r.ok).toBe(false);
  });

  it('people crossing at Rafah are not counted as persons released by Israel in a comparison', () => {
    const jan = planAgreement(load('jan-2025-ceasefire.yaml'));
    const oct = planAgreement(load('oct-2025-ceasefire.yaml'));
    const released = outcomeCurves(jan, oct).series.find((s) => s.key === 'israel:person')!;
    // 1,968 released on 13 Oct (day 4); the crossing opens on day 5 under this plan.
    expect(released.points.find((p) => p.day === 7)).toMatchObject({ b: 1968 });
  });
});
