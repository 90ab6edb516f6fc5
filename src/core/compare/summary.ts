import { figureRange, isContested, statedValues } from '../agreement/figure.ts';
import type { Agreement, Figure, Phase, Provision, ProvisionOf, Quota } from '../agreement/types.ts';
import { english } from '../plan/provision-obligations.ts';
import type { Action, Plan } from '../plan/types.ts';
import { matchItems, matchPhases, matchProvisions, type Pair } from './match-items.ts';
import { KIND_WORDS, plural } from './term-words.ts';

/** One headline term, as it reads under A and under B. */
export interface SummaryRow {
  term: string;
  a: string;
  b: string;
  same: boolean;
}

/** Shown when a term is only in the other agreement. */
const NONE = 'none';

function pairName<T extends { id: string }>(pair: Pair<T>): string {
  return pair.a && pair.b && pair.a.id !== pair.b.id ? `${pair.a.id} / ${pair.b.id}` : (pair.a ?? pair.b)!.id;
}

function phaseDuration(plan: Plan, phase: Phase | undefined): string {
  const placed = phase && plan.phases.find((p) => p.id === phase.id);
  if (!placed) return NONE;
  if (placed.openEnded) {
    const from = placed.startDay === null ? ', not placed' : `, from day ${placed.startDay}`;
    return `open-ended${placed.lengthDays === null ? '' : ` (${placed.lengthDays} days stated, then continues)`}${from}`;
  }
  if (placed.lengthDays === null) return 'open';
  const extended = placed.extendedBy
    ? ` (${placed.lengthDays - placed.extendedBy} + ${placed.extendedBy} extended)`
    : '';
  const span = placed.startDay === null ? ', not placed' : `, days ${placed.startDay}–${placed.endDay}`;
  return `${placed.lengthDays} days${extended}${span}`;
}

function totalDuration(plan: Plan): string {
  if (plan.phases.some((p) => p.openEnded)) return 'open-ended';
  if (plan.phases.some((p) => p.endDay === null)) return 'open';
  const first = Math.min(...plan.phases.map((p) => p.startDay!));
  const last = Math.max(...plan.phases.map((p) => p.endDay!));
  return `${last - first + 1} days`;
}

/** What the plan moves under one provision and action: exact, a range, a floor, or "not stated". */
function planned(plan: Plan, provision: string, action: Action, unit: string): string {
  const os = plan.days
    .flatMap((d) => d.obligations)
    .filter((o) => o.provision === provision && o.action === action);
  const stated = os.filter((o) => o.quantity !== undefined);
  if (stated.length === 0) return 'not stated';
  const min = stated.reduce((n, o) => n + o.quantity!, 0);
  const max = stated.reduce((n, o) => n + (o.quantityMax ?? o.quantity!), 0);
  const floor = stated.some((o) => o.atLeast) ? 'at least ' : '';
  const partly = stated.length < os.length ? ' (some batches not stated)' : '';
  return `${floor}${min === max ? min : `${min}–${max}`} ${unit}${partly}`;
}

/** A figure as stated: one number, or each source's value side by side. */
export function figureWords(f: Figure): string {
  if (typeof f === 'number') return String(f);
  return statedValues(f)
    .map((v) => `${v.value} (${v.source})`)
    .join(' or ');
}

function quotaText(q: Quota | undefined): string {
  if (!q) return NONE;
  const where = q.destination ? ` to ${q.destination}` : '';
  const mark = q.uncertain || isContested(q.quantity) ? ' (uncertain)' : '';
  const one = !isContested(q.quantity) && figureRange(q.quantity)[0] === 1;
  return `${q.atLeast ? 'at least ' : ''}${figureWords(q.quantity)} ${one ? q.unit : plural(q.unit)}${where}${mark}`;
}

type Row = (term: string, a: string, b: string) => void;
type Sides<K extends Provision['kind']> = [ProvisionOf<K> | undefined, ProvisionOf<K> | undefined];

