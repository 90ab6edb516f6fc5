import { describe, expect, it } from 'vitest';
import type { Agreement } from '../agreement/types.ts';
import { namesOf } from '../words/agreement-names.ts';
import type { Lang } from '../words/lang.ts';
import { renderPhrase } from '../words/render.ts';
import { englishNote } from './context.ts';
import { pause } from './fixtures/pause.ts';
import { planAgreement, sliceDays } from './plan-agreement.ts';
import { PlanError } from './plan-error.ts';
import type { Plan } from './types.ts';

const total = (plan: Plan, party: string, unit = 'person') =>
  plan.totals.filter((t) => t.party === party && t.unit === unit).reduce((a, t) => a + t.quantity, 0);
const obligations = (plan: Plan) => plan.days.flatMap((d) => d.obligations);
/** The pause with a crossing at Rafah, opened by party a, with `extra` terms. */
const withCrossing = (extra: object): Agreement =>
  pause({
    provisions: [
      ...pause().provisions,
      {
        id: 'crossing',
        kind: 'crossing',
        phase: 'pause',
        party: 'a',
        crossing: { id: 'rafah', name: 'Rafah' },
        ...extra,
      } as Agreement['provisions'][number],
    ],
  });
/** The plan's day with number `n` (day 0 is the eve of the start). */
const day = (plan: Plan, n: number) => plan.days.find((d) => d.day === n)!;

