import { mkdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatVerifierKey, parseSignerKey, type Signer } from '../core/ledger/signed-note.ts';
import { nodeCrypto } from '../platform/node-crypto.ts';
import { type Database, isPostgresUrl, openDatabase } from '../store/database.ts';
import { LedgerStore } from '../store/ledger-store.ts';
import type { ParsedArgs } from './command.ts';
import { stringFlag } from './command.ts';
import { InputError, type Io, UsageError } from './io.ts';

export const DEFAULT_DATABASE = './data/truce.db';

export const databaseOption = {
  type: 'string',
  description: `SQLite file or postgres:// URL (default ${DEFAULT_DATABASE}, or TRUCE_DATABASE).`,
} as const;

/** Opens the database named by --database (or TRUCE_DATABASE), creating a SQLite file's folder. */
export async function openStore(
  args: ParsedArgs,
  io: Io,
): Promise<{ store: LedgerStore; database: Database }> {
  const location = stringFlag(args, 'database') ?? io.env.TRUCE_DATABASE ?? DEFAULT_DATABASE;
  const path = isPostgresUrl(location) ? location : resolve(io.cwd, location);
  if (!isPostgresUrl(path)) mkdirSync(dirname(path), { recursive: true });
  let database: Database;
  try {
    database = await openDatabase(path);
  } catch (e) {
    throw new InputError(
      'database-unavailable',
      `Cannot open the database ${isPostgresUrl(path) ? '(PostgreSQL)' : path}: ${(e as Error).message.replace(/postgres(ql)?:\/\/\S+/g, 'postgres://…')}`,
    );
  }
  return { store: new LedgerStore(database, nodeCrypto), database };
}

/** Reads a private key file (never printed); refuses files that are not one. */
export async function readSigner(io: Io, path: string | undefined, flag = 'key'): Promise<Signer> {
  if (!path) throw new UsageError(`--${flag} FILE is required: the private key file made by truce keygen.`);
  const file = resolve(io.cwd, path);
  try {
    const s = await stat(file);
    if (s.size > 4096) throw new InputError('key-malformed', `${path} is too large to be a key file.`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('key-not-found', `Cannot read the key file ${path}.`);
  }
  const text = (await readFile(file, 'utf8')).trim();
  try {
    return parseSignerKey(nodeCrypto, text);
  } catch (e) {
    throw new InputError('key-malformed', `${path}: ${(e as Error).message} (the key itself is not shown).`);
  }
}

/**
 * The private keys of a folder (one file per actor, as truce keygen writes them), by key name and
 * by file name without .key. Files that are not keys (a README, .pub files) are passed over; a
 * .key file that is not one is refused.
 */
export async function readKeyFolder(io: Io, dir: string): Promise<Map<string, Signer>> {
  const folder = resolve(io.cwd, dir);
  const names = await readdir(folder).catch(() => {
    throw new InputError('key-folder-not-found', `Cannot read the key folder ${dir}.`);
  });
  const keys = new Map<string, Signer>();
  for (const name of names.sort()) {
    const file = join(folder, name);
    const info = await stat(file);
    if (!info.isFile() || info.size > 4096) continue;
    let signer: Signer;
    try {
      signer = parseSignerKey(nodeCrypto, (await readFile(file, 'utf8')).trim());
    } catch (e) {
      if (!name.endsWith('.key')) continue;
      throw new InputError(
        'key-malformed',
        `${join(dir, name)}: ${(e as Error).message} (the key itself is not shown).`,
      );
    }
    for (const actor of new Set([signer.name, basename(name, '.key')])) {
      const other = keys.get(actor);
      if (other && formatVerifierKey(other) !== formatVerifierKey(signer))
        throw new InputError(
          'key-folder-ambiguous',
          `${dir} has two keys for the actor "${actor}"; keep one.`,
        );
      keys.set(actor, signer);
    }
  }
  return keys;
}

/** The --log flag, or the only log in the database. */
export async function chooseLog(store: LedgerStore, args: ParsedArgs): Promise<string> {
  const id = stringFlag(args, 'log');
  if (id) return (await store.requireLog(id)).id;
  const logs = await store.listLogs();
  if (logs.length === 1) return logs[0]!.id;
  throw new UsageError(
    logs.length === 0
      ? 'The database has no log yet: create one with truce log init.'
      : `Name the log with --log (one of: ${logs.map((l) => l.id).join(', ')}).`,
  );
}
