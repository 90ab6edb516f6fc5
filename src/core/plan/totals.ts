import type { Obligation, Total } from './types.ts';

const COUNTED = new Set(['hand-over', 'release', 'admit-aid', 'deliver-extra', 'evacuate']);

/** Sums quantities per party, category and unit; ranges and floors stay visible. */
export function sumTotals(obligations: Obligation[]): Total[] {
  const totals = new Map<string, Total>();
  for (const o of obligations) {
    if (!COUNTED.has(o.action) || o.quantity === undefined || o.unit === undefined) continue;
    const category = o.category ?? o.provision;
    const key = `${o.party}\u0000${category}\u0000${o.unit}`;
    let t = totals.get(key);
    if (!t) {
      t = { party: o.party, category, unit: o.unit, quantity: 0 };
      totals.set(key, t);
    }
    const max = (t.quantityMax ?? t.quantity) + (o.quantityMax ?? o.quantity);
    t.quantity += o.quantity;
    if (o.quantityMax !== undefined || t.quantityMax !== undefined) t.quantityMax = max;
    if (o.atLeast) t.atLeast = true;
    // A total that adds up a quantity the agreement marks uncertain rests on it too.
    if (o.uncertain) t.uncertain = true;
    for (const f of o.figures ?? []) {
      if (f.source === undefined) continue;
      t.bySource ??= [];
      const s = t.bySource.find((x) => x.source === f.source);
      if (s) s.quantity += f.value;
      else t.bySource.push({ source: f.source, quantity: f.value });
    }
  }
  return [...totals.values()];
}
