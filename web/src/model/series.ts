import type { ObligationStatus as Judged } from '../../../src/core/compliance/types.ts';
import type { Obligation, Plan, Unit } from '../../../src/core/plan/types.ts';

/**
 * What a series reads of an obligation's status: the status as judged or as served (its evidence
 * counted), each source's figure by its quantity.
 */
export type ObligationStatus = Pick<Judged, 'obligation' | 'status' | 'required' | 'done'> & {
  figures?: readonly { source: string; quantity: number; uncertain?: true | undefined }[] | undefined;
  /** What it records done adds up a figure recorded as approximate (`approximate.done`). */
  approximate?: { done?: true | undefined } | undefined;
  /** A handover or release it rests on was recorded with its number not disclosed. */
  undisclosed?: true | undefined;
};

/**
 * One day of a series: promised and done summed up to it, and what marks what was done that day:
 * `approximate` when a figure of that day was recorded as approximate ("about 250"), `undisclosed`
 * when an act of that day was recorded with its number not disclosed (not counted, never drawn as
 * 0). Absent when the day's figures are exact and disclosed.
 */
export interface SeriesPoint {
  day: number;
  promised: number;
  done: number | null;
  approximate?: true;
  undisclosed?: true;
}

/**
 * Promised and done, summed day by day, for one party and one kind of thing. `done` is null on a
 * day the record says nothing about (nothing recorded, or not yet due): drawn as a gap, never as 0.
 */
export interface CumulativeSeries {
  key: string;
  provision: string;
  party: string;
  unit: Unit;
  /** The aid quota (e.g. aid-trucks) for aid; null for persons of an exchange. */
  category: string | null;
  /**
   * For a quota, whose figures `done` sums (each source has its own series, never added to
   * another's); null for an exchange, or a quota no source gave a figure for.
   */
  source: string | null;
  points: SeriesPoint[];
  /** False for a plan without a log: nothing is done or not done, only promised. */
  recorded: boolean;
}

const COUNTED_ACTIONS = new Set([
  'hand-over',
  'release',
  'admit-aid',
  'deliver-extra',
  'evacuate',
  'let-cross',
  'allow-return',
]);

function required(o: ObligationStatus): number {
  return o.required ?? o.obligation.quantity ?? 0;
}

/** Whether an obligation adds to a promised-versus-done series. */
export function isCounted(o: ObligationStatus): boolean {
  return COUNTED_ACTIONS.has(o.obligation.action) && o.obligation.unit !== undefined && required(o) > 0;
}

/** The series key of an obligation: exchange persons by party; quotas by party and quota. */
export function seriesKey(o: ObligationStatus): string {
  const ob = o.obligation;
  const category = ob.kind === 'exchange' ? '' : (ob.category ?? '');
  return `${ob.provision}|${ob.party}|${ob.unit}|${category}`;
}

/** An exchange's counts each way by the day they occurred (the evaluation's exchanges.directions). */
export interface CountedByDay {
  provision: string;
  from: string;
  byDay: readonly {
    date: string;
    counted: number;
    undisclosed?: number | undefined;
    uncertain?: true | undefined;
  }[];
}

/** What the exchange charts need to draw what was done on the day it was done. */
export interface DoneOnItsDay {
  directions: readonly CountedByDay[];
  /** The date of an agreement day (day 1 is the start). */
  dateOf(day: number): string;
  /** The day of the evaluation: nothing is drawn as done after it. */
  asOf: string;
}

/**
 * An exchange's points with what was done on the day it occurred (a window batch handed over over
 * weeks, not on its deadline): null before anything is on record, and after the evaluation's day.
 */
function pointsOnTheirDay(
  list: ObligationStatus[],
  lastDay: number,
  counted: CountedByDay,
  done: DoneOnItsDay,
): CumulativeSeries['points'] {
  const planned = points(list, lastDay, nothing, false);
  let k = 0;
  let sum = 0;
  return planned.map((p) => {
    const date = done.dateOf(p.day);
    const marks: Marks = {};
    while (k < counted.byDay.length && counted.byDay[k]!.date <= date) {
      const d = counted.byDay[k++]!;
      sum += d.counted;
      if (d.uncertain) marks.approximate = true;
      if (d.undisclosed) marks.undisclosed = true;
    }
    return k > 0 && date <= done.asOf ? { ...p, done: sum, ...marks } : { ...p, done: null };
  });
}

/** What marks a day's figure: approximate, or a number not disclosed. */
type Marks = Pick<SeriesPoint, 'approximate' | 'undisclosed'>;

/** What was done on one day by the measure of a series, and its marks: done null when nothing is on record for it. */
type DayDone = (list: ObligationStatus[]) => { done: number | null } & Marks;

