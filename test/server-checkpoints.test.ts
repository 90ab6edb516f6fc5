import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCheckpoint } from '../src/core/ledger/checkpoint.ts';
import { verifyCosignature } from '../src/core/ledger/cosignature.ts';
import {
  ALG_COSIGNATURE_V1,
  formatVerifierKey,
  generateSigner,
  parseVerifierKey,
  splitNote,
} from '../src/core/ledger/signed-note.ts';
import { type LogMaterial, verifyLog } from '../src/core/ledger/verify-log.ts';
import { buildApp } from '../src/server/app.ts';
import { Keyring } from '../src/server/keyring.ts';
import type { LedgerStore } from '../src/store/ledger-store.ts';
import { WitnessStore } from '../src/store/witness-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, serverFixture } from './server-fixture.ts';

const LOG = 'test-log';

/** The log as truce verify checks it: events, checkpoints and the cosignatures kept with them. */
async function material(store: LedgerStore): Promise<LogMaterial> {
  const log = await store.requireLog(LOG);
  const checkpoints = await store.checkpoints(LOG);
  const cosignatures = [];
  for (const cp of checkpoints)
    for (const c of await store.cosignatures(LOG, cp.size)) cosignatures.push({ size: cp.size, ...c });
  return {
    logId: LOG,
    origin: log.origin,
    logKey: log.logKey,
    entries: await store.rawEntries(LOG, 0, log.size),
    claimed: { size: log.size, root: log.root },
    checkpoints,
    cosignatures,
  };
}
const URL = `/api/logs/${LOG}/checkpoints`;

describe.each(DIALECTS)('POST /api/logs/:id/checkpoints on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  /** A server holding the log's key. */
  let signing: FastifyInstance;
  /** A server holding the log's key and a witness key the log registered. */
  let witnessing: FastifyInstance;
  const w = generateSigner(crypto, 'w1', ALG_COSIGNATURE_V1);

  beforeAll(async () => {
    s = await serverFixture(dialect, { extra: 2 });
    signing = await buildApp({
      database: s.database,
      crypto,
      keyring: new Keyring(crypto, [s.f.keys.operator!]),
    });
  });
  afterAll(async () => {
    await signing.close();
    await witnessing?.close();
    await s.close();
  });

  const sign = (app: FastifyInstance, actor = 'operator') =>
    app.inject({ method: 'POST', url: URL, headers: s.as(actor) });
  const grow = (n: number) =>
    s.store.append(
      LOG,
      Array.from({ length: n }, (_, i) =>
        s.f.event('monitor', 'statement', { text: `grow ${Math.random()} ${i}` }),
      ),
    );
  const opened = (note: string) =>
    openCheckpoint(crypto, note, parseVerifierKey(crypto, s.f.operatorKey), `truce.example/${LOG}`)
      .checkpoint;

  it('answers the latest checkpoint (200) when the log has not grown since it', async () => {
    const latest = (await s.store.latestCheckpoint(LOG))!;
    expect(latest.size).toBe((await s.store.requireLog(LOG)).size);
    const r = await sign(signing);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.body).toBe(latest.note);
  });

  it('signs and stores a checkpoint of the grown tree (201) with the log key, then answers it again (200)', async () => {
    await grow(3);
    const log = await s.store.requireLog(LOG);
    const r = await sign(signing);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.headers.location).toBe(`/api/logs/${LOG}/checkpoint`);
    const cp = opened(r.body);
    expect(cp.size).toBe(log.size);
    expect(cp.root).toEqual(log.root);
    expect((await s.store.latestCheckpoint(LOG))?.note).toBe(r.body);
    const again = await sign(signing);
    expect([again.statusCode, again.body]).toEqual([200, r.body]);
    // What the server signed verifies as any checkpoint of the log does.
    const report = await verifyLog(crypto, await material(s.store));
    expect(report.problems).toEqual([]);
  });

  it('refuses when the server does not hold the log key (422), saying to start it with --keys', async () => {
    await grow(1);
    const r = await sign(s.app);
    expect(r.statusCode).toBe(422);
    expect(json(r).code).toBe('log-key-missing');
    expect(json(r).detail).toContain('--keys');
    // Another key of the same name is not the log key.
    const other = await buildApp({
      database: s.database,
      crypto,
      keyring: new Keyring(crypto, [generateSigner(crypto, 'operator')]),
    });
    try {
      expect(json(await sign(other)).code).toBe('log-key-missing');
    } finally {
      await other.close();
    }
  });

  it('is for the operator: a party, intermediary or monitor token is refused (403), no token 401', async () => {
    for (const actor of ['party-a', 'icrc', 'monitor']) {
      const r = await sign(signing, actor);
      expect([r.statusCode, json(r).code]).toEqual([403, 'role-not-permitted']);
    }
    const anonymous = await signing.inject({ method: 'POST', url: URL });
    expect([anonymous.statusCode, json(anonymous).code]).toEqual([401, 'auth-required']);
    const before = (await s.store.latestCheckpoint(LOG))!.size;
    expect(before).toBeLessThan((await s.store.requireLog(LOG)).size);
  });

  it('a server that is also a witness cosigns its new checkpoint at once, and again as the log grows', async () => {
    await s.store.append(LOG, [
      s.f.event('operator', 'actor.registered', {
        actor: 'w1',
        name: 'W1',
        role: 'witness',
        key: formatVerifierKey(w),
      }),
    ]);
    witnessing = await buildApp({
      database: s.database,
      crypto,
      keyring: new Keyring(crypto, [s.f.keys.operator!, w]),
    });
    const witness = parseVerifierKey(crypto, formatVerifierKey(w));
    for (const add of [0, 4]) {
      await grow(add);
      const r = await sign(witnessing);
      expect(r.statusCode, r.body).toBe(201);
      const { text, signatures } = splitNote(r.body);
      const cosignature = signatures.find((x) => x.name === 'w1')!;
      expect(verifyCosignature(crypto, witness, text, cosignature)).toBeGreaterThan(1_700_000_000);
      const size = opened(r.body).size;
      expect((await new WitnessStore(s.database).get(`truce.example/${LOG}`))?.size).toBe(size);
      expect((await s.store.cosignatures(LOG, size)).map((c) => c.witness)).toEqual(['w1']);
      // The same again is not cosigned twice.
      const again = await sign(witnessing);
      expect([again.statusCode, again.body]).toEqual([200, r.body]);
    }
    const report = await verifyLog(crypto, await material(s.store));
    expect(report.problems).toEqual([]);
    expect(report.cosignatures).toBe(2);
  });
});