describe('planAgreement', () => {
  it('given a 4-day pause of 50 for 150, plans 4 days of at least 10 with the 3:1 ratio', () => {
    const plan = planAgreement(pause());
    // Day 0, the eve of the start, holds only the first list, due the evening before.
    expect(plan.days.map((d) => d.date)).toEqual([
      '2023-11-23',
      '2023-11-24',
      '2023-11-25',
      '2023-11-26',
      '2023-11-27',
    ]);
    expect(day(plan, 0).obligations.map((o) => o.action)).toEqual(['submit-list']);
    const handovers = obligations(plan).filter((o) => o.action === 'hand-over');
    expect(handovers.map((o) => o.quantity)).toEqual([13, 13, 12, 12]);
    expect(total(plan, 'b')).toBe(50);
    expect(total(plan, 'a')).toBe(150);
    expect(plan.totals).toContainEqual({ party: 'a', category: 'aid-trucks', unit: 'truck', quantity: 800 });
  });

  it('when extended by 3 days, adds 10 releases a day at the same ratio', () => {
    const plan = planAgreement(pause(), { extend: 3 });
    expect(plan.days.filter((d) => d.day >= 1)).toHaveLength(7);
    expect(plan.phases[0]).toMatchObject({ lengthDays: 7, extendedBy: 3, endDate: '2023-11-30' });
    expect(total(plan, 'b')).toBe(80);
    expect(total(plan, 'a')).toBe(240);
    const extra = obligations(plan).filter((o) => o.extension && o.action === 'hand-over');
    expect(extra.map((o) => [o.day, o.quantity])).toEqual([
      [5, 10],
      [6, 10],
      [7, 10],
    ]);
  });

  it('puts the handover deadline at the agreed hour and the list the evening before', () => {
    const day2 = day(planAgreement(pause()), 2);
    const handover = day2.obligations.find((o) => o.action === 'hand-over')!;
    expect(handover.due).toBe('2023-11-25T16:00:00+02:00');
    const list = day(planAgreement(pause()), 1).obligations.find(
      (o) => o.action === 'submit-list' && o.batch === 2,
    )!;
    expect(list.due).toBe('2023-11-25T00:00:00+02:00');
    expect(list.date).toBe('2023-11-24');
  });

  it('keeps the first list, due the evening before the start, before the start (day 0)', () => {
    const list = day(planAgreement(pause()), 0).obligations.find(
      (o) => o.action === 'submit-list' && o.batch === 1,
    )!;
    expect(list.due).toBe('2023-11-24T00:00:00+02:00');
    expect(list).toMatchObject({ day: 0, date: '2023-11-23', phaseDay: 0 });
    expect(list.description).toMatch(/before the agreement starts/);
  });

  it('counterpart releases wait for the handover', () => {
    const release = day(planAgreement(pause()), 1).obligations.find((o) => o.action === 'release')!;
    expect(release).toMatchObject({ party: 'a', quantity: 39, condition: 'after the handover of batch 1' });
  });

  it('when a provision is delayed 5 hours, its deadlines move and nothing else does', () => {
    const plan = planAgreement(pause(), { delay: { exchange: 5 } });
    const handover = day(plan, 2).obligations.find((o) => o.action === 'hand-over')!;
    expect(handover).toMatchObject({ due: '2023-11-25T21:00:00+02:00', delayedHours: 5 });
    const aid = day(plan, 2).obligations.find((o) => o.action === 'admit-aid')!;
    expect(aid.delayedHours).toBeUndefined();
  });

  it('a delay past midnight moves the obligation to the next day', () => {
    const plan = planAgreement(pause(), { delay: { exchange: 10 } });
    const day3 = day(plan, 3)
      .obligations.filter((o) => o.action === 'hand-over')
      .map((o) => o.batch);
    expect(day3).toEqual([2]);
  });

  it('with mixed ratios and an unknown mix, gives the counterpart a range', () => {
    const a = pause();
    const ex = a.provisions[0]!;
    if (ex.kind !== 'exchange') throw new Error('fixture');
    ex.release.categories[1]!.ratio = 5;
    const plan = planAgreement(a);
    expect(plan.totals.find((t) => t.party === 'a' && t.unit === 'person')).toMatchObject({
      quantity: 150,
      quantityMax: 250,
    });
  });

  it('with known counts, assigns categories in order and gives exact counterpart numbers', () => {
    const a = pause();
    const ex = a.provisions[0]!;
    if (ex.kind !== 'exchange') throw new Error('fixture');
    ex.release.categories[1]!.ratio = 5;
    const plan = planAgreement(a, { counts: { 'exchange.women': 30, 'exchange.minors': 20 } });
    const releases = obligations(plan).filter((o) => o.action === 'release');
    // 13 women, 13 women, 4 women + 8 minors, 12 minors
    expect(releases.map((o) => o.quantity)).toEqual([39, 39, 52, 60]);
    expect(total(plan, 'a')).toBe(30 * 3 + 20 * 5);
  });

  it('a conditional provision starts the day after its condition is met', () => {
    const a = withCrossing({ condition: { provision: 'exchange', text: 'after all releases' } });
    const open = obligations(planAgreement(a)).find((o) => o.action === 'open-crossing')!;
    expect(open.day).toBe(5);
    expect(open.condition).toBe('after all releases (by day 4 under this plan)');
  });

  it('given a crossing whose terms give no date, no condition and no day, then its opening is due on no day and no daily flow is placed', () => {
    const crossing = (extra: object) =>
      withCrossing({ flows: [{ direction: 'out', people: 'person', perDay: 50 }], ...extra });
    const undated = obligations(planAgreement(crossing({}))).filter((o) => o.provision === 'crossing');
    expect(undated).toHaveLength(1);
    expect(undated[0]).toMatchObject({ action: 'open-crossing', due: null, noAgreedDate: true });
    // A day given is a deadline, and the flows count from it.
    const dated = obligations(planAgreement(crossing({ fromDay: 2 }))).filter(
      (o) => o.provision === 'crossing',
    );
    const opening = dated.find((o) => o.action === 'open-crossing')!;
    expect(opening.due).toBe('2023-11-26T00:00:00+02:00');
    expect(opening.noAgreedDate).toBeUndefined();
    expect(dated.some((o) => o.action === 'let-cross')).toBe(true);
  });

  it('a proposal with no start plans by day number only', () => {
    const plan = planAgreement(pause({ kind: 'proposal', start: undefined }));
    expect(plan.days[0]).toMatchObject({ day: 0, date: null });
    expect(day(plan, 1)).toMatchObject({ day: 1, date: null });
    expect(plan.notes[0]).toMatch(/No start date/);
  });

  it('refuses an extension beyond the rule, an unknown phase or provision', () => {
    const limited = pause();
    limited.phases[0]!.extension!.maxDays = 2;
    expect(() => planAgreement(limited, { extend: 3 })).toThrow(PlanError);
    expect(() => planAgreement(pause(), { extend: { nope: 1 } })).toThrow(/neither a phase nor a pause zone/);
    expect(() => planAgreement(pause(), { delay: { nope: 1 } })).toThrow(/does not have/);
    const fixed: Agreement = pause({ phases: [{ ...pause().phases[0]!, extension: undefined }] });
    expect(() => planAgreement(fixed, { extend: 1 })).toThrow(/has an extension rule|has no extension rule/);
  });

  it('extends a phase with no rule by the days asked (a renewal the parties agree to), not one with no fixed end', () => {
    const fixed: Agreement = pause({ phases: [{ ...pause().phases[0]!, extension: undefined }] });
    const length = planAgreement(fixed).phases[0]!.endDay!;
    expect(planAgreement(fixed, { extend: { [fixed.phases[0]!.id]: 5 } }).phases[0]).toMatchObject({
      endDay: length + 5,
      extendedBy: 5,
    });
    const open: Agreement = pause({
      phases: [{ ...pause().phases[0]!, extension: undefined, continuesWhile: { en: 'talks go on' } }],
    });
    expect(() => planAgreement(open, { extend: { [open.phases[0]!.id]: 1 } })).toThrow(/no fixed end/);
  });

  it('lists the cessation of hostilities as a standing obligation with its hour windows', () => {
    expect(planAgreement(pause()).standing[0]).toMatchObject({
      provision: 'ceasefire',
      parties: ['a', 'b'],
      fromDay: 1,
      toDay: 4,
      description: expect.stringContaining('flights over north: only 10:00–16:00'),
    });
  });

  it("words a limit on what does not fly 'in' its zone, and takes an activity in each language", () => {
    const a = pause();
    const cessation = a.provisions.find((p) => p.kind === 'cessation')!;
    if (cessation.kind !== 'cessation') throw new Error('fixture');
    cessation.limits = [
      { activity: 'flights', zone: 'north', allowed: 'never' },
      {
        activity: { en: 'armed presence', ar: 'وجود مسلح', he: 'נוכחות חמושה' },
        zone: 'north',
        allowed: 'never',
      },
    ];
    const standing = planAgreement(a).standing[0]!;
    expect(standing.description).toContain('flights over north: none');
    expect(standing.description).toContain('armed presence in north: none');
    expect(JSON.stringify(standing.line)).toContain('"ar":"وجود مسلح"');
    expect(JSON.stringify(standing.line)).toContain('part.limit-none-in');
  });

  it('slices days by date or day number', () => {
    const plan = planAgreement(pause());
    expect(sliceDays(plan, '2023-11-25', '2023-11-26').days.map((d) => d.day)).toEqual([2, 3]);
    expect(sliceDays(plan, 3).days.map((d) => d.day)).toEqual([3, 4]);
  });
});

