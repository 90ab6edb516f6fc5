import { constants, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Crypto } from '../core/crypto/crypto.ts';
import { parseSignerKey, type Signer } from '../core/ledger/signed-note.ts';
import { Keyring } from './keyring.ts';

/** A private key file of truce keygen is one line of about 100 bytes. */
export const MAX_KEY_FILE_BYTES = 4096;
/** A folder with more files than this is not a key folder. */
export const MAX_KEY_FILES = 256;

/** Why a key folder could not be loaded: names the file and the fix, never a key. */
export class KeyringError extends Error {
  override name = 'KeyringError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');
const checksModes = process.platform !== 'win32';

/** Like ssh: a key file (or its folder) others may read or change is refused, not used. */
function checkOwnership(path: string, s: Stats, what: 'file' | 'folder'): void {
  if (!checksModes) return;
  const uid = process.getuid?.();
  if (uid !== undefined && s.uid !== uid && s.uid !== 0) {
    throw new KeyringError(
      'keys-not-owned',
      `The key ${what} ${path} belongs to another user (uid ${s.uid}); the server's user must own it.`,
    );
  }
  const tooOpen = what === 'file' ? s.mode & 0o077 : s.mode & 0o022;
  if (tooOpen) {
    const fix = what === 'file' ? `chmod 600 ${path}` : `chmod 700 ${path}`;
    throw new KeyringError(
      'keys-too-open',
      what === 'file'
        ? `Permissions ${octal(s.mode)} for the key file ${path} are too open: a private key must be readable by its owner only. Run ${fix}.`
        : `Permissions ${octal(s.mode)} for the key folder ${path} are too open: others could put a key in it. Run ${fix}.`,
    );
  }
}

async function readKeyFile(crypto: Crypto, path: string): Promise<Signer | undefined> {
  // Opened once, checked and read through the same handle: what is checked is what is read.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const s = await handle.stat();
    if (!s.isFile()) return undefined;
    checkOwnership(path, s, 'file');
    if (s.size > MAX_KEY_FILE_BYTES) {
      throw new KeyringError(
        'keys-file-too-large',
        `${path} is ${s.size} bytes; a private key file of truce keygen is one short line. Move other files out of the key folder.`,
      );
    }
    const text = (await handle.readFile('utf8')).replace(/\r?\n$/, '');
    if (text.includes('\n') || !text.startsWith('PRIVATE+KEY+')) {
      throw new KeyringError(
        'keys-not-a-key',
        `${path} is not a private key file (truce keygen NAME --out FILE writes them: one line PRIVATE+KEY+…). Move other files out of the key folder.`,
      );
    }
    try {
      return parseSignerKey(crypto, text);
    } catch (e) {
      // The parser's messages name the key at most, never its data.
      throw new KeyringError(
        'keys-not-a-key',
        `${path} holds no usable private key: ${(e as Error).message}`,
      );
    }
  } finally {
    await handle.close();
  }
}

/**
 * Loads every private key file in `dir` (files as truce keygen writes them; names starting with
 * "." are skipped). Refuses, naming the file, a folder or file others may read or write, a file
 * that is not a key, a file over 4 KiB, more than 256 files, and a folder with no key at all.
 */
export async function loadKeyring(crypto: Crypto, dir: string): Promise<Keyring> {
  let s: Stats;
  try {
    s = await stat(dir);
  } catch {
    throw new KeyringError(
      'keys-unreadable',
      `Cannot read the key folder ${dir}: it does not exist or is not readable.`,
    );
  }
  if (!s.isDirectory())
    throw new KeyringError('keys-unreadable', `${dir} is not a folder; --keys takes a folder of key files.`);
  checkOwnership(dir, s, 'folder');
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  if (names.length > MAX_KEY_FILES) {
    throw new KeyringError(
      'keys-too-many',
      `${dir} holds ${names.length} files; a key folder holds at most ${MAX_KEY_FILES}.`,
    );
  }
  const signers: Signer[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let signer: Signer | undefined;
    try {
      signer = await readKeyFile(crypto, path);
    } catch (e) {
      if (e instanceof KeyringError) throw e;
      throw new KeyringError(
        'keys-unreadable',
        `Cannot read the key file ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`,
      );
    }
    if (signer) signers.push(signer);
  }
  if (signers.length === 0) {
    throw new KeyringError(
      'keys-none',
      `${dir} holds no private key file; put the keys of truce keygen there (mode 600).`,
    );
  }
  return new Keyring(crypto, signers);
}
