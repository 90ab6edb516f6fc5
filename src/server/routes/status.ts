import type { Evaluation as EvaluationValue } from '../../core/compliance/types.ts';
import { reportHtml } from '../../core/report/report-html.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
import type { ServerContext } from '../context.ts';
import { endOfDay, evaluateLog, evaluateLogAt } from '../log-evaluation.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';
import { Evaluation, ReportQuery, StatusQuery } from '../status-schemas.ts';

/** Evaluations are remembered a while (log-evaluation.ts): so is their JSON. */
const json = new WeakMap<EvaluationValue, string>();
function serialized(evaluation: EvaluationValue): string {
  let text = json.get(evaluation);
  if (text === undefined) {
    text = JSON.stringify(evaluation);
    json.set(evaluation, text);
  }
  return text;
}

/** GET /api/logs/:id/status and /api/logs/:id/report: the log judged against its agreement. */
export const statusRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/status',
    operationId: 'getStatus',
    tag: 'compliance',
    access: 'public',
    summary:
      'Where every provision and obligation stands at a moment, with its evidence (as truce status --json)',
    description:
      'The log is judged against the published agreement with the same id. `at` is a date-time with an ' +
      'offset; without it, now. Events that occurred after `at` are not taken into account.',
    params: LogParams,
    query: StatusQuery,
    responses: { 200: { description: 'The evaluation.', schema: Evaluation } },
    problems: [404, 422],
    async handler({ params, query, reply }) {
      const { evaluation } = await evaluateLogAt(ctx, params.id, query.at);
      reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8');
      return serialized(evaluation);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/report',
    operationId: 'getReport',
    tag: 'compliance',
    access: 'public',
    summary: 'The daily situation report as printable HTML (as truce report)',
    description: "The state at the end of `date` in the agreement's time zone.",
    params: LogParams,
    query: ReportQuery,
    responses: {
      200: { description: 'A self-contained HTML page.', contentType: 'text/html; charset=utf-8' },
    },
    problems: [404, 422],
    async handler({ params, query, reply }) {
      const { agreement, evaluation } = await evaluateLog(ctx, params.id, (a) => endOfDay(query.date, a));
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
      return reportHtml(
        evaluation,
        agreement,
        query.date,
        await new ProvenanceStore(ctx.database).get(params.id),
      );
    },
  }),
];
