import type { Path } from './agreement-error.ts';
import type { CheckContext } from './check-context.ts';
import type { ProvisionOf, ScheduleEntry } from './types.ts';

type Exchange = ProvisionOf<'exchange'>;

/** Numbers of an exchange that must fit together: counts, totals, ratios, schedule, batch sizes. */
export function checkExchange(ctx: CheckContext, p: Exchange, path: Path): void {
  const uncertain = !!(p.uncertain || p.release.uncertain || p.counterpart.uncertain);
  checkCounts(ctx, p, path, uncertain);
  checkCadence(ctx, p, path, uncertain);
}

function checkCounts(ctx: CheckContext, p: Exchange, path: Path, uncertain: boolean): void {
  const { release, counterpart } = p;
  const cats = release.categories;
  const counted = cats.filter((c) => c.count !== undefined);
  const sumKnown = counted.reduce((a, c) => a + c.count!, 0);
  if (release.total !== undefined && sumKnown > release.total) {
    ctx.report(
      'category-counts-over-total',
      `The category counts add up to ${sumKnown}, more than the release total of ${release.total}.`,
      [...path, 'release', 'categories'],
      { expected: `counts adding up to at most ${release.total}`, warning: uncertain },
    );
    return;
  }
  const total = release.total ?? (counted.length === cats.length ? sumKnown : undefined);
  if (counterpart.total === undefined || total === undefined) return;
  if (cats.some((c) => c.ratio === undefined)) return;
  const at = [...path, 'counterpart', 'total'];
  const extra = { warning: uncertain };
  const known = counted.reduce((a, c) => a + c.count! * c.ratio!, 0);
  if (counted.length === cats.length && sumKnown === total) {
    if (counterpart.total !== known) {
      const terms = cats.map((c) => `${c.count}×${c.ratio}`).join(' + ');
      ctx.report(
        'ratio-mismatch',
        `The counterpart total is ${counterpart.total}, but the categories and their ratios give ${terms} = ${known}.`,
        at,
        { expected: String(known), ...extra },
      );
    }
    return;
  }
  const rest = total - sumKnown;
  const ratios = cats.map((c) => c.ratio!);
  const lo = known + rest * Math.min(...ratios);
  const hi = known + rest * Math.max(...ratios);
  if (counterpart.total < lo || counterpart.total > hi) {
    ctx.report(
      'ratio-impossible',
      `The counterpart total of ${counterpart.total} cannot be met at these ratios: releasing ${total} persons gives ${lo === hi ? lo : `between ${lo} and ${hi}`}.`,
      at,
      { expected: lo === hi ? String(lo) : `between ${lo} and ${hi}`, ...extra },
    );
  }
}

/** Days of the batches of a spread entry, ending on `toDay` as the planner places them. */
function batchCount(entry: Extract<ScheduleEntry, { fromDay: number }>): number {
  return Math.floor((entry.toDay - entry.fromDay) / entry.everyDays) + 1;
}

function checkCadence(ctx: CheckContext, p: Exchange, path: Path, uncertain: boolean): void {
  const { release } = p;
  const length = ctx.phases.get(p.phase)?.lengthDays;
  const min = release.minPerBatch;
  const cadencePath = [...path, 'release', 'cadence'];
  const afterEnd = (day: number, at: Path, what: string) => {
    if (length !== undefined && day > length) {
      ctx.report(
        'batch-after-phase-end',
        `${what} day ${day}, after the end of phase "${p.phase}", which lasts ${length} days.`,
        at,
        { expected: `a day from 1 to ${length}` },
      );
    }
  };
  if (release.total !== undefined && min !== undefined && release.total > 0 && release.total < min) {
    ctx.report(
      'min-per-batch-unmet',
      `At least ${min} persons per batch cannot be met when only ${release.total} are released in all.`,
      [...path, 'release', 'minPerBatch'],
      { expected: `at most ${release.total}` },
    );
  }
  const cadence = release.cadence;
  if (cadence === undefined || cadence === 'daily') return;
  if ('everyDays' in cadence) {
    if (cadence.firstDay !== undefined)
      afterEnd(cadence.firstDay, [...cadencePath, 'firstDay'], 'The first batch is on');
    return;
  }
  let sum = 0;
  cadence.schedule.forEach((entry, j) => {
    const at = [...cadencePath, 'schedule', j];
    sum += entry.count;
    if ('day' in entry) {
      afterEnd(entry.day, [...at, 'day'], 'A batch is scheduled on');
      if (min !== undefined && entry.count < min) {
        ctx.report(
          'min-per-batch-unmet',
          `This batch of ${entry.count} is below the minimum of ${min} per batch.`,
          [...at, 'count'],
          {
            expected: `at least ${min}`,
          },
        );
      }
      return;
    }
    if (entry.fromDay > entry.toDay) {
      ctx.report(
        'day-range-reversed',
        `fromDay ${entry.fromDay} is after toDay ${entry.toDay}; swap them.`,
        [...at, 'fromDay'],
        {
          expected: `a day no later than ${entry.toDay}`,
        },
      );
      return;
    }
    afterEnd(entry.toDay, [...at, 'toDay'], 'Batches are scheduled until');
    const n = batchCount(entry);
    const smallest = Math.max(1, Math.floor(entry.count / n));
    if (min !== undefined && smallest < min) {
      ctx.report(
        'min-per-batch-unmet',
        `${entry.count} persons over ${n} batches gives batches of ${smallest}, below the minimum of ${min} per batch.`,
        [...at, 'count'],
        { expected: `at least ${min * n}` },
      );
    }
  });
  if (release.total !== undefined && sum !== release.total) {
    ctx.report(
      'schedule-total-mismatch',
      `The schedule's batches add up to ${sum}, but the release total is ${release.total}.`,
      [...cadencePath, 'schedule'],
      { expected: `batches adding up to ${release.total}`, warning: uncertain },
    );
  }
}
