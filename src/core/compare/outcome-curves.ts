import type { Action, Obligation, Plan, Unit } from '../plan/types.ts';
import { type Phrase, phrase, word } from '../words/phrase.ts';

/** Actions that move people or goods; the others (lists, withdrawals, pauses) have no running count. */
const MOVES: ReadonlySet<Action> = new Set([
  'hand-over',
  'release',
  'admit-aid',
  'deliver-extra',
  'evacuate',
  'let-cross',
]);

const VERB: Partial<Record<Unit, string>> = {
  person: 'persons released by',
  remains: 'remains returned by',
  patient: 'patients let out by',
  companion: 'companions let through by',
  resident: 'residents let through by',
  truck: 'trucks let in by',
  litre: 'litres let in by',
  tent: 'tents delivered by',
  home: 'homes delivered by',
  ship: 'ships let in by',
};

type SeriesUnit =
  | 'person'
  | 'remains'
  | 'patient'
  | 'companion'
  | 'resident'
  | 'truck'
  | 'litre'
  | 'tent'
  | 'home'
  | 'ship';

/** Series order: people first, then goods. */
const UNITS = Object.keys(VERB) as Unit[];

/**
 * Why a cumulative quantity is null: a quantity of the plan is not stated; the plan promises the
 * series but gives it no schedule; or the day is past the last day of a plan that has no such
 * series. (A plan without the series counts 0 over its days: it promises none.)
 */
export type OutcomeGap = 'not-stated' | 'not-scheduled' | 'after-end';

/** The cumulative quantities of one series on one day, under A and under B. */
export interface OutcomePoint {
  day: number;
  /** Cumulative quantity under A; null when A has no such series past its last day, or a quantity is not stated. */
  a: number | null;
  b: number | null;
  /** Why `a` (or `b`) is null: "not stated" and "none" are different things to a reader. */
  aGap?: OutcomeGap;
  bGap?: OutcomeGap;
  /** Cumulative upper bound under A, when A's quantity is a range (e.g. the category mix is unknown). */
  aMax?: number | null;
  bMax?: number | null;
}

/** One running count: what one party moves, in one unit ("persons released by hamas"). */
export interface OutcomeSeries {
  /** `${party}:${unit}` */
  key: string;
  party: string;
  unit: Unit;
  /** What the series counts, as a code with parameters: each edge words it in its language. */
  line: Phrase;
  /** Deprecated: the series in English ("persons released by hamas"); read `line`. */
  label: string;
  /** A (or B) has no such series at all: it promises none (0 over its days). */
  aNone?: boolean;
  bNone?: boolean;
  /** Some quantity in A (or B) is a floor ("at least"). */
  aAtLeast?: boolean;
  bAtLeast?: boolean;
  points: OutcomePoint[];
}

export interface OutcomeCurves {
  /** The last day of the longer plan; points run from day 1 to here. */
  lastDay: number;
  series: OutcomeSeries[];
}

interface Running {
  quantity: (number | null)[];
  max: (number | null)[];
  ranged: boolean;
  atLeast: boolean;
}

function seriesKey(o: Obligation): string | null {
  // A quota that is part of another (50 fuel trucks of the 600) is already counted in its whole.
  // Remains have their own unit, so they are never added to living persons.
  if (!MOVES.has(o.action) || o.unit === undefined || !VERB[o.unit] || o.partOf) return null;
  // People crossing are not releases: their own series, one per direction.
  if (o.action === 'let-cross') return `${o.party}:${o.unit}:${o.direction ?? 'out'}`;
  return `${o.party}:${o.unit}`;
}

/** Cumulative sums by day for every series of one plan, over days 1..lastDay. */
function runningSums(plan: Plan, lastDay: number): Map<string, Running> {
  const perDay = new Map<
    string,
    { q: (number | null)[]; m: (number | null)[]; ranged: boolean; atLeast: boolean }
  >();
  for (const day of plan.days) {
    for (const o of day.obligations) {
      const key = seriesKey(o);
      if (!key || o.day < 1) continue;
      let s = perDay.get(key);
      if (!s) {
        s = { q: Array(lastDay + 1).fill(0), m: Array(lastDay + 1).fill(0), ranged: false, atLeast: false };
        perDay.set(key, s);
      }
      const add = (xs: (number | null)[], n: number | undefined) => {
        xs[o.day] = n === undefined || xs[o.day] === null ? null : xs[o.day]! + n;
      };
      add(s.q, o.quantity);
      add(s.m, o.quantity === undefined ? undefined : (o.quantityMax ?? o.quantity));
      if (o.quantityMax !== undefined) s.ranged = true;
      if (o.atLeast) s.atLeast = true;
    }
  }
  const planLast = plan.days.at(-1)?.day ?? 0;
  const out = new Map<string, Running>();
  for (const [key, s] of perDay) {
    const cumulate = (xs: (number | null)[]) => {
      const sums: (number | null)[] = [];
      let total: number | null = 0;
      for (let day = 1; day <= lastDay; day++) {
        if (total !== null && day <= planLast) total = xs[day] === null ? null : total + xs[day]!;
        sums[day] = total;
      }
      return sums;
    };
    out.set(key, { quantity: cumulate(s.q), max: cumulate(s.m), ranged: s.ranged, atLeast: s.atLeast });
  }
  return out;
}

