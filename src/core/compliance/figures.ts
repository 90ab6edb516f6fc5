import type { Agreement } from '../agreement/types.ts';
import { type Arg, list, type Phrase, phrase } from '../words/phrase.ts';
import type { Keep } from './judgment-memo.ts';
import type { AidGroup, LiveLog } from './live-log.ts';
import { compareEntries } from './log-state.ts';
import { settle } from './ordered-hashes.ts';
import type { Figure, FigureSet } from './types.ts';
import type { Effective, LogView } from './view.ts';

/** What an aid figure is about: the same key from several sources is one thing counted differently. */
export function figureKey(body: Record<string, unknown>): string {
  const key = [body.provision ?? '', body.date, body.unit, body.category ?? '', body.destination ?? ''];
  // A figure for a period is another thing than the figure of its last day.
  return (body.from === undefined ? key : [...key, `from ${String(body.from)}`]).join('|');
}

/**
 * What a figure counts and when, as a phrase: the quota line or category it names (by its label) and
 * its unit, where it went, and its day or period.
 */
function describe(body: Record<string, unknown>, agreement?: Agreement): Phrase {
  const unit = String(body.unit);
  const category = typeof body.category === 'string' ? body.category : undefined;
  const provision = typeof body.provision === 'string' ? body.provision : undefined;
  const units: Arg = { type: 'unit', unit };
  // The quota line the figure counts toward, when the provision has one of this category and unit: its label says both.
  const p = agreement?.provisions.find((x) => x.id === provision);
  const line =
    p?.kind === 'aid'
      ? [...p.perDay, ...(p.extra ?? [])].find((q) => q.category === category && q.unit === unit)
      : undefined;
  const named: Arg =
    line && provision
      ? { type: 'quota', id: line.id, provision }
      : category === undefined || category === unit || category === `${unit}s`
        ? units
        : list(
            [
              provision ? { type: 'quota', id: category, provision } : { type: 'category', id: category },
              units,
            ],
            'space',
          );
  const what: Arg =
    body.destination === undefined
      ? named
      : phrase('figure.to', { what: named, destination: { type: 'place', id: String(body.destination) } });
  return body.from
    ? phrase('figure.over-period', {
        what,
        from: { type: 'day', date: String(body.from) },
        to: { type: 'day', date: String(body.date) },
      })
    : phrase('figure.on-day', { what, day: { type: 'day', date: String(body.date) } });
}

/**
 * Sums the figures of each source (several deliveries a day add up), sources in a fixed order; a sum
 * of a record given as approximate is itself approximate (`uncertain`).
 */
export function bySource(view: LogView, records: Effective[]): Figure[] {
  const sums = new Map<string, Figure>();
  // Records come in the order they occurred: each one's own hash keeps the evidence in that order,
  // unless a correction's hash (which occurred later) joins it.
  let inOrder = true;
  for (const r of records) {
    const source = view.sourceOf(r.entry);
    const f = sums.get(source) ?? { quantity: 0, source, evidence: [] };
    f.quantity += typeof r.body.quantity === 'number' ? r.body.quantity : 0;
    f.evidence.push(...r.evidence);
    if (r.evidence.length !== 1) inOrder = false;
    // A figure given as approximate keeps its ⚠ in the sum, whatever the other records of the source say.
    if (r.body.uncertain === true) f.uncertain = true;
    sums.set(source, f);
  }
  const figures = [...sums.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  if (inOrder && isInOrder(records)) for (const f of figures) settle(f.evidence);
  return figures;
}

/** Whether records are in the order they occurred (as the evaluator lists them). */
function isInOrder(records: readonly Effective[]): boolean {
  for (let i = 1; i < records.length; i++)
    if (compareEntries(records[i - 1]!.entry, records[i]!.entry) > 0) return false;
  return true;
}

/** A set of figures from what they count (`body`, a figure body of the set) and their sums per source. */
function figureSet(
  key: string,
  body: Record<string, unknown>,
  figures: Figure[],
  agreement?: Agreement,
): FigureSet {
  const conflicting = figures.length > 1 && new Set(figures.map((f) => f.quantity)).size > 1;
  return {
    key,
    what: describe(body, agreement),
    ...(typeof body.provision === 'string' ? { provision: body.provision } : {}),
    from: String(body.from ?? body.date),
    to: String(body.date),
    unit: String(body.unit),
    ...(typeof body.category === 'string' ? { category: body.category } : {}),
    ...(typeof body.destination === 'string' ? { destination: body.destination } : {}),
    figures,
    conflicting,
  };
}

const byKey = (a: FigureSet, b: FigureSet) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Every aid figure of the log, grouped by what it counts, with its sources side by side. */
export function figureSets(view: LogView, agreement?: Agreement, keep?: Keep): FigureSet[] {
  if (view.live) return liveFigureSets(view.live, agreement, keep ?? ((_, __, judge) => judge()));
  const groups = new Map<string, Effective[]>();
  for (const r of view.current('aid.delivered')) {
    const key = figureKey(r.body);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const sets: FigureSet[] = [];
  for (const [key, records] of groups)
    sets.push(figureSet(key, records[0]!.body, bySource(view, records), agreement));
  return sets.sort(byKey);
}

/** The same sets from the live log's aid groups (a set is one group, or a few whose fields read alike). */
function liveFigureSets(live: LiveLog, agreement: Agreement | undefined, keep: Keep): FigureSet[] {
  const byFigureKey = new Map<string, AidGroup[]>();
  for (const g of live.allAidGroups()) {
    const key = figureKey(g.records[0]!.body);
    const list = byFigureKey.get(key);
    if (list) list.push(g);
    else byFigureKey.set(key, [g]);
  }
  const sets: FigureSet[] = [];
  for (const [key, groups] of byFigureKey) {
    // Each set found again only when its groups, or what they hold, changed.
    const set = keep(
      'figures',
      key,
      () => {
        const figures = live.figuresOf(groups);
        // The set reads as its first figure, as when grouping the figures one by one.
        const first = groups
          .map((g) => g.records[0]!)
          .reduce((a, b) => (compareEntries(a.entry, b.entry) <= 0 ? a : b));
        return figureSet(key, first.body, figures, agreement);
      },
      groups,
    );
    sets.push(set);
  }
  return sets.sort(byKey);
}