describe('planAgreement, an exchange with no cadence stated', () => {
  it('places no batch, says so, and records what it could not place', () => {
    const a = pause();
    const ex = a.provisions[0]!;
    if (ex.kind !== 'exchange') throw new Error('fixture');
    ex.release.cadence = undefined;
    const plan = planAgreement(a);
    expect(obligations(plan).filter((o) => o.provision === 'exchange')).toEqual([]);
    expect(plan.notes).toContain('exchange: no batch can be placed on the calendar (no cadence is stated).');
    expect(plan.unplaced).toEqual([
      { provision: 'exchange', party: 'b', unit: 'person' },
      { provision: 'exchange', party: 'a', unit: 'person' },
    ]);
  });
});

describe('planAgreement, days between phases', () => {
  it('a day in a gap between two phases belongs to none', () => {
    const a = pause({
      phases: [
        { id: 'first', title: 'First', start: { day: 1 }, lengthDays: 2 },
        { id: 'second', title: 'Second', start: { afterPhase: 'first', offsetDays: 2 }, lengthDays: 2 },
      ],
      provisions: [],
    });
    const plan = planAgreement(a);
    expect(plan.days.map((d) => [d.day, d.phase, d.phaseDay])).toEqual([
      [1, 'first', 1],
      [2, 'first', 2],
      [3, null, null],
      [4, null, null],
      [5, 'second', 1],
      [6, 'second', 2],
    ]);
  });
});

