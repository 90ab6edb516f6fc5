import { ChunkedList, readable } from './chunked-list.ts';
import { isMarked, mark, ONCE, SETTLED } from './list-marks.ts';
import { compareEntries, type Entry } from './log-state.ts';

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
  /**
   * The entry of the last hash, when the caller gave it with that hash: a hash added in order is
   * then placed by comparing two entries, not by looking both up among a log's million.
   */
  private tail: Entry | undefined;

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

  /** Adds `hash`; `entry`, when given, is its event's entry (the hash must be its leaf hash). */
  add(hash: string, entry?: Entry): void {
    const list = this.items;
    // Events mostly arrive in time order: then the new one simply goes last.
    const last =
      list.length === 0 ||
      (this.tail && entry
        ? compareEntries(this.tail, entry) <= 0
        : this.compare(list.at(list.length - 1), hash) <= 0);
    if (last) {
      list.push(hash);
      this.tail = entry;
    } else list.insert(this.position(hash), hash);
  }

  /** Takes one occurrence of `hash` out (it must be there). */
  remove(hash: string): void {
    const list = this.items;
    let i = this.position(hash) - 1;
    while (i >= 0 && list.at(i) !== hash && this.compare(list.at(i), hash) === 0) i--;
    if (i < 0 || list.at(i) !== hash) return;
    if (i === list.length - 1) this.tail = undefined;
    list.removeAt(i);
  }
}

/**
 * Two lists in occurrence order merged into one, in that order (duplicates kept). Each list's run
 * that comes before the other's next hash is found by galloping search and copied whole, so lists
 * whose spans barely overlap (a quota's days, a few hashes placed among many) cost a few
 * comparisons per run, not one per hash; lists that interleave hash by hash cost about two.
 */
export function mergeOrdered(
  lazyA: readonly string[],
  lazyB: readonly string[],
  compare: (x: string, y: string) => number,
): string[] {
  const a = readable(lazyA);
  const b = readable(lazyB);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // a's hashes that come before b's next one, or with it (the same hash, or an equal place).
    const y = b[j]!;
    const endA = runEnd(a, i, (x) => compare(x, y) <= 0);
    for (let k = i; k < endA; k++) out.push(a[k]!);
    i = endA;
    if (i === a.length) break;
    // b's hashes that come before a's next one.
    const x = a[i]!;
    const endB = runEnd(b, j, (h) => compare(h, x) < 0);
    for (let k = j; k < endB; k++) out.push(b[k]!);
    j = endB;
  }
  for (let k = i; k < a.length; k++) out.push(a[k]!);
  for (let k = j; k < b.length; k++) out.push(b[k]!);
  return out;
}

/**
 * The first index from `from` whose item does not satisfy `before` (which holds for a prefix of the
 * list from there): galloping (1, 2, 4, … items ahead), then bisecting the last step.
 */
function runEnd(list: readonly string[], from: number, before: (x: string) => boolean): number {
  if (from >= list.length || !before(list[from]!)) return from;
  let lo = from + 1;
  let step = 1;
  let hi = from + step;
  while (hi < list.length && before(list[hi]!)) {
    lo = hi + 1;
    step *= 2;
    hi = from + step;
  }
  if (hi > list.length) hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every hash of some lists, each once, in the order the events occurred, as a settled list. Lists
 * already in that order (settled, see OrderedHashes) are merged as they are; others are put in
 * order first. Lists whose spans do not overlap (a quota's days) are joined end to end without
 * comparing hash by hash; only those that overlap are merged. The lists given are never changed;
 * the union may be one of them.
 */
export function orderedUnion(
  lists: readonly (readonly string[])[],
  compare: (x: string, y: string) => number,
): string[] {
  const parts = lists
    .filter((l) => l.length > 0)
    .map((l) => (isSettled(l) ? l : settle([...l].sort(compare))));
  // One list in order, each hash once: it is the union.
  if (parts.length === 1 && isMarked(parts[0]!, ONCE)) return parts[0] as string[];
  // Each list with its items as a plain array (a lazy one's read without its Proxy), by first hash.
  const runs = parts
    .map((list) => ({ list, items: readable(list) }))
    .sort((a, b) => compare(a.items[0]!, b.items[0]!));
  const unions: (readonly string[])[] = [];
  // The lists that overlap the one being read, and the latest hash among them.
  let group: { list: readonly string[]; items: readonly string[] }[] = [];
  let latest: string | undefined;
  const flush = () => {
    if (group.length === 0) return;
    unions.push(groupUnion(group, compare));
    group = [];
    latest = undefined;
  };
  for (const run of runs) {
    // A hash is in one place of the order: lists whose spans do not overlap share none.
    if (latest !== undefined && compare(latest, run.items[0]!) < 0) flush();
    group.push(run);
    const end = run.items[run.items.length - 1]!;
    if (latest === undefined || compare(latest, end) < 0) latest = end;
  }
  flush();
  const out = joined(unions);
  if (unions.length > 1) composedOf.set(out, unions);
  return eachOnce(out);
}

/** The lists a union was joined from, end to end (see partsOf). */
const composedOf = new WeakMap<readonly unknown[], readonly (readonly string[])[]>();

/**
 * The lists a union was joined from, in order, when it was joined from several: what has been done
 * with each of them (packed, see packed-evidence.ts) need not be done again for the union.
 */
export function partsOf(list: readonly unknown[]): readonly (readonly string[])[] | undefined {
  return composedOf.get(list);
}

/** The lists end to end, in one copy when they are few enough to pass as arguments. */
function joined(lists: readonly (readonly string[])[]): string[] {
  // Read as plain arrays: through a lazy one's Proxy, each item costs a trap.
  const items = lists.map((l) => readable(l));
  if (items.length <= 1024) return ([] as string[]).concat(...items);
  const out: string[] = [];
  for (const list of items) for (let k = 0; k < list.length; k++) out.push(list[k]!);
  return out;
}

/** The union of lists whose spans overlap, each hash once: merged two by two (each hash moved about log(lists) times). */
function groupUnion(
  group: readonly { list: readonly string[]; items: readonly string[] }[],
  compare: (x: string, y: string) => number,
): readonly string[] {
  // The list itself (a lazy one as it was handed out), so that what was packed of it is found again.
  if (group.length === 1 && isMarked(group[0]!.list, ONCE)) return group[0]!.list;
  let parts = group.map((g) => g.items);
  while (parts.length > 1) {
    const next: (readonly string[])[] = [];
    for (let i = 0; i < parts.length; i += 2)
      next.push(i + 1 < parts.length ? mergeOrdered(parts[i]!, parts[i + 1]!, compare) : parts[i]!);
    parts = next;
  }
  const merged = parts[0]!;
  return merged.filter((h, i) => i === 0 || merged[i - 1] !== h);
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
