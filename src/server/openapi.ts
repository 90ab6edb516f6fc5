import { z } from 'zod';
import { Problem } from './problem.ts';
import type { AnyRoute } from './route.ts';

type Json = Record<string, unknown>;
export type OpenApiDocument = Json & { paths: Record<string, Record<string, Json>> };

/** A component name OpenAPI accepts, from a zod id such as https://…/agreement.schema.json. */
function componentName(id: string): string {
  const last = id.split('/').filter(Boolean).at(-1) ?? id;
  const base = last.replace(/\.schema\.json$|\.json$/, '').replace(/[^A-Za-z0-9._-]/g, '-');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

/**
 * JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema. Schemas zod moves to `$defs`
 * (those with an id) go to the document's components, and references to them follow.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, Json>): Json {
  const { $schema, $defs, ...body } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json & { $defs?: Record<string, Json> };
  const names = new Map<string, string>();
  for (const key of Object.keys($defs ?? {})) names.set(key, componentName(key));
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!v || typeof v !== 'object') return v;
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')) {
        const key = x.slice(8).replaceAll('~1', '/').replaceAll('~0', '~');
        out[k] = `#/components/schemas/${names.get(key) ?? componentName(key)}`;
      } else out[k] = rewrite(x);
    }
    return out;
  };
  for (const [key, def] of Object.entries($defs ?? {})) components[names.get(key)!] = rewrite(def) as Json;
  return rewrite(body) as Json;
}

/** `/api/logs/:id/tile/*` → `/api/logs/{id}/tile/{path}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}').replace(/\*$/, '{path}');
}

function parameters(route: AnyRoute, components: Record<string, Json>): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const s = jsonSchema(schema, 'input', components) as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({
        name: name === '*' ? 'path' : name,
        in: where,
        required: where === 'path' || (s.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

const PROBLEM_WORDS: Record<number, string> = {
  400: 'The request is malformed: a parameter, header or body is not what the route takes.',
  401: 'No token, or one that is unknown or revoked: send Authorization: Bearer <token>.',
  403: 'The token may not do this (role, log), or the event is not signed by an actor allowed to record it.',
  404: 'Not found.',
  408: 'The body did not arrive within the time allowed (10 s); the connection is closed.',
  409: 'The log has moved on (stale expected size).',
  413: 'The body or the event is too large.',
  415: 'The body is not of a media type the route takes (JSON, unless it says otherwise).',
  422: 'The request is well formed but cannot be carried out.',
  429: 'Too many requests from this token or address this minute: wait as Retry-After says.',
  500: 'The server failed; the failure is in its log.',
  503: 'The database does not answer, or every worker is busy (server-busy): ask again as Retry-After says.',
};

/** The OpenAPI 3.1 document of the API, built from the route table and the routes' zod schemas. */
export function buildOpenApi(routes: AnyRoute[], info: { title: string; version: string }): OpenApiDocument {
  const components: Record<string, Json> = {};
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const responses: Json = {};
    for (const [status, r] of Object.entries(route.responses)) {
      const type = r.contentType ?? (r.schema ? 'application/json' : undefined);
      responses[status] = {
        description: r.description,
        ...(r.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(r.headers).map(([h, d]) => [
                  h,
                  { description: d, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        ...(type
          ? { content: { [type]: r.schema ? { schema: jsonSchema(r.schema, 'output', components) } : {} } }
          : {}),
      };
    }
    const guarded = route.access !== 'public';
    const statuses = [
      400,
      ...(guarded ? [401, 403] : []),
      ...(route.method === 'POST' ? [408] : []),
      ...(route.problems ?? []),
      429,
      500,
    ];
    for (const status of [...new Set(statuses)].sort((x, y) => x - y)) {
      responses[String(status)] = { description: PROBLEM_WORDS[status] ?? 'A problem.', content: problem };
    }
    const bodySchema = (type: string): Json =>
      route.body && /json/.test(type) ? jsonSchema(route.body, 'input', components) : { type: 'string' };
    const body = route.rawBodyTypes
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(route.rawBodyTypes.map((t) => [t, { schema: bodySchema(t) }])),
          },
        }
      : route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input', components) } },
            },
          }
        : {};
    const params = parameters(route, components);
    paths[openApiPath(route.url)] ??= {};
    paths[openApiPath(route.url)]![route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(guarded
        ? {
            security: [{ bearer: [] }],
            'x-roles': route.access === 'public' ? [] : [...route.access.roles],
          }
        : {}),
      ...(params.length ? { parameters: params } : {}),
      ...body,
      responses,
    };
  }
  components.Problem = jsonSchema(Problem, 'output', components);
  const securitySchemes = {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      description: 'A per-actor API token (truce token create); only its SHA-256 is stored.',
    },
  };
  return { openapi: '3.1.0', info, paths, components: { schemas: components, securitySchemes } };
}
