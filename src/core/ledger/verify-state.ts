import { bytesEqual, type Crypto } from '../crypto/crypto.ts';
import type { ActorRecord } from './check-event.ts';
import { parseCheckpoint } from './checkpoint.ts';
import { verifyCosignature } from './cosignature.ts';
import type { Hash } from './merkle.ts';
import { openNote, parseVerifierKey, splitNote } from './signed-note.ts';
import { edgeIndexes, edgeRoot, treeEdge } from './tree-edge.ts';
import type { LogMaterial, LogProblem } from './verify-log.ts';
import { checkServedCheckpoint, checkWitnessed } from './verify-published.ts';
import { checkActorCache, checkTokens } from './verify-registry.ts';

/** The log as recomputed from its events (or as an import just appended them): what its parts are checked against. */
export interface LogState {
  size: number;
  root: Hash;
  /** The root of the log at an earlier size. */
  rootAt(size: number): Promise<Hash>;
  /** The actor registry the events give. */
  actors: Map<string, ActorRecord>;
}

/**
 * Checks everything of a log but its events against the state its events give: the size and root
 * it claims, every checkpoint and cosignature, the checkpoints witnesses cosigned (kept apart), the
 * actors and tokens tables, and an export's served checkpoint file. With `signatures: false`
 * (fsck) signatures on checkpoints and cosignatures are not checked.
 */
export async function checkLogState(
  crypto: Crypto,
  m: Omit<LogMaterial, 'entries' | 'storedHashes'>,
  { size, root, rootAt, actors }: LogState,
  signatures: boolean,
): Promise<{ problems: LogProblem[]; cosignatures: number }> {
  const problems: LogProblem[] = [];
  const add = (code: string, where: string, message: string) => problems.push({ code, where, message });
  if (m.claimed) {
    if (m.claimed.size !== size)
      add(
        'size-mismatch',
        'log',
        `The log claims ${m.claimed.size} event${m.claimed.size === 1 ? '' : 's'}; ${size} ${size === 1 ? 'is' : 'are'} stored.`,
      );
    if (!bytesEqual(m.claimed.root, root))
      add('root-mismatch', 'log', 'The root hash the log claims is not the one its events give.');
    // Apart from the events: an edge that gives the root claimed is the tree's when that root is.
    if (m.claimed.edge && !edgeGives(crypto, m.claimed.size, m.claimed.root, m.claimed.edge))
      add(
        'edge-mismatch',
        'log',
        'The tree edge the log keeps for its appends does not give the root it claims.',
      );
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
      else if (!bytesEqual(c.root, await rootAt(c.size))) {
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
  const state = { origin: m.origin, verifier, size, rootAt };
  if (m.witnessed) {
    for (const p of await checkWitnessed(crypto, state, m.witnessed, witnesses)) problems.push(p);
    // What a witness cosigned stays among the log's checkpoints and cosignatures.
    const sizes = new Set(m.checkpoints.map((c) => c.size));
    const cosigned = new Set((m.cosignatures ?? []).map((c) => `${c.size} ${c.witness}`));
    for (const w of m.witnessed) {
      if (!w.line || w.size > size) continue;
      if (!sizes.has(w.size))
        add(
          'checkpoint-missing',
          `checkpoint ${w.size}`,
          `${w.witness} cosigned the checkpoint of size ${w.size}, but the log's checkpoints no longer hold it: it was deleted. Restore it from a backup or an export.`,
        );
      else if (m.cosignatures && !cosigned.has(`${w.size} ${w.witness}`))
        add(
          'cosignature-missing',
          `cosignature of ${w.witness} on checkpoint ${w.size}`,
          `${w.witness} cosigned the checkpoint of size ${w.size}, but its cosignature is no longer stored beside it: it was deleted. Restore it from a backup or an export.`,
        );
    }
  }
  if (m.storedActors) for (const p of checkActorCache(actors, m.storedActors)) problems.push(p);
  if (m.storedTokens) for (const p of checkTokens(actors, m.storedTokens)) problems.push(p);
  if (m.published) {
    const latest = m.checkpoints.reduce<{ size: number; note: string } | undefined>(
      (a, c) => (!a || c.size > a.size ? c : a),
      undefined,
    );
    for (const p of await checkServedCheckpoint(crypto, state, m.published.checkpoint, latest, witnesses))
      problems.push(p);
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
  return { problems, cosignatures: cosigned };
}

/** Whether `edge` is one hash per complete subtree of a tree of `size` and folds to `root`. */
function edgeGives(crypto: Crypto, size: number, root: Hash, edge: Hash[]): boolean {
  if (!Number.isSafeInteger(size) || size < 0) return false;
  const indexes = edgeIndexes(size);
  if (edge.length !== indexes.length || edge.some((h) => h.length !== 32)) return false;
  const kept = treeEdge(size, edge);
  return bytesEqual(edgeRoot(crypto.sha256, kept), root);
}
