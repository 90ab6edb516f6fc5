import { type Crypto, toBase64 } from '../core/crypto/crypto.ts';
import { canonicalize } from '../core/ledger/canonical-json.ts';
import { commitToRecord, type PersonRecord, verifyCommitment } from '../core/ledger/commitment.ts';
import { LedgerError } from '../core/ledger/ledger-error.ts';
import type { Database } from './database.ts';

/** The largest person record kept, as canonical JSON. */
export const MAX_PERSON_BYTES = 8 * 1024;

export interface Revealed {
  commitment: string;
  record: PersonRecord;
  /** The salt, base64: with the record, anyone can check the commitment in the log. */
  salt: string;
}

/**
 * The persons store: names, ages and ids of the people held, kept apart from the log, which only
 * ever sees their salted commitments. Who may read what is decided by the caller's policy (the
 * server's roles); this store only keeps records and reveals them with proof that they match.
 */
export class PersonsStore {
  readonly database: Database;
  readonly crypto: Crypto;

  constructor(database: Database, crypto: Crypto) {
    this.database = database;
    this.crypto = crypto;
  }

  /** Keeps a record under a fresh salt and returns its commitment, for use in list and handover events. */
  async add(logId: string, record: PersonRecord): Promise<string> {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      throw new LedgerError(
        'event-invalid',
        'A person record is a JSON object, e.g. {"names": {"ar": "…", "he": "…", "en": "…"}}.',
      );
    }
    const { commitment, salt } = commitToRecord(this.crypto, record);
    const text = canonicalize(record);
    if (new TextEncoder().encode(text).length > MAX_PERSON_BYTES) {
      throw new LedgerError('event-too-large', `A person record may be at most ${MAX_PERSON_BYTES} bytes.`);
    }
    await this.database.db
      .insertInto('truce_person')
      .values({
        log_id: logId,
        commitment,
        salt,
        record: text.normalize('NFC'),
        created_at: new Date().toISOString(),
      })
      .execute();
    return commitment;
  }

  /** The record behind a commitment, with its salt, checked against the commitment before it is returned. */
  async reveal(logId: string, commitment: string): Promise<Revealed | undefined> {
    const row = await this.database.db
      .selectFrom('truce_person')
      .select(['record', 'salt'])
      .where('log_id', '=', logId)
      .where('commitment', '=', commitment)
      .executeTakeFirst();
    if (!row) return undefined;
    const record = JSON.parse(row.record) as PersonRecord;
    const salt = new Uint8Array(row.salt);
    if (!verifyCommitment(this.crypto, record, salt, commitment)) {
      throw new LedgerError(
        'commitment-malformed',
        `The stored record for ${commitment.slice(0, 12)}… no longer matches its commitment: storage is damaged.`,
      );
    }
    return { commitment, record, salt: toBase64(salt) };
  }

  async count(logId: string): Promise<number> {
    const r = await this.database.db
      .selectFrom('truce_person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('log_id', '=', logId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
