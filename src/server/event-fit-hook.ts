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
 * The judge of `events` appended to a log: each against the agreement the log adopted, as this
 * server holds it by hash (the log's adoption, then any agreement.adopted among the events). The
 * texts are read here, before the append's transaction. A log that adopted none, or a text this
 * server does not hold (or no longer reads), gets the log's structural checks only.
 */
export async function fitHookOfLog(
  ctx: ServerContext,
  logId: string,
  events: readonly { event?: { kind?: unknown; body?: unknown } }[],
): Promise<FitHook> {
  const held = new Map<string, Agreement | undefined>();
  const key = (a: AdoptedText) => `${a.agreement} ${a.sha256}`;
  const read = async (adopted: AdoptedText) => {
    if (held.has(key(adopted))) return;
    try {
      held.set(key(adopted), (await ctx.catalog.adopted(adopted.agreement, adopted.sha256))?.agreement);
    } catch {
      held.set(key(adopted), undefined);
    }
  };
  const log = await ctx.store.requireLog(logId);
  const adoption = await latestAdoption(ctx.database, logId, log.size);
  if (adoption) await read(adoption);
  for (const e of events) {
    const body = e.event?.body as { agreement?: unknown; sha256?: unknown } | undefined;
    if (
      e.event?.kind === 'agreement.adopted' &&
      typeof body?.agreement === 'string' &&
      typeof body.sha256 === 'string'
    )
      await read({ agreement: body.agreement, sha256: body.sha256 });
  }
  const resolve = (adopted: AdoptedText) => held.get(key(adopted));
  const judge = new FitJudge(adoption ? resolve(adoption) : undefined, resolve);
  return (signed, view) => {
    const problem = judge.judge(signed.event, view);
    if (problem) throw fitProblem(problem);
  };
}
