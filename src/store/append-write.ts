import { toHex } from '../core/crypto/crypto.ts';
import type { AppendRows, EntryRow } from '../core/ledger/append-plan.ts';
import type { Hash } from '../core/ledger/tlog.ts';
import type { Database } from './database.ts';
import { asBytes } from './log-append.ts';
import { encodeLogChange, LOG_CHANNEL } from './log-channel.ts';
import { encodeEdge } from './log-edge.ts';
import { DEFERRED_COMMIT } from './pg-wal-flush.ts';

/**
 * Writes an append's rows if, and only if, the log still has the size they were planned at
 * (`rows.from`, with root `root`): the log's row is updated first, on that condition, and nothing else is written
 * when it fails. False when the log had moved on (plan again). The write is one transaction, as
 * durable as any: on PostgreSQL one statement (the update locks the log's row until the commit,
 * so that two writers never both take a size; the change is announced on commit); on SQLite one
 * BEGIN IMMEDIATE transaction. On PostgreSQL the commit does not wait for the disk
 * (DEFERRED_COMMIT): the caller waits for Database.durable before it answers.
 */
export async function writeIfAt(
  database: Database,
  logId: string,
  rows: AppendRows,
  root: Hash,
): Promise<boolean> {
  return database.dialect === 'postgres'
    ? writePostgres(database, logId, rows, root)
    : writeSqlite(database, logId, rows, root);
}

const POSTGRES_WRITE = `with head as (
  update truce_log set size = $1, root = $2, edge = $24 where id = $3 and size = $4 and root = $23 returning id
), entries as (
  insert into truce_entry (log_id, idx, leaf_hash, kind, actor, event, recorded_at, row_id, occurred_ms)
  select $3, e.idx, decode(e.leaf, 'hex'), e.kind, e.actor, e.event, e.recorded_at, e.row_id, e.occurred_ms
  from unnest($5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[])
    as e(idx, leaf, kind, actor, event, recorded_at, row_id, occurred_ms)
  where exists (select 1 from head)
), hashes as (
  insert into truce_hash (log_id, id, hash)
  select $3, h.id, decode(h.hash, 'hex') from unnest($13::bigint[], $14::text[]) as h(id, hash)
  where exists (select 1 from head)
), actors as (
  insert into truce_actor (log_id, actor, name, role, party, key, revoked)
  select $3, a.actor, a.name, a.role, a.party, a.key, a.revoked
  from unnest($15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::integer[])
    as a(actor, name, role, party, key, revoked)
  where exists (select 1 from head)
  on conflict (log_id, actor) do update set name = excluded.name, role = excluded.role,
    party = excluded.party, key = excluded.key, revoked = excluded.revoked
)
select (select count(*) from head) as moved, (select pg_notify($21, $22) from head) as announced,
  ${DEFERRED_COMMIT} as deferred`;

async function writePostgres(
  database: Database,
  logId: string,
  rows: AppendRows,
  root: Hash,
): Promise<boolean> {
  const { entries, hashes, actors } = rows;
  const result = await database.pool!.query<{ moved: string | number }>({
    name: 'truce_append_write',
    text: POSTGRES_WRITE,
    values: [
      rows.size,
      Buffer.from(rows.root),
      logId,
      rows.from,
      entries.map((e) => e.idx),
      entries.map((e) => toHex(e.leaf)),
      entries.map((e) => e.kind),
      entries.map((e) => e.actor),
      entries.map((e) => e.event),
      entries.map((e) => e.recordedAt),
      entries.map((e) => e.rowId),
      entries.map((e) => e.occurredMs),
      hashes.map((h) => h.id),
      hashes.map((h) => toHex(h.hash)),
      actors.map((a) => a.actor),
      actors.map((a) => a.name),
      actors.map((a) => a.role),
      actors.map((a) => a.party ?? null),
      actors.map((a) => a.key),
      actors.map((a) => (a.revoked ? 1 : 0)),
      LOG_CHANNEL,
      encodeLogChange({ log: logId, size: rows.size }),
      Buffer.from(root),
      Buffer.from(encodeEdge(rows.edge)),
    ],
  });
  return Number(result.rows[0]?.moved ?? 0) === 1;
}

