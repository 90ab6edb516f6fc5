import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/compliance/index.ts';
import { headlineFigures } from '../../../src/core/figures/headline-figures.ts';
import { addDays, dateIn, dayNumber } from './calendar.ts';
import { countScale, cumulativePath, dayScale, niceStep } from './chart-scale.ts';
import { agreementNames, type Localized, nameField } from './names.ts';
import { exampleAgreement, nov2023 } from './nov-2023.test-fixture.ts';
import { timelineOf } from './phase-state.ts';
import { cumulativeSeries, plannedSeries } from './series.ts';

const nov = nov2023();
const after = nov.evaluate('2024-01-01T00:00:00+02:00');

describe('calendar', () => {
  it('takes the date in the agreement time zone', () => {
    expect(dateIn(new Date('2023-11-23T22:30:00Z'), 'Asia/Gaza')).toBe('2023-11-24');
    expect(dateIn(new Date('2023-11-23T22:30:00Z'), 'UTC')).toBe('2023-11-23');
    expect(dayNumber('2023-11-24', '2023-11-30')).toBe(7);
    expect(addDays('2023-11-28', 3)).toBe('2023-12-01');
  });
});

describe('timeline', () => {
  it('runs the Nov 2023 pause as the log records it: extended, ended on the morning of day 8', () => {
    const t = timelineOf(nov.plan, after, new Date('2024-01-01T00:00:00Z'));
    expect(t.startDate).toBe('2023-11-24');
    expect(t.phases).toEqual([{ id: 'pause', fromDay: 1, toDay: 8, recorded: true, ended: true }]);
    expect(t.state).toEqual({ state: 'ended', endDate: '2023-12-01', today: 39, recorded: true });
  });

  it('is on day 3 of the pause on 26 Nov, and not started the day before it', () => {
    const at = '2023-11-26T10:00:00+02:00';
    expect(timelineOf(nov.plan, nov.evaluate(at), new Date(at)).state).toEqual({
      state: 'running',
      phase: 'pause',
      day: 3,
      today: 3,
      recorded: true,
    });
    const before = '2023-11-23T10:00:00+02:00';
    expect(timelineOf(nov.plan, nov.evaluate(before), new Date(before)).state).toEqual({
      state: 'not-started',
      startDate: '2023-11-24',
      today: 0,
    });
  });

  it('from the plan alone without a log', () => {
    const t = timelineOf(nov.plan, null, new Date('2023-11-25T12:00:00+02:00'));
    expect(t.phases).toEqual([{ id: 'pause', fromDay: 1, toDay: 4, recorded: false, ended: false }]);
    expect(t.state).toMatchObject({ state: 'running', day: 2, recorded: false });
  });

  it("with a log that records no start of the phase it places today, says that it is the plan's reckoning", () => {
    // Jan 2025 judged on 9 Mar 2025 with a log holding nothing: phase 2 by the plan, not on record.
    const { plan } = exampleAgreement('jan-2025-ceasefire');
    const judged = { phases: [] } as unknown as Parameters<typeof timelineOf>[1];
    expect(timelineOf(plan, judged, new Date('2025-03-09T12:00:00+02:00')).state).toMatchObject({
      state: 'running',
      phase: 'phase-2',
      recorded: false,
    });
  });
});

