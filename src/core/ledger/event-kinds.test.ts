import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { toHex } from '../crypto/crypto.ts';
import { canonicalBytes } from './canonical-json.ts';
import { referencesOf } from './check-event.ts';
import type { EventEnvelope } from './event.ts';
import { EVENT_KINDS, EventBodies, type EventKind } from './event-kinds.ts';
import { checkEnvelope } from './event-sign.ts';

const H = (n: number) => n.toString(16).padStart(64, '0');
const envelope = (kind: string, body: Record<string, unknown>, over: Partial<EventEnvelope> = {}) =>
  ({
    v: 1,
    log: 'truce.example/log/t',
    kind,
    occurredAt: '2025-10-13T08:00:00+03:00',
    recordedAt: '2025-10-13T05:05:00Z',
    actor: 'monitor',
    body,
    ...over,
  }) as EventEnvelope;

/** A valid body of each kind issue 11 adds, as a monitor would record it. */
const NEW_KINDS: Partial<Record<EventKind, Record<string, unknown>>> = {
  'delegation.arrived': { provision: 'talks', party: 'a', place: 'Sharm el-Sheikh' },
  'round.ended': { provision: 'talks', round: 2 },
  'proposal.submitted': { provision: 'talks', by: 'med', to: 'a', subject: 'Phase 2' },
  'response.given': { provision: 'talks', by: 'a', proposal: H(7), answer: 'accepted-with-amendments' },
  'crossing.throughput': {
    provision: 'medevac',
    crossing: 'rafah',
    date: '2026-02-02',
    direction: 'out',
    patients: 5,
    companions: 7,
  },
  'aid.suspended': { provision: 'aid', reason: 'Halted after an incident.' },
  'aid.capped': { provision: 'aid', category: 'trucks', quantity: 300, unit: 'truck' },
  'aid.resumed': { provision: 'aid' },
  'batch.postponed': { provision: 'exchange', batch: 3, party: 'a', reason: 'Delayed by the holding side.' },
  'batch.resumed': { provision: 'exchange', batch: 3 },
  'remains.identified': { provision: 'remains', handover: H(9), finding: 'not-a-hostage' },
  'remains.recovered': { provision: 'remains', by: 'search-team', count: 1 },
  'list.published': { provision: 'exchange', party: 'b', count: 250, categories: { life: 250 } },
  'names.vetoed': { provision: 'exchange', by: 'b', count: 3 },
  'names.swapped': { provision: 'exchange', by: 'b', count: 2 },
  'line.moved': { provision: 'withdrawal', zones: ['north'], metres: 300 },
  'milestone.reached': { provision: 'board' },
  'ceasefire.enforced': { provision: 'ceasefire', by: 'a' },
};

