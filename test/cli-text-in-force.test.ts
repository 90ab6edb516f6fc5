import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import { runCliIn } from './helpers/run-cli.ts';
import { logOfTwoTexts, V1, V2 } from './helpers/two-texts.ts';

/**
 * `truce status` and `truce report` judge a moment against the text the log had adopted by then:
 * the default agreement file is the latest text; an earlier one is found beside it by its hash.
 */
describe('truce status: the text in force at --at', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truce-texts-'));
    await mkdir(join(dir, 'examples', 'agreements'), { recursive: true });
    await writeFile(join(dir, 'examples', 'agreements', 'test-log.yaml'), V2);
    await writeFile(join(dir, 'examples', 'agreements', 'test-log.v1.yaml'), V1);
    db = join(dir, 'truce.db');
    const database = await openDatabase(db);
    try {
      await logOfTwoTexts(database);
    } finally {
      await database.close();
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The daily report of 24 Nov 2023, before the second text was adopted. */
  const dayReport = (...extra: string[]) =>
    runCliIn(dir, 'report', '--log', 'test-log', '--database', db, '--date', '2023-11-24', ...extra);
  const firstDay = async (...extra: string[]) => {
    const r = await runCliIn(dir, 'status', '--log', 'test-log', '--database', db, '--json', ...extra);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      obligations: { obligation: string; required: number; status: string }[];
    };
    return {
      first: out.obligations.find((o) => o.obligation === 'aid/admit-aid/1/trucks')!,
      stderr: r.stderr,
    };
  };

  it('given a moment before the second text, then the first text (found beside the default file by its hash) judges it, with no warning', async () => {
    const { first, stderr } = await firstDay('--at', '2023-11-25T12:00:00+02:00');
    expect(first).toMatchObject({ required: 100, status: 'met' });
    expect(stderr).toBe('');
  });

  it('given a moment after it, then the second judges the whole record', async () => {
    const { first, stderr } = await firstDay('--at', '2023-11-27');
    expect(first).toMatchObject({ required: 200, status: 'partly-met' });
    expect(stderr).toBe('');
  });

  it('given --agreement, then that file judges, with a warning when it is not the text in force', async () => {
    const { first, stderr } = await firstDay(
      '--at',
      '2023-11-25T12:00:00+02:00',
      '--agreement',
      'examples/agreements/test-log.yaml',
    );
    expect(first).toMatchObject({ required: 200 });
    expect(stderr).toMatch(
      /^warning: examples\/agreements\/test-log\.yaml is not the agreement text this log had adopted by 2023-11-25T12:00:00\+02:00 \(its SHA-256 differs from [0-9a-f]{64}, adopted at event 5\); statuses follow examples\/agreements\/test-log\.yaml\.\n$/,
    );
  });

  it('the status and the report say which version of the text they are judged against', async () => {
    const head = async (at: string) =>
      (await runCliIn(dir, 'status', '--log', 'test-log', '--database', db, '--at', at)).stdout.split(
        '\n',
      )[0];
    expect(await head('2023-11-25')).toMatch(/, judged against version 1 of the text$/);
    expect(await head('2023-11-27')).toMatch(/, judged against version 2 of the text$/);
    const report = await dayReport('--lang', 'he');
    expect(report.stdout).toContain('לפי גרסה 1 של נוסח ההסכם');
  });

  it('the daily report of a day before the second text is judged by the first', async () => {
    const r = await dayReport('--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { obligations: { obligation: string; required: number }[] };
    expect(out.obligations.find((o) => o.obligation === 'aid/admit-aid/1/trucks')?.required).toBe(100);
  });
});
