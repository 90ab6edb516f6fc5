/**
 * A list the live log keeps and hands out in every result: held as chunks of at most a few hundred
 * items, so that handing it out costs nothing and the next change copies only the chunk it touches
 * (and the directory of chunks), never the whole list. A list handed out never changes afterwards.
 *
 * Handed out, a long list is a lazy array (see lazyArray): a real array to every reader (indexes,
 * length, methods, JSON, Array.isArray) whose items are copied out of the chunks only when it is
 * first read. A short one is a plain array.
 */

import { isListMark, type ListMark } from './list-marks.ts';

/** Items per chunk when a list is built or a chunk split; a chunk is split when it reaches twice this. */
const CHUNK = 256;
/** Below this length a list is handed out as a plain array (copying it costs less than a lazy one's reads). */
const LAZY_FROM = 2048;

/** Lazy arrays, with how to fill them (see lazyArray). */
const lazy = new WeakMap<object, () => unknown[]>();

/**
 * An array of `length` items read from `chunks` (which must never change) when first read. It is a
 * Proxy over an array that is filled then: until that, only its length is known without copying.
 * Structured clone refuses a Proxy: `plainLists` gives a value with its lazy arrays made plain.
 * (Node's util.inspect shows a Proxy's target, empty until the array is first read.)
 */
export function lazyArray<T>(chunks: readonly (readonly T[])[], length: number): readonly T[] {
  const target: T[] = [];
  const marks = new Set<ListMark>();
  let filled = false;
  const fill = (): T[] => {
    if (!filled) {
      filled = true;
      for (const chunk of chunks) for (const x of chunk) target.push(x);
    }
    return target;
  };
  const view = new Proxy(target, {
    get: (_, key) =>
      isListMark(key) ? marks.has(key) : key === 'length' && !filled ? length : Reflect.get(fill(), key),
    has: (_, key) => Reflect.has(fill(), key),
    ownKeys: () => Reflect.ownKeys(fill()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(fill(), key),
    set: (_, key, value) => Reflect.set(fill(), key, value),
    defineProperty: (_, key, attributes) =>
      isListMark(key) ? marks.add(key).has(key) : Reflect.defineProperty(fill(), key, attributes),
    deleteProperty: (_, key) => Reflect.deleteProperty(fill(), key),
  });
  lazy.set(view, fill);
  chunksOfLazy.set(view, chunks);
  return view;
}

/** The chunks of each lazy array (see chunksOf). */
const chunksOfLazy = new WeakMap<object, readonly (readonly unknown[])[]>();

/**
 * The chunks a lazy array reads its items from, in order; never changed (see ChunkedList): a later
 * version of the same list shares those an event did not touch. Undefined for any other array.
 */
export function chunksOf(list: readonly unknown[]): readonly (readonly unknown[])[] | undefined {
  return chunksOfLazy.get(list);
}

/** Whether `value` is a lazy array (see lazyArray). */
export function isLazy(value: unknown): boolean {
  return typeof value === 'object' && value !== null && lazy.has(value);
}

/**
 * The items of `list` as a plain array to read fast: a lazy array's own (filled once, and never to
 * be changed), else `list` itself. Read through the lazy array, each index costs a Proxy's trap.
 */
export function readable<T>(list: readonly T[]): readonly T[] {
  const fill = lazy.get(list);
  return fill ? (fill() as T[]) : list;
}

/**
 * `value` with every lazy array in it replaced by the plain array of its items, for what cannot take
 * a Proxy (structured clone, postMessage). Only the arrays and plain objects that hold a lazy array
 * (at any depth) are copied; the rest is shared, and `value` itself is left as it is. A lazy array's
 * items are taken as they are, not walked: the lists the live log keeps (hashes, allegation records,
 * phrases) hold no lazy array (a structured clone would refuse one loudly).
 */
export function plainLists<T>(value: T): T {
  const done = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (done.has(v)) return done.get(v);
    // Marked as itself while walked: a cycle back to it is left as it is.
    done.set(v, v);
    let out: unknown = v;
    const fill = lazy.get(v);
    if (fill) out = fill().slice();
    else if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x = walk(v[i]);
        if (x !== v[i] && !copy) copy = v.slice(0, i);
        copy?.push(x);
      }
      if (copy) out = copy;
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) {
        const record = v as Record<string, unknown>;
        let copy: Record<string, unknown> | undefined;
        for (const key in record) {
          if (!Object.hasOwn(record, key)) continue;
          const member = walk(record[key]);
          if (member !== record[key] && !copy) copy = { ...record };
          if (copy) copy[key] = member;
        }
        if (copy) out = copy;
      }
    }
    done.set(v, out);
    return out;
  };
  return walk(value) as T;
}

