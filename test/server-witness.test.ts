import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../src/core/crypto/crypto.ts';
import { parseCheckpoint, signCheckpoint } from '../src/core/ledger/checkpoint.ts';
import { verifyCosignature } from '../src/core/ledger/cosignature.ts';
import { consistencyProof, leafHash, rootHash } from '../src/core/ledger/merkle.ts';
import {
  ALG_COSIGNATURE_V1,
  formatVerifierKey,
  generateSigner,
  type NoteSignature,
  parseVerifierKey,
  type Signer,
  splitNote,
} from '../src/core/ledger/signed-note.ts';
import { buildApp } from '../src/server/app.ts';
import { Keyring } from '../src/server/keyring.ts';
import { WitnessStore } from '../src/store/witness-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, serverFixture } from './server-fixture.ts';

const LOG = 'test-log';
const ORIGIN = `truce.example/${LOG}`;
const b64 = (h: Uint8Array) => toBase64(h);

/** An add-checkpoint body (c2sp.org/tlog-witness): old size, proof lines, empty line, checkpoint. */
const requestBody = (old: number, proof: Uint8Array[], note: string) =>
  `old ${old}\n${proof.map((h) => `${b64(h)}\n`).join('')}\n${note}`;

/** The cosignature lines of a 200 answer, verified against the witness with verifyCosignature. */
function verifiedCosignatures(note: string, body: string, witnesses: Signer[]): number[] {
  const { text } = splitNote(note);
  const lines = body.split(/(?<=\n)/).filter(Boolean);
  expect(lines).toHaveLength(witnesses.length);
  return witnesses.map((w, k) => {
    const sig: NoteSignature = splitNote(`${text}\n${lines[k]}`).signatures[0]!;
    return verifyCosignature(crypto, parseVerifierKey(crypto, formatVerifierKey(w)), text, sig);
  });
}

