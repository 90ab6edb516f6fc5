import type { FastifyRequest } from 'fastify';

/** Who may call the API: the five token roles, and `public` for anyone without a token. */
export const ROLES = ['operator', 'mediator', 'party', 'intermediary', 'monitor', 'public'] as const;
export type Role = (typeof ROLES)[number];
/** A role that holds a token. */
export type ActorRole = Exclude<Role, 'public'>;

/** Who made a request: an actor of one log, by its token, or the anonymous public. */
export interface Principal {
  role: Role;
  /** The actor id the token was issued to; null for the public. */
  actor: string | null;
  /** The agreement party the actor acts for (party tokens); null otherwise. */
  party: string | null;
  /** The one log the token is good for; null for the public. */
  log: string | null;
  /** The token's id (never its secret), for rate limits and audit; null for the public. */
  tokenId: string | null;
}

export const PUBLIC: Principal = Object.freeze({
  role: 'public',
  actor: null,
  party: null,
  log: null,
  tokenId: null,
});

const principals = new WeakMap<FastifyRequest, Principal>();

export function setPrincipal(request: FastifyRequest, principal: Principal): void {
  principals.set(request, principal);
}

/** Who made the request; the public when it carried no token. */
export function principalOf(request: FastifyRequest): Principal {
  return principals.get(request) ?? PUBLIC;
}