describe('cumulative series', () => {
  const series = cumulativeSeries(after.obligations);
  it('sums the persons each side was to release and did, day by day', () => {
    const hamas = series.find((s) => s.party === 'hamas' && s.unit === 'person')!;
    const israel = series.find((s) => s.party === 'israel' && s.unit === 'person')!;
    expect(hamas.points.at(-1)).toEqual({ day: 7, promised: 80, done: 80 });
    expect(israel.points.at(-1)).toMatchObject({ day: 7, done: 240 });
    expect(hamas.points.map((p) => p.done)).toEqual([13, 26, 39, 50, 60, 70, 80]);
  });

  it('draws what was done on the day it was done, from the evaluation’s counts by day, and nothing after its day', () => {
    const start = '2023-11-24';
    const dateOf = (day: number) => {
      const d = new Date(`${start}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + day - 1);
      return d.toISOString().slice(0, 10);
    };
    // Everything Hamas handed over, recorded on days 2 and 5 only (as if the batches came late).
    const onTheirDay = cumulativeSeries(after.obligations, {
      directions: [
        {
          provision: 'exchange',
          from: 'hamas',
          byDay: [
            { date: dateOf(2), counted: 30 },
            { date: dateOf(5), counted: 50 },
          ],
        },
      ],
      dateOf,
      asOf: dateOf(6),
    });
    const hamas = onTheirDay.find((s) => s.party === 'hamas' && s.unit === 'person')!;
    expect(hamas.points.map((p) => p.done)).toEqual([null, 30, 30, 30, 80, 80, null]);
    // The promise is the plan's, as before.
    expect(hamas.points.map((p) => p.promised)).toEqual(
      series.find((s) => s.key === hamas.key)!.points.map((p) => p.promised),
    );
    // The evaluation's own counts by day, for the Nov 2023 log: the line its obligations give, but
    // for the 2 released outside the formula on day 6 and agreed on day 7 to count toward batch 7,
    // drawn on the day they were released.
    const recorded = cumulativeSeries(after.obligations, {
      directions: after.exchanges.directions,
      dateOf,
      asOf: dateOf(8),
    });
    expect(
      recorded.find((s) => s.party === 'hamas' && s.unit === 'person')!.points.map((p) => p.done),
    ).toEqual([13, 26, 39, 50, 60, 72, 80]);
  });

  it('from a plan alone: what is promised, nothing recorded', () => {
    const { plan } = exampleAgreement('jan-2025-ceasefire');
    const planned = plannedSeries(plan);
    const hamas = planned.find((s) => s.party === 'hamas' && s.unit === 'person')!;
    expect(hamas.recorded).toBe(false);
    expect(hamas.points.at(-1)!.promised).toBe(33);
    expect(hamas.points.every((p) => p.done === null)).toBe(true);
    expect(series.every((s) => s.recorded)).toBe(true);
  });

  it('keeps each aid quota apart', () => {
    const aid = [...new Set(series.filter((s) => s.category !== null).map((s) => s.category))];
    expect(aid.sort()).toEqual(['aid-trucks', 'diesel-egypt', 'fuel-trucks', 'gas-trucks-egypt']);
    // One series per source that gave a figure: its own figures, never added to another source's.
    const trucks = series.filter((s) => s.category === 'aid-trucks');
    expect(trucks.map((s) => s.source)).toEqual(['Hamas', 'UNRWA']);
    expect(trucks[0]!.points.map((p) => p.done)).toEqual([null, 340, null, null, null, null, null]);
    expect(trucks[1]!.points.map((p) => p.done)).toEqual([null, null, null, null, 300, null, null]);
    expect(trucks[0]!.points.at(-1)!.promised).toBe(1400);
  });

  it('draws a quota nobody gave a figure for as a gap, not a line at 0', () => {
    const diesel = series.filter((s) => s.category === 'diesel-egypt');
    expect(diesel).toHaveLength(1);
    expect(diesel[0]!.source).toBeNull();
    expect(diesel[0]!.points.every((p) => p.done === null)).toBe(true);
  });
});

describe('the marks of a day whose figure is approximate or whose number was not disclosed', () => {
  // The Nov 2023 log with Hamas's batch 2 handed over "about 13", its batch 3 with its number not
  // disclosed, and UNRWA's trucks of 28 Nov "about 300".
  const edited = nov2023((e) => {
    const b = e.body as Record<string, unknown>;
    if (e.kind === 'handover.completed' && b.batch === 2) return { ...e, body: { ...b, uncertain: true } };
    if (e.kind === 'handover.completed' && b.batch === 3) {
      const { count: _, ...rest } = b;
      return { ...e, body: { ...rest, undisclosed: true } };
    }
    if (e.kind === 'aid.delivered' && e.source?.name === 'UNRWA')
      return { ...e, body: { ...b, uncertain: true } };
    return e;
  });
  const judged = edited.evaluate('2024-01-01T00:00:00+02:00');
  const start = '2023-11-24';
  const onTheirDay = {
    directions: judged.exchanges.directions,
    dateOf: (day: number) => addDays(start, day - 1),
    asOf: '2023-12-01',
  };
  const marks = (s: { points: { approximate?: true; undisclosed?: true }[] }) =>
    s.points.map((p) => (p.approximate ? 'approximate' : '') + (p.undisclosed ? 'undisclosed' : '') || null);

  it('marks the exchange’s day of an approximate count and the day of a number not disclosed, from the evaluation’s counts by day', () => {
    const hamas = cumulativeSeries(judged.obligations, onTheirDay).find(
      (s) => s.party === 'hamas' && s.unit === 'person',
    )!;
    expect(marks(hamas)).toEqual([null, 'approximate', 'undisclosed', null, null, null, null]);
    // The undisclosed batch adds nothing and is not drawn as 0: the disclosed count runs on.
    expect(hamas.points.map((p) => p.done)).toEqual([13, 26, 26, 37, 47, 59, 67]);
  });

  it('marks the same days from the obligations, where the evaluation gives no counts by day', () => {
    const hamas = cumulativeSeries(judged.obligations).find(
      (s) => s.party === 'hamas' && s.unit === 'person',
    )!;
    expect(marks(hamas).slice(0, 3)).toEqual([null, 'approximate', 'undisclosed']);
  });

  it('marks the day of a source’s approximate figure on that source’s quota chart only', () => {
    const trucks = cumulativeSeries(judged.obligations).filter((s) => s.category === 'aid-trucks');
    expect(trucks.map((s) => [s.source, marks(s)])).toEqual([
      ['Hamas', [null, null, null, null, null, null, null]],
      ['UNRWA', [null, null, null, null, 'approximate', null, null]],
    ]);
  });

  it('marks nothing on the log as published, nor on a plan alone', () => {
    for (const s of [...cumulativeSeries(after.obligations), ...plannedSeries(nov.plan)])
      expect(marks(s).filter(Boolean), s.key).toEqual([]);
  });
});

describe('headline figures', () => {
  const h = headlineFigures(nov.agreement, after);
  it('gives each side’s releases against the plan', () => {
    expect(h.releases.map((r) => [r.party, r.counted, r.outside])).toEqual([
      ['hamas', 80, 25],
      ['israel', 240, 0],
    ]);
    expect(h.releases[0]!.plannedTotal).toBe(h.releases[0]!.dueSoFar);
  });

  it('keeps every source’s aid figure apart, against the quota of the days it covers, never added', () => {
    const trucks = h.quotas.find((q) => q.quota === 'aid-trucks')!;
    expect(trucks).toMatchObject({ unit: 'truck', daysDue: 7, dueSoFar: 1400, daysUnrecorded: 5 });
    expect(trucks.sources).toEqual([
      { source: 'Hamas', quantity: 340, days: ['2023-11-25'], quota: 200, daysReached: 1 },
      { source: 'UNRWA', quantity: 300, days: ['2023-11-28'], quota: 200, daysReached: 1 },
    ]);
  });

  it('leaves a quota nobody gave a figure for unrecorded, not 0', () => {
    const diesel = h.quotas.find((q) => q.quota === 'diesel-egypt')!;
    expect(diesel).toMatchObject({ unit: 'litre', uncertain: true, daysDue: 7, dueSoFar: 910000 });
    expect(diesel.daysUnrecorded).toBe(7);
    expect(diesel.sources).toEqual([]);
  });
});

describe('chart scale', () => {
  it('rounds the top to a nice step and maps counts onto pixels', () => {
    expect(niceStep(77, 4)).toBe(20);
    expect(niceStep(1400, 4)).toBe(500);
    const y = countScale(77, [100, 0]);
    expect(y.domain).toEqual([0, 80]);
    expect(y.ticks).toEqual([0, 20, 40, 60, 80]);
    expect(y(0)).toBe(100);
    expect(y(40)).toBe(50);
    expect(countScale(0, [10, 0]).domain).toEqual([0, 1]);
  });

  it('maps days as intervals and draws cumulative steps from zero', () => {
    const x = dayScale(7, [0, 70]);
    expect([x(0), x(0.5), x(7)]).toEqual([0, 5, 70]);
    expect(dayScale(0, [5, 50])(1)).toBe(50);
    const rtl = dayScale(2, [100, 0]);
    expect([rtl(0), rtl(2)]).toEqual([100, 0]);
    const y = (v: number) => 100 - v;
    expect(
      cumulativePath(
        [
          { day: 1, value: 10 },
          { day: 2, value: 30 },
        ],
        dayScale(2, [0, 20]),
        y,
      ),
    ).toBe('M0,100V90H10V70H20');
    expect(cumulativePath([], x, y)).toBe('');
  });
});

describe('every example agreement, with an empty log', () => {
  it('gives a timeline, series and headline figures without failing', () => {
    for (const id of [
      'jan-2025-ceasefire',
      'nov-2023-pause',
      'feb-2024-counter-proposal',
      'may-2024-proposal',
      'all-for-all-position',
      'vaccination-pauses-2024',
      'oct-2025-ceasefire',
    ]) {
      const { agreement, plan } = exampleAgreement(id);
      const at = '2025-02-01T12:00:00+02:00';
      const evaluation = plan.start ? evaluate(agreement, [], at) : null;
      const t = timelineOf(plan, evaluation, new Date(at));
      // Phases that follow an open-ended one have no days to draw; an open-ended one is drawn to its
      // horizon and says it has no fixed end.
      expect(
        t.phases.map((p) => p.id),
        id,
      ).toEqual(
        plan.phases.filter((p) => p.startDay !== null && (p.endDay ?? p.plannedTo) !== null).map((p) => p.id),
      );
      for (const p of t.phases) {
        expect(p.openEnded ?? false, `${id} ${p.id}`).toBe(plan.phases.find((x) => x.id === p.id)!.openEnded);
      }
      if (!evaluation) continue;
      const h = headlineFigures(agreement, evaluation);
      expect(
        h.releases.every((r) => r.counted === null),
        id,
      ).toBe(true);
      expect(
        cumulativeSeries(evaluation.obligations).every((s) => s.points.every((p) => p.done === null)),
        id,
      ).toBe(true);
    }
  });

  it('counts the day of the phase, as the day pages do, not of the agreement (Jan 2025, phase 2 from day 43)', () => {
    const { plan } = exampleAgreement('jan-2025-ceasefire');
    // Day 50 of the agreement (19 Jan 2025 is its day 1) is day 8 of phase 2.
    expect(timelineOf(plan, null, new Date('2025-03-09T12:00:00+02:00')).state).toEqual({
      state: 'running',
      phase: 'phase-2',
      day: 8,
      today: 50,
      recorded: false,
    });
  });

  it('says no phase runs between a phase recorded ended early and the next one planned', () => {
    const { plan } = exampleAgreement('jan-2025-ceasefire');
    const evaluation = {
      phases: [
        {
          phase: 'phase-1',
          startedAt: '2025-01-19T08:30:00+02:00',
          endedAt: '2025-02-17T00:00:00+02:00',
          plannedEnd: '2025-03-02T00:00:00+02:00',
        },
      ],
    } as unknown as Parameters<typeof timelineOf>[1];
    expect(timelineOf(plan, evaluation, new Date('2025-02-20T12:00:00+02:00')).state).toEqual({
      state: 'between',
      phase: 'phase-2',
      today: 33,
    });
  });

  it('places Jan 2025 on day 14 of phase 1 on 1 Feb 2025, by the plan', () => {
    const { plan } = exampleAgreement('jan-2025-ceasefire');
    expect(timelineOf(plan, null, new Date('2025-02-01T12:00:00+02:00')).state).toEqual({
      state: 'running',
      phase: 'phase-1',
      day: 14,
      today: 14,
      recorded: false,
    });
  });
});

describe('names of ids in the chosen script', () => {
  const names = agreementNames(nov.agreement);
  const ar = (v: Localized) => (typeof v === 'string' ? v : (v.ar ?? v.en));
  it('names parties, provisions and categories in Arabic where the agreement does', () => {
    expect(nameField(names, 'to', 'israel', ar)).toBe('إسرائيل');
    expect(nameField(names, 'via', 'icrc', ar)).toBe('اللجنة الدولية للصليب الأحمر');
    expect(nameField(names, 'category', 'women+minors-under-19', ar)).toBe('نساء + أطفال دون 19 عامًا');
    expect(nameField(names, 'provision', 'exchange', ar)).toBe('الإفراج عن الرهائن والأسرى');
  });

  it('leaves unknown ids and other fields as they are', () => {
    expect(nameField(names, 'to', 'nobody', ar)).toBe('nobody');
    expect(nameField(names, 'reason', 'israel', ar)).toBe('israel');
    expect(nameField(names, 'against', 'israel, hamas', ar)).toBe('إسرائيل, حماس');
  });

  it('names an actor by the party it acts for, else by its registered name; a phase by its title', () => {
    const withActors = agreementNames(nov.agreement, [
      { actor: 'hamas', name: 'Hamas (demo key)', party: 'hamas' },
      { actor: 'icrc', name: 'International Committee of the Red Cross (demo key)' },
      { actor: 'monitor', name: 'Monitor (demo key)' },
    ]);
    expect(nameField(withActors, 'actor', 'hamas', ar)).toBe('حماس');
    // An actor with the id of a party is that party.
    expect(nameField(withActors, 'actor', 'icrc', ar)).toBe('اللجنة الدولية للصليب الأحمر');
    expect(nameField(withActors, 'actor', 'monitor', ar)).toBe('Monitor (demo key)');
    expect(nameField(withActors, 'actor', 'unregistered', ar)).toBe('unregistered');
    const phase = nov.agreement.phases[0]!;
    expect(nameField(withActors, 'phase', phase.id, ar)).toBe(ar(phase.title));
  });

  it('names places given in several scripts (Jan 2025 zones and crossings)', () => {
    const jan = agreementNames(exampleAgreement('jan-2025-ceasefire').agreement);
    const places = [...jan.keys()].filter((k) => k.startsWith('place:'));
    expect(places.length).toBeGreaterThan(0);
  });
});
