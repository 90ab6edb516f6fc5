import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
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
import type { PublishedTiles } from '../core/ledger/verify-published.ts';
import type { LedgerStore, WitnessedCheckpoint } from '../store/ledger-store.ts';
import { ProvenanceStore } from '../store/provenance-store.ts';
import { ExportFolderError } from './export-folder-error.ts';

/**
 * The export folder of a log: log.json, events.jsonl (one canonical signed event a line),
 * checkpoints.json, witnessed.json (the checkpoints witnesses cosigned, kept apart from the log),
 * and what a static tlog-tiles server publishes: `checkpoint` and `tile/`. Events stream: neither
 * writing nor reading a folder holds the log in memory.
 */
export interface LogExport {
  dir: string;
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
  checkpoints: { size: number; note: string; cosignatures: { witness: string; line: string }[] }[];
  /** witnessed.json: absent from folders written before it existed. */
  witnessed: WitnessedCheckpoint[];
  /** The served `checkpoint` file, if there is one. */
  checkpointFile: string | undefined;
  /** The lines of events.jsonl as bytes, read from the file afresh at each iteration. */
  events: AsyncIterable<Uint8Array>;
}

const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Writes `bytes` to a stream, waiting when its buffer is full (bounded memory). */
async function put(out: ReturnType<typeof createWriteStream>, bytes: Uint8Array | string) {
  if (!out.write(bytes)) await new Promise<void>((r) => out.once('drain', () => r()));
}

async function putFile(dir: string, path: string, bytes: Uint8Array) {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), bytes);
}

