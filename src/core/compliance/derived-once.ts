import { settle } from './ordered-hashes.ts';

const derived = new WeakMap<object, Map<string, unknown>>();

/**
 * A value derived from a list the live log hands out, computed once per list. Such a list never
 * changes (the live log replaces it when an event touches what it lists, and drops it when a
 * registration may change who is who), so neither does what is derived from it.
 */
export function derivedOnce<T>(list: object, name: string, make: () => T): T {
  let values = derived.get(list);
  if (!values) {
    values = new Map();
    derived.set(list, values);
  }
  if (!values.has(name)) values.set(name, make());
  return values.get(name) as T;
}

/** Lists the live log made by appending one item to another list: what each was made from. */
const appended = new WeakMap<object, { from: object; item: unknown }>();

/** Records that `list` is `from` with `item` appended. */
export function appendedTo(list: object, from: object, item: unknown): void {
  appended.set(list, { from, item });
}

/**
 * A list derived item by item from a list the live log hands out, computed once per list: from
 * the list it was appended to when that one's is known (copied, with the new item's part added).
 */
export function derivedAlong<I, T>(list: I[], name: string, one: (item: I) => T): readonly T[] {
  return derivedOnce(list, name, () => {
    const link = appended.get(list);
    const before = link && derived.get(link.from)?.get(name);
    const out = before ? [...(before as T[]), one(link.item as I)] : list.map(one);
    return settle(out);
  });
}
