import type { ServerContext } from '../context.ts';
import { LangQuery, languageHeaders } from '../lang-query.ts';
import { logAgreement } from '../log-agreement.ts';
import { dayBound, PlanQuery, planOptionsOf } from '../plan-query.ts';
import { readerLang } from '../reader-lang.ts';
import { defineRoute } from '../route.ts';
import { LogParams, PlanResponse } from '../schemas.ts';
import { asksMore, byLang, plainPlans, remembered, sendJson } from './plan.ts';

/** GET /api/logs/:id/plan: the plan of the agreement text the log adopted, by hash. */
export const logPlanRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/plan',
    operationId: 'planOfLog',
    tag: 'compliance',
    access: 'public',
    // As GET /api/agreements/{id}/plan: a what-if or a span of days is costly, the plan as adopted is computed once.
    heavy: (query) => asksMore(query, ['lang']),
    summary: 'The plan of the agreement the log adopted, day by day, with what-ifs (as its status judges it)',
    description:
      "The text is the one the log's latest agreement.adopted event names by SHA-256 (see `adopted` in " +
      'GET /api/logs/{id}), whatever version the catalog serves under that id; the query is that of ' +
      'GET /api/agreements/{id}/plan.',
    params: LogParams,
    query: PlanQuery.extend(LangQuery),
    responses: { 200: { description: 'The plan.', schema: PlanResponse } },
    problems: [404, 409, 422, 503],
    async handler({ params, query, reply, request }) {
      const { agreement } = await logAgreement(ctx, params.id);
      reply.header('cache-control', 'no-cache');
      const lang = readerLang(request, query);
      languageHeaders(reply, lang);
      // On a worker of the pool, within the plan's time budget: the worst allowed plan took the
      // event loop for seconds here, and no request was answered meanwhile.
      const task = {
        kind: 'plan' as const,
        agreement,
        options: planOptionsOf(query),
        from: dayBound(query.from),
        to: dayBound(query.to),
        lang,
      };
      const run = () => ctx.work.run<Uint8Array>(task);
      return sendJson(
        reply,
        await (asksMore(query, ['lang']) ? run() : remembered(byLang(plainPlans, agreement), lang, run)),
      );
    },
  }),
];
