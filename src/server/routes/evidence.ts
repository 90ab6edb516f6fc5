import { evidenceOf } from '../../core/compliance/evidence-ref.ts';
import { eventKindLabel } from '../../core/figures/event-kind-label.ts';
import type { ServerContext } from '../context.ts';
import { cursorAfter, positionAfter } from '../evidence-cursor.ts';
import { EVIDENCE_PAGE, EvidencePage, EvidenceQuery } from '../evidence-schemas.ts';
import { evaluateLogAt, nowToTheSecond } from '../log-evaluation.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';

/**
 * `at` as "now" is asked for (UTC, to the second) when it is a whole second: the same moment as
 * the status the reader is looking at (its `asOf`), so the evaluation remembered for it answers.
 */
export function sameMomentAsNow(at: string | undefined): string | undefined {
  if (at === undefined) return undefined;
  const ms = Date.parse(at);
  return ms % 1000 === 0 ? nowToTheSecond(ms) : at;
}

/** GET /api/logs/:id/evidence: the events of one list of evidence of the status, a page at a time. */
export const evidenceRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/evidence',
    operationId: 'listEvidence',
    tag: 'compliance',
    access: 'public',
    // As the status: "now" is judged once a second for everyone; another moment is a judgement.
    heavy: (query) => query.at !== undefined,
    summary:
      'The events one list of evidence of the status rests on, in the order they occurred, a page at a time',
    description:
      'The status document counts each list of evidence (`evidenceCount`) and names it (`evidenceRef`); this lists ' +
      'its events, each by its number in the log, kind, time and actor (GET /api/logs/{id}/events/{leafHash} gives ' +
      'the event and its receipt). Give `at` the `asOf` of the status to list what it counted. The list is read from ' +
      'the log judged at `at` and each page by leaf hash through an index, whatever the log’s length. 404 ' +
      '`evidence-not-found` when the judged log has no such list; 409 `cursor-stale` when the event a cursor follows ' +
      'is no longer in it (ask from the start).',
    params: LogParams,
    query: EvidenceQuery,
    responses: { 200: { description: 'A page of the list.', schema: EvidencePage } },
    problems: [404, 409, 422, 503],
    async handler({ params, query }) {
      const { evaluation, agreement } = await evaluateLogAt(ctx, params.id, sameMomentAsNow(query.at));
      const list = evidenceOf(evaluation, query.of);
      if (!list) {
        throw new HttpProblem(
          404,
          'evidence-not-found',
          `The status of log "${params.id}" at ${evaluation.asOf} has no list of evidence "${query.of}": give an evidenceRef of that status.`,
        );
      }
      const from = query.cursor === undefined ? 0 : positionAfter(list, query.cursor);
      if (from === undefined) {
        throw new HttpProblem(
          409,
          'cursor-stale',
          `The list "${query.of}" no longer holds the event cursor ${query.cursor} follows (the log changed): ask for it again from its start, without a cursor.`,
        );
      }
      const end = Math.min(list.length, from + (query.limit ?? EVIDENCE_PAGE));
      const hashes = list.slice(from, end);
      const found = await ctx.store.entriesWithLeafHashes(params.id, hashes);
      const events = hashes.map((h) => {
        const entry = found.get(h);
        if (!entry)
          throw new Error(
            `Log "${params.id}" has no event ${h}, which its evaluation names: run truce verify.`,
          );
        const { kind, occurredAt, actor, body } = entry.event.event;
        const label = eventKindLabel(agreement, kind, body);
        return {
          index: entry.index,
          leafHash: h,
          kind,
          ...(label !== kind ? { label } : {}),
          occurredAt,
          actor,
        };
      });
      return {
        log: params.id,
        of: query.of,
        asOf: evaluation.asOf,
        count: list.length,
        events,
        next: end < list.length ? cursorAfter(list, end) : null,
      };
    },
  }),
];
