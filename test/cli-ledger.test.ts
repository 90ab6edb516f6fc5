import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../src/core/ledger/canonical-json.ts';
import { verifyProofBundle } from '../src/core/ledger/proof-bundle.ts';
import { formatVerifierKey, parseSignerKey, parseVerifierKey } from '../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';
import { repoRoot, runCliIn } from './helpers/run-cli.ts';

const NOV = join(repoRoot, 'examples/agreements/nov-2023-pause.yaml');

/** When the log and its actors' keys are in force: before the events the tests record (a key is valid from its registration's occurredAt). */
const SETUP = '2023-11-22T12:00:00+02:00';

describe.each(DIALECTS)('the ledger from the command line, on %s', (dialect) => {
  let dir: string;
  let db: string;
  let remove: () => Promise<void>;
  const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', db);
  const json = async (...args: string[]) => {
    const r = await truce(...args, '--json');
    expect(r.stderr.replace(/private key written to \S+\n/, '')).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-cli-'));
    const scratch = await scratchLocation(dialect);
    db = dialect === 'sqlite' ? join(dir, 'data', 'truce.db') : scratch.location;
    remove = scratch.remove;
    for (const name of ['operator', 'monitor', 'party-a']) {
      expect((await runCliIn(dir, 'keygen', name, '--out', `keys/${name}.key`)).status).toBe(0);
    }
    expect(
      (await truce('log', 'init', NOV, '--key', 'keys/operator.key', '--occurred-at', SETUP)).status,
    ).toBe(0);
    for (const [actor, role] of [
      ['monitor', 'monitor'],
      ['party-a', 'party'],
    ]) {
      const signer = parseSignerKey(nodeCrypto, readFileSync(join(dir, `keys/${actor}.key`), 'utf8').trim());
      const r = await truce(
        'record',
        'actor.registered',
        '--key',
        'keys/operator.key',
        '--occurred-at',
        SETUP,
        '--field',
        `actor=${actor}`,
        '--field',
        `name=${actor}`,
        '--field',
        `role=${role}`,
        '--field',
        `key=${formatVerifierKey(signer)}`,
        ...(role === 'party' ? ['--field', 'party=hamas'] : []),
      );
      expect(r.stderr).toBe('');
    }
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await remove();
  });

  it('keygen keeps the private key in a 600 file and never prints it', async () => {
    const key = readFileSync(join(dir, 'keys/monitor.key'), 'utf8');
    expect(statSync(join(dir, 'keys/monitor.key')).mode & 0o777).toBe(0o600);
    const r = await runCliIn(dir, 'keygen', 'again', '--out', 'keys/again.key', '--json');
    expect(r.stdout).not.toContain('PRIVATE');
    expect(JSON.parse(r.stdout).verifierKey).toMatch(/^again\+/);
    expect((await runCliIn(dir, 'keygen', 'monitor', '--out', 'keys/monitor.key')).status).toBe(1);
    expect(readFileSync(join(dir, 'keys/monitor.key'), 'utf8')).toBe(key);
  });

  it('records signed events with their source and note, and gives an offline receipt anyone can check', async () => {
    const rec = await json(
      'record',
      'aid.delivered',
      '--key',
      'keys/monitor.key',
      '--field',
      'date=2023-11-25',
      '--field',
      'quantity=50',
      '--field',
      'unit=truck',
      '--field',
      'destination=north',
      '--source',
      'COGAT',
      '--note',
      'Count at the crossing, before inspection.',
      '--occurred-at',
      '2023-11-25T20:00:00+02:00',
    );
    expect(rec).toMatchObject({ index: 4, duplicate: false });
    await json('log', 'checkpoint', '--key', 'keys/operator.key');
    const shown = await json('log', 'show');
    expect(shown.events[4]).toMatchObject({
      event: {
        kind: 'aid.delivered',
        source: { name: 'COGAT' },
        note: 'Count at the crossing, before inspection.',
        body: { quantity: 50 },
      },
    });
    const proof = await json('log', 'proof', '4');
    const logKey = parseVerifierKey(nodeCrypto, shown.events[0].event.body.key);
    const ok = verifyProofBundle(nodeCrypto, proof.proof, canonicalBytes(proof.event), logKey, shown.origin);
    expect(ok.index).toBe(4);
    expect(() =>
      verifyProofBundle(
        nodeCrypto,
        proof.proof,
        canonicalBytes({ ...proof.event, signature: { ...proof.event.signature, sig: 'AAAA' } }),
        logKey,
        shown.origin,
      ),
    ).toThrow();
    expect((await json('verify')).ok).toBe(true);
    expect((await json('fsck')).ok).toBe(true);
  });

  it('refuses with a clear error and stores nothing: a wrong actor key, an unknown kind, a stale size', async () => {
    const before = (await json('log', 'show')).size;
    const wrong = await truce(
      'record',
      'statement',
      '--key',
      'keys/monitor.key',
      '--actor',
      'party-a',
      '--field',
      'text=hi',
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/signed with key monitor\+[0-9a-f]{8}, not with .* of actor "party-a"/);
    expect((await truce('record', 'nonsense', '--key', 'keys/monitor.key')).status).toBe(2);
    const stale = await truce(
      'record',
      'statement',
      '--key',
      'keys/monitor.key',
      '--field',
      'text=hi',
      '--expected-size',
      '2',
    );
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/not the 2 expected/);
    expect((await json('log', 'show')).size).toBe(before);
    for (const r of [wrong, stale]) expect(r.stderr).not.toContain('PRIVATE');
  });

  it('exports a log that verifies with no database, and imports it into another', async () => {
    await truce('record', 'statement', '--key', 'keys/party-a.key', '--field', 'text=Batch 1 is ready.');
    await truce('log', 'checkpoint', '--key', 'keys/operator.key');
    expect((await json('export', '--out', 'exp')).size).toBe(5);
    const v = await runCliIn(dir, 'verify', '--export', 'exp', '--json');
    expect(JSON.parse(v.stdout).ok).toBe(true);
    const other = join(dir, 'other.db');
    const imported = JSON.parse((await runCliIn(dir, 'import', 'exp', '--database', other, '--json')).stdout);
    expect(imported).toMatchObject({ added: 5, duplicates: 0 });
    expect(JSON.parse((await runCliIn(dir, 'verify', '--database', other, '--json')).stdout).ok).toBe(true);
    // A changed export is refused before anything is imported.
    const events = readFileSync(join(dir, 'exp/events.jsonl'), 'utf8');
    writeFileSync(join(dir, 'exp/events.jsonl'), events.replace('Batch 1 is ready.', 'Batch 1 is ready!'));
    const bad = await runCliIn(dir, 'verify', '--export', 'exp');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/entry 4: The signature of actor "party-a" on this event is not valid/);
    const third = join(dir, 'third.db');
    expect((await runCliIn(dir, 'import', 'exp', '--database', third)).status).toBe(1);
  });

  it('refuses identical CSV rows instead of keeping one, and Latin-1 text instead of replacing it', async () => {
    const before = (await json('log', 'show')).size;
    const row = 'aid.delivered,2023-11-25T23:00:00+02:00,2023-11-25,50,truck,north,COGAT\r\n';
    writeFileSync(
      join(dir, 'twice.csv'),
      `kind,occurred_at,date,quantity,unit,destination,source\r\n${row}${row.replace(',north,', ', north ,')}`,
    );
    const twice = await truce('import', 'twice.csv', '--key', 'keys/monitor.key');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/twice\.csv:3:1: the same event as line 2, which the log would keep once/);
    // "Zoé" in Latin-1: one byte 0xE9 where UTF-8 has two.
    writeFileSync(
      join(dir, 'latin1.csv'),
      Buffer.from('kind,occurred_at,text\nstatement,2023-11-25T23:00:00+02:00,Zoé said\n', 'latin1'),
    );
    const latin1 = await truce('import', 'latin1.csv', '--key', 'keys/monitor.key');
    expect(latin1.status).toBe(1);
    expect(latin1.stderr).toMatch(/latin1\.csv:2:39: byte 0xE9 is not UTF-8 text/);
    writeFileSync(join(dir, 'latin1.jsonl'), Buffer.from('{"text":"Zoé"}\n', 'latin1'));
    const jsonl = await truce('import', 'latin1.jsonl');
    expect(jsonl.status).toBe(1);
    expect(jsonl.stderr).toMatch(/latin1\.jsonl:1:12: byte 0xE9/);
    expect((await json('log', 'show')).size).toBe(before);
  });

  it('imports a monitor’s CSV, signing each row and keeping its source; a bad row imports nothing', async () => {
    writeFileSync(
      join(dir, 'aid.csv'),
      'kind,occurred_at,date,quantity,unit,destination,source,source_method\r\n' +
        'aid.delivered,2023-11-25T23:00:00+02:00,2023-11-25,65,truck,north,Hamas media office,trucks reaching the north\r\n' +
        'aid.delivered,2023-11-25T23:00:00+02:00,2023-11-25,50,truck,north,COGAT,trucks entering\r\n',
    );
    const r = await json('import', 'aid.csv', '--key', 'keys/monitor.key');
    expect(r).toMatchObject({ added: 2 });
    const shown = await json('log', 'show');
    expect(
      shown.events
        .slice(-2)
        .map((e: { event: { source: { name: string }; actor: string } }) => [
          e.event.actor,
          e.event.source.name,
        ]),
    ).toEqual([
      ['monitor', 'Hamas media office'],
      ['monitor', 'COGAT'],
    ]);
    writeFileSync(
      join(dir, 'bad.csv'),
      'kind,occurred_at,date,quantity,unit\naid.delivered,2023-11-26T10:00:00+02:00,2023-11-26,5,truck\naid.delivered,2023-11-26T10:00:00+02:00,2023-11-26,many,truck\n',
    );
    const bad = await truce('import', 'bad.csv', '--key', 'keys/monitor.key');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /bad\.csv:3:4: column "quantity": "many" is not a number.*Nothing was imported/,
    );
    expect((await json('log', 'show')).size).toBe(shown.size);
    const csv = await truce('export', '--csv', 'events.csv');
    expect(csv.status).toBe(0);
    expect(readFileSync(join(dir, 'events.csv'), 'utf8').split('\r\n')[0]).toMatch(
      /^index,leaf_hash,id,kind,occurred_at,recorded_at,actor,body_actor,name,role,party,key,.*,refs,source,source_method,source_url,signature_key,signature$/,
    );
  });
});
