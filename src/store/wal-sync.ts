import { open } from 'node:fs/promises';

/**
 * What makes a SQLite commit durable: the write-ahead log's bytes on the disk. The database runs
 * with `synchronous = NORMAL`, so a commit writes its frames without waiting for the disk, and
 * the store then waits for this before it answers (sqlite-durable-dialect.ts): `fdatasync` of the
 * log file, done on libuv's thread pool, so the server's event loop goes on answering meanwhile.
 * Together the two are what `synchronous = FULL` gives (a commit is on the disk before the store
 * says it is done), without a disk's latency stalling every request.
 */
export interface WalSync {
  /** Resolves once everything committed before the call is on the disk. */
  sync(): Promise<void>;
}

/** Flushes one file's data: opened afresh each time, so a log file SQLite recreated is the one flushed. */
export async function datasyncFile(path: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    // No log file: nothing was written since SQLite last removed it (it does so on its last
    // close, after copying the log into the database and flushing it).
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/**
 * A WalSync of the file at `walPath` (`flush` is the flush itself: datasyncFile, or a test's).
 * Calls that overlap share flushes: a call made while a flush runs waits for the next one, which
 * starts when that ends and serves every call made meanwhile (a flush that began before a commit
 * may have missed its bytes).
 */
export function walSync(walPath: string, flush: (path: string) => Promise<void> = datasyncFile): WalSync {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const p = flush(walPath).finally(() => {
      if (running === p) running = undefined;
    });
    running = p;
    return p;
  };
  return {
    sync() {
      if (!running) return start();
      if (!queued) {
        const next = running
          .catch(() => {})
          .then(() => {
            queued = undefined;
            return start();
          });
        queued = next;
      }
      return queued;
    },
  };
}
