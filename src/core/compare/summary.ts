import { figureRange, isContested, statedValues } from '../agreement/figure.ts';
import type { Agreement, Figure, Phase, Provision, ProvisionOf, Quota } from '../agreement/types.ts';
import { sideUnit } from '../plan/exchange-obligations.ts';
import type { Action, Plan } from '../plan/types.ts';
import { agreementNames } from '../words/agreement-names.ts';
import {
  type Arg,
  category,
  list,
  NONE,
  num,
  type Phrase,
  party,
  phaseRef,
  phrase,
  place,
  provisionRef,
  qty,
  quote,
  text,
  word,
} from '../words/phrase.ts';
import { type Names, renderPhrase } from '../words/render.ts';
import { matchItems, matchPhases, matchProvisions, type Pair } from './match-items.ts';
import { canonical } from './term-words.ts';

/** One headline term, as it reads under A and under B. */
export interface SummaryRow {
  /** The term and its two values as codes with parameters: each edge words them in its language. */
  lines: { term: Phrase; a: Phrase; b: Phrase };
  /** Deprecated: the term in English (read `lines.term`). */
  term: string;
  /** Deprecated: A's value in English (read `lines.a`). */
  a: string;
  /** Deprecated: B's value in English (read `lines.b`). */
  b: string;
  same: boolean;
}

/** Shown when a term is only in the other agreement. */
const NONE_VALUE = phrase('value.none');

/** Both sides' names of a matched pair ("Phase 1 / First phase"), or the one name when they are the same. */
function pairArg<T extends { id: string; title?: unknown }>(pair: Pair<T>, ref: (id: string) => Arg): Arg {
  const sameName = pair.a?.title !== undefined && canonical(pair.a.title) === canonical(pair.b?.title);
  return pair.a && pair.b && pair.a.id !== pair.b.id && !sameName
    ? list([ref(pair.a.id), ref(pair.b.id)], 'slash')
    : ref((pair.a ?? pair.b)!.id);
}

function phaseDuration(plan: Plan, phase: Phase | undefined): Phrase {
  const placed = phase && plan.phases.find((p) => p.id === phase.id);
  if (!placed) return NONE_VALUE;
  if (placed.openEnded) {
    return phrase('value.open-ended-phase', {
      stated:
        placed.lengthDays === null
          ? NONE
          : phrase('value.stated-then-continues', { days: qty(placed.lengthDays, 'day') }),
      from:
        placed.startDay === null
          ? phrase('value.not-placed')
          : phrase('value.from-day', { day: num(placed.startDay) }),
    });
  }
  if (placed.lengthDays === null) return phrase('value.open');
  return phrase('value.phase', {
    days: qty(placed.lengthDays, 'day'),
    extended: placed.extendedBy
      ? phrase('value.extended', {
          base: num(placed.lengthDays - placed.extendedBy),
          extra: num(placed.extendedBy),
        })
      : NONE,
    span:
      placed.startDay === null
        ? phrase('value.not-placed')
        : phrase('value.days-span', { from: num(placed.startDay), to: num(placed.endDay!) }),
  });
}

function totalDuration(plan: Plan): Phrase {
  if (plan.phases.some((p) => p.openEnded)) return phrase('value.open-ended');
  if (plan.phases.some((p) => p.endDay === null)) return phrase('value.open');
  const first = Math.min(...plan.phases.map((p) => p.startDay!));
  const last = Math.max(...plan.phases.map((p) => p.endDay!));
  return phrase('value.amount', { n: qty(last - first + 1, 'day') });
}

/** What the plan moves under one provision and action: exact, a range, a floor, or "not stated". */
function planned(plan: Plan, provision: string, action: Action, unit: string): Phrase | null {
  const os = plan.days
    .flatMap((d) => d.obligations)
    .filter((o) => o.provision === provision && o.action === action);
  const stated = os.filter((o) => o.quantity !== undefined);
  if (stated.length === 0) return null;
  const min = stated.reduce((n, o) => n + o.quantity!, 0);
  const max = stated.reduce((n, o) => n + (o.quantityMax ?? o.quantity!), 0);
  const amount =
    min !== max
      ? phrase('value.range', { min: num(min), max: qty(max, unit, min) })
      : stated.some((o) => o.atLeast)
        ? phrase('value.at-least', { n: qty(min, unit) })
        : phrase('value.amount', { n: qty(min, unit) });
  return phrase('value.planned', {
    amount,
    partly: stated.length < os.length ? phrase('value.some-batches-not-stated') : NONE,
  });
}

