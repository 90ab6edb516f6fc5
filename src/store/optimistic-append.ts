import type { Crypto } from '../core/crypto/crypto.ts';
import { bytesEqual } from '../core/crypto/crypto.ts';
import type { ParsedEvent } from '../core/ledger/append-event.ts';
import { type AppendRows, planAppend } from '../core/ledger/append-plan.ts';
import { AppendSignatures } from '../core/ledger/append-signatures.ts';
import type { Hash } from '../core/ledger/tlog.ts';
import { edgeRoot } from '../core/ledger/tree-edge.ts';
import { type AppendHead, readAppendHead } from './append-head.ts';
import { writeAtEnd, writeIfAt } from './append-write.ts';
import type { Database } from './database.ts';
import type { AppendResult } from './ledger-store.ts';
import { type AppendOptions, existingLeaves, idsTaken, knownRefs } from './log-append.ts';
import { decodeEdge } from './log-edge.ts';

/** Events an optimistic append takes at most; a longer batch takes the locked path. */
export const OPTIMISTIC_MAX = 1000;

/** Plans that found the log moved on before the locked path is taken (it always makes progress). */
const ATTEMPTS = 8;

/** The kinds that change the actor registry: an append checked before one of them must be checked again. */
const ACTOR_KINDS = new Set(['actor.registered', 'actor.revoked']);

/**
 * Appends without holding any lock while it reads and checks: the head (kept in `heads`, brought
 * up to date in one read), then what the events refer to, then every check of planAppend (parse,
 * signature and canonical form were done before), and only then the write, which holds only if
 * the log still has the size planned at (append-write.ts); when another writer got there first,
 * plan again. Gapless and checked like the locked path, with the lock held only for the write.
 *
 * Undefined when this path cannot say what the locked path would: no such log, storage that
 * disagrees with itself, a refusal or a write refused by the database (an event or id the log has,
 * when a single event's append does not look it up first). The caller then takes the locked path,
 * which answers (and refuses) exactly as it always has.
 */
export async function appendOptimistically(
  database: Database,
  crypto: Crypto,
  logId: string,
  parsed: ParsedEvent[],
  options: AppendOptions,
  heads: Map<string, AppendHead>,
): Promise<AppendResult[] | undefined> {
  if (parsed.length === 0 || parsed.length > OPTIMISTIC_MAX) return undefined;
  const recordedAt = options.recordedAt ?? new Date().toISOString();
  // Planned again when another writer got there first: each signature is verified once.
  const signatures = options.signatures ?? new AppendSignatures(crypto);
  const references = parsed.flatMap((p) => p.refs);
  const ids = parsed.flatMap((p) => (p.event.event.id === undefined ? [] : [p.event.event.id]));
  // PostgreSQL, one event that changes no actor, no size expected: written at the log's end
  // whatever its size then, if no actor event came since the head it was checked against.
  const atEnd =
    database.dialect === 'postgres' &&
    parsed.length === 1 &&
    options.expectedSize === undefined &&
    !ACTOR_KINDS.has(parsed[0]!.event.event.kind);
  const changesActors = parsed.some((p) => ACTOR_KINDS.has(p.event.event.kind));
  let kept = heads.get(logId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // The head kept is used as it is; read (brought up to date) only when there is none or when
    // the write found the log moved on (or a refusal may be the log's doing since).
    const readNow = !kept || attempt > 0;
    const head = readNow ? await readAppendHead(database, crypto, logId, kept) : kept!;
    if (!head) {
      heads.delete(logId);
      return undefined;
    }
    kept = head;
    heads.set(logId, head);
    // Read after the head was (the log only grows): they see the log at its size or later, and a
    // write planned on a later state than the log's size at the write is refused.
    const refs = references.length > 0 ? await knownRefs(database.db, logId, references) : new Map();
    // One event is not looked up (the database's unique keys refuse it if the log has it).
    const lookUp = parsed.length > 1;
    const existing = lookUp
      ? await existingLeaves(
          database.db,
          logId,
          parsed.map((p) => p.leaf),
        )
      : new Map();
    const takenIds = lookUp && ids.length > 0 ? await idsTaken(database.db, logId, ids) : new Map();
    // planAppend applies actor events to the registry in place: a copy, for the head kept stays as
    // it is unless the write holds (events of other kinds leave a registry as it is).
    const registry = changesActors ? head.registry.clone() : head.registry;
    let rows: AppendRows;
    try {
      rows = await planAppend(
        crypto,
        { log: logId, operatorKey: head.logKey, edge: head.edge, registry, existing, takenIds, refs },
        parsed,
        { ...options, recordedAt, signatures },
      );
    } catch {
      // A refusal on a head kept may be the log's doing since (an actor registered, an event
      // referred to appended): only a head just read is judged, by the locked path.
      if (!readNow) continue;
      return undefined;
    }
    if (rows.entries.length === 0) return rows.results;
    // Not the log's very first event: the first is checked against the empty log alone.
    if (atEnd && rows.from > 0) {
      let end: Awaited<ReturnType<typeof writeAtEnd>>;
      try {
        end = await writeAtEnd(database, logId, rows.entries[0]!, rows.from);
      } catch {
        return undefined;
      }
      // An actor event since the head: check again against the log read anew.
      if (!end) continue;
      // Appended just after the head: the head planned is the log's now. Else the head after it
      // is the database's (the writer that got there first did not move this one's).
      const planned = end.index === rows.from && bytesEqual(end.root, rows.root);
      heads.set(
        logId,
        planned
          ? { logKey: head.logKey, root: rows.root, edge: rows.edge, registry }
          : (headAfter(crypto, head, registry, end) ?? head),
      );
      return [{ ...rows.results[0]!, index: end.index }];
    }
    let written: boolean;
    try {
      written = await writeIfAt(database, logId, rows, head.root);
    } catch {
      return undefined;
    }
    if (written) {
      heads.set(logId, { logKey: head.logKey, root: rows.root, edge: rows.edge, registry });
      return rows.results;
    }
  }
  return undefined;
}

/**
 * The head after an append at the log's end: the database's index, root and edge, with the
 * registry planned against (no actor event came between the head and the event, which changes no
 * actor: the database checked). Undefined when the edge does not fold to the root (keep the head).
 */
function headAfter(
  crypto: Crypto,
  head: AppendHead,
  registry: AppendHead['registry'],
  end: { index: number; root: Hash; edge: Uint8Array },
): AppendHead | undefined {
  const edge = decodeEdge(end.index + 1, end.edge);
  if (!edge || !bytesEqual(edgeRoot(crypto.sha256, edge), end.root)) return undefined;
  return { logKey: head.logKey, root: end.root, edge, registry };
}
