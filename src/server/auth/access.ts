import { HttpProblem } from '../problem.ts';
import type { ActorRole, Principal } from './principal.ts';

/**
 * Who may call a route: anyone (`public`), or the actors holding a token of one of `roles`. A route
 * under /api/logs/{id} also needs the token to be one of that log (`log`). What a permitted caller
 * then sees of personal data is the handler's to decide (see persons-policy.ts).
 */
export type Access = 'public' | { roles: readonly ActorRole[]; log?: boolean };

export const ANY_ACTOR: readonly ActorRole[] = ['operator', 'mediator', 'party', 'intermediary', 'monitor'];

/** Refuses a caller the route does not admit: 401 without a token, 403 with the wrong one. */
export function checkAccess(access: Access, principal: Principal, logId: string | undefined): void {
  if (access === 'public') return;
  if (principal.role === 'public') {
    throw new HttpProblem(
      401,
      'auth-required',
      `This needs an API token of a ${access.roles.join(', ')}: send Authorization: Bearer <token> (made by truce token create).`,
    );
  }
  if (!access.roles.includes(principal.role)) {
    throw new HttpProblem(
      403,
      'role-not-permitted',
      `A ${principal.role} may not do this; it is for a ${access.roles.join(', ')}.`,
    );
  }
  if (access.log !== false && logId !== undefined && principal.log !== logId) {
    throw new HttpProblem(
      403,
      'token-wrong-log',
      `This token is for the log ${JSON.stringify(principal.log)}, not ${JSON.stringify(logId)}; use a token of that log.`,
    );
  }
}
