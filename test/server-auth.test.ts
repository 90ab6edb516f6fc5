import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenStore } from '../src/store/token-store.ts';
import { DIALECTS } from './helpers/databases.ts';
import { json, serverFixture } from './server-fixture.ts';

describe.each(DIALECTS)('authentication and rate limits on %s', (dialect) => {
  let s: Awaited<ReturnType<typeof serverFixture>>;
  beforeAll(async () => {
    s = await serverFixture(dialect, { requestsPerMinute: 3 });
  });
  afterAll(() => s.close());

  const get = (headers: Record<string, string> = {}, url = '/api/logs/test-log') =>
    s.app.inject({ method: 'GET', url, headers });

  it('refuses a malformed Authorization header or an unknown token with 401, even on a public route', async () => {
    for (const [authorization, code] of [
      ['Basic dXNlcjpwYXNz', 'auth-malformed'],
      ['Bearer', 'auth-malformed'],
      ['Bearer truce_not-a-token', 'auth-invalid-token'],
    ] as const) {
      const r = await get({ authorization });
      expect(r.statusCode).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer realm="truce"');
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json(r).code).toBe(code);
      expect(r.body).not.toContain('truce_not-a-token');
    }
  });

  it('a revoked token no longer works', async () => {
    const tokens = new TokenStore(s.database);
    const { token, info } = await tokens.create({ log: 'test-log', actor: 'monitor', role: 'monitor' });
    expect((await get({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
    await tokens.revoke(info.id);
    expect(json(await get({ authorization: `Bearer ${token}` })).code).toBe('auth-invalid-token');
  });

  it('the log has the last word: a token of a revoked actor, or claiming a role the log does not give, is refused', async () => {
    const tokens = new TokenStore(s.database);
    const claim = await tokens.create({ log: 'test-log', actor: 'monitor', role: 'operator' });
    const r = await get({ authorization: `Bearer ${claim.token}` });
    expect([r.statusCode, json(r).code]).toEqual([403, 'token-role-mismatch']);
    const icrc = await tokens.create({ log: 'test-log', actor: 'icrc', role: 'intermediary' });
    expect((await get({ authorization: `Bearer ${icrc.token}` })).statusCode).toBe(200);
    await s.store.append('test-log', [
      s.f.event('operator', 'actor.revoked', { actor: 'icrc', reason: 'test' }),
    ]);
    const after = await get({ authorization: `Bearer ${icrc.token}` });
    expect([after.statusCode, json(after).code]).toEqual([403, 'actor-revoked']);
    expect(after.body).not.toContain(icrc.token);
  });

  it('limits requests per token per minute (429 with Retry-After); other tokens and the public go on', async () => {
    const { token } = await new TokenStore(s.database).create({
      log: 'test-log',
      actor: 'party-a',
      role: 'party',
      party: 'party-a',
    });
    const as = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i++) expect((await get(as)).statusCode).toBe(200);
    const limited = await get(as);
    expect(limited.statusCode).toBe(429);
    expect(json(limited).code).toBe('rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body).not.toContain(token);
    for (let i = 0; i < 5; i++) expect((await get()).statusCode).toBe(200);
    expect((await get(s.as('party-b'))).statusCode).toBe(200);
  });
});
