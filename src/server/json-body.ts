import type { FastifyInstance } from 'fastify';
import { decodeUtf8, notUtf8Message } from '../core/text/utf8.ts';
import { HttpProblem } from './problem.ts';

/** The deepest nesting of arrays and objects a JSON body may have; no request of the API needs 10. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of `text` (JSON), counting only brackets outside strings; stops past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Reads JSON bodies strictly, then as Fastify does (prototype poisoning refused): bytes that are
 * not UTF-8 are refused (400 `body-not-utf8`, with where), never read as replacement characters;
 * so is nesting deeper than MAX_JSON_DEPTH (400 `body-too-deep`), which would otherwise overflow
 * the stack of whatever walks the value.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (bytes.length === 0) {
      done(new HttpProblem(400, 'body-empty', 'The request needs a JSON body; it was empty.'), undefined);
      return;
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      done(
        new HttpProblem(
          400,
          'body-not-utf8',
          `The body is not UTF-8 at line ${decoded.line}, column ${decoded.column}: ${notUtf8Message(decoded)}.`,
        ),
        undefined,
      );
      return;
    }
    if (jsonDepth(decoded.text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(
        new HttpProblem(
          400,
          'body-too-deep',
          `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; no request needs that many. Flatten it and send it again.`,
        ),
        undefined,
      );
      return;
    }
    parse(request, decoded.text, done);
  });
}
