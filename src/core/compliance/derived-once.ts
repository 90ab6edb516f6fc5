import { ChunkedList } from './chunked-list.ts';
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

/**
 * Lists the live log hands out that grow only at their end (each a snapshot of one ChunkedList): the
 * list each is a snapshot of.
 */
const grown = new WeakMap<object, ChunkedList<unknown>>();
/** The lists derived item by item from the items of a growing list, by name, kept in step with it. */
const along = new WeakMap<ChunkedList<unknown>, Map<string, ChunkedList<unknown>>>();

/** The list a growing list started as (ChunkedList.from it): what was derived from it serves again. */
const startedAs = new WeakMap<ChunkedList<unknown>, object>();

/**
 * Records that `list` is a snapshot of `source`, a list that only grows at its end and started as
 * `start` (its first items).
 */
export function grownIn<T>(list: readonly T[], source: ChunkedList<T>, start: readonly T[]): void {
  grown.set(list, source as ChunkedList<unknown>);
  if (!startedAs.has(source as ChunkedList<unknown>)) startedAs.set(source as ChunkedList<unknown>, start);
}

/**
 * A list derived item by item from a list the live log hands out, computed once per list: for a
 * snapshot of a growing list (grownIn), only the items added since the last derivation are derived,
 * and the derived list is handed out as a snapshot too (see ChunkedList).
 */
export function derivedAlong<I, T>(list: I[], name: string, one: (item: I) => T): readonly T[] {
  return derivedOnce(list, name, () => {
    const source = grown.get(list) as ChunkedList<I> | undefined;
    if (!source) return settle(list.map(one));
    let byName = along.get(source);
    if (!byName) {
      byName = new Map();
      along.set(source, byName);
    }
    let out = byName.get(name) as ChunkedList<T> | undefined;
    // A snapshot from before the derived list's length (never expected): derived on its own.
    if (out && out.length > list.length) return settle(list.map(one));
    if (!out) {
      // What was derived from the list it started as is its first part (copied, not derived again).
      const start = startedAs.get(source);
      const before = start && (derived.get(start)?.get(name) as readonly T[] | undefined);
      out = before && before.length <= list.length ? ChunkedList.from(before) : new ChunkedList<T>();
      byName.set(name, out);
    }
    const derivedList = out;
    const upTo = list.length;
    let i = derivedList.length;
    if (i < upTo)
      source.forEachFrom(i, (item) => {
        if (i++ < upTo) derivedList.push(one(item));
      });
    return settle(derivedList.snapshot());
  });
}
