import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { signCheckpoint } from './checkpoint.ts';
import { verifyCosignature } from './cosignature.ts';
import { consistencyProof, emptyTreeHash, leafHash, rootHash } from './merkle.ts';
import { ALG_COSIGNATURE_V1, generateSigner, splitNote } from './signed-note.ts';
import { type WitnessedLog, witnessCheckpoint } from './witness.ts';

const sha256 = crypto.sha256;
const origin = 'truce.example/log/test';
const log = generateSigner(crypto, origin);
const witness = generateSigner(crypto, 'witness.example', ALG_COSIGNATURE_V1);

/** A log's leaves; `fork` changes entry 2, as a log rewriting history would. */
const leaves =
  (fork = false) =>
  (i: number) =>
    leafHash(sha256, new Uint8Array([i === 2 && fork ? 99 : i]));
const signedAt = (n: number, fork = false) =>
  signCheckpoint(crypto, { origin, size: n, root: rootHash(sha256, n, leaves(fork)), extensions: [] }, log);
const known = (n: number): WitnessedLog => ({
  origin,
  logKey: log,
  size: n,
  root: rootHash(sha256, n, leaves()),
});
const proof = (m: number, n: number, fork = false) => consistencyProof(sha256, m, n, leaves(fork));

describe('the witness decision', () => {
  it('given 4 cosigned, when the log shows 10 with a good proof, then it cosigns 10', () => {
    const d = witnessCheckpoint(crypto, witness, known(4), signedAt(10), proof(4, 10), 1_700_000_000);
    if (!d.ok) throw new Error(d.message);
    expect(d.state).toMatchObject({ origin, size: 10, root: rootHash(sha256, 10, leaves()) });
    const text = splitNote(signedAt(10)).text;
    const sig = splitNote(`${text}\n${d.cosignature}`).signatures[0]!;
    expect(verifyCosignature(crypto, witness, text, sig)).toBe(1_700_000_000);
  });

  it('given 4 cosigned, when the log rewrote entry 2, then it refuses: inconsistent', () => {
    const d = witnessCheckpoint(crypto, witness, known(4), signedAt(10, true), proof(4, 10, true), 1);
    expect(d).toMatchObject({ ok: false, code: 'inconsistent', size: 4 });
  });

  it('given 10 cosigned, when shown 4, then it refuses: older, and says its size', () => {
    const d = witnessCheckpoint(crypto, witness, known(10), signedAt(4), [], 1);
    expect(d).toMatchObject({ ok: false, code: 'older', size: 10 });
  });

  it('given 10 cosigned, when shown another tree of 10, then it refuses: inconsistent (a fork)', () => {
    expect(witnessCheckpoint(crypto, witness, known(10), signedAt(10, true), [], 1)).toMatchObject({
      ok: false,
      code: 'inconsistent',
    });
    expect(witnessCheckpoint(crypto, witness, known(10), signedAt(10), [], 1).ok).toBe(true);
  });

  it('given nothing cosigned yet (size 0), it takes any size with an empty proof', () => {
    const empty = { origin, logKey: log, size: 0, root: emptyTreeHash(sha256) };
    expect(witnessCheckpoint(crypto, witness, empty, signedAt(7), [], 1).ok).toBe(true);
    expect(witnessCheckpoint(crypto, witness, empty, signedAt(7), proof(1, 7), 1)).toMatchObject({
      code: 'inconsistent',
    });
    const wrongEmpty = signCheckpoint(
      crypto,
      { origin, size: 0, root: new Uint8Array(32), extensions: [] },
      log,
    );
    expect(witnessCheckpoint(crypto, witness, empty, wrongEmpty, [], 1)).toMatchObject({
      code: 'inconsistent',
    });
  });

  it('refuses a checkpoint not signed by the log key: bad signature', () => {
    const impostor = generateSigner(crypto, origin);
    const note = signCheckpoint(
      crypto,
      { origin, size: 10, root: rootHash(sha256, 10, leaves()), extensions: [] },
      impostor,
    );
    expect(witnessCheckpoint(crypto, witness, known(4), note, proof(4, 10), 1)).toMatchObject({
      ok: false,
      code: 'bad-signature',
    });
  });

  it('refuses a log it does not follow, or a checkpoint of another origin: unknown origin', () => {
    expect(witnessCheckpoint(crypto, witness, undefined, signedAt(4), [], 1)).toMatchObject({
      code: 'unknown-origin',
    });
    const elsewhere = { ...known(4), origin: 'other.example/log' };
    expect(witnessCheckpoint(crypto, witness, elsewhere, signedAt(10), proof(4, 10), 1)).toMatchObject({
      code: 'unknown-origin',
    });
  });
});
