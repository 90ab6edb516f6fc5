import { figureRange, isContested, singleValue, statedValues } from '../agreement/figure.ts';
import type { ExchangeCategory, ProvisionOf } from '../agreement/types.ts';
import { statedTotalArg } from '../compliance/stated-total.ts';
import { addDays, daysBetween, isoInZone, localDate } from '../time/zoned-time.ts';
import {
  category,
  commas,
  list,
  NONE,
  num,
  optional,
  type Phrase,
  party,
  phaseRef,
  phrase,
  provisionRef,
  qty,
  quote,
  word,
} from '../words/phrase.ts';
import { type Batch, distribute, scheduleBatches } from './batches.ts';
import { byTime, obligation, type PlanContext, relined, type When, whenEpoch } from './context.ts';
import { hoursAfter, rangeAmount } from './line-parts.ts';
import { type Planned, resolveMoment, whenDay } from './moment.ts';
import type { Obligation, StatedValue, Unit } from './types.ts';

type Exchange = ProvisionOf<'exchange'>;

/** A batch with the categories its persons come from, once the category mix is known. */
interface Allocation {
  categories: { category: ExchangeCategory; count: number }[] | null;
}

function knownCounts(ctx: PlanContext, exchange: Exchange): Map<string, number> | null {
  const counts = new Map<string, number>();
  for (const c of exchange.release.categories) {
    const n = ctx.counts[`${exchange.id}.${c.id}`] ?? singleValue(c.count);
    if (n === undefined) return null;
    counts.set(c.id, n);
  }
  return counts;
}

/**
 * The categories of each batch: as the batch states them, or assigned in the order the agreement
 * lists them when every category's count is known and they add up to the batches; else unknown.
 */
