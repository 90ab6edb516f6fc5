import { bytesEqual } from '../crypto/crypto.ts';
import type { HashArena } from './hash-arena.ts';
import type { Hash } from './tlog.ts';

type Stream<T> = Iterable<T> | AsyncIterable<T>;
type StoredHash = { id: number; hash: Hash };

/** A stream of stored hashes as pages of one. */
function onePerPage(stored: Stream<StoredHash>): Stream<StoredHash[]> {
  if (Symbol.asyncIterator in stored)
    return (async function* () {
      for await (const s of stored) yield [s];
    })();
  return (function* () {
    for (const s of stored) yield [s];
  })();
}

const SAID: Record<string, [string, string]> = {
  'hash-missing': ['is missing from storage', 'are missing from storage'],
  'hash-mismatch': [
    'differs from the one recomputed from the events',
    'differ from the ones recomputed from the events',
  ],
  'hash-extra': ['is stored beyond the events of the log', 'are stored beyond the events of the log'],
};

/**
 * The stored tree hashes of a log held to the ones recomputed from its events, while they are
 * being recomputed: `upTo` reads on the stored hashes the events have reached so far (verify calls
 * it between batches, so the reading overlaps the checks on other threads instead of following
 * them), `finish` the rest once every event is in. A stored hash is judged only once the hash of
 * its index is known (or the events are all in), so the faults found are those of one reading
 * after the last event: runs of consecutive tree hashes with one fault, one problem each.
 */
export class StoredHashCheck {
  readonly #pages: AsyncIterator<StoredHash[]> | Iterator<StoredHash[]>;
  readonly #hashes: HashArena;
  readonly #tick: (() => void) | undefined;
  /** The page being read, and where in it: the hash at `#at`, when there is one, is read but not judged yet (its index is not computed yet). */
  #page: StoredHash[] = [];
  #at = 0;
  #done = false;
  #next = 0;
  #seen = 0;
  readonly #runs: { code: string; first: number; last: number }[] = [];

  /**
   * `stored`: the stored hashes one by one, or `{ pages }`: a page at a time (arrays in storage-index
   * order, as a database reads them: no step of an iterator for each hash). `tick`: called each
   * thousand stored hashes read (verifyLog's).
   */
  constructor(
    stored: Stream<StoredHash> | { pages: Stream<StoredHash[]> },
    hashes: HashArena,
    tick?: () => void,
  ) {
    const pages = 'pages' in stored ? stored.pages : onePerPage(stored);
    this.#pages = Symbol.asyncIterator in pages ? pages[Symbol.asyncIterator]() : pages[Symbol.iterator]();
    this.#hashes = hashes;
    this.#tick = tick;
  }

  /** Reads and judges the stored hashes whose index has been computed, as far as they go. */
  async upTo(): Promise<void> {
    const hashes = this.#hashes;
    while (!this.#done) {
      if (this.#at >= this.#page.length) {
        const next = await this.#pages.next();
        if (next.done) {
          this.#done = true;
          return;
        }
        this.#page = next.value;
        this.#at = 0;
        continue;
      }
      const held = this.#page[this.#at]!;
      if (held.id >= hashes.length) return;
      this.#judge(held);
      this.#at++;
      if (++this.#seen % 1000 === 0) this.#tick?.();
    }
  }

  /** Judges the rest (every event is in) and names the faults, in the order of the hashes. */
  async finish(): Promise<{ code: string; where: string; message: string }[]> {
    for (;;) {
      await this.upTo();
      if (this.#at >= this.#page.length) break;
      this.#judge(this.#page[this.#at]!);
      this.#at++;
    }
    const hashes = this.#hashes;
    for (; this.#next < hashes.length; this.#next++) this.#fault('hash-missing', this.#next);
    return this.#runs.map((r) => {
      const n = r.last - r.first + 1;
      return {
        code: r.code,
        where: n === 1 ? `tree hash ${r.first}` : `tree hashes ${r.first}–${r.last}`,
        message: n === 1 ? `A tree hash ${SAID[r.code]![0]}.` : `${n} tree hashes ${SAID[r.code]![1]}.`,
      };
    });
  }

  #judge(s: { id: number; hash: Hash }): void {
    const hashes = this.#hashes;
    for (; this.#next < Math.min(s.id, hashes.length); this.#next++) this.#fault('hash-missing', this.#next);
    if (s.id >= hashes.length) this.#fault('hash-extra', s.id);
    else if (!bytesEqual(s.hash, hashes.at(s.id))) this.#fault('hash-mismatch', s.id);
    this.#next = Math.max(this.#next, s.id + 1);
  }

  #fault(code: string, id: number): void {
    const run = this.#runs.at(-1);
    if (run && run.code === code && run.last === id - 1) run.last = id;
    else this.#runs.push({ code, first: id, last: id });
  }
}