describe('planAgreement, a condition met only at the end of the phase', () => {
  it('says so in the notes rather than planning nothing silently', () => {
    const a = pause({
      provisions: [
        ...pause().provisions,
        {
          id: 'evacuation',
          kind: 'medical-evacuation',
          phase: 'pause',
          party: 'a',
          perDay: 50,
          condition: { provision: 'exchange' },
        },
      ],
    });
    const plan = planAgreement(a);
    expect(obligations(plan).filter((o) => o.provision === 'evacuation')).toEqual([]);
    expect(plan.notes).toContain(
      'evacuation: waits for exchange, which this plan completes only on day 4: no day of phase "pause" is left after it.',
    );
  });

  it('gives the note as a phrase, worded at the edge in each language; `notes` keeps its English with ids', () => {
    const base = pause();
    const a = pause({
      phases: base.phases.map((p) => ({ ...p, title: { en: 'Pause', ar: 'الهدنة', he: 'ההפוגה' } })),
      provisions: [
        ...base.provisions.map((p) =>
          p.id === 'exchange' ? { ...p, title: { en: 'Exchange', ar: 'التبادل', he: 'החילופים' } } : p,
        ),
        {
          id: 'evacuation',
          kind: 'medical-evacuation',
          title: { en: 'Medical evacuation', ar: 'الإجلاء الطبي', he: 'פינוי רפואי' },
          phase: 'pause',
          party: 'a',
          perDay: 50,
          condition: { provision: 'exchange' },
        },
      ],
    });
    const plan = planAgreement(a);
    const note = plan.noteLines.find((n) => n.code === 'plan.note.waits-no-day-left')!;
    expect(note.params).toEqual({
      provision: { type: 'provision', id: 'evacuation' },
      on: { type: 'provision', id: 'exchange' },
      day: { type: 'number', value: 4 },
      phase: { type: 'phase', id: 'pause' },
    });
    // The deprecated English of --json, as it has always been.
    expect(plan.notes).toEqual(plan.noteLines.map(englishNote));
    expect(plan.notes).toContain(
      'evacuation: waits for exchange, which this plan completes only on day 4: no day of phase "pause" is left after it.',
    );
    const say = (lang: Lang) => renderPhrase(note, { lang, names: namesOf(a, lang) });
    expect(say('en')).toBe(
      'Medical evacuation: waits for Exchange, which this plan completes only on day 4: no day of phase "Pause" is left after it.',
    );
    expect(say('ar')).toBe(
      'الإجلاء الطبي: ينتظر التبادل، الذي لا تكمله هذه الخطة إلا في اليوم 4: لا يبقى بعده أي يوم من المرحلة «الهدنة».',
    );
    expect(say('he')).toBe(
      'פינוי רפואי: ממתין ל־החילופים, שהתוכנית משלימה רק ביום 4: לא נותר אחריו אף יום בשלב "ההפוגה".',
    );
  });
});

describe('planAgreement, terms the agreement marks uncertain', () => {
  it('marks each batch that holds an uncertain category, and the release its ratio counts', () => {
    const base = pause();
    const a = pause({
      provisions: base.provisions.map((p) =>
        p.kind === 'exchange'
          ? {
              ...p,
              release: {
                ...p.release,
                categories: p.release.categories.map((c) =>
                  c.id === 'minors' ? { ...c, uncertain: true } : c,
                ),
              },
            }
          : p,
      ),
    });
    const exchange = obligations(planAgreement(a)).filter(
      (o) => o.provision === 'exchange' && o.action !== 'submit-list',
    );
    expect(exchange.length).toBeGreaterThan(0);
    for (const o of exchange) expect(o.uncertain, `${o.id}`).toBe(true);
    // Lists of names rest on no figure: unmarked.
    expect(obligations(planAgreement(a)).find((o) => o.action === 'submit-list')!.uncertain).toBeUndefined();
  });

  it('marks the whole text, a phase, a total that adds an uncertain quota, and a provision while it waits', () => {
    const base = pause();
    const a = pause({
      uncertain: true,
      phases: base.phases.map((p) => ({ ...p, uncertain: true })),
      provisions: [
        ...base.provisions.map((p) =>
          p.kind === 'aid' && Array.isArray(p.perDay)
            ? { ...p, perDay: p.perDay.map((q) => (q.id === 'fuel-trucks' ? { ...q, uncertain: true } : q)) }
            : p,
        ),
        {
          id: 'evacuation',
          kind: 'medical-evacuation',
          phase: 'pause',
          party: 'a',
          perDay: 50,
          uncertain: true,
          condition: { provision: 'missing' },
        },
      ],
    });
    const plan = planAgreement(a);
    expect(plan.uncertain).toBe(true);
    expect(plan.phases[0]!.uncertain).toBe(true);
    expect(plan.totals.find((t) => t.category === 'fuel-trucks')!.uncertain).toBe(true);
    expect(plan.totals.find((t) => t.category === 'aid-trucks')!.uncertain).toBeUndefined();
    expect(plan.waiting.find((w) => w.provision === 'evacuation')).toMatchObject({ uncertain: true });
  });
});
