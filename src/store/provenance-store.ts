import { mergeProvenance, type Provenance, RECORDED } from '../core/ledger/provenance.ts';
import type { Database } from './database.ts';

/** The provenance of each log (columns of truce_log), read and claimed apart from its entries. */
export class ProvenanceStore {
  readonly #db: Database['db'];
  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The log's provenance; a log that does not exist claims nothing. */
  async get(logId: string): Promise<Provenance> {
    const row = await this.#db
      .selectFrom('truce_log')
      .select(['reconstructed', 'demo_keys'])
      .where('id', '=', logId)
      .executeTakeFirst();
    return row ? { reconstructed: row.reconstructed === 1, demoKeys: row.demo_keys === 1 } : RECORDED;
  }

  /** Every log's provenance, by id. */
  async all(): Promise<Map<string, Provenance>> {
    const rows = await this.#db
      .selectFrom('truce_log')
      .select(['id', 'reconstructed', 'demo_keys'])
      .execute();
    return new Map(
      rows.map((r) => [r.id, { reconstructed: r.reconstructed === 1, demoKeys: r.demo_keys === 1 }]),
    );
  }

  /**
   * Adds the claims of `p` to the log's (a claim once made is never withdrawn: a log rebuilt from
   * reporting stays so whatever a later import says). Returns the provenance now kept.
   */
  async claim(logId: string, p: Provenance): Promise<Provenance> {
    const kept = mergeProvenance(await this.get(logId), p);
    await this.#db
      .updateTable('truce_log')
      .set({ reconstructed: kept.reconstructed ? 1 : 0, demo_keys: kept.demoKeys ? 1 : 0 })
      .where('id', '=', logId)
      .execute();
    return kept;
  }
}
