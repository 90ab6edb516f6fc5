import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../agreement/index.ts';
import type { Agreement } from '../agreement/types.ts';
import type { ActorRecord } from '../ledger/check-event.ts';
import type { EventEnvelope } from '../ledger/event.ts';
import { fitEvent } from './event-fit.ts';
import { FitJudge } from './fit-judge.ts';
import type { FitProblem } from './fit-problem.ts';
import { EVENT_FIT } from './fit-table.ts';

/** An agreement with a provision of each kind an event names, batches bounded by a schedule. */
const YAML = `
id: fit
title: Fit test
version: 1
kind: agreement
timeZone: Asia/Gaza
start: 2024-01-01T08:00:00+02:00
parties:
  - { id: a, name: A, role: party }
  - { id: b, name: B, role: party }
  - { id: med, name: Mediator, role: mediator }
  - { id: red, name: Intermediary, role: intermediary }
phases:
  - { id: p1, title: Phase 1, start: { day: 1 }, lengthDays: 10 }
  - { id: p2, title: Phase 2, start: { afterPhase: p1 }, lengthDays: 5 }
provisions:
  - id: ex
    kind: exchange
    phase: p1
    intermediary: red
    release:
      party: a
      to: b
      categories: [{ id: w, label: W, ratio: 3 }, { id: m, label: M, ratio: 3 }]
      cadence: { schedule: [{ day: 1, count: 3 }, { day: 4, count: 3 }, { day: 7, count: 3 }] }
    counterpart: { party: b, to: a, categories: [{ id: p, label: P }] }
  - id: aid-trucks
    kind: aid
    phase: p1
    party: b
    perDay: [{ id: trucks, quantity: 10, unit: truck, category: food, destination: north }]
  - id: fuel
    kind: aid
    phase: p1
    party: b
    perDay: [{ id: litres, quantity: 1000, unit: litre }]
  - { id: wd, kind: withdrawal, phase: p1, party: b, zones: [{ id: z1, name: Z1 }, { id: z2, name: Z2 }], byDay: 2 }
  - id: cross
    kind: crossing
    phase: p1
    party: b
    crossing: { id: gate, name: Gate }
  - { id: neg, kind: negotiation, phase: p1, parties: [a, b], subject: the next phase, byDay: 2 }
  - id: ret
    kind: displaced-return
    phase: p1
    party: b
    fromDay: 2
    routes: [{ id: coast, name: Coast road }]
  - id: lp
    kind: localized-pause
    phase: p1
    parties: [a]
    window: { from: "06:00", to: "15:00" }
    zones: [{ id: centre, name: Centre, fromDay: 1, days: 1 }]
`;

const PARSED = parseAgreement(YAML, 'fit.yaml');
if (!PARSED.ok) throw new Error(JSON.stringify(PARSED.errors[0]));
const AGREEMENT: Agreement = PARSED.agreement;
const agreement = () => AGREEMENT;

const actor = (id: string, role: ActorRecord['role'], party?: string): ActorRecord => ({
  actor: id,
  name: id,
  role,
  key: 'k',
  revoked: false,
  ...(party ? { party } : {}),
});
const MONITOR = actor('monitor', 'monitor');

function ev(kind: string, body: Record<string, unknown>): EventEnvelope {
  const at = '2024-01-02T10:00:00+02:00';
  return { v: 1, log: 'fit', kind, occurredAt: at, recordedAt: at, actor: 'x', body };
}

const judgeFit = (
  kind: string,
  body: Record<string, unknown>,
  who: ActorRecord = MONITOR,
  refs: Record<string, EventEnvelope> = {},
) => fitEvent(agreement(), ev(kind, body), { actor: who, ref: (h) => refs[h] });

