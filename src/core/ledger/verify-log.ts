import { bytesEqual, type Crypto, toHex } from '../crypto/crypto.ts';
import { applyActorEvent } from './actor-registry.ts';
import { type ActorRecord, checkEvent } from './check-event.ts';
import { parseCheckpoint } from './checkpoint.ts';
import { verifyCosignature } from './cosignature.ts';
import type { SignedEvent } from './event.ts';
import { parseSignedEvent } from './event-sign.ts';
import { openNote, parseVerifierKey, splitNote } from './signed-note.ts';
import { type Hash, leafHash, storedHashes, treeHash } from './tlog.ts';

/** One thing found wrong, with where it is: an entry, a tree hash, the log, a checkpoint. */
export interface LogProblem {
  code: string;
  where: string;
  message: string;
}

/** Everything a log is made of, from a database or an export folder. */
export interface LogMaterial {
  logId: string;
  origin: string;
  logKey: string;
  entries: Iterable<{ index: number; bytes: Uint8Array; leafHash?: Hash }>;
  /** Stored tree hashes by storage index, when the log has them (a database does, an export need not). */
  storedHashes?: { id: number; hash: Hash }[];
  /** The tree state the store claims, when it keeps one. */
  claimed?: { size: number; root: Hash };
  checkpoints: { size: number; note: string }[];
  cosignatures?: { size: number; witness: string; line: string }[];
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
  options: { signatures?: boolean; onProgress?: (done: number) => void } = {},
): Promise<LogReport> {
  const signatures = options.signatures ?? true;
  const problems: LogProblem[] = [];
  const add = (code: string, where: string, message: string) => problems.push({ code, where, message });
  const hashes: Hash[] = [];
  const read = (ix: number[]) => ix.map((i) => hashes[i]!);
  const actors = new Map<string, ActorRecord>();
  const refs = new Map<string, { actor: string; kind: string }>();
  let size = 0;
  for (const entry of m.entries) {
    const where = `entry ${entry.index}`;
    if (entry.index !== size)
      add('entry-gap', where, `Expected entry ${size} next, found entry ${entry.index}.`);
    const leaf = leafHash(crypto.sha256, entry.bytes);
    if (entry.leafHash && !bytesEqual(entry.leafHash, leaf)) {
      add('leaf-mismatch', where, 'The stored leaf hash is not the hash of the stored event.');
    }
    let signed: SignedEvent | undefined;
    try {
      signed = parseSignedEvent(entry.bytes);
      if (signatures) {
        checkEvent(crypto, signed, {
          log: m.logId,
          size,
          operatorKey: m.logKey,
          actor: actors.get(signed.event.actor),
          refs,
        });
      }
    } catch (e) {
      add((e as { code?: string }).code ?? 'event-invalid', where, (e as Error).message);
    }
    if (signed) {
      applyActorEvent(actors, signed);
      const { kind, actor } = signed.event;
      refs.set(toHex(leaf), { actor, kind });
    }
    hashes.push(...(await storedHashes(crypto.sha256, size, leaf, read)));
    size++;
    if (options.onProgress && size % 1000 === 0) options.onProgress(size);
  }
  if (m.storedHashes) {
    const stored = new Map(m.storedHashes.map((h) => [h.id, h.hash]));
    hashes.forEach((h, id) => {
      const s = stored.get(id);
      if (!s) add('hash-missing', `tree hash ${id}`, 'A tree hash is missing from storage.');
      else if (!bytesEqual(s, h))
        add(
          'hash-mismatch',
          `tree hash ${id}`,
          'A stored tree hash differs from the one recomputed from the events.',
        );
      stored.delete(id);
    });
    for (const id of stored.keys())
      add('hash-extra', `tree hash ${id}`, 'Storage holds a tree hash beyond the events of the log.');
  }
  const root = await treeHash(crypto.sha256, size, read);
  if (m.claimed) {
    if (m.claimed.size !== size)
      add('size-mismatch', 'log', `The log claims ${m.claimed.size} events; ${size} are stored.`);
    if (!bytesEqual(m.claimed.root, root))
      add('root-mismatch', 'log', 'The root hash the log claims is not the one its events give.');
  }
  const witnesses = [...actors.values()].filter((a) => a.role === 'witness' && !a.revoked);
  const texts = new Map<number, string>();
  let cosigned = 0;
  let verifier: ReturnType<typeof parseVerifierKey> | undefined;
  try {
    verifier = parseVerifierKey(crypto, m.logKey);
  } catch (e) {
    add('key-malformed', 'log', (e as Error).message);
  }
  for (const cp of m.checkpoints) {
    const where = `checkpoint ${cp.size}`;
    try {
      const text = signatures
        ? openNote(crypto, cp.note, verifier ? [verifier] : []).text
        : splitNote(cp.note).text;
      const c = parseCheckpoint(text);
      texts.set(c.size, text);
      if (c.origin !== m.origin)
        add('checkpoint-origin', where, `The checkpoint is for "${c.origin}", not "${m.origin}".`);
      if (c.size !== cp.size) add('checkpoint-size', where, `The checkpoint says size ${c.size}.`);
      if (c.size > size)
        add('checkpoint-ahead', where, `The checkpoint covers ${c.size} events; the log has ${size}.`);
      else if (!bytesEqual(c.root, await treeHash(crypto.sha256, c.size, read))) {
        add(
          'checkpoint-root',
          where,
          'The checkpoint root is not the root of the log at that size: history was rewritten.',
        );
      }
      for (const sig of signatures ? splitNote(cp.note).signatures : []) {
        const w = witnesses.find(
          (x) => x.actor === sig.name || parseVerifierKey(crypto, x.key).name === sig.name,
        );
        if (!w) continue;
        verifyCosignature(crypto, parseVerifierKey(crypto, w.key), text, sig);
        cosigned++;
      }
    } catch (e) {
      add((e as { code?: string }).code ?? 'checkpoint-malformed', where, (e as Error).message);
    }
  }
  for (const cs of signatures ? (m.cosignatures ?? []) : []) {
    const where = `cosignature of ${cs.witness} on checkpoint ${cs.size}`;
    const w = witnesses.find((x) => x.actor === cs.witness);
    const text = texts.get(cs.size);
    try {
      if (!w)
        throw Object.assign(new Error(`"${cs.witness}" is not a registered witness of this log.`), {
          code: 'cosignature-unknown-witness',
        });
      if (!text)
        throw Object.assign(new Error('There is no valid checkpoint of that size.'), {
          code: 'cosignature-no-checkpoint',
        });
      const sig = splitNote(`${text}\n${cs.line}`).signatures[0]!;
      verifyCosignature(crypto, parseVerifierKey(crypto, w.key), text, sig);
      cosigned++;
    } catch (e) {
      add((e as { code?: string }).code ?? 'cosignature-invalid', where, (e as Error).message);
    }
  }
  return { size, root: toHex(root), checkpoints: m.checkpoints.length, cosignatures: cosigned, problems };
}