describe('the event kinds of issue 11', () => {
  it('given a valid body of each new kind, when checked, then it is accepted as recorded', () => {
    for (const [kind, body] of Object.entries(NEW_KINDS)) {
      expect(EVENT_KINDS, kind).toContain(kind);
      expect(checkEnvelope(envelope(kind, body)).body, kind).toEqual(body);
    }
  });

  it('every new kind names its provision (or, for a statement of enforcement, may) and refuses an unknown field', () => {
    for (const [kind, body] of Object.entries(NEW_KINDS)) {
      const shape = (EventBodies[kind as EventKind] as { shape: Record<string, unknown> }).shape;
      expect(Object.keys(shape), kind).toContain('provision');
      expect(() => checkEnvelope(envelope(kind, { ...body, hostageName: 'x' })), kind).toThrow(
        /hostageName|Unrecognized/,
      );
    }
  });

  it('a new kind missing its provision is refused, naming the field', () => {
    expect(() => checkEnvelope(envelope('aid.capped', { quantity: 300, unit: 'truck' }))).toThrow(
      /provision/,
    );
  });

  it('remains findings are one of three, and a throughput direction is in or out as the agreement says', () => {
    expect(() =>
      checkEnvelope(envelope('remains.identified', { provision: 'r', finding: 'unknown' })),
    ).toThrow(/finding/);
    expect(() =>
      checkEnvelope(
        envelope('crossing.throughput', {
          provision: 'm',
          date: '2026-02-02',
          direction: 'north',
          patients: 1,
        }),
      ),
    ).toThrow(/direction/);
  });

  it('casualty figures inside an allegation each carry their source', () => {
    const body = {
      against: 'a',
      provision: 'ceasefire',
      description: 'Strikes on 19 Oct.',
      casualties: [
        { killed: 26, source: 'Ministry of Health' },
        { killed: 2, injured: 3, source: 'Army statement' },
      ],
    };
    expect(checkEnvelope(envelope('violation.alleged', body)).body).toEqual(body);
    expect(() =>
      checkEnvelope(envelope('violation.alleged', { ...body, casualties: [{ killed: 26 }] })),
    ).toThrow(/source/);
  });

  it('lists and handovers carry categories: a count per category id, living and remains apart', () => {
    const body = {
      provision: 'exchange',
      batch: 1,
      count: 24,
      to: 'b',
      categories: { living: 20, remains: 4 },
    };
    expect(checkEnvelope(envelope('handover.completed', body)).body).toEqual(body);
    for (const kind of ['list.submitted', 'release.completed']) {
      const shape = (EventBodies[kind as EventKind] as { shape: Record<string, unknown> }).shape;
      expect(Object.keys(shape), kind).toContain('categories');
    }
    expect(() =>
      checkEnvelope(envelope('handover.completed', { ...body, categories: { living: -1 } })),
    ).toThrow(/categories/);
  });

  it('a response names the proposal it answers, and that reference must be in the log like any other', () => {
    const e = envelope('response.given', NEW_KINDS['response.given']!);
    expect(referencesOf(e)).toEqual([H(7)]);
  });

  it('every reference once, in order: the refs, then the body’s of, list, handover and proposal', () => {
    const e = envelope(
      'acknowledgement',
      { of: H(2), list: H(9), handover: 5, proposal: H(1) },
      { refs: [H(3), H(2), H(3)] },
    );
    expect(referencesOf(e)).toEqual([H(3), H(2), H(9), H(1)]);
    expect(referencesOf(envelope('statement', { text: 'x' }))).toEqual([]);
  });
});

describe('a note on any event', () => {
  it('given a note on the envelope of any kind, then it is accepted', () => {
    const e = checkEnvelope(
      envelope('aid.capped', NEW_KINDS['aid.capped']!, { note: 'Reported by two agencies at noon.' }),
    );
    expect(e.note).toBe('Reported by two agencies at noon.');
    expect(() => checkEnvelope(envelope('statement', { text: 'x' }, { note: '' }))).toThrow(/note/);
  });

  it('an event recorded without a note keeps its canonical bytes and so its leaf hash', () => {
    const old = envelope('statement', { text: 'Batch 1 is on its way.' });
    const checked = checkEnvelope(old);
    expect(checked).not.toHaveProperty('note');
    expect(toHex(crypto.sha256(canonicalBytes(checked)))).toBe(toHex(crypto.sha256(canonicalBytes(old))));
  });
});

