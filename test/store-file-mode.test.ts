import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import { PersonsStore } from '../src/store/persons-store.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { seedFixtureLog } from './server-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'truce-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('the SQLite files', () => {
  it('are created readable by their owner only (0600): the database, its WAL and its shared memory, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const file = join(dir, 'truce.db');
      const database = await openDatabase(file);
      try {
        const { f } = await seedFixtureLog(database);
        await new PersonsStore(database, crypto).add(f.logId, { names: { en: 'Salma' } });
        for (const path of [file, `${file}-wal`, `${file}-shm`])
          expect([path, mode(path)]).toEqual([path, '600']);
      } finally {
        await database.close();
      }
    } finally {
      process.umask(previous);
    }
  });

  it('leaves the mode of a database that exists as its owner set it', async () => {
    const file = join(dir, 'shared.db');
    writeFileSync(file, '', { mode: 0o640 });
    const database = await openDatabase(file);
    await database.close();
    expect(mode(file)).toBe('640');
  });
});
