import { singleValue } from '../agreement/figure.ts';
import type { Agreement } from '../agreement/types.ts';
import { returnedRemains } from '../figures/returned-remains.ts';
import { type Arg, approx, num as n, phrase, sentence } from '../words/phrase.ts';
import {
  approximate,
  approximateIn,
  approximateReleasesIn,
  countedIn,
  type ExchangeRecords,
  releasedIn,
  undisclosed,
  undisclosedIn,
  undisclosedReleasesIn,
} from './exchange-records.ts';
import { owedFor } from './owed-by-ratio.ts';
import { recordedCategories } from './recorded-categories.ts';
import { statedBeside, statedTotal } from './stated-total.ts';
import type { DirectionTally, ObligationStatus, RatioCheck } from './types.ts';
import type { Effective } from './view.ts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

const stated = (side: Parameters<typeof statedTotal>[0]) => {
  const values = statedTotal(side);
  return values.length ? { statedTotal: values } : {};
};

function byCategory(counted: [string, number][], outside: Effective[]) {
  const map = new Map<string, { category: string; counted: number; outside: number }>();
  const get = (c: string) => {
    let row = map.get(c);
    if (!row) {
      row = { category: c, counted: 0, outside: 0 };
      map.set(c, row);
    }
    return row;
  };
  for (const [c, n] of counted) get(c).counted += n;
  for (const r of outside)
    get(typeof r.body.category === 'string' ? r.body.category : 'unstated').outside += num(r.body.count);
  return [...map.values()].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}

/** Counts by category, or the side's categories together at 0 when nothing was counted (as before any record). */
const orNone = (counts: [string, number][], whole: string): [string, number][] =>
  counts.length ? counts : [[whole, 0]];

/** The ratio times the releasing side's one stated total (15 × 28 = 420); undefined when either is not one number. */
function wholeByRatio(x: ExchangeRecords): number | undefined {
  const { release } = x.exchange;
  const ratios = new Set(release.categories.map((c) => c.ratio));
  const total = release.total === undefined ? undefined : singleValue(release.total);
  const [ratio] = [...ratios];
  if (ratios.size !== 1 || ratio === undefined || total === undefined) return undefined;
  return total * ratio;
}

/** A side's count of one day, as the tally gives it (DirectionTally's byDay). */
type DayCount = DirectionTally['byDay'][number];

/** A day's count: its instant, the number, and whether its source gave the number as approximate. */
type Counted = [at: number, count: number, approximate: boolean];

/**
 * Counts by the day they occurred (`dateOf` gives an instant's day), in order of the days; a day
 * that adds up an approximate figure is `uncertain`.
 */
function byDayOf(counts: Counted[], dateOf: (ms: number) => string): DayCount[] {
  const days = new Map<string, { counted: number; uncertain: boolean }>();
  for (const [at, n, approx] of counts) {
    const date = dateOf(at);
    const day = days.get(date) ?? { counted: 0, uncertain: false };
    day.counted += n;
    if (approx) day.uncertain = true;
    days.set(date, day);
  }
  return [...days]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([date, { counted, uncertain }]) =>
      uncertain ? { date, counted, uncertain: true } : { date, counted },
    );
}

/** `uncertain: true` when a figure adds up one given as approximate; nothing when every one is exact. */
const approximateField = (yes: boolean) => (yes ? { uncertain: true as const } : {});

