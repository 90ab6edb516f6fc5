import type { Agreement, Phase, Provision } from '../agreement/types.ts';

/** How two items of two agreements were found to be the same term. */
export type MatchedBy = 'id' | 'position' | 'kind';

/** One item of A paired with one item of B; either side is missing when the item is only on one side. */
export interface Pair<T> {
  a?: T;
  b?: T;
  /** 0-based index in A's (or, for an added item, B's) array. */
  index: number;
  /** 0-based index in B's array, when the item is in B. */
  bIndex?: number;
  by: MatchedBy;
}

/**
 * Pairs the items of two arrays: first by id (the n-th duplicate with the n-th), then, among the
 * items still unpaired, by each fallback key in turn. Pairs and removed items come in A's order,
 * added items after them in B's order.
 */
export function matchItems<T extends { id: string }>(
  a: readonly T[],
  b: readonly T[],
  fallbacks: { by: MatchedBy; key: (item: T, index: number, side: 'a' | 'b') => string }[] = [],
): Pair<T>[] {
  const partner = new Map<number, { j: number; by: MatchedBy }>();
  const takenB = new Set<number>();
  const pairOn = (by: MatchedBy, key: (item: T, index: number, side: 'a' | 'b') => string) => {
    const free = new Map<string, number[]>();
    b.forEach((item, j) => {
      if (takenB.has(j)) return;
      const k = key(item, j, 'b');
      free.set(k, [...(free.get(k) ?? []), j]);
    });
    a.forEach((item, i) => {
      if (partner.has(i)) return;
      const j = free.get(key(item, i, 'a'))?.shift();
      if (j === undefined) return;
      partner.set(i, { j, by });
      takenB.add(j);
    });
  };
  pairOn('id', (item) => item.id);
  for (const f of fallbacks) pairOn(f.by, f.key);
  const pairs: Pair<T>[] = a.map((item, i) => {
    const p = partner.get(i);
    return p ? { a: item, b: b[p.j], index: i, bIndex: p.j, by: p.by } : { a: item, index: i, by: 'id' };
  });
  b.forEach((item, j) => {
    if (!takenB.has(j)) pairs.push({ b: item, index: j, bIndex: j, by: 'id' });
  });
  return pairs;
}

/** Phases paired by id, then by position. */
export function matchPhases(a: Agreement, b: Agreement): Pair<Phase>[] {
  return matchItems(a.phases, b.phases, [{ by: 'position', key: (_, i) => String(i) }]);
}

/** Provisions paired by id, then by kind and the position of their phase. */
export function matchProvisions(a: Agreement, b: Agreement): Pair<Provision>[] {
  const phaseIndex = (agreement: Agreement, id: string) => agreement.phases.findIndex((p) => p.id === id);
  return matchItems(a.provisions, b.provisions, [
    {
      by: 'kind',
      key: (p, _, side) => `${p.kind}@${phaseIndex(side === 'a' ? a : b, p.phase)}`,
    },
  ]);
}

/** The id in B of each item of A that was paired with an item of another id. */
export function renamedIds<T extends { id: string }>(pairs: Pair<T>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of pairs) if (p.a && p.b && p.a.id !== p.b.id) out.set(p.a.id, p.b.id);
  return out;
}
