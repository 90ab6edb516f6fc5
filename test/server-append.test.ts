import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../src/core/ledger/event.ts';
import { signEvent } from '../src/core/ledger/event-sign.ts';
import { generateSigner } from '../src/core/ledger/signed-note.ts';
import { AppendResult } from '../src/server/schemas.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, serverFixture } from './server-fixture.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe.each(DIALECTS)('POST /api/logs/:id/events on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  beforeAll(async () => {
    s = await serverFixture(dialect);
  });
  afterAll(() => s.close());

  /** Posts as the actor the payload names (its token), or as the operator when it names none. */
  const actorOf = (payload: string) => {
    try {
      const actor = JSON.parse(payload)?.event?.actor;
      return typeof actor === 'string' && s.tokens[actor] ? actor : 'operator';
    } catch {
      return 'operator';
    }
  };
  const post = (payload: string, headers: Record<string, string> = {}, url = '/api/logs/test-log/events') =>
    s.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/json', ...s.as(actorOf(payload)), ...headers },
    });
  const expectProblem = (
    r: { statusCode: number; headers: Record<string, unknown>; body: string },
    status: number,
    code: string,
  ) => {
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const p = json(r);
    expect(p).toEqual({
      type: `https://truce.example/problems/${code}`,
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code,
    });
    expect(p.detail).not.toMatch(/\n\s+at |postgres:\/\//);
    return p;
  };

  it('appends a signed event (201), and the same event again answers 200 with its first index', async () => {
    const event = text(s.f.event('party-a', 'statement', { text: 'Batch 1 list sent.' }));
    const size = (await s.store.requireLog('test-log')).size;
    const first = await post(event);
    expect(first.statusCode).toBe(201);
    const created = AppendResult.parse(json(first));
    expect(created).toMatchObject({ index: size, duplicate: false, size: size + 1 });
    expect(first.headers.location).toBe(`/api/logs/test-log/events/${created.leafHash}`);
    const again = await post(event);
    expect(again.statusCode).toBe(200);
    expect(json(again)).toEqual({ ...created, duplicate: true });
  });

  it('takes the canonical bytes of the body: the same event re-ordered and indented verifies', async () => {
    const signed = JSON.parse(text(s.f.event('monitor', 'statement', { text: 'Crossing open.' })));
    const shuffled = {
      signature: signed.signature,
      event: Object.fromEntries(Object.entries(signed.event).reverse()),
    };
    const r = await post(JSON.stringify(shuffled, null, 2));
    expect(r.statusCode).toBe(201);
    expect(json(r).leafHash).toBe(
      Buffer.from(crypto.sha256(new Uint8Array([0, ...canonicalBytes(signed)]))).toString('hex'),
    );
  });

  it('optimistic concurrency: If-Match or expected-size stale → 409, current → 201', async () => {
    const size = (await s.store.requireLog('test-log')).size;
    const e1 = text(s.f.event('monitor', 'statement', { text: 'one' }));
    expectProblem(await post(e1, { 'if-match': `"${size - 1}"` }), 409, 'append-stale-size');
    expectProblem(
      await post(e1, {}, `/api/logs/test-log/events?expected-size=${size + 1}`),
      409,
      'append-stale-size',
    );
    expect((await post(e1, { 'if-match': `"${size}"` })).statusCode).toBe(201);
    expect((await post(e1, { 'if-match': `"${size}"` })).statusCode).toBe(200);
    const e2 = text(s.f.event('monitor', 'statement', { text: 'two' }));
    expect((await post(e2, {}, `/api/logs/test-log/events?expected-size=${size + 1}`)).statusCode).toBe(201);
    expectProblem(await post(e2, { 'if-match': 'W/"3"' }), 400, 'request-invalid');
    expectProblem(
      await post(e2, { 'if-match': '"1"' }, '/api/logs/test-log/events?expected-size=2'),
      400,
      'request-invalid',
    );
    expectProblem(await post(e2, {}, '/api/logs/test-log/events?expected-size=-1'), 400, 'request-invalid');
  });

  it('refuses events whose signature or actor does not hold (403)', async () => {
    const signed = JSON.parse(text(s.f.event('party-a', 'statement', { text: 'original' })));
    signed.event.body.text = 'altered';
    expectProblem(await post(JSON.stringify(signed)), 403, 'event-bad-signature');
    const stranger = generateSigner(crypto, 'stranger');
    const at = '2023-11-25T10:00:00Z';
    const env = {
      v: 1,
      log: 'test-log',
      kind: 'statement',
      occurredAt: at,
      recordedAt: at,
      actor: 'stranger',
      body: { text: 'hi' },
    };
    const strangers = text(canonicalBytes(signEvent(crypto, env as EventEnvelope, stranger)));
    // With another actor's token: refused before the log is asked.
    expectProblem(await post(strangers), 403, 'actor-mismatch');
    // With a token of its own but never registered in the log: refused at the door.
    const { token } = await new TokenStore(s.database).create({
      log: 'test-log',
      actor: 'stranger',
      role: 'monitor',
    });
    expectProblem(await post(strangers, { authorization: `Bearer ${token}` }), 403, 'actor-not-registered');
    const reg = s.f.event('party-a', 'actor.registered', {
      actor: 'x',
      name: 'x',
      role: 'monitor',
      key: s.f.operatorKey,
    });
    expectProblem(await post(text(reg)), 403, 'event-not-permitted');
  });

  it('refuses events that are not valid, not canonical or for another log (422)', async () => {
    expectProblem(await post('{"event":{},"signature":{}}'), 422, 'event-invalid');
    expectProblem(await post('[1,2]'), 422, 'event-invalid');
    expectProblem(await post('"text"'), 422, 'event-invalid');
    const other = s.f.event('party-a', 'statement', { text: 'x' }, { log: 'other-log' });
    expectProblem(await post(text(other)), 422, 'event-wrong-log');
    const nfd = JSON.parse(text(s.f.event('party-a', 'statement', { text: 'Gaza' })));
    nfd.event.body.text = 'e\u0301';
    expectProblem(await post(JSON.stringify(nfd)), 422, 'event-not-canonical');
    expectProblem(await post('{"event":"\\ud800","signature":1}'), 422, 'json-not-canonicalizable');
    const ref = s.f.event('party-a', 'acknowledgement', { of: 'a'.repeat(64) }, { refs: ['a'.repeat(64)] });
    expect((await post(text(ref))).statusCode).toBe(422);
    expectProblem(await post(`${'['.repeat(40)}${']'.repeat(40)}`), 422, 'event-invalid');
  });

  it('answers 403 on a log the token is not of, 415 for a body that is not JSON, 400 for broken JSON', async () => {
    const event = text(s.f.event('party-a', 'statement', { text: 'x' }));
    expectProblem(await post(event, {}, '/api/logs/no-such-log/events'), 403, 'token-wrong-log');
    expectProblem(await post(event, { 'content-type': 'application/xml' }), 415, 'unsupported-media-type');
    expectProblem(await post(event, { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
    expectProblem(await post('{"event":'), 400, 'body-invalid-json');
    expectProblem(await post(''), 400, 'body-empty');
    expectProblem(await post('{"__proto__":{"x":1}}'), 400, 'body-invalid-json');
  });

  it('limits the body to 64 KiB (413) and the canonical event to 60 KiB (413)', async () => {
    expectProblem(await post(`{"pad":"${'x'.repeat(70 * 1024)}"}`), 413, 'body-too-large');
    const big = JSON.parse(text(s.f.event('party-a', 'statement', { text: 'x' })));
    big.event.body.text = 'x'.repeat(62 * 1024);
    expectProblem(await post(JSON.stringify(big)), 413, 'event-too-large');
  });

  it('property: no JSON body makes the append route answer 5xx', async () => {
    const valid = JSON.parse(text(s.f.event('monitor', 'statement', { text: 'base' })));
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ event: fc.jsonValue(), signature: fc.jsonValue() }),
      fc.record({ event: fc.constant(valid.event), signature: fc.jsonValue() }),
      fc.record({
        event: fc.record({
          ...Object.fromEntries(Object.entries(valid.event).map(([k, v]) => [k, fc.constant(v)])),
          body: fc.dictionary(fc.string(), fc.jsonValue()),
          kind: fc.string(),
        }),
        signature: fc.constant(valid.signature),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const r = await post(JSON.stringify(value));
        expect(r.statusCode).toBeLessThan(500);
        if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 150 },
    );
  });
});
