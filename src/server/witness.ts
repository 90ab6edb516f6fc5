/**
 * This server as a witness (C2SP tlog-witness, https://c2sp.org/tlog-witness): the add-checkpoint
 * decision with its I/O. The pure decision is core/ledger/witness.ts; here the state is read,
 * advanced by compare-and-swap, and, for a log of this server's own database, the cosignature is
 * kept beside its checkpoint when the witness key is one the log registered.
 */
import { bytesEqual } from '../core/crypto/crypto.ts';
import { type Checkpoint, parseCheckpoint } from '../core/ledger/checkpoint.ts';
import { keyId } from '../core/ledger/event-sign.ts';
import { emptyTreeHash } from '../core/ledger/merkle.ts';
import {
  ALG_COSIGNATURE_V1,
  parseVerifierKey,
  splitNote,
  type Verifier,
} from '../core/ledger/signed-note.ts';
import { witnessCheckpoint } from '../core/ledger/witness.ts';
import type { ServerContext } from './context.ts';

/** A log the witness follows: its origin line and the verifier key that signs its checkpoints. */
export interface FollowedLog {
  origin: string;
  logKey: string;
}

/** An add-checkpoint request: the size the client believes was last cosigned, the proof from it, the note. */
export interface AddCheckpointRequest {
  old: number;
  proof: Uint8Array[];
  note: string;
}

export type AddCheckpointResult =
  | { ok: true; size: number; cosignatures: string[] }
  | { ok: false; status: 400 | 403 | 404 | 409 | 422; code: string; message: string; size?: number };

const refuse = (
  status: 400 | 403 | 404 | 409 | 422,
  code: string,
  message: string,
  size?: number,
): AddCheckpointResult => ({ ok: false, status, code, message, ...(size === undefined ? {} : { size }) });

/** The 409 of tlog-witness whose body is the size last cosigned (`text/x.tlog.size`). */
function stale(size: number, old: number): AddCheckpointResult {
  return refuse(
    409,
    'witness-stale-size',
    `This witness last cosigned size ${size} of this log, not ${old}: send a proof from ${size}.`,
    size,
  );
}

/** The log of `origin` this witness follows: one of its own database first, then the configured list. */
async function followed(
  ctx: ServerContext,
  origin: string,
): Promise<{ log: FollowedLog; localId?: string } | undefined> {
  const local = await ctx.witness.localLog(origin);
  if (local) return { log: { origin, logKey: local.logKey }, localId: local.id };
  const extra = ctx.witnessFollow.find((l) => l.origin === origin);
  return extra ? { log: extra } : undefined;
}

/**
 * Checks a checkpoint against what this witness last cosigned of its log and, if it extends it,
 * records the new state (compare-and-swap: of concurrent requests from one size, one wins) and
 * answers one cosignature line per witness key held. The checks follow the order of tlog-witness:
 * origin (404), log signature (403), old size above the checkpoint's (400), old size not the last
 * cosigned (409, with that size), same size and another root (409), proof (422).
 */
