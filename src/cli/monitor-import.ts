import { toHex } from '../core/crypto/crypto.ts';
import { canonicalBytes } from '../core/ledger/canonical-json.ts';
import type { EventEnvelope, SignedEvent } from '../core/ledger/event.ts';
import { parseSignedEvent, signCheckedEvent } from '../core/ledger/event-sign.ts';
import type { Provenance } from '../core/ledger/provenance.ts';
import type { Signer } from '../core/ledger/signed-note.ts';
import { leafHash } from '../core/ledger/tlog.ts';
import { nodeCrypto } from '../platform/node-crypto.ts';
import type { AppendResult, LedgerStore } from '../store/ledger-store.ts';
import type { FitHook } from '../store/log-append.ts';
import { isBlank } from './row-cells.ts';
import { snakeCase } from './row-columns.ts';
import { type Row, type RowContext, RowError, rowEnvelope } from './row-event.ts';

/** How to create the log when the database does not have it: from the rows of its export. */
export interface NewLog {
  origin: string;
  provenance: Provenance;
}

/**
 * Creates the log and appends the rows in one transaction (a failure leaves no log behind). The
 * first row must register the log's operator, as the first row of every export does: its key is
 * the log's key; the agreement the log adopts is its agreement.
 */
async function createWith(
  store: LedgerStore,
  logId: string,
  rows: Row[],
  fresh: { at: number; bytes: Uint8Array }[],
  create: NewLog,
  fit?: FitHook,
): Promise<AppendResult[]> {
  const events = fresh.map((f) => parseSignedEvent(f.bytes).event);
  const first = events[0];
  const body = first?.body as { role?: string; key?: string } | undefined;
  if (first?.kind !== 'actor.registered' || body?.role !== 'operator' || typeof body.key !== 'string')
    throw new RowFailure(
      rows[fresh[0]?.at ?? 0]?.line ?? 1,
      'kind',
      `the database has no log "${logId}": to create it from this file, its first row registers the operator (as the first row of truce export --csv does); or create the log with truce log init and import into it`,
    );
  const adopted = events.find((e) => e.kind === 'agreement.adopted')?.body as { sha256?: string } | undefined;
  const results: AppendResult[] = [];
  let next = 0;
  const imported = await store.importLog(
    {
      id: logId,
      origin: create.origin,
      logKey: body.key,
      agreementHash: adopted?.sha256 ?? null,
      createdAt: first.recordedAt,
    },
    [fresh.map((f) => f.bytes)],
    [],
    create.provenance,
    undefined,
    fit,
  );
  if (imported.added !== fresh.length) throw new Error('every row of a new log is a new event');
  for (const f of fresh) {
    const leaf = toHex(leafHash(nodeCrypto.sha256, f.bytes));
    results.push({ index: next++, leafHash: leaf, duplicate: false });
  }
  return results;
}

/** What became of one row: the event it is in the log, new or already there. */
export interface ImportedRow {
  line: number;
  id?: string;
  index: number;
  leafHash: string;
  duplicate: boolean;
}

/** A row refused, with its line and column: nothing of the file was imported. */
export class RowFailure extends Error {
  override name = 'RowFailure';
  readonly line: number;
  readonly column: string | undefined;
  constructor(line: number, column: string | undefined, message: string) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/** The column a refusal of the log's checks points at, by its code. */
const COLUMN_OF_CODE: Record<string, string> = {
  'event-unknown-actor': 'actor',
  'event-before-registration': 'occurred_at',
  'event-id-taken': 'id',
  'event-not-permitted': 'actor',
  'event-unknown-reference': 'refs',
  'event-bad-signature': 'signature',
};

interface Logged {
  index: number;
  leafHash: string;
  event: EventEnvelope;
}

const canonical = (v: unknown) => new TextDecoder().decode(canonicalBytes(v ?? null));

/** The fields (as columns) in which two envelopes differ; recordedAt only when `withRecorded`. */
function differences(a: EventEnvelope, b: EventEnvelope, withRecorded: boolean): string[] {
  const out: string[] = [];
  const top = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of top) {
    if (k === 'body' || (k === 'recordedAt' && !withRecorded)) continue;
    const av = (a as Record<string, unknown>)[k];
    const bv = (b as Record<string, unknown>)[k];
    if (canonical(av) !== canonical(bv)) out.push(snakeCase(k));
  }
  const ab = a.body as Record<string, unknown>;
  const bb = b.body as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ab), ...Object.keys(bb)]))
    if (canonical(ab[k]) !== canonical(bb[k])) out.push(snakeCase(k));
  return out;
}

/**
 * Every id the rows name: their own (the id column) and those they refer to (refs, of, handover…),
 * found by reading each row as it will be read, with any id taken for a leaf hash. A row that
 * does not read is left to the import proper to refuse.
 */
function idsNamed(rows: Row[], ctx: Omit<RowContext, 'leafOfId'>): Set<string> {
  const ids = new Set<string>();
  const probe: RowContext = {
    ...ctx,
    leafOfId: (id) => {
      ids.add(id);
      return '0'.repeat(64);
    },
  };
  for (const row of rows) {
    const id = row.cells.get('id');
    if (!isBlank(id)) ids.add(String(id).trim());
    try {
      rowEnvelope(row, probe);
    } catch {
      // The import proper refuses it, naming its line and column.
    }
  }
  return ids;
}

/**
 * The events of the log with the ids the rows name, by id: indexed queries on the log's row ids
 * (LedgerStore.entriesWithIds), never a read of the whole log.
 */
