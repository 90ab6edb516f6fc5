import { figureRange, isContested, statedValues } from '../agreement/figure.ts';
import type { Agreement, Figure, Phase, Provision, ProvisionOf, Quota } from '../agreement/types.ts';
import {
  category,
  type Line,
  type LineArg,
  line,
  list,
  NONE,
  num,
  party,
  phaseRef,
  place,
  provisionRef,
  qty,
  quote,
  text,
  word,
} from '../lines/line.ts';
import { lineNames } from '../lines/line-names.ts';
import { type LineNames, renderLine } from '../lines/render-line.ts';
import type { Action, Plan } from '../plan/types.ts';
import { matchItems, matchPhases, matchProvisions, type Pair } from './match-items.ts';
import { canonical } from './term-words.ts';

/** One headline term, as it reads under A and under B. */
export interface SummaryRow {
  /** The term and its two values as codes with parameters: each edge words them in its language. */
  lines: { term: Line; a: Line; b: Line };
  /** Deprecated: the term in English (read `lines.term`). */
  term: string;
  /** Deprecated: A's value in English (read `lines.a`). */
  a: string;
  /** Deprecated: B's value in English (read `lines.b`). */
  b: string;
  same: boolean;
}

/** Shown when a term is only in the other agreement. */
const NONE_VALUE = line('value.none');

/** Both sides' names of a matched pair ("Phase 1 / First phase"), or the one name when they are the same. */
function pairArg<T extends { id: string; title?: unknown }>(
  pair: Pair<T>,
  ref: (id: string) => LineArg,
): LineArg {
  const sameName = pair.a?.title !== undefined && canonical(pair.a.title) === canonical(pair.b?.title);
  return pair.a && pair.b && pair.a.id !== pair.b.id && !sameName
    ? list([ref(pair.a.id), ref(pair.b.id)], 'slash')
    : ref((pair.a ?? pair.b)!.id);
}

function phaseDuration(plan: Plan, phase: Phase | undefined): Line {
  const placed = phase && plan.phases.find((p) => p.id === phase.id);
  if (!placed) return NONE_VALUE;
  if (placed.openEnded) {
    return line('value.open-ended-phase', {
      stated:
        placed.lengthDays === null
          ? NONE
          : line('value.stated-then-continues', { days: qty(placed.lengthDays, 'day') }),
      from:
        placed.startDay === null
          ? line('value.not-placed')
          : line('value.from-day', { day: num(placed.startDay) }),
    });
  }
  if (placed.lengthDays === null) return line('value.open');
  return line('value.phase', {
    days: qty(placed.lengthDays, 'day'),
    extended: placed.extendedBy
      ? line('value.extended', {
          base: num(placed.lengthDays - placed.extendedBy),
          extra: num(placed.extendedBy),
        })
      : NONE,
    span:
      placed.startDay === null
        ? line('value.not-placed')
        : line('value.days-span', { from: num(placed.startDay), to: num(placed.endDay!) }),
  });
}

function totalDuration(plan: Plan): Line {
  if (plan.phases.some((p) => p.openEnded)) return line('value.open-ended');
  if (plan.phases.some((p) => p.endDay === null)) return line('value.open');
  const first = Math.min(...plan.phases.map((p) => p.startDay!));
  const last = Math.max(...plan.phases.map((p) => p.endDay!));
  return line('value.amount', { n: qty(last - first + 1, 'day') });
}

/** What the plan moves under one provision and action: exact, a range, a floor, or "not stated". */
function planned(plan: Plan, provision: string, action: Action, unit: string): Line | null {
  const os = plan.days
    .flatMap((d) => d.obligations)
    .filter((o) => o.provision === provision && o.action === action);
  const stated = os.filter((o) => o.quantity !== undefined);
  if (stated.length === 0) return null;
  const min = stated.reduce((n, o) => n + o.quantity!, 0);
  const max = stated.reduce((n, o) => n + (o.quantityMax ?? o.quantity!), 0);
  const amount =
    min !== max
      ? line('value.range', { min: num(min), max: qty(max, unit) })
      : stated.some((o) => o.atLeast)
        ? line('value.at-least', { n: qty(min, unit) })
        : line('value.amount', { n: qty(min, unit) });
  return line('value.planned', {
    amount,
    partly: stated.length < os.length ? line('value.some-batches-not-stated') : NONE,
  });
}

