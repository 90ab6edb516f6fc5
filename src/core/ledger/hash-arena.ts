import type { Hash } from './merkle.ts';

/**
 * Tree hashes by storage index in one growing buffer, 32 bytes each: the hashes of a log of a
 * million events take 64 MB here, several times less than as a million separate arrays.
 */
export class HashArena {
  #data: Uint8Array;
  #length = 0;

  /** `capacity`: the hashes expected, when known (room for them is taken at once, not by doubling). */
  constructor(capacity = 4096) {
    this.#data = new Uint8Array(32 * Math.max(1, capacity));
  }

  get length(): number {
    return this.#length;
  }

  push(hash: Hash): void {
    if ((this.#length + 1) * 32 > this.#data.length) {
      const grown = new Uint8Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data.set(hash, this.#length * 32);
    this.#length++;
  }

  /** Hash `i` (a view: it stays valid, the buffer is never written over). */
  at(i: number): Hash {
    return this.#data.subarray(i * 32, i * 32 + 32);
  }
}