describe('a handover or release whose number was not disclosed', () => {
  const handover = { provision: 'exchange', to: 'b' };
  const release = { provision: 'exchange', party: 'b' };

  it('given `undisclosed: true` and no count, then it is recorded as it is, with no number', () => {
    for (const [kind, body] of [
      ['handover.completed', handover],
      ['release.completed', release],
    ] as const) {
      const checked = checkEnvelope(envelope(kind, { ...body, undisclosed: true }));
      expect(checked.body, kind).toEqual({ ...body, undisclosed: true });
      expect(checked.body, kind).not.toHaveProperty('count');
    }
  });

  it('given neither a count nor `undisclosed: true`, then it is refused at `count`, saying what to write', () => {
    expect(() => checkEnvelope(envelope('handover.completed', handover))).toThrow(
      /count: the number is missing: give `count`, or `undisclosed: true` when the act is recorded but its number was not disclosed/,
    );
    expect(() => checkEnvelope(envelope('release.completed', { ...release, undisclosed: false }))).toThrow(
      /count: the number is missing: give `count`, or `undisclosed: true` \(not false\)/,
    );
  });

  it('given a count and `undisclosed: true` together, then it is refused at `undisclosed`: one of them is wrong', () => {
    expect(() =>
      checkEnvelope(envelope('handover.completed', { ...handover, count: 390, undisclosed: true })),
    ).toThrow(
      /undisclosed: `undisclosed: true` says the number was not disclosed, but `count` gives it \(390\)/,
    );
  });

  it('given categories or persons with `undisclosed: true`, then it is refused at that field: they give the number', () => {
    expect(() =>
      checkEnvelope(
        envelope('handover.completed', { ...handover, undisclosed: true, categories: { living: 3 } }),
      ),
    ).toThrow(
      /categories: `categories` gives a number, but `undisclosed: true` says the number was not disclosed/,
    );
    expect(() =>
      checkEnvelope(envelope('release.completed', { ...release, undisclosed: true, persons: [H(1)] })),
    ).toThrow(/persons: `persons` gives a number/);
  });

  it('a count, as before, is recorded with the same bytes: `undisclosed` is never added', () => {
    const body = { ...handover, count: 390 };
    expect(checkEnvelope(envelope('handover.completed', body)).body).toEqual(body);
  });
});

describe('a figure recorded as approximate (`uncertain: true`)', () => {
  /** A body of each kind whose figure may be approximate ("about 250", "more than 200", "some 40"). */
  const FIGURES: [EventKind, Record<string, unknown>][] = [
    ['aid.delivered', { provision: 'aid', date: '2025-10-13', quantity: 200, unit: 'truck' }],
    ['handover.completed', { provision: 'exchange', count: 250, to: 'b' }],
    ['handover.confirmed', { handover: H(3), count: 250 }],
    ['release.completed', { provision: 'exchange', party: 'b', count: 250 }],
    ['crossing.throughput', { provision: 'medevac', date: '2026-02-02', direction: 'out', patients: 50 }],
    ['remains.identified', { provision: 'remains', count: 40, finding: 'matches' }],
    ['remains.recovered', { provision: 'remains', by: 'search-team', count: 40 }],
  ];

  it('given `uncertain: true` on a kind that records a figure, then it is recorded as it is', () => {
    for (const [kind, body] of FIGURES) {
      const checked = checkEnvelope(envelope(kind, { ...body, uncertain: true }));
      expect(checked.body, kind).toEqual({ ...body, uncertain: true });
    }
  });

  it('given `uncertain` of another type, then it is refused at `uncertain`, saying what it takes', () => {
    for (const [kind, body] of FIGURES)
      for (const wrong of ['yes', 1, null, 'true'])
        expect(
          () => checkEnvelope(envelope(kind, { ...body, uncertain: wrong })),
          `${kind} ${wrong}`,
        ).toThrow(
          `uncertain: \`uncertain\` is true when the figure is approximate ("about 250"), false or left out when it is exact; not ${JSON.stringify(wrong)}`,
        );
  });

  it('given `uncertain: true` on a kind that records no figure, then it is refused, naming the kinds that take it', () => {
    expect(() =>
      checkEnvelope(envelope('statement', { text: 'About 250 released.', uncertain: true })),
    ).toThrow(
      /Unrecognized key: "uncertain" \(`uncertain` marks a figure as approximate, and a statement event records none it could mark; it may be given to handover\.completed, handover\.confirmed, release\.completed, aid\.delivered, crossing\.throughput, remains\.identified, remains\.recovered\)/,
    );
  });

  it('given `uncertain: true` with `undisclosed: true`, then it is refused at `uncertain`: there is no figure to be approximate', () => {
    expect(() =>
      checkEnvelope(
        envelope('release.completed', {
          provision: 'exchange',
          party: 'b',
          undisclosed: true,
          uncertain: true,
        }),
      ),
    ).toThrow(
      /uncertain: `uncertain: true` marks a figure as approximate, but `undisclosed: true` says no figure/,
    );
  });

  it('a figure recorded without it keeps its bytes: `uncertain` is never added', () => {
    for (const [kind, body] of FIGURES) expect(checkEnvelope(envelope(kind, body)).body, kind).toEqual(body);
  });
});
