import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { toHex } from '../core/crypto/crypto.ts';
import { nodeCrypto } from '../platform/node-crypto.ts';
import { type ParsedArgs, stringFlag } from './command.ts';
import { InputError, type Io } from './io.ts';
import { MAX_AGREEMENT_BYTES } from './load-agreement.ts';

/** Where the commands look for the texts a log adopted when --agreements is not given, under the working folder. */
export const DEFAULT_AGREEMENTS_FOLDER = 'examples/agreements';

export const agreementsOption = {
  type: 'string',
  description: `The folder of agreement files to find the texts the log adopted in, each by its id and SHA-256, as truce serve --agreements does (default ${DEFAULT_AGREEMENTS_FOLDER} under the working folder).`,
} as const;

/** An agreement file of the folder: its name as shown, its path and its bytes. */
export interface FolderText {
  file: string;
  path: string;
  bytes: Buffer;
}

/** The agreement files of --agreements (or the default folder), by the SHA-256 of their bytes. */
export interface AgreementFolder {
  /** The folder as given, or the default: what the messages name. */
  shown: string;
  /** True when given with --agreements. */
  given: boolean;
  /** The folder's path. */
  path: string;
  byHash: Map<string, FolderText>;
}

const AGREEMENT_FILE = /\.(ya?ml|json)$/i;

/**
 * Reads the agreement files (.yaml, .yml, .json) of --agreements DIR, else of the default folder
 * under the working folder. A folder given that cannot be read is refused; the default folder
 * may be missing (then it holds nothing).
 */
export async function readAgreementFolder(args: ParsedArgs, io: Io): Promise<AgreementFolder> {
  const flag = stringFlag(args, 'agreements');
  const shown = flag ?? DEFAULT_AGREEMENTS_FOLDER;
  const path = resolve(io.cwd, shown);
  const byHash = new Map<string, FolderText>();
  let names: string[];
  try {
    names = (await readdir(path)).filter((n) => AGREEMENT_FILE.test(n)).sort();
  } catch {
    if (flag !== undefined)
      throw new InputError(
        'agreements-folder-not-found',
        `Cannot read the agreements folder ${flag}: check the path given with --agreements.`,
      );
    names = [];
  }
  for (const name of names) {
    const file = join(path, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() || info.size > MAX_AGREEMENT_BYTES) continue;
    const bytes = await readFile(file);
    const sha256 = toHex(nodeCrypto.sha256(bytes));
    if (!byHash.has(sha256)) byHash.set(sha256, { file: relative(io.cwd, file) || file, path: file, bytes });
  }
  return { shown, given: flag !== undefined, path, byHash };
}

/** A text a log adopted, as its agreement.adopted event names it. */
export interface AdoptedTextName {
  agreement: string;
  version?: number | string | undefined;
  sha256: string;
  /** The index of the adoption in the log, when known. */
  index?: number | undefined;
}

/** `agreement "X" version 2 (SHA-256 f6700fe756ea…)`: an adopted text, as a person can look for it. */
export function adoptedTextWords(t: AdoptedTextName): string {
  return `agreement "${t.agreement}"${t.version === undefined ? '' : ` version ${t.version}`} (SHA-256 ${t.sha256.slice(0, 12)}…)`;
}

/** Where a text was looked for: the folder, and whether it is the default. */
export function folderWords(folder: AgreementFolder): string {
  return folder.given
    ? `the agreements folder ${folder.shown}`
    : `${folder.shown} under the working folder (the default)`;
}

/** How to give the commands a text they did not find. */
export const SUPPLY_TEXT =
  'give the folder that holds it with --agreements DIR, or the file itself with --agreement FILE';