/** A figure as stated: one number, or each source's value side by side (never added). */
export function figureArg(f: Figure): Arg {
  if (typeof f === 'number') return num(f);
  return list(
    statedValues(f).map((v) =>
      phrase('value.per-source', { value: num(v.value), source: quote(v.source ?? '') }),
    ),
    'or',
  );
}

/** A figure with its unit: "1,968 persons", or each source's value and the unit. */
function figureUnit(f: Figure, unit: string): Phrase {
  if (typeof f === 'number') return phrase('value.amount', { n: qty(f, unit) });
  return phrase('value.figure-unit', { figure: figureArg(f), unit: word('unit', unit) });
}

function quotaValue(q: Quota | undefined): Phrase {
  if (!q) return NONE_VALUE;
  const contested = isContested(q.quantity);
  const amount: Phrase = contested
    ? figureUnit(q.quantity, q.unit)
    : phrase(q.atLeast ? 'value.at-least' : 'value.amount', { n: qty(figureRange(q.quantity)[0], q.unit) });
  return phrase('value.quota', {
    amount,
    where: q.destination ? phrase('value.to-place', { place: place(q.destination) }) : NONE,
    mark: q.uncertain || contested ? phrase('value.uncertain') : NONE,
  });
}

type Row = (term: Phrase, a: Phrase, b: Phrase) => void;
type Sides<K extends Provision['kind']> = [ProvisionOf<K> | undefined, ProvisionOf<K> | undefined];

function exchangeRows(row: Row, name: Phrase, [a, b]: Sides<'exchange'>, planA: Plan, planB: Plan): void {
  const parties = (f: (x: ProvisionOf<'exchange'>) => string) =>
    list(
      [...new Set([a, b].filter((x) => x !== undefined).map(f))].map((id) => party(id)),
      'slash',
    );
  const total = (x: ProvisionOf<'exchange'> | undefined, plan: Plan, action: Action): Phrase => {
    if (!x) return NONE_VALUE;
    const cats = action === 'hand-over' ? x.release.categories : (x.counterpart.categories ?? []);
    const unit = cats.length && cats.every((c) => c.remains) ? 'remains' : 'person';
    const scheduled = planned(plan, x.id, action, unit);
    // An exchange with no cadence is not on the calendar; its stated total still counts here.
    const stated = action === 'hand-over' ? x.release.total : x.counterpart.total;
    if (scheduled === null && stated !== undefined)
      return phrase('value.stated-not-scheduled', { figure: figureUnit(stated, unit) });
    if (scheduled === null) return phrase('value.not-stated');
    // A total stated apart from what the ratios give stands beside it, with its source.
    if (stated !== undefined && typeof stated !== 'number')
      return phrase('value.scheduled-and-stated', { scheduled, stated: figureArg(stated) });
    return scheduled;
  };
  // A side whose every category is remains returns them (the rule of core's returnedRemains):
  // "returned by" where it does so in each text that has the exchange, "released or returned by"
  // where it hands over remains in one and the living in the other, else "released by".
  const term = (categories: (x: ProvisionOf<'exchange'>) => Parameters<typeof sideUnit>[0]) => {
    const units = new Set([a, b].filter((x) => x !== undefined).map((x) => sideUnit(categories(x))));
    return units.size > 1
      ? 'term.released-or-returned-by'
      : units.has('remains')
        ? 'term.returned-by'
        : 'term.released-by';
  };
  row(
    phrase(
      term((x) => x.release.categories),
      { name, parties: parties((x) => x.release.party) },
    ),
    total(a, planA, 'hand-over'),
    total(b, planB, 'hand-over'),
  );
  row(
    phrase(
      term((x) => x.counterpart.categories),
      { name, parties: parties((x) => x.counterpart.party) },
    ),
    total(a, planA, 'release'),
    total(b, planB, 'release'),
  );
  for (const c of matchItems(a?.release.categories ?? [], b?.release.categories ?? [])) {
    const ratio = (x: typeof c.a) =>
      x
        ? x.ratio === undefined
          ? phrase('value.not-stated')
          : phrase('value.ratio', { ratio: num(x.ratio) })
        : NONE_VALUE;
    row(
      phrase('term.ratio-for', { name, category: pairArg(c, (id) => category(id)) }),
      ratio(c.a),
      ratio(c.b),
    );
  }
  // Categories lined up by what their persons are, whatever each text calls them.
  const meanings = (x: ProvisionOf<'exchange'> | undefined) =>
    (x?.release.categories ?? []).flatMap((c) => (c.meaning ?? []).map((m) => ({ m, c })));
  const all = [...new Set([...meanings(a), ...meanings(b)].map((x) => x.m))];
  for (const m of all) {
    const words = (x: ProvisionOf<'exchange'> | undefined): Phrase => {
      if (!x) return NONE_VALUE;
      const cs = meanings(x).filter((y) => y.m === m);
      if (cs.length === 0) return phrase('value.not-named');
      return phrase('value.amount', {
        n: list(
          cs.map(({ c }) =>
            phrase('value.category', {
              label: text(c.label),
              count: c.count !== undefined ? phrase('value.count', { figure: figureArg(c.count) }) : NONE,
              ratio: c.ratio ? phrase('value.comma-ratio', { ratio: num(c.ratio) }) : NONE,
            }),
          ),
          'semicolon',
        ),
      });
    };
    row(phrase('term.category', { name, meaning: word('meaning', m) }), words(a), words(b));
  }
}

