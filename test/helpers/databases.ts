import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/store/database.ts';

/** The PostgreSQL server the storage tests use: a scratch database is created on it per test. */
export const POSTGRES_ADMIN_URL =
  process.env.TRUCE_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DialectName = 'sqlite' | 'postgres';
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

/** A fresh, empty database location of the dialect, and a way to remove it afterwards. */
export async function scratchLocation(
  dialect: DialectName,
): Promise<{ location: string; remove(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'truce-test-'));
    return {
      location: join(dir, 'truce.db'),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `truce_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `Storage tests need PostgreSQL at ${POSTGRES_ADMIN_URL} (set TRUCE_TEST_POSTGRES to another URL): ${(e as Error).message}`,
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    remove: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Opens a fresh migrated database of the dialect; `close` also removes it. */
export async function scratchDatabase(dialect: DialectName): Promise<Database & { location: string }> {
  const scratch = await scratchLocation(dialect);
  const database = await openDatabase(scratch.location);
  return {
    ...database,
    location: scratch.location,
    close: async () => {
      await database.close();
      await scratch.remove();
    },
  };
}
