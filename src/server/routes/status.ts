import type { FastifyReply } from 'fastify';
import type { Agreement } from '../../core/agreement/types.ts';
import { countedEvaluation } from '../../core/compliance/counted-evaluation.ts';
import { labelsOf } from '../../core/compliance/labels.ts';
import { shownExplanations } from '../../core/compliance/shown-explanations.ts';
import type { Evaluation as EvaluationValue } from '../../core/compliance/types.ts';
import { headlineFigures } from '../../core/figures/headline-figures.ts';
import type { Adoption } from '../../core/ledger/text-in-force.ts';
import { type DayEvent, dayEvents, referencedHashes, withEarlier } from '../../core/report/day-events.ts';
import { reportHtml } from '../../core/report/report-html.ts';
import { addDays, localToEpoch } from '../../core/time/zoned-time.ts';
import { explainedEvaluation } from '../../core/words/explained-evaluation.ts';
import type { Lang } from '../../core/words/lang.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
import type { ServerContext } from '../context.ts';
import { endOfDay, evaluateLog, evaluateLogAt, nowToTheSecond } from '../log-evaluation.ts';
import type { Held, LogReads } from '../log-reads.ts';
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
    const { agreement, version, sha256, index, occurredAt } = adoption;
    // The headline figures from the one model the dashboard, the report and the CLI show.
    const headline = headlineFigures(terms, evaluation);
    // Every explanation structured, and beside it in words of the reader's language; each list of
    // evidence as its count and a reference to page through it (the evidence route), the
    // allegations counted with the latest few listed (the allegations route pages them all), and
    // the lists of an explanation that name allegations one by one cut to their latest few, saying
    // so: the document does not grow with the log, nor with its allegations.
    const explained = countedEvaluation(explainedEvaluation(shownExplanations(evaluation), terms, lang));
    bytes = Buffer.from(
      JSON.stringify({ ...explained, headline, adopted: { agreement, version, sha256, index, occurredAt } }),
    );
    byLang.set(lang, bytes);
  }
  return bytes;
}

/** A status's media type, caching and variation: it changes each second, and with the reader's language. */
export const STATUS_TYPE = 'application/json; charset=utf-8';
export const STATUS_CACHE = 'no-cache';
export const STATUS_VARY = 'accept-language';

/** A status's bytes, with its headers. */
function send(reply: FastifyReply, bytes: Uint8Array): Uint8Array {
  reply.header('cache-control', STATUS_CACHE).header('vary', STATUS_VARY).type(STATUS_TYPE);
  return bytes;
}

/**
 * The status of a log as of now, in one language: the bytes of this second, kept until the log
 * changes (log-reads.ts). When they are kept (the status is read more than once a second), those
 * of the next second are prepared meanwhile (the log as it is now, judged a second later), so that
 * when it comes no reader waits for the judging pool.
 */
export class StatusNow {
  readonly #ctx: ServerContext;
  readonly #reads: LogReads;
  readonly #seconds = new Map<number, string>();

  constructor(ctx: ServerContext, reads: LogReads) {
    this.#ctx = ctx;
    this.#reads = reads;
  }

  /** The bytes of the second of `now` if they are kept (then the next second's are prepared). */
  kept(logId: string, lang: Lang, now: number): Held | undefined {
    const kept = this.#reads.currentKept(logId, `status\n${lang}\n${this.#second(now)}`);
    if (kept) {
      const next = this.#second(now + 1000);
      const key = `status\n${lang}\n${next}`;
      if (!this.#reads.currentKept(logId, key))
        this.#reads.currentBytes(logId, key, this.#answer(logId, lang, next)).catch(() => {});
    }
    return kept;
  }

  /** The bytes of the second of `now`, judged now unless they are kept or being judged. */
  async read(logId: string, lang: Lang, now: number): Promise<Held> {
    const at = this.#second(now);
    return (await this.#reads.currentBytes(logId, `status\n${lang}\n${at}`, this.#answer(logId, lang, at)))!;
  }

  /** nowToTheSecond, formatted once a second (the last two seconds asked for are remembered). */
  #second(now: number): string {
    const second = Math.floor(now / 1000);
    const known = this.#seconds.get(second);
    if (known !== undefined) return known;
    const at = nowToTheSecond(now);
    if (this.#seconds.size >= 2) this.#seconds.delete(this.#seconds.keys().next().value!);
    this.#seconds.set(second, at);
    return at;
  }

  /** The log judged at `at`, serialised in `lang`. */
  #answer(logId: string, lang: Lang, at: string) {
    return async () => {
      const { agreement, evaluation, adoption } = await evaluateLogAt(this.#ctx, logId, at);
      return { bytes: serialized(evaluation, adoption, agreement, lang) };
    };
  }
}

/**
 * GET /api/logs/:id/status and /api/logs/:id/report: the log judged against its agreement. A
 * status as of now is answered from memory for the second it is of, until the log changes.
 */
export const statusRoutes = (ctx: ServerContext, reads: LogReads, status = new StatusNow(ctx, reads)) => [
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
      if (query.at !== undefined) {
        const { agreement, evaluation, adoption } = await evaluateLogAt(ctx, params.id, query.at);
        return send(reply, serialized(evaluation, adoption, agreement, lang));
      }
      // As of now: the bytes of this second, kept until the log changes (StatusNow).
      const now = Date.now();
      return send(
        reply,
        (status.kept(params.id, lang, now) ?? (await status.read(params.id, lang, now))).bytes,
      );
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
      const events = dayEvents(day, query.date, tz);
      // The earlier events they refer to, by their leaf hashes (indexed), named by number, kind and time.
      const referred = await ctx.store.entriesWithLeafHashes(params.id, referencedHashes(events));
      const happened: DayEvent[] = withEarlier(
        events,
        new Map(
          [...referred].map(([hash, e]) => [
            hash,
            { number: e.index, kind: e.event.event.kind, at: e.event.event.occurredAt },
          ]),
        ),
      );
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
