import { planAgreement, sliceDays } from '../../core/plan/plan-agreement.ts';
import { planInWords } from '../../core/plan/plan-in-words.ts';
import type { ServerContext } from '../context.ts';
import { LangQuery, languageHeaders } from '../lang-query.ts';
import { logAgreement } from '../log-agreement.ts';
import { dayBound, PlanQuery, planOptionsOf } from '../plan-query.ts';
import { readerLang } from '../reader-lang.ts';
import { defineRoute } from '../route.ts';
import { LogParams, PlanResponse } from '../schemas.ts';

/** GET /api/logs/:id/plan: the plan of the agreement text the log adopted, by hash. */
export const logPlanRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/plan',
    operationId: 'planOfLog',
    tag: 'compliance',
    access: 'public',
    summary: 'The plan of the agreement the log adopted, day by day, with what-ifs (as its status judges it)',
    description:
      "The text is the one the log's latest agreement.adopted event names by SHA-256 (see `adopted` in " +
      'GET /api/logs/{id}), whatever version the catalog serves under that id; the query is that of ' +
      'GET /api/agreements/{id}/plan.',
    params: LogParams,
    query: PlanQuery.extend(LangQuery),
    responses: { 200: { description: 'The plan.', schema: PlanResponse } },
    problems: [404, 409, 422],
    async handler({ params, query, reply, request }) {
      const { agreement } = await logAgreement(ctx, params.id);
      reply.header('cache-control', 'no-cache');
      const lang = readerLang(request, query);
      languageHeaders(reply, lang);
      const plan = sliceDays(
        planAgreement(agreement, planOptionsOf(query)),
        dayBound(query.from),
        dayBound(query.to),
      );
      return planInWords(plan, agreement, lang);
    },
  }),
];