/** An exchange: the day's recorded counts; null when every obligation of the day is unrecorded. */
const exchangeDone: DayDone = (list) => {
  const recorded = list.filter((o) => o.status !== 'not-yet-due' && o.done !== undefined);
  return {
    done: recorded.length ? recorded.reduce((a, o) => a + (o.done ?? 0), 0) : null,
    ...(recorded.some((o) => o.approximate?.done) ? { approximate: true } : {}),
    ...(list.some((o) => o.undisclosed) ? { undisclosed: true } : {}),
  };
};

/** A quota by one source: that source's own figures of the day; null on a day it gave none. */
const sourceDone =
  (source: string): DayDone =>
  (list) => {
    const figures = list.flatMap((o) => (o.figures ?? []).filter((f) => f.source === source));
    return {
      done: figures.length ? figures.reduce((a, f) => a + f.quantity, 0) : null,
      ...(figures.some((f) => f.uncertain) ? { approximate: true } : {}),
    };
  };

/** Nothing on record by the measure of a series. */
const nothing: DayDone = () => ({ done: null });

function points(
  list: ObligationStatus[],
  lastDay: number,
  dayDone: DayDone,
  carry: boolean,
): CumulativeSeries['points'] {
  const byDay = new Map<number, ObligationStatus[]>();
  for (const o of list) {
    if (o.obligation.day < 1) continue;
    byDay.set(o.obligation.day, [...(byDay.get(o.obligation.day) ?? []), o]);
  }
  let promised = 0;
  let done = 0;
  let any = false;
  const out: CumulativeSeries['points'] = [];
  for (let day = 1; day <= lastDay; day++) {
    const today = byDay.get(day) ?? [];
    promised += today.reduce((a, o) => a + required(o), 0);
    const due = today.filter((o) => o.status !== 'not-yet-due');
    const { done: n, ...marks } = due.length ? dayDone(due) : { done: null };
    if (n !== null) {
      done += n;
      any = true;
    }
    // A day with nothing due keeps an exchange's running count; a day the record is silent on is a gap.
    const shown = n !== null || (carry && any && today.length === 0) ? done : null;
    // A number not disclosed marks its day even when nothing disclosed is drawn on it.
    out.push({ day, promised, done: shown, ...(shown !== null || marks.undisclosed ? marks : {}) });
  }
  return out;
}

/**
 * Cumulative promised and done per day from the obligations of an evaluation (the effective plan,
 * extensions included). `done` counts only what the evaluation credits, and only where something
 * is on record; a quota's figures are summed per source, one series for each.
 */
export function cumulativeSeries(
  obligations: readonly ObligationStatus[],
  done?: DoneOnItsDay,
): CumulativeSeries[] {
  const groups = new Map<string, ObligationStatus[]>();
  for (const o of obligations) {
    if (!isCounted(o)) continue;
    const key = seriesKey(o);
    const list = groups.get(key) ?? [];
    list.push(o);
    groups.set(key, list);
  }
  // The charts run to the last day something counted falls due (not to a milestone years ahead).
  const lastDay = Math.max(0, ...[...groups.values()].flat().map((o) => o.obligation.day));
  const out: CumulativeSeries[] = [];
  for (const [key, list] of groups) {
    const first = list[0]!.obligation;
    const base = {
      provision: first.provision,
      party: first.party,
      unit: first.unit!,
      category: first.kind === 'exchange' ? null : (first.category ?? null),
      recorded: true,
    };
    if (base.category === null) {
      // Done on the day it was done, where the evaluation says (its exchanges' counts by day).
      const counted = done?.directions.find((d) => d.provision === base.provision && d.from === base.party);
      out.push({
        ...base,
        key,
        source: null,
        points: counted
          ? pointsOnTheirDay(list, lastDay, counted, done!)
          : points(list, lastDay, exchangeDone, true),
      });
      continue;
    }
    const sources = [...new Set(list.flatMap((o) => (o.figures ?? []).map((f) => f.source)))].sort();
    if (sources.length === 0)
      out.push({ ...base, key, source: null, points: points(list, lastDay, nothing, false) });
    for (const source of sources)
      out.push({
        ...base,
        key: `${key}|${source}`,
        source,
        points: points(list, lastDay, sourceDone(source), false),
      });
  }
  return out;
}

/** What a plan promises, summed day by day, for an agreement or proposal with no log. */
export function plannedSeries(plan: Plan): CumulativeSeries[] {
  const asStatus = (o: Obligation): ObligationStatus => ({
    obligation: o,
    status: 'not-yet-due',
  });
  return cumulativeSeries(plan.days.flatMap((d) => d.obligations.map(asStatus))).map((s) => ({
    ...s,
    recorded: false,
  }));
}