describe('fitEvent: an event is checked against the adopted agreement', () => {
  it('accepts events that fit, on every provision kind the table names', () => {
    const fitting: [string, Record<string, unknown>, ActorRecord?][] = [
      [
        'aid.delivered',
        {
          provision: 'aid-trucks',
          date: '2024-01-02',
          quantity: 5,
          unit: 'truck',
          category: 'food',
          destination: 'north',
        },
      ],
      ['aid.delivered', { provision: 'fuel', date: '2024-01-02', quantity: 500, unit: 'litre' }],
      [
        'handover.completed',
        { provision: 'ex', batch: 3, count: 3, to: 'b', via: 'red' },
        actor('pa', 'party', 'a'),
      ],
      ['list.submitted', { provision: 'ex', batch: 1, count: 3 }, actor('pa', 'party', 'a')],
      [
        'release.completed',
        { provision: 'ex', batch: 1, party: 'b', count: 9, category: 'p' },
        actor('pb', 'party', 'b'),
      ],
      [
        'release.completed',
        { provision: 'ex', party: 'a', count: 1, category: 'foreign', outsideFormula: true },
      ],
      ['withdrawal.completed', { provision: 'wd', zones: ['z1', 'z2'] }],
      ['talks.started', { provision: 'neg' }],
      ['return.started', { provision: 'ret', route: 'coast' }],
      ['return.blocked', { provision: 'ret', reason: 'closed' }],
      ['crossing.opened', { crossing: 'gate', provision: 'cross' }],
      ['crossing.closed', { crossing: 'gate' }],
      ['deadline.missed', { provision: 'wd', party: 'b', description: 'not done' }],
      ['violation.alleged', { against: 'a', provision: 'lp', description: 'shots' }],
      ['extension.agreed', { phase: 'p1', zone: 'centre', days: 1 }],
      ['phase.started', { phase: 'p1' }],
      ['statement', { text: 'hello' }],
    ];
    for (const [kind, body, who] of fitting) expect(judgeFit(kind, body, who), kind).toBeUndefined();
  });

  it('refuses a provision the agreement lacks, listing the provisions of the kinds that fit', () => {
    const p = judgeFit('aid.delivered', {
      provision: 'aid-fuel',
      date: '2024-01-02',
      quantity: 1,
      unit: 'truck',
    });
    expect(p).toEqual<FitProblem>({
      code: 'event-provision-unknown',
      kind: 'aid.delivered',
      field: 'body.provision',
      value: 'aid-fuel',
      fits: ['aid-trucks', 'fuel'],
      provisionKinds: ['aid'],
    });
    // A kind with no row may name a provision of any kind: all of them fit.
    expect(judgeFit('deadline.missed', { provision: 'nope', description: 'x' })?.fits).toHaveLength(8);
  });

  it('refuses a provision of another kind than the event fits (the table, row by row)', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['aid.delivered', { provision: 'ex', date: '2024-01-02', quantity: 1, unit: 'truck' }, 'exchange'],
      ['handover.completed', { provision: 'aid-trucks', count: 1, to: 'b' }, 'aid'],
      ['list.submitted', { provision: 'wd', batch: 1, count: 1 }, 'withdrawal'],
      ['release.completed', { provision: 'neg', party: 'a', count: 1 }, 'negotiation'],
      ['withdrawal.completed', { provision: 'ret', zones: ['z1'] }, 'displaced-return'],
      ['talks.started', { provision: 'ex' }, 'exchange'],
      ['return.started', { provision: 'neg' }, 'negotiation'],
      ['return.resumed', { provision: 'cross' }, 'crossing'],
      ['crossing.opened', { crossing: 'gate', provision: 'ret' }, 'displaced-return'],
    ];
    for (const [kind, body, actualKind] of cases) {
      const p = judgeFit(kind, body);
      expect(p, kind).toMatchObject({ code: 'event-provision-kind', field: 'body.provision', actualKind });
      const fitting = agreement()
        .provisions.filter((x) => EVENT_FIT[kind]!.includes(x.kind))
        .map((x) => x.id);
      expect(p?.fits).toEqual(fitting);
      expect(p?.provisionKinds).toEqual(EVENT_FIT[kind]);
    }
  });

  it('refuses a batch the exchange does not have, listing its batches', () => {
    expect(judgeFit('handover.completed', { provision: 'ex', batch: 4, count: 3, to: 'b' })).toMatchObject({
      code: 'event-batch-unknown',
      field: 'body.batch',
      value: 4,
      fits: [1, 2, 3],
      provision: 'ex',
    });
    expect(judgeFit('deadline.missed', { provision: 'ex', batch: 9, description: 'x' })?.code).toBe(
      'event-batch-unknown',
    );
  });

  it('refuses categories that are not of the releasing side, unless released outside the formula', () => {
    expect(
      judgeFit('release.completed', { provision: 'ex', party: 'a', count: 1, category: 'p' }),
    ).toMatchObject({
      code: 'event-category-unknown',
      field: 'body.category',
      value: 'p',
      fits: ['w', 'm'],
      party: 'a',
    });
    // A count per category, as the schema has it ({ w: 1, x: 1 }): each category must be the side's.
    expect(
      judgeFit(
        'list.submitted',
        { provision: 'ex', batch: 1, count: 2, categories: { w: 1, x: 1 } },
        actor('pa', 'party', 'a'),
      ),
    ).toMatchObject({ code: 'event-category-unknown', field: 'body.categories', value: 'x', party: 'a' });
    // A handover counts the persons of the side it is not handed to, whoever records it: A's
    // categories (w, m), not B's (p), and never one the agreement does not name.
    const handover = (categories: Record<string, number>) =>
      judgeFit(
        'handover.completed',
        { provision: 'ex', batch: 1, count: 2, to: 'b', via: 'red', categories },
        actor('op', 'operator'),
      );
    expect(handover({ w: 1, m: 1 })).toBeUndefined();
    expect(handover({ w: 1, p: 1 })).toMatchObject({
      code: 'event-category-unknown',
      field: 'body.categories',
      value: 'p',
      fits: ['w', 'm'],
      party: 'a',
    });
    expect(handover({ remains: 2 })).toMatchObject({ code: 'event-category-unknown', value: 'remains' });
    expect(
      judgeFit('release.completed', { provision: 'ex', party: 'b', count: 3, categories: { w: 3 } }),
    ).toMatchObject({ code: 'event-category-unknown', value: 'w', fits: ['p'], party: 'b' });
    expect(
      judgeFit('release.completed', { provision: 'ex', party: 'b', count: 3, categories: { p: 3 } }),
    ).toBeUndefined();
    expect(
      judgeFit('aid.delivered', {
        provision: 'aid-trucks',
        date: '2024-01-02',
        quantity: 1,
        unit: 'truck',
        category: 'fuel',
      }),
    ).toMatchObject({ code: 'event-category-unknown', fits: ['food'] });
  });

  it('refuses zones, routes, crossings, destinations and units the provision does not have', () => {
    expect(judgeFit('withdrawal.completed', { provision: 'wd', zones: ['z1', 'z3'] })).toMatchObject({
      code: 'event-zone-unknown',
      field: 'body.zones',
      value: 'z3',
      fits: ['z1', 'z2'],
    });
    // One provision's deadlines extended: the provision is one of the phase named.
    expect(judgeFit('extension.agreed', { phase: 'p1', provision: 'ex', days: 3 })).toBeUndefined();
    const elsewhere = judgeFit('extension.agreed', { phase: 'p2', provision: 'ex', days: 3 });
    expect(elsewhere).toMatchObject({
      code: 'event-phase-unknown',
      field: 'body.phase',
      value: 'p2',
      fits: ['p1'],
      provision: 'ex',
    });
    expect(judgeFit('extension.agreed', { phase: 'p1', zone: 'edge', days: 1 })).toMatchObject({
      code: 'event-zone-unknown',
      field: 'body.zone',
      fits: ['centre'],
    });
    expect(judgeFit('return.started', { provision: 'ret', route: 'inland' })).toMatchObject({
      code: 'event-route-unknown',
      fits: ['coast'],
    });
    expect(judgeFit('crossing.opened', { crossing: 'door', provision: 'cross' })).toMatchObject({
      code: 'event-crossing-unknown',
      fits: ['gate'],
    });
    expect(judgeFit('crossing.closed', { crossing: 'door' })).toMatchObject({
      code: 'event-crossing-unknown',
      fits: ['gate'],
    });
    expect(
      judgeFit('aid.delivered', {
        provision: 'aid-trucks',
        date: '2024-01-02',
        quantity: 1,
        unit: 'truck',
        destination: 'south',
      }),
    ).toMatchObject({ code: 'event-destination-unknown', fits: ['north'] });
    expect(
      judgeFit('aid.delivered', { provision: 'fuel', date: '2024-01-02', quantity: 1, unit: 'truck' }),
    ).toMatchObject({
      code: 'event-unit-unknown',
      field: 'body.unit',
      fits: ['litre'],
    });
  });

  it('refuses phases and parties the agreement does not have, and a side or intermediary the exchange does not have', () => {
    expect(judgeFit('phase.started', { phase: 'p9' })).toMatchObject({
      code: 'event-phase-unknown',
      fits: ['p1', 'p2'],
    });
    expect(judgeFit('violation.alleged', { against: 'c', description: 'x' })).toMatchObject({
      code: 'event-party-unknown',
      field: 'body.against',
      fits: ['a', 'b', 'med', 'red'],
    });
    expect(judgeFit('release.completed', { provision: 'ex', party: 'med', count: 1 })).toMatchObject({
      code: 'event-party-unknown',
      field: 'body.party',
      fits: ['a', 'b'],
      provision: 'ex',
    });
    expect(judgeFit('handover.completed', { provision: 'ex', count: 1, to: 'med' })).toMatchObject({
      code: 'event-party-unknown',
      field: 'body.to',
      fits: ['a', 'b', 'red'],
    });
    expect(judgeFit('handover.completed', { provision: 'ex', count: 1, to: 'red' })).toBeUndefined();
    expect(judgeFit('handover.completed', { provision: 'ex', count: 1, to: 'b', via: 'med' })).toMatchObject({
      code: 'event-party-unknown',
      field: 'body.via',
      fits: ['red'],
    });
  });

  it('refuses an actor that may not record it: the receiving side, a party not in the exchange, another side’s releases', () => {
    const handover = { provision: 'ex', batch: 1, count: 3, to: 'b', via: 'red' };
    expect(judgeFit('handover.completed', handover, actor('pb', 'party', 'b'))).toMatchObject({
      code: 'event-actor-not-entitled',
      field: 'actor',
      value: 'pb',
      fits: ['a'],
      rule: 'receiving-side',
      actorParty: 'b',
    });
    expect(
      judgeFit('list.submitted', { provision: 'ex', batch: 1, count: 3 }, actor('pc', 'party', 'c')),
    ).toMatchObject({
      code: 'event-actor-not-entitled',
      rule: 'not-a-side',
      fits: ['a', 'b'],
    });
    expect(
      judgeFit('release.completed', { provision: 'ex', party: 'b', count: 3 }, actor('pa', 'party', 'a')),
    ).toMatchObject({
      code: 'event-actor-not-entitled',
      rule: 'own-release',
      fits: ['b'],
    });
    // The operator, a mediator or a monitor is not a side: the rules on sides do not bind them.
    expect(judgeFit('handover.completed', handover, actor('op', 'operator'))).toBeUndefined();
  });

  it('an intermediary confirms only the handovers made through it', () => {
    const through = (via?: string) =>
      ev('handover.completed', { provision: 'ex', batch: 1, count: 3, to: 'b', ...(via ? { via } : {}) });
    const confirm = { handover: 'h1', count: 3 };
    expect(
      judgeFit('handover.confirmed', confirm, actor('red', 'intermediary', 'red'), { h1: through('red') }),
    ).toBeUndefined();
    expect(
      judgeFit('handover.confirmed', confirm, actor('other', 'intermediary'), { h1: through('red') }),
    ).toMatchObject({
      code: 'event-actor-not-entitled',
      rule: 'not-via',
      fits: ['red'],
      actorParty: 'other',
    });
    const handedToIt = ev('handover.completed', { provision: 'ex', batch: 1, count: 3, to: 'red' });
    expect(
      judgeFit('handover.confirmed', confirm, actor('red', 'intermediary', 'red'), { h1: handedToIt }),
    ).toBeUndefined();
    expect(
      judgeFit('handover.confirmed', confirm, actor('red', 'intermediary', 'red'), { h1: through() }),
    ).toMatchObject({
      rule: 'not-via',
      fits: [],
    });
  });
});

