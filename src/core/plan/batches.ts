import { figureRange, singleValue } from '../agreement/figure.ts';
import type { Moment, Phase, ProvisionOf, ScheduleEntry } from '../agreement/types.ts';

/** The categories a batch states: exact counts, or only which categories it holds. */
export type StatedCategories = { counts: Record<string, number> } | { ids: string[] };

/** One batch of an exchange: a phase day and how many persons the pace-setting side releases. */
export interface Batch {
  phaseDay: number;
  /** Null when the agreement gives no number for the batch. */
  count: number | null;
  atLeast?: boolean;
  extension?: boolean;
  categories?: StatedCategories;
  /** A window: the count is due by `by`, from `from`; judged only against `by`. */
  window?: { by: Moment; from?: Moment; spreadEveryDays?: number; uncertain?: boolean };
}

/** Splits `total` into `n` whole parts as equal as possible, larger parts first. */
export function distribute(total: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(total / n);
  const extra = total % n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

function countsOver(days: number[], total: number | undefined, min: number | undefined): Batch[] {
  if (total !== undefined) {
    // A batch of nobody is no batch: with fewer persons than days, the last days have none.
    return distribute(total, days.length)
      .map((count, i) => ({ phaseDay: days[i]!, count }))
      .filter((b) => b.count > 0);
  }
  return days.map((phaseDay) => (min ? { phaseDay, count: min, atLeast: true } : { phaseDay, count: null }));
}

function stated(entry: ScheduleEntry): { categories?: StatedCategories } {
  const c = entry.categories;
  if (c === undefined) return {};
  return { categories: Array.isArray(c) ? { ids: c } : { counts: c } };
}

/** The release total the batches are spread from: a single stated value, else the lowest. */
function releaseTotal(release: ProvisionOf<'exchange'>['release']): number | undefined {
  if (release.total === undefined) return undefined;
  return singleValue(release.total) ?? figureRange(release.total)[0];
}

/**
 * The batches of an exchange over its phase of `lengthDays` (before any extension), then one batch
 * per extra day under the phase's extension rule.
 */
export function scheduleBatches(
  release: ProvisionOf<'exchange'>['release'],
  lengthDays: number | null,
  phase: Phase,
  extraDays: number,
): Batch[] {
  const cadence = release.cadence;
  let batches: Batch[] = [];
  if (cadence === undefined) return batches;
  const total = releaseTotal(release);
  if (cadence === 'daily') {
    if (lengthDays !== null) {
      const days = Array.from({ length: lengthDays }, (_, i) => i + 1);
      batches = countsOver(days, total, release.minPerBatch);
    }
  } else if ('everyDays' in cadence) {
    if (lengthDays !== null) {
      const days: number[] = [];
      for (let d = cadence.firstDay ?? 1; d <= lengthDays; d += cadence.everyDays) days.push(d);
      batches = countsOver(days, total, release.minPerBatch);
    }
  } else {
    for (const entry of cadence.schedule) {
      if ('day' in entry) batches.push({ phaseDay: entry.day, count: entry.count, ...stated(entry) });
      else if ('by' in entry) {
        batches.push({
          phaseDay: 'day' in entry.by && entry.by.of !== 'agreement' ? entry.by.day : 0,
          count: entry.count,
          ...stated(entry),
          window: {
            by: entry.by,
            ...(entry.from ? { from: entry.from } : {}),
            ...(entry.spreadEveryDays ? { spreadEveryDays: entry.spreadEveryDays } : {}),
            ...(entry.uncertain ? { uncertain: true } : {}),
          },
        });
      } else {
        const days: number[] = [];
        for (let d = entry.toDay; d >= entry.fromDay; d -= entry.everyDays) days.unshift(d);
        batches.push(...countsOver(days, entry.count, undefined).map((b) => ({ ...b, ...stated(entry) })));
      }
    }
    // Dated batches in day order; a schedule with windows keeps the file's order.
    if (!batches.some((b) => b.window)) batches.sort((a, b) => a.phaseDay - b.phaseDay);
  }
  if (extraDays > 0 && phase.extension && lengthDays !== null) {
    const steps = extraDays / phase.extension.days;
    const perDay = distribute(steps * phase.extension.per.releases, extraDays);
    for (let i = 0; i < extraDays; i++) {
      batches.push({ phaseDay: lengthDays + i + 1, count: perDay[i]!, extension: true });
    }
  }
  return batches;
}
