import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointLog } from '../src/cli/record-events.ts';
import { entriesPath, tilePath } from '../src/core/ledger/tiles.ts';
import { DIALECTS } from './helpers/databases.ts';
import { adoptExample, serverFixture } from './server-fixture.ts';

/** A response as it came over the socket: status, headers (raw names and values, in order), body. */
interface Raw {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = res.rawHeaders;
        const pairs: [string, string][] = [];
        for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
        resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The headers of a response but its date, sorted by name: what must be the same whoever answered. */
const headersBut = (r: Raw) =>
  r.headers.filter(([name]) => name !== 'date').sort(([a], [b]) => a.localeCompare(b));

const SIZE = 300;

describe.each(DIALECTS)(
  'public reads of bytes held, answered before Fastify routes them, on %s',
  (dialect) => {
    let s: Awaited<ReturnType<typeof serverFixture>>;
    let base: string;
    /** Requests that Fastify answered (its onResponse hooks: after an error too). */
    let routed = 0;
    beforeAll(async () => {
      s = await serverFixture(dialect, { extra: SIZE - 6 });
      await adoptExample(s.store, s.f, 'nov-2023-pause');
      s.app.addHook('onResponse', (_request, _reply, done) => {
        routed++;
        done();
      });
      base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(() => s.close());
    const log = (path: string) => `/api/logs/${s.f.logId}/${path}`;

    const paths = [
      ['a full hash tile', () => tilePath(0, 0)],
      ['a partial hash tile', () => tilePath(0, 1, SIZE - 256)],
      ['a partial tile of a higher level', () => tilePath(1, 0, 1)],
      ['a full entry bundle', () => entriesPath(0)],
      ['a partial entry bundle', () => entriesPath(1, SIZE - 256)],
      ['the checkpoint', () => 'checkpoint'],
    ] as const;

    it.each(paths)(
      '%s: the first read is routed, the next answered with the same status, headers and bytes',
      async (_, path) => {
        const before = routed;
        const first = await get(base, log(path()));
        expect(first.status).toBe(200);
        expect(routed).toBe(before + 1);
        const second = await get(base, log(path()));
        expect(routed).toBe(before + 1);
        expect(second.status).toBe(first.status);
        expect(headersBut(second)).toEqual(headersBut(first));
        expect(second.body.equals(first.body)).toBe(true);
        // As the route's own tests see it (app.inject goes to Fastify itself).
        const injected = await s.app.inject({ url: log(path()) });
        expect(Buffer.from(injected.rawPayload).equals(first.body)).toBe(true);
      },
    );

    it.each([
      ['', 'en'],
      ['ar-EG,ar;q=0.9', 'ar'],
    ])(
      'the status as of now (Accept-Language %j): answered from memory within its second, as the route answers it',
      async (language) => {
        const headers: Record<string, string> = language ? { 'accept-language': language } : {};
        for (let i = 0; ; i++) {
          const second = Math.floor(Date.now() / 1000);
          // Through Fastify (app.inject): judged, or kept, for this second.
          const routedAnswer = await s.app.inject({ url: log('status'), headers });
          expect(routedAnswer.statusCode).toBe(200);
          const before = routed;
          const held = await get(base, log('status'), headers);
          if (routed === before && Math.floor(Date.now() / 1000) === second) {
            expect(held.status).toBe(200);
            expect(held.body.equals(Buffer.from(routedAnswer.rawPayload))).toBe(true);
            const named = Object.fromEntries(headersBut(held));
            for (const name of ['content-type', 'cache-control', 'vary', 'content-length'])
              expect(named[name], name).toBe(String(routedAnswer.headers[name]));
            break;
          }
          // The second turned between the two: try again.
          expect(i).toBeLessThan(20);
        }
      },
    );

    it('a request with a token, a condition, a query string, an encoded path, or another method goes to Fastify', async () => {
      const path = log(tilePath(0, 0));
      await get(base, path);
      const before = routed;
      // A bad token is refused even on a public route.
      expect((await get(base, path, { authorization: 'Bearer nope' })).status).toBe(401);
      // With a good one it is read, as a token's request (counted by its limit).
      expect((await get(base, path, s.as('monitor'))).status).toBe(200);
      const tag = (await get(base, path)).headers.find(([n]) => n === 'etag')![1];
      expect((await get(base, path, { 'if-none-match': tag })).status).toBe(304);
      expect((await get(base, `${path}?x=1`)).status).toBe(200);
      expect((await get(base, path.replace('test-log', 'test%2Dlog'))).status).toBe(200);
      const head = await get(base, path, {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      // Every one of them but the plain read of the etag was routed.
      expect(routed - before).toBe(6);
    });

    it('what is not held, or no longer current, is read by the route', async () => {
      const before = routed;
      // A tile the log has not reached: 404 each time, never held.
      expect((await get(base, log(tilePath(0, 5)))).status).toBe(404);
      expect((await get(base, log(tilePath(0, 5)))).status).toBe(404);
      expect((await get(base, log('nowhere'))).status).toBe(404);
      expect((await get(base, '/api/logs/no-such-log/checkpoint')).status).toBe(404);
      expect(routed - before).toBe(4);
      // The checkpoint held is dropped when the log changes: the next read is routed, and new.
      const old = await get(base, log('checkpoint'));
      await s.store.append(s.f.logId, [s.f.event('monitor', 'statement', { text: 'one more' })]);
      await checkpointLog(s.store, s.f.logId, s.f.keys.operator!);
      const fresh = await get(base, log('checkpoint'));
      expect(fresh.body.toString()).not.toBe(old.body.toString());
      expect(fresh.body.toString().split('\n')[1]).toBe(String(SIZE + 1));
      // Held again once read (on SQLite the commit mark, on PostgreSQL the notification, may make
      // the route read it once more): from then on answered before routing, the new bytes.
      for (let i = 0; ; i++) {
        const before = routed;
        const again = await get(base, log('checkpoint'));
        expect(again.body.equals(fresh.body)).toBe(true);
        if (routed === before) break;
        expect(i).toBeLessThan(50);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
  },
);
