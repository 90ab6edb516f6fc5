import type { AgreementError } from './agreement-error.ts';
import { checkContext } from './check-context.ts';
import { checkExchange } from './check-exchange.ts';
import { checkPhases } from './check-phases.ts';
import { checkPlaces } from './check-places.ts';
import { checkConditionCycles, checkProvision } from './check-provisions.ts';
import { checkReferences } from './check-references.ts';
import type { Locate } from './position-index.ts';
import type { Agreement } from './types.ts';

export interface CheckOptions {
  /** The file name put on every error. */
  file?: string;
  /** Finds the line and column of a path; without it, errors carry line 0 and column 0. */
  locate?: Locate;
}

export interface CheckResult {
  errors: AgreementError[];
  warnings: AgreementError[];
  /** What the reader should know, with nothing to fix: e.g. sources that state different figures. */
  info: AgreementError[];
}

/**
 * The rules of the agreement language that a schema cannot express: ids are unique and refer to
 * things that exist, with the right roles; phases start after the agreement and not in a circle;
 * the numbers of each exchange fit together; days fall within their phase; windows make sense.
 * Numbers that the agreement marks `uncertain` give warnings rather than errors.
 */
export function checkAgreement(agreement: Agreement, options: CheckOptions = {}): CheckResult {
  const ctx = checkContext(agreement);
  checkReferences(ctx);
  checkPlaces(ctx);
  checkPhases(ctx);
  agreement.provisions.forEach((p, i) => {
    const path = ['provisions', i];
    if (p.kind === 'exchange') checkExchange(ctx, p, path);
    checkProvision(ctx, p, path);
  });
  checkConditionCycles(ctx);
  const file = options.file ?? '(agreement)';
  const result: CheckResult = { errors: [], warnings: [], info: [] };
  for (const f of ctx.findings) {
    const { line, column } = options.locate ? options.locate(f.path) : { line: 0, column: 0 };
    const error: AgreementError = {
      code: f.code,
      message: f.message,
      file,
      line,
      column,
      path: f.path,
      ...(f.expected ? { expected: f.expected } : {}),
    };
    (f.info ? result.info : f.warning ? result.warnings : result.errors).push(error);
  }
  const order = (a: AgreementError, b: AgreementError) => a.line - b.line || a.column - b.column;
  result.errors.sort(order);
  result.warnings.sort(order);
  result.info.sort(order);
  return result;
}
