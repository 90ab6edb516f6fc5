/**
 * Marks the evaluator keeps on the lists it builds, as a property of the list itself: keyed by a
 * symbol and not enumerable, so that JSON, equality, structured clone and inspection never see it.
 * (Kept in WeakSets before: V8 paid microseconds for each list added to a WeakSet that held every
 * allegation's evidence, and every collection walked those sets.) A lazy array (chunked-list.ts)
 * keeps its marks apart, so that marking or asking never reads its items.
 *
 * The cost: V8's fast path of JSON.stringify does not take an array with a property of its own, so
 * JSON of a live result straight from the evaluator is slower on its marked lists (2.5x on lists of
 * 20 hashes, measured). What the server serves went through structured clone, which drops the marks.
 */

/** A list in the order its events occurred (see settle in ordered-hashes.ts). */
export const SETTLED: unique symbol = Symbol('settled');
/** A settled list of hashes that holds each hash once. */
export const ONCE: unique symbol = Symbol('each hash once');
export type ListMark = typeof SETTLED | typeof ONCE;

export function isListMark(key: PropertyKey): key is ListMark {
  return key === SETTLED || key === ONCE;
}

/** Lists that cannot take a property (frozen, sealed): their marks are kept here. */
const closed = { [SETTLED]: new WeakSet<object>(), [ONCE]: new WeakSet<object>() };

export function mark(list: readonly unknown[], m: ListMark): void {
  if ((list as unknown as Record<symbol, unknown>)[m] === true) return;
  if (Object.isExtensible(list)) Object.defineProperty(list, m, { value: true, configurable: true });
  else closed[m].add(list);
}

export function isMarked(list: readonly unknown[], m: ListMark): boolean {
  return (list as unknown as Record<symbol, unknown>)[m] === true || closed[m].has(list);
}
