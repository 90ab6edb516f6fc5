import { type Kysely, sql } from 'kysely';
import type { Hash } from '../core/ledger/tlog.ts';
import type { Dialect } from './database.ts';
import type { Tables } from './schema.ts';

/**
 * Up to `limit` stored tree hashes of a log from index `from` on, read as one row: their count,
 * first and last index, and the hashes end to end in index order, as one blob.
 * A page of tree hashes is then one row and one buffer, not a row and a byte array a hash (verify
 * reads two tree hashes an event). Undefined when the page is not what it must be (an index
 * missing between the first and the last, a hash that is not 32 bytes): the caller reads those
 * rows one by one, to name what is wrong.
 */
export async function packedHashPage(
  db: Kysely<Tables>,
  dialect: Dialect,
  logId: string,
  from: number,
  limit: number,
): Promise<{ id: number; hash: Hash }[] | undefined> {
  const page = sql`(select id, hash from truce_hash where log_id = ${logId} and id >= ${from} order by id limit ${limit}) as page`;
  // The hashes end to end as one blob (SQLite's group_concat copies a blob's bytes as they are,
  // NULs too; the cast gives them back as a blob): nothing written in hex and read back.
  const blob =
    dialect === 'postgres'
      ? sql<Uint8Array>`string_agg(hash, ''::bytea order by id)`
      : sql<Uint8Array>`cast(group_concat(hash, x'' order by id) as blob)`;
  const whole =
    dialect === 'postgres'
      ? sql<number>`sum(case when length(hash) = 32 then 1 else 0 end)`
      : sql<number>`sum(typeof(hash) = 'blob' and length(hash) = 32)`;
  const { rows } = await sql<{
    n: number | string;
    lo: number | string | null;
    hi: number | string | null;
    whole: number | string | null;
    data: Uint8Array | null;
  }>`select count(*) as n, min(id) as lo, max(id) as hi, ${whole} as whole, ${blob} as data from ${page}`.execute(
    db,
  );
  const r = rows[0];
  if (!r) return undefined;
  const n = Number(r.n);
  if (n === 0) return [];
  const lo = Number(r.lo);
  if (Number(r.hi) - lo + 1 !== n || Number(r.whole) !== n || !(r.data instanceof Uint8Array))
    return undefined;
  const data = r.data;
  if (data.byteLength !== 32 * n) return undefined;
  const out: { id: number; hash: Hash }[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = { id: lo + k, hash: data.subarray(32 * k, 32 * k + 32) };
  return out;
}
