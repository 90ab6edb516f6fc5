import { bytesEqual, type Crypto, toHex } from '../../src/core/crypto/crypto.ts';
import { ActorRegistry } from '../../src/core/ledger/actor-registry.ts';
import { checkEvent } from '../../src/core/ledger/check-event.ts';
import type { SignedEvent } from '../../src/core/ledger/event.ts';
import { parseSignedEvent } from '../../src/core/ledger/event-sign.ts';
import { HashArena } from '../../src/core/ledger/hash-arena.ts';
import { leafHash, storedHashes, treeHash } from '../../src/core/ledger/tlog.ts';
import type { LogMaterial, LogProblem, LogReport } from '../../src/core/ledger/verify-log.ts';
import { TileCheck } from '../../src/core/ledger/verify-published.ts';
import { checkLogState } from '../../src/core/ledger/verify-state.ts';

/**
 * verifyLog as it was before entries were checked in batches on worker threads (commit 540fb41),
 * kept unchanged as the reference the tests hold today's verify to: the same problems, the same
 * messages, in the same order.
 *
 * Recomputes a log from its events and checks every part of it: each event's bytes, signature and
 * right to be appended (replayed from an empty state), each leaf, each stored tree hash, the root,
 * and every checkpoint and cosignature. Pure; it names each problem it finds. With
 * `signatures: false` (fsck) it checks the structure only: bytes, leaves, tree hashes, roots.
 */
export async function verifyLogBefore(
  crypto: Crypto,
  m: LogMaterial,
  options: { signatures?: boolean; onProgress?: (done: number) => void } = {},
): Promise<LogReport> {
  const signatures = options.signatures ?? true;
  const problems: LogProblem[] = [];
  const add = (code: string, where: string, message: string) => problems.push({ code, where, message });
  const hashes = new HashArena();
  const read = (ix: number[]) => ix.map((i) => hashes.at(i));
  const registry = new ActorRegistry();
  const refs = new Map<string, { actor: string; kind: string }>();
  const tiles = m.published ? new TileCheck(m.published.tiles) : undefined;
  let size = 0;
  let missing = 0;
  for await (const entry of m.entries) {
    const where = `entry ${entry.index}`;
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
          where,
          `Entry ${entry.index} comes after entry ${expected - 1}: storage is out of order.`,
        );
    }
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
          ...registry.at(signed.event.actor, signed.event.occurredAt),
          refs,
        });
      }
    } catch (e) {
      add((e as { code?: string }).code ?? 'event-invalid', where, (e as Error).message);
    }
    if (signed) {
      registry.apply(signed);
      const { kind, actor } = signed.event;
      refs.set(toHex(leaf), { actor, kind });
    }
    for (const h of await storedHashes(crypto.sha256, size, leaf, read)) hashes.push(h);
    await tiles?.entry(entry.bytes);
    size++;
    if (options.onProgress && size % 1000 === 0) options.onProgress(size);
  }
  if (m.storedHashes) {
    // Runs of consecutive tree hashes with one fault are one problem each.
    const runs: { code: string; first: number; last: number }[] = [];
    const fault = (code: string, id: number) => {
      const run = runs.at(-1);
      if (run && run.code === code && run.last === id - 1) run.last = id;
      else runs.push({ code, first: id, last: id });
    };
    let next = 0;
    for await (const s of m.storedHashes) {
      for (; next < Math.min(s.id, hashes.length); next++) fault('hash-missing', next);
      if (s.id >= hashes.length) fault('hash-extra', s.id);
      else if (!bytesEqual(s.hash, hashes.at(s.id))) fault('hash-mismatch', s.id);
      next = Math.max(next, s.id + 1);
    }
    for (; next < hashes.length; next++) fault('hash-missing', next);
    const said: Record<string, [string, string]> = {
      'hash-missing': ['is missing from storage', 'are missing from storage'],
      'hash-mismatch': [
        'differs from the one recomputed from the events',
        'differ from the ones recomputed from the events',
      ],
      'hash-extra': ['is stored beyond the events of the log', 'are stored beyond the events of the log'],
    };
    for (const r of runs) {
      const n = r.last - r.first + 1;
      add(
        r.code,
        n === 1 ? `tree hash ${r.first}` : `tree hashes ${r.first}–${r.last}`,
        n === 1 ? `A tree hash ${said[r.code]![0]}.` : `${n} tree hashes ${said[r.code]![1]}.`,
      );
    }
  }
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
