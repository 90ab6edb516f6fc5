import type { ObligationStatus } from '../../../src/core/compliance/types.ts';
import type { Obligation, Plan, Unit } from '../../../src/core/plan/types.ts';

/** Promised and done, summed day by day, for one party and one kind of thing. */
export interface CumulativeSeries {
  key: string;
  provision: string;
  party: string;
  unit: Unit;
  /** The aid quota (e.g. aid-trucks) for aid; null for persons of an exchange. */
  category: string | null;
  points: { day: number; promised: number; done: number }[];
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

/**
 * Cumulative promised and done per day from the obligations of an evaluation (the effective plan,
 * extensions included). `done` counts only what the evaluation credits; an obligation not yet due
 * adds to what is promised on its day.
 */
export function cumulativeSeries(obligations: readonly ObligationStatus[]): CumulativeSeries[] {
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
    const promisedByDay = new Array<number>(lastDay + 1).fill(0);
    const doneByDay = new Array<number>(lastDay + 1).fill(0);
    for (const o of list) {
      const d = o.obligation.day;
      if (d < 1) continue;
      promisedByDay[d]! += required(o);
      doneByDay[d]! += o.status === 'not-yet-due' ? 0 : (o.done ?? 0);
    }
    let promised = 0;
    let done = 0;
    const points = [];
    for (let day = 1; day <= lastDay; day++) {
      promised += promisedByDay[day]!;
      done += doneByDay[day]!;
      points.push({ day, promised, done });
    }
    out.push({
      key,
      provision: first.provision,
      party: first.party,
      unit: first.unit!,
      category: first.kind === 'exchange' ? null : (first.category ?? null),
      points,
      recorded: true,
    });
  }
  return out;
}

/** What a plan promises, summed day by day, for an agreement or proposal with no log. */
export function plannedSeries(plan: Plan): CumulativeSeries[] {
  const asStatus = (o: Obligation): ObligationStatus => ({
    obligation: o,
    status: 'not-yet-due',
    due: o.due,
    evidence: [],
    explanation: '',
  });
  return cumulativeSeries(plan.days.flatMap((d) => d.obligations.map(asStatus))).map((s) => ({
    ...s,
    recorded: false,
  }));
}