function aidRows(row: Row, name: Phrase, [a, b]: Sides<'aid'>): void {
  const byPosition = [{ by: 'position' as const, key: (_: Quota, i: number) => String(i) }];
  const provision = (a ?? b)!.id;
  const quota = (pair: Pair<Quota>) =>
    pairArg(pair, (id) => ({
      type: 'quota',
      id,
      provision: pair.a?.id === id ? (a?.id ?? provision) : (b?.id ?? provision),
    }));
  for (const q of matchItems(a?.perDay ?? [], b?.perDay ?? [], byPosition)) {
    row(phrase('term.quota-per-day', { name, quota: quota(q) }), quotaValue(q.a), quotaValue(q.b));
  }
  for (const q of matchItems(a?.extra ?? [], b?.extra ?? [], byPosition)) {
    row(phrase('term.quota-over-phase', { name, quota: quota(q) }), quotaValue(q.a), quotaValue(q.b));
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
  const names: Names = agreementNames([a, b], 'en');
  const en = (l: Phrase) => renderPhrase(l, { lang: 'en', names });
  const row: Row = (term, la, lb) => {
    const [ta, tb] = [en(la), en(lb)];
    rows.push({ lines: { term, a: la, b: lb }, term: en(term), a: ta, b: tb, same: ta === tb });
  };
  for (const pair of matchPhases(a, b)) {
    row(
      phrase('term.phase-duration', { n: num(pair.index + 1), phase: pairArg(pair, phaseRef) }),
      phaseDuration(planA, pair.a),
      phaseDuration(planB, pair.b),
    );
  }
  row(phrase('term.total-duration'), totalDuration(planA), totalDuration(planB));
  for (const pair of matchProvisions(a, b)) {
    const kinds = new Set([pair.a?.kind, pair.b?.kind]);
    const name = phrase('term.provision', {
      kind: word('kind', (pair.a ?? pair.b)!.kind),
      provision: pairArg(pair, provisionRef),
    });
    if (kinds.has('exchange')) {
      exchangeRows(row, name, [only('exchange', pair.a), only('exchange', pair.b)], planA, planB);
    }
    if (kinds.has('aid')) aidRows(row, name, [only('aid', pair.a), only('aid', pair.b)]);
    if (kinds.has('medical-evacuation')) {
      const perDay = (p: Provision | undefined): Phrase => {
        const m = only('medical-evacuation', p);
        return m
          ? phrase('value.quota', {
              amount: figureUnit(m.perDay, 'patient'),
              where: NONE,
              mark: m.uncertain || isContested(m.perDay) ? phrase('value.uncertain') : NONE,
            })
          : NONE_VALUE;
      };
      row(phrase('term.per-day', { name }), perDay(pair.a), perDay(pair.b));
    }
  }
  return rows;
}
