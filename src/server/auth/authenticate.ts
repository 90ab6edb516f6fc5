import type { FastifyRequest } from 'fastify';
import type { ActorRecord } from '../../core/ledger/check-event.ts';
import { type TokenStore, tokenActorMismatch } from '../../store/token-store.ts';
import { HttpProblem } from '../problem.ts';
import { type Principal, PUBLIC } from './principal.ts';

/** Tokens are `truce_` and 43 base64url characters; anything much longer is not one. */
const BEARER = /^Bearer ([A-Za-z0-9._~+/-]{1,200}=*)$/;

/**
 * Who sent the request: the public without an Authorization header, else the actor whose live
 * token it carries, as long as the log still registers that actor with the token's role. A malformed header or an unknown or revoked token is refused (401), never
 * taken for the public: a client that meant to sign in should know it did not.
 */
export async function authenticate(
  tokens: TokenStore,
  registry: (log: string, actor: string) => Promise<ActorRecord | undefined>,
  request: FastifyRequest,
): Promise<Principal> {
  const header = request.headers.authorization;
  if (header === undefined) return PUBLIC;
  const m = BEARER.exec(header.trim());
  if (!m) {
    throw new HttpProblem(
      401,
      'auth-malformed',
      'The Authorization header must be "Bearer <token>", with the token truce token create printed.',
    );
  }
  const info = await tokens.find(m[1]!);
  if (!info) {
    throw new HttpProblem(
      401,
      'auth-invalid-token',
      'This token is not known or was revoked; ask the operator for a new one (truce token create).',
    );
  }
  // The log's registry has the last word: a revoked actor's tokens stop working, and a token
  // cannot claim a role the log does not give its actor.
  const mismatch = tokenActorMismatch(info, await registry(info.log, info.actor));
  if (mismatch) throw new HttpProblem(403, mismatch.code, mismatch.message);
  return { role: info.role, actor: info.actor, party: info.party, log: info.log, tokenId: info.id };
}
