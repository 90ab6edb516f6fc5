import { describe, expect, it } from 'vitest';
import { headlineFigures } from '../figures/headline-figures.ts';
import { headlineItems } from '../report/headline-words.ts';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { labelsOf } from './labels.ts';
import { TABLE_YAML } from './status-table-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';

/** Two categories released at different ratios: 3 for each W, 5 for each S. */
const agreement = agreementOf(
  TABLE_YAML.replace(
    'categories: [{ id: w, label: W, ratio: 3 }]',
    'categories: [{ id: w, label: W, ratio: 3 }, { id: s, label: S, ratio: 5 }]',
  ).replace(
    'counterpart: { party: b, to: a, total: 6, after: handover }',
    'counterpart: { party: b, to: a, after: handover }',
  ),
);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const handover = (categories?: Record<string, number>, count = 2) =>
  logged('a', 'handover.completed', T(1, '11:00'), {
    provision: 'ex',
    batch: 1,
    count,
    to: 'b',
    ...(categories ? { categories } : {}),
  });
const release = (count: number) =>
  logged('b', 'release.completed', T(1, '20:00'), { provision: 'ex', batch: 1, party: 'b', count });

function judged(events: ReturnType<typeof logged>[]) {
  const e = evaluate(agreement, [...actors(), ...events], T(2, '09:00'));
  const ob = e.obligations.find((o) => o.obligation.id === 'ex/release/1')!;
  return { ob, words: explain(ob.explanation, agreement), ratio: e.exchanges.ratios[0]! };
}

describe('what a release owes for the persons counted, category by category', () => {
  it('owes by each category’s ratio when the handover says how many of each: 1 W and 1 S owe 8', () => {
    const short = judged([handover({ w: 1, s: 1 }), release(6)]);
    expect(short.ob.required).toBe(8);
    expect(short.ob.status).not.toBe('met');
    expect(short.words).toContain('8 persons to release (for 2 persons counted, by each one’s category)');
    expect(short.ratio).toMatchObject({ expected: 8, holds: false });
    expect(short.ratio.expectedMax).toBeUndefined();
    expect(explain(short.ratio.explanation, agreement)).toContain(
      '6 released by B fewer than 8, by the category of each of the 2 counted from A',
    );
    const met = judged([handover({ w: 1, s: 1 }), release(8)]);
    expect(met.ob.status).toBe('met');
    expect(met.ratio).toMatchObject({ expected: 8, holds: true });
  });

  it('owes between the smallest and the largest ratio when the handover does not say: 6 to 10 for 2', () => {
    const { ob, words, ratio } = judged([handover(), release(6)]);
    expect(ob.required).toBe(6);
    expect(words).toContain('(6 to 10 for 2 persons counted, by category)');
    expect(ratio).toMatchObject({ expected: 6, expectedMax: 10, holds: true });
  });

  it('the headline gives the plan to date as the range owed, never its least alone; one number once the categories are recorded', () => {
    const figure = (events: ReturnType<typeof logged>[]) =>
      headlineFigures(agreement, evaluate(agreement, [...actors(), ...events], T(2, '09:00'))).releases.find(
        (r) => r.party === 'b',
      )!;
    expect(figure([handover(), release(6)])).toMatchObject({ dueSoFar: 6, dueSoFarMax: 10 });
    const h = headlineFigures(
      agreement,
      evaluate(agreement, [...actors(), handover(), release(6)], T(2, '09:00')),
    );
    const w = {
      text: (x: string) => x,
      name: (x: string) => x,
      figure: (_i: string, _v: unknown, x: string) => x,
      say: () => '',
    };
    const line = headlineItems(h, labelsOf(agreement, [], 'en'), 'en', w)
      .map((i) => i.line)
      .find((l) => l.startsWith('Released by B'))!;
    expect(line).toContain('6 of 6 to 10 in the plan to date');
    const exact = figure([handover({ w: 1, s: 1 }), release(8)]);
    expect(exact.dueSoFar).toBe(8);
    expect(exact.dueSoFarMax).toBeUndefined();
  });

  it('owes by the categories named when fewer are counted than the handover names (one found not to be covered)', () => {
    const found = handover({ s: 2 });
    const e = judged([
      found,
      logged('red', 'remains.identified', T(1, '15:00'), {
        provision: 'ex',
        handover: found.leafHash,
        count: 1,
        finding: 'not-a-hostage',
      }),
      release(5),
    ]);
    expect(e.ob.required).toBe(5);
    expect(e.ratio).toMatchObject({ expected: 5, holds: true });
  });
});
