import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Held, LogReads } from './log-reads.ts';
import { readerLang } from './reader-lang.ts';
import { CHECKPOINT_CACHE, CHECKPOINT_TYPE } from './routes/logs.ts';
import { STATUS_CACHE, STATUS_TYPE, STATUS_VARY, type StatusNow } from './routes/status.ts';
import { FULL_TILE_CACHE, PARTIAL_TILE_CACHE, TILE_TYPE } from './routes/tiles.ts';

const LOGS = '/api/logs/';

/**
 * Public reads of bytes the server already holds (log-reads.ts), answered as the request arrives,
 * before Fastify routes it: a full or partial hash tile or entry bundle, a log's checkpoint, its
 * status as of now in the reader's language (routes/status.ts, StatusNow). Such a request is an
 * anonymous GET, without a body, of data every caller may read: no hook of the app applies to it
 * (no token to check, not a costly route, no body to time), so Fastify's routing, hooks and reply
 * would only cost time. It is answered with the very status, headers and bytes the route answers
 * (the constants of tiles.ts, logs.ts and status.ts).
 *
 * Anything else goes to Fastify unchanged: another method (HEAD too), an Authorization header
 * (a bad token is refused even on a public route), a body, a query string, a percent-encoded path,
 * If-None-Match (a tile's route answers 304), bytes not held yet (the route reads and keeps them), or a
 * server that is closing (Fastify answers 503).
 */
export class HeldFront {
  readonly #reads: LogReads;
  readonly #status: StatusNow;
  #closed = false;

  constructor(reads: LogReads, status: StatusNow) {
    this.#reads = reads;
    this.#status = status;
  }

  /**
   * Puts the front before the server's request listeners (Fastify's among them): they are called
   * only for the requests it does not answer. Listeners added later see every request.
   */
  install(server: Server): void {
    const behind = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    // Fastify gives its handler to the server it creates: without it, both would answer.
    if (behind.length === 0)
      throw new Error('HeldFront.install: the server has no request listener to front');
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (this.answer(req, res)) return;
      for (const listener of behind) listener.call(server, req, res);
    });
  }

  /** From now on every request goes to Fastify (it answers 503 while closing). */
  close(): void {
    this.#closed = true;
  }

  /** Answers the request when it is a public read of bytes held; false (nothing sent) otherwise. */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.#closed || req.method !== 'GET') return false;
    const url = req.url;
    if (url === undefined || !url.startsWith(LOGS)) return false;
    const h = req.headers;
    if (
      h.authorization !== undefined ||
      h['if-none-match'] !== undefined ||
      h['content-length'] !== undefined ||
      h['transfer-encoding'] !== undefined
    )
      return false;
    // The path as Fastify's route sees it only when nothing in it is encoded or follows it.
    if (url.includes('%') || url.includes('?') || url.includes('#')) return false;
    const slash = url.indexOf('/', LOGS.length);
    if (slash < 0) return false;
    const logId = url.slice(LOGS.length, slash);
    const rest = url.slice(slash + 1);
    if (rest === 'status') {
      const held = this.#status.kept(logId, readerLang(req, {}), Date.now());
      if (held === undefined) return false;
      res.writeHead(200, {
        'cache-control': STATUS_CACHE,
        vary: STATUS_VARY,
        'content-type': STATUS_TYPE,
        'content-length': held.bytes.byteLength,
      });
      res.end(held.bytes);
      return true;
    }
    if (rest === 'checkpoint') {
      const held = this.#reads.currentKept(logId, 'checkpoint');
      return held !== undefined && send(res, held, CHECKPOINT_TYPE, CHECKPOINT_CACHE, false);
    }
    if (!rest.startsWith('tile/')) return false;
    const full = this.#reads.immutableKept(logId, rest);
    if (full) return send(res, full, TILE_TYPE, FULL_TILE_CACHE, true);
    const partial = this.#reads.currentKept(logId, rest);
    return partial !== undefined && send(res, partial, TILE_TYPE, PARTIAL_TILE_CACHE, true);
  }
}

/** 200 with the held bytes, their type and caching, and their entity tag when `tagged`. */
function send(res: ServerResponse, held: Held, type: string, cache: string, tagged: boolean): true {
  const headers: Record<string, string | number> = tagged
    ? { etag: held.etag!, 'cache-control': cache, 'content-type': type }
    : { 'content-type': type, 'cache-control': cache };
  headers['content-length'] = held.bytes.byteLength;
  res.writeHead(200, headers);
  res.end(held.bytes);
  return true;
}
