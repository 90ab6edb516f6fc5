import type { ActorRecord } from './check-event.ts';

/** One thing wrong with the stored actors table, which is only a cache of the log's registry. */
export interface RegistryProblem {
  code: 'actor-cache-mismatch' | 'actor-cache-extra' | 'actor-cache-missing' | 'token-not-in-registry';
  where: string;
  message: string;
}

const FIX =
  'The server signs people in against this table: rebuild it from the log (truce import of a verified export into a fresh database) or restore it from a backup.';

const as = (a: ActorRecord) => (a.party ? `${a.role} of ${a.party}` : a.role);

/**
 * Checks the stored actors table against the registry recomputed from the log's actor.registered
 * and actor.revoked events: every row must say exactly what the events say, none may be missing
 * and none added. Names each field that differs (revocation, key, role, name).
 */
export function checkActorCache(
  registry: Map<string, ActorRecord>,
  stored: ActorRecord[],
): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  const seen = new Set<string>();
  for (const row of stored) {
    const where = `actor ${row.actor}`;
    seen.add(row.actor);
    const logged = registry.get(row.actor);
    if (!logged) {
      problems.push({
        code: 'actor-cache-extra',
        where,
        message: `The actors table registers "${row.actor}" (${as(row)}), but no actor.registered event of the log does. ${FIX}`,
      });
      continue;
    }
    const differs: string[] = [];
    if (logged.revoked !== row.revoked)
      differs.push(
        logged.revoked
          ? 'the table shows it active, but the log revoked it (actor.revoked)'
          : 'the table shows it revoked, but the log never revoked it',
      );
    if (logged.key !== row.key) differs.push('the table holds another key than the one the log registered');
    if (logged.role !== row.role || (logged.party ?? null) !== (row.party ?? null))
      differs.push(`the table says ${as(row)}, the log registered ${as(logged)}`);
    if (logged.name !== row.name) differs.push(`the table names it "${row.name}", the log "${logged.name}"`);
    if (differs.length)
      problems.push({
        code: 'actor-cache-mismatch',
        where,
        message: `The actors table disagrees with the log about "${row.actor}": ${differs.join('; ')}. ${FIX}`,
      });
  }
  for (const a of registry.values())
    if (!seen.has(a.actor))
      problems.push({
        code: 'actor-cache-missing',
        where: `actor ${a.actor}`,
        message: `The log registers "${a.actor}" (${as(a)}), but the actors table has no row for it. ${FIX}`,
      });
  return problems;
}

/**
 * Live API tokens against the registry the log's events give: a token may only stand for an actor
 * the log registered, with the role (and party) the log gave it. A revoked actor's token is not a
 * fault of storage (sign-in refuses it), so it is not named here.
 */
export function checkTokens(
  registry: Map<string, ActorRecord>,
  tokens: { id: string; actor: string; role: string; party: string | null; revoked: boolean }[],
): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  for (const t of tokens) {
    if (t.revoked) continue;
    const a = registry.get(t.actor);
    const says = t.party ? `${t.role} of ${t.party}` : t.role;
    if (!a || a.role !== t.role || (a.party ?? null) !== (t.party ?? null))
      problems.push({
        code: 'token-not-in-registry',
        where: `token ${t.id}`,
        message: `A live token says "${t.actor}" is ${says}, but the log ${a ? `registers it as ${as(a)}` : 'never registered it'}: the tokens table was changed, or the token outlived a new registration. Revoke it (truce token revoke ${t.id}) and make a new one with the registered role.`,
      });
  }
  return problems;
}
