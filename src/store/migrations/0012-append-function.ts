import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * PostgreSQL only: an append of one event in one statement, with the log's row locked for that
 * statement and its commit alone (append-write.ts, writeAtEnd). The caller has checked the event
 * against the log as it stood at `p_from` (a size it read); the function appends it at the log's
 * size now, whatever it is, unless an actor event was appended since `p_from` (the checks of the
 * actor's standing may no longer hold) or the log is shorter: then it returns no row and the
 * caller reads the log again. It stores the event, the tree hashes its record writes (RFC 9162
 * node hashes: SHA-256 of 0x01, left, right; as tlog.ts storedHashes, by tlog's storage
 * indexes), the new size and root (the fold of the complete subtrees of the tree, as
 * tree-edge.ts edgeRoot), and announces the change on `p_channel` on commit. A hash the tree needs
 * that is missing from storage leaves a null, which the tables refuse: the statement fails and
 * the caller takes the locked path, which reports it.
 *
 * truce_stored_index is tlog.ts storedHashIndex.
 */
export function appendFunctionMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`create or replace function truce_stored_index(level integer, n bigint) returns bigint
        language plpgsql immutable strict as $$
        declare
          i bigint := 0;
        begin
          for l in 1..level loop
            n := 2 * n + 1;
          end loop;
          while n > 0 loop
            i := i + n;
            n := n >> 1;
          end loop;
          return i + level;
        end $$`.execute(db);
      await sql`create or replace function truce_append_at_end(
          p_log text, p_from bigint, p_leaf bytea, p_kind text, p_actor text, p_event text,
          p_recorded_at text, p_row_id text, p_occurred_ms bigint, p_channel text)
        returns table (appended_at bigint, new_root bytea)
        language plpgsql as $$
        declare
          n bigint;
          first bigint;
          h bytea;
          lvl integer := 0;
          m bigint;
          lo bigint := 0;
          k bigint;
          part bytea[] := '{}';
          r bytea;
          payload text;
        begin
          select l.size into n from truce_log l where l.id = p_log for update;
          if not found or n < p_from then
            return;
          end if;
          if n > p_from and exists (select 1 from truce_entry e
              where e.log_id = p_log and e.kind in ('actor.registered', 'actor.revoked') and e.idx >= p_from) then
            return;
          end if;
          insert into truce_entry (log_id, idx, leaf_hash, kind, actor, event, recorded_at, row_id, occurred_ms)
            values (p_log, n, p_leaf, p_kind, p_actor, p_event, p_recorded_at, p_row_id, p_occurred_ms);
          first := truce_stored_index(0, n);
          insert into truce_hash (log_id, id, hash) values (p_log, first, p_leaf);
          h := p_leaf;
          m := n;
          while m & 1 = 1 loop
            h := sha256('\\x01'::bytea || (select t.hash from truce_hash t
              where t.log_id = p_log and t.id = truce_stored_index(lvl, (n >> lvl) - 1)) || h);
            lvl := lvl + 1;
            m := m >> 1;
            insert into truce_hash (log_id, id, hash) values (p_log, first + lvl, h);
          end loop;
          -- The complete subtrees of records [0, n + 1), left first, folded right to left.
          while lo < n + 1 loop
            k := 1;
            lvl := 0;
            while k * 2 <= n + 1 - lo loop
              k := k * 2;
              lvl := lvl + 1;
            end loop;
            part := part || (select t.hash from truce_hash t
              where t.log_id = p_log and t.id = truce_stored_index(lvl, lo / k));
            lo := lo + k;
          end loop;
          r := part[array_length(part, 1)];
          for i in reverse array_length(part, 1) - 1..1 loop
            r := sha256('\\x01'::bytea || part[i] || r);
          end loop;
          update truce_log set size = n + 1, root = r where id = p_log;
          payload := json_build_object('log', p_log, 'size', n + 1)::text;
          perform pg_notify(p_channel, case when octet_length(payload) <= 7000 then payload else '{}' end);
          appended_at := n;
          new_root := r;
          return next;
        end $$`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`drop function if exists truce_append_at_end(text, bigint, bytea, text, text, text, text, text, bigint, text)`.execute(
        db,
      );
      await sql`drop function if exists truce_stored_index(integer, bigint)`.execute(db);
    },
  };
}
