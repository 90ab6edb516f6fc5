import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointLog } from '../../../src/cli/record-events.ts';
import { toHex } from '../../../src/core/crypto/crypto.ts';
import { nobleCrypto } from '../../../src/core/crypto/noble-crypto.ts';
import { canonicalBytes } from '../../../src/core/ledger/canonical-json.ts';
import { cosign } from '../../../src/core/ledger/cosignature.ts';
import type { EventEnvelope } from '../../../src/core/ledger/event.ts';
import { signEvent } from '../../../src/core/ledger/event-sign.ts';
import { leafHash } from '../../../src/core/ledger/merkle.ts';
import { ALG_COSIGNATURE_V1, generateSigner } from '../../../src/core/ledger/note-keys.ts';
import { formatVerifierKey, splitNote } from '../../../src/core/ledger/signed-note.ts';
import { buildApp } from '../../../src/server/app.ts';
import { importDemoLog } from '../../../src/server/demo-log.ts';
import { LedgerStore } from '../../../src/store/ledger-store.ts';
import { DIALECTS, scratchDatabase } from '../../../test/helpers/databases.ts';
import { crypto, ledgerFixture } from '../../../test/helpers/ledger-fixture.ts';
import type { ProofFetcher } from './fetcher.ts';
import { memoryLog } from './memory-log.ts';
import type { TrustRoot } from './trust.ts';
import { TRUSTED_KEYS } from './trusted-keys.ts';
import { verifyEventProof } from './verify-event-proof.ts';

const DEMO = 'nov-2023-pause';

/** The server's answers, through app.inject: the same routes the browser reads. */
const injected = (app: FastifyInstance): ProofFetcher => ({
  async get(path) {
    const r = await app.inject({ method: 'GET', url: path });
    return { status: r.statusCode, body: new Uint8Array(r.rawPayload) };
  },
});

/** A fetcher that passes every answer through `alter` when its path matches. */
const altered = (f: ProofFetcher, match: RegExp, alter: (body: Uint8Array) => Uint8Array): ProofFetcher => ({
  async get(path) {
    const r = await f.get(path);
    return match.test(path) ? { ...r, body: alter(r.body) } : r;
  },
});

const alterJson = (change: (v: Record<string, unknown>) => void) => (body: Uint8Array) => {
  const v = JSON.parse(new TextDecoder().decode(body));
  change(v);
  return new TextEncoder().encode(JSON.stringify(v));
};

