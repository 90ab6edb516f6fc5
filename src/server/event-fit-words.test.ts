import { describe, expect, it } from 'vitest';
import type { FitProblem } from '../core/fit/fit-problem.ts';
import { fitMessage } from './event-fit-words.ts';

const p = (over: Partial<FitProblem> & Pick<FitProblem, 'code'>): FitProblem => ({
  kind: 'aid.delivered',
  field: 'body.provision',
  value: 'x',
  fits: [],
  ...over,
});

describe('fitMessage: what does not fit, in words that name the field and what would fit', () => {
  it('names a phase that is not the phase of the provision whose deadlines an extension moves', () => {
    expect(
      fitMessage(
        p({
          code: 'event-phase-unknown',
          kind: 'extension.agreed',
          field: 'body.phase',
          value: 'p2',
          fits: ['p1'],
          provision: 'ex',
        }),
      ),
    ).toBe('extension.agreed: phase "p2" is not the phase of provision "ex"; its phase: p1.');
  });

  it('names the provision and the provisions of the kinds that fit', () => {
    expect(
      fitMessage(
        p({
          code: 'event-provision-unknown',
          value: 'aid-fuel',
          fits: ['aid-trucks', 'fuel'],
          provisionKinds: ['aid'],
        }),
      ),
    ).toBe('aid.delivered: provision "aid-fuel" is not in the agreement; aid provisions: aid-trucks, fuel.');
    expect(
      fitMessage(p({ code: 'event-provision-unknown', value: 'aid-fuel', provisionKinds: ['aid'] })),
    ).toBe(
      'aid.delivered: provision "aid-fuel" is not in the agreement; the agreement has no aid provision.',
    );
    expect(
      fitMessage(
        p({
          code: 'event-provision-kind',
          value: 'exchange',
          fits: ['aid'],
          provisionKinds: ['aid'],
          actualKind: 'exchange',
        }),
      ),
    ).toBe(
      'aid.delivered: provision "exchange" is an exchange provision, and aid.delivered is recorded on an aid provision; aid provisions: aid.',
    );
  });

  it('names each other field with its value and what would fit there', () => {
    const cases: [Partial<FitProblem> & Pick<FitProblem, 'code'>, string][] = [
      [
        {
          code: 'event-phase-unknown',
          kind: 'phase.started',
          field: 'body.phase',
          value: 'p9',
          fits: ['p1', 'p2'],
        },
        'phase.started: phase "p9" is not in the agreement; its phases: p1, p2.',
      ],
      [
        {
          code: 'event-batch-unknown',
          kind: 'handover.completed',
          field: 'body.batch',
          value: 9,
          fits: [1, 2, 3, 4],
          provision: 'exchange',
        },
        'handover.completed: batch 9 is not a batch of provision "exchange"; its batches: 1–4.',
      ],
      [
        {
          code: 'event-category-unknown',
          kind: 'release.completed',
          field: 'body.category',
          value: 'p',
          fits: ['w'],
          provision: 'ex',
          party: 'a',
        },
        'release.completed: category "p" is not a category of provision "ex" for the releases of a; its categories: w.',
      ],
      [
        {
          code: 'event-zone-unknown',
          kind: 'withdrawal.completed',
          field: 'body.zones',
          value: 'z3',
          fits: ['z1', 'z2'],
          provision: 'wd',
        },
        'withdrawal.completed: zone "z3" is not a zone of provision "wd"; its zones: z1, z2.',
      ],
      [
        {
          code: 'event-party-unknown',
          kind: 'violation.alleged',
          field: 'body.against',
          value: 'c',
          fits: ['a', 'b'],
        },
        'violation.alleged: against "c" is not a party of the agreement; its parties: a, b.',
      ],
      [
        {
          code: 'event-party-unknown',
          kind: 'handover.completed',
          field: 'body.via',
          value: 'med',
          fits: ['red'],
          provision: 'ex',
        },
        'handover.completed: via "med" is not the intermediary of provision "ex"; its intermediary: red.',
      ],
      [
        {
          code: 'event-party-unknown',
          kind: 'handover.completed',
          field: 'body.to',
          value: 'med',
          fits: ['a', 'b', 'red'],
          provision: 'ex',
        },
        'handover.completed: to "med" is neither a side nor the intermediary of provision "ex"; who may receive it: a, b, red.',
      ],
      [
        {
          code: 'event-route-unknown',
          kind: 'return.started',
          field: 'body.route',
          value: 'inland',
          fits: ['coast'],
          provision: 'ret',
        },
        'return.started: route "inland" is not a route of provision "ret"; its routes: coast.',
      ],
      [
        {
          code: 'event-crossing-unknown',
          kind: 'crossing.opened',
          field: 'body.crossing',
          value: 'door',
          fits: ['gate'],
          provision: 'cross',
        },
        'crossing.opened: crossing "door" is not the crossing of provision "cross"; its crossing: gate.',
      ],
      [
        {
          code: 'event-destination-unknown',
          field: 'body.destination',
          value: 'south',
          fits: ['north'],
          provision: 'aid',
        },
        'aid.delivered: destination "south" is not a destination of provision "aid"; its destinations: north.',
      ],
      [
        {
          code: 'event-unit-unknown',
          field: 'body.unit',
          value: 'truck',
          fits: ['litre'],
          provision: 'fuel',
        },
        'aid.delivered: unit "truck" is not a unit of the quotas of provision "fuel"; their units: litre.',
      ],
    ];
    for (const [problem, words] of cases) expect(fitMessage(p(problem))).toBe(words);
  });

  it('says which actor may not record it, and who may', () => {
    const actor = { kind: 'handover.completed', field: 'actor', value: 'pb', actorParty: 'b', role: 'party' };
    expect(
      fitMessage(p({ code: 'event-actor-not-entitled', ...actor, fits: ['a'], rule: 'receiving-side' })),
    ).toBe(
      'handover.completed: actor "pb" acts for b, the receiving side (to: b): a handover is recorded by the side that hands it over (a) or the operator; the receiving side may confirm, acknowledge or dispute it.',
    );
    expect(
      fitMessage(
        p({
          code: 'event-actor-not-entitled',
          ...actor,
          fits: ['a', 'b'],
          rule: 'not-a-side',
          provision: 'ex',
        }),
      ),
    ).toBe(
      'handover.completed: actor "pb" acts for b, which is not a side of provision "ex"; its sides: a, b.',
    );
    expect(
      fitMessage(
        p({
          code: 'event-actor-not-entitled',
          ...actor,
          kind: 'release.completed',
          fits: ['a'],
          rule: 'own-release',
        }),
      ),
    ).toBe(
      'release.completed: actor "pb" acts for b and records releases by a: a party records only its own releases (the other side may acknowledge or dispute them).',
    );
    expect(
      fitMessage(
        p({
          code: 'event-actor-not-entitled',
          kind: 'handover.confirmed',
          field: 'actor',
          value: 'other',
          actorParty: 'other',
          fits: ['red'],
          rule: 'not-via',
        }),
      ),
    ).toBe(
      'handover.confirmed: actor "other" acts for other and confirms a handover made through red: an intermediary confirms only the handovers made through it.',
    );
  });
});
