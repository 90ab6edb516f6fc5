import { bytesEqual, type Crypto, toHex } from '../crypto/crypto.ts';
import { ActorRegistry } from './actor-registry.ts';
import { type ActorRecord, checkEvent, type SignatureChecks } from './check-event.ts';
import {
  type CheckedBatch,
  type CheckedEntry,
  checkEntries,
  type EntryChecker,
  KeyRing,
} from './entry-check.ts';
import { keyId, parseSignedEvent, verifyEventSignature } from './event-sign.ts';
import { HashArena } from './hash-arena.ts';
import { LeafIndex } from './leaf-index.ts';
import { parseVerifierKey, type Verifier } from './signed-note.ts';
import { StoredHashCheck } from './stored-hash-check.ts';
import { type Hash, nodeHash, storedHashCount, storedHashIndex, storedHashReads, treeHash } from './tlog.ts';
import { type PublishedTiles, TileCheck } from './verify-published.ts';
import { checkLogState } from './verify-state.ts';

/** One thing found wrong, with where it is: an entry, a tree hash, the log, a checkpoint. */
export interface LogProblem {
  code: string;
  where: string;
  message: string;
}

type Stream<T> = Iterable<T> | AsyncIterable<T>;
type Entry = { index: number; bytes: Uint8Array; leafHash?: Hash };

/** Bytes of events a batch holds at most (whatever their number): what a checker holds at once stays small. */
const BATCH_BYTES = 2 ** 20;

/**
 * A stream of entries, or of pages of entries, as arrays of `size` entries or a MiB of events
 * (the last one shorter).
 */
async function* inBatches(
  source: { entries: Stream<Entry> } | { pages: Stream<Entry[]> },
  size: number,
): AsyncGenerator<Entry[]> {
  let batch: Entry[] = [];
  let bytes = 0;
  const pages = 'pages' in source ? source.pages : onePerPage(source.entries);
  for await (const page of pages) {
    for (let i = 0; i < page.length; i++) {
      const e = page[i]!;
      batch.push(e);
      bytes += e.bytes.length;
      if (batch.length === size || bytes >= BATCH_BYTES) {
        yield batch;
        batch = [];
        bytes = 0;
      }
    }
  }
  if (batch.length > 0) yield batch;
}

async function* onePerPage<T>(items: Stream<T>): AsyncGenerator<T[]> {
  for await (const e of items) yield [e];
}

/** Entries checked on this thread, one key ring for the whole log. */
function inThread(crypto: Crypto): EntryChecker {
  const ring = new KeyRing(crypto);
  return async (entries, keys) => {
    for (const k of keys) ring.add(k);
    return checkEntries(crypto, entries, ring);
  };
}

/**
 * Everything a log is made of, from a database or an export folder. Entries and stored hashes
 * stream in order (a database or a file is read page by page), so the material of a large log
 * needs no more memory than the tree's hashes.
 */
export interface LogMaterial {
  logId: string;
  origin: string;
  logKey: string;
  entries: Stream<Entry>;
  /** The same entries a page at a time, when the source reads them so (a database): read so instead. */
  entryPages?: Stream<Entry[]>;
  /** Stored tree hashes in storage-index order, when the log has them (a database does, an export need not). */
  storedHashes?: Stream<{ id: number; hash: Hash }>;
  /** The same stored hashes a page at a time, when the source reads them so: read so instead. */
  storedHashPages?: Stream<{ id: number; hash: Hash }[]>;
  /**
   * The tree state the store claims, when it keeps one; `edge`, when it keeps the right edge of
   * its tree for appends (the complete subtrees' hashes, left first): it must give the root claimed.
   */
  claimed?: { size: number; root: Hash; edge?: Hash[] };
  checkpoints: { size: number; note: string }[];
  cosignatures?: { size: number; witness: string; line: string }[];
  /** The stored actors table, a cache of the registry that the events give: checked against it. */
  storedActors?: ActorRecord[];
  /** The log's API tokens (never their secrets): each live one must stand for a registered actor and role. */
  storedTokens?: { id: string; actor: string; role: string; party: string | null; revoked: boolean }[];
  /** Checkpoints witnesses cosigned, kept apart from the log's own tables: the log must reach them. */
  witnessed?: { size: number; witness: string; note: string; line: string }[];
  /** An export folder's published files: its served `checkpoint` file (undefined: none) and its tiles. */
  published?: { checkpoint: string | undefined; tiles: PublishedTiles };
}

