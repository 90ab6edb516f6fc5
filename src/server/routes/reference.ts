import { renderDocsPage } from '../docs-page.ts';
import { buildOpenApi } from '../openapi.ts';
import type { AnyRoute } from '../route.ts';
import { defineRoute } from '../route.ts';

export const API_INFO = { title: 'Truce API', version: '0.1.0' };

/**
 * GET /api/openapi.json and /api/docs: the document built from the route table (these two routes
 * included) and the reference page rendered from it, both computed once.
 */
export function referenceRoutes(others: AnyRoute[]): AnyRoute[] {
  let cached: { json: string; html: string } | undefined;
  const build = () => {
    if (!cached) {
      const doc = buildOpenApi([...others, ...routes], API_INFO);
      cached = { json: JSON.stringify(doc), html: renderDocsPage(doc) };
    }
    return cached;
  };
  const routes: AnyRoute[] = [
    defineRoute({
      method: 'GET',
      url: '/api/openapi.json',
      operationId: 'getOpenApi',
      tag: 'server',
      access: 'public',
      summary: 'This document: the API as OpenAPI 3.1',
      responses: { 200: { description: 'The OpenAPI document.', contentType: 'application/json' } },
      async handler({ reply }) {
        return reply
          .type('application/json; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(build().json);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/docs',
      operationId: 'getDocs',
      tag: 'server',
      access: 'public',
      summary: 'The API reference as an HTML page',
      responses: { 200: { description: 'The reference page.', contentType: 'text/html; charset=utf-8' } },
      async handler({ reply }) {
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(build().html);
      },
    }),
  ];
  return routes;
}
