import { z } from 'zod';
import { compareAgreements } from '../../core/compare/index.ts';
import { planAgreement, sliceDays } from '../../core/plan/plan-agreement.ts';
import type { ServerContext } from '../context.ts';
import { dayBound, PlanQuery, planOptionsOf, WhatIfQuery } from '../plan-query.ts';
import { defineRoute } from '../route.ts';
import { ComparisonResponse, PlanResponse } from '../schemas.ts';
import { AgreementParams, requireAgreement } from './agreements.ts';

const DiffQuery = z.strictObject({
  a: z.string().min(1).max(200).describe('Id of the first agreement or proposal.'),
  b: z.string().min(1).max(200).describe('Id of the second.'),
  ...WhatIfQuery,
});

/** GET /api/agreements/:id/plan and /api/diff: `truce plan` and `truce diff` over HTTP. */
export const planRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/agreements/:id/plan',
    operationId: 'planAgreement',
    tag: 'agreements',
    access: 'public',
    summary: 'Obligations day by day, with what-ifs (as `truce plan --json`)',
    params: AgreementParams,
    query: PlanQuery,
    responses: { 200: { description: 'The plan.', schema: PlanResponse } },
    problems: [404, 422],
    async handler({ params, query }) {
      const agreement = requireAgreement(ctx, params.id);
      const plan = planAgreement(agreement, planOptionsOf(query));
      return sliceDays(plan, dayBound(query.from), dayBound(query.to));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/diff',
    operationId: 'diffAgreements',
    tag: 'agreements',
    access: 'public',
    summary: 'Two agreements or proposals compared term by term and by outcome (as `truce diff --json`)',
    description: 'The what-ifs apply to both sides.',
    query: DiffQuery,
    responses: { 200: { description: 'The comparison.', schema: ComparisonResponse } },
    problems: [404, 422],
    async handler({ query }) {
      const a = requireAgreement(ctx, query.a);
      const b = requireAgreement(ctx, query.b);
      const options = planOptionsOf(query);
      return compareAgreements(a, b, { planA: options, planB: options });
    },
  }),
];
