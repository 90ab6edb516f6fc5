import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadAgreementCatalog } from '../src/server/agreement-catalog.ts';
import { AgreementStore, sha256Hex } from '../src/store/agreement-store.ts';
import type { Database } from '../src/store/database.ts';
import { scratchDatabase } from './helpers/databases.ts';
import { V1, V2 } from './helpers/two-texts.ts';

/** The folder of agreement files `files` (name → text). */
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'truce-catalog-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('an agreements folder with several versions of one agreement', () => {
  let database: Database;
  const dirs: string[] = [];
  beforeAll(async () => {
    database = await scratchDatabase('sqlite');
  });
  afterAll(() => database?.close());
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  const catalogOf = async (files: Record<string, string>) => {
    const dir = await folder(files);
    dirs.push(dir);
    return loadAgreementCatalog(dir, new AgreementStore(database));
  };

  it('given a file per version, then the highest is served and each is found by its hash', async () => {
    const catalog = await catalogOf({ 'test-log.yaml': V2, 'test-log.v1.yaml': V1 });
    expect((await catalog.get('test-log'))?.version).toBe(2);
    expect((await catalog.adopted('test-log', sha256Hex(V1)))?.agreement.version).toBe(1);
    expect((await catalog.adopted('test-log', sha256Hex(V2)))?.agreement.version).toBe(2);
    expect(await catalog.ids()).toEqual(['test-log']);
    expect((await catalog.list()).map((e) => e.agreement.version)).toEqual([2]);
  });

  it('given two files of one id and one version, then the folder is refused, naming both', async () => {
    await expect(catalogOf({ 'a.yaml': V1, 'b.yaml': V1.replace('Test truce', 'Other') })).rejects.toThrow(
      /The agreement files a\.yaml and b\.yaml in .* both have the id "test-log": ids must be unique, unless each file is a version of the agreement with its own whole-number version/,
    );
  });
});
