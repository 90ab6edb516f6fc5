import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseAgreement } from '../core/agreement/index.ts';
import type { Agreement } from '../core/agreement/types.ts';
import { toHex } from '../core/crypto/crypto.ts';
import { type AdoptedText, FitJudge } from '../core/fit/fit-judge.ts';
import { nodeCrypto } from '../platform/node-crypto.ts';
import { fitMessage } from '../server/event-fit-words.ts';
import { AgreementStore, type AgreementVersion } from '../store/agreement-store.ts';
import type { Database } from '../store/database.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import { latestAdoption } from '../store/log-adoption.ts';
import type { FitHook } from '../store/log-append.ts';
import { adoptedTextWords, folderWords, readAgreementFolder, SUPPLY_TEXT } from './agreement-folder.ts';
import { type ParsedArgs, stringFlag } from './command.ts';
import { InputError, type Io } from './io.ts';

export const agreementOption = {
  type: 'string',
  description:
    'The agreement text the log adopted, to check the events against (default: the file of --agreements with its id and hash, or the version stored in the database with that hash).',
} as const;

/** An event refused because it does not fit the log's adopted agreement; `position` when known. */
export class EventFitError extends InputError {
  readonly fit: { field: string; value: string | number; fits: (string | number)[] };
  constructor(code: string, message: string, fit: EventFitError['fit']) {
    super(code, message);
    this.fit = fit;
  }
}

/** The judge of one append from the command line, and what it judged against. */
export interface CliFit {
  hook: FitHook;
  /** The adopted text the last event was judged against, null where only structural checks applied. */
  checkedAgainst(): { agreement: string; sha256: string } | null;
}

/** How an append from the command line treats an adopted text it cannot find. */
export interface CliFitOptions {
  /**
   * Texts the events to append adopt (agreement id and hash), looked up in the database before
   * the append: the hook cannot wait on it inside the append's transaction.
   */
  adopting?: readonly AdoptedText[];
  /**
   * True to refuse an agreement.adopted among the events whose text is not found (the events
   * after it could not be checked against it), rather than check them structurally only.
   */
  refuseUnfound?: boolean;
}

/**
 * Finds the texts a log's agreement.adopted events name: the --agreement file, a file of the
 * --agreements folder (default examples/agreements under the working folder) with that id and
 * hash, or a version stored in the database with that hash. With --agreement, a log that adopted
 * another text is refused: the events would be judged against a text the log never adopted.
 */
export async function cliFit(
  args: ParsedArgs,
  io: Io,
  database: Database,
  store: LedgerStore,
  logId: string | undefined,
  options: CliFitOptions = {},
): Promise<CliFit> {
  const flag = stringFlag(args, 'agreement');
  let given: { sha256: string; text: string; file: string } | undefined;
  if (flag !== undefined) {
    const file = resolve(io.cwd, flag);
    const bytes = await readFile(file).catch(() => {
      throw new InputError('agreement-not-found', `Cannot read the agreement file ${flag}.`);
    });
    given = { sha256: toHex(nodeCrypto.sha256(bytes)), text: bytes.toString('utf8'), file: flag };
  }
  const folder = await readAgreementFolder(args, io);
  const parse = (text: string, name: string): Agreement | undefined => {
    const r = parseAgreement(text, name);
    return r.ok ? r.agreement : undefined;
  };
  // Read before the append's transaction: inside it, nothing may wait on the database.
  const log = logId === undefined ? undefined : await store.getLog(logId);
  const adoption = log ? await latestAdoption(database, log.id, log.size) : undefined;
  if (given && adoption && adoption.sha256 !== given.sha256)
    throw new InputError(
      'agreement-not-adopted',
      `${given.file} is not the text log "${logId}" adopted (its SHA-256 is ${given.sha256}; the log adopted ${adoption.sha256} at event ${adoption.index}): give that text with --agreement, or leave --agreement out.`,
    );
  const agreements = new AgreementStore(database);
  const stored = new Map<string, AgreementVersion>();
  for (const t of [...(adoption ? [adoption] : []), ...(options.adopting ?? [])]) {
    const v = await agreements.byHash(t.agreement, t.sha256);
    if (v) stored.set(`${v.id} ${v.sha256}`, v);
  }
  let current: AdoptedText | null = null;
  const found = (adopted: AdoptedText): Agreement | undefined => {
    if (given?.sha256 === adopted.sha256) return parse(given.text, given.file);
    const file = folder.byHash.get(adopted.sha256);
    const inFolder = file ? parse(file.bytes.toString('utf8'), file.file) : undefined;
    if (inFolder?.id === adopted.agreement) return inFolder;
    const version = stored.get(`${adopted.agreement} ${adopted.sha256}`);
    if (version) return parse(version.source, `${version.id}.yaml`);
    return undefined;
  };
  const resolveAdopted = (adopted: AdoptedText) => {
    const agreement = found(adopted);
    current = agreement ? adopted : null;
    return agreement;
  };
  const judge = new FitJudge(adoption ? resolveAdopted(adoption) : undefined, resolveAdopted);
  return {
    hook(signed, view) {
      const problem = judge.judge(signed.event, view);
      if (problem)
        throw new EventFitError(problem.code, fitMessage(problem), {
          field: problem.field,
          value: problem.value,
          fits: problem.fits,
        });
      if (options.refuseUnfound && signed.event.kind === 'agreement.adopted' && !judge.agreement) {
        const body = signed.event.body as { agreement: string; version?: number | string; sha256: string };
        throw new EventFitError(
          'agreement-text-not-found',
          `agreement.adopted: the text it adopts, ${adoptedTextWords(body)}, is not found: no agreement file in ${folderWords(folder)} has it, nor is it stored in the database, so what comes after it cannot be checked against it; ${SUPPLY_TEXT}.`,
          { field: 'body.sha256', value: body.sha256, fits: [] },
        );
      }
    },
    checkedAgainst: () => current,
  };
}