/**
 * PostgreSQL: appends one event, checked against the log as it stood at size `from`, at the log's
 * end now, in one statement (truce_append_at_end, migration 0013): the log's row is locked for
 * that statement and its commit only (a commit that does not wait for the disk, DEFERRED_COMMIT:
 * the caller waits for Database.durable), and a writer whose head is behind does not plan again
 * unless an actor event was appended since `from` (then undefined: check it against the log read
 * anew). The tree hashes and the root are the database's, from the edge kept in the log's row it
 * locked; the index, root and edge the log has after the event come back (the head after it).
 */
export async function writeAtEnd(
  database: Database,
  logId: string,
  entry: EntryRow,
  from: number,
): Promise<{ index: number; root: Hash; edge: Uint8Array } | undefined> {
  const result = await database.pool!.query<{
    appended_at: number;
    new_root: Uint8Array;
    new_edge: Uint8Array;
  }>({
    name: 'truce_append_at_end_edge',
    text: `select appended_at, new_root, new_edge from ${DEFERRED_COMMIT},
      truce_append_at_end($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    values: [
      logId,
      from,
      Buffer.from(entry.leaf),
      entry.kind,
      entry.actor,
      entry.event,
      entry.recordedAt,
      entry.rowId,
      entry.occurredMs,
      LOG_CHANNEL,
    ],
  });
  const row = result.rows[0];
  return row
    ? { index: Number(row.appended_at), root: asBytes(row.new_root), edge: asBytes(row.new_edge) }
    : undefined;
}

/** Multi-row VALUES lists, kept far below SQLite's limit of 32,766 bound parameters. */
const ENTRY_ROWS = 500;
const HASH_ROWS = 2000;

const values = (columns: number, count: number) =>
  Array.from({ length: count }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(
    ', ',
  );

/** Row counts whose statement text is kept: a single event's rows (a hash per level of the tree at most). */
const KEPT_COUNTS = 64;

/**
 * A statement's text for `count` rows, made once per count up to KEPT_COUNTS (the statement cache
 * is keyed by it); a longer batch's is made each time (it is written seldom, and long).
 */
function textsByCount(text: (count: number) => string): (count: number) => string {
  const made = new Map<number, string>();
  return (count) => {
    if (count > KEPT_COUNTS) return text(count);
    let t = made.get(count);
    if (t === undefined) {
      t = text(count);
      made.set(count, t);
    }
    return t;
  };
}

const insertEntries = textsByCount(
  (count) =>
    `insert into truce_entry (log_id, idx, leaf_hash, kind, actor, event, recorded_at, row_id, occurred_ms) values ${values(9, count)}`,
);
const insertHashes = textsByCount(
  (count) => `insert into truce_hash (log_id, id, hash) values ${values(3, count)}`,
);

function writeSqlite(database: Database, logId: string, rows: AppendRows, root: Hash): Promise<boolean> {
  // Synchronously, on the connection in its turn: statements prepared once, no query compiled.
  return database.sqlite!((statement) => {
    statement('begin immediate').run();
    try {
      const head = statement(
        'update truce_log set size = ?, root = ?, edge = ? where id = ? and size = ? and root = ?',
      ).run(rows.size, rows.root, encodeEdge(rows.edge), logId, rows.from, root);
      if (Number(head.changes) !== 1) {
        statement('rollback').run();
        return false;
      }
      for (let k = 0; k < rows.entries.length; k += ENTRY_ROWS) {
        const part = rows.entries.slice(k, k + ENTRY_ROWS);
        statement(insertEntries(part.length)).run(
          ...part.flatMap((e) => [
            logId,
            e.idx,
            e.leaf,
            e.kind,
            e.actor,
            e.event,
            e.recordedAt,
            e.rowId,
            e.occurredMs,
          ]),
        );
      }
      for (let k = 0; k < rows.hashes.length; k += HASH_ROWS) {
        const part = rows.hashes.slice(k, k + HASH_ROWS);
        statement(insertHashes(part.length)).run(...part.flatMap((h) => [logId, h.id, h.hash]));
      }
      for (const a of rows.actors)
        statement(
          `insert into truce_actor (log_id, actor, name, role, party, key, revoked) values (?, ?, ?, ?, ?, ?, ?)
           on conflict (log_id, actor) do update set name = excluded.name, role = excluded.role,
             party = excluded.party, key = excluded.key, revoked = excluded.revoked`,
        ).run(logId, a.actor, a.name, a.role, a.party ?? null, a.key, a.revoked ? 1 : 0);
      statement('commit').run();
      return true;
    } catch (e) {
      statement('rollback').run();
      throw e;
    }
  });
}
