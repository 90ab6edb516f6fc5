import type { Path } from './agreement-error.ts';
import { type CheckContext, listIds } from './check-context.ts';
import { contestedFigure } from './check-provisions.ts';
import { figureRange, isContested, statedValues } from './figure.ts';
import type { ProvisionOf, ScheduleEntry } from './types.ts';

type Exchange = ProvisionOf<'exchange'>;

/** Numbers of an exchange that must fit together: counts, totals, ratios, schedule, batch sizes. */
export function checkExchange(ctx: CheckContext, p: Exchange, path: Path): void {
  const uncertain = !!(p.uncertain || p.release.uncertain || p.counterpart.uncertain);
  checkNature(ctx, p, path);
  checkGroups(ctx, p, path);
  contestedFigure(ctx, p.release.total, [...path, 'release', 'total'], 'The release total');
  contestedFigure(ctx, p.counterpart.total, [...path, 'counterpart', 'total'], 'The counterpart total');
  p.release.categories.forEach((c, j) => {
    contestedFigure(ctx, c.count, [...path, 'release', 'categories', j, 'count'], `The count of "${c.id}"`);
  });
  p.counterpart.categories?.forEach((c, j) => {
    contestedFigure(
      ctx,
      c.count,
      [...path, 'counterpart', 'categories', j, 'count'],
      `The count of "${c.id}"`,
    );
  });
  checkCounts(ctx, p, path, uncertain);
  checkCadence(ctx, p, path, uncertain);
}

/** A side lists living persons or remains, never both: remains are never added to the living. */
function checkNature(ctx: CheckContext, p: Exchange, path: Path): void {
  const sides = [
    { cats: p.release.categories, at: [...path, 'release', 'categories'] },
    { cats: p.counterpart.categories ?? [], at: [...path, 'counterpart', 'categories'] },
  ];
  for (const { cats, at } of sides) {
    const remains = cats.filter((c) => c.remains);
    if (remains.length === 0 || remains.length === cats.length) continue;
    const i = cats.findIndex((c) => c.remains);
    ctx.report(
      'remains-with-living',
      `Category "${cats[i]!.id}" is remains, but ${listIds(cats.filter((c) => !c.remains).map((c) => c.id))} are living persons: write the remains as an exchange of their own, so that they are never added to the living.`,
      [...at, i, 'remains'],
      { expected: 'all categories of a side living, or all remains' },
    );
  }
}

function checkGroups(ctx: CheckContext, p: Exchange, path: Path): void {
  const ids = p.release.categories.map((c) => c.id);
  const seen = new Set<string>(ids);
  p.release.groups?.forEach((g, j) => {
    const at = [...path, 'release', 'groups', j];
    if (seen.has(g.id)) {
      ctx.report(
        'duplicate-id',
        `Group id "${g.id}" is already used by a category or group; give it its own id.`,
        [...at, 'id'],
      );
    }
    seen.add(g.id);
    g.categories.forEach((c, k) => {
      if (!ids.includes(c)) {
        ctx.report(
          'unknown-category',
          `Group "${g.id}" names category "${c}", which exchange "${p.id}" does not have. Its categories: ${listIds(ids)}.`,
          [...at, 'categories', k],
          { expected: `one of ${ids.join(', ')}` },
        );
      }
    });
  });
  const cadence = p.release.cadence;
  if (!cadence || cadence === 'daily' || !('schedule' in cadence)) return;
  cadence.schedule.forEach((e, j) => {
    const c = e.categories;
    if (!c) return;
    const named = Array.isArray(c) ? c : Object.keys(c);
    named.forEach((id) => {
      if (!ids.includes(id)) {
        ctx.report(
          'unknown-category',
          `The batch names category "${id}", which exchange "${p.id}" does not have. Its categories: ${listIds(ids)}.`,
          [
            ...path,
            'release',
            'cadence',
            'schedule',
            j,
            'categories',
            ...(Array.isArray(c) ? [named.indexOf(id)] : [id]),
          ],
          { expected: `one of ${ids.join(', ')}` },
        );
      }
    });
    if (!Array.isArray(c)) {
      const sum = Object.values(c).reduce((a, b) => a + b, 0);
      if (sum !== e.count) {
        ctx.report(
          'batch-categories-mismatch',
          `The batch's categories add up to ${sum}, but its count is ${e.count}.`,
          [...path, 'release', 'cadence', 'schedule', j, 'categories'],
          { expected: `counts adding up to ${e.count}` },
        );
      }
    }
  });
}

