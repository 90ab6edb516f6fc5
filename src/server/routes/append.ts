import { z } from 'zod';
import { canonicalBytes } from '../../core/ledger/canonical-json.ts';
import { MAX_EVENT_BYTES, SignedEvent } from '../../core/ledger/event.ts';
import { ANY_ACTOR } from '../auth/access.ts';
import { principalOf } from '../auth/principal.ts';
import type { ServerContext } from '../context.ts';
import { isUnsignedBody, signCustodially } from '../custodial.ts';
import { fitHookOfLog } from '../event-fit-hook.ts';
import { checkPersonsEvent } from '../persons-events.ts';
import { HttpProblem } from '../problem.ts';
import { checkRecordedAt } from '../recorded-window.ts';
import { defineRoute } from '../route.ts';
import { AppendResult, LogParams } from '../schemas.ts';

/** The largest append body: a canonical event is at most 60 KiB; this leaves room for whitespace. */
export const APPEND_BODY_LIMIT = 64 * 1024;
/** Deeper JSON than this is no event, and is refused before it is canonicalised. */
const MAX_DEPTH = 32;

const AppendQuery = z.strictObject({
  'expected-size': z
    .string()
    .regex(/^(0|[1-9]\d{0,14})$/, 'expected a whole number')
    .transform(Number)
    .optional()
    .describe('Append only if the log has this many events (else 409); as If-Match: "N".'),
});

function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > deepest) deepest = d;
    if (d > MAX_DEPTH) return d;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

/** The size the client expects the log to have: `If-Match: "N"` or `?expected-size=N`. */
function expectedSize(ifMatch: string | undefined, query: number | undefined): number | undefined {
  let header: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '*') {
    const m = /^\s*"(0|[1-9]\d{0,14})"\s*$/.exec(ifMatch);
    if (!m) {
      throw new HttpProblem(
        400,
        'request-invalid',
        'If-Match must be the log size in quotes, e.g. If-Match: "42" (the ETag of GET /api/logs/{id}).',
      );
    }
    header = Number(m[1]);
  }
  if (header !== undefined && query !== undefined && header !== query) {
    throw new HttpProblem(
      400,
      'request-invalid',
      `If-Match says ${header} and expected-size says ${query}: give one.`,
    );
  }
  return header ?? query;
}

/** POST /api/logs/:id/events: append an event its actor signed. */
export const appendRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'POST',
    url: '/api/logs/:id/events',
    operationId: 'appendEvent',
    tag: 'ledger',
    access: { roles: ANY_ACTOR },
    summary: 'Append a signed event',
    description:
      'The body is a signed event as JSON. Its RFC 8785 canonical bytes are what is stored and what the ' +
      `actor's signature must verify over. At most ${MAX_EVENT_BYTES} bytes canonical, ${APPEND_BODY_LIMIT} as sent. ` +
      'The same event again is not stored twice: it answers 200 with its first index. ' +
      "A body `{event}` without signature is signed by the server with the custodial key of the token's actor, " +
      'if it holds one (`truce serve --keys DIR`); else 422 `custodial-key-missing`. ' +
      "The event's recordedAt must be within the server's window of its clock (±5 min by default; 422 " +
      '`event-recorded-at-outside-window`), and the event must fit the agreement the log adopted (422 `event-provision-unknown`, ' +
      '`event-provision-kind`, `event-batch-unknown`, `event-actor-not-entitled`…, with a `fit` member naming the field and what fits).',
    params: LogParams,
    query: AppendQuery,
    body: SignedEvent,
    bodyCheckedByHandler: true,
    bodyLimit: APPEND_BODY_LIMIT,
    responses: {
      201: { description: 'Appended.', schema: AppendResult, headers: { Location: 'The event.' } },
      200: { description: 'Already in the log: its first index.', schema: AppendResult },
    },
    problems: [401, 403, 404, 409, 413, 415, 422],
    async handler({ params, query, body, request, reply }) {
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw new HttpProblem(
          422,
          'event-invalid',
          'The body must be a signed event: a JSON object {event, signature}.',
        );
      }
      if (depthOf(body) > MAX_DEPTH) {
        throw new HttpProblem(
          422,
          'event-invalid',
          `The event is nested more than ${MAX_DEPTH} levels deep.`,
        );
      }
      const actor = (body as { event?: { actor?: unknown } }).event?.actor;
      const principal = principalOf(request);
      // An event without an actor is not one: the log's own check refuses it (422) below.
      if (typeof actor === 'string' && actor !== principal.actor) {
        throw new HttpProblem(
          403,
          'actor-mismatch',
          `This token is the actor ${JSON.stringify(principal.actor)}'s, and the event is recorded by ${JSON.stringify(actor ?? null)}: each actor appends its own events with its own token.`,
        );
      }
      const expected = expectedSize(request.headers['if-match'], query['expected-size']);
      const { store } = ctx;
      // Without a signature, the server signs with the actor's custodial key, if it holds one.
      const signed = isUnsignedBody(body)
        ? await signCustodially(ctx, params.id, principal, body.event)
        : body;
      const recordedAt = (signed as { event?: { recordedAt?: unknown } }).event?.recordedAt;
      if (typeof recordedAt === 'string') checkRecordedAt(recordedAt, ctx.now(), ctx.recordedAtWindowMinutes);
      await checkPersonsEvent(ctx, params.id, signed);
      const bytes = canonicalBytes(signed);
      const fit = await fitHookOfLog(ctx, params.id, [signed]);
      const [result] = await store.append(params.id, [bytes], {
        fit,
        ...(expected === undefined ? {} : { expectedSize: expected }),
      });
      const log = await store.requireLog(params.id);
      const at = `/api/logs/${encodeURIComponent(params.id)}/events/${result!.leafHash}`;
      reply.code(result!.duplicate ? 200 : 201).header('location', at);
      return { ...result!, size: log.size };
    },
  }),
];
