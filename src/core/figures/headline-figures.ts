import type { StatedFigure } from '../agreement/figure.ts';
import type { Agreement } from '../agreement/types.ts';
import { statedNumber } from '../compliance/stated-total.ts';
import type { Evaluation, ObligationStatus, RecoveredRemains } from '../compliance/types.ts';
import type { Arg, Explanation, Phrase } from '../words/phrase.ts';
import { returnedRemains } from './returned-remains.ts';

/**
 * The headline figures of a log judged against its agreement: the one model the dashboard's home
 * and agreement pages, the report, the CLI and the API all show. Nothing is merged: each source's
 * aid figures are summed over its own days only, and a figure nobody recorded is absent (null),
 * never 0.
 */
export interface HeadlineFigures {
  asOf: string;
  releases: ReleaseFigure[];
  quotas: QuotaFigure[];
  /**
   * Remains recovered without a handover, one record each, as recorded (never added to a return,
   * never summed: a report may give a running total). Absent when none is recorded.
   */
  recovered?: RecoveredFigure[];
}

/** One record of remains recovered without a handover under an exchange: who, how many, when, whose report. */
export interface RecoveredFigure extends RecoveredRemains {
  provision: string;
}

/**
 * Persons released by one side of an exchange (or, for a side that hands over remains, the remains
 * it returns) against what the plan asks by now and in all.
 */
export interface ReleaseFigure {
  provision: string;
  party: string;
  to: string;
  /**
   * The categories this side hands over when every one is remains (see returnedRemains): the
   * figure counts remains returned, never persons released. Absent for living persons.
   */
  remains?: string[];
  /**
   * Counted under the formula; null when nothing at all was recorded for this side, or when what was
   * recorded gave no number (only records whose number was not disclosed): never 0 for those.
   */
  counted: number | null;
  /** Handovers or releases recorded with their number not disclosed: beside `counted`, never in it. */
  undisclosed?: number;
  /**
   * `counted` adds up a figure recorded as approximate ("about 250", `uncertain: true` on its event):
   * shown with ⚠. Absent when every figure counted is exact.
   */
  countedUncertain?: true;
  outside: number;
  /** The same for `outside`. */
  outsideUncertain?: true;
  /** Required by obligations already due. */
  dueSoFar: number;
  /** The most they may require, when that is a range (`dueSoFar` the least): "990–1,650". */
  dueSoFarMax?: number;
  /** Required by every obligation of the effective plan. */
  plannedTotal: number;
  /** The most it may require, when that is a range (`plannedTotal` the least). */
  plannedTotalMax?: number;
  /**
   * When nothing of the plan is due yet (`dueSoFar` 0) and every obligation counted in
   * `plannedTotal` has a deadline: the last of them, in the agreement's time zone. The figure is
   * then read against it ("70 of the 181 due by 17 Apr 00:00"), never "ahead of the 0 in the plan to
   * date", which reads as ahead of schedule.
   */
  dueBy?: { at: string; timeZone: string };
  /**
   * The plan's figures rest on a term the agreement leaves uncertain or that its sources state
   * differently (an obligation counted in them is uncertain): shown with ⚠, as that obligation is.
   */
  uncertain: boolean;
  /**
   * The disputes of the records counted in `counted`, as the obligations judged say them (who
   * recorded what, who disputes it and with what figure): shown beside the count, never in its place.
   * Empty when none is disputed.
   */
  disputes: Explanation;
  /** The total the agreement states for this side, each value with its source, beside the plan's figure. */
  statedTotal?: StatedFigure[];
  /** What the ratio gives for this side in all (15 × 28 = 420), when it gives one number. */
  byRatio?: number;
}

/** One source's own figures for one aid quota, summed over the days it reported on. */
export interface SourceFigure {
  source: string;
  quantity: number;
  /** The days this source gave a figure for (yyyy-mm-dd), in order. */
  days: string[];
  /** What the quota asked on those days. */
  quota: number;
  /** Of those days, how many this source's figure reaches the day's quota. */
  daysReached: number;
  /** A figure summed in `quantity` was recorded as approximate: shown with ⚠. */
  uncertain?: true;
}

