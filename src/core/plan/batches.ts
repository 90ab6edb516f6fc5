import type { Phase, ProvisionOf } from '../agreement/types.ts';

/** One batch of an exchange: a phase day and how many persons the pace-setting side releases. */
export interface Batch {
  phaseDay: number;
  /** Null when the agreement gives no number for the batch. */
  count: number | null;
  atLeast?: boolean;
  extension?: boolean;
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
  if (cadence === 'daily') {
    if (lengthDays !== null) {
      const days = Array.from({ length: lengthDays }, (_, i) => i + 1);
      batches = countsOver(days, release.total, release.minPerBatch);
    }
  } else if ('everyDays' in cadence) {
    if (lengthDays !== null) {
      const days: number[] = [];
      for (let d = cadence.firstDay ?? 1; d <= lengthDays; d += cadence.everyDays) days.push(d);
      batches = countsOver(days, release.total, release.minPerBatch);
    }
  } else {
    for (const entry of cadence.schedule) {
      if ('day' in entry) batches.push({ phaseDay: entry.day, count: entry.count });
      else {
        const days: number[] = [];
        for (let d = entry.toDay; d >= entry.fromDay; d -= entry.everyDays) days.unshift(d);
        batches.push(...countsOver(days, entry.count, undefined));
      }
    }
    batches.sort((a, b) => a.phaseDay - b.phaseDay);
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
