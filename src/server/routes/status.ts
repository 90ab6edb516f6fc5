import type { FastifyReply } from 'fastify';
import type { Agreement } from '../../core/agreement/types.ts';
import { countedEvaluation } from '../../core/compliance/counted-evaluation.ts';
import { labelsOf } from '../../core/compliance/labels.ts';
import type { Evaluation as EvaluationValue } from '../../core/compliance/types.ts';
import { headlineFigures } from '../../core/figures/headline-figures.ts';
import { type DayEvent, dayEvents } from '../../core/report/day-events.ts';
import { reportHtml } from '../../core/report/report-html.ts';
import { addDays, localToEpoch } from '../../core/time/zoned-time.ts';
import { explainedEvaluation } from '../../core/words/explained-evaluation.ts';
import type { Lang } from '../../core/words/lang.ts';
import type { Adoption } from '../../store/log-adoption.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
import type { ServerContext } from '../context.ts';
import { endOfDay, evaluateLog, evaluateLogAt, nowToTheSecond } from '../log-evaluation.ts';
import type { LogReads } from '../log-reads.ts';
import { securePage } from '../page-headers.ts';
import { readerLang } from '../reader-lang.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';
import { Evaluation, ReportQuery, StatusQuery } from '../status-schemas.ts';

/**
 * Evaluations are remembered a while (log-evaluation.ts): so is their JSON in each language, with
 * the adoption judged against, as the UTF-8 bytes sent, so that each request of the same moment and
 * language costs no serialising or encoding on the event loop (a status is tens of kilobytes, whatever
 * the log's length: evidence is counted, its events paged by GET /api/logs/:id/evidence).
 */
const json = new WeakMap<EvaluationValue, Map<Lang, Buffer>>();
function serialized(evaluation: EvaluationValue, adoption: Adoption, terms: Agreement, lang: Lang): Buffer {
  let byLang = json.get(evaluation);
  if (!byLang) {
    byLang = new Map();
    json.set(evaluation, byLang);
  }
  let bytes = byLang.get(lang);
  if (bytes === undefined) {
    const { agreement, version, sha256, index } = adoption;
    // The headline figures from the one model the dashboard, the report and the CLI show.
    const headline = headlineFigures(terms, evaluation);
    // Every explanation structured, and beside it in words of the reader's language; each list of
    // evidence as its count and a reference to page through it (the evidence route), so that the
    // document does not grow with the log.
    const explained = countedEvaluation(explainedEvaluation(evaluation, terms, lang));
    bytes = Buffer.from(
      JSON.stringify({ ...explained, headline, adopted: { agreement, version, sha256, index } }),
    );
    byLang.set(lang, bytes);
  }
  return bytes;
}

/** A status's bytes, with its headers. */
function send(reply: FastifyReply, bytes: Uint8Array): Uint8Array {
  reply
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-language')
    .type('application/json; charset=utf-8');
  return bytes;
}

/**
 * GET /api/logs/:id/status and /api/logs/:id/report: the log judged against its agreement. A
 * status as of now is answered from memory for the second it is of, until the log changes.
 */
export const statusRoutes = (ctx: ServerContext, reads: LogReads) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/status',
    operationId: 'getStatus',
    tag: 'compliance',
    access: 'public',
    // "Now" is computed once a second for everyone (log-evaluation.ts); another moment is not.
    heavy: (query) => query.at !== undefined,
    summary: 'Where every provision and obligation stands at a moment, with how many events each rests on',
    description:
      'The log is judged against the agreement text it adopted: its latest `agreement.adopted` event names it by ' +
      'SHA-256 (`adopted` in the answer), whatever version the catalog serves under that id. `at` is a date-time with an ' +
      'offset; without it, now. Events that occurred after `at` are not taken into account. ' +
      'Each list of evidence is given as its count (`evidenceCount`) and, for the lists a reader opens, a reference ' +
      '(`evidenceRef`): GET /api/logs/{id}/evidence?of=…&at=… lists its events a page at a time, so that the ' +
      'document does not grow with the log.',
    params: LogParams,
    query: StatusQuery,
    responses: { 200: { description: 'The evaluation.', schema: Evaluation } },
    problems: [404, 409, 422, 503],
    async handler({ params, query, request, reply }) {
      const lang = readerLang(request, query);
      const answer = (at: string) => async () => {
        const { agreement, evaluation, adoption } = await evaluateLogAt(ctx, params.id, at);
        return { bytes: serialized(evaluation, adoption, agreement, lang) };
      };
      if (query.at !== undefined) return send(reply, (await answer(query.at)()).bytes);
      // As of now: the bytes of this second, kept until the log changes. When they were kept (the
      // status is read more than once a second), those of the next second are prepared meanwhile
      // (the log as it is now, judged a second later), so that when it comes no reader waits for
      // the judging pool.
      const now = Date.now();
      const at = nowToTheSecond(now);
      const kept = reads.currentKept(params.id, `status\n${lang}\n${at}`);
      if (!kept)
        return send(
          reply,
          (await reads.currentBytes(params.id, `status\n${lang}\n${at}`, answer(at)))!.bytes,
        );
      const next = nowToTheSecond(now + 1000);
      reads.currentBytes(params.id, `status\n${lang}\n${next}`, answer(next)).catch(() => {});
      return send(reply, kept.bytes);
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
    async handler({ params, query, request, reply }) {
      const { agreement, evaluation } = await evaluateLog(ctx, params.id, (a) => endOfDay(query.date, a));
      // What happened that day: only the events that occurred during it, an indexed range of the
      // log by occurred-at, whatever the log's length.
      const tz = agreement.timeZone;
      const day = await ctx.store.entriesOccurredBetween(
        params.id,
        localToEpoch(query.date, '00:00', tz),
        localToEpoch(addDays(query.date, 1), '00:00', tz),
      );
      const happened: DayEvent[] = dayEvents(day, query.date, tz);
      // An HTML page like the dashboard, with its security headers: it shows what the log's actors wrote.
      securePage(reply)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('vary', 'accept-language');
      return reportHtml(
        evaluation,
        agreement,
        query.date,
        await new ProvenanceStore(ctx.database).get(params.id),
        labelsOf(agreement, await ctx.store.actors(params.id), readerLang(request, query)),
        happened,
        readerLang(request, query),
      );
    },
  }),
];
