import type { DatabaseSync } from 'node:sqlite';
import { type CheckpointFigures, walCheckpointer } from './wal-checkpointer.ts';
import { keptDatasync, walSync } from './wal-sync.ts';

/** How a SQLite connection's commits reach the disk, and its write-ahead log the database file. */
export interface SqliteDurability {
  /** Resolves once every commit of the connection so far is on the disk, counted toward the next checkpoint. */
  committed(): Promise<void>;
  /** Resolves once every commit of the connection so far is on the disk. */
  flushed(): Promise<void>;
  /** Copies the log into the file now on the checkpointing thread; absent when there is none. */
  checkpoint?: () => Promise<CheckpointFigures | undefined>;
  /** Closes the connection by `destroy`, the log copied into the file before and the kept file closed after. */
  close(destroy: () => Promise<void>): Promise<void>;
}

/**
 * Durability as `synchronous = FULL` gives it, off the event loop, for a database file: SQLite
 * writes a commit's frames without flushing them (NORMAL), and every write waits for `committed`
 * (the log file flushed on the thread pool, wal-sync.ts) before it resolves; the log is copied into
 * the file by a thread of its own (wal-checkpointer.ts), not by whichever commit crosses 1,000
 * pages. In memory (or a `file:` URI), SQLite's own FULL, and nothing else to do.
 */
export function sqliteDurability(sqlite: DatabaseSync, location: string): SqliteDurability {
  const onDisk = location !== '' && location !== ':memory:' && !location.startsWith('file:');
  sqlite.exec(`PRAGMA synchronous = ${onDisk ? 'NORMAL' : 'FULL'}`);
  if (!onDisk) {
    const done = async () => {};
    return { committed: done, flushed: done, close: (destroy) => destroy() };
  }
  const walFile = keptDatasync();
  const wal = walSync(`${location}-wal`, walFile.flush);
  const checkpointer = walCheckpointer(location, () => sqlite.exec('PRAGMA wal_autocheckpoint = 1000'));
  sqlite.exec('PRAGMA wal_autocheckpoint = 0');
  return {
    committed: async () => {
      await wal.sync();
      checkpointer.committed();
    },
    flushed: () => wal.sync(),
    checkpoint: () => checkpointer.now(),
    close: async (destroy) => {
      await checkpointer.close();
      // What this connection wrote goes into the database file now, whatever other processes
      // still hold it open (SQLite itself copies the log on close only when it is the last one).
      try {
        sqlite.exec('PRAGMA wal_checkpoint(PASSIVE)');
      } catch {
        // A checkpoint is housekeeping: the log stays valid and is copied later.
      }
      await destroy();
      await walFile.close();
    },
  };
}
