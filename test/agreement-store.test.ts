import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgreementStore, type NewAgreementVersion } from '../src/store/agreement-store.ts';
import type { Database } from '../src/store/database.ts';
import { DIALECTS, scratchDatabase } from './helpers/databases.ts';
import { repoRoot } from './helpers/run-cli.ts';
import { runWorker } from './helpers/run-worker.ts';

const NOV = readFileSync(join(repoRoot, 'examples/agreements/nov-2023-pause.yaml'), 'utf8');
const JAN = readFileSync(join(repoRoot, 'examples/agreements/jan-2025-ceasefire.yaml'), 'utf8');
const worker = fileURLToPath(new URL('./workers/agreement-upload-worker.ts', import.meta.url));

const upload = (over: Partial<NewAgreementVersion> = {}): NewAgreementVersion => ({
  id: 'nov-2023-pause',
  source: NOV,
  mediaType: 'application/yaml',
  status: 'adopted',
  uploadedBy: { actor: 'med-1', role: 'mediator', log: 'test-log' },
  uploadedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

/** Runs the upload worker: COUNT distinct versions of `id`; the version numbers it was given. */
async function uploadInProcess(location: string, id: string, count: number, tag: string): Promise<number[]> {
  const lines = await runWorker(worker, [location, id, String(count), tag], `uploader ${tag}`);
  return lines.map(Number);
}

describe.each(DIALECTS)('agreement store on %s', (dialect) => {
  let database: Database;
  let store: AgreementStore;
  beforeEach(async () => {
    database = await scratchDatabase(dialect);
    store = new AgreementStore(database);
  });
  afterEach(async () => {
    await database.close();
  });

  it('numbers the versions of each id 1, 2, 3… and keeps each source exactly, with its SHA-256', async () => {
    const first = await store.add(upload());
    const second = await store.add(upload({ source: `${NOV}# amended\n`, status: 'proposal' }));
    const other = await store.add(upload({ id: 'jan-2025-ceasefire', source: JAN }));
    const third = await store.add(upload({ source: `\uFEFF${NOV}` }));
    expect([first, second, other, third].map((r) => [r.version.id, r.version.version, r.created])).toEqual([
      ['nov-2023-pause', 1, true],
      ['nov-2023-pause', 2, true],
      ['jan-2025-ceasefire', 1, true],
      ['nov-2023-pause', 3, true],
    ]);
    const stored = await store.get('nov-2023-pause', 1);
    expect(stored).toEqual({
      id: 'nov-2023-pause',
      version: 1,
      status: 'adopted',
      mediaType: 'application/yaml',
      sha256: createHash('sha256').update(NOV).digest('hex'),
      size: Buffer.byteLength(NOV),
      uploadedBy: { actor: 'med-1', role: 'mediator', log: 'test-log' },
      uploadedAt: '2026-01-01T00:00:00.000Z',
      source: NOV,
    });
    // Arabic and Hebrew text and a byte order mark come back byte for byte.
    const withBom = await store.get('nov-2023-pause', 3);
    expect(Buffer.from(withBom!.source, 'utf8')).toEqual(Buffer.from(`\uFEFF${NOV}`, 'utf8'));
    expect(withBom!.sha256).toBe(createHash('sha256').update(`\uFEFF${NOV}`).digest('hex'));
    expect(await store.get('nov-2023-pause', 4)).toBeUndefined();
    expect(await store.get('nope', 1)).toBeUndefined();
  });

  it('does not store the latest version again: same bytes and status give it back, uncreated', async () => {
    const first = await store.add(upload());
    const again = await store.add(upload({ uploadedAt: '2026-02-01T00:00:00.000Z' }));
    expect(again).toEqual({ version: first.version, created: false });
    // The same bytes as a proposal, or the same bytes as an older version, are new versions.
    expect((await store.add(upload({ status: 'proposal' }))).version.version).toBe(2);
    expect((await store.add(upload({ source: `${NOV}\n` }))).version.version).toBe(3);
    expect((await store.add(upload())).version.version).toBe(4);
    expect(await store.latestNumber('nov-2023-pause')).toBe(4);
  });

  it('stands for an id by its latest adopted version, else its latest proposal', async () => {
    expect(await store.current('nov-2023-pause')).toBeUndefined();
    await store.add(upload({ status: 'proposal' }));
    expect((await store.current('nov-2023-pause'))!.version).toBe(1);
    await store.add(upload({ source: `${NOV}# 2\n`, status: 'adopted' }));
    await store.add(upload({ source: `${NOV}# 3\n`, status: 'proposal' }));
    expect((await store.current('nov-2023-pause'))!.version).toBe(2);
    await store.add(upload({ id: 'jan-2025-ceasefire', source: JAN, status: 'proposal' }));
    const each = await store.currentOfEach();
    expect(each.map((v) => [v.id, v.version, v.status])).toEqual([
      ['jan-2025-ceasefire', 1, 'proposal'],
      ['nov-2023-pause', 2, 'adopted'],
    ]);
    expect(await store.ids()).toEqual(['jan-2025-ceasefire', 'nov-2023-pause']);
  });

  it('lists versions a page at a time, without their sources', async () => {
    for (let i = 0; i < 7; i++) await store.add(upload({ source: `${NOV}# ${i}\n` }));
    const page = await store.list('nov-2023-pause', 3, 2);
    expect(page.map((v) => v.version)).toEqual([3, 4]);
    expect(page[0]).not.toHaveProperty('source');
    expect((await store.list('nov-2023-pause', 6, 10)).map((v) => v.version)).toEqual([6, 7]);
    expect(await store.list('nov-2023-pause', 8, 10)).toEqual([]);
    expect(await store.list('nope', 1, 10)).toEqual([]);
    expect(await store.latestNumber('nope')).toBe(0);
  });

  it('refuses to change or delete a stored version, in the database itself', async () => {
    await store.add(upload());
    await expect(
      database.db.updateTable('truce_agreement_version').set({ source: 'id: forged\n' }).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(database.db.deleteFrom('truce_agreement_version').execute()).rejects.toThrow(/immutable/);
    // A version number is never given twice, even to a write that bypasses the store.
    await expect(
      sql`insert into truce_agreement_version
        (agreement_id, version, status, media_type, source, sha256, size, uploaded_by, uploaded_role, uploaded_at)
        values ('nov-2023-pause', 1, 'adopted', 'application/yaml', 'x', 'x', 1, 'a', 'operator', 'now')`.execute(
        database.db,
      ),
    ).rejects.toThrow();
    expect((await store.get('nov-2023-pause', 1))!.source).toBe(NOV);
  });

  it('gives concurrent uploads of one id distinct versions 1…n; concurrent identical uploads one version', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => store.add(upload({ source: `${NOV}# concurrent ${i}\n` }))),
    );
    expect(results.every((r) => r.created)).toBe(true);
    expect(results.map((r) => r.version.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    );
    const same = await Promise.all(Array.from({ length: 8 }, () => store.add(upload({ source: JAN }))));
    expect(same.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(same.map((r) => r.version.version))).toEqual(new Set([25]));
    expect(await store.latestNumber('nov-2023-pause')).toBe(25);
  });

  it('gives uploads from several processes at once distinct, gapless versions', async () => {
    const EACH = 15;
    const runs = await Promise.all(
      ['a', 'b', 'c', 'd'].map((tag) => uploadInProcess(database.location, 'shared-id', EACH, tag)),
    );
    for (const run of runs) {
      expect(run).toHaveLength(EACH);
      // Each process sees its own versions in increasing order.
      expect([...run].sort((a, b) => a - b)).toEqual(run);
    }
    expect(runs.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 4 * EACH }, (_, i) => i + 1));
    const stored = await store.list('shared-id', 1, 100);
    expect(stored.map((v) => v.version)).toEqual(Array.from({ length: 4 * EACH }, (_, i) => i + 1));
    const byUploader = new Map<string, number>();
    for (const v of stored) byUploader.set(v.uploadedBy.actor, (byUploader.get(v.uploadedBy.actor) ?? 0) + 1);
    expect(Object.fromEntries(byUploader)).toEqual({
      'uploader-a': EACH,
      'uploader-b': EACH,
      'uploader-c': EACH,
      'uploader-d': EACH,
    });
  }, 120_000);
});
