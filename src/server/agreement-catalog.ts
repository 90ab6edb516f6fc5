import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatError, parseAgreement } from '../core/agreement/index.ts';
import type { Agreement } from '../core/agreement/types.ts';
import type { AgreementStatus, AgreementStore, AgreementVersion } from '../store/agreement-store.ts';
import { agreementChecker } from './agreement-checker.ts';
import { HttpProblem } from './problem.ts';

/** An agreement as the server publishes it: from a file of --agreements, or an uploaded version. */
export interface CatalogEntry {
  agreement: Agreement;
  origin: 'file' | 'upload';
  /** The stored version number; null for a file. */
  version: number | null;
  status: AgreementStatus;
  sha256: string;
}

/**
 * The agreements the server publishes: the files of --agreements, read once at start and
 * read-only, and the versions uploaded to the database, read from it on every call (several
 * servers may share one database, so nothing here can go stale).
 */
export interface AgreementCatalog {
  /** What stands for every id: the file, else the latest adopted version, else the latest proposal. */
  list(): Promise<CatalogEntry[]>;
  /** The agreement of `id` as `entry` finds it. */
  get(id: string, version?: number): Promise<Agreement | undefined>;
  /** What stands for `id` (as `list`), or its stored version `version`. */
  entry(id: string, version?: number): Promise<CatalogEntry | undefined>;
  /**
   * The text of `id` whose bytes have this SHA-256 (a file of --agreements or a stored version),
   * whatever stands for the id now: what a log that adopted that hash is judged against.
   */
  adopted(id: string, sha256: string): Promise<CatalogEntry | undefined>;
  /** Every id published, files first. */
  ids(): Promise<string[]>;
  /** True when `id` is a file of --agreements: it cannot be uploaded. */
  isFile(id: string): boolean;
  /** The uploaded versions, as stored. */
  readonly uploads: AgreementStore;
}

const AGREEMENT_FILE = /\.(ya?ml|json)$/i;

/**
 * The agreement files of `dir`, each checked (a file that does not check throws, naming it): by id,
 * every version a file holds, and the one served for the id (its highest version). Several files
 * may hold versions of one id (the text as signed, then as amended) when each states a distinct
 * whole-number `version`; otherwise an id is one file's.
 */
async function readAgreementFiles(
  dir: string,
): Promise<{ served: Map<string, CatalogEntry>; versions: Map<string, CatalogEntry[]> }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => AGREEMENT_FILE.test(n)).sort();
  } catch {
    throw new Error(`Cannot read the agreements folder ${dir}: check the path (--agreements).`);
  }
  const versions = new Map<string, { name: string; entry: CatalogEntry }[]>();
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    const text = bytes.toString('utf8');
    const result = parseAgreement(text, join(dir, name));
    if (!result.ok) {
      throw new Error(
        `The agreement file ${name} does not check; fix it or move it out of ${dir}:\n${result.errors.map(formatError).join('\n')}`,
      );
    }
    const agreement = result.agreement;
    const entry: CatalogEntry = {
      agreement,
      origin: 'file',
      version: null,
      status: agreement.kind === 'proposal' ? 'proposal' : 'adopted',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    const same = versions.get(agreement.id) ?? [];
    for (const other of same) {
      const a = other.entry.agreement.version;
      const b = agreement.version;
      if (typeof a !== 'number' || typeof b !== 'number' || a === b) {
        throw new Error(
          `The agreement files ${other.name} and ${name} in ${dir} both have the id "${agreement.id}": ids must be unique, unless each file is a version of the agreement with its own whole-number version (version: 1, version: 2).`,
        );
      }
    }
    versions.set(agreement.id, [...same, { name, entry }]);
  }
  const served = new Map<string, CatalogEntry>();
  for (const [id, list] of versions) {
    const latest = list.reduce((a, b) =>
      (b.entry.agreement.version as number) > (a.entry.agreement.version as number) ? b : a,
    );
    served.set(id, latest.entry);
  }
  return {
    served,
    versions: new Map([...versions].map(([id, list]) => [id, list.map((v) => v.entry)])),
  };
}

/** The file name an uploaded source is parsed under: its extension says YAML or JSON. */
export function sourceName(id: string, mediaType: string): string {
  return `${id}.${/json/.test(mediaType) ? 'json' : 'yaml'}`;
}

/**
 * Parsed uploads by media type and sha256. A stored version never changes, so an entry never goes
 * stale; the same object comes back for the same version, which lets the compliance evaluators
 * know their agreement is unchanged. Parsed on the checker's worker thread, as uploads are.
 * Bounded: the least recently used entry goes first.
 */
const PARSED_LIMIT = 256;
const parsed = new Map<string, Promise<Agreement>>();

async function parseStored(v: AgreementVersion): Promise<Agreement> {
  const result = await agreementChecker.check(v.source, sourceName(v.id, v.mediaType));
  if (!result.ok) {
    throw new HttpProblem(
      422,
      'agreement-stored-invalid',
      `Version ${v.version} of agreement "${v.id}" no longer checks under this server's agreement language (${result.errors[0]!.message}); upload a corrected version.`,
    );
  }
  return result.agreement;
}

/** The agreement of a stored version, parsed once while it stays in the cache. */
export function storedAgreement(v: AgreementVersion): Promise<Agreement> {
  const key = `${v.mediaType} ${v.sha256}`;
  let agreement = parsed.get(key);
  if (agreement) parsed.delete(key);
  else {
    const parsing = parseStored(v);
    // A failure is not kept: the next request tries again.
    parsing.catch(() => {
      if (parsed.get(key) === parsing) parsed.delete(key);
    });
    agreement = parsing;
  }
  parsed.set(key, agreement);
  if (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  return agreement;
}

async function uploadEntry(v: AgreementVersion): Promise<CatalogEntry> {
  return {
    agreement: await storedAgreement(v),
    origin: 'upload',
    version: v.version,
    status: v.status,
    sha256: v.sha256,
  };
}

/** The catalog over the files of `dir` (checked now: a file that does not check stops the server) and the store. */
export async function loadAgreementCatalog(dir: string, uploads: AgreementStore): Promise<AgreementCatalog> {
  const { served: files, versions } = await readAgreementFiles(dir);
  const entry = async (id: string, version?: number): Promise<CatalogEntry | undefined> => {
    if (version === undefined) {
      const file = files.get(id);
      if (file) return file;
      const current = await uploads.current(id);
      return current ? uploadEntry(current) : undefined;
    }
    const stored = await uploads.get(id, version);
    return stored ? uploadEntry(stored) : undefined;
  };
  return {
    uploads,
    entry,
    get: async (id, version) => (await entry(id, version))?.agreement,
    isFile: (id) => files.has(id),
    async adopted(id, sha256) {
      const file = versions.get(id)?.find((v) => v.sha256 === sha256);
      if (file) return file;
      const stored = await uploads.byHash(id, sha256);
      return stored ? uploadEntry(stored) : undefined;
    },
    async list() {
      const stored = (await uploads.currentOfEach()).filter((v) => !files.has(v.id));
      return [...files.values(), ...(await Promise.all(stored.map(uploadEntry)))];
    },
    async ids() {
      const stored = (await uploads.ids()).filter((id) => !files.has(id));
      return [...files.keys(), ...stored];
    },
  };
}
