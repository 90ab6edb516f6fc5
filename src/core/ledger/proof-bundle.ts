/**
 * C2SP tlog-proof (https://c2sp.org/tlog-proof): an offline receipt that an entry is in the log,
 * as text: `c2sp.org/tlog-proof@v1`, an optional `extra` line, `index N`, the inclusion proof
 * one base64 hash a line, an empty line, then the signed checkpoint verbatim with any cosignatures.
 */
import { type Crypto, fromBase64, toBase64 } from '../crypto/crypto.ts';
import { type Checkpoint, openCheckpoint } from './checkpoint.ts';
import { isCosignatureBy, verifyCosignature } from './cosignature.ts';
import { LedgerError } from './ledger-error.ts';
import { leafHash } from './merkle.ts';
import { verifyInclusion } from './merkle-verify.ts';
import type { Verifier } from './signed-note.ts';

const HEADER = 'c2sp.org/tlog-proof@v1';

export interface ProofBundle {
  index: number;
  proof: Uint8Array[];
  /** The signed checkpoint note, with any witness cosignature lines. */
  checkpoint: string;
  /** Opaque, unauthenticated extra data: never trust it. */
  extra?: Uint8Array;
}

const bad = (why: string): never => {
  throw new LedgerError('proof-bundle-malformed', `Malformed tlog-proof: ${why}.`);
};

export function formatProofBundle(p: ProofBundle): string {
  if (!Number.isSafeInteger(p.index) || p.index < 0) bad(`the index ${p.index} is not a whole number from 0`);
  if (p.proof.some((h) => h.length !== 32)) bad('every proof hash is 32 bytes');
  const lines = [
    HEADER,
    ...(p.extra ? [`extra ${toBase64(p.extra)}`] : []),
    `index ${p.index}`,
    ...p.proof.map(toBase64),
  ];
  return `${lines.join('\n')}\n\n${p.checkpoint}`;
}

/** Parses a tlog-proof strictly; the checkpoint is returned as text, not yet verified. */
export function parseProofBundle(text: string): ProofBundle {
  // The proof lines are non-empty, so the first empty line is the one before the checkpoint.
  const split = text.indexOf('\n\n');
  if (split < 0) bad('the proof and the checkpoint are separated by an empty line');
  const lines = text.slice(0, split).split('\n');
  if (lines.shift() !== HEADER) bad(`the first line must be ${HEADER}`);
  let extra: Uint8Array | undefined;
  if (lines[0]?.startsWith('extra '))
    extra = fromBase64(lines.shift()!.slice(6)) ?? bad('extra is not base64');
  const index = /^index (0|[1-9]\d{0,15})$/.exec(lines.shift() ?? '');
  if (!index || !Number.isSafeInteger(Number(index[1]))) {
    return bad('expected "index N", N a decimal number without leading zeros');
  }
  const proof = lines.map((l, i) => {
    const h = fromBase64(l);
    return h?.length === 32 ? h : bad(`proof line ${i + 1} is not base64 of 32 bytes`);
  });
  return { index: Number(index[1]), proof, checkpoint: text.slice(split + 2), ...(extra ? { extra } : {}) };
}

/** Which witnesses a reader trusts, and how many distinct ones must have cosigned the checkpoint. */
export interface WitnessPolicy {
  witnesses: Verifier[];
  quorum: number;
}

export interface VerifiedProof {
  index: number;
  checkpoint: Checkpoint;
  /** The trusted witnesses whose cosignature verified, with the time each signed (seconds since 1970). */
  cosigned: { witness: string; time: number }[];
}

/**
 * Verifies offline that `entry` (the logged bytes) is in the log `origin`: the checkpoint's
 * signature by `logKey`, the inclusion proof against its root, and, when a policy is given, a
 * quorum of witness cosignatures on the same checkpoint. Throws a LedgerError on the first failure.
 */
export function verifyProofBundle(
  crypto: Crypto,
  text: string,
  entry: Uint8Array,
  logKey: Verifier,
  origin: string,
  policy: WitnessPolicy = { witnesses: [], quorum: 0 },
): VerifiedProof {
  const bundle = parseProofBundle(text);
  const opened = openCheckpoint(crypto, bundle.checkpoint, logKey, origin);
  const { checkpoint } = opened;
  const leaf = leafHash(crypto.sha256, entry);
  verifyInclusion(crypto.sha256, bundle.index, checkpoint.size, leaf, bundle.proof, checkpoint.root);
  const cosigned: VerifiedProof['cosigned'] = [];
  for (const w of policy.witnesses) {
    const sig = opened.others.find((s) => isCosignatureBy(w, s));
    if (sig && !cosigned.some((c) => c.witness === w.name)) {
      cosigned.push({ witness: w.name, time: verifyCosignature(crypto, w, opened.text, sig) });
    }
  }
  if (cosigned.length < policy.quorum) {
    throw new LedgerError(
      'proof-bundle-quorum',
      `The checkpoint carries valid cosignatures from ${cosigned.length} of the trusted witnesses; ${policy.quorum} are required. Ask the witnesses to cosign it, or fetch a newer receipt.`,
    );
  }
  return { index: bundle.index, checkpoint, cosigned };
}
