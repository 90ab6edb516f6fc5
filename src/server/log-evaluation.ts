import type { Agreement } from '../core/agreement/types.ts';
import { ComplianceError, evaluate } from '../core/compliance/index.ts';
import type { Evaluation, LoggedEvent } from '../core/compliance/types.ts';
import { addDays, isoInZone, localToEpoch } from '../core/time/zoned-time.ts';
import type { ServerContext } from './context.ts';
import { HttpProblem } from './problem.ts';

/** Events read from the store a page at a time. */
const PAGE = 5000;

/** A date-time with an offset, as `?at=` takes it. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** A calendar day, as `?date=` takes it. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The published agreement a log follows: the one whose id is the log's id, as `truce status --log` reads it. */
export function agreementOfLog(ctx: ServerContext, logId: string): Agreement {
  const agreement = ctx.catalog.get(logId);
  if (!agreement) {
    throw new HttpProblem(
      404,
      'agreement-not-found',
      `No published agreement has the id "${logId}", so log "${logId}" cannot be judged; publish its agreement file with truce serve --agreements DIR.`,
    );
  }
  return agreement;
}

/** Every event of the log, in order. */
export async function loggedEvents(ctx: ServerContext, logId: string): Promise<LoggedEvent[]> {
  const log = await ctx.store.requireLog(logId);
  const events: LoggedEvent[] = [];
  for (let from = 0; from < log.size; from += PAGE)
    for (const e of await ctx.store.entries(log.id, from, Math.min(log.size, from + PAGE)))
      events.push({ leafHash: e.leafHash, event: e.event });
  return events;
}

/** The end of `date` (midnight after it) in the agreement's time zone, with its offset. */
export function endOfDay(date: string, agreement: Agreement): string {
  return isoInZone(localToEpoch(addDays(date, 1), '00:00', agreement.timeZone), agreement.timeZone);
}

/** The log judged against its agreement as it stood at `asOf`. */
export async function evaluateLog(
  ctx: ServerContext,
  logId: string,
  asOf: (agreement: Agreement) => string,
): Promise<{ agreement: Agreement; evaluation: Evaluation }> {
  const events = await loggedEvents(ctx, logId);
  const agreement = agreementOfLog(ctx, logId);
  try {
    return { agreement, evaluation: evaluate(agreement, events, asOf(agreement)) };
  } catch (e) {
    if (e instanceof ComplianceError) throw new HttpProblem(422, e.code, e.message);
    throw e;
  }
}