/** An aid quota (one per-day entry of an aid provision) and what each source says of it. */
export interface QuotaFigure {
  provision: string;
  quota: string;
  unit: string;
  category: string | null;
  uncertain: boolean;
  /** What the quota asked over the days already due (the lowest stated value when sources differ). */
  dueSoFar: number;
  /** The same with the highest stated value, when the sources of the quota differ. */
  dueSoFarMax?: number;
  /** Days already due. */
  daysDue: number;
  /** Days already due for which no source gave any figure. */
  daysUnrecorded: number;
  /** Each source apart, never added to another; empty when nothing was recorded. */
  sources: SourceFigure[];
  /** Days on which sources fall on both sides of the quota (the day's status is disputed). */
  daysDisputed: number;
  /** Figures a source gave for a whole period: never spread over its days, shown as given. */
  periods: PeriodFigure[];
}

/** One source's figure for a period ("25,700 trucks from 12 Oct to 7 Dec"), beside what the quota asked then. */
export interface PeriodFigure {
  source: string;
  quantity: number;
  from: string;
  to: string;
  /** What the quota asked on the period's days (lowest stated value), and with the highest. */
  quota: number;
  quotaMax?: number;
  /** The figure was recorded as approximate: shown with ⚠. */
  uncertain?: true;
  evidence: string[];
}

const RELEASE_ACTIONS = new Set(['hand-over', 'release']);

type PerDay = { id: string; unit: string; category?: string; destination?: string; uncertain?: boolean };

function perDayEntries(agreement: Agreement): Map<string, PerDay> {
  const out = new Map<string, PerDay>();
  for (const p of agreement.provisions) {
    // Aid gives a list of quotas; a medical evacuation gives one number (not a quota list).
    const perDay = (p as { perDay?: unknown }).perDay;
    if (!Array.isArray(perDay)) continue;
    for (const q of perDay as PerDay[]) out.set(q.id, q);
  }
  return out;
}

/** Adds to `out` the `disputes` phrases of an explanation, at any depth (each once). */
function disputesIn(arg: Arg | Explanation, out: Phrase[]): void {
  if (Array.isArray(arg)) {
    for (const a of arg) disputesIn(a, out);
    return;
  }
  if ('code' in arg) {
    if (arg.code === 'disputes') {
      if (!out.includes(arg)) out.push(arg);
      return;
    }
    for (const v of Object.values(arg.params as Record<string, Arg>)) disputesIn(v, out);
    return;
  }
  if (arg.type === 'list') for (const a of arg.items) disputesIn(a, out);
}

const required = (o: ObligationStatus) => o.required ?? o.obligation.quantity ?? 0;
/** The most an obligation may require: its judged range's top, else its planned one's, else what it requires. */
const requiredMax = (o: ObligationStatus) =>
  o.required !== undefined
    ? (o.requiredMax ?? o.required)
    : (o.obligation.quantityMax ?? o.obligation.quantity ?? 0);

/**
 * Whether a status is late or overdue against a deadline the agreement does not state firmly (its
 * ⚠ then marks the plan's figure, as before): not the ⚠ of an approximate figure recorded done,
 * which marks the count (`countedUncertain`), never the plan's figure.
 */
const restsOnUncertainDeadline = (o: ObligationStatus) =>
  o.obligation.deadline !== undefined && (o.lateMinutes !== undefined || o.overdueMinutes !== undefined);