/** A figure as stated: one number, or each source's value side by side (never added). */
export function figureArg(f: Figure): LineArg {
  if (typeof f === 'number') return num(f);
  return list(
    statedValues(f).map((v) =>
      line('value.per-source', { value: num(v.value), source: quote(v.source ?? '') }),
    ),
    'or',
  );
}

/** A figure with its unit: "1,968 persons", or each source's value and the unit. */
function figureUnit(f: Figure, unit: string): Line {
  if (typeof f === 'number') return line('value.amount', { n: qty(f, unit) });
  return line('value.figure-unit', { figure: figureArg(f), unit: word('unit', unit) });
}

function quotaValue(q: Quota | undefined): Line {
  if (!q) return NONE_VALUE;
  const contested = isContested(q.quantity);
  const amount: Line = contested
    ? figureUnit(q.quantity, q.unit)
    : line(q.atLeast ? 'value.at-least' : 'value.amount', { n: qty(figureRange(q.quantity)[0], q.unit) });
  return line('value.quota', {
    amount,
    where: q.destination ? line('value.to-place', { place: place(q.destination) }) : NONE,
    mark: q.uncertain || contested ? line('value.uncertain') : NONE,
  });
}

type Row = (term: Line, a: Line, b: Line) => void;
type Sides<K extends Provision['kind']> = [ProvisionOf<K> | undefined, ProvisionOf<K> | undefined];

function exchangeRows(row: Row, name: Line, [a, b]: Sides<'exchange'>, planA: Plan, planB: Plan): void {
  const parties = (f: (x: ProvisionOf<'exchange'>) => string) =>
    list(
      [...new Set([a, b].filter((x) => x !== undefined).map(f))].map((id) => party(id)),
      'slash',
    );
  const total = (x: ProvisionOf<'exchange'> | undefined, plan: Plan, action: Action): Line => {
    if (!x) return NONE_VALUE;
    const cats = action === 'hand-over' ? x.release.categories : (x.counterpart.categories ?? []);
    const unit = cats.length && cats.every((c) => c.remains) ? 'remains' : 'person';
    const scheduled = planned(plan, x.id, action, unit);
    // An exchange with no cadence is not on the calendar; its stated total still counts here.
    const stated = action === 'hand-over' ? x.release.total : x.counterpart.total;
    if (scheduled === null && stated !== undefined)
      return line('value.stated-not-scheduled', { figure: figureUnit(stated, unit) });
    if (scheduled === null) return line('value.not-stated');
    // A total stated apart from what the ratios give stands beside it, with its source.
    if (stated !== undefined && typeof stated !== 'number')
      return line('value.scheduled-and-stated', { scheduled, stated: figureArg(stated) });
    return scheduled;
  };
  row(
    line('term.released-by', { name, parties: parties((x) => x.release.party) }),
    total(a, planA, 'hand-over'),
    total(b, planB, 'hand-over'),
  );
  row(
    line('term.released-by', { name, parties: parties((x) => x.counterpart.party) }),
    total(a, planA, 'release'),
    total(b, planB, 'release'),
  );
  for (const c of matchItems(a?.release.categories ?? [], b?.release.categories ?? [])) {
    const ratio = (x: typeof c.a) =>
      x
        ? x.ratio === undefined
          ? line('value.not-stated')
          : line('value.ratio', { ratio: num(x.ratio) })
        : NONE_VALUE;
    row(line('term.ratio-for', { name, category: pairArg(c, (id) => category(id)) }), ratio(c.a), ratio(c.b));
  }
  // Categories lined up by what their persons are, whatever each text calls them.
  const meanings = (x: ProvisionOf<'exchange'> | undefined) =>
    (x?.release.categories ?? []).flatMap((c) => (c.meaning ?? []).map((m) => ({ m, c })));
  const all = [...new Set([...meanings(a), ...meanings(b)].map((x) => x.m))];
  for (const m of all) {
    const words = (x: ProvisionOf<'exchange'> | undefined): Line => {
      if (!x) return NONE_VALUE;
      const cs = meanings(x).filter((y) => y.m === m);
      if (cs.length === 0) return line('value.not-named');
      return line('value.amount', {
        n: list(
          cs.map(({ c }) =>
            line('value.category', {
              label: text(c.label),
              count: c.count !== undefined ? line('value.count', { figure: figureArg(c.count) }) : NONE,
              ratio: c.ratio ? line('value.comma-ratio', { ratio: num(c.ratio) }) : NONE,
            }),
          ),
          'semicolon',
        ),
      });
    };
    row(line('term.category', { name, meaning: word('meaning', m) }), words(a), words(b));
  }
}

