import { Worker } from 'node:worker_threads';

/** When a checkpoint is asked for: after this many commits, or this long after the first one not yet copied. */
export interface CheckpointPace {
  commits: number;
  ms: number;
}

export const CHECKPOINT_PACE: CheckpointPace = { commits: 200, ms: 1000 };

/** SQLite's answer to a checkpoint: frames in the log, and how many of them are in the database file. */
export interface CheckpointFigures {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Keeps a SQLite database's write-ahead log from growing, off the event loop. The store's own
 * connection runs with `wal_autocheckpoint = 0` (otherwise the commit that crosses 1,000 pages
 * copies the log into the database and flushes both, on the thread that answers requests); this
 * asks a thread of its own (wal-checkpoint-worker.ts) for a PASSIVE checkpoint at the pace given.
 * The thread starts at the first checkpoint (a short command never starts it) and does not keep
 * the process alive. If it cannot run, `fallback` is called once: the store then has SQLite
 * checkpoint on its own connection again, as by default.
 */
export function walCheckpointer(
  location: string,
  fallback: () => void,
  pace: CheckpointPace = CHECKPOINT_PACE,
) {
  let worker: Worker | undefined;
  let failed = false;
  let closed = false;
  let commits = 0;
  let timer: NodeJS.Timeout | undefined;
  let inFlight = false;
  /** Checkpoints asked of the thread so far, and whether one more is wanted when the current ends. */
  let posted = 0;
  let again = false;
  const waiting: { after: number; resolve: (figures: CheckpointFigures | undefined) => void }[] = [];

  const giveUp = () => {
    if (failed) return;
    failed = true;
    worker = undefined;
    inFlight = false;
    for (const w of waiting.splice(0)) w.resolve(undefined);
    fallback();
  };

  const start = (): Worker | undefined => {
    if (worker || failed) return worker;
    try {
      worker = new Worker(new URL('./wal-checkpoint-worker.ts', import.meta.url), {
        workerData: { location },
      });
    } catch {
      giveUp();
      return undefined;
    }
    worker.unref();
    worker.on('message', (m: { ok: boolean } & Partial<CheckpointFigures>) => {
      inFlight = false;
      const figures = m.ok ? { busy: m.busy!, log: m.log!, checkpointed: m.checkpointed! } : undefined;
      for (let i = waiting.length - 1; i >= 0; i--) {
        if (waiting[i]!.after > posted) continue;
        waiting[i]!.resolve(figures);
        waiting.splice(i, 1);
      }
      if (again || commits >= pace.commits) checkpoint();
      else if (commits > 0) arm();
    });
    worker.on('error', giveUp);
    worker.on('exit', () => {
      if (!closed) giveUp();
    });
    return worker;
  };

  const checkpoint = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (closed || inFlight) return;
    const w = start();
    if (!w) return;
    commits = 0;
    again = false;
    inFlight = true;
    posted++;
    w.postMessage('checkpoint');
  };

  const arm = () => {
    if (timer || closed) return;
    timer = setTimeout(checkpoint, pace.ms);
    timer.unref();
  };

  return {
    /** Called after each commit of the store's connection. */
    committed(): void {
      if (failed || closed) return;
      commits++;
      if (inFlight) return;
      if (commits >= pace.commits) checkpoint();
      else arm();
    },
    /** A checkpoint now; resolves with SQLite's figures (undefined if the thread cannot run one). */
    now(): Promise<CheckpointFigures | undefined> {
      if (failed || closed) return Promise.resolve(undefined);
      // One that is running may have begun before what the caller wants copied: the next one counts.
      const answered = new Promise<CheckpointFigures | undefined>((resolve) =>
        waiting.push({ after: posted + 1, resolve }),
      );
      if (inFlight) again = true;
      else checkpoint();
      return answered;
    },
    /** Whether the thread has been started. */
    get started(): boolean {
      return worker !== undefined;
    },
    /** Stops the thread (its connection closed first); the store's own close copies what is left. */
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const w = worker;
      worker = undefined;
      for (const r of waiting.splice(0)) r.resolve(undefined);
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      // Held by the thread until it has closed its connection: when nothing else is left (a
      // server stopping, a command ending), an unreferenced thread would let the process end
      // with this close still waiting.
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
}

export type WalCheckpointer = ReturnType<typeof walCheckpointer>;
