import { type Crypto, fromBase64, toBase64 } from '../crypto/crypto.ts';
import { openCheckpoint } from './checkpoint.ts';
import { LedgerError } from './ledger-error.ts';
import { verifyInclusion } from './merkle-verify.ts';
import type { Verifier } from './signed-note.ts';

const HEADER = 'c2sp.org/tlog-proof@v1';

/** A C2SP tlog-proof: an entry's index, its inclusion proof and the signed checkpoint it leads to. */
export interface ProofBundle {
  index: number;
  proof: Uint8Array[];
  checkpoint: string;
  extra?: Uint8Array;
}

export function formatProofBundle(p: ProofBundle): string {
  const lines = [
    HEADER,
    ...(p.extra ? [`extra ${toBase64(p.extra)}`] : []),
    `index ${p.index}`,
    ...p.proof.map(toBase64),
  ];
  return `${lines.join('\n')}\n\n${p.checkpoint}`;
}

export function parseProofBundle(text: string): ProofBundle {
  const bad = (why: string): never => {
    throw new LedgerError('note-malformed', `Malformed tlog-proof: ${why}.`);
  };
  const split = text.indexOf('\n\n');
  if (split < 0) bad('the proof and the checkpoint are separated by a blank line');
  const lines = text.slice(0, split).split('\n');
  if (lines.shift() !== HEADER) bad(`the first line must be ${HEADER}`);
  let extra: Uint8Array | undefined;
  if (lines[0]?.startsWith('extra '))
    extra = fromBase64(lines.shift()!.slice(6)) ?? bad('extra is not base64');
  const index = /^index (0|[1-9]\d{0,15})$/.exec(lines.shift() ?? '');
  if (!index) bad('expected "index N"');
  const proof = lines.map((l) => {
    const h = fromBase64(l);
    if (!h || h.length !== 32) bad('a proof line is not base64 of 32 bytes');
    return h!;
  });
  return { index: Number(index![1]), proof, checkpoint: text.slice(split + 2), ...(extra ? { extra } : {}) };
}

/** Verifies offline that `entry` is in the log: the checkpoint's signature, then the inclusion proof. */
export function verifyProofBundle(
  crypto: Crypto,
  text: string,
  entry: Uint8Array,
  logKey: Verifier,
  origin: string,
) {
  const bundle = parseProofBundle(text);
  const { checkpoint, others } = openCheckpoint(crypto, bundle.checkpoint, logKey, origin);
  const leaf = new Uint8Array(entry.length + 1);
  leaf.set(entry, 1);
  verifyInclusion(
    crypto.sha256,
    bundle.index,
    checkpoint.size,
    crypto.sha256(leaf),
    bundle.proof,
    checkpoint.root,
  );
  return { index: bundle.index, checkpoint, cosignatures: others };
}
