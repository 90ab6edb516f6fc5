import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.ts';

/** How long a client may take to send a request body (256 KiB takes well under a second). */
export const BODY_TIMEOUT_MS = 10_000;

/**
 * Gives every request body a time budget from the moment its headers are read: a client that
 * sends its body too slowly (a byte now and then, to hold the connection and its buffers) is
 * answered 408 `body-too-slow` and its connection closed.
 */
export function limitBodyTime(app: FastifyInstance, ms = BODY_TIMEOUT_MS): void {
  // A callback hook: a request without a body (most are GETs) costs no promise.
  app.addHook('preParsing', (request, reply, payload, next) => {
    const length = request.headers['content-length'];
    if ((length === undefined || length === '0') && request.headers['transfer-encoding'] === undefined)
      return next(null, payload);
    const timed = new PassThrough();
    const timer = setTimeout(() => {
      reply.header('connection', 'close');
      timed.destroy(
        new HttpProblem(
          408,
          'body-too-slow',
          `The request body did not arrive within ${ms / 1000} s; send it at once, as a whole.`,
        ),
      );
      payload.unpipe(timed);
    }, ms);
    const done = () => clearTimeout(timer);
    payload.once('end', done);
    payload.once('close', done);
    // Answered without reading the body (refused before it): nothing is waited for any more.
    reply.raw.once('close', done);
    reply.raw.once('finish', done);
    // A body no parser reads has no other listener: its timeout must not be an uncaught error.
    timed.on('error', () => {});
    payload.once('error', (e) => {
      done();
      timed.destroy(e);
    });
    timed.once('close', done);
    // Fastify compares the bytes received with Content-Length through this property of the stream.
    Object.defineProperty(timed, 'receivedEncodedLength', {
      get: () => (payload as { receivedEncodedLength?: number }).receivedEncodedLength,
    });
    next(null, payload.pipe(timed));
  });
}
