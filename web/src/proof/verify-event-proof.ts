import { bytesEqual, type Crypto, fromHex, toHex } from '../../../src/core/crypto/crypto.ts';
import { nobleCrypto } from '../../../src/core/crypto/noble-crypto.ts';
import { canonicalBytes } from '../../../src/core/ledger/canonical-json.ts';
import { openCheckpoint } from '../../../src/core/ledger/checkpoint.ts';
import { isCosignatureBy, verifyCosignature } from '../../../src/core/ledger/cosignature.ts';
import type { SignedEvent } from '../../../src/core/ledger/event.ts';
import { keyId } from '../../../src/core/ledger/event-sign.ts';
import { leafHash } from '../../../src/core/ledger/merkle.ts';
import { verifyInclusion } from '../../../src/core/ledger/merkle-verify.ts';
import { type ProofBundle, parseProofBundle } from '../../../src/core/ledger/proof-bundle.ts';
import { parseVerifierKey, type Verifier } from '../../../src/core/ledger/signed-note.ts';
import { checkActor } from './actor-check.ts';
import { FetchFailure, getJson, type ProofFetcher } from './fetcher.ts';
import { readVerifiedEntries } from './log-entries.ts';
import {
  PROOF_STEPS,
  type ProofDetails,
  type ProofErrorCode,
  type ProofResult,
  type ProofStep,
} from './proof-result.ts';
import { shownKey, type TrustRoot } from './trust.ts';

/** The answer of GET /api/logs/:id/events/:leafHash, as far as the verifier reads it. */
interface EventAnswer {
  index: number;
  event: SignedEvent;
  proof: string | null;
}

function isEventAnswer(x: unknown): x is EventAnswer {
  const a = x as Partial<EventAnswer> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    Number.isSafeInteger(a.index) &&
    typeof a.event === 'object' &&
    a.event !== null &&
    (a.proof === null || typeof a.proof === 'string')
  );
}

class Failure extends Error {
  readonly code: ProofErrorCode;
  readonly step: ProofStep | undefined;
  constructor(code: ProofErrorCode, message: string, step?: ProofStep) {
    super(message);
    this.code = code;
    this.step = step;
  }
}

const codeOf = (e: unknown) => (e as { code?: string }).code ?? '';

/**
 * Verifies, in the browser and trusting nothing the server says, that the event with leaf hash
 * `wantedLeaf` is in log `logId`:
 *
 * 1. event — the server gives the event, its index and a C2SP tlog-proof receipt;
 * 2. leaf — the event's RFC 8785 bytes hash (RFC 9162 leaf hash) to `wantedLeaf`;
 * 3. checkpoint-signature — the receipt's checkpoint is signed by the log key pinned in `trust`
 *    (never one the server names) for the pinned origin;
 * 4. inclusion — the inclusion proof leads from the leaf at that index to the checkpoint's root;
 * 5. cosignatures — at least the pinned quorum of pinned witnesses cosigned that checkpoint;
 * 6. actor-signature — the log's entries up to the checkpoint give its root, and replaying their
 *    actor registrations, the event is signed by the key its actor had registered, not revoked,
 *    with a role allowed to record it.
 *
 * Never throws: the result says which check failed and why.
 */
export async function verifyEventProof(
  fetcher: ProofFetcher,
  logId: string,
  wantedLeaf: string,
  trust: TrustRoot,
  crypto: Crypto = nobleCrypto,
): Promise<ProofResult> {
  const details: ProofDetails = { logId, leafHash: wantedLeaf, passed: [] };
  try {
    await run(fetcher, logId, wantedLeaf, trust, crypto, details);
    return { ...details, verified: true };
  } catch (e) {
    if (e instanceof Failure) {
      return {
        ...details,
        verified: false,
        code: e.code,
        message: e.message,
        ...(e.step ? { failed: e.step } : {}),
      };
    }
    if (e instanceof FetchFailure) {
      // Only the event's own address answering 404 means the log has no such event.
      const code = e.status === 404 && details.passed.length === 0 ? 'event-not-found' : 'fetch-failed';
      return { ...details, verified: false, code, message: e.message, failed: next(details) };
    }
    return { ...details, verified: false, code: 'fetch-failed', message: (e as Error).message };
  }
}

/** The check under way when a read failed: the one after the last that passed. */
const next = (d: ProofDetails): ProofStep => PROOF_STEPS[d.passed.length] ?? 'actor-signature';