/**
 * The running totals of two plans, day by day: how many people have gone home, how many trucks
 * have come in, by each day under A and under B. A series that a plan does not have counts 0 over
 * that plan's days and is null past them (null throughout when the plan promises it without a schedule); a series it has keeps its last total past its last day.
 * A quantity that is not stated makes the total unknown (null) from that day on.
 */
export function outcomeCurves(planA: Plan, planB: Plan): OutcomeCurves {
  const lastA = planA.days.at(-1)?.day ?? 0;
  const lastB = planB.days.at(-1)?.day ?? 0;
  const lastDay = Math.max(lastA, lastB);
  const sumsA = runningSums(planA, lastDay);
  const sumsB = runningSums(planB, lastDay);
  const order = (key: string) => UNITS.indexOf(key.split(':')[1] as Unit) + (key.split(':')[2] ? 0.5 : 0);
  const keys = [...new Set([...sumsA.keys(), ...sumsB.keys()])].sort(
    (p, q) => order(p) - order(q) || p.localeCompare(q),
  );
  const series = keys.map((key): OutcomeSeries => {
    const [party, unit, direction] = key.split(':') as [string, Unit, string | undefined];
    const ra = sumsA.get(key);
    const rb = sumsB.get(key);
    const who = { type: 'party' as const, id: party };
    const seriesLine: Phrase = direction
      ? phrase(direction === 'in' ? 'series.crossing-in' : 'series.crossing-out', {
          unit: word('unit', unit),
          party: who,
        })
      : phrase(`series.${unit as SeriesUnit}`, { party: who });
    // A plan that promises the series but cannot schedule it (no cadence stated) has no figure for it.
    const unplacedA = planA.unplaced.some((u) => `${u.party}:${u.unit}` === key);
    const unplacedB = planB.unplaced.some((u) => `${u.party}:${u.unit}` === key);
    const value = (r: Running | undefined, last: number, day: number, max: boolean, unplaced: boolean) =>
      r ? (max ? r.max : r.quantity)[day]! : day <= last && !unplaced ? 0 : null;
    const gap = (r: Running | undefined, last: number, day: number, unplaced: boolean): OutcomeGap =>
      r ? 'not-stated' : unplaced ? 'not-scheduled' : day > last ? 'after-end' : 'not-stated';
    const points: OutcomePoint[] = [];
    for (let day = 1; day <= lastDay; day++) {
      const a = value(ra, lastA, day, false, unplacedA);
      const b = value(rb, lastB, day, false, unplacedB);
      points.push({
        day,
        a,
        b,
        ...(a === null ? { aGap: gap(ra, lastA, day, unplacedA) } : {}),
        ...(b === null ? { bGap: gap(rb, lastB, day, unplacedB) } : {}),
        ...(ra?.ranged ? { aMax: value(ra, lastA, day, true, unplacedA) } : {}),
        ...(rb?.ranged ? { bMax: value(rb, lastB, day, true, unplacedB) } : {}),
      });
    }
    return {
      key,
      party,
      unit,
      line: seriesLine,
      label: direction
        ? `${unit === 'person' ? 'persons' : `${unit}s`} let ${direction === 'in' ? 'in' : 'out'} through a crossing by ${party}`
        : `${VERB[unit]} ${party}`,
      ...(ra || unplacedA ? {} : { aNone: true }),
      ...(rb || unplacedB ? {} : { bNone: true }),
      ...(ra?.atLeast ? { aAtLeast: true } : {}),
      ...(rb?.atLeast ? { bAtLeast: true } : {}),
      points,
    };
  });
  return { lastDay, series };
}

/**
 * The cumulative values of one series by `day` (past the last day, the last values still hold), or
 * undefined for an unknown series or a day before day 1.
 */
export function valueAt(curves: OutcomeCurves, series: string, day: number): OutcomePoint | undefined {
  const s = curves.series.find((x) => x.key === series || x.label === series);
  if (!s || day < 1 || s.points.length === 0) return undefined;
  const point = s.points[Math.min(Math.floor(day), s.points.length) - 1]!;
  return { ...point, day };
}
