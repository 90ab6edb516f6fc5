/**
 * A least-recently-used cache of immutable byte strings (full tiles, entry bundles) within a byte
 * budget. Only what can never change may be put here: a full tile of an append-only log is the
 * same on every server and forever.
 */
export class ImmutableCache<V extends { bytes: Uint8Array }> {
  readonly budget: number;
  #used = 0;
  readonly #entries = new Map<string, V>();

  constructor(budgetBytes: number) {
    this.budget = budgetBytes;
  }

  get(key: string): V | undefined {
    const v = this.#entries.get(key);
    if (v) {
      this.#entries.delete(key);
      this.#entries.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    if (value.bytes.length > this.budget) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#used -= old.bytes.length;
      this.#entries.delete(key);
    }
    this.#entries.set(key, value);
    this.#used += value.bytes.length;
    for (const [k, v] of this.#entries) {
      if (this.#used <= this.budget) break;
      this.#entries.delete(k);
      this.#used -= v.bytes.length;
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#used;
  }
}
