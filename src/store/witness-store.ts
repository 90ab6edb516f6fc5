import type { Database } from './database.ts';
import type { WitnessTable } from './schema.ts';

/** What this server, as a witness, last cosigned of one log (C2SP tlog-witness). */
export interface WitnessState {
  origin: string;
  /** The log's verifier key the checkpoint was verified with. */
  logKey: string;
  size: number;
  root: Uint8Array;
  /** The signed checkpoint as it was submitted. */
  checkpoint: string;
  updatedAt: string;
}

const asBytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

const stateOf = (r: WitnessTable): WitnessState => ({
  origin: r.origin,
  logKey: r.log_key,
  size: Number(r.size),
  root: asBytes(r.root),
  checkpoint: r.checkpoint,
  updatedAt: r.updated_at,
});

/**
 * The witness's memory, one row per origin. It only moves by compare-and-swap: `advance` succeeds
 * for exactly one of several requests that start from the same state, on SQLite and PostgreSQL
 * alike, so the witness never cosigns two checkpoints that fork from one size.
 */
export class WitnessStore {
  readonly #database: Database;
  constructor(database: Database) {
    this.#database = database;
  }

  async get(origin: string): Promise<WitnessState | undefined> {
    const r = await this.#database.db
      .selectFrom('truce_witness')
      .selectAll()
      .where('origin', '=', origin)
      .executeTakeFirst();
    return r ? stateOf(r) : undefined;
  }

  /**
   * Moves the origin's state from `from` (undefined: never cosigned) to `to`, only if it is still
   * `from`. Returns false, changing nothing, when another request moved it first.
   */
  async advance(
    from: { size: number; root: Uint8Array } | undefined,
    to: Omit<WitnessState, 'updatedAt'> & { updatedAt?: string },
  ): Promise<boolean> {
    const row = {
      log_key: to.logKey,
      size: to.size,
      root: to.root,
      checkpoint: to.checkpoint,
      updated_at: to.updatedAt ?? new Date().toISOString(),
    };
    if (!from) {
      const r = await this.#database.db
        .insertInto('truce_witness')
        .values({ origin: to.origin, ...row })
        .onConflict((oc) => oc.column('origin').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    }
    const r = await this.#database.db
      .updateTable('truce_witness')
      .set(row)
      .where('origin', '=', to.origin)
      .where('size', '=', from.size)
      .where('root', '=', from.root)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The log of this database whose checkpoints name `origin` (origins are unique), if any. */
  async localLog(origin: string): Promise<{ id: string; logKey: string } | undefined> {
    const r = await this.#database.db
      .selectFrom('truce_log')
      .select(['id', 'log_key'])
      .where('origin', '=', origin)
      .executeTakeFirst();
    return r ? { id: r.id, logKey: r.log_key } : undefined;
  }

  /** The checkpoint of size `size` a log of this database stored, if any (to keep a cosignature beside it). */
  async storedCheckpoint(logId: string, size: number): Promise<string | undefined> {
    const r = await this.#database.db
      .selectFrom('truce_checkpoint')
      .select('note')
      .where('log_id', '=', logId)
      .where('size', '=', size)
      .executeTakeFirst();
    return r?.note;
  }

  /** Every log this witness has cosigned, by origin. */
  async list(): Promise<WitnessState[]> {
    const rows = await this.#database.db.selectFrom('truce_witness').selectAll().orderBy('origin').execute();
    return rows.map(stateOf);
  }
}
