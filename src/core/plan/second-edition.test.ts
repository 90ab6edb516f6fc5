import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAgreement } from '../agreement/check-agreement.ts';
import type { Agreement, Provision } from '../agreement/types.ts';
import { ceasefire } from './fixtures/ceasefire.ts';
import { pause } from './fixtures/pause.ts';
import { planAgreement } from './plan-agreement.ts';
import type { Obligation, Plan } from './types.ts';

const all = (plan: Plan): Obligation[] => plan.days.flatMap((d) => d.obligations);
const of = (plan: Plan, provision: string, action: string) =>
  all(plan).filter((o) => o.provision === provision && o.action === action);
const withProvision = (a: Agreement, id: string, change: (p: Provision) => Provision): Agreement => ({
  ...a,
  provisions: a.provisions.map((p) => (p.id === id ? change(structuredClone(p)) : p)),
});

describe('open-ended phases', () => {
  it('keep every daily quota up to the horizon asked for, marked open-ended', () => {
    const plan = planAgreement(ceasefire(), { horizon: '2025-12-08' });
    const trucks = of(plan, 'aid', 'admit-aid');
    expect(trucks).toHaveLength(60);
    expect(trucks.at(-1)).toMatchObject({ date: '2025-12-08', openEnded: true });
    expect(plan.phases[0]).toMatchObject({ openEnded: true, endDay: null, plannedTo: 60 });
    expect(plan.horizon).toEqual({ day: 60, date: '2025-12-08', from: 'option' });
  });
  it('without a horizon, are planned for a default span and say so', () => {
    const plan = planAgreement(ceasefire());
    expect(plan.horizon).toMatchObject({ day: 42, from: 'default' });
    expect(of(plan, 'aid', 'admit-aid')).toHaveLength(42);
  });
  it('without a horizon, run at least as long as the phases of fixed length beside them', () => {
    const base = ceasefire();
    const open = base.phases[0]!;
    const a: Agreement = {
      ...base,
      phases: [
        ...base.phases,
        { id: 'implementation', title: 'Implementation', start: { day: 1 }, lengthDays: 60 },
      ],
    };
    const plan = planAgreement(a);
    expect(plan.phases.find((p) => p.id === open.id)).toMatchObject({ openEnded: true, plannedTo: 60 });
    expect(plan.horizon).toMatchObject({ day: 60, from: 'default' });
    expect(of(plan, 'aid', 'admit-aid')).toHaveLength(60);
  });
  it('past a stated length that continues while talks go on, days are marked open-ended', () => {
    const a = pause({
      phases: [{ ...pause().phases[0]!, continuesWhile: 'talks go on' }],
    });
    const plan = planAgreement(a, { horizon: 10 });
    const aid = of(plan, 'aid', 'admit-aid').filter((o) => o.category === 'aid-trucks');
    expect(aid.map((o) => o.day)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(aid.filter((o) => o.openEnded).map((o) => o.day)).toEqual([5, 6, 7, 8, 9, 10]);
  });
  it('the phase after one with no fixed end waits, and says on what', () => {
    const plan = planAgreement(
      ceasefire({
        provisions: [
          ...ceasefire().provisions,
          { id: 'later', kind: 'text', phase: 'two', text: 'Later terms.' },
        ],
      }),
    );
    expect(plan.waiting).toContainEqual({
      provision: 'later',
      on: { provision: '', phase: 'two' },
      reason: 'open-phase',
    });
  });
});

describe('deadlines relative to a term', () => {
  it('all persons and remains are due 72 hours after the pullback', () => {
    const plan = planAgreement(ceasefire());
    expect(of(plan, 'living', 'hand-over')[0]).toMatchObject({
      due: '2025-10-13T12:00:00+03:00',
      quantity: 20,
      relativeTo: { provision: 'pullback', hours: 72 },
    });
    expect(of(plan, 'remains', 'hand-over')[0]).toMatchObject({
      due: '2025-10-13T12:00:00+03:00',
      unit: 'remains',
    });
  });
  it('a delay of the anchor moves everything that hangs on it', () => {
    const plan = planAgreement(ceasefire(), { delay: { pullback: 30 } });
    expect(of(plan, 'pullback', 'withdraw')[0]!.due).toBe('2025-10-11T18:00:00+03:00');
    expect(of(plan, 'living', 'hand-over')[0]!.due).toBe('2025-10-14T18:00:00+03:00');
    expect(of(plan, 'aid', 'admit-aid')[0]!.delayedHours).toBeUndefined();
  });
  it('property: a relative deadline moves exactly with its anchor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 30 }),
        fc.integer({ min: 0, max: 24 * 10 }),
        (delay, hours) => {
          const a = withProvision(ceasefire(), 'living', (p) => {
            if (p.kind !== 'exchange') return p;
            p.release.cadence = {
              schedule: [{ count: 20, by: { after: { provision: 'pullback' }, hours } }],
            };
            return p;
          });
          const base = of(planAgreement(a), 'living', 'hand-over')[0]!.due!;
          const moved = of(planAgreement(a, { delay: { pullback: delay } }), 'living', 'hand-over')[0]!.due!;
          expect(Date.parse(moved) - Date.parse(base)).toBe(delay * 3_600_000);
          const anchor = of(planAgreement(a, { delay: { pullback: delay } }), 'pullback', 'withdraw')[0]!
            .due!;
          expect(Date.parse(moved) - Date.parse(anchor)).toBe(hours * 3_600_000);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('counts on both sides, remains apart, competing figures', () => {
  it("the other side's releases are stated per category without a ratio: 250 + 1,718 = 1,968", () => {
    const [release] = of(planAgreement(ceasefire()), 'living', 'release');
    expect(release).toMatchObject({
      quantity: 1968,
      mix: [
        { category: 'life', count: 250 },
        { category: 'detainees', count: 1718 },
      ],
      due: '2025-10-13T12:00:00+03:00',
    });
  });
  it('remains take their own ratio, are never added to persons, and a stated total stands beside the ratio', () => {
    const plan = planAgreement(ceasefire());
    expect(of(plan, 'remains', 'release')[0]).toMatchObject({ quantity: 420, unit: 'remains' });
    expect(plan.totals.filter((t) => t.party === 'a' && t.unit === 'person')).toEqual([
      { party: 'a', category: 'life+detainees', unit: 'person', quantity: 1968 },
    ]);
    expect(plan.totals.find((t) => t.party === 'a' && t.unit === 'remains')!.quantity).toBe(420);
    expect(plan.stated).toContainEqual({
      provision: 'remains',
      party: 'a',
      unit: 'remains',
      stated: [{ value: 360, source: 'Health Ministry; ICRC' }],
      planned: { quantity: 420 },
    });
  });
  it('a figure that sources state differently is planned as a range with each source, never one picked', () => {
    const [day1] = of(planAgreement(ceasefire()), 'aid', 'admit-aid');
    expect(day1).toMatchObject({
      quantity: 400,
      quantityMax: 600,
      uncertain: true,
      figures: [
        { value: 600, source: 'COGAT' },
        { value: 400, source: 'one timeline' },
      ],
    });
  });
  it('the validator states the disagreement as information, not an error or a warning', () => {
    const r = checkAgreement(ceasefire());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.info.map((i) => [i.code, i.path])).toEqual([
      ['figures-differ', ['provisions', 2, 'counterpart', 'total']],
      ['figures-differ', ['provisions', 3, 'perDay', 0, 'quantity']],
    ]);
    expect(r.info[0]!.message).toBe(
      'The counterpart total is stated as 360 (Health Ministry; ICRC); the categories and their ratios give 420 for the 28 released. Both are shown.',
    );
    expect(r.info[1]!.message).toBe(
      'The quantity of "trucks" is stated differently by its sources: 600 (COGAT), 400 (one timeline).',
    );
  });
  it('refuses living persons and remains on one side, with what to do', () => {
    const a = withProvision(ceasefire(), 'living', (p) => {
      if (p.kind === 'exchange') p.release.categories.push({ id: 'dead', label: 'Dead', remains: true });
      return p;
    });
    const [e] = checkAgreement(a).errors;
    expect(e).toMatchObject({
      code: 'remains-with-living',
      path: ['provisions', 1, 'release', 'categories', 1, 'remains'],
    });
    expect(e!.message).toMatch(/exchange of their own/);
  });
});

describe('windows and groups (January 2025 shape)', () => {
  const jan = (): Agreement =>
    pause({
      start: '2025-01-19T08:30:00+02:00',
      phases: [{ id: 'pause', title: 'Phase 1', start: { day: 1 }, lengthDays: 42 }],
      provisions: [
        {
          id: 'exchange',
          kind: 'exchange',
          phase: 'pause',
          release: {
            party: 'b',
            to: 'a',
            total: 33,
            categories: [
              { id: 'women', label: 'Civilian women', ratio: 30, meaning: ['women', 'civilians'] },
              { id: 'soldiers', label: 'Female soldiers', ratio: 50, meaning: ['female-soldiers'] },
              { id: 'others', label: 'Other civilians', ratio: 30 },
            ],
            groups: [{ id: 'all-women', label: 'All women', categories: ['women', 'soldiers'] }],
            cadence: {
              schedule: [
                { day: 1, count: 3 },
                { day: 7, count: 4 },
                { count: 26, from: { day: 8 }, by: { day: 42 } },
              ],
            },
          },
          counterpart: { party: 'a', to: 'b' },
        },
        {
          id: 'rafah',
          kind: 'crossing',
          phase: 'pause',
          party: 'a',
          crossing: { id: 'rafah', name: 'Rafah' },
          condition: { provision: 'exchange', group: 'all-women', text: 'once all women are released' },
          flows: [{ direction: 'out', people: 'patient', perDay: 50 }],
          hours: { from: '09:00', to: '15:00' },
        },
      ],
    });
  it('the 26 are one obligation due on day 42, with an indicative spread that is never an obligation', () => {
    const plan = planAgreement(jan());
    const window = of(plan, 'exchange', 'hand-over').find((o) => o.batch === 3)!;
    expect(window).toMatchObject({ quantity: 26, day: 42, opensDay: 8 });
    const shares = plan.days.flatMap((d) => d.indicative);
    expect(shares.reduce((a, s) => a + s.quantity, 0)).toBe(26);
    expect(shares.every((s) => s.day >= 8 && s.day <= 42)).toBe(true);
    expect(plan.totals.find((t) => t.party === 'b')!.quantity).toBe(33);
  });
  it('property: a window never exceeds its total, in obligations or in its spread', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (count, from, span) => {
          const a = withProvision(jan(), 'exchange', (p) => {
            if (p.kind !== 'exchange') return p;
            p.release.total = count;
            p.release.cadence = {
              schedule: [
                { count, from: { day: from }, by: { day: from + span }, spreadEveryDays: 1 + (span % 7) },
              ],
            };
            return p;
          });
          const plan = planAgreement(a);
          const handed = of(plan, 'exchange', 'hand-over').reduce((n, o) => n + o.quantity!, 0);
          expect(handed).toBe(count);
          const shares = plan.days.flatMap((d) => d.indicative);
          expect(shares.reduce((n, s) => n + s.quantity, 0)).toBe(count);
          expect(shares.every((s) => s.quantity <= count)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('a crossing that hangs on a group waits on it while the batches do not say who is in them', () => {
    const plan = planAgreement(jan());
    expect(of(plan, 'rafah', 'open-crossing')).toEqual([]);
    expect(plan.waiting).toContainEqual({
      provision: 'rafah',
      on: { provision: 'exchange', group: 'all-women' },
      reason: 'mix-unknown',
      text: 'once all women are released',
    });
  });
  it('with the counts known it opens the day after the group completes, with patients per direction', () => {
    const plan = planAgreement(jan(), {
      counts: { 'exchange.women': 5, 'exchange.soldiers': 2, 'exchange.others': 26 },
    });
    // In the order listed: 5 women and 2 soldiers are the first 7, handed over by day 7.
    const open = of(plan, 'rafah', 'open-crossing')[0]!;
    expect(open.day).toBe(8);
    expect(open.window).toEqual({ from: '09:00', to: '15:00' });
    expect(of(plan, 'rafah', 'let-cross')[0]).toMatchObject({
      day: 8,
      quantity: 50,
      unit: 'patient',
      direction: 'out',
    });
  });
  it('with batch categories stated, the group completes where they say', () => {
    const a = withProvision(jan(), 'exchange', (p) => {
      if (
        p.kind !== 'exchange' ||
        p.release.cadence === 'daily' ||
        !p.release.cadence ||
        !('schedule' in p.release.cadence)
      )
        return p;
      p.release.cadence.schedule = [
        { day: 1, count: 3, categories: { women: 3 } },
        { day: 7, count: 4, categories: ['women', 'soldiers'] },
        { count: 26, from: { day: 8 }, by: { day: 42 }, categories: ['others'] },
      ];
      return p;
    });
    expect(of(planAgreement(a), 'rafah', 'open-crossing')[0]!.day).toBe(8);
  });
  it('an unknown group is refused where it is named, listing the groups there are', () => {
    const a = withProvision(jan(), 'rafah', (p) => ({
      ...p,
      condition: { provision: 'exchange', group: 'women-all' },
    }));
    const [e] = checkAgreement(a).errors;
    expect(e).toMatchObject({ code: 'unknown-group', path: ['provisions', 1, 'condition', 'group'] });
    expect(e!.message).toContain('"all-women"');
  });
});

/** The pause fixture as two phases of the given lengths, the second after the first, with these terms. */
const twoPhases = (first: number, second: number, provisions: Provision[]): Agreement =>
  pause({
    phases: [
      { id: 'pause', title: 'P1', start: { day: 1 }, lengthDays: first },
      { id: 'two', title: 'P2', start: { afterPhase: 'pause' }, lengthDays: second },
    ],
    provisions,
  });

describe('days, zones, roles, milestones, preconditions', () => {
  it('a day counted from the agreement falls in a later phase day ("by day 50" in a 42-day phase)', () => {
    const a = twoPhases(42, 42, [
      {
        id: 'philadelphi',
        kind: 'withdrawal',
        phase: 'pause',
        party: 'a',
        zones: [{ id: 'corridor', name: 'Corridor' }],
        byDay: { agreementDay: 50 },
        throughPhase: 'two',
      },
    ]);
    expect(checkAgreement(a).errors).toEqual([]);
    // Without saying that it spans phase two, day 50 is after its phase: refused, saying how to fix.
    const p0 = a.provisions[0]!;
    const inOne = { ...a, provisions: [{ ...p0, throughPhase: undefined }] };
    expect(checkAgreement(inOne).errors[0]).toMatchObject({
      code: 'day-after-phase-end',
      path: ['provisions', 0, 'byDay'],
    });
    expect(checkAgreement(inOne).errors[0]!.message).toContain('throughPhase');
    expect(of(planAgreement(a), 'philadelphi', 'withdraw')[0]).toMatchObject({ day: 50, date: '2024-01-12' });
  });
  it('extending one pause zone moves the zones after it', () => {
    const a = pause({
      provisions: [
        {
          id: 'polio',
          kind: 'localized-pause',
          phase: 'pause',
          parties: ['a', 'b'],
          window: { from: '06:00', to: '15:00' },
          extensionDays: 1,
          zones: [
            { id: 'centre', name: 'Centre', fromDay: 1, days: 1 },
            { id: 'south', name: 'South', fromDay: 2, days: 1 },
          ],
        },
      ],
    });
    const days = (plan: Plan, zone: string) => [
      ...new Set(
        of(plan, 'polio', 'pause')
          .filter((o) => o.destination === zone)
          .map((o) => o.day),
      ),
    ];
    expect(days(planAgreement(a), 'south')).toEqual([2]);
    const extended = planAgreement(a, { extend: { centre: 1 } });
    expect(days(extended, 'centre')).toEqual([1, 2]);
    expect(days(extended, 'south')).toEqual([3]);
    expect(() => planAgreement(a, { extend: { centre: 2 } })).toThrow(/at most 1 day/);
  });
  it('a party may hold several roles, and a holding group names its side', () => {
    const a = ceasefire({
      parties: [...ceasefire().parties, { id: 'g', name: 'Second group', role: 'party', side: 'b' }],
    });
    expect(checkAgreement(a).errors).toEqual([]);
    const wrong = ceasefire({
      parties: [...ceasefire().parties, { id: 'g', name: 'G', role: 'party', side: 'm' }],
    });
    expect(checkAgreement(wrong).errors[0]).toMatchObject({
      code: 'wrong-role',
      path: ['parties', 4, 'side'],
    });
  });
  it('a milestone with a known date is placed on it; preconditions of the whole are shown, not planned', () => {
    const plan = planAgreement(ceasefire());
    // It names no party: a dated fact on the calendar, not an obligation.
    expect(of(plan, 'force', 'reach-milestone')).toEqual([]);
    expect(plan.days.flatMap((d) => d.dates ?? [])).toEqual([
      expect.objectContaining({ provision: 'force', date: '2027-12-31' }),
    ]);
    expect(plan.days.find((d) => d.date === '2027-12-31')?.dates?.[0]?.provision).toBe('force');
    // Naming a party makes the same date that party's deadline.
    const owed = planAgreement(
      withProvision(ceasefire(), 'force', (p) => (p.kind === 'milestone' ? { ...p, parties: ['a'] } : p)),
    );
    expect(of(owed, 'force', 'reach-milestone')[0]).toMatchObject({ date: '2027-12-31', party: 'a' });
    expect(plan.preconditions).toEqual([{ text: 'The war stops completely.' }]);
    expect(plan.days.length).toBeLessThan(60);
  });
  it('a deadline that names no day and no moment is refused', () => {
    const a = withProvision(ceasefire(), 'pullback', (p) => {
      if (p.kind === 'withdrawal') delete p.byDay;
      return p;
    });
    expect(checkAgreement(a).errors[0]).toMatchObject({ code: 'deadline-missing', path: ['provisions', 0] });
  });
});

describe('a term that spans phases', () => {
  it('runs its daily quota from its phase through the end of the later one', () => {
    const a = twoPhases(4, 3, [
      {
        id: 'aid',
        kind: 'aid',
        phase: 'pause',
        throughPhase: 'two',
        party: 'a',
        perDay: [{ id: 'trucks', quantity: 100, unit: 'truck' }],
      },
      { id: 'calm', kind: 'cessation', phase: 'pause', throughPhase: 'two', parties: ['a', 'b'] },
    ]);
    expect(checkAgreement(a).errors).toEqual([]);
    const plan = planAgreement(a);
    expect(of(plan, 'aid', 'admit-aid').map((o) => o.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(plan.standing[0]).toMatchObject({ provision: 'calm', fromDay: 1, toDay: 7 });
    const unknown = { ...a, provisions: a.provisions.map((p) => ({ ...p, throughPhase: 'three' })) };
    expect(checkAgreement(unknown).errors[0]).toMatchObject({
      code: 'unknown-phase',
      path: ['provisions', 0, 'throughPhase'],
    });
  });
});

describe('a deadline on a calendar date', () => {
  const talks = (a: Agreement): Agreement => ({
    ...a,
    provisions: [
      ...a.provisions,
      {
        id: 'talks',
        kind: 'negotiation',
        phase: 'one',
        parties: ['a', 'b'],
        subject: 'phase two',
        due: { date: '2025-10-20', time: '12:00' },
      },
    ],
  });
  it('falls on that date in the agreement’s time zone', () => {
    const [o] = of(planAgreement(talks(ceasefire())), 'talks', 'negotiate');
    expect(o).toMatchObject({ due: '2025-10-20T12:00:00+03:00', day: 11 });
  });
  it('waits, saying why, when the proposal has no start date', () => {
    const plan = planAgreement(talks(ceasefire({ kind: 'proposal', start: undefined })));
    expect(of(plan, 'talks', 'negotiate')).toEqual([]);
    expect(plan.waiting.find((w) => w.provision === 'talks')!.text).toMatch(/no start date/);
  });
});

describe('totals of a figure sources state differently', () => {
  it("say whose each end is: each source's own sum over the days, never added across sources", () => {
    const plan = planAgreement(ceasefire(), { horizon: 10 });
    expect(plan.totals.find((t) => t.category === 'trucks')).toEqual({
      party: 'a',
      category: 'trucks',
      unit: 'truck',
      quantity: 4000,
      quantityMax: 6000,
      bySource: [
        { source: 'COGAT', quantity: 6000 },
        { source: 'one timeline', quantity: 4000 },
      ],
      // Sources differ on the daily figure: the total rests on an uncertain term.
      uncertain: true,
    });
  });
});

describe('indicative spreads', () => {
  const short = (spreadEveryDays?: number) =>
    withProvision(ceasefire(), 'living', (p) => {
      if (p.kind !== 'exchange') return p;
      p.release.cadence = {
        schedule: [
          { count: 20, from: { day: 1 }, by: { day: 4 }, ...(spreadEveryDays ? { spreadEveryDays } : {}) },
        ],
      };
      return p;
    });
  it('are not drawn for a short window (a few days) unless the agreement asks for one', () => {
    const shares = (a: Agreement) => planAgreement(a).days.flatMap((d) => d.indicative);
    expect(shares(short())).toEqual([]);
    expect(shares(short(1)).map((s) => [s.day, s.quantity])).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
    ]);
  });
});