function releases(agreement: Agreement, evaluation: Evaluation): ReleaseFigure[] {
  return evaluation.exchanges.directions.map((d) => {
    let dueSoFar = 0;
    let plannedTotal = 0;
    let dueSoFarMax = 0;
    let plannedTotalMax = 0;
    let uncertain = false;
    const disputes: Phrase[] = [];
    // The last deadline of the side's obligations; null once one has none.
    let last: { at: string; ms: number } | null | undefined;
    for (const o of evaluation.obligations) {
      const ob = o.obligation;
      if (ob.provision !== d.provision || ob.party !== d.from || !RELEASE_ACTIONS.has(ob.action)) continue;
      const ms = o.due === null ? null : Date.parse(o.due);
      if (ms === null) last = null;
      else if (last !== null && (last === undefined || ms > last.ms)) last = { at: o.due!, ms };
      plannedTotal += required(o);
      plannedTotalMax += requiredMax(o);
      if (o.status !== 'not-yet-due') {
        dueSoFar += required(o);
        dueSoFarMax += requiredMax(o);
      }
      if (ob.uncertain || restsOnUncertainDeadline(o) || o.approximate?.required) uncertain = true;
      disputesIn(o.explanation, disputes);
    }
    const remains = returnedRemains(agreement, d.provision, d.from);
    return {
      provision: d.provision,
      party: d.from,
      to: d.to,
      ...(remains ? { remains } : {}),
      // A tally with no evidence behind it is the silence of the record, not zero persons.
      counted: d.evidence.length > 0 && !(d.counted === 0 && d.undisclosed) ? d.counted : null,
      ...(d.undisclosed ? { undisclosed: d.undisclosed } : {}),
      ...(d.uncertain ? { countedUncertain: true as const } : {}),
      outside: d.outside,
      ...(d.outsideUncertain ? { outsideUncertain: true as const } : {}),
      dueSoFar,
      ...(dueSoFarMax !== dueSoFar ? { dueSoFarMax } : {}),
      plannedTotal,
      ...(plannedTotalMax !== plannedTotal ? { plannedTotalMax } : {}),
      ...(dueSoFarMax === 0 && plannedTotalMax > 0 && last
        ? { dueBy: { at: last.at, timeZone: agreement.timeZone } }
        : {}),
      uncertain,
      disputes,
      ...(d.statedTotal ? { statedTotal: d.statedTotal } : {}),
      ...(d.byRatio !== undefined ? { byRatio: d.byRatio } : {}),
    };
  });
}

function quotas(agreement: Agreement, evaluation: Evaluation): QuotaFigure[] {
  const entries = perDayEntries(agreement);
  const out = new Map<string, QuotaFigure>();
  for (const o of evaluation.obligations) {
    const ob = o.obligation;
    if (ob.action !== 'admit-aid' || !ob.category) continue;
    const entry = entries.get(ob.category);
    let q = out.get(ob.category);
    if (!q) {
      q = {
        provision: ob.provision,
        quota: ob.category,
        unit: ob.unit ?? entry?.unit ?? '',
        category: entry?.category ?? null,
        uncertain: Boolean(entry?.uncertain || ob.uncertain),
        dueSoFar: 0,
        daysDue: 0,
        daysUnrecorded: 0,
        sources: [],
        daysDisputed: 0,
        periods: [],
      };
      out.set(ob.category, q);
    }
    if (o.status === 'not-yet-due') continue;
    const need = required(o);
    q.dueSoFar += need;
    if (ob.quantityMax !== undefined || q.dueSoFarMax !== undefined)
      q.dueSoFarMax = (q.dueSoFarMax ?? q.dueSoFar - need) + (ob.quantityMax ?? need);
    q.daysDue += 1;
    const figures = o.figures ?? [];
    if (figures.length === 0) q.daysUnrecorded += 1;
    if (o.status === 'disputed') q.daysDisputed += 1;
    for (const f of figures) {
      let s = q.sources.find((x) => x.source === f.source);
      if (!s) {
        s = { source: f.source, quantity: 0, days: [], quota: 0, daysReached: 0 };
        q.sources.push(s);
      }
      s.quantity += f.quantity;
      if (f.uncertain) s.uncertain = true;
      if (ob.date && !s.days.includes(ob.date)) s.days.push(ob.date);
      s.quota += need;
      if (f.quantity >= need) s.daysReached += 1;
    }
  }
  for (const q of out.values()) {
    q.periods = periodsOf(evaluation, q, entries.get(q.quota));
    q.sources.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    for (const s of q.sources) s.days.sort();
  }
  return [...out.values()];
}

