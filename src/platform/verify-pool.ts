import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckedBatch, CheckedEntry, EntryChecker } from '../core/ledger/entry-check.ts';

/** A batch of entries for a worker: their bytes end to end (moved, not copied) and where each ends. */
export interface VerifyJob {
  id: number;
  /** Keys the worker has not been given yet. */
  keys: string[];
  data: ArrayBuffer;
  ends: number[];
}

/**
 * A worker's answer to a batch of n entries: `answer` (moved) holds their leaf hashes end to end
 * (32 bytes each), then where each entry's JSON ends in `text` (n 32-bit numbers); `text` holds
 * each entry's CheckedEntry but its leaf, as JSON, end to end. Or why the worker failed.
 */
export type VerifyAnswer =
  | { id: number; answer: ArrayBuffer; text: string; failed?: undefined }
  | { id: number; failed: string };

/** The space of a worker's newly created objects, in MiB (V8's default is several times more). */
const YOUNG_MB = 4;
/**
 * The rest of a worker's heap, in MiB: it holds its code, its keys and one batch (verifyLog's
 * batches hold at most a MiB of events); a bound makes V8 collect rather than let garbage grow.
 */
const OLD_MB = 48;

interface Thread {
  worker: Worker;
  /** Keys this worker has been given. */
  keys: Set<string>;
  pending: Map<number, { resolve(v: CheckedBatch): void; reject(e: Error): void }>;
}

/**
 * Worker threads that check a log's entries on their own (verify-worker.ts): verify's costly,
 * order-free part, on every core, while the ordered checks run on the calling thread. Each batch
 * goes to the thread with the fewest batches waiting; answers come back per batch, in any order,
 * each to its own promise. `check` is an EntryChecker for verifyLog.
 */
export class VerifyPool {
  readonly #threads: Thread[];
  #next = 0;
  #failed: Error | undefined;

  /** `workers` threads (default: the cores this process may use). */
  constructor(workers = availableParallelism()) {
    this.#threads = Array.from({ length: Math.max(1, workers) }, () => {
      // A batch leaves little behind: a small young generation keeps each thread's memory small.
      const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: OLD_MB },
      });
      const thread: Thread = { worker, keys: new Set(), pending: new Map() };
      worker.on('message', (a: VerifyAnswer) => {
        const p = thread.pending.get(a.id);
        if (!p) return;
        thread.pending.delete(a.id);
        if (a.failed !== undefined) p.reject(new Error(`A verify worker failed: ${a.failed}`));
        else p.resolve(new AnsweredBatch(a.answer, a.text));
      });
      const stop = (e: Error) => {
        this.#failed ??= e;
        for (const p of thread.pending.values()) p.reject(e);
        thread.pending.clear();
      };
      worker.on('error', stop);
      worker.on('exit', (code) => {
        if (thread.pending.size > 0) stop(new Error(`A verify worker stopped (exit code ${code}).`));
      });
      return thread;
    });
  }

  get size(): number {
    return this.#threads.length;
  }

  readonly check: EntryChecker = (entries, keys) => {
    if (this.#failed) return Promise.reject(this.#failed);
    const thread = this.#threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const fresh = keys.filter((k) => !thread.keys.has(k));
    for (const k of fresh) thread.keys.add(k);
    let total = 0;
    for (const e of entries) total += e.length;
    const data = new Uint8Array(total);
    const ends: number[] = [];
    let at = 0;
    for (const e of entries) {
      data.set(e, at);
      at += e.length;
      ends.push(at);
    }
    const id = this.#next++;
    const job: VerifyJob = { id, keys: fresh, data: data.buffer, ends };
    return new Promise<CheckedBatch>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage(job, [data.buffer]);
    });
  };

  async close(): Promise<void> {
    await Promise.all(this.#threads.map((t) => t.worker.terminate()));
  }
}

/**
 * A worker's answer, each entry parsed only when verify comes to it: a batch waiting its turn is
 * a buffer and a string, and each entry's objects die as soon as verify is done with it (the
 * young generation's collections then find almost nothing alive to copy).
 */
class AnsweredBatch implements CheckedBatch {
  readonly length: number;
  readonly #answer: ArrayBuffer;
  readonly #ends: Uint32Array;
  readonly #text: string;

  constructor(answer: ArrayBuffer, text: string) {
    this.length = answer.byteLength / 36;
    this.#answer = answer;
    this.#ends = new Uint32Array(answer, 32 * this.length, this.length);
    this.#text = text;
  }

  at(k: number): CheckedEntry | undefined {
    if (!(Number.isInteger(k) && k >= 0 && k < this.length)) return undefined;
    const checked = JSON.parse(
      this.#text.slice(k === 0 ? 0 : this.#ends[k - 1], this.#ends[k]),
    ) as CheckedEntry;
    // The leaf is a view of the answer's buffer, not a copy.
    checked.leaf = new Uint8Array(this.#answer, 32 * k, 32);
    return checked;
  }
}
