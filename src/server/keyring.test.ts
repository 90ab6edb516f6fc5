import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../core/crypto/crypto.ts';
import {
  ALG_COSIGNATURE_V1,
  ALG_ED25519,
  formatSignerKey,
  formatVerifierKey,
  keyHash,
  type Signer,
} from '../core/ledger/signed-note.ts';
import { nodeCrypto as crypto } from '../platform/node-crypto.ts';
import { Keyring } from './keyring.ts';
import { KeyringError, loadKeyring, MAX_KEY_FILE_BYTES, MAX_KEY_FILES } from './keyring-dir.ts';

/**
 * A signer of a fixed seed: the tests hold no randomness. The seeds are chosen so that the base64
 * of every key holds '+', which once made these tests cut a key text short (party-a's ends with it).
 */
function signerOf(name: string, seedByte: number, algorithm = ALG_ED25519): Signer {
  const seed = new Uint8Array(32).fill(seedByte);
  const publicKey = crypto.ed25519PublicKey(seed);
  return { name, keyHash: keyHash(crypto, name, algorithm, publicKey), algorithm, publicKey, seed };
}
const operator = signerOf('operator', 0xfb);
const party = signerOf('party-a', 0xfe);
const witness = signerOf('w1', 0xfa, ALG_COSIGNATURE_V1);

/** The base64 of a private key's material, `algorithm || seed`: taken from the key, not cut out of its text. */
const materialOf = (s: Signer) => toBase64(new Uint8Array([s.algorithm, ...s.seed]));

/** The private key material of a signer as it could leak: the key text, its seed and its material in base64. */
const secretsOf = (s: Signer) => [formatSignerKey(s), toBase64(s.seed), materialOf(s)];

describe('the key material the tests look for', () => {
  it('is the whole base64 of each key, though it holds "+" (a separator of the key text)', () => {
    for (const s of [operator, party, witness]) {
      expect(materialOf(s)).toMatch(/\+/);
      expect(formatSignerKey(s).endsWith(`+${materialOf(s)}`)).toBe(true);
      expect(materialOf(s).length).toBe(44);
    }
  });
});

describe('Keyring', () => {
  const ring = new Keyring(crypto, [operator, party, witness]);

  it('finds a held key by its verifier, and nothing for another key, algorithm or malformed text', () => {
    expect(ring.size).toBe(3);
    expect(ring.signerFor(formatVerifierKey(operator))).toBe(operator);
    expect(ring.signerFor(formatVerifierKey(party))).toBe(party);
    const impostor = signerOf('operator', 0x7f);
    expect(ring.signerFor(formatVerifierKey(impostor))).toBeUndefined();
    // A witness key is not a signing key, and the other way round.
    expect(ring.signerFor(formatVerifierKey(witness))).toBeUndefined();
    expect(ring.signerFor(formatVerifierKey(witness), ALG_COSIGNATURE_V1)).toBe(witness);
    expect(ring.signerFor(formatVerifierKey(operator), ALG_COSIGNATURE_V1)).toBeUndefined();
    expect(ring.signerFor('operator+00000000+AAAA')).toBeUndefined();
    expect(ring.signerFor('')).toBeUndefined();
  });

  it('lists its witness keys, and describes what it holds without any secret', () => {
    expect(ring.witnesses()).toEqual([witness]);
    expect(ring.describe()).toEqual([
      { id: expect.stringMatching(/^operator\+[0-9a-f]{8}$/), kind: 'signing' },
      { id: expect.stringMatching(/^party-a\+[0-9a-f]{8}$/), kind: 'signing' },
      { id: expect.stringMatching(/^w1\+[0-9a-f]{8}$/), kind: 'witness' },
    ]);
    const shown = `${JSON.stringify(ring)} ${String(ring)} ${JSON.stringify({ ring })}`;
    for (const s of [operator, party, witness])
      for (const secret of secretsOf(s)) expect(shown).not.toContain(secret);
  });
});

