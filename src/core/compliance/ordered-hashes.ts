import { ChunkedList } from './chunked-list.ts';
import { isMarked, mark, ONCE, SETTLED } from './list-marks.ts';

/**
 * Marks a list the evaluator built in order (an evidence list in the order its events occurred, a
 * list of records each in order inside) as settled: orderEvidence leaves it as it is. Marked (see
 * list-marks.ts) rather than frozen: V8 keeps a large frozen array in a slow form, and every copy of
 * it would pay for that. Gives the list back.
 */
export function settle<T extends readonly unknown[]>(list: T): T {
  mark(list, SETTLED);
  return list;
}

export function isSettled(list: readonly unknown[]): boolean {
  return isMarked(list, SETTLED);
}

/**
 * A list of leaf hashes kept in the order their events occurred (instant, then leaf hash), as the
 * evaluator builds it: an event's hash goes in where it belongs, so the list never needs sorting.
 * `shared()` hands the list out (an evaluation may hold it); it never changes afterwards, and the next
 * change copies only the chunk it touches (see ChunkedList), so an update costs what it touches.
 */
export class OrderedHashes {
  private readonly items = new ChunkedList<string>();
  private readonly compare: (a: string, b: string) => number;

  constructor(compare: (a: string, b: string) => number) {
    this.compare = compare;
  }

  get length(): number {
    return this.items.length;
  }

  /** The list as it stands, settled; it never changes afterwards. */
  shared(): readonly string[] {
    return settle(this.items.snapshot());
  }

  /** Where `hash` goes: after every hash that occurred before it (and after equal ones). */
  private position(hash: string): number {
    return this.items.firstNot((h) => this.compare(h, hash) <= 0);
  }

  add(hash: string): void {
    const list = this.items;
    // Events mostly arrive in time order: then the new one simply goes last.
    if (list.length === 0 || this.compare(list.at(list.length - 1), hash) <= 0) list.push(hash);
    else list.insert(this.position(hash), hash);
  }

  /** Takes one occurrence of `hash` out (it must be there). */
  remove(hash: string): void {
    const list = this.items;
    let i = this.position(hash) - 1;
    while (i >= 0 && list.at(i) !== hash && this.compare(list.at(i), hash) === 0) i--;
    if (i < 0 || list.at(i) !== hash) return;
    list.removeAt(i);
  }
}

/**
 * Two lists in occurrence order merged into one, in that order (duplicates kept). The shorter list's
 * hashes are placed in the longer one by galloping search, so a few new hashes cost a few
 * comparisons and one copy, not a comparison per hash.
 */
export function mergeOrdered(
  a: readonly string[],
  b: readonly string[],
  compare: (x: string, y: string) => number,
): string[] {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const out: string[] = [];
  let i = 0;
  for (const x of short) {
    // The first index from i whose hash comes after x: gallop, then bisect.
    let step = 1;
    let lo = i;
    let hi = i;
    while (hi < long.length && compare(long[hi]!, x) <= 0) {
      lo = hi + 1;
      hi = i + step;
      step *= 2;
    }
    if (hi > long.length) hi = long.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(long[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let k = i; k < lo; k++) out.push(long[k]!);
    out.push(x);
    i = lo;
  }
  for (let k = i; k < long.length; k++) out.push(long[k]!);
  return out;
}

/**
 * Every hash of some lists, each once, in the order the events occurred, as a settled list. Lists
 * already in that order (settled, see OrderedHashes) are merged as they are; others are put in
 * order first. The lists given are never changed; the union may be one of them.
 */
export function orderedUnion(
  lists: readonly (readonly string[])[],
  compare: (x: string, y: string) => number,
): string[] {
  let parts = lists.filter((l) => l.length > 0).map((l) => (isSettled(l) ? l : [...l].sort(compare)));
  // One list in order, each hash once: it is the union.
  if (parts.length === 1 && isMarked(parts[0]!, ONCE)) return parts[0] as string[];
  const joined = joinedRuns(parts, compare);
  if (joined) return joined;
  // Merged two by two, so that each hash is moved about log(lists) times.
  while (parts.length > 1) {
    const next: (readonly string[])[] = [];
    for (let i = 0; i < parts.length; i += 2)
      next.push(i + 1 < parts.length ? mergeOrdered(parts[i]!, parts[i + 1]!, compare) : parts[i]!);
    parts = next;
  }
  const merged = parts[0] ?? [];
  const out = merged.filter((h, i) => i === 0 || merged[i - 1] !== h);
  return eachOnce(out);
}

/**
 * The union of lists each holding each hash once whose spans do not overlap (each one's events all
 * occurred before the next one's, as a quota's days do): they are joined end to end, without
 * comparing hash by hash. Undefined when they overlap.
 */
function joinedRuns(
  parts: readonly (readonly string[])[],
  compare: (x: string, y: string) => number,
): string[] | undefined {
  if (parts.length < 2 || !parts.every((p) => isMarked(p, ONCE))) return undefined;
  const runs = [...parts].sort((a, b) => compare(a[0]!, b[0]!));
  for (let i = 1; i < runs.length; i++)
    if (compare(runs[i - 1]!.at(-1)!, runs[i]![0]!) >= 0) return undefined;
  return eachOnce(([] as string[]).concat(...runs));
}

/** Marks a list in occurrence order that holds each hash once as settled and so. */
export function eachOnce(list: string[]): string[] {
  mark(list, SETTLED);
  mark(list, ONCE);
  return list;
}

/** Marks a settled list as holding each hash once. */
export function onceAlready(list: readonly string[]): void {
  mark(list, ONCE);
}
