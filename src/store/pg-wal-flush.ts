import type pg from 'pg';
import { sharedFlushes, type WalSync } from './wal-sync.ts';

/**
 * PostgreSQL: an append commits without waiting for the disk, and is answered only once the
 * write-ahead log is flushed past its commit. Written into an append's statement (or run in its
 * transaction), `DEFERRED_COMMIT` sets `synchronous_commit = off` for that transaction alone: its
 * commit releases the log's row lock as soon as the commit record is in the log's buffers, not
 * after the flush, so that the next writer's append to the log does not wait for this one's flush
 * and two writers' flushes can be one (a lock held through a flush orders the flushes one after
 * the other). The store then waits for `pgWalFlush` before the append resolves (ledger-store.ts).
 */
export const DEFERRED_COMMIT = "set_config('synchronous_commit', 'off', true)";

/**
 * A transaction that PostgreSQL commits as durably as the server is configured to (the session's
 * `synchronous_commit`: on, or a standby's confirmation with remote_write/remote_apply) and that
 * writes a record to the write-ahead log: its commit waits for the log to be flushed up to its own
 * commit record, so past every commit inserted before it, whichever process made it. A transaction
 * that writes nothing to the log is committed without a flush, even with an id assigned (a commit
 * flushes only when the transaction wrote a record): `select pg_current_xact_id()` alone flushes
 * nothing. A transactional logical message writes one record (about 60 bytes), takes no lock and
 * needs no table; nothing decodes it unless a logical replication slot is set up (it is then
 * ignored by its prefix).
 */
export const FLUSH_WAL = "select pg_logical_emit_message(true, 'truce-flush', '')";

/**
 * Resolves once every commit this database showed before the call (any process's) is flushed, as
 * durably as a commit of the session's `synchronous_commit`. Calls that overlap share flushes
 * (sharedFlushes), and PostgreSQL's group commit shares them across processes.
 */
export function pgWalFlush(pool: pg.Pool): WalSync {
  return sharedFlushes(async () => {
    await pool.query({ name: 'truce_wal_flush', text: FLUSH_WAL });
  });
}