/**
 * The period figures that count what a quota counts, each source apart, with the quota of their
 * days: its provision (or none named), unit, category and destination, as a day's figure counts
 * toward it (quota-status.ts). A figure naming no category is not one of a quota that names one,
 * and a figure for one place is not one of a quota for all (nor of another place's).
 */
function periodsOf(evaluation: Evaluation, q: QuotaFigure, entry: PerDay | undefined): PeriodFigure[] {
  const out: PeriodFigure[] = [];
  for (const set of evaluation.figures) {
    if (set.from === set.to || set.unit !== q.unit) continue;
    if (set.provision !== undefined && set.provision !== q.provision) continue;
    if (set.category !== undefined && set.category !== q.quota && set.category !== entry?.category) continue;
    if (set.category === undefined && entry?.category !== undefined) continue;
    if ((set.destination ?? null) !== (entry?.destination ?? null)) continue;
    let quota = 0;
    let quotaMax = 0;
    let ranged = false;
    for (const o of evaluation.obligations) {
      const ob = o.obligation;
      if (ob.action !== 'admit-aid' || ob.category !== q.quota || !ob.date) continue;
      if (ob.date < set.from || ob.date > set.to) continue;
      quota += required(o);
      quotaMax += ob.quantityMax ?? required(o);
      if (ob.quantityMax !== undefined) ranged = true;
    }
    for (const f of set.figures)
      out.push({
        source: f.source,
        quantity: f.quantity,
        from: set.from,
        to: set.to,
        quota,
        ...(ranged ? { quotaMax } : {}),
        ...(f.uncertain ? { uncertain: true as const } : {}),
        evidence: f.evidence,
      });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.source < b.source ? -1 : 1));
}

/** The headline figures of an evaluation: releases (or remains returned) each way, and each aid quota source by source. */
export function headlineFigures(agreement: Agreement, evaluation: Evaluation): HeadlineFigures {
  return {
    asOf: evaluation.asOf,
    releases: releases(agreement, evaluation),
    quotas: quotas(agreement, evaluation),
    ...recoveredFigures(evaluation),
  };
}

function recoveredFigures(evaluation: Evaluation): { recovered?: RecoveredFigure[] } {
  const recovered = evaluation.provisions.flatMap((p) =>
    (p.recovered ?? []).map((r) => ({ provision: p.provision, ...r })),
  );
  return recovered.length ? { recovered } : {};
}

/**
 * Whether more is counted than the plan to date asks, because obligations not yet due are under
 * way: the figure then says it is ahead of the plan to date, with the plan's total beside it.
 */
export function aheadOfPlan(r: ReleaseFigure): boolean {
  return (
    r.dueBy === undefined &&
    r.counted !== null &&
    r.counted > (r.dueSoFarMax ?? r.dueSoFar) &&
    r.plannedTotal > r.dueSoFar
  );
}

/**
 * Whether more is counted than the plan to date asks at most, with nothing more to come by the
 * plan: said "more than the 1,090 to 1,550", never "of" a figure smaller than the count.
 */
export function moreThanPlan(r: ReleaseFigure): boolean {
  return r.counted !== null && r.counted > (r.dueSoFarMax ?? r.dueSoFar) && !aheadOfPlan(r) && r.dueSoFar > 0;
}

/**
 * What a side of an exchange the plan places nothing of on the calendar owes by the agreement:
 * `number` when it states one (its total, or the ratio times the other side's: "1,000"), `stated`
 * when it states several (each with its source, said beside the count), `none` when it states no
 * number at all (left to later talks). Null when the plan places some of it: then the figure is
 * read against the plan ("of", "ahead of", "more than").
 */
export function unplannedTotal(
  r: ReleaseFigure,
): { kind: 'number'; value: number } | { kind: 'stated' } | { kind: 'none' } | null {
  if (r.plannedTotal !== 0 || r.plannedTotalMax !== undefined) return null;
  const value = statedNumber(r);
  if (value !== undefined) return { kind: 'number', value };
  return r.statedTotal?.length ? { kind: 'stated' } : { kind: 'none' };
}
