import { describe, expect, it } from 'vitest';
import { explain } from '../words/explain.ts';
import { evaluate } from './evaluate.ts';
import { TABLE_YAML } from './status-table-agreement.ts';
import { actors, agreementOf, logged } from './test-log.ts';
import type { LoggedEvent, Status } from './types.ts';

/**
 * The acceptance table of issue 11 (TRUTH.md rules 1–4): for every provision kind, the same rows of
 * what the log records, and the status the provision reads on 3 Jan 12:00, when everything of the
 * one-day phase (1 Jan) is past due. The alleged rows stand on top of the act recorded on time (a
 * standing term has no act: they stand on nothing). Where a row cannot apply to a kind, the table
 * says why instead of a status.
 */
const agreement = agreementOf(TABLE_YAML);
const T = (d: number, hm: string) => `2024-01-0${d}T${hm}:00+02:00`;
const AS_OF = T(3, '12:00');

const ROWS = [
  'no record',
  'act on time',
  'act late',
  'recorded failure',
  'alleged',
  'alleged + disputed',
  'alleged + acknowledged',
  'withdrawn',
  'resolved: breach',
  'resolved: no breach',
] as const;
type Row = (typeof ROWS)[number];

/** What a row reads: a status (with its basis when it rests on no breach recorded), or why it cannot apply. */
type Cell = Status | { status: Status; basis: 'no-breach-recorded' } | { na: string };

interface KindCase {
  provision: string;
  /** The party the term binds (the accused in the allegation rows). */
  accused: 'a' | 'b';
  /** The act that meets it, on time or late; none for a standing term. */
  act?: (late: boolean) => LoggedEvent[];
  /** The obligation whose lateness the act-late row measures, and by how many minutes. */
  late?: { obligation: string; minutes: number };
  /** A recorded failure: a deadline.missed naming the provision (and the party and batch it binds). */
  failure: () => LoggedEvent[];
  expected: Record<Row, Cell>;
}

const other = (p: 'a' | 'b') => (p === 'a' ? 'b' : 'a');
const missed = (provision: string, party?: string, batch?: number) => () => [
  logged('med', 'deadline.missed', T(2, '01:00'), {
    provision,
    ...(party ? { party } : {}),
    ...(batch ? { batch } : {}),
    description: 'Not done by its deadline.',
  }),
];

/** The same expectations for every kind that has an act of its own. */
const ACT_KIND: Record<Row, Cell> = {
  'no record': 'unrecorded',
  'act on time': 'met',
  'act late': 'met-late',
  'recorded failure': 'missed',
  alleged: 'met',
  'alleged + disputed': 'disputed',
  'alleged + acknowledged': 'missed',
  withdrawn: 'met',
  'resolved: breach': 'missed',
  'resolved: no breach': 'met',
};

const DAILY_QUOTA =
  'a daily quota is judged on the figure given for its own day, whenever it was recorded; what entered the next day counts toward the next day, so nothing is late toward this one';
const NO_BREACH = { status: 'unrecorded', basis: 'no-breach-recorded' } as const;
/** A standing term (a pause, a ceasefire, a clause) has no act of its own: only what is alleged or recorded against it moves it. */
const STANDING: Record<Row, Cell> = {
  'no record': NO_BREACH,
  'act on time': {
    na: 'a standing term has no act that meets it: no allegation is no breach recorded, not met',
  },
  'act late': { na: 'a standing term has no act, so nothing can be late' },
  'recorded failure': 'missed',
  alleged: 'unrecorded',
  'alleged + disputed': 'disputed',
  'alleged + acknowledged': 'missed',
  withdrawn: NO_BREACH,
  'resolved: breach': 'missed',
  'resolved: no breach': NO_BREACH,
};

