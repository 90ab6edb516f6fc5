import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Access, checkAccess } from './auth/access.ts';
import { principalOf } from './auth/principal.ts';
import { HttpProblem } from './problem.ts';

/** One documented response of a route: JSON described by a zod schema, or another media type. */
export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json (with a schema) or nothing. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * A route of the API, as registered with Fastify and as documented in the OpenAPI document: the
 * same zod schemas check the request and describe it.
 */
export interface Route<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST';
  /** Fastify path: `:name` parameters, a trailing `*` for the rest of the path. */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Who may call it: checked before the input, so a refused caller learns nothing of it. */
  access: Access;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** The request body, checked by this schema unless `bodyCheckedByHandler`. */
  body?: z.ZodType<B>;
  bodyCheckedByHandler?: boolean;
  bodyLimit?: number;
  /**
   * Media types the handler takes as raw bytes (a Buffer), e.g. YAML as well as JSON. Such a route
   * is registered in a Fastify context of its own, so that no other route accepts those types, and
   * its caller's access is checked before the body is read.
   */
  rawBodyTypes?: readonly string[];
  responses: Record<number, RouteResponse>;
  /**
   * Costly to answer (a plan, a comparison, a log judged at a chosen moment): without a token, such
   * requests are limited per client address. A function decides from the query string.
   */
  heavy?: boolean | ((query: Record<string, unknown>) => boolean);
  /** Problem responses the route may answer, besides 400 for a malformed request and 500. */
  problems?: number[];
  handler(input: RouteInput<P, Q, B>): Promise<unknown>;
}

/** A route with its types erased, as the table holds it: registerRoutes checks the input first. */
export type AnyRoute = Route<unknown, unknown, unknown>;

/** Types a route by its schemas; the table holds them as AnyRoute. */
export function defineRoute<P, Q, B>(route: Route<P, Q, B>): AnyRoute {
  return route as unknown as AnyRoute;
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(value)'}: ${i.message}`).join('; ');
}

function check<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new HttpProblem(400, 'request-invalid', `The ${where} is not valid: ${issues(parsed.error)}.`);
  return parsed.data;
}

/** Registers a route that takes raw bodies of its media types, and only those, in a context of its own. */
function registerRawBodyRoute(app: FastifyInstance, route: AnyRoute, types: readonly string[]): void {
  app.register(async (child) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser([...types], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    // The caller's access is checked by the route's onRequest hook (registerRoutes), before this one.
    child.addHook('preParsing', async (request, _reply, payload) => {
      const length = Number(request.headers['content-length']);
      if (route.bodyLimit && length > route.bodyLimit) {
        throw new HttpProblem(
          413,
          'body-too-large',
          `The body is ${length} bytes; this route takes at most ${route.bodyLimit} (${Math.floor(route.bodyLimit / 1024)} KiB).`,
        );
      }
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!type || !types.includes(type)) {
        throw new HttpProblem(
          415,
          'unsupported-media-type',
          `${type ? `A body of type ${type}` : 'A body without a Content-Type'} is not taken here: send it as one of ${types.join(', ')}.`,
        );
      }
      return payload;
    });
    registerRoutes(child, [{ ...route, rawBodyTypes: undefined }]);
  });
}

/** True when the route matched by `request` is costly for it (Route.heavy). */
export function isHeavy(request: FastifyRequest): boolean {
  const heavy = (request.routeOptions.config as { heavy?: Route['heavy'] }).heavy;
  return typeof heavy === 'function' ? heavy(request.query as Record<string, unknown>) : heavy === true;
}

/** Registers every route of the table with Fastify, checking its input with its zod schemas. */
export function registerRoutes(app: FastifyInstance, routes: AnyRoute[]): void {
  for (const route of routes) {
    if (route.rawBodyTypes) {
      registerRawBodyRoute(app, route, route.rawBodyTypes);
      continue;
    }
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      config: { heavy: route.heavy ?? false },
      // Checked before the body is read: a caller the route does not admit costs no parsing. A
      // public route admits everyone: nothing to check.
      ...(route.access === 'public'
        ? {}
        : {
            onRequest: async (request: FastifyRequest) => {
              const logId = route.url.startsWith('/api/logs/:id')
                ? (request.params as { id?: string }).id
                : undefined;
              checkAccess(route.access, principalOf(request), logId);
            },
          }),
      handler: async (request, reply) => {
        const params = check(route.params, request.params, 'path');
        const query = check(route.query, request.query, 'query string');
        const body = route.bodyCheckedByHandler ? request.body : check(route.body, request.body, 'body');
        return route.handler({ params, query, body, request, reply });
      },
    });
  }
}

const served = new WeakMap<FastifyInstance, readonly AnyRoute[]>();

/** Notes the route table an app serves, for tests and tools that go through every route. */
export function rememberRoutes(app: FastifyInstance, routes: readonly AnyRoute[]): void {
  served.set(app, routes);
}

/** The route table `app` serves (empty for an app not built by buildApp). */
export function servedRoutes(app: FastifyInstance): readonly AnyRoute[] {
  return served.get(app) ?? [];
}
