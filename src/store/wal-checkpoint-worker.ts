/**
 * The thread that copies a SQLite database's write-ahead log into the database file
 * (wal-checkpointer.ts): its own connection, PASSIVE checkpoints (they never wait for the
 * writer, nor make it wait), each on request. A checkpoint flushes the log and then the database
 * file to the disk, which may take long on a busy disk: here it does not hold up the server's
 * event loop. Answers each request with SQLite's figures (busy, frames in the log, frames copied).
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('wal-checkpoint-worker.ts runs as a worker thread of the store.');
const db = new DatabaseSync((workerData as { location: string }).location);
db.exec('PRAGMA busy_timeout = 10000');
db.exec('PRAGMA synchronous = FULL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
port.on('message', (message: 'checkpoint' | 'close') => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    const r = checkpoint.get() as { busy: number; log: number; checkpointed: number };
    port.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    port.postMessage({ ok: false, message: String((e as Error).message ?? e) });
  }
});
