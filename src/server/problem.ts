import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LedgerErrorCode } from '../core/ledger/ledger-error.ts';
import { LedgerError } from '../core/ledger/ledger-error.ts';
import { PlanError } from '../core/plan/plan-error.ts';

/** One located error of a document the request carried (an agreement that does not check). */
export const ProblemError = z.object({
  code: z.string().describe('A stable code of the error, as `truce validate --json` gives it.'),
  message: z.string().describe('What is wrong and what is expected, as `truce validate` prints it.'),
  line: z.int().min(0).describe('Line of the document, from 1.'),
  column: z.int().min(0).describe('Column of the line, from 1.'),
  path: z
    .string()
    .describe('Where in the document, e.g. `provisions[3].release.total`; `(document)` for all of it.'),
  expected: z.string().optional().describe('What would have been accepted there, in a few words.'),
});
export type ProblemError = z.infer<typeof ProblemError>;

/** RFC 9457 problem details, as every error of the API is answered. */
export const Problem = z
  .object({
    type: z.string().describe('A URI naming the kind of problem; its last segment is `code`.'),
    title: z.string().describe('A short summary of the kind of problem.'),
    status: z.int().describe('The HTTP status code.'),
    detail: z.string().describe('What went wrong here and how to fix it.'),
    code: z.string().describe('A stable code a program can branch on.'),
    errors: z
      .array(ProblemError)
      .optional()
      .describe(
        '`agreement-invalid` only: every located error of the uploaded agreement, in document order.',
      ),
    fit: z
      .object({
        field: z.string().describe('The field of the event that does not fit, e.g. `body.provision`.'),
        value: z.union([z.string(), z.number()]).describe('The value it holds.'),
        fits: z
          .array(z.union([z.string(), z.number()]))
          .describe('The values the adopted agreement allows there (possibly none).'),
      })
      .optional()
      .describe(
        "An event that does not fit the log's adopted agreement (`event-provision-unknown`, …) only.",
      ),
  })
  .meta({ title: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_TYPE_BASE = 'https://truce.example/problems/';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** An error the API answers as it is: status, code and a message a person can act on. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  /** Located errors of a document the request carried, answered as the problem's `errors` member. */
  readonly errors: ProblemError[] | undefined;
  /** Answered as the Retry-After header (a 429 or a 503): when to ask again. */
  readonly retryAfterSeconds: number | undefined;
  /** Answered as the problem's `fit` member: the event's field that does not fit the agreement. */
  fit: Problem['fit'];
  constructor(
    status: number,
    code: string,
    message: string,
    errors?: ProblemError[],
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
    this.fit = undefined;
  }
}

/** The HTTP status of each ledger refusal a request can cause; anything else is 422. */
const LEDGER_STATUS: Partial<Record<LedgerErrorCode, number>> = {
  'log-not-found': 404,
  'log-exists': 409,
  'append-stale-size': 409,
  'event-too-large': 413,
  'event-bad-signature': 403,
  'event-unknown-actor': 403,
  'event-not-permitted': 403,
  'event-id-taken': 409,
};

/** Fastify's own refusals (body parsing, limits, media types) under the API's codes. */
const FASTIFY_CODES: Record<string, { code: string; detail?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body-too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported-media-type',
    detail: 'Send the body as JSON with the header Content-Type: application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'body-empty', detail: 'The request needs a JSON body; it was empty.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'body-invalid',
    detail: 'Content-Length does not match the body.',
  },
};

export function problemOf(status: number, code: string, detail: string): Problem {
  return { type: `${PROBLEM_TYPE_BASE}${code}`, title: TITLES[status] ?? 'Error', status, detail, code };
}

/** Turns anything thrown while answering a request into a problem a client may see: no stack, no secret. */
export function toProblem(error: unknown): Problem | undefined {
  if (error instanceof HttpProblem) {
    const problem = problemOf(error.status, error.code, error.message);
    return {
      ...problem,
      ...(error.errors ? { errors: error.errors } : {}),
      ...(error.fit ? { fit: error.fit } : {}),
    };
  }
  if (error instanceof LedgerError)
    return problemOf(LEDGER_STATUS[error.code] ?? 422, error.code, error.message);
  if (error instanceof PlanError) return problemOf(422, error.code, error.message);
  const e = error as Partial<FastifyError>;
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const known = e.code ? FASTIFY_CODES[e.code] : undefined;
    if (known) return problemOf(e.statusCode, known.code, known.detail ?? String(e.message));
    if (e.statusCode === 400 && error instanceof SyntaxError) {
      return problemOf(
        400,
        'body-invalid-json',
        `The body is not valid JSON: ${error.message.slice(0, 200)}`,
      );
    }
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || /JSON/.test(String(e.message))) {
      return problemOf(400, 'body-invalid-json', 'The body is not valid JSON.');
    }
    return problemOf(e.statusCode, 'request-invalid', 'The request could not be read.');
  }
  return undefined;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer realm="truce"');
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** The one error handler: known refusals as they are, anything else as a bare 500 (logged, not shown). */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (error instanceof HttpProblem && error.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(error.retryAfterSeconds));
  if (problem) return sendProblem(reply, problem);
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(
    reply,
    problemOf(
      500,
      'internal-error',
      'The server failed to answer this request; the failure is in its log. Try again later.',
    ),
  );
}
