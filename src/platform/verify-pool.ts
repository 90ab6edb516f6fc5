import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckedEntry, EntryChecker } from '../core/ledger/entry-check.ts';

/** A batch of entries for a worker: their bytes end to end (moved, not copied) and where each ends. */
export interface VerifyJob {
  id: number;
  /** Keys the worker has not been given yet. */
  keys: string[];
  data: ArrayBuffer;
  ends: number[];
}

/** A worker's answer: the leaf hashes end to end (moved), the rest as JSON; or why it failed. */
export type VerifyAnswer =
  | { id: number; leaves: ArrayBuffer; checked: string; failed?: undefined }
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
  pending: Map<number, { resolve(v: CheckedEntry[]): void; reject(e: Error): void }>;
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
        else p.resolve(answerOf(a));
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
    return new Promise<CheckedEntry[]>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage(job, [data.buffer]);
    });
  };

  async close(): Promise<void> {
    await Promise.all(this.#threads.map((t) => t.worker.terminate()));
  }
}

function answerOf(a: { leaves: ArrayBuffer; checked: string }): CheckedEntry[] {
  const leaves = new Uint8Array(a.leaves);
  // Each parsed entry takes its leaf as it is (no copy of the entry: the main thread's time counts).
  const checked = JSON.parse(a.checked) as CheckedEntry[];
  for (let k = 0; k < checked.length; k++) checked[k]!.leaf = leaves.subarray(32 * k, 32 * k + 32);
  return checked;
}
