import type { Agreement } from '../core/agreement/types.ts';
import { type AdoptedText, FitJudge } from '../core/fit/fit-judge.ts';
import type { FitProblem } from '../core/fit/fit-problem.ts';
import { latestAdoption } from '../store/log-adoption.ts';
import type { FitHook } from '../store/log-append.ts';
import type { ServerContext } from './context.ts';
import { fitMessage } from './event-fit-words.ts';
import { HttpProblem } from './problem.ts';

/** An event that does not fit the log's adopted agreement, as the API answers it (422). */
export function fitProblem(p: FitProblem): HttpProblem {
  const problem = new HttpProblem(422, p.code, fitMessage(p));
  problem.fit = { field: p.field, value: p.value, fits: p.fits };
  return problem;
}

/**
 * The judge of the events appended to a log: each against the agreement the log adopted, as this
 * server holds it by hash. A log that adopted none, or a text this server does not hold (or no
 * longer reads), gets the log's structural checks only.
 */
export async function fitHookOfLog(ctx: ServerContext, logId: string): Promise<FitHook> {
  const resolve = async (adopted: AdoptedText): Promise<Agreement | undefined> => {
    try {
      return (await ctx.catalog.adopted(adopted.agreement, adopted.sha256))?.agreement;
    } catch {
      return undefined;
    }
  };
  const log = await ctx.store.requireLog(logId);
  const adoption = await latestAdoption(ctx.database, logId, log.size);
  const judge = new FitJudge(adoption ? await resolve(adoption) : undefined, resolve);
  return async (signed, view) => {
    const problem = await judge.judge(signed.event, view);
    if (problem) throw fitProblem(problem);
  };
}
