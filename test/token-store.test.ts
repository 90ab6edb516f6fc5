import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { TokenStore } from '../src/store/token-store.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { crypto, ledgerFixture } from './helpers/ledger-fixture.ts';
import { runCliIn } from './helpers/run-cli.ts';

describe.each(DIALECTS)('token store on %s', (dialect) => {
  let database: Database;
  const f = ledgerFixture();
  beforeEach(async () => {
    database = await scratchDatabase(dialect);
    await f.createLog(new LedgerStore(database, crypto));
  });
  afterEach(async () => {
    await database.close();
  });

  it('returns the secret once and stores only its SHA-256', async () => {
    const tokens = new TokenStore(database);
    const { token, info } = await tokens.create({ log: f.logId, actor: 'med-1', role: 'mediator' });
    expect(token).toMatch(/^truce_[A-Za-z0-9_-]{43}$/);
    const rows = await database.db.selectFrom('truce_token').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await tokens.find(token)).toEqual(info);
  });

  it('finds nothing for an unknown token, and nothing once revoked', async () => {
    const tokens = new TokenStore(database);
    const { token, info } = await tokens.create({
      log: f.logId,
      actor: 'party-b',
      role: 'party',
      party: 'B',
    });
    expect(await tokens.find(`${token}x`)).toBeUndefined();
    expect(await tokens.find('')).toBeUndefined();
    expect(await tokens.revoke(info.id)).toBe(true);
    expect(await tokens.find(token)).toBeUndefined();
    expect(await tokens.revoke('no-such-id')).toBe(false);
  });

  it('lists tokens without secrets or hashes', async () => {
    const tokens = new TokenStore(database);
    const a = await tokens.create({ log: f.logId, actor: 'op', role: 'operator' });
    const b = await tokens.create({ log: f.logId, actor: 'mon', role: 'monitor' });
    const listed = await tokens.list(f.logId);
    expect(listed.map((t) => t.actor).sort()).toEqual(['mon', 'op']);
    const text = JSON.stringify(listed);
    for (const secret of [a.token, b.token]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(createHash('sha256').update(secret).digest('hex'));
    }
  });

  it('refuses an unknown role and a party token without a party, without echoing secrets', async () => {
    const tokens = new TokenStore(database);
    await expect(tokens.create({ log: f.logId, actor: 'x', role: 'public' as 'monitor' })).rejects.toThrow(
      /Unknown role/,
    );
    await expect(tokens.create({ log: f.logId, actor: 'x', role: 'party' })).rejects.toThrow(/--party/);
    expect(await tokens.list()).toEqual([]);
  });
});

describe('truce token', () => {
  it('prints the token once to stdout, lists without it, and revokes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-token-'));
    const db = join(dir, 'truce.db');
    try {
      const f = ledgerFixture();
      const database = await openDatabase(db);
      const ledger = new LedgerStore(database, crypto);
      await f.createLog(ledger);
      await ledger.append(f.logId, f.genesis());
      await database.close();
      const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', db);
      // The log's registry backs every token: unknown actor, other role or other party are refused.
      const unknown = await truce('token', 'create', '--actor', 'nobody', '--role', 'monitor');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toMatch(/"nobody" is not registered in the log "test-log"/);
      const wrongRole = await truce('token', 'create', '--actor', 'party-b', '--role', 'operator');
      expect(wrongRole.status).toBe(1);
      expect(wrongRole.stderr).toMatch(/The token says operator, but the log registers "party-b" as party/);
      const partyToken = (party: string) =>
        truce(...'token create --actor party-b --role party --party'.split(' '), party);
      const wrongParty = await partyToken('B');
      expect(wrongParty.status).toBe(1);
      expect(wrongParty.stderr).toMatch(/registers "party-b" as party of party-b/);
      const made = await partyToken('party-b');
      expect(made.status).toBe(0);
      const token = made.stdout.trim();
      expect(token).toMatch(/^truce_/);
      expect(made.stderr).not.toContain(token);
      const listed = await truce('token', 'list', '--json');
      expect(listed.stdout).not.toContain(token);
      const [info] = JSON.parse(listed.stdout) as { id: string; revoked: boolean }[];
      expect(info!.revoked).toBe(false);
      expect((await truce('token', 'create', '--actor', 'x', '--role', 'public')).status).toBe(2);
      expect((await truce('token', 'revoke', info!.id)).status).toBe(0);
      const after = await truce('token', 'list');
      expect(after.stdout).toContain('revoked');
      expect(after.stdout).not.toContain(token);
      expect((await truce('token', 'revoke', 'nope')).status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
