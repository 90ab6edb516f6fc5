import type { Crypto } from '../core/crypto/crypto.ts';
import { checkLogState } from '../core/ledger/verify-state.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import type { FitHook } from '../store/log-append.ts';
import { exportMaterial, exportProvenance, type LogExport, readExport } from './export-folder.ts';
import { ExportFolderError } from './export-folder-error.ts';

/** Events handed to the store per chunk of the one import transaction. */
const IMPORT_CHUNK = 5000;

/** The events of an export folder in chunks, read from events.jsonl as they are needed. */
async function* chunks(x: LogExport): AsyncGenerator<Uint8Array[]> {
  let chunk: Uint8Array[] = [];
  for await (const line of x.events) {
    chunk.push(line);
    if (chunk.length === IMPORT_CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/** The problems found, as one error that names the first few and where to see them all. */
function unverified(dir: string, problems: { where: string; message: string }[]): ExportFolderError {
  return new ExportFolderError(
    'export-unverified',
    `The export ${dir} does not verify, so nothing was imported (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems
      .slice(0, 3)
      .map((p) => `${p.where}: ${p.message}`)
      .join('; ')}. See truce verify --export ${dir}.`,
  );
}

/**
 * Imports an export folder into the store in one pass and one transaction: each event of
 * events.jsonl, streamed in chunks, is checked as it is appended (bytes, signature, right to be
 * appended: what truce verify checks of it); then, before the transaction commits, the size and
 * root log.json claims, every checkpoint and cosignature, witnessed.json and the served checkpoint
 * are checked against the log just built. A folder that does not verify imports nothing, and an
 * import that fails leaves nothing behind (no log, no event). The tiles are not read: the store
 * builds its own tree (truce verify --export checks them).
 */
export async function importExportFolder(
  store: LedgerStore,
  crypto: Crypto,
  dir: string,
  fitOf?: (logId: string) => Promise<FitHook>,
): Promise<{ log: string; events: number; added: number; checkpoints: number }> {
  const x = await readExport(dir);
  const fit = fitOf ? await fitOf(x.log.id) : undefined;
  const provenance = exportProvenance(x, dir);
  const material = {
    ...(await exportMaterial(x)),
    published: { checkpoint: x.checkpointFile, tiles: { paths: [], read: () => undefined } },
  };
  let r: { events: number; added: number };
  try {
    r = await store.importLog(
      {
        id: x.log.id,
        origin: x.log.origin,
        logKey: x.log.logKey,
        agreementHash: x.log.agreementHash,
        createdAt: new Date().toISOString(),
      },
      chunks(x),
      x.checkpoints,
      provenance,
      async (state) => {
        // Imported into a log that had grown further: the export is checked as the prefix it is.
        const at =
          state.size > x.log.size
            ? { ...state, size: x.log.size, root: await state.rootAt(x.log.size) }
            : state;
        const { problems } = await checkLogState(crypto, material, at, true);
        if (problems.length) throw unverified(dir, problems);
      },
      fit,
    );
  } catch (e) {
    const at = (e as { position?: number }).position;
    // An event that verifies but does not fit the agreement the log adopted: the caller's error, placed.
    if (at !== undefined && (e as { fit?: unknown }).fit !== undefined)
      throw Object.assign(e as Error, {
        message: `${dir}/events.jsonl:${at + 1}: ${(e as Error).message} Nothing was imported.`,
      });
    if (at !== undefined)
      throw unverified(dir, [{ where: `events.jsonl:${at + 1}`, message: (e as Error).message }]);
    throw e;
  }
  return { log: x.log.id, ...r, checkpoints: x.checkpoints.length };
}
