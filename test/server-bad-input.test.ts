import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { jsonDepth } from '../src/server/json-body.ts';
import type { Database } from '../src/store/database.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { json, seedFixtureLog } from './server-fixture.ts';

/** A JSON value nested `levels` deep: {"a":{"a":…"x"…}}. */
function nested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** Sends the head of a request and `sent` of its body, then nothing; the raw answer once the server closes. */
function stalledBody(port: number, head: string, sent: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => {
      answer += d;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(`${head}\r\n\r\n${sent}`);
  });
}

describe.each(DIALECTS)('bad input gets 4xx, never 5xx, on %s', (dialect) => {
  let app: FastifyInstance;
  let database: Database;
  let logId: string;
  let as: (actor: string) => { authorization: string };
  beforeAll(async () => {
    database = await scratchDatabase(dialect);
    const seeded = await seedFixtureLog(database);
    logId = seeded.f.logId;
    as = (actor) => ({ authorization: `Bearer ${seeded.tokens[actor]!}` });
    app = await buildApp({ database, crypto, requestsPerMinute: 1_000_000, bodyTimeoutMs: 300 });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const addPersons = (payload: string | Buffer) =>
    app.inject({
      method: 'POST',
      url: `/api/logs/${logId}/persons`,
      headers: { 'content-type': 'application/json', ...as('party-a') },
      payload,
    });
  const kept = async () =>
    (
      json(await app.inject({ url: `/api/logs/${logId}/persons`, headers: as('party-a') }))
        .persons as unknown[]
    ).length;

  it('refuses a person record nested 2,000 levels deep (it overflowed the stack: 500)', async () => {
    const r = await addPersons(JSON.stringify({ records: [{ name: nested(2000) }] }));
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(json(r)).toMatchObject({ code: 'body-too-deep' });
    expect(json(r).detail).toMatch(/more than 64 levels deep/);
    expect(await kept()).toBe(0);
    // A record as deep as a person record gets is kept.
    expect(
      (await addPersons(JSON.stringify({ records: [{ names: { ar: 'نور', en: 'Nour' } }] }))).statusCode,
    ).toBe(201);
    expect(await kept()).toBe(1);
  });

  it('refuses a Latin-1 body instead of storing replacement characters', async () => {
    const before = await kept();
    const r = await addPersons(Buffer.from('{"records":[{"name":"Zoé"}]}', 'latin1'));
    expect(r.statusCode).toBe(400);
    expect(json(r)).toMatchObject({ code: 'body-not-utf8' });
    expect(json(r).detail).toMatch(/line 1, column 24: byte 0xE9 is not UTF-8 text/);
    expect(await kept()).toBe(before);
  });

  it('answers 408 body-too-slow to a body that stops arriving, and closes the connection', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const head = [
      `POST /api/logs/${logId}/persons HTTP/1.1`,
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      'Content-Length: 1000',
      `Authorization: ${as('party-a').authorization}`,
    ].join('\r\n');
    const answer = await stalledBody(port, head, '{"records":[');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toMatch(/"code":"body-too-slow"/);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('jsonDepth', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth(JSON.stringify(nested(100)), 10)).toBe(11);
  });
});
