import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/server/auth/principal.ts';
import { ROLES } from '../src/server/auth/principal.ts';
import { type AnyRoute, servedRoutes } from '../src/server/route.ts';
import { PersonsStore } from '../src/store/persons-store.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { serverFixture } from './server-fixture.ts';

/** The refusals of the access check, as opposed to a handler's own answers. */
const ACCESS_CODES = ['auth-required', 'role-not-permitted', 'token-wrong-log'];
/** A name that only its party, the operator and a mediator may ever read: it is never listed. */
const SECRET_NAME = 'Zeynab-Matrix-Embargoed';

type Caller = Role | 'other-log';
const CALLERS: Caller[] = [...ROLES, 'other-log'];

/** What the access rule of `route` must answer `caller`: a refusal code, or null for "let through". */
function expected(route: AnyRoute, caller: Caller): string | null {
  if (route.access === 'public') return null;
  if (caller === 'public') return 'auth-required';
  const role = caller === 'other-log' ? 'operator' : caller;
  if (!route.access.roles.includes(role)) return 'role-not-permitted';
  if (caller === 'other-log' && route.url.startsWith('/api/logs/:id') && route.access.log !== false)
    return 'token-wrong-log';
  return null;
}

describe.each(DIALECTS)('every route × every role on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  let base: string;
  const headers: Record<string, Record<string, string>> = {};
  let leafHash = '';
  let agreement = '';
  beforeAll(async () => {
    s = await serverFixture(dialect);
    base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const tokens = new TokenStore(s.database);
    await s.store.append(s.f.logId, [s.f.register('mediator')]);
    const other = ledgerFixture('other-log');
    await other.createLog(s.store);
    await s.store.append('other-log', other.genesis());
    const make = async (log: string, actor: string, role: Exclude<Role, 'public'>) => ({
      authorization: `Bearer ${(await tokens.create({ log, actor, role, party: role === 'party' ? actor : null })).token}`,
    });
    headers.operator = await make('test-log', 'operator', 'operator');
    headers.mediator = await make('test-log', 'mediator', 'mediator');
    headers.party = await make('test-log', 'party-b', 'party');
    headers.intermediary = await make('test-log', 'icrc', 'intermediary');
    headers.monitor = await make('test-log', 'monitor', 'monitor');
    headers.public = {};
    headers['other-log'] = await make('other-log', 'operator', 'operator');
    await new PersonsStore(s.database, crypto).add(
      'test-log',
      { names: { en: SECRET_NAME, ar: 'زينب' } },
      { actor: 'party-a', party: 'party-a' },
    );
    leafHash = (await s.store.entries('test-log', 0, 1))[0]!.leafHash;
    const list = (await (await fetch(`${base}/api/agreements`)).json()) as { agreements: { id: string }[] };
    agreement = list.agreements[0]!.id;
  });
  afterAll(() => s.close());

  /** A concrete URL for a route: real ids where the route names one, anything where it does not matter. */
  const urlOf = (route: AnyRoute) =>
    base +
    route.url
      .replace('/api/logs/:id', '/api/logs/test-log')
      .replace(':id', agreement)
      .replace(':leafHash', leafHash)
      .replace(':commitment', 'a'.repeat(64))
      .replace(/:[A-Za-z]+/g, '1')
      .replace(/\*$/, '0/000');

  async function call(route: AnyRoute, caller: Caller) {
    const controller = new AbortController();
    const r = await fetch(urlOf(route), {
      method: route.method,
      headers: {
        ...headers[caller],
        ...(route.method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(route.method === 'POST' ? { body: '{}' } : {}),
      signal: controller.signal,
    });
    const streaming = (r.headers.get('content-type') ?? '').startsWith('text/event-stream');
    const body = streaming ? '' : await r.text();
    controller.abort();
    let code: string | undefined;
    if ((r.headers.get('content-type') ?? '').startsWith('application/problem+json'))
      code = (JSON.parse(body) as { code: string }).code;
    return { status: r.status, code, body };
  }

  it('the access rule of each route holds for each role, and a token of another log is refused', async () => {
    const routes = servedRoutes(s.app);
    expect(routes.length).toBeGreaterThan(20);
    const seen: string[] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        const want = expected(route, caller);
        const got = await call(route, caller);
        const where = `${route.method} ${route.url} as ${caller}: ${got.status} ${got.code ?? ''}`;
        if (want === null) {
          expect(ACCESS_CODES, where).not.toContain(got.code);
          expect(got.status, where).toBeLessThan(500);
        } else {
          expect(got.code, where).toBe(want);
          expect(got.status, where).toBe(want === 'auth-required' ? 401 : 403);
        }
        seen.push(`${route.operationId}/${caller}`);
      }
    }
    expect(seen).toHaveLength(routes.length * CALLERS.length);
  });

  it('no route shows an unlisted person’s name to anyone but the operator and a mediator', async () => {
    for (const route of servedRoutes(s.app)) {
      for (const caller of CALLERS) {
        if (caller === 'operator' || caller === 'mediator') continue;
        const got = await call(route, caller);
        expect(got.body, `${route.method} ${route.url} as ${caller}`).not.toContain(SECRET_NAME);
        expect(got.body, `${route.method} ${route.url} as ${caller}`).not.toContain('زينب');
      }
    }
    const persons = await fetch(`${base}/api/logs/test-log/persons`, { headers: headers.operator });
    expect(await persons.text()).toContain(SECRET_NAME);
  });
});
