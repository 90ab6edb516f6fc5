import type { Figure, FigureSet } from './types.ts';
import type { Effective, LogView } from './view.ts';
import { day } from './words.ts';

/** What an aid figure is about: the same key from several sources is one thing counted differently. */
export function figureKey(body: Record<string, unknown>): string {
  const key = [body.provision ?? '', body.date, body.unit, body.category ?? '', body.destination ?? ''];
  // A figure for a period is another thing than the figure of its last day.
  return (body.from === undefined ? key : [...key, `from ${String(body.from)}`]).join('|');
}

function describe(body: Record<string, unknown>): string {
  const what = [
    body.category === body.unit || body.category === `${body.unit}s` ? undefined : body.category,
    body.unit,
  ]
    .filter(Boolean)
    .join(' ');
  const when = body.from
    ? `from ${day(String(body.from))} to ${day(String(body.date))}`
    : `on ${day(String(body.date))}`;
  return `${what}s${body.destination ? ` to ${String(body.destination)}` : ''} ${when}`;
}

/** Sums the figures of each source (several deliveries a day add up), sources in a fixed order. */
export function bySource(view: LogView, records: Effective[]): Figure[] {
  const sums = new Map<string, Figure>();
  for (const r of records) {
    const source = view.sourceOf(r.entry);
    const f = sums.get(source) ?? { quantity: 0, source, evidence: [] };
    f.quantity += typeof r.body.quantity === 'number' ? r.body.quantity : 0;
    f.evidence.push(...r.evidence);
    sums.set(source, f);
  }
  return [...sums.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** Every aid figure of the log, grouped by what it counts, with its sources side by side. */
export function figureSets(view: LogView): FigureSet[] {
  const groups = new Map<string, Effective[]>();
  for (const r of view.current('aid.delivered')) {
    const key = figureKey(r.body);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const sets: FigureSet[] = [];
  for (const [key, records] of groups) {
    const figures = bySource(view, records);
    const conflicting = figures.length > 1 && new Set(figures.map((f) => f.quantity)).size > 1;
    const body = records[0]!.body;
    sets.push({
      key,
      what: describe(body),
      ...(typeof body.provision === 'string' ? { provision: body.provision } : {}),
      from: String(body.from ?? body.date),
      to: String(body.date),
      unit: String(body.unit),
      ...(typeof body.category === 'string' ? { category: body.category } : {}),
      figures,
      conflicting,
    });
  }
  return sets.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