describe.each(DIALECTS)('verifyEventProof against truce serve on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let app: FastifyInstance;
  let fetcher: ProofFetcher;
  let demoLeaves: string[];
  const f = ledgerFixture('witnessed');
  const w1 = generateSigner(crypto, 'witness-1', ALG_COSIGNATURE_V1);
  const w2 = generateSigner(crypto, 'witness-2', ALG_COSIGNATURE_V1);
  const witnessedTrust: TrustRoot = {
    logs: {
      witnessed: {
        logId: 'witnessed',
        origin: 'truce.example/witnessed',
        logKey: f.operatorKey,
        witnesses: [formatVerifierKey(w1), formatVerifierKey(w2)],
        quorum: 2,
      },
    },
  };
  let cosignedLeaf: string;
  let laterLeaf: string;
  let uncheckpointedLeaf: string;

  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    const store = new LedgerStore(database, crypto);
    await importDemoLog(store, crypto);
    demoLeaves = (await store.entries(DEMO, 0, 64)).map((e) => e.leafHash);
    // A log with two witnesses: its first checkpoint cosigned by both, the next by one only.
    await f.createLog(store);
    const witness = (w: typeof w1) =>
      f.event('operator', 'actor.registered', {
        actor: w.name,
        name: w.name,
        role: 'witness',
        key: formatVerifierKey(w),
      });
    await store.append(f.logId, [...f.genesis(), witness(w1), witness(w2)]);
    const cosigned = f.event('monitor', 'statement', { text: 'cosigned by both witnesses' });
    await store.append(f.logId, [cosigned]);
    cosignedLeaf = toHex(leafHash(crypto.sha256, cosigned));
    const first = await checkpointLog(store, f.logId, f.keys.operator!);
    for (const w of [w1, w2]) {
      const line = cosign(crypto, w, splitNote(first.note).text, 1_700_000_000);
      await store.addCosignature(f.logId, first.size, w.name, line, '2023-11-24T00:00:00Z');
    }
    expect((await store.cosignatures(f.logId, first.size)).length).toBe(2);
    app = await buildApp({ database, crypto });
    fetcher = injected(app);
    // Checks the first checkpoint before the log moves on: the receipt is under the latest one.
    const both = await verifyEventProof(fetcher, f.logId, cosignedLeaf, witnessedTrust);
    expect(both).toMatchObject({ verified: true, index: 7, quorum: 2 });
    expect(both.witnesses?.map((w) => w.keyId).sort()).toEqual([
      `witness-1+${w1.keyHash.toString(16).padStart(8, '0')}`,
      `witness-2+${w2.keyHash.toString(16).padStart(8, '0')}`,
    ]);
    const later = f.event('monitor', 'statement', { text: 'cosigned by one witness' });
    await store.append(f.logId, [later]);
    laterLeaf = toHex(leafHash(crypto.sha256, later));
    const second = await checkpointLog(store, f.logId, f.keys.operator!);
    const line = cosign(crypto, w1, splitNote(second.note).text, 1_700_000_100);
    await store.addCosignature(f.logId, second.size, w1.name, line, '2023-11-24T00:01:00Z');
    const pending = f.event('monitor', 'statement', { text: 'not under a checkpoint yet' });
    await store.append(f.logId, [pending]);
    uncheckpointedLeaf = toHex(leafHash(crypto.sha256, pending));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('verifies events of the demo log with the pinned keys: leaf, checkpoint, inclusion, actor', async () => {
    for (const index of [0, 1, 30, 63]) {
      const r = await verifyEventProof(fetcher, DEMO, demoLeaves[index]!, TRUSTED_KEYS);
      expect(r, JSON.stringify(r)).toMatchObject({
        verified: true,
        index,
        checkpoint: { origin: 'truce.example/log/nov-2023-pause', size: 64 },
        operator: { keyId: 'operator+bd93cf48' },
        quorum: 2,
        witnesses: [
          expect.objectContaining({ keyId: 'mediators-witness+e4b009d2', time: 1701432000 }),
          expect.objectContaining({ keyId: 'monitor-witness+0717e7bd', time: 1701432000 }),
        ],
        passed: ['event', 'leaf', 'checkpoint-signature', 'inclusion', 'cosignatures', 'actor-signature'],
      });
      expect(r.operator!.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    }
    const release = await verifyEventProof(fetcher, DEMO, demoLeaves[30]!, TRUSTED_KEYS);
    expect(release.actor?.keyId).toBe(release.event?.signature.key);
  });

  it('fails with leaf-mismatch when the event served was altered', async () => {
    const tampered = altered(
      fetcher,
      /\/events\/[0-9a-f]{64}$/,
      alterJson((v) => {
        (v.event as { event: { occurredAt: string } }).event.occurredAt = '2023-11-24T16:00:01+02:00';
      }),
    );
    const r = await verifyEventProof(tampered, DEMO, demoLeaves[20]!, TRUSTED_KEYS);
    expect(r).toMatchObject({ verified: false, code: 'leaf-mismatch', failed: 'leaf', passed: ['event'] });
  });

  it('fails with inclusion-invalid when one byte of a proof hash is altered', async () => {
    const tampered = altered(
      fetcher,
      /\/events\/[0-9a-f]{64}$/,
      alterJson((v) => {
        const lines = (v.proof as string).split('\n');
        // Line 0 is the header, line 1 "index N", line 2 the first proof hash (base64).
        const hash = Buffer.from(lines[2]!, 'base64');
        hash[0]! ^= 1;
        lines[2] = hash.toString('base64');
        v.proof = lines.join('\n');
      }),
    );
    const r = await verifyEventProof(tampered, DEMO, demoLeaves[20]!, TRUSTED_KEYS);
    expect(r).toMatchObject({ verified: false, code: 'inclusion-invalid', failed: 'inclusion' });
  });

  it('fails with untrusted-log-key when the pinned key is not the one that signs the log', async () => {
    const other = generateSigner(crypto, 'operator');
    const trust: TrustRoot = {
      logs: { [DEMO]: { ...TRUSTED_KEYS.logs[DEMO]!, logKey: formatVerifierKey(other) } },
    };
    const r = await verifyEventProof(fetcher, DEMO, demoLeaves[5]!, trust);
    expect(r).toMatchObject({ verified: false, code: 'untrusted-log-key', failed: 'checkpoint-signature' });
  });

  it('fails with checkpoint-bad-signature when the operator signature is altered', async () => {
    const tampered = altered(
      fetcher,
      /\/events\/[0-9a-f]{64}$/,
      alterJson((v) => {
        const proof = v.proof as string;
        const at = proof.lastIndexOf('\u2014 operator ') + '\u2014 operator '.length;
        const sig = Buffer.from(proof.slice(at, proof.indexOf('\n', at)), 'base64');
        sig[10]! ^= 1;
        v.proof = `${proof.slice(0, at)}${sig.toString('base64')}\n`;
      }),
    );
    const r = await verifyEventProof(tampered, DEMO, demoLeaves[5]!, TRUSTED_KEYS);
    expect(r).toMatchObject({ verified: false, code: 'checkpoint-bad-signature' });
  });

  it('fails with untrusted-log for a log whose key this build does not pin, or pins garbled', async () => {
    const r = await verifyEventProof(fetcher, f.logId, cosignedLeaf, TRUSTED_KEYS);
    expect(r).toMatchObject({ verified: false, code: 'untrusted-log' });
    const garbled: TrustRoot = {
      logs: { [DEMO]: { ...TRUSTED_KEYS.logs[DEMO]!, logKey: 'operator+00000000+AAAA' } },
    };
    const bad = await verifyEventProof(fetcher, DEMO, demoLeaves[5]!, garbled);
    expect(bad).toMatchObject({ verified: false, code: 'untrusted-log', passed: [] });
  });

  it('fails with cosignature-missing when fewer pinned witnesses than the quorum cosigned', async () => {
    const r = await verifyEventProof(fetcher, f.logId, laterLeaf, witnessedTrust);
    expect(r).toMatchObject({ verified: false, code: 'cosignature-missing', failed: 'cosignatures' });
    expect(r.witnesses).toHaveLength(1);
    const one = { logs: { witnessed: { ...witnessedTrust.logs.witnessed!, quorum: 1 } } };
    expect(await verifyEventProof(fetcher, f.logId, laterLeaf, one)).toMatchObject({ verified: true });
  });

  it('fails with cosignature-invalid when a pinned witness cosignature is altered', async () => {
    const tampered = altered(
      fetcher,
      /\/events\/[0-9a-f]{64}$/,
      alterJson((v) => {
        const proof = v.proof as string;
        const at = proof.indexOf('\u2014 witness-1 ') + '\u2014 witness-1 '.length;
        const end = proof.indexOf('\n', at);
        const sig = Buffer.from(proof.slice(at, end), 'base64');
        sig[20]! ^= 1;
        v.proof = `${proof.slice(0, at)}${sig.toString('base64')}${proof.slice(end)}`;
      }),
    );
    const one = { logs: { witnessed: { ...witnessedTrust.logs.witnessed!, quorum: 1 } } };
    const r = await verifyEventProof(tampered, f.logId, laterLeaf, one);
    expect(r).toMatchObject({ verified: false, code: 'cosignature-invalid' });
  });

  it('fails with not-checkpointed for an event no checkpoint covers yet', async () => {
    const r = await verifyEventProof(fetcher, f.logId, uncheckpointedLeaf, witnessedTrust);
    expect(r).toMatchObject({ verified: false, code: 'not-checkpointed', passed: ['event', 'leaf'] });
  });

  it('fails with event-not-found for a leaf the log does not hold', async () => {
    const r = await verifyEventProof(fetcher, DEMO, 'ab'.repeat(32), TRUSTED_KEYS);
    expect(r).toMatchObject({ verified: false, code: 'event-not-found', failed: 'event' });
  });

  it('fails with fetch-failed, not event-not-found, when the entry bundles cannot be read', async () => {
    const missing: ProofFetcher = {
      get: (path) =>
        /\/tile\/entries\//.test(path)
          ? Promise.resolve({ status: 404, body: new Uint8Array() })
          : fetcher.get(path),
    };
    const r = await verifyEventProof(missing, DEMO, demoLeaves[3]!, TRUSTED_KEYS);
    expect(r).toMatchObject({ verified: false, code: 'fetch-failed', failed: 'actor-signature' });
  });

  it('fails with entries-mismatch when the entry bundles served are not the signed log', async () => {
    const tampered = altered(fetcher, /\/tile\/entries\//, (body) => {
      const copy = body.slice();
      copy[copy.length - 3]! ^= 1;
      return copy;
    });
    const r = await verifyEventProof(tampered, DEMO, demoLeaves[3]!, TRUSTED_KEYS);
    expect(r).toMatchObject({ verified: false, code: 'entries-mismatch', failed: 'actor-signature' });
  });
});

