import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyId, verifyEventSignature } from '../src/core/ledger/event-sign.ts';
import { formatVerifierKey, generateSigner, parseVerifierKey } from '../src/core/ledger/signed-note.ts';
import { buildApp } from '../src/server/app.ts';
import { Keyring } from '../src/server/keyring.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, serverFixture } from './server-fixture.ts';

const LOG = 'test-log';
const URL = `/api/logs/${LOG}/events`;

describe.each(DIALECTS)('custodial signing of appends on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  /** A server holding party-a's key (custodial) and, under party-b's name, a key party-b never registered. */
  let app: FastifyInstance;

  beforeAll(async () => {
    s = await serverFixture(dialect);
    app = await buildApp({
      database: s.database,
      crypto,
      keyring: new Keyring(crypto, [s.f.keys['party-a']!, generateSigner(crypto, 'party-b')]),
      // The server's clock is this test's: the events it signs are recorded now, to the server.
      now: () => Math.max(clock, s.f.now()),
    });
  });
  afterAll(async () => {
    await app.close();
    await s.close();
  });

  // After the fixture's registrations occurred: a key is valid from its registration's occurredAt.
  let clock = Date.parse('2023-11-24T05:00:30Z');
  const envelope = (actor: string, text: string, over: Record<string, unknown> = {}) => {
    clock += 1000;
    const at = new Date(clock).toISOString();
    return {
      v: 1,
      log: LOG,
      kind: 'statement',
      occurredAt: at,
      recordedAt: at,
      actor,
      body: { text },
      ...over,
    };
  };
  const post = (server: FastifyInstance, actor: string, payload: unknown) =>
    server.inject({
      method: 'POST',
      url: URL,
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...s.as(actor) },
    });

  it("signs an event sent without signature with the token actor's custodial key, and appends it", async () => {
    const event = envelope('party-a', 'Batch list sent.');
    const r = await post(app, 'party-a', { event });
    expect(r.statusCode, r.body).toBe(201);
    const { index, duplicate } = json(r);
    expect(duplicate).toBe(false);
    const [stored] = await s.store.entries(LOG, index as number, (index as number) + 1);
    expect(stored!.event.event).toEqual(event);
    const key = parseVerifierKey(crypto, formatVerifierKey(s.f.keys['party-a']!));
    expect(stored!.event.signature.key).toBe(keyId(key));
    expect(() => verifyEventSignature(crypto, stored!.event, key)).not.toThrow();
    // Ed25519 is deterministic: the same event again is the same leaf, not stored twice.
    const again = await post(app, 'party-a', { event });
    expect([again.statusCode, json(again).index, json(again).duplicate]).toEqual([200, index, true]);
  });

  it('still takes events the actor signed itself', async () => {
    const signed = JSON.parse(
      new TextDecoder().decode(s.f.event('party-b', 'statement', { text: 'Own key.' })),
    );
    const r = await post(app, 'party-b', signed);
    expect(r.statusCode, r.body).toBe(201);
  });

  it('refuses (422 custodial-key-missing) when the server holds no key the log registered for the actor', async () => {
    for (const [server, actor] of [
      [app, 'party-b'], // a key named party-b, but not the one the log registered
      [app, 'monitor'],
      [s.app, 'party-a'], // a server started without --keys
    ] as const) {
      const size = (await s.store.requireLog(LOG)).size;
      const r = await post(server, actor, { event: envelope(actor, 'No key here.') });
      expect(r.statusCode).toBe(422);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json(r).code).toBe('custodial-key-missing');
      expect(json(r).detail).toContain('--keys');
      expect(json(r).detail).toContain('sign it client-side');
      expect((await s.store.requireLog(LOG)).size).toBe(size);
    }
  });

  it('keeps the token rule: nobody has the server sign as another actor (403)', async () => {
    const r = await post(app, 'party-b', { event: envelope('party-a', 'Not mine to sign.') });
    expect([r.statusCode, json(r).code]).toEqual([403, 'actor-mismatch']);
  });

  it('checks the envelope and the log rules as for any event', async () => {
    const invalid = await post(app, 'party-a', { event: envelope('party-a', 'x', { kind: 'no.such.kind' }) });
    expect([invalid.statusCode, json(invalid).code]).toEqual([422, 'event-invalid']);
    const wrongLog = await post(app, 'party-a', { event: envelope('party-a', 'x', { log: 'other-log' }) });
    expect([wrongLog.statusCode, json(wrongLog).code]).toEqual([422, 'event-wrong-log']);
    // A party may not start a phase, custodial or not.
    const notPermitted = await post(app, 'party-a', {
      event: envelope('party-a', 'x', { kind: 'phase.started', body: { phase: 'phase-1' } }),
    });
    expect([notPermitted.statusCode, json(notPermitted).code]).toEqual([403, 'event-not-permitted']);
    // Anything beside `event` is not an unsigned event: it is checked as a signed one, and refused.
    const extra = await post(app, 'party-a', { event: envelope('party-a', 'x'), note: 'y' });
    expect([extra.statusCode, json(extra).code]).toEqual([422, 'event-invalid']);
  });
});
