import type { ExchangeCategory, ProvisionOf } from '../agreement/types.ts';
import { type Batch, scheduleBatches } from './batches.ts';
import { byTime, obligation, type PlanContext, type When } from './context.ts';
import type { Obligation } from './types.ts';

type Exchange = ProvisionOf<'exchange'>;

/** A batch with the categories its persons come from, once the category mix is known. */
interface Allocation {
  categories: { category: ExchangeCategory; count: number }[] | null;
}

function knownCounts(ctx: PlanContext, exchange: Exchange): Map<string, number> | null {
  const counts = new Map<string, number>();
  for (const c of exchange.release.categories) {
    const n = ctx.counts[`${exchange.id}.${c.id}`] ?? c.count;
    if (n === undefined) return null;
    counts.set(c.id, n);
  }
  return counts;
}

/**
 * Assigns categories to batches in the order the agreement lists them, when every category's
 * count is known and they add up to the batches; otherwise the mix stays unknown.
 */
function allocate(ctx: PlanContext, exchange: Exchange, batches: Batch[]): Allocation[] {
  const counts = knownCounts(ctx, exchange);
  const sum = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : -1;
  const planned = batches.filter((b) => !b.extension).reduce((a, b) => a + (b.count ?? 0), 0);
  if (!counts || sum !== planned || batches.some((b) => b.count === null)) {
    return batches.map(() => ({ categories: null }));
  }
  ctx.notes.push(
    `${exchange.id}: categories assigned to batches in the order the agreement lists them (${exchange.release.categories.map((c) => c.id).join(', ')}).`,
  );
  const queue = exchange.release.categories.map((category) => ({ category, left: counts.get(category.id)! }));
  return batches.map((b) => {
    if (b.extension) return { categories: null };
    let need = b.count!;
    const parts: { category: ExchangeCategory; count: number }[] = [];
    for (const q of queue) {
      if (need === 0) break;
      const take = Math.min(q.left, need);
      if (take > 0) parts.push({ category: q.category, count: take });
      q.left -= take;
      need -= take;
    }
    return { categories: parts };
  });
}

/** Counterpart persons for a batch: exact when the mix (or a single ratio) is known, else a range. */
function counterpartRange(exchange: Exchange, batch: Batch, alloc: Allocation): [number, number] | null {
  if (batch.count === null) return null;
  if (alloc.categories) {
    if (alloc.categories.some((p) => p.category.ratio === undefined)) return null;
    const n = alloc.categories.reduce((a, p) => a + p.count * p.category.ratio!, 0);
    return [n, n];
  }
  const ratios = exchange.release.categories.map((c) => c.ratio);
  if (ratios.some((r) => r === undefined)) return null;
  const rs = ratios as number[];
  return [batch.count * Math.min(...rs), batch.count * Math.max(...rs)];
}

/** The obligations of an exchange: lists, handovers and the counterpart's releases, batch by batch. */
export function exchangeObligations(ctx: PlanContext, exchange: Exchange): Obligation[] {
  const agreementPhase = ctx.agreement.phases.find((p) => p.id === exchange.phase)!;
  const placed = ctx.phases.get(exchange.phase)!;
  const ruled = agreementPhase.extension?.per.provision === exchange.id;
  const batches = scheduleBatches(
    exchange.release,
    agreementPhase.lengthDays ?? null,
    agreementPhase,
    ruled ? placed.extendedBy : 0,
  );
  if (batches.length === 0) {
    for (const party of [exchange.release.party, exchange.counterpart.party]) {
      ctx.unplaced.push({ provision: exchange.id, party, unit: 'person' });
    }
    ctx.notes.push(
      `${exchange.id}: no batch can be placed on the calendar (${exchange.release.cadence ? 'the phase has no length' : 'no cadence is stated'}).`,
    );
  }
  const allocations = allocate(ctx, exchange, batches);
  const { release, counterpart } = exchange;
  const releaseCategory = release.categories.map((c) => c.id).join('+');
  const counterpartCategories = counterpart.categories?.map((c) => c.id).join('+');
  const counterpartCategory = counterpartCategories ?? 'persons';
  const out: Obligation[] = [];
  batches.forEach((batch, i) => {
    const n = i + 1;
    const alloc = allocations[i]!;
    const handover: When = { phaseDay: batch.phaseDay, time: release.handoverBy };
    const count =
      batch.count === null ? 'an unstated number of' : `${batch.atLeast ? 'at least ' : ''}${batch.count}`;
    const mix = alloc.categories?.map((p) => `${p.count} ${p.category.id}`).join(', ');
    const common = { batch: n, ...(batch.extension ? { extension: true } : {}) };
    const lists = release.lists;
    if (lists) {
      const lead = lists.lead;
      const recipients = lists.to ?? [release.to];
      const when: When =
        'hours' in lead
          ? { ...handover, hoursBefore: lead.hours }
          : { phaseDay: batch.phaseDay - 1, time: lead.by ?? '24:00' };
      out.push(
        obligation(ctx, exchange, when, {
          action: 'submit-list',
          party: release.party,
          to: recipients.join('+'),
          ...common,
          description: `List of names for batch ${n} to ${recipients.join(', ')}, ${
            'hours' in lead ? `${lead.hours} h before the handover` : 'the evening before'
          }.`,
        }),
      );
    }
    out.push(
      obligation(ctx, exchange, handover, {
        action: 'hand-over',
        party: release.party,
        to: release.to,
        ...(batch.count !== null ? { quantity: batch.count } : {}),
        ...(batch.atLeast ? { atLeast: true } : {}),
        unit: 'person',
        category: releaseCategory,
        ...(alloc.categories
          ? { mix: alloc.categories.map((p) => ({ category: p.category.id, count: p.count })) }
          : {}),
        ...common,
        description:
          `Batch ${n}: release ${count} persons (${mix ?? releaseCategory}) to ${release.to}` +
          `${exchange.intermediary ? ` through ${exchange.intermediary}` : ''}, ${byTime(release.handoverBy)}.` +
          `${batch.extension ? ' Under the extension rule.' : ''}`,
      }),
    );
    const range = counterpartRange(exchange, batch, alloc);
    const after = counterpart.after === 'handover-confirmed' ? 'confirmed handover' : 'handover';
    out.push(
      obligation(
        ctx,
        exchange,
        { phaseDay: batch.phaseDay },
        {
          action: 'release',
          party: counterpart.party,
          ...(counterpart.to ? { to: counterpart.to } : {}),
          ...(range ? { quantity: range[0] } : {}),
          ...(range && range[1] !== range[0] ? { quantityMax: range[1] } : {}),
          ...(batch.atLeast ? { atLeast: true } : {}),
          unit: 'person',
          category: counterpartCategory,
          ...common,
          ...(counterpart.after ? { condition: `after the ${after} of batch ${n}` } : {}),
          description: `Batch ${n}: release ${describeRange(range, batch.atLeast)} persons${counterpartCategories ? ` (${counterpartCategories})` : ''}${counterpart.order ? `, ${counterpart.order}` : ''}${counterpart.after ? `, after the ${after} of batch ${n}` : ''}.`,
        },
      ),
    );
  });
  return out;
}

function describeRange(range: [number, number] | null, atLeast: boolean | undefined): string {
  if (!range) return 'an unstated number of';
  if (range[0] === range[1]) return `${atLeast ? 'at least ' : ''}${range[0]}`;
  return `${range[0]} to ${range[1]} (depending on the categories released)`;
}
