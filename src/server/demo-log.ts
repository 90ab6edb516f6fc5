import { fileURLToPath } from 'node:url';
import type { Crypto } from '../core/crypto/crypto.ts';
import { verifyLog } from '../core/ledger/verify-log.ts';
import { exportMaterial, exportProvenance, readExport } from '../export/export-folder.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import { ProvenanceStore } from '../store/provenance-store.ts';

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
 * (verified first, as `truce import DIR` does) with its checkpoints and their cosignatures. A
 * database that already holds a log is left as it is.
 */
export async function importDemoLog(
  store: LedgerStore,
  crypto: Crypto,
  dir: string = DEMO_LOG_DIR,
): Promise<DemoImport> {
  if ((await store.listLogs()).length > 0) return { log: null, events: 0, checkpoints: 0 };
  const x = await readExport(dir);
  const report = await verifyLog(crypto, exportMaterial(x));
  if (report.problems.length) {
    const first = report.problems[0]!;
    throw new Error(
      `The demo log ${dir} does not verify, so nothing was imported (${first.where}: ${first.message}); run truce verify --export ${dir}.`,
    );
  }
  const now = new Date().toISOString();
  await store.createLog({
    id: x.log.id,
    origin: x.log.origin,
    logKey: x.log.logKey,
    ...(x.log.agreementHash ? { agreementHash: x.log.agreementHash } : {}),
    createdAt: now,
  });
  await new ProvenanceStore(store.database).claim(x.log.id, exportProvenance(x, dir));
  const encoder = new TextEncoder();
  await store.append(
    x.log.id,
    x.events.map((line) => encoder.encode(line)),
  );
  for (const cp of x.checkpoints) {
    await store.addCheckpoint(x.log.id, cp.size, cp.note, now);
    for (const c of cp.cosignatures) await store.addCosignature(x.log.id, cp.size, c.witness, c.line, now);
  }
  return { log: x.log.id, events: x.events.length, checkpoints: x.checkpoints.length };
}
