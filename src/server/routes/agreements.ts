import { z } from 'zod';
import { AgreementSchema } from '../../core/agreement/index.ts';
import type { Agreement } from '../../core/agreement/types.ts';
import type { ServerContext } from '../context.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { AgreementSummary } from '../schemas.ts';

export const AgreementParams = z.strictObject({ id: z.string().min(1).max(200) });

/** The published agreement with this id, or a 404 naming the ones there are. */
export function requireAgreement(ctx: ServerContext, id: string): Agreement {
  const agreement = ctx.catalog.get(id);
  if (agreement) return agreement;
  const known = ctx.catalog.list().map((a) => a.id);
  throw new HttpProblem(
    404,
    'agreement-not-found',
    `There is no agreement "${id}". Published: ${known.join(', ') || 'none'}.`,
  );
}

/** GET /api/agreements and /api/agreements/:id: the agreement files the server publishes. */
export const agreementRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/agreements',
    operationId: 'listAgreements',
    tag: 'agreements',
    access: 'public',
    summary: 'The agreements and proposals the server publishes',
    responses: {
      200: {
        description: 'Every published agreement.',
        schema: z.object({ agreements: z.array(AgreementSummary) }),
      },
    },
    async handler() {
      return {
        agreements: ctx.catalog
          .list()
          .map((a) => ({ id: a.id, title: a.title, kind: a.kind, version: a.version })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/agreements/:id',
    operationId: 'getAgreement',
    tag: 'agreements',
    access: 'public',
    summary: 'One agreement or proposal, as JSON in the agreement language',
    params: AgreementParams,
    responses: { 200: { description: 'The agreement.', schema: AgreementSchema } },
    problems: [404],
    async handler({ params }) {
      return requireAgreement(ctx, params.id);
    },
  }),
];