describe('FitJudge: each event against the agreement adopted before it', () => {
  it('judges only structurally before an adoption, then against the text adopted (or not, if unknown)', () => {
    const a = agreement();
    const judge = new FitJudge(undefined, ({ sha256 }) => (sha256 === 'aa' ? a : undefined));
    const view = { actor: MONITOR, ref: () => undefined };
    const wrong = ev('talks.started', { provision: 'nope' });
    expect(judge.judge(wrong, view)).toBeUndefined();
    judge.judge(ev('agreement.adopted', { agreement: 'fit', version: 1, sha256: 'aa' }), view);
    expect(judge.judge(wrong, view)?.code).toBe('event-provision-unknown');
    judge.judge(ev('agreement.adopted', { agreement: 'fit', version: 2, sha256: 'bb' }), view);
    expect(judge.agreement).toBeUndefined();
    expect(judge.judge(wrong, view)).toBeUndefined();
  });
});

describe('fitEvent: a group the agreement puts on a side acts for that side', () => {
  const parsed = parseAgreement(
    YAML.replace(
      '  - { id: med, name: Mediator, role: mediator }',
      '  - { id: allyb, name: Ally of B, role: party, side: b }\n  - { id: med, name: Mediator, role: mediator }',
    ),
    'fit-side.yaml',
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors[0]));
  const withAlly = parsed.agreement;
  const fitted = (kind: string, body: Record<string, unknown>, who: ActorRecord = MONITOR) =>
    fitEvent(withAlly, ev(kind, body), { actor: who, ref: () => undefined });

  it('accepts a release by it, its categories being its side’s, and a handover to it', () => {
    expect(
      fitted('release.completed', { provision: 'ex', batch: 1, party: 'allyb', count: 9, category: 'p' }),
    ).toBeUndefined();
    expect(
      fitted(
        'release.completed',
        { provision: 'ex', batch: 1, party: 'allyb', count: 9 },
        actor('pal', 'party', 'allyb'),
      ),
    ).toBeUndefined();
    expect(
      fitted('handover.completed', {
        provision: 'ex',
        batch: 1,
        count: 3,
        to: 'allyb',
        via: 'red',
        categories: { w: 2, m: 1 },
      }),
    ).toBeUndefined();
  });

  it('still refuses what its side could not do, and a party on no side', () => {
    expect(
      fitted('release.completed', { provision: 'ex', party: 'allyb', count: 1, category: 'w' }),
    ).toMatchObject({
      code: 'event-category-unknown',
      fits: ['p'],
      party: 'b',
    });
    expect(
      fitted(
        'handover.completed',
        { provision: 'ex', batch: 1, count: 3, to: 'allyb' },
        actor('pb', 'party', 'b'),
      ),
    ).toMatchObject({
      code: 'event-actor-not-entitled',
      rule: 'receiving-side',
      fits: ['a'],
    });
    expect(fitted('release.completed', { provision: 'ex', party: 'med', count: 1 })).toMatchObject({
      code: 'event-party-unknown',
      fits: ['a', 'b', 'allyb'],
    });
  });
});
