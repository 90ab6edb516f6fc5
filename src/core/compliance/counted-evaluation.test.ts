import { describe, expect, it } from 'vitest';
import { countedEvaluation } from './counted-evaluation.ts';
import { evidenceOf } from './evidence-ref.ts';
import type { Evaluation } from './types.ts';

const h = (c: string) => c.repeat(64);

/** An evaluation with one list of each kind a reader opens, and a few nested ones. */
function evaluation(): Evaluation {
  return {
    agreement: 'a',
    asOf: '2023-11-25T12:00:00+02:00',
    events: 9,
    phases: [
      {
        phase: 'p1',
        startedAt: null,
        endedAt: null,
        reason: null,
        plannedEnd: null,
        evidence: [h('1')],
        explanation: [],
      },
    ],
    extensions: [],
    provisions: [
      {
        provision: 'aid',
        kind: 'aid',
        status: 'met',
        counts: { met: 1 },
        capped: [{ from: '2023-11-24', evidence: [h('2')] }],
        evidence: [h('3'), h('4'), h('5')],
        explanation: [],
      },
    ],
    obligations: [
      {
        obligation: { id: 'aid/deliver/1', provision: 'aid', party: 'x' } as never,
        status: 'met',
        due: null,
        figures: [
          { quantity: 50, source: 'UN: OCHA', evidence: [h('3'), h('4')] },
          { quantity: 65, source: 'Hamas', evidence: [h('5')] },
        ],
        disputes: [
          {
            of: h('3'),
            recorded: { actor: 'x' },
            disputedBy: { actor: 'y', reason: 'no', evidence: h('6') },
          },
        ],
        evidence: [h('3'), h('4'), h('5')],
        explanation: [],
      },
    ],
    exchanges: {
      directions: [
        {
          provision: 'ex',
          from: 'x',
          to: 'y',
          counted: 1,
          outside: 0,
          countedFromOutside: 0,
          byCategory: [],
          byBatch: [],
          byDay: [],
          evidence: [h('7')],
        },
      ],
      ratios: [],
    },
    figures: [
      {
        key: 'aid|2023-11-25|truck|aid|north',
        what: { code: 'figure.on-day', params: {} } as never,
        from: '2023-11-25',
        to: '2023-11-25',
        unit: 'truck',
        figures: [{ quantity: 50, source: 'UN: OCHA', evidence: [h('3'), h('4')] }],
        conflicting: false,
      },
    ],
    allegations: [
      {
        provision: null,
        against: 'x',
        by: 'y',
        at: '2023-11-25T10:00:00+02:00',
        description: 'd',
        state: 'disputed',
        evidence: [h('8'), h('9')],
      },
    ],
    dates: [],
    placedOnRecord: [],
    notes: [],
  };
}

describe('countedEvaluation', () => {
  it('replaces every evidence list, however deep, by its count and leaves the evaluation as it was', () => {
    const e = evaluation();
    const before = JSON.stringify(e);
    const c = countedEvaluation(e);
    expect(JSON.stringify(e)).toBe(before);
    expect(JSON.stringify(c)).not.toMatch(/"evidence":\[/);
    expect(c.phases[0]!.evidenceCount).toBe(1);
    expect(c.provisions[0]!.evidenceCount).toBe(3);
    expect(c.provisions[0]!.capped![0]!.evidenceCount).toBe(1);
    expect(c.obligations[0]!.evidenceCount).toBe(3);
    // One event's hash named as the disputing event is not a list: kept.
    expect(c.obligations[0]!.disputes![0]!.disputedBy.evidence).toBe(h('6'));
    expect(c.exchanges.directions[0]!.evidenceCount).toBe(1);
    expect(c.allegations.latest[0]!.evidenceCount).toBe(2);
    expect(c.figures[0]!.figures[0]!.evidenceCount).toBe(2);
  });

  it('gives each list a reader opens a reference that names that list in the evaluation', () => {
    const e = evaluation();
    const c = countedEvaluation(e);
    const refs = [
      [c.provisions[0]!.evidenceRef, e.provisions[0]!.evidence],
      [c.obligations[0]!.evidenceRef, e.obligations[0]!.evidence],
      [c.obligations[0]!.figures![0]!.evidenceRef, e.obligations[0]!.figures![0]!.evidence],
      [c.obligations[0]!.figures![1]!.evidenceRef, e.obligations[0]!.figures![1]!.evidence],
      [c.figures[0]!.figures[0]!.evidenceRef, e.figures[0]!.figures[0]!.evidence],
      [c.exchanges.directions[0]!.evidenceRef, e.exchanges.directions[0]!.evidence],
      [c.allegations.latest[0]!.evidenceRef, e.allegations[0]!.evidence],
    ] as const;
    for (const [ref, list] of refs) expect(evidenceOf(e, ref)).toBe(list);
    expect(new Set(refs.map(([ref]) => ref)).size).toBe(refs.length);
    expect(c.provisions[0]!.evidenceRef).toBe('provision:aid');
    expect(c.obligations[0]!.evidenceRef).toBe('obligation:aid%2Fdeliver%2F1');
    expect(c.obligations[0]!.figures![0]!.evidenceRef).toBe('obligation:aid%2Fdeliver%2F1:UN%3A%20OCHA');
    expect(c.allegations.latest[0]!.evidenceRef).toBe(`allegation:${h('8')}`);
  });

  it('names no list for a reference it does not know', () => {
    const e = evaluation();
    for (const of of [
      'provision:nope',
      'provision',
      'provision:aid:extra',
      'obligation:aid%2Fdeliver%2F1:nobody',
      'figures:aid%7C2023-11-25%7Ctruck%7Caid%7Cnorth',
      'exchange:ex:x',
      `allegation:${h('9')}`,
      'allegation:',
      'phase:p1',
      'provision:%E0%A4%A',
      '',
    ])
      expect(evidenceOf(e, of), of).toBeUndefined();
  });
});