function checkCounts(ctx: CheckContext, p: Exchange, path: Path, uncertain: boolean): void {
  const { release, counterpart } = p;
  const cats = release.categories;
  const counted = cats.filter((c) => c.count !== undefined);
  const sumKnown = counted.reduce((a, c) => a + figureRange(c.count!)[0], 0);
  const releaseTotal = release.total === undefined ? undefined : figureRange(release.total)[1];
  if (releaseTotal !== undefined && sumKnown > releaseTotal) {
    ctx.report(
      'category-counts-over-total',
      `The category counts add up to ${sumKnown}, more than the release total of ${releaseTotal}.`,
      [...path, 'release', 'categories'],
      { expected: `counts adding up to at most ${releaseTotal}`, warning: uncertain },
    );
    return;
  }
  const total =
    release.total !== undefined && !isContested(release.total)
      ? figureRange(release.total)[0]
      : counted.length === cats.length && counted.every((c) => !isContested(c.count))
        ? sumKnown
        : undefined;
  if (counterpart.total === undefined || total === undefined) return;
  if (cats.some((c) => c.ratio === undefined)) return;
  const at = [...path, 'counterpart', 'total'];
  // A total stated with its sources is a recorded disagreement: shown as information, kept as stated.
  const sourced = typeof counterpart.total !== 'number';
  const extra = sourced ? { info: true } : { warning: uncertain };
  const stated = figureRange(counterpart.total);
  const statedText = statedValues(counterpart.total)
    .map((v) => `${v.value}${v.source ? ` (${v.source})` : ''}`)
    .join(', ');
  const exact =
    counted.length === cats.length && sumKnown === total && counted.every((c) => !isContested(c.count));
  const known = counted.reduce((a, c) => a + figureRange(c.count!)[0] * c.ratio!, 0);
  const rest0 = total - sumKnown;
  const rs = cats.map((c) => c.ratio!);
  const given: [number, number] = exact
    ? [known, known]
    : [known + rest0 * Math.min(...rs), known + rest0 * Math.max(...rs)];
  if (sourced) {
    // A total stated with its sources beside what the ratios give: both are shown, neither is wrong.
    if (stated[0] !== given[0] || stated[1] !== given[1]) {
      const g = given[0] === given[1] ? `${given[0]}` : `${given[0]} to ${given[1]}`;
      ctx.report(
        'figures-differ',
        `The counterpart total is stated as ${statedText}; the categories and their ratios give ${g} for the ${total} released. Both are shown.`,
        at,
        { info: true },
      );
    }
    return;
  }
  if (exact) {
    if (stated[0] !== known || stated[1] !== known) {
      const terms = cats.map((c) => `${figureRange(c.count!)[0]}×${c.ratio}`).join(' + ');
      ctx.report(
        'ratio-mismatch',
        `The counterpart total is ${statedText}, but the categories and their ratios give ${terms} = ${known}.`,
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
  if (stated[1] < lo || stated[0] > hi) {
    ctx.report(
      'ratio-impossible',
      `The counterpart total of ${statedText} cannot be met at these ratios: releasing ${total} persons gives ${lo === hi ? lo : `between ${lo} and ${hi}`}.`,
      at,
      { expected: lo === hi ? String(lo) : `between ${lo} and ${hi}`, ...extra },
    );
  }
}

/** Days of the batches of a spread entry, ending on `toDay` as the planner places them. */
function batchCount(entry: Extract<ScheduleEntry, { everyDays: number }>): number {
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
  const total = release.total === undefined ? undefined : figureRange(release.total)[1];
  if (total !== undefined && min !== undefined && total > 0 && total < min) {
    ctx.report(
      'min-per-batch-unmet',
      `At least ${min} persons per batch cannot be met when only ${total} are released in all.`,
      [...path, 'release', 'minPerBatch'],
      { expected: `at most ${total}` },
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
    if ('by' in entry) {
      if ('day' in entry.by && entry.by.of !== 'agreement')
        afterEnd(entry.by.day, [...at, 'by', 'day'], 'A window is due on');
      return;
    }
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
  if (release.total !== undefined && !isContested(release.total) && sum !== figureRange(release.total)[0]) {
    const t = figureRange(release.total)[0];
    ctx.report(
      'schedule-total-mismatch',
      `The schedule's batches add up to ${sum}, but the release total is ${t}.`,
      [...cadencePath, 'schedule'],
      { expected: `batches adding up to ${t}`, warning: uncertain },
    );
  }
}