export interface LogReport {
  size: number;
  root: string;
  checkpoints: number;
  cosignatures: number;
  problems: LogProblem[];
}

/**
 * Recomputes a log from its events and checks every part of it: each event's bytes, signature and
 * right to be appended (replayed from an empty state), each leaf, each stored tree hash, the root,
 * and every checkpoint and cosignature. Pure; it names each problem it finds. With
 * `signatures: false` (fsck) it checks the structure only: bytes, leaves, tree hashes, roots.
 */
export async function verifyLog(
  crypto: Crypto,
  m: LogMaterial,
  options: {
    signatures?: boolean;
    onProgress?: (done: number) => void;
    /**
     * Called now and then through every phase (each thousand entries or stored tree hashes):
     * where a caller keeps its memory in check (heap-keeper.ts) while a large log is read.
     */
    tick?: () => void;
    /** What checks entries on their own, many at once (default: this thread, checkEntry). */
    check?: EntryChecker;
    /** Entries given to `check` at once (default 256) and batches under way at once (default 8). */
    batch?: number;
    ahead?: number;
  } = {},
): Promise<LogReport> {
  const signatures = options.signatures ?? true;
  const problems: LogProblem[] = [];
  const add = (code: string, where: string, message: string) => problems.push({ code, where, message });
  // Room for the events the log claims, taken at once (pages untouched cost no memory; a claim
  // beyond reason is capped, the rest grows as needed).
  const claimed = m.claimed?.size ?? 0;
  const expected = Number.isSafeInteger(claimed) && claimed > 0 ? Math.min(claimed, 1 << 22) : 0;
  const hashes = new HashArena(storedHashCount(expected));
  const read = (ix: number[]) => ix.map((i) => hashes.at(i));
  const registry = new ActorRegistry();
  const refs = new LeafIndex((n) => hashes.at(storedHashIndex(0, n)), expected);
  const tiles = m.published ? new TileCheck(m.published.tiles) : undefined;
  // The keys the log is likely signed with, for `check` to try: a hint, never trusted (checkEvent
  // still decides which key an event must be signed with).
  const keys: string[] = [];
  const hinted = new Set<string>();
  const hint = (key: unknown) => {
    if (signatures && typeof key === 'string' && !hinted.has(key)) {
      hinted.add(key);
      keys.push(key);
    }
  };
  hint(m.logKey);
  for (const a of m.storedActors ?? []) hint(a.key);
  const check = options.check ?? inThread(crypto);
  const verifiers = new Map<string, Verifier>();
  let current: { checked: CheckedEntry; bytes: Uint8Array };
  const checks: SignatureChecks = {
    verifier(key) {
      let v = verifiers.get(key);
      if (!v) {
        v = parseVerifierKey(crypto, key);
        verifiers.set(key, v);
      }
      return v;
    },
    signature(s, key, verifier) {
      // Every message is verifyEventSignature's own; only the Ed25519 work may have been done already.
      if (s.signature.key !== keyId(verifier)) return verifyEventSignature(crypto, s, verifier);
      const sigs = current.checked.signatures;
      const held = Object.hasOwn(sigs, key) ? sigs[key] : undefined;
      if (held === true) return;
      if (held === false) return verifyEventSignature({ ...crypto, ed25519Verify: () => false }, s, verifier);
      verifyEventSignature(crypto, parseSignedEvent(current.bytes), verifier);
    },
  };
  // The stored tree hashes, read and judged between batches, as far as the events have reached.
  const storedSource = m.storedHashPages ? { pages: m.storedHashPages } : m.storedHashes;
  const storedCheck = storedSource ? new StoredHashCheck(storedSource, hashes, options.tick) : undefined;
  let size = 0;
  let missing = 0;
  const batches = inBatches(
    m.entryPages ? { pages: m.entryPages } : { entries: m.entries },
    options.batch ?? 256,
  )[Symbol.asyncIterator]();
  const queue: { entries: Entry[]; checked: Promise<CheckedBatch> }[] = [];
  let drained = false;
  for (;;) {
    // The first batch alone (the keys it registers are then known to the batches after it).
    const ahead = size === 0 && missing === 0 ? 1 : (options.ahead ?? 8);
    while (!drained && queue.length < ahead) {
      const next = await batches.next();
      if (next.done) drained = true;
      else {
        const checked = check(
          next.value.map((e) => e.bytes),
          keys,
        );
        checked.catch(() => undefined); // awaited in its turn; not an unhandled rejection before that
        queue.push({ entries: next.value, checked });
      }
    }
    const batch = queue.shift();
    if (!batch) break;
    // While the workers check the batches under way.
    await storedCheck?.upTo();
    const results = await batch.checked;
    for (const [k, entry] of batch.entries.entries()) {
      const checked = results.at(k)!;
      current = { checked, bytes: entry.bytes };
      // Written out only for a problem: most entries have none.
      const where = () => `entry ${entry.index}`;
      // A run of missing rows is one problem, counted right; the entries after it are read on.
      if (entry.index !== size + missing) {
        const expected = size + missing;
        if (entry.index > expected) {
          const n = entry.index - expected;
          add(
            'entry-gap',
            n === 1 ? `entry ${expected}` : `entries ${expected}–${entry.index - 1}`,
            `${n === 1 ? `Entry ${expected} is` : `${n} entries (${expected} to ${entry.index - 1}) are`} missing from storage: the tree hashes and checkpoints after ${n === 1 ? 'it' : 'them'} no longer match. Restore the log from a backup or an export that verifies.`,
          );
          missing += n;
        } else
          add(
            'entry-order',
            where(),
            `Entry ${entry.index} comes after entry ${expected - 1}: storage is out of order.`,
          );
      }
      const leaf = checked.leaf;
      if (entry.leafHash && !bytesEqual(entry.leafHash, leaf)) {
        add('leaf-mismatch', where(), 'The stored leaf hash is not the hash of the stored event.');
      }
      const signed = checked.signed;
      if (checked.error) add(checked.error.code ?? 'event-invalid', where(), checked.error.message);
      else if (signed && signatures) {
        try {
          checkEvent(
            crypto,
            signed,
            {
              log: m.logId,
              size,
              operatorKey: m.logKey,
              ...registry.at(signed.event.actor, signed.event.occurredAt),
              refs,
            },
            checks,
          );
        } catch (e) {
          add((e as { code?: string }).code ?? 'event-invalid', where(), (e as Error).message);
        }
      }
      // The leaf and each subtree it completes (tlog's stored hashes), from the hashes before it.
      const reads = storedHashReads(size);
      let h = leaf;
      hashes.push(h);
      for (let i = 0; i < reads.length; i++) {
        h = nodeHash(crypto.sha256, hashes.at(reads[reads.length - 1 - i]!), h);
        hashes.push(h);
      }
      if (signed) {
        registry.apply(signed);
        const { kind, actor } = signed.event;
        if (kind === 'actor.registered') hint(signed.event.body.key);
        refs.add(size, leaf, actor, kind);
      }
      await tiles?.entry(entry.bytes);
      size++;
      if (size % 1000 === 0) {
        options.onProgress?.(size);
        options.tick?.();
      }
    }
  }
  if (storedCheck) for (const p of await storedCheck.finish()) problems.push(p);
  const root = await treeHash(crypto.sha256, size, read);
  const rootAt = (n: number) => treeHash(crypto.sha256, n, read);
  const checked = await checkLogState(
    crypto,
    m,
    { size, root, rootAt, actors: registry.current() },
    signatures,
  );
  for (const p of checked.problems) problems.push(p);
  if (tiles) for (const p of await tiles.finish(size, (id) => hashes.at(id))) problems.push(p);
  return {
    size,
    root: toHex(root),
    checkpoints: m.checkpoints.length,
    cosignatures: checked.cosignatures,
    problems,
  };
}