async function loggedIds(
  store: LedgerStore,
  logId: string,
  rows: Row[],
  ctx: Omit<RowContext, 'leafOfId'>,
): Promise<Map<string, Logged>> {
  const ids = new Map<string, Logged>();
  if (!(await store.getLog(logId))) return ids;
  for (const [id, e] of await store.entriesWithIds(logId, idsNamed(rows, ctx)))
    ids.set(id, { index: e.index, leafHash: e.leafHash, event: e.event.event });
  return ids;
}

/**
 * Imports a monitor's rows into a log in one transaction: each row becomes an event signed by its
 * actor's key (or keeps the signature an export wrote), rows refer to earlier rows by id, and a
 * row whose id the log already has adds nothing when it says the same, and is refused when it
 * says something else. One bad row imports nothing.
 */
export async function importRows(
  store: LedgerStore,
  logId: string,
  rows: Row[],
  signers: { defaultActor?: string; keys: Map<string, Signer> },
  recordedAt: string,
  create?: NewLog,
  fit?: FitHook,
): Promise<ImportedRow[]> {
  const exists = (await store.getLog(logId)) !== undefined;
  if (!exists && !create) await store.requireLog(logId);
  const base = { log: logId, recordedAt, defaultActor: signers.defaultActor };
  const logged = await loggedIds(store, logId, rows, base);
  const inFile = new Map<string, { line: number; leafHash: string }>();
  const sameAs = new Map<string, number>();
  const done: (ImportedRow | undefined)[] = [];
  const fresh: { at: number; bytes: Uint8Array }[] = [];
  const ctx: RowContext = {
    ...base,
    leafOfId: (id: string) => inFile.get(id)?.leafHash ?? logged.get(id)?.leafHash,
  };
  for (const row of rows) {
    try {
      const event = rowEnvelope(row, ctx);
      const ownRecordedAt = !isBlank(row.cells.get('recorded_at'));
      if (event.id) {
        const earlier = inFile.get(event.id);
        if (earlier) throw new RowError('id', `the id "${event.id}" is also the id of line ${earlier.line}`);
        const there = logged.get(event.id);
        if (there) {
          const differ = differences(event, there.event, ownRecordedAt);
          if (differ.length)
            throw new RowError(
              'id',
              `the log already has event no. ${there.index} with the id "${event.id}", which differs in ${differ.join(', ')}; an event is never edited: record a correction of it (kind correction, of ${event.id}) or give this row a new id`,
            );
          inFile.set(event.id, { line: row.line, leafHash: there.leafHash });
          done.push({
            line: row.line,
            id: event.id,
            index: there.index,
            leafHash: there.leafHash,
            duplicate: true,
          });
          continue;
        }
      } else {
        const key = new TextDecoder().decode(canonicalBytes(event));
        const same = sameAs.get(key);
        if (same !== undefined)
          throw new RowError(
            undefined,
            `the same event as line ${same}, which the log would keep once; if both happened, tell them apart (an id column, the time in occurred_at) or delete the copy`,
          );
        sameAs.set(key, row.line);
      }
      const signed = sign(row, event, signers.keys);
      const bytes = canonicalBytes(signed);
      const leaf = toHex(leafHash(nodeCrypto.sha256, bytes));
      const exported = row.cells.get('leaf_hash');
      if (!isBlank(exported) && String(exported).trim() !== leaf)
        throw new RowError(
          'leaf_hash',
          `the row gives another event than the one exported with this leaf hash (it gives ${leaf}): a signed row cannot be edited; record a correction instead`,
        );
      if (event.id) inFile.set(event.id, { line: row.line, leafHash: leaf });
      fresh.push({ at: done.length, bytes });
      done.push(undefined);
    } catch (e) {
      if (e instanceof RowError) throw new RowFailure(row.line, e.column, e.message);
      throw e;
    }
  }
  let results: Awaited<ReturnType<LedgerStore['append']>> = [];
  try {
    if (!exists) results = await createWith(store, logId, rows, fresh, create!, fit);
    else if (fresh.length)
      results = await store.append(
        logId,
        fresh.map((f) => f.bytes),
        fit ? { fit } : {},
      );
  } catch (e) {
    const err = e as Error & { position?: number; code?: string; fit?: { field: string } };
    if (err.position === undefined) throw e;
    const row = rows[fresh[err.position]!.at]!;
    // An event that does not fit the adopted agreement: the column of the field named.
    const column = err.fit ? err.fit.field.replace(/^body\./, '') : COLUMN_OF_CODE[err.code ?? ''];
    throw new RowFailure(row.line, column, err.message);
  }
  fresh.forEach((f, k) => {
    const row = rows[f.at]!;
    const id = row.cells.get('id');
    done[f.at] = { line: row.line, ...(isBlank(id) ? {} : { id: String(id).trim() }), ...results[k]! };
  });
  return done as ImportedRow[];
}

function sign(row: Row, event: EventEnvelope, keys: Map<string, Signer>): SignedEvent {
  const sig = row.cells.get('signature');
  if (!isBlank(sig)) {
    const key = row.cells.get('signature_key');
    if (isBlank(key)) throw new RowError('signature_key', 'a signature needs the key that made it');
    return { event, signature: { key: String(key).trim(), sig: String(sig).trim() } };
  }
  const signer = keys.get(event.actor);
  if (!signer)
    throw new RowError(
      'actor',
      `no key for the actor "${event.actor}": put its key file ${event.actor}.key in the --keys folder (or sign with --key)`,
    );
  return signCheckedEvent(nodeCrypto, event, signer);
}
