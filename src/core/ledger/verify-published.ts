/**
 * What an export folder publishes beside its events, checked against the log recomputed from
 * them: the served `checkpoint` file and the C2SP tlog-tiles files under `tile/`, which are what
 * tlog clients read. Pure: the folder is read through the small interface PublishedTiles.
 */
import { bytesEqual, type Crypto } from '../crypto/crypto.ts';
import type { ActorRecord } from './check-event.ts';
import { parseCheckpoint } from './checkpoint.ts';
import { verifyCosignature } from './cosignature.ts';
import type { Hash } from './merkle.ts';
import { openNote, parseVerifierKey, splitNote, type Verifier } from './signed-note.ts';
import {
  encodeEntryBundle,
  entriesPath,
  parseTilePath,
  TILE_WIDTH,
  tileHashIndexes,
  tilePath,
  tileWidth,
} from './tiles.ts';

export interface PublishedProblem {
  code: string;
  where: string;
  message: string;
}

/** The tile files of a folder: every path under `tile/` (relative, with `/`), and their bytes. */
export interface PublishedTiles {
  paths: string[];
  read(path: string): Promise<Uint8Array | undefined> | Uint8Array | undefined;
}

const AGAIN = 'Write the folder again with truce export --out DIR from a database that verifies.';

/**
 * Checks tiles against the log as it is recomputed: entry bundles as the entries stream past
 * (`entry`), hash tiles once every hash is known (`finish`). A tile missing, different, not in
 * the canonical path form, or beyond the log is named; a partial tile left by an earlier export
 * of a shorter log is accepted when it is a prefix of the tile the log has now.
 */
export class TileCheck {
  readonly problems: PublishedProblem[] = [];
  readonly #tiles: PublishedTiles;
  readonly #listed = new Map<string, { level: number | 'entries'; index: number; width: number }>();
  readonly #checked = new Set<string>();
  readonly #missing: string[] = [];
  readonly #differ: string[] = [];
  #bundle: Uint8Array[] = [];
  #bundleIndex = 0;

  constructor(tiles: PublishedTiles) {
    this.#tiles = tiles;
    for (const path of tiles.paths) {
      const tile = parseTilePath(path);
      if (!tile) {
        this.problems.push({
          code: 'tile-unexpected',
          where: path,
          message: `${path} is not a tile path in the one canonical form of C2SP tlog-tiles (tile/L/N[.p/W], N in groups of three digits): tlog clients never read it. Remove it, or ${AGAIN}`,
        });
        this.#checked.add(path);
      } else this.#listed.set(path, tile);
    }
  }

