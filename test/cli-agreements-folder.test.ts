import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/store/agreement-store.ts';
import { runCliIn } from './helpers/run-cli.ts';
import { V1, V2 } from './helpers/two-texts.ts';

/**
 * Which agreement text a log is judged by does not depend on the working folder: status, report,
 * record and import find the texts the log adopted in --agreements DIR (by id and hash, as truce
 * serve does), and say which text they could not find, where they looked and how to give it.
 */
describe('truce status, report, record and import --agreements DIR', () => {
  let dir: string;
  const db = () => join(dir, 'truce.db');
  const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', db());
  const size = async () => JSON.parse((await truce('log', 'show', '--json')).stdout).size as number;
  const V2_SHA = sha256Hex(V2);
  const header = 'id,kind,occurred_at,actor,agreement,version,sha256,provision,date,quantity,unit\n';
  const adoptV2 = `adopt-v2,agreement.adopted,2023-11-26T12:00:00+02:00,operator,test-log,2,${V2_SHA},,,,\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truce-agreements-'));
    // The texts are kept away from the working folder: nothing is under examples/agreements.
    await mkdir(join(dir, 'texts'));
    await writeFile(join(dir, 'texts', 'test-log.v1.yaml'), V1);
    await writeFile(join(dir, 'texts', 'test-log.yaml'), V2);
    expect((await runCliIn(dir, 'keygen', 'operator', '--out', 'keys/operator.key')).status).toBe(0);
    const init = await truce(
      ...['log', 'init', join(dir, 'texts', 'test-log.v1.yaml'), '--key', 'keys/operator.key'],
      ...['--occurred-at', '2023-11-24T06:00:00+02:00'],
    );
    expect(init.status, init.stderr).toBe(0);
    const key = JSON.parse(
      (await runCliIn(dir, 'keygen', 'monitor', '--out', 'keys/monitor.key', '--json')).stdout,
    ).verifierKey as string;
    const registered = await truce(
      ...[
        'record',
        'actor.registered',
        '--key',
        'keys/operator.key',
        '--occurred-at',
        '2023-11-24T06:00:00+02:00',
      ],
      ...[
        '--field',
        'actor=monitor',
        '--field',
        'name=Monitor',
        '--field',
        'role=monitor',
        '--field',
        `key=${key}`,
      ],
    );
    expect(registered.status, registered.stderr).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('status without the text at hand says which text the log adopted, where it looked and how to give it, with no file position', async () => {
    const r = await truce('status', '--log', 'test-log', '--at', '2023-11-25');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `Log "test-log" adopted agreement "test-log" version 1 (SHA-256 ${sha256Hex(V1).slice(0, 12)}…) at event 1, and no agreement file in examples/agreements under the working folder (the default) has that text: give the folder that holds it with --agreements DIR, or the file itself with --agreement FILE.\n`,
    );
    const report = await truce(
      'report',
      '--log',
      'test-log',
      '--date',
      '2023-11-25',
      '--agreements',
      'nowhere',
    );
    expect(report.status).toBe(1);
    expect(report.stderr).toBe(
      'Cannot read the agreements folder nowhere: check the path given with --agreements.\n',
    );
  });

  it('status and report find the adopted text in --agreements by its hash', async () => {
    const r = await truce('status', '--log', 'test-log', '--at', '2023-11-25', '--agreements', 'texts');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/, judged against version 1 of the text$/);
    const report = await truce(
      ...['report', '--log', 'test-log', '--date', '2023-11-25', '--agreements', 'texts', '--json'],
    );
    expect(report.status, report.stderr).toBe(0);
  });

  it('record checks the event against the text found in --agreements, and says so', async () => {
    const r = await truce(
      ...['record', 'statement', '--key', 'keys/monitor.key', '--field', 'text=Quiet day'],
      ...['--occurred-at', '2023-11-24T10:00:00+02:00', '--agreements', 'texts'],
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\nchecked against agreement test-log \(SHA-256 [0-9a-f]{12}…\)\n$/);
    const without = await truce(
      ...['record', 'statement', '--key', 'keys/monitor.key', '--field', 'text=Another quiet day'],
      ...['--occurred-at', '2023-11-24T11:00:00+02:00'],
    );
    expect(without.stdout).toMatch(/structural checks only: .*--agreements DIR/);
  });

  it('import refuses rows after an adoption whose text it cannot find, at the adoption row, importing nothing', async () => {
    await writeFile(
      join(dir, 'rows.csv'),
      `${header}${adoptV2}aid-x,aid.delivered,2023-11-26T18:00:00+02:00,monitor,,,,no-such-provision,2023-11-26,50,truck\n`,
    );
    const before = await size();
    const r = await truce('import', 'rows.csv', '--keys', 'keys');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `rows.csv:2:7: column "sha256": agreement.adopted: the text it adopts, agreement "test-log" version 2 (SHA-256 ${V2_SHA.slice(0, 12)}…), is not found: no agreement file in examples/agreements under the working folder (the default) has it, nor is it stored in the database, so what comes after it cannot be checked against it; give the folder that holds it with --agreements DIR, or the file itself with --agreement FILE. Nothing was imported.\n`,
    );
    expect(await size()).toBe(before);
    // With the folder that holds it, the rows after it are checked against it.
    const checked = await truce('import', 'rows.csv', '--keys', 'keys', '--agreements', 'texts');
    expect(checked.status).toBe(1);
    expect(checked.stderr).toBe(
      'rows.csv:3:8: column "provision": aid.delivered: provision "no-such-provision" is not in the agreement; aid provisions: aid. Nothing was imported.\n',
    );
    expect(await size()).toBe(before);
  });

  it('import adopts a text found in --agreements, and status then judges by it', async () => {
    await writeFile(
      join(dir, 'good.csv'),
      `${header}${adoptV2}aid-1,aid.delivered,2023-11-26T18:00:00+02:00,monitor,,,,aid,2023-11-26,150,truck\n`,
    );
    const r = await truce('import', 'good.csv', '--keys', 'keys', '--agreements', 'texts', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 2 });
    const status = await truce('status', '--log', 'test-log', '--at', '2023-11-27', '--agreements', 'texts');
    expect(status.stdout.split('\n')[0]).toMatch(/, judged against version 2 of the text$/);
    // A moment before the second text is judged by the first, found beside it by its hash.
    const earlier = await truce('status', '--log', 'test-log', '--at', '2023-11-25', '--agreements', 'texts');
    expect(earlier.stdout.split('\n')[0]).toMatch(/, judged against version 1 of the text$/);
  });

  it("an export's signed rows import as recorded where the texts they adopt are not at hand, as an export folder does", async () => {
    expect((await truce('export', '--csv', 'events.csv')).status).toBe(0);
    const other = join(dir, 'other.db');
    const r = await runCliIn(dir, 'import', 'events.csv', '--log', 'test-log', '--database', other, '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ added: await size() });
  });
});
