import type { Agreement } from '../core/agreement/types.ts';
import { ComplianceError, createEvaluator } from '../core/compliance/index.ts';
import type { Evaluation } from '../core/compliance/types.ts';
import { addDays, isoInZone, localToEpoch } from '../core/time/zoned-time.ts';
import type { LedgerStore } from '../store/ledger-store.ts';
import type { Adoption } from '../store/log-adoption.ts';
import type { ServerContext } from './context.ts';
import { logAgreement } from './log-agreement.ts';
import { HttpProblem } from './problem.ts';

/** Events read from the store a page at a time. */
const PAGE = 5000;

/** A date-time with an offset, as `?at=` takes it. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** A calendar day, as `?date=` takes it. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The end of `date` (midnight after it) in the agreement's time zone, with its offset. */
export function endOfDay(date: string, agreement: Agreement): string {
  return isoInZone(localToEpoch(addDays(date, 1), '00:00', agreement.timeZone), agreement.timeZone);
}

type Evaluator = ReturnType<typeof createEvaluator>;

/**
 * One evaluator per log and store, fed the events appended since the last request: a log is
 * append-only and applying an event twice changes nothing, so each request reads only what is new.
 * A new adoption (another text, by hash) starts a new evaluator.
 */
type Cached = { evaluator: Evaluator; size: number; agreement: Agreement };
const evaluators = new WeakMap<LedgerStore, Map<string, Cached>>();

async function evaluatorOf(ctx: ServerContext, logId: string, agreement: Agreement): Promise<Evaluator> {
  const log = await ctx.store.requireLog(logId);
  const byLog = evaluators.get(ctx.store) ?? new Map<string, Cached>();
  evaluators.set(ctx.store, byLog);
  let cached = byLog.get(log.id);
  if (!cached || cached.agreement !== agreement) {
    cached = { evaluator: createEvaluator(agreement), size: 0, agreement };
    byLog.set(log.id, cached);
  }
  for (let from = cached.size; from < log.size; from += PAGE) {
    const to = Math.min(log.size, from + PAGE);
    for (const e of await ctx.store.entries(log.id, from, to))
      cached.evaluator.apply({ leafHash: e.leafHash, event: e.event });
    cached.size = Math.max(cached.size, to);
  }
  return cached.evaluator;
}

/**
 * The last evaluations of each log, by the moment they were asked for: the same log at the same
 * size judged against the same agreement at the same moment is the same evaluation. A reader
 * asking for "now" is answered to the second (see nowToTheSecond), so a busy public page costs one
 * evaluation a second, not one a request.
 */
const RECENT = 16;
type Remembered = { size: number; agreement: Agreement; at: string; evaluation: Evaluation };
const recent = new WeakMap<LedgerStore, Map<string, Remembered[]>>();

/** Now, to the second, as `?at=` takes it: the moment a status "as of now" is computed for. */
export function nowToTheSecond(now = Date.now()): string {
  return new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A log judged: the agreement it adopted (by hash), that adoption, and the evaluation. */
export interface LogJudgement {
  agreement: Agreement;
  adoption: Adoption;
  evaluation: Evaluation;
}

/** The log judged, as it stood at `asOf`, against the agreement it adopted (see log-agreement.ts). */
export async function evaluateLog(
  ctx: ServerContext,
  logId: string,
  asOf: (agreement: Agreement) => string,
): Promise<LogJudgement> {
  const log = await ctx.store.requireLog(logId);
  const { agreement, adoption } = await logAgreement(ctx, logId);
  const at = asOf(agreement);
  const byLog = recent.get(ctx.store) ?? new Map<string, Remembered[]>();
  recent.set(ctx.store, byLog);
  const seen = byLog.get(log.id) ?? [];
  const hit = seen.find((r) => r.size === log.size && r.agreement === agreement && r.at === at);
  if (hit) return { agreement, adoption, evaluation: hit.evaluation };
  const evaluator = await evaluatorOf(ctx, logId, agreement);
  let evaluation: Evaluation;
  try {
    evaluation = evaluator.result(at);
  } catch (e) {
    if (e instanceof ComplianceError) throw new HttpProblem(422, e.code, e.message);
    throw e;
  }
  // The evaluator may have read past `log.size` (appends meanwhile): remember only what is exact.
  if (evaluatedSize(ctx, log.id) === log.size) {
    byLog.set(log.id, [{ size: log.size, agreement, at, evaluation }, ...seen].slice(0, RECENT));
  }
  return { agreement, adoption, evaluation };
}

/** The log judged at `at` or, without it, now to the second: what `/status` and the status exports answer. */
export function evaluateLogAt(
  ctx: ServerContext,
  logId: string,
  at: string | undefined,
): Promise<LogJudgement> {
  return evaluateLog(ctx, logId, () => at ?? nowToTheSecond());
}

function evaluatedSize(ctx: ServerContext, logId: string): number | undefined {
  return evaluators.get(ctx.store)?.get(logId)?.size;
}