function aidRows(row: Row, name: Line, [a, b]: Sides<'aid'>): void {
  const byPosition = [{ by: 'position' as const, key: (_: Quota, i: number) => String(i) }];
  const provision = (a ?? b)!.id;
  const quota = (pair: Pair<Quota>) =>
    pairArg(pair, (id) => ({
      type: 'quota',
      id,
      provision: pair.a?.id === id ? (a?.id ?? provision) : (b?.id ?? provision),
    }));
  for (const q of matchItems(a?.perDay ?? [], b?.perDay ?? [], byPosition)) {
    row(line('term.quota-per-day', { name, quota: quota(q) }), quotaValue(q.a), quotaValue(q.b));
  }
  for (const q of matchItems(a?.extra ?? [], b?.extra ?? [], byPosition)) {
    row(line('term.quota-over-phase', { name, quota: quota(q) }), quotaValue(q.a), quotaValue(q.b));
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
  const names: LineNames = lineNames([a, b], 'en');
  const en = (l: Line) => renderLine(l, { lang: 'en', names });
  const row: Row = (term, la, lb) => {
    const [ta, tb] = [en(la), en(lb)];
    rows.push({ lines: { term, a: la, b: lb }, term: en(term), a: ta, b: tb, same: ta === tb });
  };
  for (const pair of matchPhases(a, b)) {
    row(
      line('term.phase-duration', { n: num(pair.index + 1), phase: pairArg(pair, phaseRef) }),
      phaseDuration(planA, pair.a),
      phaseDuration(planB, pair.b),
    );
  }
  row(line('term.total-duration'), totalDuration(planA), totalDuration(planB));
  for (const pair of matchProvisions(a, b)) {
    const kinds = new Set([pair.a?.kind, pair.b?.kind]);
    const name = line('term.provision', {
      kind: word('kind', (pair.a ?? pair.b)!.kind),
      provision: pairArg(pair, provisionRef),
    });
    if (kinds.has('exchange')) {
      exchangeRows(row, name, [only('exchange', pair.a), only('exchange', pair.b)], planA, planB);
    }
    if (kinds.has('aid')) aidRows(row, name, [only('aid', pair.a), only('aid', pair.b)]);
    if (kinds.has('medical-evacuation')) {
      const perDay = (p: Provision | undefined): Line => {
        const m = only('medical-evacuation', p);
        return m
          ? line('value.quota', {
              amount: figureUnit(m.perDay, 'patient'),
              where: NONE,
              mark: m.uncertain || isContested(m.perDay) ? line('value.uncertain') : NONE,
            })
          : NONE_VALUE;
      };
      row(line('term.per-day', { name }), perDay(pair.a), perDay(pair.b));
    }
  }
  return rows;
}
