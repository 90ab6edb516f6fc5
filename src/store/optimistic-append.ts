import type { Crypto } from '../core/crypto/crypto.ts';
import { rememberingVerify } from '../core/crypto/remembered-verify.ts';
import { type AppendRows, type ParsedEvent, planAppend } from '../core/ledger/append-plan.ts';
import { referencesOf } from '../core/ledger/check-event.ts';
import { type AppendHead, readAppendHead } from './append-head.ts';
import { writeIfAt } from './append-write.ts';
import type { Database } from './database.ts';
import type { AppendResult } from './ledger-store.ts';
import { type AppendOptions, existingLeaves, idsTaken, knownRefs } from './log-append.ts';

/** Events an optimistic append takes at most; a longer batch takes the locked path. */
export const OPTIMISTIC_MAX = 1000;

/**
 * Plans that found the log moved on before the locked path is taken (it always makes progress).
 * On PostgreSQL the second attempt already holds the log's row, so it does not find that again.
 */
const ATTEMPTS = 8;

/**
 * Appends without holding any lock while it reads and checks: the head (kept in `heads`, brought
 * up to date in one read), then what the events refer to, then every check of planAppend (parse,
 * signature and canonical form were done before), and only then the write, which holds only if
 * the log still has the size planned at (append-write.ts); when another writer got there first,
 * plan again (on PostgreSQL holding the log's row this time, FOR UPDATE, so that a writer waits
 * its turn rather than lose every race to a writer with a fresher head). Gapless and checked like
 * the locked path; on a first attempt, the lock is held only for the write.
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
  const checking = rememberingVerify(crypto);
  let kept = heads.get(logId);
  const once = (db: Database, readNow: boolean, locked: boolean) =>
    attemptOnce(db, checking, logId, parsed, { ...options, recordedAt }, kept, readNow, locked);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // The head kept is used as it is; read (brought up to date) only when there is none or when
    // the write found the log moved on (or a refusal may be the log's doing since). On
    // PostgreSQL, once another writer got there first, the next attempt waits its turn for the
    // log's row (FOR UPDATE) rather than race it again.
    const readNow = !kept || attempt > 0;
    const locked = attempt > 0 && database.dialect === 'postgres';
    let outcome: Outcome;
    try {
      outcome = locked
        ? await database.db.transaction().execute(async (trx) => {
            await trx.selectFrom('truce_log').select('id').where('id', '=', logId).forUpdate().execute();
            return once({ ...database, db: trx }, true, true);
          })
        : await once(database, readNow, false);
    } catch {
      return undefined;
    }
    if (outcome.head) {
      kept = outcome.head;
      heads.set(logId, outcome.head);
    } else heads.delete(logId);
    if (outcome.results) return outcome.results;
    if (outcome.give) return undefined;
  }
  return undefined;
}

interface Outcome {
  /** The head to keep (undefined: none). */
  head?: AppendHead;
  results?: AppendResult[];
  /** The locked path is to answer. */
  give?: boolean;
}

/** One plan and write: the results, or that the log had moved on (plan again), or to give up. */
async function attemptOnce(
  database: Database,
  checking: Crypto,
  logId: string,
  parsed: ParsedEvent[],
  options: AppendOptions & { recordedAt: string },
  kept: AppendHead | undefined,
  readNow: boolean,
  locked: boolean,
): Promise<Outcome> {
  const head = readNow ? await readAppendHead(database, checking, logId, kept) : kept!;
  if (!head) return { give: true };
  // Read after the head was (the log only grows): they see the log at its size or later, and a
  // write planned on a later state than the log's size at the write is refused.
  const references = parsed.flatMap((p) => referencesOf(p.event.event));
  const ids = parsed.flatMap((p) => (p.event.event.id === undefined ? [] : [p.event.event.id]));
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
  const registry = head.registry.clone();
  let rows: AppendRows;
  try {
    rows = await planAppend(
      checking,
      { log: logId, operatorKey: head.logKey, edge: head.edge, registry, existing, takenIds, refs },
      parsed,
      options,
    );
  } catch {
    // A refusal on a head kept may be the log's doing since (an actor registered, an event
    // referred to appended): only a head just read is judged, by the locked path.
    return readNow ? { head, give: true } : { head };
  }
  if (rows.entries.length === 0) return { head, results: rows.results };
  const written = await writeIfAt(database, logId, rows, head.root, locked);
  if (!written) return { head };
  return { head: { logKey: head.logKey, root: rows.root, edge: rows.edge, registry }, results: rows.results };
}
