/**
 * A least-recently-used cache of byte strings (tiles, entry bundles, checkpoints) within a byte
 * budget. Only what cannot change while it is kept may be put here: a full tile of an append-only
 * log is the same on every server and forever; bytes of a log's current state are put under a key
 * naming that state (log-reads.ts). With `perEntry`, each entry also counts that many bytes and
 * two a character of its key (a Map entry and its key), so that many small values stay bounded too.
 */
export class ImmutableCache<V extends { bytes: Uint8Array }> {
  readonly budget: number;
  readonly perEntry: number;
  #used = 0;
  readonly #entries = new Map<string, { value: V; cost: number }>();

  constructor(budgetBytes: number, perEntry = 0) {
    this.budget = budgetBytes;
    this.perEntry = perEntry;
  }

  get(key: string): V | undefined {
    const e = this.#entries.get(key);
    if (e) {
      this.#entries.delete(key);
      this.#entries.set(key, e);
    }
    return e?.value;
  }

  set(key: string, value: V): void {
    const cost = value.bytes.length + (this.perEntry > 0 ? this.perEntry + 2 * key.length : 0);
    if (cost > this.budget) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#used -= old.cost;
      this.#entries.delete(key);
    }
    this.#entries.set(key, { value, cost });
    this.#used += cost;
    for (const [k, e] of this.#entries) {
      if (this.#used <= this.budget) break;
      this.#entries.delete(k);
      this.#used -= e.cost;
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
    this.#used = 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The bytes counted against the budget. */
  get bytes(): number {
    return this.#used;
  }
}
