import { sql } from 'kysely';
import { type Crypto, toBase64 } from '../core/crypto/crypto.ts';
import { canonicalize } from '../core/ledger/canonical-json.ts';
import { commitToRecord, type PersonRecord, verifyCommitment } from '../core/ledger/commitment.ts';
import { LedgerError } from '../core/ledger/ledger-error.ts';
import { withWriteLock } from './append-lock.ts';
import type { Database } from './database.ts';
import type { PersonTable } from './schema.ts';

const COLUMNS = ['commitment', 'record', 'salt', 'added_by', 'party'] as const;
type Row = Pick<PersonTable, (typeof COLUMNS)[number]>;

/** The largest person record kept, as canonical JSON. */
export const MAX_PERSON_BYTES = 8 * 1024;
/** The records one party (or one actor acting for none) may keep in one log, by default. */
export const DEFAULT_PERSONS_QUOTA = 100_000;
/** Records committed to in one turn of the event loop. */
export const ROWS_PER_TURN = 16;
/** Lets the event loop answer what waits (I/O included) before going on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Commitments or ids asked for in one query, well within both databases' parameter limits. */
const CHUNK = 500;

/** A submission that would take its party over its quota of records: nothing of it is kept. */
export class PersonsQuotaError extends Error {
  readonly code = 'persons-quota-exceeded';
  constructor(message: string) {
    super(message);
    this.name = 'PersonsQuotaError';
  }
}

/** What the policy needs of a record, read without the record itself. */
export interface PersonMeta {
  /** The order records were kept in. */
  id: number;
  commitment: string;
  addedBy: string | null;
  party: string | null;
}

export interface Revealed {
  commitment: string;
  record: PersonRecord;
  /** The salt, base64: with the record, anyone can check the commitment in the log. */
  salt: string;
  /** The actor that added the record and the party it acts for; null when not known. */
  addedBy: string | null;
  party: string | null;
}

/** Who adds a record: kept with it, for the policy that shows a party its own submissions. */
export interface RecordOwner {
  actor: string;
  party: string | null;
}

/** The owner a record counts for in its log's quota: its party, else the actor acting for none. */
export function ownerKey(owner: RecordOwner): string {
  return owner.party !== null ? `party:${owner.party}` : `actor:${owner.actor}`;
}

/**
 * The persons store: names, ages and ids of the people held, kept apart from the log, which only
 * ever sees their salted commitments. Who may read what is decided by the caller's policy (the
 * server's roles); this store only keeps records and reveals them with proof that they match.
 */
export class PersonsStore {
  readonly database: Database;
  readonly crypto: Crypto;
  /** The records one owner (its party, else the actor) may keep in one log. */
  readonly quota: number;

  constructor(database: Database, crypto: Crypto, quota = DEFAULT_PERSONS_QUOTA) {
    this.database = database;
    this.crypto = crypto;
    this.quota = quota;
  }

  /** Keeps a record under a fresh salt and returns its commitment, for use in list and handover events. */
  async add(logId: string, record: PersonRecord, owner?: RecordOwner): Promise<string> {
    return (await this.addAll(logId, [record], owner))[0]!;
  }

