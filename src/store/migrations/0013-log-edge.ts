import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { edgeIndexes } from '../../core/ledger/tree-edge.ts';
import type { Dialect } from '../database.ts';
import { concatHashes } from '../log-edge.ts';
import { appendFunctionMigration } from './0012-append-function.ts';

/**
 * The tree's right edge kept with the log (log-edge.ts): `truce_log.edge`, the hashes of the
 * complete subtrees of its records, left first, written with every new size and root, in the same
 * statement. Filled in here for the logs there are, from their stored tree hashes (left empty when
 * one is missing: the append then takes the locked path, which reports it, and verify does).
 *
 * PostgreSQL: truce_append_at_end (0012) again, without a tree hash read. It locks the log's row
 * and reads its size, root and edge there; refuses (raises: the caller takes the locked path) an
 * edge that does not fold to the root stored; finds the left siblings the new record completes at
 * the end of the edge and the new root by folding the new edge; writes the entry, its tree hashes
 * in one insert, and the new size, root and edge; and returns the new edge with the index and
 * root, so a writer whose head was behind has the head after its append without reading it. The
 * check that no actor event came since `p_from` reads the kind index for each kind (0012's
 * `kind in (…)` was planned as a scan of the log from `p_from` on, one row per event). Storage
 * index of record n's leaf: tlog's storedHashIndex(0, n) = 2n - popcount(n), and the edge of n
 * holds popcount(n) hashes.
 */
export function logEdgeMigration(dialect: Dialect): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  const empty = dialect === 'postgres' ? sql`'\\x'::bytea` : sql`X''`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('truce_log')
        .addColumn('edge', binary, (c) => c.notNull().defaultTo(empty))
        .execute();
      const logs = await sql<{ id: string; size: number | string }>`select id, size from truce_log`.execute(
        db,
      );
      for (const log of logs.rows) {
        const indexes = edgeIndexes(Number(log.size));
        if (indexes.length === 0) continue;
        const byId = new Map<number, Uint8Array>();
        for (let k = 0; k < indexes.length; k += 500) {
          const part = indexes.slice(k, k + 500);
          const rows = await sql<{ id: number | string; hash: Uint8Array }>`select id, hash from truce_hash
            where log_id = ${log.id} and id in (${sql.join(part)})`.execute(db);
          for (const r of rows.rows) byId.set(Number(r.id), r.hash);
        }
        if (indexes.some((i) => !byId.has(i))) continue;
        const edge = concatHashes(indexes.map((i) => new Uint8Array(byId.get(i)!)));
        await sql`update truce_log set edge = ${edge} where id = ${log.id}`.execute(db);
      }
      if (dialect !== 'postgres') return;
      await sql`drop function if exists truce_append_at_end(text, bigint, bytea, text, text, text, text, text, bigint, text)`.execute(
        db,
      );
      await sql`create function truce_append_at_end(
          p_log text, p_from bigint, p_leaf bytea, p_kind text, p_actor text, p_event text,
          p_recorded_at text, p_row_id text, p_occurred_ms bigint, p_channel text)
        returns table (appended_at bigint, new_root bytea, new_edge bytea)
        language plpgsql as $$
        declare
          n bigint;
          old_root bytea;
          e bytea;
          cnt integer;
          first bigint;
          h bytea;
          m bigint;
          ids bigint[];
          hs bytea[];
          r bytea;
          payload text;
        begin
          select l.size, l.root, l.edge into n, old_root, e from truce_log l where l.id = p_log for update;
          if not found or n < p_from then
            return;
          end if;
          if n > p_from and (
              exists (select 1 from truce_entry x where x.log_id = p_log and x.kind = 'actor.registered' and x.idx >= p_from)
              or exists (select 1 from truce_entry x where x.log_id = p_log and x.kind = 'actor.revoked' and x.idx >= p_from)) then
            return;
          end if;
          cnt := octet_length(e) / 32;
          if octet_length(e) <> 32 * length(replace(n::bit(64)::text, '0', '')) then
            raise exception 'truce_log.edge of log % does not fit its size %', p_log, n;
          end if;
          if cnt > 0 then
            r := substring(e from 32 * (cnt - 1) + 1 for 32);
            for i in reverse cnt - 1 .. 1 loop
              r := sha256('\\x01'::bytea || substring(e from 32 * (i - 1) + 1 for 32) || r);
            end loop;
            if r <> old_root then
              raise exception 'truce_log.edge of log % does not give its root', p_log;
            end if;
          end if;
          insert into truce_entry (log_id, idx, leaf_hash, kind, actor, event, recorded_at, row_id, occurred_ms)
            values (p_log, n, p_leaf, p_kind, p_actor, p_event, p_recorded_at, p_row_id, p_occurred_ms);
          first := 2 * n - cnt;
          h := p_leaf;
          ids := array[first];
          hs := array[h];
          m := n;
          while m & 1 = 1 loop
            cnt := cnt - 1;
            h := sha256('\\x01'::bytea || substring(e from 32 * cnt + 1 for 32) || h);
            ids := ids || (first + array_length(ids, 1));
            hs := hs || h;
            m := m >> 1;
          end loop;
          insert into truce_hash (log_id, id, hash) select p_log, u.id, u.hash from unnest(ids, hs) as u(id, hash);
          e := substring(e from 1 for 32 * cnt) || h;
          cnt := cnt + 1;
          r := h;
          for i in reverse cnt - 1 .. 1 loop
            r := sha256('\\x01'::bytea || substring(e from 32 * (i - 1) + 1 for 32) || r);
          end loop;
          update truce_log set size = n + 1, root = r, edge = e where id = p_log;
          payload := json_build_object('log', p_log, 'size', n + 1)::text;
          perform pg_notify(p_channel, case when octet_length(payload) <= 7000 then payload else '{}' end);
          appended_at := n;
          new_root := r;
          new_edge := e;
          return next;
        end $$`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`drop function if exists truce_append_at_end(text, bigint, bytea, text, text, text, text, text, bigint, text)`.execute(
          db,
        );
        await appendFunctionMigration(dialect).up(db);
      }
      await db.schema.alterTable('truce_log').dropColumn('edge').execute();
    },
  };
}
