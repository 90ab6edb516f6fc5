import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fromHex } from '../core/crypto/crypto.ts';
import { needsBanner, type Provenance, parseProvenance } from '../core/ledger/provenance.ts';
import {
  encodeEntryBundle,
  entriesPath,
  TILE_WIDTH,
  tileHashIndexes,
  tilePath,
  tileWidth,
} from '../core/ledger/tiles.ts';
import type { LogMaterial } from '../core/ledger/verify-log.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import { ProvenanceStore } from '../store/provenance-store.ts';

/** The export folder of a log: log.json, events.jsonl (one canonical signed event a line), checkpoints.json. */
export interface LogExport {
  log: {
    id: string;
    origin: string;
    logKey: string;
    size: number;
    root: string;
    agreementHash: string | null;
    /** Where the log comes from (core/ledger/provenance.ts); absent in exports of logs that claim nothing. */
    provenance?: unknown;
  };
  events: string[];
  checkpoints: { size: number; note: string; cosignatures: { witness: string; line: string }[] }[];
}

/** An export folder that cannot be read: missing, too large or malformed, with a message a person can act on. */
export class ExportFolderError extends Error {
  override name = 'ExportFolderError';
  readonly code: 'export-missing' | 'export-too-large' | 'export-malformed';
  constructor(code: ExportFolderError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

const MAX_EXPORT_BYTES = 2 * 1024 * 1024 * 1024;

export async function writeExport(
  store: LedgerStore,
  logId: string,
  dir: string,
  onProgress?: (n: number) => void,
) {
  const log = await store.requireLog(logId);
  const provenance = await new ProvenanceStore(store.database).get(logId);
  await mkdir(dir, { recursive: true });
  const lines: string[] = [];
  for (let at = 0; at < log.size; at += 5000) {
    for (const e of await store.entries(logId, at, Math.min(log.size, at + 5000)))
      lines.push(new TextDecoder().decode(e.bytes));
    onProgress?.(lines.length);
  }
  const checkpoints = [];
  for (const cp of await store.checkpoints(logId)) {
    checkpoints.push({
      size: cp.size,
      note: cp.note,
      cosignatures: await store.cosignatures(logId, cp.size),
    });
  }
  const info = {
    id: log.id,
    origin: log.origin,
    logKey: log.logKey,
    size: log.size,
    root: Buffer.from(log.root).toString('hex'),
    agreementHash: log.agreementHash,
    // The reader of an export is warned as the reader of a page is.
    ...(needsBanner(provenance) ? { provenance } : {}),
  };
  await writeFile(join(dir, 'log.json'), `${JSON.stringify(info, null, 2)}\n`);
  await writeFile(join(dir, 'events.jsonl'), lines.map((l) => `${l}\n`).join(''));
  await writeFile(join(dir, 'checkpoints.json'), `${JSON.stringify(checkpoints, null, 2)}\n`);
  await writeTiles(store, logId, log.size, lines, dir, checkpoints.at(-1));
  return { size: log.size, checkpoints: checkpoints.length };
}

/**
 * The log as static C2SP tlog-tiles files beside the export: `checkpoint` (the latest, with its
 * cosignatures), `tile/L/N[.p/W]` hash tiles and `tile/entries/N[.p/W]` entry bundles, so that a
 * plain file server can publish it, immutable and cacheable, and clients verify it from tiles.
 */
async function writeTiles(
  store: LedgerStore,
  logId: string,
  size: number,
  events: string[],
  dir: string,
  latest: { note: string; cosignatures: { line: string }[] } | undefined,
) {
  if (latest)
    await writeFile(join(dir, 'checkpoint'), latest.note + latest.cosignatures.map((c) => c.line).join(''));
  const put = async (path: string, bytes: Uint8Array) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  };
  const enc = new TextEncoder();
  for (let n = 0; n * TILE_WIDTH < size; n++) {
    const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
    await put(
      entriesPath(n, width),
      encodeEntryBundle(events.slice(n * TILE_WIDTH, n * TILE_WIDTH + width).map((e) => enc.encode(e))),
    );
  }
  for (let level = 0; tileWidth(level, 0, size) > 0; level++) {
    for (let n = 0; tileWidth(level, n, size) > 0; n++) {
      const width = tileWidth(level, n, size);
      const hashes = await store.readHashes(logId, tileHashIndexes(level, n, width));
      const data = new Uint8Array(width * 32);
      hashes.forEach((h, i) => {
        data.set(h, i * 32);
      });
      await put(tilePath(level, n, width), data);
    }
  }
}

async function readText(path: string, what: string): Promise<string> {
  try {
    const s = await stat(path);
    if (s.size > MAX_EXPORT_BYTES)
      throw new ExportFolderError('export-too-large', `${what} is larger than ${MAX_EXPORT_BYTES} bytes.`);
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ExportFolderError) throw e;
    throw new ExportFolderError(
      'export-missing',
      `Cannot read ${what} (${path}). An export folder holds log.json, events.jsonl and checkpoints.json.`,
    );
  }
}

export async function readExport(dir: string): Promise<LogExport> {
  const base = resolve(dir);
  let log: LogExport['log'];
  let checkpoints: LogExport['checkpoints'];
  try {
    log = JSON.parse(await readText(join(base, 'log.json'), 'log.json'));
    checkpoints = JSON.parse(await readText(join(base, 'checkpoints.json'), 'checkpoints.json'));
  } catch (e) {
    if (e instanceof ExportFolderError) throw e;
    throw new ExportFolderError(
      'export-malformed',
      `${dir}: log.json or checkpoints.json is not valid JSON.`,
    );
  }
  const text = await readText(join(base, 'events.jsonl'), 'events.jsonl');
  const events = text.split('\n');
  if (events.at(-1) === '') events.pop();
  return { log, events, checkpoints };
}

/** An export as the material verifyLog checks: nothing is trusted but the log's key and origin. */
export function exportMaterial(x: LogExport): LogMaterial {
  const enc = new TextEncoder();
  return {
    logId: x.log.id,
    origin: x.log.origin,
    logKey: x.log.logKey,
    entries: x.events.map((line, index) => ({ index, bytes: enc.encode(line) })),
    claimed: { size: x.log.size, root: fromHex(x.log.root) },
    checkpoints: x.checkpoints.map((c) => ({ size: c.size, note: c.note })),
    cosignatures: x.checkpoints.flatMap((c) => c.cosignatures.map((s) => ({ size: c.size, ...s }))),
  };
}

/** The provenance an export claims, or an ExportFolderError saying what is wrong with it. */
export function exportProvenance(x: LogExport, dir: string): Provenance {
  const r = parseProvenance(x.log.provenance, join(dir, 'log.json'));
  if (!r.ok) throw new ExportFolderError('export-malformed', r.message);
  return r.provenance;
}
