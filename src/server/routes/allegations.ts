import { referencedAllegation } from '../../core/compliance/counted-evaluation.ts';
import { ALLEGATION_PAGE, AllegationPage, AllegationQuery } from '../allegation-schemas.ts';
import type { ServerContext } from '../context.ts';
import { cursorAfter, positionAfter } from '../evidence-cursor.ts';
import { evaluateLogAt } from '../log-evaluation.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { LogParams } from '../schemas.ts';
import { sameMomentAsNow } from './evidence.ts';

/**
 * GET /api/logs/:id/allegations: every allegation of the status, a page at a time (the status
 * document counts them and lists only the latest few).
 */
export const allegationRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/logs/:id/allegations',
    operationId: 'listAllegations',
    tag: 'compliance',
    access: 'public',
    // As the status: "now" is judged once a second for everyone; another moment is a judgement.
    heavy: (query) => query.at !== undefined,
    summary: 'Every allegation of the status, in the order they occurred, a page at a time',
    description:
      'The status document counts the allegations (`allegations.count`, per state, per party alleged against and ' +
      'per provision) and lists only the latest few (`allegations.latest`); this lists them all, each as the status ' +
      'gives it and with the number in the log of its event, optionally only those against a party, naming a ' +
      'provision or in a state. Give `at` the `asOf` of the status to list what it counted. 409 `cursor-stale` when ' +
      'the allegation a cursor follows is no longer in the list (ask from the start).',
    params: LogParams,
    query: AllegationQuery,
    responses: { 200: { description: 'A page of the allegations.', schema: AllegationPage } },
    problems: [404, 409, 422, 503],
    async handler({ params, query }) {
      const { evaluation } = await evaluateLogAt(ctx, params.id, sameMomentAsNow(query.at));
      const unfiltered =
        query.against === undefined && query.provision === undefined && query.state === undefined;
      const list = unfiltered
        ? evaluation.allegations
        : evaluation.allegations.filter(
            (a) =>
              (query.against === undefined || a.against === query.against) &&
              (query.provision === undefined || a.provision === query.provision) &&
              (query.state === undefined || a.state === query.state),
          );
      // Each allegation is named by its event (the first of its evidence), as its evidenceRef names it.
      const keys = list.map((a) => a.evidence[0]!);
      const from = query.cursor === undefined ? 0 : positionAfter(keys, query.cursor);
      if (from === undefined) {
        throw new HttpProblem(
          409,
          'cursor-stale',
          `The allegations of log "${params.id}" no longer hold the one cursor ${query.cursor} follows (the log changed): ask for them again from the start, without a cursor.`,
        );
      }
      const end = Math.min(list.length, from + (query.limit ?? ALLEGATION_PAGE));
      const shown = list.slice(from, end);
      const found = await ctx.store.entriesWithLeafHashes(
        params.id,
        shown.map((a) => a.evidence[0]!),
      );
      const allegations = shown.map((a) => {
        const entry = found.get(a.evidence[0]!);
        if (!entry)
          throw new Error(
            `Log "${params.id}" has no event ${a.evidence[0]}, which its evaluation names: run truce verify.`,
          );
        return { ...referencedAllegation(a), index: entry.index };
      });
      return {
        log: params.id,
        asOf: evaluation.asOf,
        count: list.length,
        allegations,
        next: end < list.length ? cursorAfter(keys, end) : null,
      };
    },
  }),
];
