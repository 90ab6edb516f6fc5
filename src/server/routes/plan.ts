import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Agreement } from '../../core/agreement/types.ts';
import { kept } from '../../core/words/kept.ts';
import type { ServerContext } from '../context.ts';
import { LangQuery, languageHeaders } from '../lang-query.ts';
import { dayBound, PlanQuery, planOptionsOf, WhatIfQuery } from '../plan-query.ts';
import { HttpProblem } from '../problem.ts';
import { readerLang } from '../reader-lang.ts';
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
  ...LangQuery,
});

const PlanQueryWithLang = PlanQuery.extend(LangQuery);

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
export function sendJson(reply: FastifyReply, bytes: Uint8Array): Buffer {
  reply.type('application/json; charset=utf-8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The plan and the comparisons of each agreement as published, without a what-if (what the
 * dashboard asks for): computed once per agreement object and shared by every reader. A failure
 * (a busy pool) is not kept.
 */
export const plainPlans = new WeakMap<Agreement, Map<string, Promise<Uint8Array>>>();
const plainDiffs = new WeakMap<Agreement, Map<Agreement, Map<string, Promise<Uint8Array>>>>();

/** The cache of one key's answers, by language. */
export function byLang<K extends object, V>(cache: WeakMap<K, Map<string, V>>, key: K): Map<string, V> {
  return kept(cache, key, () => new Map());
}

export function remembered<K>(
  cache: {
    get(k: K): Promise<Uint8Array> | undefined;
    set(k: K, v: Promise<Uint8Array>): unknown;
    delete(k: K): unknown;
  },
  key: K,
  compute: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  let bytes = cache.get(key);
  if (!bytes) {
    const computing = compute();
    computing.catch(() => {
      if (cache.get(key) === computing) cache.delete(key);
    });
    bytes = computing;
    cache.set(key, bytes);
  }
  return bytes;
}

/** Anything asked for beyond the agreements themselves: a what-if, a span of days. */
export const asksMore = (query: Record<string, unknown>, plain: readonly string[]) =>
  Object.keys(query).some((k) => !plain.includes(k));

/** GET /api/agreements/:id/plan and /api/diff: `truce plan` and `truce diff` over HTTP. */
export const planRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/agreements/:id/plan',
    operationId: 'planAgreement',
    tag: 'agreements',
    access: 'public',
    // The plan as published is computed once; with a what-if or a span of days it is costly.
    heavy: (query) => asksMore(query, ['lang']),
    summary: 'Obligations day by day, with what-ifs (as `truce plan --json`)',
    params: AgreementParams,
    description:
      "Each obligation and standing term carries its line as a code with parameters (`line`) and that line worded in the reader's language (`text`; see `lang`). `description` is deprecated: the same line in English.",
    query: PlanQueryWithLang,
    responses: { 200: { description: 'The plan.', schema: PlanResponse } },
    problems: [404, 422, 503],
    async handler({ params, query, reply, request }) {
      const lang = readerLang(request, query);
      languageHeaders(reply, lang);
      const agreement = await requireAgreement(ctx, params.id);
      const to = dayBound(query.to);
      const task = {
        kind: 'plan' as const,
        agreement,
        // As `truce plan --to`: the last day shown is also how far an open-ended phase is planned.
        options: { ...planOptionsOf(query), ...(to !== undefined ? { horizon: to } : {}) },
        from: dayBound(query.from),
        to,
        lang,
      };
      const run = () => ctx.work.run<Uint8Array>(task);
      return sendJson(
        reply,
        await (asksMore(query, ['lang']) ? run() : remembered(byLang(plainPlans, agreement), lang, run)),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/diff',
    operationId: 'diffAgreements',
    tag: 'agreements',
    access: 'public',
    heavy: (query) => asksMore(query, ['a', 'b', 'lang']),
    summary: 'Two agreements or proposals compared term by term and by outcome (as `truce diff --json`)',
    description:
      'Each side is an id (what GET /api/agreements/{id} serves) or ID@VERSION, an uploaded version. ' +
      'The what-ifs apply to both sides.',
    query: DiffQuery,
    responses: { 200: { description: 'The comparison.', schema: ComparisonResponse } },
    problems: [404, 422, 503],
    async handler({ query, reply, request }) {
      const lang = readerLang(request, query);
      languageHeaders(reply, lang);
      const refA = agreementRef(query.a, 'a');
      const refB = agreementRef(query.b, 'b');
      const a = await requireAgreement(ctx, refA.id, refA.version);
      const b = await requireAgreement(ctx, refB.id, refB.version);
      const task = { kind: 'diff' as const, a, b, options: planOptionsOf(query), lang };
      const run = () => ctx.work.run<Uint8Array>(task);
      if (asksMore(query, ['a', 'b', 'lang'])) return sendJson(reply, await run());
      const withA = kept(plainDiffs, a, () => new Map<Agreement, Map<string, Promise<Uint8Array>>>());
      return sendJson(reply, await remembered(byLang(withA, b), lang, run));
    },
  }),
];