describe.each(DIALECTS)('--checkpoint-every on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  beforeAll(async () => {
    s = await serverFixture(dialect);
  });
  afterAll(() => s.close());

  const grow = (n: number) =>
    s.store.append(
      LOG,
      Array.from({ length: n }, (_, i) =>
        s.f.event('monitor', 'statement', { text: `tick ${Math.random()} ${i}` }),
      ),
    );
  /** Waits until the latest checkpoint has the log's size; false after `ms`. */
  const caughtUp = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
      const latest = await s.store.latestCheckpoint(LOG);
      if (latest?.size === (await s.store.requireLog(LOG)).size) return true;
    }
    return false;
  };

  it('signs a checkpoint of a log that grew, only when it grew, and stops when the server closes', {
    timeout: 60_000,
  }, async () => {
    const app = await buildApp({
      database: s.database,
      crypto,
      keyring: new Keyring(crypto, [s.f.keys.operator!]),
      checkpointEverySeconds: 0.05,
    });
    await grow(2);
    expect(await caughtUp(20_000)).toBe(true);
    const count = (await s.store.checkpoints(LOG)).length;
    await new Promise((r) => setTimeout(r, 250));
    expect((await s.store.checkpoints(LOG)).length).toBe(count);
    await grow(1);
    expect(await caughtUp(20_000)).toBe(true);
    expect((await s.store.checkpoints(LOG)).length).toBe(count + 1);
    await app.close();
    await grow(1);
    await new Promise((r) => setTimeout(r, 250));
    expect((await s.store.checkpoints(LOG)).length).toBe(count + 1);
  });
});
