import type { ProvisionOf } from '../agreement/types.ts';
import type { BatchRecord } from './exchange-records.ts';

type Exchange = ProvisionOf<'exchange'>;

/**
 * What the counterpart owes for the persons counted under an exchange's ratios: between `min` and
 * `max` (one number when they are equal). `byCategory` when a record said how many of each
 * category were handed over and the categories' ratios differ: what is owed then follows what was
 * recorded, not only the smallest and largest ratio.
 */
export interface Owed {
  min: number;
  max: number;
  byCategory: boolean;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * What is owed for the persons counted in `batches`: per record, by the ratio of each category it
 * names (a handover's count per category, a release's one category) where those add up to the
 * persons counted, else between the smallest and the largest ratio. Null when a category of the
 * releasing side has no ratio (nothing is owed by formula).
 */
export function owedFor(exchange: Exchange, batches: Iterable<BatchRecord>): Owed | null {
  const ratioOf = new Map<string, number>();
  for (const c of exchange.release.categories) {
    if (c.ratio === undefined) return null;
    ratioOf.set(c.id, c.ratio);
  }
  const all = [...ratioOf.values()];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const owed: Owed = { min: 0, max: 0, byCategory: false };
  const add = (count: number, body: Record<string, unknown>) => {
    const said = ratiosSaid(count, body, ratioOf);
    const [low, high] = said ?? [lo, hi];
    if (said && lo !== hi) owed.byCategory = true;
    if (said && said.length === 3) {
      owed.min += said[2];
      owed.max += said[2];
      return;
    }
    owed.min += count * low;
    owed.max += count * high;
  };
  for (const b of batches) {
    for (const h of b.handovers) add(h.count, h.record.body);
    for (const r of b.countedOutside) add(num(r.body.count), r.body);
    // Remains found not to be of a person covered, naming no handover: of any category.
    const excluded = b.findings.filter((f) => f.finding !== 'matches').reduce((a, f) => a + f.count, 0);
    if (excluded > 0) {
      owed.min = Math.max(0, owed.min - excluded * hi);
      owed.max = Math.max(0, owed.max - excluded * lo);
    }
  }
  return owed;
}

/**
 * The ratios a record's own categories allow for `count` persons: [low, high], with the exact
 * sum owed third when its counts per category add up to `count`. Undefined when it names no
 * category, or one the releasing side has no ratio for.
 */
function ratiosSaid(
  count: number,
  body: Record<string, unknown>,
  ratioOf: Map<string, number>,
): [number, number] | [number, number, number] | undefined {
  const per = body.categories;
  if (per && typeof per === 'object' && !Array.isArray(per)) {
    const counts = Object.entries(per as Record<string, unknown>);
    const ratios = counts.map(([c]) => ratioOf.get(c));
    if (counts.length === 0 || ratios.some((r) => r === undefined)) return undefined;
    const rs = ratios as number[];
    const recorded = counts.reduce((a, [, v]) => a + num(v), 0);
    if (recorded === count)
      return [Math.min(...rs), Math.max(...rs), counts.reduce((a, [, v], i) => a + num(v) * rs[i]!, 0)];
    // Fewer counted than the record names (remains found not to be of a person covered, a lower
    // confirmed count): each of the record's categories. More: some of unknown category.
    return count < recorded ? [Math.min(...rs), Math.max(...rs)] : undefined;
  }
  const one = typeof body.category === 'string' ? ratioOf.get(body.category) : undefined;
  return one === undefined ? undefined : [one, one, count * one];
}
