import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/helpers/code-of.ts';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { utf8 } from '../crypto/crypto.ts';
import { signCheckpoint } from './checkpoint.ts';
import { cosign } from './cosignature.ts';
import { inclusionProof, leafHash, rootHash } from './merkle.ts';
import { formatProofBundle, parseProofBundle, verifyProofBundle } from './proof-bundle.ts';
import { ALG_COSIGNATURE_V1, generateSigner, splitNote } from './signed-note.ts';

const sha256 = crypto.sha256;
const origin = 'truce.example/log/receipts';
const log = generateSigner(crypto, origin);
const w1 = generateSigner(crypto, 'witness.example/w1', ALG_COSIGNATURE_V1);
const w2 = generateSigner(crypto, 'witness.example/w2', ALG_COSIGNATURE_V1);
const entries = Array.from({ length: 13 }, (_, i) => utf8(`{"event":${i}}`));
const leafAt = (i: number) => leafHash(sha256, entries[i]!);
const size = entries.length;
const signed = signCheckpoint(
  crypto,
  { origin, size, root: rootHash(sha256, size, leafAt), extensions: [] },
  log,
);
const body = splitNote(signed).text;
const cosigned = signed + cosign(crypto, w1, body, 1_700_000_000) + cosign(crypto, w2, body, 1_700_000_100);
const receipt = (index: number, note = cosigned, extra?: Uint8Array) =>
  formatProofBundle({ index, proof: inclusionProof(sha256, index, size, leafAt), checkpoint: note, extra });

describe('tlog-proof receipts (C2SP tlog-proof)', () => {
  it('have the layout of the spec: header, extra, index, proof lines, empty line, checkpoint', () => {
    const text = receipt(5, signed, new Uint8Array([1, 2, 3]));
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['c2sp.org/tlog-proof@v1', 'extra AQID', 'index 5']);
    expect(text.endsWith(`\n\n${signed}`)).toBe(true);
    expect(parseProofBundle(text)).toEqual({
      index: 5,
      proof: inclusionProof(sha256, 5, size, leafAt),
      checkpoint: signed,
      extra: new Uint8Array([1, 2, 3]),
    });
  });

  it('verify offline for every entry, with the witnesses that cosigned', () => {
    for (let i = 0; i < size; i++) {
      const ok = verifyProofBundle(crypto, receipt(i), entries[i]!, log, origin, {
        witnesses: [w1, w2],
        quorum: 2,
      });
      expect(ok.index).toBe(i);
      expect(ok.cosigned).toEqual([
        { witness: 'witness.example/w1', time: 1_700_000_000 },
        { witness: 'witness.example/w2', time: 1_700_000_100 },
      ]);
    }
  });

  it('refuse another entry, another index, another log key or origin, too few witnesses', () => {
    const text = receipt(3);
    expect(codeOf(() => verifyProofBundle(crypto, text, entries[4]!, log, origin))).toBe(
      'proof-root-mismatch',
    );
    expect(
      codeOf(() => verifyProofBundle(crypto, text.replace('index 3', 'index 2'), entries[3]!, log, origin)),
    ).toBe('proof-root-mismatch');
    expect(
      codeOf(() => verifyProofBundle(crypto, text, entries[3]!, generateSigner(crypto, origin), origin)),
    ).toBe('note-unknown-key');
    expect(codeOf(() => verifyProofBundle(crypto, text, entries[3]!, log, 'other.example'))).toBe(
      'checkpoint-wrong-origin',
    );
    const stranger = generateSigner(crypto, 'witness.example/w3', ALG_COSIGNATURE_V1);
    const policy = { witnesses: [w1, stranger], quorum: 2 };
    expect(codeOf(() => verifyProofBundle(crypto, text, entries[3]!, log, origin, policy))).toBe(
      'proof-bundle-quorum',
    );
    expect(
      codeOf(() => verifyProofBundle(crypto, receipt(3, signed), entries[3]!, log, origin, policy)),
    ).toBe('proof-bundle-quorum');
  });

  it('refuse a cosignature that does not verify, from a trusted witness', () => {
    const forged = signed + cosign(crypto, { ...stranger(), name: w1.name, keyHash: w1.keyHash }, body, 1);
    expect(
      codeOf(() =>
        verifyProofBundle(crypto, receipt(0, forged), entries[0]!, log, origin, {
          witnesses: [w1],
          quorum: 1,
        }),
      ),
    ).toBe('note-bad-signature');
  });

  it('refuse malformed text', () => {
    const text = receipt(3);
    for (const bad of [
      text.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2'),
      text.replace('index 3', 'index 03'),
      text.replace('index 3', 'index -3'),
      text.replace('index 3\n', 'index 3\nnot base64\n'),
      text.replace('index 3\n', 'index 3\nAAAA\n'),
      text.replace('index 3\n', 'extra !!\nindex 3\n'),
      text.replace('\n\n', '\n'),
      'c2sp.org/tlog-proof@v1\n',
    ]) {
      expect(codeOf(() => parseProofBundle(bad))).toBe('proof-bundle-malformed');
    }
  });
});

function stranger() {
  return generateSigner(crypto, 'witness.example/w9', ALG_COSIGNATURE_V1);
}
