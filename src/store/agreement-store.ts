import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { withWriteLock } from './append-lock.ts';
import type { Database } from './database.ts';
import type { AgreementVersionTable, Tables } from './schema.ts';

export const AGREEMENT_STATUSES = ['adopted', 'proposal'] as const;
/** An adopted version is the text in force; a proposal is a text under negotiation. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Who stored a version: the actor of the API token, its role and the log the token is of. */
export interface Uploader {
  actor: string;
  role: string;
  log: string | null;
}

/** What is known of a stored version without reading its source. */
export interface AgreementVersionInfo {
  id: string;
  version: number;
  status: AgreementStatus;
  mediaType: string;
  sha256: string;
  /** Bytes of the source. */
  size: number;
  uploadedBy: Uploader;
  uploadedAt: string;
}

export interface AgreementVersion extends AgreementVersionInfo {
  /** The text exactly as uploaded (YAML or JSON). */
  source: string;
}

export interface NewAgreementVersion {
  id: string;
  source: string;
  mediaType: string;
  status: AgreementStatus;
  uploadedBy: Uploader;
  uploadedAt?: string;
}

type Row = AgreementVersionTable;

const INFO_COLUMNS = [
  'agreement_id',
  'version',
  'status',
  'media_type',
  'sha256',
  'size',
  'uploaded_by',
  'uploaded_role',
  'uploaded_log',
  'uploaded_at',
] as const;

function infoOf(row: Omit<Row, 'source'>): AgreementVersionInfo {
  return {
    id: row.agreement_id,
    version: Number(row.version),
    status: row.status,
    mediaType: row.media_type,
    sha256: row.sha256,
    size: Number(row.size),
    uploadedBy: { actor: row.uploaded_by, role: row.uploaded_role, log: row.uploaded_log },
    uploadedAt: row.uploaded_at,
  };
}

const versionOf = (row: Row): AgreementVersion => ({ ...infoOf(row), source: row.source });

/** SHA-256 hex of the UTF-8 bytes of a text. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Runs `fn` in one transaction that no other upload of the same agreement id runs alongside, in
 * this process or another: on PostgreSQL a transaction-scoped advisory lock on the id, on SQLite
 * the database's write lock (BEGIN IMMEDIATE).
 */
function withAgreementLock<T>(
  database: Database,
  id: string,
  fn: (trx: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  return withWriteLock(
    database,
    (trx) => sql`select pg_advisory_xact_lock(hashtextextended(${`truce_agreement:${id}`}, 0))`.execute(trx),
    fn,
  );
}

/**
 * Agreements uploaded over the API, kept as numbered, immutable versions of their id. The store
 * does not check agreements: the caller stores only text that parsed and checked.
 */
export class AgreementStore {
  readonly #database: Database;
  constructor(database: Database) {
    this.#database = database;
  }

  /**
   * Stores a new version, numbered one more than the latest of its id. The same text with the same
   * status as the latest version is not stored again: that version comes back with `created: false`.
   */
  async add(spec: NewAgreementVersion): Promise<{ version: AgreementVersion; created: boolean }> {
    const sha256 = sha256Hex(spec.source);
    return withAgreementLock(this.#database, spec.id, async (trx) => {
      const latest = await trx
        .selectFrom('truce_agreement_version')
        .selectAll()
        .where('agreement_id', '=', spec.id)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest && latest.sha256 === sha256 && latest.status === spec.status)
        return { version: versionOf(latest), created: false };
      const row: Row = {
        agreement_id: spec.id,
        version: latest ? Number(latest.version) + 1 : 1,
        status: spec.status,
        media_type: spec.mediaType,
        source: spec.source,
        sha256,
        size: Buffer.byteLength(spec.source, 'utf8'),
        uploaded_by: spec.uploadedBy.actor,
        uploaded_role: spec.uploadedBy.role,
        uploaded_log: spec.uploadedBy.log,
        uploaded_at: spec.uploadedAt ?? new Date().toISOString(),
      };
      await trx.insertInto('truce_agreement_version').values(row).execute();
      return { version: versionOf(row), created: true };
    });
  }

  /** One version with its source; undefined if the id has no such version. */
  async get(id: string, version: number): Promise<AgreementVersion | undefined> {
    const row = await this.#database.db
      .selectFrom('truce_agreement_version')
      .selectAll()
      .where('agreement_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? versionOf(row) : undefined;
  }

  /**
   * The version that stands for the id: its latest adopted version, or its latest proposal when
   * none was adopted; undefined if the id has no version.
   */
  async current(id: string): Promise<AgreementVersion | undefined> {
    const row = await this.#database.db
      .selectFrom('truce_agreement_version')
      .selectAll()
      .where('agreement_id', '=', id)
      .orderBy(sql`case when status = 'adopted' then 1 else 0 end`, 'desc')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? versionOf(row) : undefined;
  }

  /**
   * The latest version of the id whose source has this SHA-256: the text a log adopted by hash,
   * whatever the id's latest version is. Undefined if no version of the id has these bytes.
   */
  async byHash(id: string, sha256: string): Promise<AgreementVersion | undefined> {
    const row = await this.#database.db
      .selectFrom('truce_agreement_version')
      .selectAll()
      .where('agreement_id', '=', id)
      .where('sha256', '=', sha256)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? versionOf(row) : undefined;
  }

  /** The version that stands for each id (as `current`), in the order of the ids. */
  async currentOfEach(): Promise<AgreementVersion[]> {
    const rows = await this.#database.db
      .selectFrom('truce_agreement_version as v')
      .selectAll('v')
      .where(
        'v.version',
        '=',
        sql<number>`(select coalesce(max(case when w.status = 'adopted' then w.version end), max(w.version))
          from truce_agreement_version w where w.agreement_id = v.agreement_id)`,
      )
      .orderBy('v.agreement_id')
      .execute();
    return rows.map(versionOf);
  }

  /** The ids that have at least one version, in order. */
  async ids(): Promise<string[]> {
    const rows = await this.#database.db
      .selectFrom('truce_agreement_version')
      .select('agreement_id')
      .distinct()
      .orderBy('agreement_id')
      .execute();
    return rows.map((r) => r.agreement_id);
  }

  /** The number of the latest version of the id; 0 if it has none. */
  async latestNumber(id: string): Promise<number> {
    const row = await this.#database.db
      .selectFrom('truce_agreement_version')
      .select((eb) => eb.fn.max('version').as('latest'))
      .where('agreement_id', '=', id)
      .executeTakeFirst();
    return Number(row?.latest ?? 0);
  }

  /** Up to `limit` versions of the id from version `from` on, in order, without their sources. */
  async list(id: string, from: number, limit: number): Promise<AgreementVersionInfo[]> {
    const rows = await this.#database.db
      .selectFrom('truce_agreement_version')
      .select([...INFO_COLUMNS])
      .where('agreement_id', '=', id)
      .where('version', '>=', from)
      .orderBy('version')
      .limit(limit)
      .execute();
    return rows.map(infoOf);
  }
}
