import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { securePage } from '../page-headers.ts';
import { problemOf, sendProblem } from '../problem.ts';

/** Where `npm run build:web` writes the dashboard. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['js', 'css', 'svg', 'json', 'txt']);
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.([a-z0-9]+)$/;

interface Asset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

function acceptsGzip(request: FastifyRequest): boolean {
  return /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset): FastifyReply {
  reply.type(asset.type).header('vary', 'accept-encoding').header('x-content-type-options', 'nosniff');
  if (asset.gzip && acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}

/**
 * The dashboard (web/, built to web/dist): its hashed assets under /assets/ (immutable, cached a
 * year, gzipped when asked), and index.html for every other GET outside /api, so that the app's
 * own paths (/agreements/…, /logs/…, /compare, /workspace) load it and it routes in the browser.
 * /api keeps its own 404 problem. Without a build, the pages answer 503 saying how to make one.
 */
export function registerDashboard(app: FastifyInstance, webDir: string = DEFAULT_WEB_DIR): void {
  const assets = new Map<string, Asset>();
  const notBuilt = (reply: FastifyReply) =>
    sendProblem(
      reply,
      problemOf(
        503,
        'dashboard-not-built',
        'The dashboard has not been built: run `npm run build:web` (or `npm start`, which builds it), then reload.',
      ),
    );

  app.get('/assets/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const match = ASSET_NAME.exec(name);
    if (!match) return reply.callNotFound();
    let asset = assets.get(name);
    if (!asset) {
      let body: Buffer;
      try {
        body = await readFile(join(webDir, 'assets', name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return reply.callNotFound();
        throw e;
      }
      const ext = match[1]!;
      asset = {
        body,
        gzip: COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body) : null,
        type: TYPES[ext] ?? 'application/octet-stream',
      };
      // Asset names carry a hash of their content: one never changes once read.
      assets.set(name, asset);
    }
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    return send(request, reply, asset);
  });

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    let html: Buffer;
    try {
      // Read on each request (it is small): a rebuild names new assets and is served at once.
      html = await readFile(join(webDir, 'index.html'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return notBuilt(reply);
      throw e;
    }
    securePage(reply).header('cache-control', 'no-cache');
    return send(request, reply, { body: html, gzip: null, type: 'text/html; charset=utf-8' });
  };
  app.get('/', page);
  app.get('/*', page);
}
