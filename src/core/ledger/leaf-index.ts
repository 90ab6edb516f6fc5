import type { Hash } from './merkle.ts';

/**
 * The events of a log by leaf hash, with the actor and kind of each: what an event's references
 * are checked against. Compact for a log of millions of events: the leaf hashes are not copied
 * (they are read where the tree keeps them, `leafAt`), an open-addressing table of positions
 * takes 8 bytes an event at most, and actor and kind are small numbers into their lists (a byte
 * each while there are at most 256 names, two up to 65,536, four beyond). Adding a
 * leaf that is already there makes the later event the one it stands for, as a Map would.
 */
export class LeafIndex {
  readonly #leafAt: (position: number) => Hash;
  #slots: Uint32Array; // position + 1; 0 is empty
  #count = 0;
  #actor: Ids;
  #kind: Ids;
  readonly #names: string[] = [];
  readonly #nameIds = new Map<string, number>();

  /**
   * `leafAt(position)`: the leaf hash of the event added at that position, for as long as the
   * index lives. `expected`: how many events will be added, when known (room is taken at once).
   */
  constructor(leafAt: (position: number) => Hash, expected = 1024) {
    this.#leafAt = leafAt;
    let slots = 1 << 12;
    while (slots < 2 * expected) slots *= 2;
    this.#slots = new Uint32Array(slots);
    this.#actor = new Uint8Array(Math.max(1, expected));
    this.#kind = new Uint8Array(Math.max(1, expected));
  }

  /** The event at `position` (positions grow, one per event added). */
  add(position: number, leaf: Hash, actor: string, kind: string): void {
    const a = this.#id(actor);
    const k = this.#id(kind);
    this.#actor = grown(this.#actor, position, a);
    this.#kind = grown(this.#kind, position, k);
    this.#actor[position] = a;
    this.#kind[position] = k;
    if ((this.#count + 1) * 2 > this.#slots.length) this.#rehash();
    const at = this.#find(leaf);
    if (this.#slots[at] === 0) this.#count++;
    this.#slots[at] = position + 1;
  }

  /** The actor and kind of the event with this leaf hash (64 lower-case hex digits). */
  get(hex: string): { actor: string; kind: string } | undefined {
    if (!/^[0-9a-f]{64}$/.test(hex)) return undefined;
    const leaf = new Uint8Array(32);
    for (let i = 0; i < 32; i++) leaf[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    const p = this.#slots[this.#find(leaf)]!;
    if (p === 0) return undefined;
    return { actor: this.#names[this.#actor[p - 1]!]!, kind: this.#names[this.#kind[p - 1]!]! };
  }

  #id(name: string): number {
    let id = this.#nameIds.get(name);
    if (id === undefined) {
      id = this.#names.push(name) - 1;
      this.#nameIds.set(name, id);
    }
    return id;
  }

  /** The slot that holds `leaf`, or the empty slot where it would go. */
  #find(leaf: Hash): number {
    const mask = this.#slots.length - 1;
    let at = (leaf[0]! | (leaf[1]! << 8) | (leaf[2]! << 16) | (leaf[3]! << 24)) & mask;
    for (;;) {
      const p = this.#slots[at]!;
      if (p === 0 || same(this.#leafAt(p - 1), leaf)) return at;
      at = (at + 1) & mask;
    }
  }

  #rehash(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    for (const p of old) if (p !== 0) this.#slots[this.#find(this.#leafAt(p - 1))] = p;
  }
}

/** Name ids by position: the narrowest array that holds every id so far. */
type Ids = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;

/** `a`, or a copy long enough for `position` and wide enough for `id` (a as it is when it is both). */
function grown(a: Ids, position: number, id: number): Ids {
  const wide = id > 0xffff ? 4 : id > 0xff ? 2 : 1;
  if (position < a.length && wide <= a.BYTES_PER_ELEMENT) return a;
  let n = a.length;
  while (n <= position) n *= 2;
  const bytes = Math.max(wide, a.BYTES_PER_ELEMENT);
  const b = bytes === 4 ? new Uint32Array(n) : bytes === 2 ? new Uint16Array(n) : new Uint8Array(n);
  b.set(a);
  return b;
}

function same(a: Hash, b: Hash): boolean {
  for (let i = 0; i < 32; i++) if (a[i] !== b[i]) return false;
  return true;
}
