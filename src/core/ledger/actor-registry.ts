import type { ActorRecord, ActorRole } from './check-event.ts';
import type { SignedEvent } from './event.ts';

/**
 * Keeps an actor registry in step with a log's events: actor.registered adds (or replaces) an
 * actor, actor.revoked marks it revoked. Returns the id of the actor that changed, if any.
 */
export function applyActorEvent(actors: Map<string, ActorRecord>, signed: SignedEvent): string | undefined {
  const { kind, body } = signed.event;
  if (kind === 'actor.registered') {
    const b = body as { actor: string; name: string; role: ActorRole; party?: string; key: string };
    actors.set(b.actor, {
      actor: b.actor,
      name: b.name,
      role: b.role,
      key: b.key,
      revoked: false,
      ...(b.party ? { party: b.party } : {}),
    });
    return b.actor;
  }
  if (kind === 'actor.revoked') {
    const id = (body as { actor: string }).actor;
    const a = actors.get(id);
    if (!a) return undefined;
    actors.set(id, { ...a, revoked: true });
    return id;
  }
  return undefined;
}
