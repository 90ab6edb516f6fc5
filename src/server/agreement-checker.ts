import type { ParseResult } from '../core/agreement/index.ts';
import { sharedWorkPool, type WorkPool } from './work-pool.ts';

/**
 * Parses and checks agreement text on a worker thread of a WorkPool, so that text that is slow to
 * read (the YAML parser takes seconds on some 256 KiB documents) never stalls the server's other
 * requests. A document that takes longer than the check budget (5 s) is refused (422
 * `agreement-too-complex`) and its worker is replaced.
 */
export class AgreementChecker {
  readonly #pool: WorkPool;
  constructor(pool: WorkPool) {
    this.#pool = pool;
  }

  /** The ParseResult of `parseAgreement(text, file)`, computed off the main thread. */
  check(text: string, file: string): Promise<ParseResult> {
    return this.#pool.run<ParseResult>({ kind: 'check', text, file });
  }
}

/** The checker of the process's shared work pool (the catalog's stored uploads are read with it). */
export const agreementChecker = new AgreementChecker(sharedWorkPool);
