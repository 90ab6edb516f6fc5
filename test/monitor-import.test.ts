import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatVerifierKey, parseSignerKey } from '../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { openDatabase } from '../src/store/database.ts';
import { LedgerStore } from '../src/store/ledger-store.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';
import { repoRoot, runCliIn } from './helpers/run-cli.ts';

const NOV = join(repoRoot, 'examples/agreements/nov-2023-pause.yaml');
/** When the log and its actors' keys are in force: before the rows' events (a key is valid from its registration's occurredAt). */
const SETUP = '2023-11-22T12:00:00+02:00';
const LOG = 'nov-2023-pause';

describe.each(DIALECTS)('a monitor’s rows imported from the command line, on %s', (dialect) => {
  let dir: string;
  let db: string;
  const cleanups: (() => Promise<void>)[] = [];
  const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', db);
  const json = async (...args: string[]) => {
    const r = await truce(...args, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout);
  };
  const size = async () => (await json('log', 'show')).size as number;
  const rootOf = async (location: string) => {
    const database = await openDatabase(location);
    try {
      const log = await new LedgerStore(database, nodeCrypto).requireLog(LOG);
      return { size: log.size, root: Buffer.from(log.root).toString('hex') };
    } finally {
      await database.close();
    }
  };
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-rows-'));
    const scratch = await scratchLocation(dialect);
    db = scratch.location;
    cleanups.push(scratch.remove);
    for (const name of ['operator', 'monitor', 'hamas-rep', 'israel-rep', 'icrc'])
      expect((await runCliIn(dir, 'keygen', name, '--out', `keys/${name}.key`)).status).toBe(0);
    expect(
      (await truce('log', 'init', NOV, '--key', 'keys/operator.key', '--occurred-at', SETUP)).status,
    ).toBe(0);
    for (const [actor, role, party] of [
      ['monitor', 'monitor', ''],
      ['hamas-rep', 'party', 'hamas'],
      ['israel-rep', 'party', 'israel'],
      ['icrc', 'intermediary', ''],
    ] as const) {
      const signer = parseSignerKey(nodeCrypto, readFileSync(join(dir, `keys/${actor}.key`), 'utf8').trim());
      const r = await truce(
        'record',
        'actor.registered',
        '--key',
        'keys/operator.key',
        ...['--occurred-at', SETUP],
        ...['--field', `actor=${actor}`, '--field', `name=${actor}`, '--field', `role=${role}`],
        ...['--field', `key=${formatVerifierKey(signer)}`],
        ...(party ? ['--field', `party=${party}`] : []),
      );
      expect(r.stderr).toBe('');
    }
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const c of cleanups.splice(0)) await c();
  });

  const SHEET =
    'id,kind,occurred_at,actor,provision,batch,count,to,handover,of,party,text,reason,refs\r\n' +
    'h1,handover.completed,2023-11-24T16:00:00+02:00,hamas-rep,release-hostages,1,13,icrc,,,,,,\r\n' +
    'c1,handover.confirmed,2023-11-24T18:00:00+02:00,icrc,,,13,,h1,,,,,\r\n' +
    'v1,violation.alleged,2023-11-25T09:00:00+02:00,israel-rep,,,,,,,hamas,"Delay of the second batch, ""as reported""",,\r\n' +
    'd1,dispute,2023-11-25T10:00:00+02:00,hamas-rep,,,,,,v1,,,not delayed,c1\r\n';

  it('signs each row with its actor’s key from the folder, resolves ids to leaf hashes, and re-imports to nothing', async () => {
    write('sheet.csv', SHEET);
    const before = await size();
    const first = await json('import', 'sheet.csv', '--keys', 'keys');
    expect(first).toMatchObject({ added: 4, duplicates: 0, withoutId: 0 });
    expect(first.rows.map((r: { line: number; index: number }) => [r.line, r.index])).toEqual([
      [2, before],
      [3, before + 1],
      [4, before + 2],
      [5, before + 3],
    ]);
    const shown = (await json('log', 'show')).events.slice(-4);
    expect(shown.map((e: { event: { actor: string; id: string } }) => [e.event.id, e.event.actor])).toEqual([
      ['h1', 'hamas-rep'],
      ['c1', 'icrc'],
      ['v1', 'israel-rep'],
      ['d1', 'hamas-rep'],
    ]);
    expect(shown[1].event.body.handover).toBe(first.rows[0].leafHash);
    expect(shown[2].event.body).toEqual({
      against: 'hamas',
      description: 'Delay of the second batch, "as reported"',
    });
    expect(shown[3].event.body.of).toBe(first.rows[2].leafHash);
    expect(shown[3].event.refs).toEqual([first.rows[1].leafHash]);
    // The same file again adds nothing: every row is found by its id, with its index and leaf hash.
    const again = await json('import', 'sheet.csv', '--keys', 'keys');
    expect(again).toMatchObject({ added: 0, duplicates: 4 });
    expect(again.rows.map((r: { leafHash: string }) => r.leafHash)).toEqual(
      first.rows.map((r: { leafHash: string }) => r.leafHash),
    );
    expect(await size()).toBe(before + 4);
    // A row whose id the log has, saying something else, is refused: nothing of the file is stored.
    write(
      'changed.csv',
      'id,kind,occurred_at,actor,provision,count,to\r\n' +
        'h9,handover.completed,2023-11-25T16:00:00+02:00,hamas-rep,release-hostages,14,icrc\r\n' +
        'h1,handover.completed,2023-11-24T16:00:00+02:00,hamas-rep,release-hostages,12,icrc\r\n',
    );
    const changed = await truce('import', 'changed.csv', '--keys', 'keys');
    expect(changed.status).toBe(1);
    expect(changed.stderr).toMatch(
      /changed\.csv:3:1: column "id": the log already has event no\. \d+ with the id "h1", which differs in count, batch; .*Nothing was imported/,
    );
    expect(await size()).toBe(before + 4);
  });

  it('refuses a bad row naming its line and column, and stores nothing', async () => {
    write(
      'bad.csv',
      'id,kind,occurred_at,actor,provision,count,to\n' +
        'a,handover.completed,2023-11-24T16:00:00+02:00,hamas-rep,release-hostages,13,icrc\n' +
        'b,handover.completed,2023-11-24T16:00:00+02:00,hamas-rep,release-hostages,-3,icrc\n',
    );
    const before = await size();
    const bad = await truce('import', 'bad.csv', '--keys', 'keys');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.csv:3:6: column "count": .*>=0.*Nothing was imported\.\n$/);
    // A row an actor has no key for names the actor column.
    write(
      'nokey.csv',
      'kind,occurred_at,actor,text\nstatement,2023-11-24T16:00:00+02:00,mediator,Talks resumed\n',
    );
    const nokey = await truce('import', 'nokey.csv', '--keys', 'keys');
    expect(nokey.stderr).toMatch(/nokey\.csv:2:3: column "actor": no key for the actor "mediator"/);
    // A reference to a row that is not there names the refs column.
    write('ref.csv', 'kind,occurred_at,actor,of\nacknowledgement,2023-11-24T16:00:00+02:00,monitor,zz\n');
    const ref = await truce('import', 'ref.csv', '--keys', 'keys');
    expect(ref.stderr).toMatch(/ref\.csv:2:4: column "of": "zz" is neither the id of an earlier row/);
    // A column the kind does not have.
    write(
      'extra.csv',
      'kind,occurred_at,actor,text,quantity\nstatement,2023-11-24T16:00:00+02:00,monitor,Talks,4\n',
    );
    const extra = await truce('import', 'extra.csv', '--keys', 'keys');
    expect(extra.stderr).toMatch(
      /extra\.csv:2:5: column "quantity": a statement event has no such field; its columns: text/,
    );
    // The log refuses what the actor may not record, on the right row.
    write(
      'role.csv',
      'kind,occurred_at,actor,phase\nphase.started,2023-11-24T07:00:00+02:00,monitor,phase-1\n',
    );
    const role = await truce('import', 'role.csv', '--keys', 'keys');
    expect(role.status).toBe(1);
    expect(role.stderr).toMatch(/role\.csv:2:3: column "actor": /);
    // Not UTF-8.
    writeFileSync(
      join(dir, 'latin1.csv'),
      Buffer.from('kind,occurred_at,text\nstatement,2023-11-25T23:00:00+02:00,Zoé\n', 'latin1'),
    );
    const latin1 = await truce('import', 'latin1.csv', '--key', 'keys/monitor.key');
    expect(latin1.stderr).toMatch(/latin1\.csv:2:39: byte 0xE9 is not UTF-8 text/);
    expect(await size()).toBe(before);
  });

  it('imports JSONL rows by the same rules', async () => {
    const before = await size();
    write(
      'rows.jsonl',
      `${JSON.stringify({ id: 'r1', kind: 'release.completed', occurred_at: '2023-11-24T17:00:00+02:00', actor: 'israel-rep', party: 'israel', count: 39, outside_formula: false, source: 'Israel Prison Service' })}\n${JSON.stringify({ id: 'r2', kind: 'correction', occurred_at: '2023-11-24T19:00:00+02:00', actor: 'israel-rep', of: 'r1', reason: 'count', body: { count: 38 } })}\n`,
    );
    const r = await json('import', 'rows.jsonl', '--keys', 'keys');
    expect(r).toMatchObject({ added: 2 });
    const events = (await json('log', 'show')).events.slice(-2);
    expect(events[0].event.body).toEqual({ party: 'israel', count: 39, outsideFormula: false });
    expect(events[0].event.source).toEqual({ name: 'Israel Prison Service' });
    expect(events[1].event.body.of).toBe(r.rows[0].leafHash);
    expect((await json('import', 'rows.jsonl', '--keys', 'keys')).added).toBe(0);
    write(
      'bad.jsonl',
      `${JSON.stringify({ kind: 'statement', occurred_at: '2023-11-24T19:00:00+02:00', actor: 'monitor', text: 'ok' })}\n{"kind":"statement","occurred_at":"2023-11-24T19:00:00+02:00","actor":"monitor","text":3}\n`,
    );
    const bad = await truce('import', 'bad.jsonl', '--keys', 'keys');
    expect(bad.stderr).toMatch(/bad\.jsonl:2:1: column "text": expected text, got 3/);
    expect(await size()).toBe(before + 2);
  });

  it('exports a CSV that re-imports into a fresh database as the identical log, formulas neutralised and undone', async () => {
    write(
      'sheet.csv',
      'id,kind,occurred_at,actor,text,source\r\n' +
        's1,statement,2023-11-24T16:00:00+02:00,monitor,=SUM(A1:A9) is not a formula,@press\r\n' +
        's2,statement,2023-11-24T16:00:00+02:00,monitor,\'-quoted,"Line one\nline two"\r\n',
    );
    await json('import', 'sheet.csv', '--keys', 'keys');
    // A text that itself starts with a quote and a formula sign, from a JSON line.
    write(
      'quote.jsonl',
      `${JSON.stringify({ kind: 'statement', occurred_at: '2023-11-24T17:00:00+02:00', actor: 'monitor', text: "'=quoted" })}\n`,
    );
    await json('import', 'quote.jsonl', '--keys', 'keys');
    const texts = (await json('log', 'show')).events
      .slice(-3)
      .map((e: { event: { body: { text: string } } }) => e.event.body.text);
    // A cell '-… is read as -… (what truce export writes for it); a JSON line says exactly.
    expect(texts).toEqual(['=SUM(A1:A9) is not a formula', '-quoted', "'=quoted"]);
    expect((await truce('export', '--csv', 'events.csv')).status).toBe(0);
    const csv = readFileSync(join(dir, 'events.csv'), 'utf8');
    expect(csv).toContain(",'=SUM(A1:A9) is not a formula,");
    expect(csv).toContain(",'-quoted,");
    expect(csv).toContain(",''=quoted,");
    const original = await json('log', 'show');
    // A fresh database: the export creates the log (its first row registers the operator) with the same events, hashes and root.
    const fresh = await scratchLocation(dialect);
    cleanups.push(fresh.remove);
    const again = await runCliIn(
      dir,
      ...['import', 'events.csv', '--log', LOG, '--origin', 'truce.example/log/nov-2023-pause'],
      ...['--database', fresh.location, '--json'],
    );
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toMatchObject({ added: original.size, duplicates: 0 });
    const copy = JSON.parse(
      (await runCliIn(dir, 'log', 'show', '--database', fresh.location, '--json')).stdout,
    );
    expect(await rootOf(fresh.location)).toEqual(await rootOf(db));
    expect(copy.events.map((e: { leafHash: string }) => e.leafHash)).toEqual(
      original.events.map((e: { leafHash: string }) => e.leafHash),
    );
    // A changed row of an export is refused on its line, and a refused import leaves no log behind.
    const lines = csv.split('\r\n');
    const last = lines.length - 2;
    writeFileSync(
      join(dir, 'changed.csv'),
      lines.map((l, i) => (i === last ? l.replace('quoted', 'quoted!') : l)).join('\r\n'),
    );
    const third = await scratchLocation(dialect);
    cleanups.push(third.remove);
    const refused = await runCliIn(dir, 'import', 'changed.csv', '--log', LOG, '--database', third.location);
    // Line 11: the row after the ten above it, one of which holds a line break in its text.
    expect(refused.stderr).toMatch(
      /^changed\.csv:11:2: column "leaf_hash": the row gives another event than the one exported/,
    );
    expect((await runCliIn(dir, 'log', 'show', '--database', third.location)).stderr).toMatch(/no log yet/);
    // And into the log it came from, it adds nothing.
    expect(await json('import', 'events.csv')).toMatchObject({ added: 0, duplicates: original.size });
  });
});
