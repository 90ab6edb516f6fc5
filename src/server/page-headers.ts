import type { FastifyReply } from 'fastify';

/** A page may load only its own scripts, styles and data: nothing from elsewhere, no framing. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The security headers of every HTML page the server serves: the dashboard and the situation report. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': PAGE_CSP,
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
});

/** Sets PAGE_HEADERS on a reply. */
export function securePage(reply: FastifyReply): FastifyReply {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) reply.header(name, value);
  return reply;
}