export async function addCheckpoint(
  ctx: ServerContext,
  req: AddCheckpointRequest,
  now: number = Math.floor(Date.now() / 1000),
): Promise<AddCheckpointResult> {
  const witnesses = ctx.keyring.witnesses();
  if (witnesses.length === 0) {
    return refuse(
      404,
      'witness-not-enabled',
      'This server holds no witness key, so it cosigns nothing: start it with --keys DIR holding a key from truce keygen NAME --out FILE --witness.',
    );
  }
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(splitNote(req.note).text);
  } catch (e) {
    return refuse(
      400,
      'witness-request-invalid',
      `After the empty line the body must hold a signed checkpoint (c2sp.org/tlog-checkpoint, c2sp.org/tlog-witness): ${(e as Error).message}`,
    );
  }
  const f = await followed(ctx, checkpoint.origin);
  if (!f) {
    return refuse(
      404,
      'witness-unknown-origin',
      `This witness does not follow the log ${JSON.stringify(checkpoint.origin.slice(0, 200))}: it follows the logs of its database and those of --witness-follow.`,
    );
  }
  const logKey: Verifier = parseVerifierKey(ctx.crypto, f.log.logKey);
  const state = await ctx.witness.get(checkpoint.origin);
  const known = state
    ? { size: state.size, root: state.root }
    : { size: 0, root: emptyTreeHash(ctx.crypto.sha256) };
  const decide = (w: (typeof witnesses)[number]) =>
    witnessCheckpoint(
      ctx.crypto,
      w,
      { origin: checkpoint.origin, logKey, ...known },
      req.note,
      req.proof,
      now,
    );
  // The signature first: a request the log did not sign learns nothing of the witness's state.
  const first = decide(witnesses[0]!);
  if (!first.ok && (first.code === 'bad-signature' || first.code === 'unknown-origin')) {
    return refuse(
      403,
      'witness-bad-signature',
      `The checkpoint carries no valid signature by the log's key ${keyId(logKey)}: ${first.message}`,
    );
  }
  if (req.old > checkpoint.size) {
    return refuse(
      400,
      'witness-old-size-too-large',
      `The old size ${req.old} is larger than the checkpoint's size ${checkpoint.size}.`,
    );
  }
  if (req.old !== known.size) return stale(known.size, req.old);
  if (checkpoint.size === known.size && !bytesEqual(checkpoint.root, known.root)) {
    return refuse(
      409,
      'witness-fork',
      `This witness cosigned another root at size ${known.size}: the log has forked, and this checkpoint is not cosigned.`,
    );
  }
  if (!first.ok) {
    return refuse(422, 'witness-bad-proof', `The consistency proof does not hold: ${first.message}`);
  }
  const cosignatures = [first.cosignature];
  for (const w of witnesses.slice(1)) {
    const d = decide(w);
    if (!d.ok) return refuse(422, 'witness-bad-proof', d.message);
    cosignatures.push(d.cosignature);
  }
  const won = await ctx.witness.advance(state, {
    origin: checkpoint.origin,
    logKey: f.log.logKey,
    size: checkpoint.size,
    root: checkpoint.root,
    checkpoint: req.note,
  });
  if (!won) return stale((await ctx.witness.get(checkpoint.origin))?.size ?? 0, req.old);
  if (f.localId) await keepCosignatures(ctx, f.localId, checkpoint, cosignatures, witnesses);
  return { ok: true, size: checkpoint.size, cosignatures };
}

/**
 * For a log of this database: keeps each cosignature beside the stored checkpoint it signs (same
 * text), under the actor id of the registered witness whose key made it, so that GET checkpoint
 * serves it and truce verify checks it. A key the log did not register cosigns, but is not kept.
 */
async function keepCosignatures(
  ctx: ServerContext,
  logId: string,
  checkpoint: Checkpoint,
  lines: string[],
  witnesses: ReturnType<ServerContext['keyring']['witnesses']>,
): Promise<void> {
  const stored = await ctx.witness.storedCheckpoint(logId, checkpoint.size);
  if (!stored || !sameCheckpoint(parseCheckpoint(splitNote(stored).text), checkpoint)) return;
  const actors = (await ctx.store.actors(logId)).filter((a) => a.role === 'witness' && !a.revoked);
  const at = new Date().toISOString();
  for (const [k, w] of witnesses.entries()) {
    const actor = actors.find((a) => ctx.keyring.signerFor(a.key, ALG_COSIGNATURE_V1) === w);
    if (actor) await ctx.store.addCosignature(logId, checkpoint.size, actor.actor, lines[k]!, at);
  }
}

function sameCheckpoint(a: Checkpoint, b: Checkpoint): boolean {
  return (
    a.origin === b.origin &&
    a.size === b.size &&
    bytesEqual(a.root, b.root) &&
    a.extensions.join('\n') === b.extensions.join('\n')
  );
}