  /** The next entry of the log, in order. */
  async entry(bytes: Uint8Array): Promise<void> {
    this.#bundle.push(bytes);
    if (this.#bundle.length === TILE_WIDTH) await this.#flush();
  }

  async #flush(): Promise<void> {
    const n = this.#bundleIndex;
    const entries = this.#bundle;
    await this.#compare(entriesPath(n, entries.length), encodeEntryBundle(entries), true);
    for (const [path, t] of this.#listed)
      if (t.level === 'entries' && t.index === n && t.width < entries.length)
        await this.#compare(path, encodeEntryBundle(entries.slice(0, t.width)), false);
    this.#bundle = [];
    this.#bundleIndex++;
  }

  /** After the last entry: the last bundle, every hash tile, and what is left over. */
  async finish(size: number, hash: (storedIndex: number) => Hash): Promise<PublishedProblem[]> {
    if (this.#bundle.length > 0) await this.#flush();
    const bytesOf = (level: number, index: number, width: number) => {
      const data = new Uint8Array(width * 32);
      tileHashIndexes(level, index, width).forEach((id, i) => {
        data.set(hash(id), i * 32);
      });
      return data;
    };
    for (let level = 0; tileWidth(level, 0, size) > 0; level++)
      for (let n = 0; tileWidth(level, n, size) > 0; n++) {
        const width = tileWidth(level, n, size);
        await this.#compare(tilePath(level, n, width), bytesOf(level, n, width), true);
        for (const [path, t] of this.#listed)
          if (t.level === level && t.index === n && t.width < width)
            await this.#compare(path, bytesOf(level, n, t.width), false);
      }
    for (const path of this.#listed.keys())
      if (!this.#checked.has(path))
        this.problems.push({
          code: 'tile-beyond',
          where: path,
          message: `${path} is beyond the log's ${size} events: the folder publishes a tile of entries it does not hold. ${AGAIN}`,
        });
    const list = (paths: string[]) =>
      `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`;
    if (this.#missing.length)
      this.problems.push({
        code: 'tile-missing',
        where: 'tile/',
        message: `${this.#missing.length} tile file${this.#missing.length === 1 ? '' : 's'} of the log ${this.#missing.length === 1 ? 'is' : 'are'} missing (${list(this.#missing)}): tlog clients of this folder cannot read the log. ${AGAIN}`,
      });
    if (this.#differ.length)
      this.problems.push({
        code: 'tile-mismatch',
        where: this.#differ[0]!,
        message: `${this.#differ.length} tile file${this.#differ.length === 1 ? '' : 's'} ${this.#differ.length === 1 ? 'differs' : 'differ'} from the log recomputed from events.jsonl (${list(this.#differ)}): what tlog clients read is not the log. ${AGAIN}`,
      });
    return this.problems;
  }

  async #compare(path: string, expected: Uint8Array, required: boolean): Promise<void> {
    this.#checked.add(path);
    const found = await this.#tiles.read(path);
    if (!found) {
      if (required) this.#missing.push(path);
      return;
    }
    if (!bytesEqual(found, expected)) this.#differ.push(path);
  }
}

/** Cosignature lines of a note by the log's registered witnesses, verified; how many held. */
function checkCosignatures(
  crypto: Crypto,
  note: string,
  text: string,
  witnesses: ActorRecord[],
  where: string,
  problems: PublishedProblem[],
): number {
  let held = 0;
  for (const sig of splitNote(note).signatures) {
    const w = witnesses.find(
      (x) => x.actor === sig.name || parseVerifierKey(crypto, x.key).name === sig.name,
    );
    if (!w) continue;
    try {
      verifyCosignature(crypto, parseVerifierKey(crypto, w.key), text, sig);
      held++;
    } catch (e) {
      problems.push({ code: 'cosignature-invalid', where, message: `${w.actor}: ${(e as Error).message}` });
    }
  }
  return held;
}

/** What the checks of a served checkpoint need of the log: its origin, key, size and roots. */
export interface PublishedLog {
  origin: string;
  verifier: Verifier | undefined;
  size: number;
  rootAt: (size: number) => Promise<Hash>;
}

/**
 * The served `checkpoint` file: it must be there when the log has checkpoints, be signed by the
 * log's key, be the latest checkpoint of checkpoints.json, agree with the log's root at its size,
 * and carry only valid cosignatures of registered witnesses.
 */
export async function checkServedCheckpoint(
  crypto: Crypto,
  log: PublishedLog,
  served: string | undefined,
  latest: { size: number; note: string } | undefined,
  witnesses: ActorRecord[],
): Promise<PublishedProblem[]> {
  const where = 'checkpoint file';
  const problems: PublishedProblem[] = [];
  if (served === undefined) {
    if (latest)
      problems.push({
        code: 'served-checkpoint-missing',
        where,
        message: `The folder has no checkpoint file, though checkpoints.json holds checkpoints: tlog clients read the log's state from it. ${AGAIN}`,
      });
    return problems;
  }
  try {
    const { text } = openNote(crypto, served, log.verifier ? [log.verifier] : []);
    const c = parseCheckpoint(text);
    if (c.origin !== log.origin)
      problems.push({
        code: 'served-checkpoint-origin',
        where,
        message: `The checkpoint file is for "${c.origin}", not "${log.origin}".`,
      });
    else if (c.size > log.size)
      problems.push({
        code: 'served-checkpoint-ahead',
        where,
        message: `The checkpoint file covers ${c.size} events; events.jsonl holds ${log.size}: events were removed from the folder.`,
      });
    else if (!bytesEqual(c.root, await log.rootAt(c.size)))
      problems.push({
        code: 'served-checkpoint-root',
        where,
        message: `The checkpoint file's root is not the root of the log at size ${c.size}: the events or the file were changed.`,
      });
    else if (latest && c.size !== latest.size)
      problems.push({
        code: 'served-checkpoint-stale',
        where,
        message: `The checkpoint file is of size ${c.size}, the latest checkpoint of checkpoints.json of size ${latest.size}. ${AGAIN}`,
      });
    checkCosignatures(crypto, served, text, witnesses, where, problems);
  } catch (e) {
    problems.push({
      code: 'served-checkpoint-invalid',
      where,
      message: `The checkpoint file is not a checkpoint signed by the log's key (${(e as Error).message}). ${AGAIN}`,
    });
  }
  return problems;
}

/**
 * Checkpoints that witnesses cosigned, kept apart from the log (truce_witnessed, the witness's own
 * state, an export's witnessed.json): the log must reach each one's size with the same root. A log
 * cut back to an earlier size, however consistent with itself, is caught here.
 */
export async function checkWitnessed(
  crypto: Crypto,
  log: PublishedLog,
  witnessed: { size: number; witness: string; note: string; line: string }[],
  witnesses: ActorRecord[],
): Promise<PublishedProblem[]> {
  const problems: PublishedProblem[] = [];
  let truncated = false;
  // The largest first: a cut-back log is named once, against the most that was cosigned.
  for (const w of [...witnessed].sort((a, b) => b.size - a.size)) {
    const where = `witnessed checkpoint ${w.size} (${w.witness})`;
    try {
      const note = w.line ? `${w.note}${w.line}` : w.note;
      const { text } = openNote(crypto, note, log.verifier ? [log.verifier] : []);
      const c = parseCheckpoint(text);
      if (c.origin !== log.origin)
        throw new Error(`it is a checkpoint of "${c.origin}", not "${log.origin}"`);
      if (c.size !== w.size) throw new Error(`it says size ${c.size}, kept as size ${w.size}`);
      if (c.size > log.size) {
        if (!truncated)
          problems.push({
            code: 'log-truncated',
            where: 'log',
            message: `The log holds ${log.size} events, but ${w.witness} cosigned a checkpoint of ${c.size}: the last ${c.size - log.size} event${c.size - log.size === 1 ? ' was' : 's were'} removed from storage. Restore the log from a backup or from an export that verifies.`,
          });
        truncated = true;
      } else if (!bytesEqual(c.root, await log.rootAt(c.size)))
        problems.push({
          code: 'witnessed-root',
          where,
          message: `${w.witness} cosigned another root at size ${c.size} than the log's: history was rewritten.`,
        });
      checkCosignatures(crypto, note, text, witnesses, where, problems);
    } catch (e) {
      problems.push({
        code: 'witnessed-invalid',
        where,
        message: `The checkpoint kept as cosigned by ${w.witness} does not hold: ${(e as Error).message}.`,
      });
    }
  }
  return problems;
}