describe('verifyEventProof on a log holding what a server refuses', () => {
  const f = ledgerFixture('forged');
  const origin = 'truce.example/forged';
  const trust: TrustRoot = {
    logs: { forged: { logId: 'forged', origin, logKey: f.operatorKey, witnesses: [], quorum: 0 } },
  };
  const at = '2023-11-24T06:00:00Z';
  const envelope = (actor: string, kind: string, body: Record<string, unknown>) =>
    ({ v: 1, log: 'forged', kind, occurredAt: at, recordedAt: at, actor, body }) as EventEnvelope;
  const signedBy = (signer: string, e: EventEnvelope) =>
    canonicalBytes(signEvent(crypto, e, f.keys[signer]!));

  const verifyLast = async (extra: Uint8Array[], genesis = f.genesis()) => {
    const log = memoryLog(nobleCrypto, 'forged', origin, f.keys.operator!, [...genesis, ...extra]);
    return verifyEventProof(log.fetcher, 'forged', log.leaves.at(-1)!, trust);
  };

  it('fails with fetch-failed when the server cannot be reached or answers something else than JSON', async () => {
    const leaf = 'ab'.repeat(32);
    const down: ProofFetcher = { get: () => Promise.reject(new Error('connection refused')) };
    expect(await verifyEventProof(down, 'forged', leaf, trust)).toMatchObject({
      verified: false,
      code: 'fetch-failed',
      failed: 'event',
    });
    const html: ProofFetcher = {
      get: () => Promise.resolve({ status: 200, body: new TextEncoder().encode('<!doctype html>') }),
    };
    expect(await verifyEventProof(html, 'forged', leaf, trust)).toMatchObject({ code: 'fetch-failed' });
    const shape: ProofFetcher = {
      get: () => Promise.resolve({ status: 200, body: new TextEncoder().encode('{"index":"1"}') }),
    };
    expect(await verifyEventProof(shape, 'forged', leaf, trust)).toMatchObject({ code: 'fetch-failed' });
  });

  it('verifies an event by a registered actor', async () => {
    const r = await verifyLast([signedBy('monitor', envelope('monitor', 'statement', { text: 'a figure' }))]);
    expect(r).toMatchObject({ verified: true, actor: { id: 'monitor', role: 'monitor' } });
  });

  it('fails with actor-bad-signature when the event is signed by another key than its actor registered', async () => {
    const r = await verifyLast([signedBy('party-b', envelope('party-a', 'statement', { text: 'forged' }))]);
    expect(r).toMatchObject({ verified: false, code: 'actor-bad-signature', failed: 'actor-signature' });
  });

  it('fails with actor-unknown for an actor never registered, or revoked', async () => {
    const genesis = f.genesis().slice(0, 4); // no monitor
    const r = await verifyLast(
      [signedBy('monitor', envelope('monitor', 'statement', { text: 'x' }))],
      genesis,
    );
    expect(r).toMatchObject({ verified: false, code: 'actor-unknown' });
    const revoked = signedBy('operator', envelope('operator', 'actor.revoked', { actor: 'monitor' }));
    const after = await verifyLast([
      revoked,
      signedBy('monitor', envelope('monitor', 'statement', { text: 'y' })),
    ]);
    expect(after).toMatchObject({ verified: false, code: 'actor-unknown' });
  });

  it('fails with actor-not-permitted when the role may not record the kind', async () => {
    const e = envelope('party-a', 'handover.confirmed', { handover: 'ab'.repeat(32), count: 1 });
    const r = await verifyLast([signedBy('party-a', e)]);
    expect(r).toMatchObject({ verified: false, code: 'actor-not-permitted' });
  });

  it('fails with registry-invalid when an actor was registered by someone else than the operator', async () => {
    const register = signedBy(
      'monitor',
      envelope('monitor', 'actor.registered', {
        actor: 'intruder',
        name: 'intruder',
        role: 'party',
        key: f.operatorKey,
      }),
    );
    const r = await verifyLast([
      register,
      signedBy('monitor', envelope('monitor', 'statement', { text: 'z' })),
    ]);
    expect(r).toMatchObject({ verified: false, code: 'registry-invalid' });
  });
});
