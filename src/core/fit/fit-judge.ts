import type { Agreement } from '../agreement/types.ts';
import type { EventEnvelope } from '../ledger/event.ts';
import { type FitView, fitEvent } from './event-fit.ts';
import type { FitProblem } from './fit-problem.ts';

/** The agreement.adopted body: the text a log adopts, by its id and SHA-256. */
export interface AdoptedText {
  agreement: string;
  sha256: string;
}

/**
 * The agreement of an adopted text, when the caller holds that text; undefined when it does not.
 * Synchronous: it is asked inside the append's transaction, where a caller must not wait on the
 * database (SQLite has one connection), so the caller reads what it may need beforehand.
 */
export type ResolveAdopted = (adopted: AdoptedText) => Agreement | undefined;

/**
 * Judges the events of one append, in order, each against the agreement its log had adopted just
 * before it: the log's adoption when the append starts, then the text each agreement.adopted of
 * the append names. Where no text is adopted (or the caller holds none for the adopted hash), only
 * the log's structural checks apply: undefined.
 */
export class FitJudge {
  #agreement: Agreement | undefined;
  readonly #resolve: ResolveAdopted;

  constructor(agreement: Agreement | undefined, resolve: ResolveAdopted) {
    this.#agreement = agreement;
    this.#resolve = resolve;
  }

  /** The agreement the next event is judged against, if any. */
  get agreement(): Agreement | undefined {
    return this.#agreement;
  }

  judge(event: EventEnvelope, view: FitView): FitProblem | undefined {
    if (event.kind === 'agreement.adopted') {
      const body = event.body as { agreement?: unknown; sha256?: unknown };
      this.#agreement = this.#resolve({
        agreement: String(body.agreement),
        sha256: String(body.sha256),
      });
      return undefined;
    }
    return this.#agreement ? fitEvent(this.#agreement, event, view) : undefined;
  }
}