describe('loadKeyring', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'truce-keys-'));
    chmodSync(dir, 0o700);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const put = (name: string, text: string, mode = 0o600) => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode });
    chmodSync(path, mode);
    return path;
  };
  const keyFile = (name: string, s: Signer, mode = 0o600) => put(name, `${formatSignerKey(s)}\n`, mode);
  /** The error loadKeyring throws, checked to carry no key material of the signers given. */
  const refusal = async (signers: Signer[] = [operator, party, witness]) => {
    const e = await loadKeyring(crypto, dir).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(KeyringError);
    for (const s of signers)
      for (const secret of secretsOf(s)) expect((e as Error).message).not.toContain(secret);
    return e as KeyringError;
  };

  it('loads every key file truce keygen writes, signing and witness keys, skipping dot files', async () => {
    keyFile('operator.key', operator);
    keyFile('party-a', party);
    keyFile('w1.key', witness);
    put('.DS_Store', 'junk', 0o644);
    mkdirSync(join(dir, '.git'));
    const ring = await loadKeyring(crypto, dir);
    expect(ring.size).toBe(3);
    expect(ring.signerFor(formatVerifierKey(operator))?.seed).toEqual(operator.seed);
    expect(ring.witnesses().map((w) => w.name)).toEqual(['w1']);
  });

  it('takes the same key twice once, and a key file without its final newline', async () => {
    keyFile('a.key', operator);
    put('b.key', formatSignerKey(operator));
    expect((await loadKeyring(crypto, dir)).size).toBe(1);
  });

  it('refuses a key file its group or others may read, as ssh does, saying how to fix it', async () => {
    keyFile('operator.key', operator);
    const path = keyFile('party-a.key', party, 0o640);
    const e = await refusal();
    expect(e.code).toBe('keys-too-open');
    expect(e.message).toContain(path);
    expect(e.message).toContain('0640');
    expect(e.message).toContain(`chmod 600 ${path}`);
    chmodSync(path, 0o604);
    expect((await refusal()).code).toBe('keys-too-open');
    chmodSync(path, 0o400);
    expect((await loadKeyring(crypto, dir)).size).toBe(2);
  });

  it('refuses a key folder others may write to', async () => {
    keyFile('operator.key', operator);
    chmodSync(dir, 0o777);
    const e = await refusal();
    expect(e.code).toBe('keys-too-open');
    expect(e.message).toContain(`chmod 700 ${dir}`);
  });

  it('checks the file a symbolic link points to', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'truce-keys-target-'));
    try {
      const target = join(outside, 'operator.key');
      writeFileSync(target, `${formatSignerKey(operator)}\n`, { mode: 0o644 });
      chmodSync(target, 0o644);
      symlinkSync(target, join(dir, 'operator.key'));
      expect((await refusal()).code).toBe('keys-too-open');
      chmodSync(target, 0o600);
      expect((await loadKeyring(crypto, dir)).signerFor(formatVerifierKey(operator))).toBeDefined();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a private key, without printing what it holds', async () => {
    keyFile('operator.key', operator);
    // The verifier key (public) is not a private key.
    const pub = put('operator.pub', `${formatVerifierKey(operator)}\n`);
    let e = await refusal();
    expect(e.code).toBe('keys-not-a-key');
    expect(e.message).toContain(pub);
    expect(e.message).toContain('truce keygen');
    rmSync(pub);
    // A private key whose hash does not match its seed: the seed must not appear in the error.
    const text = formatSignerKey(party).replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    put('broken.key', `${text}\n`);
    e = await refusal();
    expect(e.code).toBe('keys-not-a-key');
    expect(e.message).toContain('broken.key');
    expect(e.message).not.toContain(materialOf(party));
    rmSync(join(dir, 'broken.key'));
    // Two keys in one file.
    put('two.key', `${formatSignerKey(operator)}\n${formatSignerKey(party)}\n`);
    expect((await refusal()).code).toBe('keys-not-a-key');
  });

  it('refuses a file over the size limit, too many files, an empty or missing folder', async () => {
    put('big.key', `${formatSignerKey(operator)}\n${' '.repeat(MAX_KEY_FILE_BYTES)}`);
    expect((await refusal()).code).toBe('keys-file-too-large');
    rmSync(join(dir, 'big.key'));
    expect((await refusal()).code).toBe('keys-none');
    for (let i = 0; i <= MAX_KEY_FILES; i++) keyFile(`k${i}.key`, operator);
    expect((await refusal()).code).toBe('keys-too-many');
    const missing = await loadKeyring(crypto, join(dir, 'nope')).catch((x: unknown) => x);
    expect((missing as KeyringError).code).toBe('keys-unreadable');
    const file = await loadKeyring(crypto, join(dir, 'k0.key')).catch((x: unknown) => x);
    expect((file as KeyringError).code).toBe('keys-unreadable');
  });
});