function exchangeRows(row: Row, name: string, [a, b]: Sides<'exchange'>, planA: Plan, planB: Plan): void {
  const parties = (f: (x: ProvisionOf<'exchange'>) => string) =>
    [...new Set([a, b].filter((x) => x !== undefined).map(f))].join(' / ');
  const total = (x: ProvisionOf<'exchange'> | undefined, plan: Plan, action: Action) => {
    if (!x) return NONE;
    const cats = action === 'hand-over' ? x.release.categories : (x.counterpart.categories ?? []);
    const unit = cats.length && cats.every((c) => c.remains) ? 'remains' : 'persons';
    const scheduled = planned(plan, x.id, action, unit);
    // An exchange with no cadence is not on the calendar; its stated total still counts here.
    const stated = action === 'hand-over' ? x.release.total : x.counterpart.total;
    if (scheduled === 'not stated' && stated !== undefined)
      return `${figureWords(stated)} ${unit} (stated, not scheduled)`;
    // A total stated apart from what the ratios give stands beside it, with its source.
    if (stated !== undefined && typeof stated !== 'number')
      return `${scheduled}; stated ${figureWords(stated)}`;
    return scheduled;
  };
  row(
    `${name} released by ${parties((x) => x.release.party)}`,
    total(a, planA, 'hand-over'),
    total(b, planB, 'hand-over'),
  );
  row(
    `${name} released by ${parties((x) => x.counterpart.party)}`,
    total(a, planA, 'release'),
    total(b, planB, 'release'),
  );
  for (const c of matchItems(a?.release.categories ?? [], b?.release.categories ?? [])) {
    const ratio = (x: typeof c.a) => (x ? (x.ratio === undefined ? 'not stated' : `${x.ratio} for 1`) : NONE);
    row(`${name} ratio for ${pairName(c)}`, ratio(c.a), ratio(c.b));
  }
  // Categories lined up by what their persons are, whatever each text calls them.
  const meanings = (x: ProvisionOf<'exchange'> | undefined) =>
    (x?.release.categories ?? []).flatMap((c) => (c.meaning ?? []).map((m) => ({ m, c })));
  const all = [...new Set([...meanings(a), ...meanings(b)].map((x) => x.m))];
  for (const m of all) {
    const words = (x: ProvisionOf<'exchange'> | undefined) => {
      if (!x) return NONE;
      const cs = meanings(x).filter((y) => y.m === m);
      if (cs.length === 0) return 'not named';
      return cs
        .map(
          ({ c }) =>
            `${english(c.label)}${c.count !== undefined ? `: ${figureWords(c.count)}` : ''}${c.ratio ? `, ${c.ratio} for 1` : ''}`,
        )
        .join('; ');
    };
    row(`${name} category: ${m}`, words(a), words(b));
  }
}

function aidRows(row: Row, name: string, [a, b]: Sides<'aid'>): void {
  const byPosition = [{ by: 'position' as const, key: (_: Quota, i: number) => String(i) }];
  for (const q of matchItems(a?.perDay ?? [], b?.perDay ?? [], byPosition)) {
    row(`${name} ${pairName(q)} per day`, quotaText(q.a), quotaText(q.b));
  }
  for (const q of matchItems(a?.extra ?? [], b?.extra ?? [], byPosition)) {
    row(`${name} ${pairName(q)} over the phase`, quotaText(q.a), quotaText(q.b));
  }
}

function only<K extends Provision['kind']>(kind: K, p: Provision | undefined): ProvisionOf<K> | undefined {
  return p?.kind === kind ? (p as ProvisionOf<K>) : undefined;
}

/**
 * The headline terms both sides care about, side by side: each phase's duration and the total,
 * each exchange's totals on both sides (from the plans, so extensions count) and its ratios, and
 * the aid and evacuation quotas per day.
 */
export function summarize(a: Agreement, b: Agreement, planA: Plan, planB: Plan): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const row: Row = (term, va, vb) => rows.push({ term, a: va, b: vb, same: va === vb });
  for (const pair of matchPhases(a, b)) {
    row(
      `Phase ${pair.index + 1} (${pairName(pair)}) duration`,
      phaseDuration(planA, pair.a),
      phaseDuration(planB, pair.b),
    );
  }
  row('Total duration', totalDuration(planA), totalDuration(planB));
  for (const pair of matchProvisions(a, b)) {
    const kinds = new Set([pair.a?.kind, pair.b?.kind]);
    const name = `${KIND_WORDS[(pair.a ?? pair.b)!.kind]} (${pairName(pair)})`;
    if (kinds.has('exchange')) {
      exchangeRows(row, name, [only('exchange', pair.a), only('exchange', pair.b)], planA, planB);
    }
    if (kinds.has('aid')) aidRows(row, name, [only('aid', pair.a), only('aid', pair.b)]);
    if (kinds.has('medical-evacuation')) {
      const perDay = (p: Provision | undefined) => {
        const m = only('medical-evacuation', p);
        return m
          ? `${figureWords(m.perDay)} patients${m.uncertain || isContested(m.perDay) ? ' (uncertain)' : ''}`
          : NONE;
      };
      row(`${name} per day`, perDay(pair.a), perDay(pair.b));
    }
  }
  return rows;
}
