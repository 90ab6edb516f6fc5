import { fstatSync, type Stats, statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

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

/** A flush that keeps its file open between calls (keptDatasync); `close` lets go of it. */
export interface KeptFlush {
  flush(path: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * datasyncFile with the file kept open from one flush to the next: opening and closing it for
 * each commit cost more than the flush's own call (two more trips to the thread pool, some 90 µs
 * of CPU a commit here). Before each flush the path is looked up (a stat of an inode SQLite holds
 * open: no wait for the disk) and the file is opened anew only when it is not the one kept, so a
 * log file SQLite removed or recreated is still the one flushed, as by datasyncFile; no file, no
 * flush. Calls must not overlap (walSync runs one flush at a time). `openFile` is for tests.
 */
export function keptDatasync(
  openFile: (path: string) => Promise<FileHandle> = (p) => open(p, 'r'),
): KeptFlush {
  let kept: { handle: FileHandle; path: string; dev: number; ino: number } | undefined;
  const release = async () => {
    const k = kept;
    kept = undefined;
    await k?.handle.close();
  };
  return {
    async flush(path) {
      let now: Stats;
      try {
        now = statSync(path);
      } catch (e) {
        // No log file: nothing written since SQLite removed it (as datasyncFile); any other error is one.
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return release();
        throw e;
      }
      if (!kept || kept.path !== path || kept.dev !== now.dev || kept.ino !== now.ino) {
        await release();
        const handle = await openFile(path);
        // The file opened, whatever the path named when it was looked up.
        const opened = fstatSync(handle.fd);
        kept = { handle, path, dev: opened.dev, ino: opened.ino };
      }
      try {
        await kept.handle.datasync();
      } catch (e) {
        // Not kept after a failed flush: the next one starts from the file as the path names it.
        await release().catch(() => {});
        throw e;
      }
    },
    close: release,
  };
}

/**
 * A WalSync of the file at `walPath` (`flush` is the flush itself: datasyncFile, or a test's),
 * its calls shared as sharedFlushes shares them.
 */
export function walSync(walPath: string, flush: (path: string) => Promise<void> = datasyncFile): WalSync {
  return sharedFlushes(() => flush(walPath));
}

/**
 * A WalSync whose flush is `flush` (a file's, or PostgreSQL's: pg-wal-flush.ts). Calls that
 * overlap share flushes: a call made while a flush runs waits for the next one, which starts when
 * that ends and serves every call made meanwhile (a flush that began before a commit may have
 * missed its bytes).
 */
export function sharedFlushes(flush: () => Promise<void>): WalSync {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const p = flush().finally(() => {
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