  /**
   * Keeps several records in one transaction: all are kept or, if one is refused, none. Returns
   * their commitments in order.
   */
  async addAll(logId: string, records: PersonRecord[], owner?: RecordOwner): Promise<string[]> {
    // Each record costs a salt and an HMAC: a request of many is done a few records at a time,
    // the event loop free between them (a flood of 100-record requests had held it for 10 ms to
    // over 100 ms at a time, on a busy machine, and every other request waited).
    const rows: Omit<PersonTable, 'id'>[] = [];
    for (let i = 0; i < records.length; i++) {
      if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
      rows.push(this.#row(logId, records[i]!, i, owner));
    }
    if (rows.length === 0) return [];
    await withWriteLock(
      this.database,
      (trx) =>
        sql`select pg_advisory_xact_lock(hashtextextended(${`truce_persons:${logId}`}, 0))`.execute(trx),
      async (trx) => {
        const counted = owner ? ownerKey(owner) : null;
        if (owner && counted !== null) {
          const row = await trx
            .selectFrom('truce_person_count')
            .select('n')
            .where('log_id', '=', logId)
            .where('owner', '=', counted)
            .executeTakeFirst();
          const kept = Number(row?.n ?? 0);
          if (kept + rows.length > this.quota) {
            throw new PersonsQuotaError(
              `${owner.party !== null ? `Party "${owner.party}"` : `Actor "${owner.actor}"`} keeps ${kept} person records in log "${logId}", and ${rows.length} more would pass its quota of ${this.quota}: nothing was kept. Ask the operator to raise the quota (truce serve --persons-quota N) if the agreement needs more.`,
            );
          }
          await trx
            .insertInto('truce_person_count')
            .values({ log_id: logId, owner: counted, n: rows.length })
            .onConflict((oc) =>
              oc.columns(['log_id', 'owner']).doUpdateSet({ n: sql`truce_person_count.n + ${rows.length}` }),
            )
            .execute();
        }
        for (let i = 0; i < rows.length; i += 200) {
          await trx
            .insertInto('truce_person')
            .values(rows.slice(i, i + 200))
            .execute();
        }
      },
    );
    return rows.map((r) => r.commitment);
  }

  #row(
    logId: string,
    record: PersonRecord,
    at: number,
    owner: RecordOwner | undefined,
  ): Omit<PersonTable, 'id'> {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      throw new LedgerError(
        'event-invalid',
        `Person record ${at + 1} is not a JSON object; a record is e.g. {"names": {"ar": "…", "he": "…", "en": "…"}}.`,
      );
    }
    const { commitment, salt } = commitToRecord(this.crypto, record);
    const text = canonicalize(record);
    if (new TextEncoder().encode(text).length > MAX_PERSON_BYTES) {
      throw new LedgerError(
        'event-too-large',
        `Person record ${at + 1} may be at most ${MAX_PERSON_BYTES} bytes as JSON; keep names, age, category and ids only.`,
      );
    }
    return {
      log_id: logId,
      commitment,
      salt,
      record: text.normalize('NFC'),
      created_at: new Date().toISOString(),
      added_by: owner?.actor ?? null,
      party: owner?.party ?? null,
    };
  }

  /** The record behind a commitment, with its salt, checked against the commitment before it is returned. */
  async reveal(logId: string, commitment: string): Promise<Revealed | undefined> {
    const row = await this.database.db
      .selectFrom('truce_person')
      .select(COLUMNS)
      .where('log_id', '=', logId)
      .where('commitment', '=', commitment)
      .executeTakeFirst();
    return row ? this.#revealed(row) : undefined;
  }

  /** Every record of a log, in the order they were added, each checked against its commitment. */
  async all(logId: string): Promise<Revealed[]> {
    const rows = await this.database.db
      .selectFrom('truce_person')
      .select(COLUMNS)
      .where('log_id', '=', logId)
      .orderBy('id')
      .execute();
    return rows.map((r) => this.#revealed(r));
  }

  /** Up to `limit` records of a log from the `from`-th on, in the order they were added (one indexed query). */
  async page(logId: string, from: number, limit: number): Promise<Revealed[]> {
    const rows = await this.database.db
      .selectFrom('truce_person')
      .select(COLUMNS)
      .where('log_id', '=', logId)
      .orderBy('id')
      .offset(from)
      .limit(limit)
      .execute();
    return rows.map((r) => this.#revealed(r));
  }

  /** The records an owner kept (its party's, else the actor's with no party), without the records themselves. */
  async ownedBy(logId: string, owner: RecordOwner): Promise<PersonMeta[]> {
    let q = this.database.db
      .selectFrom('truce_person')
      .select(['id', 'commitment', 'added_by', 'party'])
      .where('log_id', '=', logId);
    q =
      owner.party !== null
        ? q.where('party', '=', owner.party)
        : q.where('party', 'is', null).where('added_by', '=', owner.actor);
    return (await q.orderBy('id').execute()).map(metaOf);
  }

  /** The records of these commitments that the store holds, without the records themselves, by id. */
  async metaOf(logId: string, commitments: Iterable<string>): Promise<PersonMeta[]> {
    const all = [...commitments];
    const out: PersonMeta[] = [];
    for (let i = 0; i < all.length; i += CHUNK) {
      const rows = await this.database.db
        .selectFrom('truce_person')
        .select(['id', 'commitment', 'added_by', 'party'])
        .where('log_id', '=', logId)
        .where('commitment', 'in', all.slice(i, i + CHUNK))
        .execute();
      out.push(...rows.map(metaOf));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** The records of these ids, each checked against its commitment, in the order of the ids. */
  async byIds(logId: string, ids: number[]): Promise<Revealed[]> {
    const found = new Map<number, Revealed>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.database.db
        .selectFrom('truce_person')
        .select(['id', ...COLUMNS])
        .where('log_id', '=', logId)
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) found.set(Number(r.id), this.#revealed(r));
    }
    return ids.flatMap((id) => {
      const r = found.get(id);
      return r ? [r] : [];
    });
  }

  #revealed(row: Row): Revealed {
    const record = JSON.parse(row.record) as PersonRecord;
    const salt = new Uint8Array(row.salt);
    if (!verifyCommitment(this.crypto, record, salt, row.commitment)) {
      throw new LedgerError(
        'commitment-malformed',
        `The stored record for ${row.commitment.slice(0, 12)}… no longer matches its commitment: storage is damaged.`,
      );
    }
    return {
      commitment: row.commitment,
      record,
      salt: toBase64(salt),
      addedBy: row.added_by,
      party: row.party,
    };
  }

  /** The records of a log (one count over its index). */
  async count(logId: string): Promise<number> {
    const r = await this.database.db
      .selectFrom('truce_person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('log_id', '=', logId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

const metaOf = (r: {
  id: number | string;
  commitment: string;
  added_by: string | null;
  party: string | null;
}): PersonMeta => ({
  id: Number(r.id),
  commitment: r.commitment,
  addedBy: r.added_by,
  party: r.party,
});