function allocate(ctx: PlanContext, exchange: Exchange, batches: Batch[]): Allocation[] {
  const byId = new Map(exchange.release.categories.map((c) => [c.id, c]));
  const statedMix = (b: Batch): Allocation | null => {
    if (!b.categories || !('counts' in b.categories)) return null;
    const parts = Object.entries(b.categories.counts)
      .filter(([id, n]) => n > 0 && byId.has(id))
      .map(([id, count]) => ({ category: byId.get(id)!, count }));
    return { categories: parts };
  };
  if (batches.every((b) => b.extension || statedMix(b))) {
    return batches.map((b) => statedMix(b) ?? { categories: null });
  }
  const counts = knownCounts(ctx, exchange);
  const sum = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : -1;
  const planned = batches.filter((b) => !b.extension).reduce((a, b) => a + (b.count ?? 0), 0);
  if (!counts || sum !== planned || batches.some((b) => b.count === null)) {
    return batches.map((b) => statedMix(b) ?? { categories: null });
  }
  ctx.notes.push(
    phrase('plan.note.categories-in-order', {
      provision: provisionRef(exchange.id),
      categories: commas(exchange.release.categories.map((c) => category(c.id, exchange.id))),
    }),
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

/** Persons, or remains: a side whose every category is remains counts remains, never persons. */
export function sideUnit(categories: readonly { remains?: boolean }[] | undefined): 'person' | 'remains' {
  return categories?.length && categories.every((c) => c.remains) ? 'remains' : 'person';
}

function rangeLine(range: [number, number] | null, atLeast: boolean | undefined, unit: Unit): Phrase {
  if (!range) return phrase('amount.unstated', { unit: word('unit', unit) });
  return rangeAmount(range[0], range[1], unit, atLeast);
}

/** The counterpart's releases as one lump (numbers without a ratio), when that is how they are stated. */
function lumpCounterpart(exchange: Exchange): { range: [number, number]; figures?: StatedValue[] } | null {
  const { release, counterpart } = exchange;
  if (release.categories.some((c) => c.ratio !== undefined)) return null;
  const cats = counterpart.categories ?? [];
  if (cats.length && cats.every((c) => c.count !== undefined)) {
    const lo = cats.reduce((a, c) => a + figureRange(c.count!)[0], 0);
    const hi = cats.reduce((a, c) => a + figureRange(c.count!)[1], 0);
    return { range: [lo, hi] };
  }
  if (counterpart.total !== undefined) {
    return {
      range: figureRange(counterpart.total),
      ...(isContested(counterpart.total) ? { figures: statedValues(counterpart.total) } : {}),
    };
  }
  return null;
}

/** The obligations of an exchange: lists, handovers and the counterpart's releases, batch by batch. */
export function exchangeObligations(ctx: PlanContext, exchange: Exchange, planned: Planned): Obligation[] {
  const agreementPhase = ctx.agreement.phases.find((p) => p.id === exchange.phase)!;
  const placed = ctx.phases.get(exchange.phase)!;
  const ruled = agreementPhase.extension?.per.provision === exchange.id;
  const batches = scheduleBatches(
    exchange.release,
    agreementPhase.lengthDays ?? null,
    agreementPhase,
    ruled ? placed.extendedBy : 0,
  );
  const { release, counterpart } = exchange;
  const unit = sideUnit(release.categories);
  const counterpartUnit: 'person' | 'remains' = counterpart.categories?.length
    ? sideUnit(counterpart.categories)
    : unit;
  if (batches.length === 0) {
    ctx.unplaced.push({ provision: exchange.id, party: release.party, unit });
    ctx.unplaced.push({ provision: exchange.id, party: counterpart.party, unit: counterpartUnit });
    ctx.notes.push(
      phrase(release.cadence ? 'plan.note.no-batch-no-length' : 'plan.note.no-batch-no-cadence', {
        provision: provisionRef(exchange.id),
      }),
    );
  }
  const allocations = allocate(ctx, exchange, batches);
  const releaseCategory = release.categories.map((c) => c.id).join('+');
  const counterpartCategories = counterpart.categories?.map((c) => c.id).join('+');
  const counterpartCategory = counterpartCategories ?? 'persons';
  const lump = lumpCounterpart(exchange);
  // A side whose every category is remains returns them, never releases them (the rule of core's
  // returnedRemains, which rests on sideUnit): its lines say so.
  const returns = sideUnit(counterpart.categories) === 'remains';
  // Persons released as remains are counted as persons whose remains are handed over.
  const handed = (b: Batch): Phrase => {
    const amount: Phrase =
      b.count === null
        ? phrase('amount.unstated', { unit: word('unit', 'person') })
        : rangeAmount(b.count, b.count, 'person', b.atLeast);
    return unit === 'remains' ? phrase('amount.remains-of', { amount }) : amount;
  };
  const categories = (ids: readonly string[]) =>
    list(
      ids.map((id) => category(id, exchange.id)),
      'comma',
    );
  const out: Obligation[] = [];
  let lastHandover: When | null = null;
  batches.forEach((batch, i) => {
    const n = i + 1;
    const alloc = allocations[i]!;
    let handover: When = { phaseDay: batch.phaseDay, time: release.handoverBy };
    let windowFields: Partial<Obligation> = {};
    if (batch.window) {
      const by = resolveMoment(ctx, exchange, batch.window.by, planned);
      if ('waiting' in by) {
        ctx.waiting.push(by.waiting);
        const on = by.waiting.on;
        ctx.notes.push(
          phrase('plan.note.batch-waits', {
            provision: provisionRef(exchange.id),
            batch: num(n),
            on: on.provision || on.phase === undefined ? provisionRef(on.provision) : phaseRef(on.phase),
          }),
        );
        return;
      }
      handover = by.when;
      windowFields = { ...(by.relativeTo ? { relativeTo: by.relativeTo } : {}) };
      if (batch.window.uncertain) {
        windowFields.uncertain = true;
        windowFields.deadline = 'uncertain';
      }
      windowFields.byDeadline = true;
      const from = batch.window.from && resolveMoment(ctx, exchange, batch.window.from, planned);
      if (from && !('waiting' in from)) {
        const start = opening(ctx, exchange, from.when);
        windowFields.opens = start.at;
        windowFields.opensDay = start.day;
        spread(ctx, exchange, n, batch, start.day, whenDay(ctx, exchange, handover), unit);
      }
    }
    lastHandover = handover;
    const mix = alloc.categories
      ? commas(
          alloc.categories.map((p) =>
            phrase('part.mix-item', { count: num(p.count), category: category(p.category.id, exchange.id) }),
          ),
        )
      : undefined;
    const stated = batch.categories && 'ids' in batch.categories ? batch.categories.ids : undefined;
    // A category of the batch the agreement marks uncertain (its count or its ratio): the batch
    // rests on it, and so does the counterpart's release its ratio counts.
    const held = alloc.categories?.map((p) => p.category.id) ?? stated ?? release.categories.map((c) => c.id);
    const heldUncertain = release.categories.some((c) => c.uncertain && held.includes(c.id));
    const common = { batch: n, ...(batch.extension ? { extension: true } : {}) };
    const lists = release.lists;
    if (lists) {
      const lead = lists.lead;
      const recipients = lists.to ?? [release.to];
      const when: When =
        'hours' in lead
          ? { ...handover, hoursBefore: lead.hours }
          : handover.at !== undefined || handover.atDay !== undefined
            ? { phaseDay: handover.phaseDay - 1, time: lead.by ?? '24:00' }
            : { phaseDay: batch.phaseDay - 1, time: lead.by ?? '24:00' };
      out.push(
        obligation(ctx, exchange, when, {
          action: 'submit-list',
          party: release.party,
          to: recipients.join('+'),
          ...common,
          ...(windowFields.relativeTo ? { relativeTo: windowFields.relativeTo } : {}),
          line: phrase('plan.submit-list', {
            batch: num(n),
            to: commas(recipients.map(party)),
            lead:
              'hours' in lead
                ? phrase('part.hours-before-handover', { hours: qty(lead.hours, 'hour') })
                : phrase('part.evening-before'),
          }),
        }),
      );
    }
    const windowText: Phrase = batch.window
      ? windowFields.opens !== undefined
        ? phrase('part.window-over')
        : phrase('part.window-by')
      : NONE;
    out.push(
      obligation(ctx, exchange, handover, {
        action: 'hand-over',
        party: release.party,
        to: release.to,
        ...(batch.count !== null ? { quantity: batch.count } : {}),
        ...(batch.atLeast ? { atLeast: true } : {}),
        // A side the agreement marks uncertain: every quantity of it carries the ⚠.
        ...(release.uncertain || heldUncertain ? { uncertain: true } : {}),
        unit,
        category: releaseCategory,
        ...(alloc.categories
          ? { mix: alloc.categories.map((p) => ({ category: p.category.id, count: p.count })) }
          : {}),
        ...(stated ? { batchCategories: stated } : {}),
        ...common,
        ...windowFields,
        line: phrase(unit === 'remains' ? 'plan.hand-over-remains' : 'plan.hand-over', {
          batch: num(n),
          amount: handed(batch),
          mix: mix ?? categories(stated ?? release.categories.map((c) => c.id)),
          to: party(release.to),
          through: optional(exchange.intermediary, () =>
            phrase('part.through', { place: party(exchange.intermediary!) }),
          ),
          window: windowText,
          when: windowFields.relativeTo ? hoursAfter(windowFields.relativeTo) : byTime(release.handoverBy),
          extension: batch.extension ? phrase('part.under-extension-rule') : NONE,
        }),
      }),
    );
    if (lump) return;
    const range = counterpartRange(exchange, batch, alloc);
    const after = counterpart.after === 'handover-confirmed' ? 'confirmed handover' : 'handover';
    out.push(
      obligation(
        ctx,
        exchange,
        windowFields.relativeTo || batch.window ? handover : { phaseDay: batch.phaseDay },
        {
          action: 'release',
          party: counterpart.party,
          ...(counterpart.to ? { to: counterpart.to } : {}),
          ...(range ? { quantity: range[0] } : {}),
          ...(range && range[1] !== range[0] ? { quantityMax: range[1] } : {}),
          ...(batch.atLeast ? { atLeast: true } : {}),
          ...(counterpart.uncertain || counterpart.categories?.some((c) => c.uncertain) || heldUncertain
            ? { uncertain: true }
            : {}),
          unit: counterpartUnit,
          category: counterpartCategory,
          ...common,
          ...(windowFields.relativeTo ? { relativeTo: windowFields.relativeTo } : {}),
          ...(counterpart.after ? { condition: `after the ${after} of batch ${n}` } : {}),
          // The agreement gives the release no deadline of its own: the plan takes its batch's.
          deadline: 'derived',
          line: phrase(returns ? 'plan.return-batch' : 'plan.release-batch', {
            batch: num(n),
            amount: rangeLine(range, batch.atLeast, counterpartUnit),
            categories: counterpart.categories?.length
              ? phrase('part.categories', { items: categories(counterpart.categories.map((c) => c.id)) })
              : NONE,
            ...counterpartWay(exchange, returns),
            depending: range && range[0] !== range[1] ? phrase('part.depending') : NONE,
            // The release order is the agreement's own words.
            order: optional(counterpart.order, () =>
              phrase('part.order', { order: quote(counterpart.order!) }),
            ),
            after: counterpart.after
              ? phrase(
                  counterpart.after === 'handover-confirmed'
                    ? 'part.after-confirmed-handover'
                    : 'part.after-handover',
                  {
                    batch: num(n),
                  },
                )
              : NONE,
          }),
        },
      ),
    );
  });
  if (lump) out.push(...lumpRelease(ctx, exchange, lump, lastHandover, planned, counterpartUnit));
  statedTotals(ctx, exchange, out, unit, counterpartUnit);
  return out;
}

function lumpRelease(
  ctx: PlanContext,
  exchange: Exchange,
  lump: { range: [number, number]; figures?: StatedValue[] },
  lastHandover: When | null,
  planned: Planned,
  unit: Unit,
): Obligation[] {
  const { counterpart } = exchange;
  let when = lastHandover;
  let relativeTo: Obligation['relativeTo'];
  if (counterpart.by) {
    const by = resolveMoment(ctx, exchange, counterpart.by, planned);
    if ('waiting' in by) {
      ctx.waiting.push(by.waiting);
      return [];
    }
    when = by.when;
    relativeTo = by.relativeTo;
  }
  if (!when) return [];
  const cats = counterpart.categories ?? [];
  const mix = cats.every((c) => singleValue(c.count) !== undefined)
    ? cats.map((c) => ({ category: c.id, count: singleValue(c.count)! }))
    : undefined;
  const [lo, hi] = lump.range;
  const returns = sideUnit(counterpart.categories) === 'remains';
  const parts = mix?.length
    ? phrase('part.categories', {
        items: list(
          mix.map((m) =>
            phrase('part.mix-item', { count: num(m.count), category: category(m.category, exchange.id) }),
          ),
          'plus',
        ),
      })
    : NONE;
  return [
    obligation(ctx, exchange, when, {
      action: 'release',
      party: counterpart.party,
      ...(counterpart.to ? { to: counterpart.to } : {}),
      quantity: lo,
      ...(hi !== lo ? { quantityMax: hi } : {}),
      unit,
      category: cats.map((c) => c.id).join('+') || 'persons',
      ...(mix?.length ? { mix } : {}),
      ...(lump.figures ? { figures: lump.figures, uncertain: true } : {}),
      ...(counterpart.uncertain || cats.some((c) => c.uncertain) ? { uncertain: true } : {}),
      ...(relativeTo ? { relativeTo } : {}),
      ...(counterpart.after ? { condition: 'after the handovers' } : {}),
      // With no `by`, the lump is due with the last batch: a deadline the plan derived.
      ...(counterpart.by === undefined ? { deadline: 'derived' as const } : {}),
      line: phrase(returns ? 'plan.return-all' : 'plan.release-all', {
        amount: rangeAmount(lo, hi, unit),
        parts,
        ...counterpartWay(exchange, returns),
        after: counterpart.after ? phrase('part.after-handovers') : NONE,
      }),
    }),
  ];
}

/**
 * Where the counterpart's releases go, in the words the pace-setting side's line uses for the same
 * act: to its recipient when the agreement names one, through the exchange's intermediary when it
 * has one (the intermediary is the exchange's, both ways).
 */
function counterpartWay(exchange: Exchange, returns: boolean): { to: Phrase; through: Phrase } {
  const { counterpart } = exchange;
  return {
    to: counterpart.to
      ? phrase(returns ? 'part.return-to' : 'part.release-to', { party: party(counterpart.to) })
      : NONE,
    through: optional(exchange.intermediary, () =>
      phrase('part.through', { place: party(exchange.intermediary!) }),
    ),
  };
}

/** Figures stated for a whole side with their sources, beside what the plan adds up to. */
function statedTotals(ctx: PlanContext, exchange: Exchange, out: Obligation[], unit: Unit, cUnit: Unit) {
  const sum = (action: string, extensions = true) => {
    const os = out.filter((o) => o.action === action && (extensions || !o.extension));
    if (os.length === 0 || os.some((o) => o.quantity === undefined)) return undefined;
    const quantity = os.reduce((a, o) => a + o.quantity!, 0);
    const max = os.reduce((a, o) => a + (o.quantityMax ?? o.quantity!), 0);
    return { quantity, ...(max !== quantity ? { quantityMax: max } : {}) };
  };
  const sides = [
    { total: exchange.release.total, party: exchange.release.party, unit, action: 'hand-over' },
    { total: exchange.counterpart.total, party: exchange.counterpart.party, unit: cUnit, action: 'release' },
  ];
  for (const s of sides) {
    if (s.total === undefined) continue;
    const planned = sum(s.action);
    const stated = statedValues(s.total);
    ctx.stated.push({
      provision: exchange.id,
      party: s.party,
      unit: s.unit,
      stated,
      ...(planned ? { planned } : {}),
    });
    // The stated total is of the original term: batches added under an extension rule are not in it.
    const original = sum(s.action, false);
    if (!original) continue;
    const [lo, hi] = [original.quantity, original.quantityMax ?? original.quantity];
    if (stated.every((v) => v.value >= lo && v.value <= hi)) continue;
    // The batches (and the ratio) add up to another total than the agreement states: each batch of
    // that side rests on the disagreement, so each carries the ⚠ and both totals, neither in the
    // other's place.
    const beside = phrase(
      s.action === 'release' && ratioGiven(exchange) ? 'plan.by-ratio-in-all' : 'plan.planned-in-all',
      {
        planned: rangeAmount(lo, hi, s.unit),
        stated: statedTotalArg(stated),
      },
    );
    out.forEach((o, i) => {
      if (o.action !== s.action || o.extension) return;
      out[i] = {
        ...relined(ctx, o, phrase('plan.beside-stated-total', { line: o.line, beside })),
        uncertain: true,
      };
    });
  }
}

/** Whether the counterpart's releases come from the ratio of a release category. */
function ratioGiven(exchange: Exchange): boolean {
  return exchange.release.categories.some((c) => c.ratio !== undefined);
}

/** When a window opens: a day with no time opens at its start (00:00), not at its end. */
function opening(ctx: PlanContext, exchange: Exchange, when: When): { at: string | null; day: number } {
  const start: When = when.at === undefined && when.time === undefined ? { ...when, time: '00:00' } : when;
  const epoch = whenEpoch(ctx, exchange, start);
  if (epoch === null || !ctx.firstDate) return { at: null, day: whenDay(ctx, exchange, when) };
  const date = localDate(epoch, ctx.timeZone);
  return { at: isoInZone(epoch, ctx.timeZone), day: daysBetween(ctx.firstDate, date) + 1 };
}

/** Indicative shares of a window over its days: drawn to picture it, never judged. */
function spread(
  ctx: PlanContext,
  exchange: Exchange,
  batch: number,
  b: Batch,
  fromDay: number,
  toDay: number,
  unit: Unit,
): void {
  if (b.count === null || toDay < fromDay) return;
  const span = toDay - fromDay + 1;
  // A short window ("within 72 hours") is not spread unless the agreement asks: a picture of a
  // spread over a few days would suggest a pace nobody agreed.
  if (b.window?.spreadEveryDays === undefined && span < 14) return;
  const every = b.window?.spreadEveryDays ?? 7;
  const days: number[] = [];
  for (let d = toDay; d >= fromDay; d -= every) days.unshift(d);
  distribute(b.count, days.length).forEach((quantity, i) => {
    if (quantity === 0) return;
    const day = days[i]!;
    ctx.indicative.push({
      provision: exchange.id,
      batch,
      party: exchange.release.party,
      quantity,
      unit,
      day,
      date: ctx.firstDate ? addDays(ctx.firstDate, day - 1) : null,
    });
  });
}
