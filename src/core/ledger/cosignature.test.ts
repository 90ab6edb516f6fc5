import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/helpers/code-of.ts';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { fromBase64, utf8 } from '../crypto/crypto.ts';
import { formatCheckpoint } from './checkpoint.ts';
import { cosign, cosignedMessage, isCosignatureBy, verifyCosignature } from './cosignature.ts';
import { ALG_COSIGNATURE_V1, ALG_ED25519, generateSigner, keyHash, splitNote } from './signed-note.ts';

const witness = generateSigner(crypto, 'witness.example/w1', ALG_COSIGNATURE_V1);
const text = formatCheckpoint({
  origin: 'example.com/behind-the-sofa',
  size: 20852163,
  root: fromBase64('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=')!,
  extensions: [],
});
const signatureOf = (line: string) => splitNote(`${text}\n${line}`).signatures[0]!;

describe('cosignature/v1 (C2SP tlog-cosignature)', () => {
  it('signs the message of the spec example: header, time, then the checkpoint body', () => {
    expect(new TextDecoder().decode(cosignedMessage(text, 1679315147))).toBe(
      'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
  });

  it('takes its key ID from type byte 0x04, so the same key under 0x01 has another ID', () => {
    expect(witness.keyHash).toBe(keyHash(crypto, witness.name, 0x04, witness.publicKey));
    expect(witness.keyHash).not.toBe(keyHash(crypto, witness.name, ALG_ED25519, witness.publicKey));
  });

  it('carries an 8-byte big-endian time, then the 64-byte signature over the message', () => {
    const sig = signatureOf(cosign(crypto, witness, text, 1679315147));
    expect(sig.bytes).toHaveLength(72);
    expect([...sig.bytes.slice(0, 8)]).toEqual([0, 0, 0, 0, 0x64, 0x18, 0x50, 0xcb]);
    expect(
      crypto.ed25519Verify(witness.publicKey, cosignedMessage(text, 1679315147), sig.bytes.slice(8)),
    ).toBe(true);
    expect(verifyCosignature(crypto, witness, text, sig)).toBe(1679315147);
  });

  it('binds the time and the body', () => {
    const sig = signatureOf(cosign(crypto, witness, text, 1_700_000_000));
    const later = sig.bytes.slice();
    later[7]! ^= 1;
    expect(codeOf(() => verifyCosignature(crypto, witness, text, { ...sig, bytes: later }))).toBe(
      'note-bad-signature',
    );
    expect(codeOf(() => verifyCosignature(crypto, witness, text.replace('20852163', '20852164'), sig))).toBe(
      'note-bad-signature',
    );
  });

  it('refuses other keys, plain Ed25519 witness keys, bad lengths and times', () => {
    const sig = signatureOf(cosign(crypto, witness, text, 1));
    const other = generateSigner(crypto, 'witness.example/w1', ALG_COSIGNATURE_V1);
    expect(isCosignatureBy(other, sig)).toBe(false);
    expect(codeOf(() => verifyCosignature(crypto, other, text, sig))).toBe('note-unknown-key');
    const plain = generateSigner(crypto, 'witness.example/w2');
    expect(codeOf(() => cosign(crypto, plain, text, 1))).toBe('key-malformed');
    expect(
      codeOf(() => verifyCosignature(crypto, witness, text, { ...sig, bytes: sig.bytes.slice(1) })),
    ).toBe('cosignature-malformed');
    const far = sig.bytes.slice();
    far.fill(0xff, 0, 8);
    expect(codeOf(() => verifyCosignature(crypto, witness, text, { ...sig, bytes: far }))).toBe(
      'cosignature-malformed',
    );
    for (const t of [-1, 1.5, 2 ** 53])
      expect(codeOf(() => cosign(crypto, witness, text, t))).toBe('cosignature-malformed');
  });

  it('does not verify as a plain signed-note signature over the body', () => {
    const sig = signatureOf(cosign(crypto, witness, text, 5));
    expect(crypto.ed25519Verify(witness.publicKey, utf8(text), sig.bytes.slice(8))).toBe(false);
  });
});