const KINDS: Record<string, KindCase> = {
  exchange: {
    provision: 'ex',
    accused: 'a',
    act: (late) => [
      logged('a', 'handover.completed', T(1, late ? '14:00' : '11:00'), {
        provision: 'ex',
        batch: 1,
        count: 2,
        to: 'b',
      }),
      logged('b', 'release.completed', T(1, '22:00'), { provision: 'ex', batch: 1, party: 'b', count: 6 }),
    ],
    late: { obligation: 'ex/hand-over/1', minutes: 120 },
    failure: missed('ex', 'a', 1),
    expected: ACT_KIND,
  },
  aid: {
    provision: 'aid',
    accused: 'b',
    act: () => [
      logged(
        'med',
        'aid.delivered',
        T(1, '20:00'),
        { provision: 'aid', date: '2024-01-01', quantity: 10, unit: 'truck', category: 'aid' },
        'UN',
      ),
    ],
    failure: missed('aid', 'b'),
    expected: { ...ACT_KIND, 'act late': { na: DAILY_QUOTA } },
  },
  withdrawal: {
    provision: 'wd',
    accused: 'b',
    act: (late) => [
      logged('b', 'withdrawal.completed', T(1, late ? '20:00' : '17:00'), { provision: 'wd', zones: ['z1'] }),
    ],
    late: { obligation: 'wd/withdraw/1', minutes: 120 },
    failure: missed('wd', 'b'),
    expected: ACT_KIND,
  },
  'displaced return': {
    provision: 'ret',
    accused: 'b',
    act: (late) => [logged('med', 'return.started', T(late ? 2 : 1, '10:00'), { provision: 'ret' })],
    late: { obligation: 'ret/allow-return/1', minutes: 600 },
    failure: missed('ret', 'b'),
    expected: ACT_KIND,
  },
  crossing: {
    provision: 'cross',
    accused: 'b',
    act: (late) => [
      logged('med', 'crossing.opened', T(late ? 2 : 1, '10:00'), { crossing: 'gate', provision: 'cross' }),
    ],
    late: { obligation: 'cross/open-crossing/1', minutes: 600 },
    failure: missed('cross', 'b'),
    expected: ACT_KIND,
  },
  'medical evacuation': {
    provision: 'med-ev',
    accused: 'b',
    act: () => [
      logged(
        'med',
        'crossing.throughput',
        T(1, '18:00'),
        { provision: 'med-ev', date: '2024-01-01', direction: 'out', patients: 5, companions: 7 },
        'WHO',
      ),
    ],
    failure: missed('med-ev', 'b'),
    expected: { ...ACT_KIND, 'act late': { na: DAILY_QUOTA } },
  },
  negotiation: {
    provision: 'neg',
    accused: 'a',
    act: (late) => [logged('med', 'talks.started', T(late ? 2 : 1, '10:00'), { provision: 'neg' })],
    late: { obligation: 'neg/negotiate/1/a', minutes: 600 },
    failure: missed('neg', 'a'),
    expected: ACT_KIND,
  },
  milestone: {
    provision: 'ms',
    accused: 'a',
    act: (late) => [logged('med', 'milestone.reached', T(late ? 2 : 1, '10:00'), { provision: 'ms' })],
    late: { obligation: 'ms/reach-milestone/1', minutes: 600 },
    failure: missed('ms', 'a'),
    expected: ACT_KIND,
  },
  'localized pause': {
    provision: 'lp',
    accused: 'a',
    failure: missed('lp', 'a'),
    expected: STANDING,
  },
  'cessation of hostilities': {
    provision: 'cease',
    accused: 'b',
    failure: missed('cease'),
    expected: STANDING,
  },
  'free-text clause': {
    provision: 'txt',
    accused: 'a',
    failure: missed('txt'),
    expected: STANDING,
  },
};

/** The events of one row for one kind. */
function given(k: KindCase, row: Row): LoggedEvent[] {
  const base = k.act ? k.act(false) : [];
  const alleger = other(k.accused);
  const allegation = logged(alleger, 'violation.alleged', T(2, '09:00'), {
    against: k.accused,
    provision: k.provision,
    description: 'The term was not kept.',
  });
  const of = allegation.leafHash;
  switch (row) {
    case 'no record':
      return [];
    case 'act on time':
      return base;
    case 'act late':
      return k.act!(true);
    case 'recorded failure':
      return k.failure();
    case 'alleged':
      return [...base, allegation];
    case 'alleged + disputed':
      return [
        ...base,
        allegation,
        logged(k.accused, 'dispute', T(2, '10:00'), { of, reason: 'It was kept.' }),
      ];
    case 'alleged + acknowledged':
      return [...base, allegation, logged(k.accused, 'acknowledgement', T(2, '10:00'), { of })];
    case 'withdrawn':
      return [
        ...base,
        allegation,
        logged(alleger, 'allegation.withdrawn', T(2, '10:00'), { of, reason: 'Misreported.' }),
      ];
    case 'resolved: breach':
    case 'resolved: no breach':
      return [
        ...base,
        allegation,
        logged('med', 'allegation.resolved', T(2, '10:00'), {
          of,
          finding: row === 'resolved: breach' ? 'breach' : 'no-breach',
          reason: 'Found on inquiry.',
        }),
      ];
  }
}