describe.each(DIALECTS)('POST /api/witness/add-checkpoint on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  let app: FastifyInstance;
  let witnesses: WitnessStore;
  const w1 = generateSigner(crypto, 'witness.example/w1', ALG_COSIGNATURE_V1);
  const w2 = generateSigner(crypto, 'witness.example/w2', ALG_COSIGNATURE_V1);
  // Another server's log, followed through --witness-follow: its tree is computed here.
  const other = generateSigner(crypto, 'other.example/log');
  const otherLeaves = Array.from({ length: 9 }, (_, i) =>
    leafHash(crypto.sha256, new TextEncoder().encode(`e${i}`)),
  );
  const otherAt = (i: number) => otherLeaves[i]!;

  beforeAll(async () => {
    s = await serverFixture(dialect, { extra: 3 });
    // w1 is registered in the log as a witness actor; w2 is not.
    await s.store.append(LOG, [
      s.f.event('operator', 'actor.registered', {
        actor: 'w1',
        name: 'Witness 1',
        role: 'witness',
        key: formatVerifierKey(w1),
      }),
      ...Array.from({ length: 30 }, (_, i) => s.f.event('monitor', 'statement', { text: `w ${i}` })),
    ]);
    app = await buildApp({
      database: s.database,
      crypto,
      keyring: new Keyring(crypto, [w1, w2]),
      witnessFollow: [{ origin: 'other.example/log', logKey: formatVerifierKey(other) }],
    });
    witnesses = new WitnessStore(s.database);
  });
  afterAll(async () => {
    await app.close();
    await s.close();
  });

  const post = (payload: string, headers: Record<string, string> = { 'content-type': 'text/plain' }) =>
    app.inject({ method: 'POST', url: '/api/witness/add-checkpoint', payload, headers });
  /** The log's checkpoint at `size`, signed by `key` (the log's key by default). */
  const checkpointAt = async (size: number, key: Signer = s.f.keys.operator!, root?: Uint8Array) =>
    signCheckpoint(
      crypto,
      { origin: ORIGIN, size, root: root ?? (await s.store.treeHash(LOG, size)), extensions: [] },
      key,
    );
  const proof = (from: number, to: number) =>
    from === 0 ? Promise.resolve([]) : s.store.consistencyProof(LOG, from, to);
  const problem = (r: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body).not.toContain('PRIVATE');
    return [r.statusCode, json(r).code];
  };

  it('cosigns the first checkpoint from old size 0, with every witness key, and remembers it', async () => {
    const note = await checkpointAt(6);
    const r = await post(requestBody(0, [], note));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    const now = Math.floor(Date.now() / 1000);
    for (const t of verifiedCosignatures(note, r.body, [w1, w2])) expect(Math.abs(t - now)).toBeLessThan(60);
    const state = await witnesses.get(ORIGIN);
    expect(state).toMatchObject({ origin: ORIGIN, logKey: s.f.operatorKey, size: 6, checkpoint: note });
    expect(state!.root).toEqual(await s.store.treeHash(LOG, 6));
  });

  it('cosigns a checkpoint that a consistency proof shows extends it; keeps the registered witness cosignature', async () => {
    const size = (await s.store.requireLog(LOG)).size;
    const note = await checkpointAt(size);
    await s.store.addCheckpoint(LOG, size, note, new Date().toISOString());
    // Any media type, or none, is read as text.
    const r = await post(requestBody(6, await proof(6, size), note), {});
    expect(r.statusCode, r.body).toBe(200);
    verifiedCosignatures(note, r.body, [w1, w2]);
    expect((await witnesses.get(ORIGIN))?.size).toBe(size);
    // Only w1 is a witness of the log: its line is kept with the checkpoint, and served with it.
    const kept = await s.store.cosignatures(LOG, size);
    expect(kept).toEqual([{ witness: 'w1', line: r.body.split(/(?<=\n)/)[0] }]);
    const served = await app.inject({ method: 'GET', url: `/api/logs/${LOG}/checkpoint` });
    expect(served.body).toBe(note + kept[0]!.line);
    // The same checkpoint again, from its own size, is cosigned again (nothing forks).
    const again = await post(requestBody(size, [], note));
    expect(again.statusCode).toBe(200);
  });

  it('answers 409 text/x.tlog.size with the size last cosigned when the old size is stale', async () => {
    const size = (await witnesses.get(ORIGIN))!.size;
    const note = await checkpointAt(size);
    const r = await post(requestBody(0, [], note));
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toBe('text/x.tlog.size');
    expect(r.body).toBe(`${size}\n`);
    const older = await post(requestBody(6, await proof(6, size), note));
    expect([older.statusCode, older.body]).toEqual([409, `${size}\n`]);
  });

  it('refuses a bad proof (422), an old size above the checkpoint (400), a fork at the same size (409)', async () => {
    const from = (await witnesses.get(ORIGIN))!.size;
    await s.store.append(LOG, [s.f.event('monitor', 'statement', { text: 'one more' })]);
    const to = from + 1;
    const note = await checkpointAt(to);
    const good = await proof(from, to);
    const flipped = good.map((h, k) => (k === 0 ? h.map((b, i) => (i === 0 ? b ^ 1 : b)) : h));
    expect(problem(await post(requestBody(from, flipped, note)))).toEqual([422, 'witness-bad-proof']);
    expect(problem(await post(requestBody(from, good.slice(1), note)))).toEqual([422, 'witness-bad-proof']);
    expect(problem(await post(requestBody(to + 1, good, note)))).toEqual([400, 'witness-old-size-too-large']);
    const fork = await checkpointAt(from, s.f.keys.operator!, crypto.sha256(new Uint8Array([1])));
    expect(problem(await post(requestBody(from, [], fork)))).toEqual([409, 'witness-fork']);
    // Nothing of that moved the witness.
    expect((await witnesses.get(ORIGIN))!.size).toBe(from);
  });

  it('refuses a checkpoint without a valid signature of the log key (403) and an unknown origin (404)', async () => {
    const from = (await witnesses.get(ORIGIN))!.size;
    const impostor = generateSigner(crypto, 'operator');
    const forged = await checkpointAt(from + 1, impostor);
    expect(problem(await post(requestBody(from, await proof(from, from + 1), forged)))).toEqual([
      403,
      'witness-bad-signature',
    ]);
    const real = await checkpointAt(from + 1);
    const tampered = real.replace(
      / (\S)(\S+)\n$/,
      (_m, c: string, rest: string) => ` ${c === 'A' ? 'B' : 'A'}${rest}\n`,
    );
    expect(tampered).not.toBe(real);
    expect(problem(await post(requestBody(from, await proof(from, from + 1), tampered)))).toEqual([
      403,
      'witness-bad-signature',
    ]);
    const stranger = signCheckpoint(
      crypto,
      { origin: 'nobody.example/log', size: 1, root: crypto.sha256(new Uint8Array()), extensions: [] },
      impostor,
    );
    expect(problem(await post(requestBody(0, [], stranger)))).toEqual([404, 'witness-unknown-origin']);
    // The signature is checked before the old size: a forged request learns nothing of the state.
    expect(problem(await post(requestBody(0, [], forged)))).toEqual([403, 'witness-bad-signature']);
  });

  it('refuses a malformed body (400), saying what the format is', async () => {
    const note = await checkpointAt(3);
    for (const body of [
      '',
      note,
      `old 01\n\n${note}`,
      `old -1\n\n${note}`,
      `old 3\nnot-base64!\n\n${note}`,
      `old 3\n${b64(new Uint8Array(31))}\n\n${note}`,
      `old 3\n${Array.from({ length: 64 }, () => `${b64(new Uint8Array(32))}\n`).join('')}\n${note}`,
      'old 3\n',
      `old 3\n\n${ORIGIN}\n3\n`,
    ]) {
      const r = await post(body);
      expect(problem(r), JSON.stringify(body.slice(0, 40))).toEqual([400, 'witness-request-invalid']);
      expect(json(r).detail).toContain('c2sp.org/tlog-witness');
    }
    const huge = await post(`old 0\n\n${note}${'x'.repeat(64 * 1024)}`);
    expect(problem(huge)).toEqual([413, 'body-too-large']);
  });

  it('of concurrent requests from the same old size, exactly one is cosigned; the others learn its size', async () => {
    const from = (await witnesses.get(ORIGIN))!.size;
    const add = 6;
    await s.store.append(
      LOG,
      Array.from({ length: add }, (_, i) => s.f.event('monitor', 'statement', { text: `race ${i}` })),
    );
    const bodies = await Promise.all(
      Array.from({ length: add }, async (_, k) =>
        requestBody(from, await proof(from, from + k + 1), await checkpointAt(from + k + 1)),
      ),
    );
    const answers = await Promise.all(bodies.map((b) => post(b)));
    const won = answers.filter((r) => r.statusCode === 200);
    expect(won).toHaveLength(1);
    const size = (await witnesses.get(ORIGIN))!.size;
    expect(size).toBeGreaterThan(from);
    for (const r of answers.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.headers['content-type']).toBe('text/x.tlog.size');
      expect(r.body).toBe(`${size}\n`);
    }
    const winner = bodies[answers.indexOf(won[0]!)]!;
    verifiedCosignatures(winner.slice(winner.indexOf('\n\n') + 2), won[0]!.body, [w1, w2]);
  });

  it('the store advances by compare-and-swap: from one state, one of many wins', async () => {
    const origin = 'cas.example/log';
    const root = (n: number) => crypto.sha256(new Uint8Array([n]));
    const attempt = (n: number, from?: { size: number; root: Uint8Array }) =>
      witnesses.advance(from, {
        origin,
        logKey: s.f.operatorKey,
        size: n,
        root: root(n),
        checkpoint: `c${n}`,
      });
    expect((await Promise.all([1, 2, 3, 4].map((n) => attempt(n)))).filter(Boolean)).toHaveLength(1);
    const first = (await witnesses.get(origin))!;
    const next = await Promise.all([5, 6, 7, 8].map((n) => attempt(n, first)));
    expect(next.filter(Boolean)).toHaveLength(1);
    expect(await attempt(9, first)).toBe(false);
    const now = (await witnesses.get(origin))!;
    expect(now.size).toBe(5 + next.indexOf(true));
    expect(now.root).toEqual(root(now.size));
    expect((await witnesses.list()).map((x) => x.origin)).toContain(origin);
  });

  it('follows a log of another server given by --witness-follow', async () => {
    const note = (n: number) =>
      signCheckpoint(
        crypto,
        { origin: 'other.example/log', size: n, root: rootHash(crypto.sha256, n, otherAt), extensions: [] },
        other,
      );
    // From old size 0 the proof must be empty (tlog-witness).
    const withProof = await post(requestBody(0, [otherAt(0)], note(4)));
    expect(problem(withProof)).toEqual([422, 'witness-bad-proof']);
    const first = await post(requestBody(0, [], note(4)));
    expect(first.statusCode, first.body).toBe(200);
    const next = await post(requestBody(4, consistencyProof(crypto.sha256, 4, 9, otherAt), note(9)));
    expect(next.statusCode, next.body).toBe(200);
    verifiedCosignatures(note(9), next.body, [w1, w2]);
    expect(parseCheckpoint(splitNote((await witnesses.get('other.example/log'))!.checkpoint).text).size).toBe(
      9,
    );
  });

  it('a server without a witness key answers 404 witness-not-enabled', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/witness/add-checkpoint',
      payload: requestBody(0, [], await checkpointAt(3)),
      headers: { 'content-type': 'text/plain' },
    });
    expect(problem(r)).toEqual([404, 'witness-not-enabled']);
    expect(json(r).detail).toContain('--keys');
  });

  it('JSON routes still refuse a text body (415)', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: `/api/logs/${LOG}/events`,
      payload: 'old 0\n',
      headers: { 'content-type': 'text/plain', ...s.as('monitor') },
    });
    expect(problem(r)).toEqual([415, 'unsupported-media-type']);
  });
});