async function run(
  fetcher: ProofFetcher,
  logId: string,
  wanted: string,
  trust: TrustRoot,
  crypto: Crypto,
  d: ProofDetails,
): Promise<void> {
  const pinned = Object.hasOwn(trust.logs, logId) ? trust.logs[logId] : undefined;
  if (!pinned) {
    throw new Failure(
      'untrusted-log',
      `No key is pinned for log "${logId}" in this build, so its proofs cannot be checked here.`,
    );
  }
  if (!/^[0-9a-f]{64}$/.test(wanted))
    throw new Failure('leaf-mismatch', `"${wanted}" is not a leaf hash (64 hex digits).`, 'leaf');
  let logKey: Verifier;
  let witnesses: Verifier[];
  try {
    logKey = parseVerifierKey(crypto, pinned.logKey);
    witnesses = pinned.witnesses.map((w) => parseVerifierKey(crypto, w));
  } catch (e) {
    throw new Failure(
      'untrusted-log',
      `A key pinned for log "${logId}" is not usable: ${(e as Error).message}`,
    );
  }
  d.operator = shownKey(crypto, logKey);
  d.quorum = pinned.quorum;

  // 1. The event, its index and its receipt.
  const path = `/api/logs/${encodeURIComponent(logId)}/events/${wanted}`;
  const answer = await getJson(fetcher, path);
  if (!isEventAnswer(answer))
    throw new Failure('fetch-failed', `The answer for ${path} is not an event with its proof.`, 'event');
  d.index = answer.index;
  d.passed.push('event');

  // 2. The event's bytes are the leaf.
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes(answer.event);
  } catch (e) {
    throw new Failure(
      'leaf-mismatch',
      `The event served cannot be put in canonical form: ${(e as Error).message}`,
      'leaf',
    );
  }
  const leaf = leafHash(crypto.sha256, bytes);
  if (!bytesEqual(leaf, fromHex(wanted))) {
    throw new Failure(
      'leaf-mismatch',
      `The event served hashes to ${toHex(leaf)}, not to the leaf ${wanted} asked for: it was altered.`,
      'leaf',
    );
  }
  d.event = answer.event;
  d.passed.push('leaf');

  // 3. The checkpoint is signed by the pinned log key.
  if (answer.proof === null) {
    throw new Failure(
      'not-checkpointed',
      `Event ${answer.index} is in the log, but no signed checkpoint covers it yet; the operator signs one with its next append.`,
      'checkpoint-signature',
    );
  }
  let bundle: ProofBundle;
  try {
    bundle = parseProofBundle(answer.proof);
  } catch (e) {
    throw new Failure('proof-malformed', (e as Error).message, 'checkpoint-signature');
  }
  if (bundle.index !== answer.index) {
    throw new Failure(
      'inclusion-invalid',
      `The receipt is for entry ${bundle.index}, not for entry ${answer.index}.`,
      'inclusion',
    );
  }
  let opened: ReturnType<typeof openCheckpoint>;
  try {
    opened = openCheckpoint(crypto, bundle.checkpoint, logKey, pinned.origin);
  } catch (e) {
    throw new Failure(
      checkpointCode(codeOf(e)),
      checkpointMessage(codeOf(e), e as Error, logKey),
      'checkpoint-signature',
    );
  }
  const { checkpoint } = opened;
  d.checkpoint = { origin: checkpoint.origin, size: checkpoint.size, root: toHex(checkpoint.root) };
  d.passed.push('checkpoint-signature');

  // 4. The inclusion proof leads to the signed root.
  try {
    verifyInclusion(crypto.sha256, bundle.index, checkpoint.size, leaf, bundle.proof, checkpoint.root);
  } catch (e) {
    throw new Failure(
      'inclusion-invalid',
      `The inclusion proof of entry ${bundle.index} does not lead to the root of the signed checkpoint of size ${checkpoint.size}: ${(e as Error).message}`,
      'inclusion',
    );
  }
  d.passed.push('inclusion');

  // 5. The pinned quorum of pinned witnesses cosigned that checkpoint.
  d.witnesses = [];
  for (const w of witnesses) {
    const sig = opened.others.find((s) => isCosignatureBy(w, s));
    if (!sig || d.witnesses.some((x) => x.keyId === keyId(w))) continue;
    try {
      d.witnesses.push({ ...shownKey(crypto, w), time: verifyCosignature(crypto, w, opened.text, sig) });
    } catch (e) {
      throw new Failure(
        'cosignature-invalid',
        `The cosignature of witness "${w.name}" does not verify: ${(e as Error).message}`,
        'cosignatures',
      );
    }
  }
  if (d.witnesses.length < pinned.quorum) {
    throw new Failure(
      'cosignature-missing',
      `${d.witnesses.length} of the pinned witnesses cosigned this checkpoint; ${pinned.quorum} are required. The witnesses may not have seen it yet.`,
      'cosignatures',
    );
  }
  d.passed.push('cosignatures');

  // 6. The actor's signature, against the log's own registrations.
  const entries = await readVerifiedEntries(crypto, fetcher, logId, checkpoint.size, checkpoint.root);
  if (!entries || !bytesEqual(entries.leaves[answer.index]!, leaf)) {
    throw new Failure(
      'entries-mismatch',
      `The log's entries served up to ${checkpoint.size} do not give the root of the signed checkpoint, so the actor's registration cannot be checked.`,
      'actor-signature',
    );
  }
  const actor = checkActor(crypto, logId, pinned.logKey, entries.bytes, entries.leaves, answer.index);
  if (!actor.ok) throw new Failure(actor.code, actor.message, 'actor-signature');
  d.actor = { id: actor.actor.actor, role: actor.actor.role, keyId: actor.event.signature.key };
  d.passed.push('actor-signature');
}

function checkpointCode(code: string): ProofErrorCode {
  if (code === 'note-bad-signature') return 'checkpoint-bad-signature';
  if (code === 'note-unknown-key') return 'untrusted-log-key';
  if (code === 'checkpoint-wrong-origin') return 'checkpoint-wrong-origin';
  return 'checkpoint-malformed';
}

function checkpointMessage(code: string, e: Error, key: Verifier): string {
  if (code === 'note-unknown-key') {
    return `The checkpoint is not signed by the pinned log key ${keyId(key)}: the server's log is not the one this build trusts.`;
  }
  return e.message;
}