describe('one status table for every provision kind (TRUTH.md rules 1–4)', () => {
  it('every kind has a cell for every row, and a row that cannot apply says why', () => {
    for (const [kind, k] of Object.entries(KINDS)) {
      expect(Object.keys(k.expected).sort(), kind).toEqual([...ROWS].sort());
      for (const row of ROWS) {
        const cell = k.expected[row];
        if (typeof cell === 'object' && 'na' in cell) {
          expect(cell.na.length, `${kind} / ${row}`).toBeGreaterThan(20);
          expect(row === 'act late' || row === 'act on time', `${kind} / ${row}`).toBe(true);
        }
      }
      // Only the kinds without an act lack the act rows; every kind with an act has a late row or says why not.
      expect(k.act === undefined, kind).toBe(typeof k.expected['act on time'] === 'object');
    }
  });

  for (const [kind, k] of Object.entries(KINDS)) {
    describe(kind, () => {
      for (const row of ROWS) {
        const cell = k.expected[row];
        if (typeof cell === 'object' && 'na' in cell) continue;
        const want = typeof cell === 'string' ? { status: cell } : cell;
        it(`given ${row}, when judged after its deadline, then it reads ${want.status}${'basis' in want ? ` (${want.basis})` : ''}`, () => {
          const events = given(k, row);
          const e = evaluate(agreement, [...actors(), ...events], AS_OF);
          const p = e.provisions.find((x) => x.provision === k.provision)!;
          expect(p.status).toBe(want.status);
          if ('basis' in want) expect(p.basis).toBe(want.basis);
          else expect(p).not.toHaveProperty('basis');
          // The status rests on the events of its row (rule 5); a withdrawn allegation, or one found
          // no breach, no longer counts but its history stays in the allegations (rule 4).
          const closed = row === 'withdrawn' || row === 'resolved: no breach';
          const counted = events.filter(
            (x) =>
              ['dispute', 'acknowledgement', 'deadline.missed'].includes(x.event.event.kind) ||
              (x.event.event.kind === 'violation.alleged' && !closed),
          );
          for (const x of counted) expect(p.evidence, `${row}: ${x.event.event.kind}`).toContain(x.leafHash);
          if (closed)
            expect(e.allegations[0]).toMatchObject({
              state: row === 'withdrawn' ? 'withdrawn' : 'resolved',
              by: other(k.accused),
              against: k.accused,
            });
          // A breach says what made it one and by whom: the accused's acknowledgement, or the
          // mediator's finding, never the one as the other; each is told once.
          if (row === 'alleged + acknowledged' || row === 'resolved: breach') {
            const accused = k.accused.toUpperCase();
            const words = explain(p.explanation, agreement);
            const told =
              row === 'resolved: breach'
                ? `Mediator found a breach by ${accused} in 1 allegation (2 Jan 10:00)`
                : `${accused} acknowledged 1 allegation against ${accused} (2 Jan 10:00)`;
            expect(words, row).toContain(told);
            expect(words.split(told), row).toHaveLength(2);
            expect(words, row).not.toMatch(row === 'resolved: breach' ? /acknowledg/ : /found a breach/);
            for (const o of e.obligations.filter((x) => x.obligation.provision === k.provision))
              expect(explain(o.explanation, agreement), o.obligation.id).not.toMatch(
                /allegation\.resolved|acknowledgement/,
              );
          }
          if (row === 'act late' && k.late) {
            const o = e.obligations.find((x) => x.obligation.id === k.late!.obligation)!;
            expect(o).toMatchObject({ status: 'met-late', lateMinutes: k.late.minutes });
          }
          if (row === 'no record')
            for (const o of e.obligations.filter((x) => x.obligation.provision === k.provision))
              expect(o.status, o.obligation.id).not.toBe('met');
        });
      }
    });
  }
});
