import { fileURLToPath } from 'node:url';
import type { Crypto } from '../core/crypto/crypto.ts';
import { importExportFolder } from '../export/import-folder.ts';
import type { LedgerStore } from '../store/ledger-store.ts';

/** The public record of the November 2023 pause, as `truce export` wrote it. */
export const DEMO_LOG_DIR = fileURLToPath(new URL('../../examples/logs/nov-2023-pause/', import.meta.url));

export interface DemoImport {
  /** The log imported, or null when the database already had a log and nothing was imported. */
  log: string | null;
  events: number;
  checkpoints: number;
}

/**
 * For `truce serve --demo`: when the database has no log yet, imports the export folder `dir`
 * (verified first, as `truce import DIR` does, in one transaction) with its checkpoints and their cosignatures. A
 * database that already holds a log is left as it is.
 */
export async function importDemoLog(
  store: LedgerStore,
  crypto: Crypto,
  dir: string = DEMO_LOG_DIR,
): Promise<DemoImport> {
  if ((await store.listLogs()).length > 0) return { log: null, events: 0, checkpoints: 0 };
  const r = await importExportFolder(store, crypto, dir);
  return { log: r.log, events: r.events, checkpoints: r.checkpoints };
}
