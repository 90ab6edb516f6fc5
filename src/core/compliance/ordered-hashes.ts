/**
 * A list of leaf hashes kept in the order their events occurred (instant, then leaf hash), as the
 * evaluator builds it: an event's hash goes in where it belongs, so the list never needs sorting.
 * `shared()` hands the list out frozen (an evaluation may hold it); the next change copies it first,
 * so an evaluation handed out never changes afterwards.
 */
export class OrderedHashes {
  private items: string[] = [];
  private readonly compare: (a: string, b: string) => number;

  constructor(compare: (a: string, b: string) => number) {
    this.compare = compare;
  }

  get length(): number {
    return this.items.length;
  }

  /** The list as it stands, frozen: the evaluator copies it before its next change. */
  shared(): readonly string[] {
    if (!Object.isFrozen(this.items)) Object.freeze(this.items);
    return this.items;
  }

  private writable(): string[] {
    if (Object.isFrozen(this.items)) this.items = this.items.slice();
    return this.items;
  }

  /** Where `hash` goes: after every hash that occurred before it (and after equal ones). */
  private position(hash: string): number {
    const list = this.items;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(list[mid]!, hash) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(hash: string): void {
    const list = this.writable();
    // Events mostly arrive in time order: then the new one simply goes last.
    if (list.length === 0 || this.compare(list[list.length - 1]!, hash) <= 0) list.push(hash);
    else list.splice(this.position(hash), 0, hash);
  }

  /** Takes one occurrence of `hash` out (it must be there). */
  remove(hash: string): void {
    let i = this.position(hash) - 1;
    while (i >= 0 && this.items[i] !== hash && this.compare(this.items[i]!, hash) === 0) i--;
    if (i < 0 || this.items[i] !== hash) return;
    this.writable().splice(i, 1);
  }
}

/** Two lists in occurrence order merged into one, in that order (duplicates kept). */
export function mergeOrdered(
  a: readonly string[],
  b: readonly string[],
  compare: (x: string, y: string) => number,
): string[] {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
