import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { dayBound, PlanQuery, planOptionsOf, WhatIfQuery } from '../plan-query.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { ComparisonResponse, PlanResponse } from '../schemas.ts';
import { AgreementParams, requireAgreement } from './agreements.ts';

const DiffQuery = z.strictObject({
  a: z
    .string()
    .min(1)
    .max(200)
    .describe('The first agreement or proposal: its id, or ID@VERSION for an uploaded version.'),
  b: z.string().min(1).max(200).describe('The second, in the same form.'),
  ...WhatIfQuery,
});

/** `ID` or `ID@VERSION` (an uploaded version): the id and the version, if any. */
function agreementRef(ref: string, which: 'a' | 'b'): { id: string; version?: number } {
  const at = ref.lastIndexOf('@');
  if (at < 0) return { id: ref };
  const version = ref.slice(at + 1);
  if (at === 0 || !/^[1-9]\d{0,8}$/.test(version)) {
    throw new HttpProblem(
      400,
      'request-invalid',
      `${which}=${ref} is not an agreement: give its id, or ID@VERSION with a version number from 1 (e.g. ${which}=my-agreement@2).`,
    );
  }
  return { id: ref.slice(0, at), version: Number(version) };
}

/** JSON a worker wrote (work-task.ts), sent as it is. */
function sendJson(reply: FastifyReply, bytes: Uint8Array): Buffer {
  reply.type('application/json; charset=utf-8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** GET /api/agreements/:id/plan and /api/diff: `truce plan` and `truce diff` over HTTP. */
export const planRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/agreements/:id/plan',
    operationId: 'planAgreement',
    tag: 'agreements',
    access: 'public',
    heavy: true,
    summary: 'Obligations day by day, with what-ifs (as `truce plan --json`)',
    params: AgreementParams,
    query: PlanQuery,
    responses: { 200: { description: 'The plan.', schema: PlanResponse } },
    problems: [404, 422],
    async handler({ params, query, reply }) {
      const agreement = await requireAgreement(ctx, params.id);
      const task = {
        kind: 'plan' as const,
        agreement,
        options: planOptionsOf(query),
        from: dayBound(query.from),
        to: dayBound(query.to),
      };
      return sendJson(reply, await ctx.work.run<Uint8Array>(task));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/diff',
    operationId: 'diffAgreements',
    tag: 'agreements',
    access: 'public',
    heavy: true,
    summary: 'Two agreements or proposals compared term by term and by outcome (as `truce diff --json`)',
    description:
      'Each side is an id (what GET /api/agreements/{id} serves) or ID@VERSION, an uploaded version. ' +
      'The what-ifs apply to both sides.',
    query: DiffQuery,
    responses: { 200: { description: 'The comparison.', schema: ComparisonResponse } },
    problems: [404, 422],
    async handler({ query, reply }) {
      const refA = agreementRef(query.a, 'a');
      const refB = agreementRef(query.b, 'b');
      const a = await requireAgreement(ctx, refA.id, refA.version);
      const b = await requireAgreement(ctx, refB.id, refB.version);
      const task = { kind: 'diff' as const, a, b, options: planOptionsOf(query) };
      return sendJson(reply, await ctx.work.run<Uint8Array>(task));
    },
  }),
];
