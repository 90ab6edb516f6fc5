import type { Agreement } from '../../core/agreement/types.ts';
import { labelsOf } from '../../core/compliance/labels.ts';
import type { Evaluation as EvaluationValue } from '../../core/compliance/types.ts';
import { headlineFigures } from '../../core/figures/headline-figures.ts';
import { type DayEvent, dayEvents } from '../../core/report/day-events.ts';
import { reportHtml } from '../../core/report/report-html.ts';
import type { Adoption } from '../../store/log-adoption.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
import type { ServerContext } from '../context.ts';
import { endOfDay, evaluateLog, evaluateLogAt } from '../log-evaluation.ts';
import { securePage } from '../page-headers.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';
import { Evaluation, ReportQuery, StatusQuery } from '../status-schemas.ts';

/**
 * Evaluations are remembered a while (log-evaluation.ts): so is their JSON, with the adoption
 * judged against, as the UTF-8 bytes sent, so that each request of the same moment costs no
 * serialising or encoding on the event loop (a status is tens of kilobytes).
 */
const json = new WeakMap<EvaluationValue, Buffer>();
function serialized(evaluation: EvaluationValue, adoption: Adoption, terms: Agreement): Buffer {
  let bytes = json.get(evaluation);
  if (bytes === undefined) {
    const { agreement, version, sha256, index } = adoption;
    // The headline figures from the one model the dashboard, the report and the CLI show.
    const headline = headlineFigures(terms, evaluation);
    bytes = Buffer.from(
      JSON.stringify({ ...evaluation, headline, adopted: { agreement, version, sha256, index } }),
    );
    json.set(evaluation, bytes);
  }
  return bytes;
}

/** GET /api/logs/:id/status and /api/logs/:id/report: the log judged against its agreement. */
export const statusRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/status',
    operationId: 'getStatus',
    tag: 'compliance',
    access: 'public',
    // "Now" is computed once a second for everyone (log-evaluation.ts); another moment is not.
    heavy: (query) => query.at !== undefined,
    summary:
      'Where every provision and obligation stands at a moment, with its evidence (as truce status --json)',
    description:
      'The log is judged against the agreement text it adopted: its latest `agreement.adopted` event names it by ' +
      'SHA-256 (`adopted` in the answer), whatever version the catalog serves under that id. `at` is a date-time with an ' +
      'offset; without it, now. Events that occurred after `at` are not taken into account.',
    params: LogParams,
    query: StatusQuery,
    responses: { 200: { description: 'The evaluation.', schema: Evaluation } },
    problems: [404, 409, 422, 503],
    async handler({ params, query, reply }) {
      const { agreement, evaluation, adoption } = await evaluateLogAt(ctx, params.id, query.at);
      reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8');
      return serialized(evaluation, adoption, agreement);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/report',
    operationId: 'getReport',
    tag: 'compliance',
    access: 'public',
    heavy: true,
    summary: 'The daily situation report as printable HTML (as truce report)',
    description:
      "The state at the end of `date` in the agreement's time zone, judged against the agreement text the log adopted (by SHA-256).",
    params: LogParams,
    query: ReportQuery,
    responses: {
      200: { description: 'A self-contained HTML page.', contentType: 'text/html; charset=utf-8' },
    },
    problems: [404, 409, 422, 503],
    async handler({ params, query, reply }) {
      const { agreement, evaluation } = await evaluateLog(ctx, params.id, (a) => endOfDay(query.date, a));
      // What happened that day: the log read a page at a time, keeping only that day's events.
      const happened: DayEvent[] = [];
      for await (const page of ctx.store.entryPages(params.id))
        happened.push(...dayEvents(page, query.date, agreement.timeZone));
      // An HTML page like the dashboard, with its security headers: it shows what the log's actors wrote.
      securePage(reply).type('text/html; charset=utf-8').header('cache-control', 'no-cache');
      return reportHtml(
        evaluation,
        agreement,
        query.date,
        await new ProvenanceStore(ctx.database).get(params.id),
        labelsOf(agreement, await ctx.store.actors(params.id)),
        happened,
      );
    },
  }),
];