export async function writeExport(
  store: LedgerStore,
  logId: string,
  dir: string,
  onProgress?: (n: number) => void,
) {
  const log = await store.requireLog(logId);
  const provenance = await new ProvenanceStore(store.database).get(logId);
  await mkdir(dir, { recursive: true });
  const out = createWriteStream(join(dir, 'events.jsonl'));
  const closed = new Promise<void>((ok, fail) => {
    out.on('finish', ok);
    out.on('error', fail);
  });
  const newline = new Uint8Array([0x0a]);
  let bundle: Uint8Array[] = [];
  let done = 0;
  // Events up to the size read above: appends made meanwhile belong to the next export.
  for await (const page of store.rawEntryPages(logId, { to: log.size })) {
    for (const e of page) {
      await put(out, e.bytes);
      await put(out, newline);
      bundle.push(e.bytes);
      done++;
      if (bundle.length === TILE_WIDTH) {
        await putFile(dir, entriesPath(done / TILE_WIDTH - 1), encodeEntryBundle(bundle));
        bundle = [];
      }
    }
    onProgress?.(done);
  }
  out.end();
  await closed;
  if (bundle.length)
    await putFile(dir, entriesPath(Math.floor(done / TILE_WIDTH), bundle.length), encodeEntryBundle(bundle));
  for (let level = 0; tileWidth(level, 0, log.size) > 0; level++) {
    for (let n = 0; tileWidth(level, n, log.size) > 0; n++) {
      const width = tileWidth(level, n, log.size);
      const hashes = await store.readHashes(logId, tileHashIndexes(level, n, width));
      const data = new Uint8Array(width * 32);
      hashes.forEach((h, i) => {
        data.set(h, i * 32);
      });
      await putFile(dir, tilePath(level, n, width), data);
    }
  }
  const checkpoints = [];
  for (const cp of await store.checkpoints(logId)) {
    if (cp.size > log.size) continue;
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
  await writeFile(join(dir, 'checkpoints.json'), `${JSON.stringify(checkpoints, null, 2)}\n`);
  const witnessed = (await store.witnessed(logId)).filter((w) => w.line !== '' && w.size <= log.size);
  await writeFile(join(dir, 'witnessed.json'), `${JSON.stringify(witnessed, null, 2)}\n`);
  // The served checkpoint: the latest, with its cosignatures (C2SP tlog-tiles).
  const latest = checkpoints.at(-1);
  if (latest)
    await writeFile(join(dir, 'checkpoint'), latest.note + latest.cosignatures.map((c) => c.line).join(''));
  return { size: log.size, checkpoints: checkpoints.length };
}

async function readJson<T>(path: string, what: string, optional = false): Promise<T | undefined> {
  let text: string;
  try {
    const s = await stat(path);
    if (s.size > MAX_JSON_BYTES)
      throw new ExportFolderError('export-too-large', `${what} is larger than ${MAX_JSON_BYTES} bytes.`);
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ExportFolderError) throw e;
    if (optional) return undefined;
    throw new ExportFolderError(
      'export-missing',
      `Cannot read ${what} (${path}). An export folder holds log.json, events.jsonl and checkpoints.json.`,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ExportFolderError('export-malformed', `${path}: ${what} is not valid JSON.`);
  }
}

/** The lines of a file as bytes (split at each newline byte), streamed. */
async function* lines(path: string): AsyncGenerator<Uint8Array> {
  let rest = new Uint8Array(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let data: Uint8Array = chunk;
    if (rest.length) {
      data = new Uint8Array(rest.length + chunk.length);
      data.set(rest);
      data.set(chunk, rest.length);
    }
    let start = 0;
    for (let at = data.indexOf(0x0a); at !== -1; at = data.indexOf(0x0a, start)) {
      yield data.slice(start, at);
      start = at + 1;
    }
    rest = data.slice(start);
  }
  if (rest.length) yield rest;
}

/** Every file under `tile/` of a folder, as relative paths with `/`. */
async function tilePaths(base: string): Promise<string[]> {
  try {
    const found = await readdir(join(base, 'tile'), { recursive: true, withFileTypes: true });
    return found
      .filter((d) => d.isFile())
      .map((d) => relative(base, join(d.parentPath, d.name)).split(sep).join('/'))
      .sort();
  } catch {
    return [];
  }
}

/** Opens an export folder: its small files read, its events streamed from events.jsonl on demand. */
export async function readExport(dir: string): Promise<LogExport> {
  const base = resolve(dir);
  const log = (await readJson<LogExport['log']>(join(base, 'log.json'), 'log.json'))!;
  const checkpoints = (await readJson<LogExport['checkpoints']>(
    join(base, 'checkpoints.json'),
    'checkpoints.json',
  ))!;
  const witnessed =
    (await readJson<WitnessedCheckpoint[]>(join(base, 'witnessed.json'), 'witnessed.json', true)) ?? [];
  if (!log || typeof log !== 'object' || !Array.isArray(checkpoints) || !Array.isArray(witnessed))
    throw new ExportFolderError(
      'export-malformed',
      `${dir}: log.json, checkpoints.json or witnessed.json is not what truce export writes.`,
    );
  const events = join(base, 'events.jsonl');
  try {
    if (!(await stat(events)).isFile()) throw new Error('not a file');
  } catch {
    throw new ExportFolderError(
      'export-missing',
      `Cannot read events.jsonl (${events}). An export folder holds log.json, events.jsonl and checkpoints.json.`,
    );
  }
  const checkpointFile = await readFile(join(base, 'checkpoint'), 'utf8').catch(() => undefined);
  return {
    dir: base,
    log,
    checkpoints,
    witnessed,
    checkpointFile,
    events: { [Symbol.asyncIterator]: () => lines(events) },
  };
}

/** The tile files of an opened export folder. */
async function folderTiles(x: LogExport): Promise<PublishedTiles> {
  return {
    paths: await tilePaths(x.dir),
    read: (path) =>
      readFile(join(x.dir, path)).then(
        (b) => new Uint8Array(b),
        () => undefined,
      ),
  };
}

/**
 * An export as the material verifyLog checks: nothing is trusted but the log's key and origin.
 * Its published files (the served checkpoint and the tiles) are checked too.
 */
export async function exportMaterial(x: LogExport): Promise<LogMaterial> {
  return {
    logId: x.log.id,
    origin: x.log.origin,
    logKey: x.log.logKey,
    entries: {
      async *[Symbol.asyncIterator]() {
        let index = 0;
        for await (const bytes of x.events) yield { index: index++, bytes };
      },
    },
    claimed: { size: x.log.size, root: fromHex(x.log.root) },
    checkpoints: x.checkpoints.map((c) => ({ size: c.size, note: c.note })),
    cosignatures: x.checkpoints.flatMap((c) => c.cosignatures.map((s) => ({ size: c.size, ...s }))),
    witnessed: x.witnessed,
    published: { checkpoint: x.checkpointFile, tiles: await folderTiles(x) },
  };
}

/** The provenance an export claims, or an ExportFolderError saying what is wrong with it. */
export function exportProvenance(x: LogExport, dir: string): Provenance {
  const r = parseProvenance(x.log.provenance, join(dir, 'log.json'));
  if (!r.ok) throw new ExportFolderError('export-malformed', r.message);
  return r.provenance;
}
