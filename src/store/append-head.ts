import { CompiledQuery } from 'kysely';
import type { Crypto } from '../core/crypto/crypto.ts';
import { bytesEqual } from '../core/crypto/crypto.ts';
import { ActorRegistry } from '../core/ledger/actor-registry.ts';
import type { SignedEvent } from '../core/ledger/event.ts';
import type { Hash } from '../core/ledger/tlog.ts';
import { edgeIndexes, edgeRoot, extendEdge, type TreeEdge, treeEdge } from '../core/ledger/tree-edge.ts';
import type { Database } from './database.ts';
import { ACTOR_KINDS_TERM } from './kind-index-terms.ts';
import { asBytes, readHashes } from './log-append.ts';

/**
 * What an append needs of a log, as it stood at one size: its key, root, tree edge and actor
 * registry. A store keeps the last one it read or wrote per log and brings it up to date with the
 * events appended since (by anyone, in any process), in one read; it is never trusted beyond
 * that read: the write that follows holds only if the log still has this size.
 */
export interface AppendHead {
  logKey: string;
  root: Hash;
  edge: TreeEdge;
  registry: ActorRegistry;
}

/** Events appended since the head kept that are read to bring it up to date; more, and it is read anew. */
const CATCH_UP = 256;

/** `?` placeholders as the dialect writes them. */
export function placeholders(database: Database, text: string): string {
  if (database.dialect !== 'postgres') return text;
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

async function query<R>(database: Database, text: string, params: unknown[]): Promise<R[]> {
  const r = await database.db.executeQuery<R>(CompiledQuery.raw(placeholders(database, text), params));
  return r.rows as R[];
}

interface CatchUpRow {
  size: number | bigint;
  root: Uint8Array;
  log_key: string;
  idx: number | bigint | null;
  leaf_hash: Uint8Array | null;
  event: string | null;
}

/**
 * The log's head now, from `kept` (the head last known) and the events appended since, read in
 * one statement (one snapshot: the size and the events below it agree); read anew when nothing is
 * kept or too much was appended since. Undefined when the log does not exist or its storage does
 * not agree with itself (the root stored is not the root of its tree hashes): the caller takes
 * the locked path, which reports either as it always has.
 */
export async function readAppendHead(
  database: Database,
  crypto: Crypto,
  logId: string,
  kept: AppendHead | undefined,
): Promise<AppendHead | undefined> {
  const from = kept?.edge.size ?? Number.MAX_SAFE_INTEGER;
  const rows = await query<CatchUpRow>(
    database,
    `select l.size, l.root, l.log_key, e.idx, e.leaf_hash,
       case when e.kind in ('actor.registered', 'actor.revoked') then e.event end as event
     from truce_log l left join truce_entry e on e.log_id = l.id and e.idx >= ? and e.idx < l.size
     where l.id = ? order by e.idx limit ?`,
    [Math.min(from, Number.MAX_SAFE_INTEGER), logId, CATCH_UP + 1],
  );
  const first = rows[0];
  if (!first) return undefined;
  const size = Number(first.size);
  const root = asBytes(first.root);
  if (!kept || size < kept.edge.size || size - kept.edge.size > CATCH_UP || first.log_key !== kept.logKey)
    return readAnew(database, crypto, logId);
  let edge = kept.edge;
  let registry = kept.registry;
  for (const r of rows) {
    if (r.idx === null) continue;
    // Rows missing from storage: the locked path finds them.
    if (Number(r.idx) !== edge.size || r.leaf_hash === null) return undefined;
    edge = extendEdge(crypto.sha256, edge, asBytes(r.leaf_hash)).edge;
    if (r.event !== null) {
      if (registry === kept.registry) registry = registry.clone();
      // Stored events were checked on append: the text is a signed event.
      registry.apply(JSON.parse(r.event) as SignedEvent);
    }
  }
  if (edge.size !== size || !bytesEqual(edgeRoot(crypto.sha256, edge), root))
    return readAnew(database, crypto, logId);
  return { logKey: first.log_key, root, edge, registry };
}

/** The head read from nothing kept: the size first, then what is below it (consistent, whoever appends). */
async function readAnew(database: Database, crypto: Crypto, logId: string): Promise<AppendHead | undefined> {
  const [log] = await query<{ size: number | bigint; root: Uint8Array; log_key: string }>(
    database,
    'select size, root, log_key from truce_log where id = ?',
    [logId],
  );
  if (!log) return undefined;
  const size = Number(log.size);
  let edge: TreeEdge;
  try {
    edge = treeEdge(size, await readHashes(database.db, logId, edgeIndexes(size)));
  } catch {
    return undefined;
  }
  const root = asBytes(log.root);
  if (!bytesEqual(edgeRoot(crypto.sha256, edge), root)) return undefined;
  const registry = new ActorRegistry();
  const events = await query<{ event: string }>(
    database,
    `select event from truce_entry where log_id = ? and ${ACTOR_KINDS_TERM} and idx < ? order by idx`,
    [logId, size],
  );
  // Stored events were checked on append: the text is a signed event.
  for (const r of events) registry.apply(JSON.parse(r.event) as SignedEvent);
  return { logKey: log.log_key, root, edge, registry };
}
