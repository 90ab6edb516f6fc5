import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatError, parseAgreement } from '../core/agreement/index.ts';
import type { Agreement } from '../core/agreement/types.ts';

/** The agreement files the server publishes, parsed once when it starts. */
export interface AgreementCatalog {
  list(): Agreement[];
  get(id: string): Agreement | undefined;
}

const AGREEMENT_FILE = /\.(ya?ml|json)$/i;

/**
 * Reads and checks every agreement file of `dir` (YAML or JSON). A file that does not check, or
 * two files with the same id, stop the server from starting: the error names the file and line.
 */
export async function loadAgreementCatalog(dir: string): Promise<AgreementCatalog> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => AGREEMENT_FILE.test(n)).sort();
  } catch {
    throw new Error(`Cannot read the agreements folder ${dir}: check the path (--agreements).`);
  }
  const byId = new Map<string, Agreement>();
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    const result = parseAgreement(text, join(dir, name));
    if (!result.ok) {
      throw new Error(
        `The agreement file ${name} does not check; fix it or move it out of ${dir}:\n${result.errors.map(formatError).join('\n')}`,
      );
    }
    if (byId.has(result.agreement.id)) {
      throw new Error(
        `Two agreement files in ${dir} have the id "${result.agreement.id}"; ids must be unique.`,
      );
    }
    byId.set(result.agreement.id, result.agreement);
  }
  return { list: () => [...byId.values()], get: (id) => byId.get(id) };
}
