import { z } from 'zod';
import { AgreementSchema } from '../../core/agreement/index.ts';
import type { Agreement } from '../../core/agreement/types.ts';
import { storedAgreement } from '../agreement-catalog.ts';
import {
  AgreementListItem,
  MAX_VERSIONS_PAGE,
  VersionPage,
  VersionParams,
  VersionQuery,
  VersionsQuery,
} from '../agreement-schemas.ts';
import type { ServerContext } from '../context.ts';
import { page, pageQuery } from '../paging.ts';
import { HttpProblem } from '../problem.ts';
import { defineRoute } from '../route.ts';

export const AgreementParams = z.strictObject({ id: z.string().min(1).max(200) });

/** A stored version does not change: it may be cached for as long as a cache likes. */
const VERSION_CACHE = 'public, max-age=31536000, immutable';
/** How many ids a 404 names at most. */
const NAMED = 20;

async function notFound(ctx: ServerContext, id: string): Promise<HttpProblem> {
  const known = await ctx.catalog.ids();
  const named = known.length > NAMED ? `${known.slice(0, NAMED).join(', ')}, …` : known.join(', ');
  return new HttpProblem(
    404,
    'agreement-not-found',
    `There is no agreement "${id}". Published: ${named || 'none'}.`,
  );
}

/**
 * The agreement `id` as the catalog serves it (its file, else its latest adopted version, else its
 * latest proposal), or its uploaded version `version`; a 404 says what there is instead.
 */
export async function requireAgreement(ctx: ServerContext, id: string, version?: number): Promise<Agreement> {
  const agreement = await ctx.catalog.get(id, version);
  if (agreement) return agreement;
  if (version === undefined) throw await notFound(ctx, id);
  const latest = await ctx.catalog.uploads.latestNumber(id);
  if (latest > 0) {
    throw new HttpProblem(
      404,
      'agreement-version-not-found',
      `Agreement "${id}" has versions 1 to ${latest}; there is no version ${version}.`,
    );
  }
  if (ctx.catalog.isFile(id)) {
    throw new HttpProblem(
      404,
      'agreement-version-not-found',
      `Agreement "${id}" is a file of the server, not uploaded: it has no numbered versions. Ask for "${id}" without a version.`,
    );
  }
  throw await notFound(ctx, id);
}

/** True when If-None-Match names this entity tag (weak comparison, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** GET /api/agreements, /api/agreements/:id and the versions of an uploaded agreement. */
/**
 * An agreement as the JSON bytes sent, made once per agreement object (the catalog keeps one per
 * text, never changed): not serialised and encoded again for each reader.
 */
const agreementJson = new WeakMap<Agreement, Buffer>();
function agreementBytes(agreement: Agreement): Buffer {
  let bytes = agreementJson.get(agreement);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(agreement));
    agreementJson.set(agreement, bytes);
  }
  return bytes;
}

export const agreementRoutes = (ctx: ServerContext) => [
  defineRoute({
    method: 'GET',
    url: '/api/agreements',
    operationId: 'listAgreements',
    tag: 'agreements',
    access: 'public',
    summary: 'The agreements and proposals the server publishes',
    description:
      'Every file of the server, then every uploaded agreement id with the version that stands for it: ' +
      'its latest adopted version, else its latest proposal.',
    query: z.strictObject(pageQuery('agreements', 500, 100)),
    responses: {
      200: {
        description: 'A page of the published agreements.',
        schema: z.object({ agreements: z.array(AgreementListItem), next: z.int().min(0).nullable() }),
      },
    },
    async handler({ query }) {
      const { items, next } = page(await ctx.catalog.list(), query.from, query.limit ?? 100);
      return {
        agreements: items.map(({ agreement: a, origin, status, version }) => ({
          id: a.id,
          title: a.title,
          kind: a.kind,
          version: a.version,
          origin,
          status,
          storedVersion: version,
        })),
        next,
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
    description: 'The file of that id, else its latest adopted version, else its latest proposal.',
    params: AgreementParams,
    responses: { 200: { description: 'The agreement.', schema: AgreementSchema } },
    problems: [404],
    async handler({ params, reply }) {
      reply.type('application/json; charset=utf-8');
      return agreementBytes(await requireAgreement(ctx, params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/agreements/:id/versions',
    operationId: 'listAgreementVersions',
    tag: 'agreements',
    access: 'public',
    summary: 'The uploaded versions of an agreement, oldest first, a page at a time',
    params: AgreementParams,
    query: VersionsQuery,
    responses: { 200: { description: 'A page of versions.', schema: VersionPage } },
    problems: [404],
    async handler({ params, query, reply }) {
      const latest = await ctx.catalog.uploads.latestNumber(params.id);
      if (latest === 0 && !ctx.catalog.isFile(params.id)) throw await notFound(ctx, params.id);
      const from = query.from ?? 1;
      const limit = Math.min(query.limit ?? 20, MAX_VERSIONS_PAGE);
      const versions = await ctx.catalog.uploads.list(params.id, from, limit);
      const last = versions.at(-1)?.version;
      reply.header('cache-control', 'no-cache');
      return {
        id: params.id,
        latest,
        from,
        versions,
        next: last !== undefined && last < latest ? last + 1 : null,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/agreements/:id/versions/:version',
    operationId: 'getAgreementVersion',
    tag: 'agreements',
    access: 'public',
    summary: 'One uploaded version: parsed, as JSON, or (`?format=source`) the text as uploaded',
    description:
      'A version never changes: it is cached as immutable, and its ETag (the SHA-256 of its source, ' +
      'with `.json` for the parsed form) answers If-None-Match with 304.',
    params: VersionParams,
    query: VersionQuery,
    responses: {
      200: {
        description:
          'The agreement as JSON; with `format=source`, the text with the media type it was uploaded as.',
        schema: AgreementSchema,
        headers: { ETag: 'The SHA-256 of the source, hex, quoted (`.json` appended for the parsed form).' },
      },
      304: { description: 'The client already has this version.' },
    },
    problems: [404],
    async handler({ params, query, request, reply }) {
      const stored = await ctx.catalog.uploads.get(params.id, params.version);
      // Not stored: requireAgreement answers the 404 that says what there is.
      if (!stored) return requireAgreement(ctx, params.id, params.version);
      const source = query.format === 'source';
      const etag = `"${stored.sha256}${source ? '' : '.json'}"`;
      reply.header('etag', etag).header('cache-control', VERSION_CACHE);
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      if (source) return reply.type(`${stored.mediaType}; charset=utf-8`).send(stored.source);
      return await storedAgreement(stored);
    },
  }),
];
