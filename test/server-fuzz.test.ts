import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnyRoute, servedRoutes } from '../src/server/route.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverFixture } from './server-fixture.ts';

describe.each(DIALECTS)('fuzzed requests on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  let mediator: Record<string, string>;
  beforeAll(async () => {
    s = await serverFixture(dialect);
    await s.store.append(s.f.logId, [s.f.register('mediator')]);
    const { token } = await new TokenStore(s.database).create({
      log: 'test-log',
      actor: 'mediator',
      role: 'mediator',
    });
    mediator = { authorization: `Bearer ${token}` };
  });
  afterAll(() => s.close());

  /** Headers of a caller the route admits, so that the body is read and not refused at the door. */
  const admitted = (route: AnyRoute): Record<string, string> => {
    if (route.access === 'public') return {};
    const role = route.access.roles[0]!;
    if (role === 'mediator') return mediator;
    return s.as({ operator: 'operator', party: 'party-a', intermediary: 'icrc', monitor: 'monitor' }[role]);
  };
  const url = (route: AnyRoute) =>
    route.url
      .replace('/api/logs/:id', '/api/logs/test-log')
      .replace(/:[A-Za-z]+/g, 'x')
      .replace(/\*$/, '0/000');
  const isStream = (route: AnyRoute) => route.responses[200]?.contentType === 'text/event-stream';

  it('property: no body sent to any POST route makes it answer 5xx', async () => {
    const posts = servedRoutes(s.app).filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(2);
    const body = fc.oneof(
      fc.jsonValue().map((v) => ({ type: 'application/json', text: JSON.stringify(v) })),
      fc.string().map((t) => ({ type: 'application/json', text: t })),
      fc.string().map((t) => ({ type: 'text/plain', text: t })),
      fc.string().map((t) => ({ type: 'application/yaml', text: t })),
    );
    for (const route of posts) {
      await fc.assert(
        fc.asyncProperty(body, async ({ type, text }) => {
          const r = await s.app.inject({
            method: 'POST',
            url: url(route),
            headers: { 'content-type': type, ...admitted(route) },
            payload: text,
          });
          expect(r.statusCode, `${route.url} ${type} ${text.slice(0, 80)}`).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('property: no query string sent to any GET route makes it answer 5xx', async () => {
    const gets = servedRoutes(s.app).filter((r) => r.method === 'GET' && !isStream(r));
    const query = fc.dictionary(
      fc.constantFrom('from', 'limit', 'at', 'date', 'format', 'a', 'b', 'extend', 'delay', 'list', 'x'),
      fc.oneof(fc.string(), fc.integer().map(String), fc.constant('2023-11-24T07:00:00+02:00')),
    );
    for (const route of gets) {
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const r = await s.app.inject({
            method: 'GET',
            url: url(route),
            query: q,
            headers: admitted(route),
          });
          expect(r.statusCode, `${route.url} ${JSON.stringify(q)}`).toBeLessThan(500);
        }),
        { numRuns: 15 },
      );
    }
  });
});