/** Records of each day whose number was not disclosed: beside the day's disclosed count, never in it. */
function withUndisclosed(days: DayCount[], hidden: number[], dateOf: (ms: number) => string): DayCount[] {
  if (!hidden.length) return days;
  const out = new Map<string, DayCount>(days.map((d) => [d.date, { ...d }]));
  for (const at of hidden) {
    const date = dateOf(at);
    const row = out.get(date) ?? { date, counted: 0 };
    row.undisclosed = (row.undisclosed ?? 0) + 1;
    out.set(date, row);
  }
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** `undisclosed: n` when n records were kept without their number; nothing when none was. */
const hiddenField = (n: number) => (n > 0 ? { undisclosed: n } : {});

/**
 * Persons released each way by an exchange so far: counted under the formula and outside it.
 * `dateOf` gives the agreement's day of an instant (for `byDay`).
 */
export function tallies(x: ExchangeRecords, dateOf: (ms: number) => string): DirectionTally[] {
  const { release, counterpart } = x.exchange;
  const batches = [...x.batches.values()].sort((a, b) => a.batch - b.batch);
  const releaseCategory = release.categories.map((c) => c.id).join('+');
  const counterpartCategory = counterpart.categories?.map((c) => c.id).join('+') ?? 'persons';
  const countedOutside = batches.flatMap((b) => b.countedOutside);
  // Handovers and releases recorded with their number not disclosed: said beside the figures (how
  // many such records), never added to them as 0 or as any number.
  const hiddenForward = batches.reduce((a, b) => a + undisclosedIn(b), 0);
  const hiddenBack = batches.reduce((a, b) => a + undisclosedReleasesIn(b), 0);
  const forward: DirectionTally = {
    provision: x.exchange.id,
    from: release.party,
    to: release.to,
    counted: batches.reduce((a, b) => a + countedIn(b), 0),
    ...hiddenField(hiddenForward),
    ...approximateField(batches.some(approximateIn)),
    outside: x.outside.release.reduce((a, r) => a + num(r.body.count), 0),
    ...(x.outside.release.some((r) => approximate(r.body)) ? { outsideUncertain: true as const } : {}),
    countedFromOutside: countedOutside.reduce((a, r) => a + num(r.body.count), 0),
    // Each category a handover names keeps its figure ("saudi-nationals": 16); what it does not
    // split stays under the side's categories together.
    byCategory: byCategory(
      [
        ...orNone(
          batches.flatMap((b) =>
            b.handovers.flatMap((h) => recordedCategories(h.record.body, h.count, releaseCategory)),
          ),
          releaseCategory,
        ),
        ...countedOutside.map((r): [string, number] => [
          String(r.body.category ?? releaseCategory),
          num(r.body.count),
        ]),
      ],
      x.outside.release,
    ),
    // No batch is planned: the whole exchange is one record, and there is no batch to name.
    byBatch: x.whole
      ? []
      : batches.map((b) => ({
          batch: b.batch,
          counted: countedIn(b),
          ...hiddenField(undisclosedIn(b)),
          ...approximateField(approximateIn(b)),
        })),
    // As counted in the batches: handovers, releases outside the formula that count, less remains
    // found not to be of a person covered (on the day of the finding).
    byDay: withUndisclosed(
      byDayOf(
        batches.flatMap((b) => [
          ...b.handovers
            .filter((h) => !h.undisclosed)
            .map((h): Counted => [h.at, h.count, h.uncertain === true]),
          ...b.countedOutside
            .filter((r) => !undisclosed(r.body))
            .map((r): Counted => [r.entry.at, num(r.body.count), approximate(r.body)]),
          ...b.findings
            .filter((f) => f.finding !== 'matches')
            .map((f): Counted => [f.entry.entry.at, -f.count, approximate(f.entry.body)]),
        ]),
        dateOf,
      ),
      batches.flatMap((b) => [
        ...b.handovers.filter((h) => h.undisclosed).map((h) => h.at),
        ...b.countedOutside.filter((r) => undisclosed(r.body)).map((r) => r.entry.at),
      ]),
      dateOf,
    ),
    ...stated(release),
    ...(release.total !== undefined && singleValue(release.total) !== undefined
      ? { byRatio: singleValue(release.total)! }
      : {}),
    evidence: [
      ...batches.flatMap((b) => [
        ...b.handovers.flatMap((h) => [
          ...h.record.evidence,
          ...(h.confirmation ? [h.confirmation.hash] : []),
        ]),
        ...b.countedOutside.flatMap((r) => r.evidence),
      ]),
      ...x.outside.release.flatMap((r) => r.evidence),
    ].sort(),
  };
  const back: DirectionTally = {
    provision: x.exchange.id,
    from: counterpart.party,
    to: counterpart.to ?? release.party,
    counted: batches.reduce((a, b) => a + releasedIn(b), 0),
    ...hiddenField(hiddenBack),
    ...approximateField(batches.some(approximateReleasesIn)),
    outside: x.outside.counterpart.reduce((a, r) => a + num(r.body.count), 0),
    ...(x.outside.counterpart.some((r) => approximate(r.body)) ? { outsideUncertain: true as const } : {}),
    countedFromOutside: 0,
    byCategory: byCategory(
      orNone(
        batches.flatMap((b) =>
          b.releases.flatMap((r) => recordedCategories(r.body, num(r.body.count), counterpartCategory)),
        ),
        counterpartCategory,
      ),
      x.outside.counterpart,
    ),
    byBatch: x.whole
      ? []
      : batches.map((b) => ({
          batch: b.batch,
          counted: releasedIn(b),
          ...hiddenField(undisclosedReleasesIn(b)),
          ...approximateField(approximateReleasesIn(b)),
        })),
    byDay: withUndisclosed(
      byDayOf(
        batches.flatMap((b) =>
          b.releases
            .filter((r) => !undisclosed(r.body))
            .map((r): Counted => [r.entry.at, num(r.body.count), approximate(r.body)]),
        ),
        dateOf,
      ),
      batches.flatMap((b) => b.releases.filter((r) => undisclosed(r.body)).map((r) => r.entry.at)),
      dateOf,
    ),
    ...stated(counterpart),
    ...(wholeByRatio(x) !== undefined ? { byRatio: wholeByRatio(x)! } : {}),
    evidence: [
      ...batches.flatMap((b) => b.releases.flatMap((r) => r.evidence)),
      ...x.outside.counterpart.flatMap((r) => r.evidence),
    ].sort(),
  };
  return [forward, back];
}

/**
 * Whether the counterpart's releases match the ratio for the persons counted so far. A side that
 * hands over remains (core's returnedRemains) is said to return them, not release them.
 */
export function ratioCheck(
  agreement: Agreement,
  x: ExchangeRecords,
  forward: DirectionTally,
  back: DirectionTally,
  own: readonly ObligationStatus[] = [],
): RatioCheck | null {
  // Owed by each category's ratio where the handovers say how many of each (owed-by-ratio.ts).
  const owed = owedFor(x.exchange, x.batches.values());
  if (!owed) return null;
  // A handover or release whose number was not disclosed: the ratio cannot be checked (what either
  // side did is not known), so it is neither said to hold nor to fall short.
  if (forward.undisclosed || back.undisclosed)
    return {
      provision: x.exchange.id,
      expected: owed.min,
      ...(owed.max !== owed.min ? { expectedMax: owed.max } : {}),
      released: back.counted,
      holds: false,
      undisclosed: true,
      ...(back.statedTotal ? { statedTotal: back.statedTotal } : {}),
      ...(back.byRatio !== undefined ? { byRatio: back.byRatio } : {}),
      explanation: [
        sentence([
          phrase('ratio.undisclosed', {
            by: { type: 'party', id: back.from },
            from: { type: 'party', id: forward.from },
          }),
          ...statedBeside(back.statedTotal, back.byRatio),
        ]),
      ],
    };
  const rs = x.exchange.release.categories.map((c) => c.ratio as number);
  const [lo, hi] = [Math.min(...rs), Math.max(...rs)];
  // Each side's figure with the ⚠ of an approximate record it adds up (the check itself is as recorded).
  const counted = approx(n(forward.counted), forward.uncertain);
  const released = approx(n(back.counted), back.uncertain);
  const expected = owed.min;
  const expectedMax = owed.max;
  const holds = back.counted >= expected && back.counted <= expectedMax;
  const rule =
    lo === hi
      ? phrase('rule.single', { ratio: n(lo), counted })
      : !owed.byCategory
        ? phrase('rule.range', { low: n(lo), high: n(hi), counted })
        : expected === expectedMax
          ? phrase('rule.by-category', { owed: n(expected), counted })
          : phrase('rule.by-category-range', { low: n(expected), high: n(expectedMax), counted });
  const relation = holds
    ? expected === expectedMax
      ? phrase('relation.equal')
      : phrase('relation.within')
    : back.counted < expected
      ? phrase('relation.fewer')
      : phrase('relation.more');
  const shortfall = shortfallOf(holds, back.counted < expected, own, released, expected);
  return {
    provision: x.exchange.id,
    ...shortfall,
    expected,
    ...(expectedMax !== expected ? { expectedMax } : {}),
    released: back.counted,
    holds,
    ...(forward.uncertain || back.uncertain ? { uncertain: true as const } : {}),
    ...(back.counted > expectedMax ? { surplus: back.counted - expectedMax } : {}),
    ...(back.statedTotal ? { statedTotal: back.statedTotal } : {}),
    ...(back.byRatio !== undefined ? { byRatio: back.byRatio } : {}),
    explanation: [
      sentence([
        phrase(returnedRemains(agreement, x.exchange.id, back.from) ? 'ratio.remains' : 'ratio', {
          released,
          by: { type: 'party', id: back.from },
          relation,
          rule,
          from: { type: 'party', id: forward.from },
        }),
        ...(forward.outside
          ? [
              phrase(
                returnedRemains(agreement, x.exchange.id, forward.from)
                  ? 'ratio.outside-remains'
                  : 'ratio.outside',
                { count: approx(n(forward.outside), forward.outsideUncertain) },
              ),
            ]
          : []),
        ...statedBeside(back.statedTotal, back.byRatio),
      ]),
    ],
  };
}

/** Statuses of a release that leave its shortfall open (due later, on hold) or none (done, no longer due). */
const OPEN_OR_DONE = new Set<string>(['not-yet-due', 'suspended', 'met', 'met-late', 'superseded']);

/**
 * What a shortfall of the ratio is: `under-way` while no release of the exchange is past its
 * deadline undone (what is missing is still to come: progress, not a breach); `short` once one is,
 * with the ⚠ of a deadline the agreement does not state firmly (derived by the plan, or uncertain)
 * when such a deadline is the one passed. Nothing when the ratio holds or is exceeded.
 */
function shortfallOf(
  holds: boolean,
  fewer: boolean,
  own: readonly ObligationStatus[],
  released: Arg,
  expected: number,
): Pick<RatioCheck, 'shortfall' | 'verdict'> {
  if (holds || !fewer) return {};
  // Final once a release of the exchange is past its deadline and not (or not wholly) done.
  const short = own.filter((s) => s.obligation.action === 'release' && !OPEN_OR_DONE.has(s.status));
  if (!short.length)
    return {
      shortfall: 'under-way',
      verdict: phrase('ratio.under-way', { released, expected: n(expected) }),
    };
  const basis = short.some((s) => s.obligation.deadline === 'derived')
    ? 'derived'
    : short.some((s) => s.obligation.deadline === 'uncertain')
      ? 'uncertain'
      : undefined;
  return {
    shortfall: 'short',
    verdict: basis
      ? phrase('ratio.short-against', { deadline: phrase(`deadline.${basis}`) })
      : phrase('ratio.short'),
  };
}