/** A list in chunks, copied chunk by chunk on change once handed out (see the file's comment). */
export class ChunkedList<T> {
  private chunks: T[][] = [];
  private size = 0;
  /** Chunks no list handed out holds: they may change in place. */
  private readonly owned = new Set<T[]>();
  /** Whether no list handed out holds the directory of chunks. */
  private ownDirectory = true;
  /** The list last handed out, while nothing changed since. */
  private handed: readonly T[] | undefined;

  static from<T>(items: readonly T[]): ChunkedList<T> {
    const list = new ChunkedList<T>();
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      list.chunks.push(chunk);
      list.owned.add(chunk);
    }
    list.size = items.length;
    return list;
  }

  get length(): number {
    return this.size;
  }

  /** The list as it stands; it never changes afterwards. */
  snapshot(): readonly T[] {
    if (this.handed) return this.handed;
    this.ownDirectory = false;
    this.owned.clear();
    this.handed = this.size < LAZY_FROM ? this.chunks.flat() : lazyArray(this.chunks, this.size);
    return this.handed;
  }

  /** The item at index `i` (0 ≤ i < length). */
  at(i: number): T {
    const [c, k] = this.locate(i);
    return this.chunks[c]![k]!;
  }

  /** Calls `f` for each item from index `from` on, in order. */
  forEachFrom(from: number, f: (item: T) => void): void {
    if (from >= this.size) return;
    let [c, k] = this.locate(from);
    for (; c < this.chunks.length; c++, k = 0) {
      const chunk = this.chunks[c]!;
      for (; k < chunk.length; k++) f(chunk[k]!);
    }
  }

  /**
   * The first index whose item is not `before` (false from some index on, as in a list in order):
   * by bisection over the chunks' last items, then inside one chunk.
   */
  firstNot(before: (item: T) => boolean): number {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(chunks[mid]!.at(-1)!)) lo = mid + 1;
      else hi = mid;
    }
    let index = 0;
    for (let c = 0; c < lo; c++) index += chunks[c]!.length;
    if (lo === chunks.length) return index;
    const chunk = chunks[lo]!;
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (before(chunk[mid]!)) a = mid + 1;
      else b = mid;
    }
    return index + a;
  }

  push(item: T): void {
    const last = this.chunks.length - 1;
    if (last >= 0 && this.chunks[last]!.length < CHUNK) this.writable(last).push(item);
    else {
      this.directory().push([item]);
      this.owned.add(this.chunks.at(-1)!);
    }
    this.size++;
    this.handed = undefined;
  }

  /** Puts `item` at index `i` (0 ≤ i ≤ length), moving the later ones up. */
  insert(i: number, item: T): void {
    if (i === this.size) {
      this.push(item);
      return;
    }
    const [c, k] = this.locate(i);
    const chunk = this.writable(c);
    chunk.splice(k, 0, item);
    if (chunk.length >= 2 * CHUNK) {
      const tail = chunk.splice(CHUNK);
      this.directory().splice(c + 1, 0, tail);
      this.owned.add(tail);
    }
    this.size++;
    this.handed = undefined;
  }

  /** Replaces the item at index `i`. */
  set(i: number, item: T): void {
    const [c, k] = this.locate(i);
    this.writable(c)[k] = item;
    this.handed = undefined;
  }

  /** Takes out the item at index `i`. */
  removeAt(i: number): void {
    const [c, k] = this.locate(i);
    const chunk = this.writable(c);
    chunk.splice(k, 1);
    if (chunk.length === 0) this.directory().splice(c, 1);
    this.size--;
    this.handed = undefined;
  }

  /** The chunk and the index in it of index `i`: counted from the nearer end. */
  private locate(i: number): [number, number] {
    if (i < 0 || i >= this.size) throw new RangeError(`index ${i} out of a list of ${this.size}`);
    const chunks = this.chunks;
    if (i < this.size / 2) {
      let c = 0;
      while (i >= chunks[c]!.length) i -= chunks[c++]!.length;
      return [c, i];
    }
    let c = chunks.length - 1;
    let end = this.size;
    while (i < end - chunks[c]!.length) end -= chunks[c--]!.length;
    return [c, i - (end - chunks[c]!.length)];
  }

  private directory(): T[][] {
    if (!this.ownDirectory) {
      this.chunks = this.chunks.slice();
      this.ownDirectory = true;
    }
    return this.chunks;
  }

  private writable(c: number): T[] {
    const chunk = this.chunks[c]!;
    if (this.owned.has(chunk)) return chunk;
    const copy = chunk.slice();
    this.directory()[c] = copy;
    this.owned.add(copy);
    return copy;
  }
}
