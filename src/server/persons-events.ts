import { SignedEvent } from '../core/ledger/event.ts';
import { throughOf } from './auth/persons-policy.ts';
import type { ServerContext } from './context.ts';
import { HttpProblem } from './problem.ts';

/**
 * Refuses at once, on the API, the events the persons policy would take as nothing (see
 * auth/persons-policy.ts, which ignores them whatever way they reached a log): a party accepting
 * its own list, and an intermediary confirming a handover that did not go through it. 422
 * `event-not-permitted`, saying who may record it instead.
 */
export async function checkPersonsEvent(ctx: ServerContext, logId: string, signed: unknown): Promise<void> {
  // What is not a signed event is refused by the log's own check, with its own error.
  const parsed = SignedEvent.safeParse(signed);
  if (!parsed.success) return;
  const { kind, actor, body } = parsed.data.event;
  if (kind === 'list.accepted' && typeof body.list === 'string') {
    const list = await ctx.store.entryByLeafHash(logId, body.list);
    if (list?.event.event.kind !== 'list.submitted') return;
    const [acceptor, lister] = await Promise.all([
      ctx.store.actor(logId, actor),
      ctx.store.actor(logId, list.event.event.actor),
    ]);
    if (acceptor?.role === 'party' && acceptor.party && acceptor.party === lister?.party) {
      throw new HttpProblem(
        422,
        'event-not-permitted',
        `A party cannot accept its own list: list ${body.list.slice(0, 12)}… was submitted for party "${acceptor.party}", the party "${actor}" acts for. The other party, or a mediator, accepts it.`,
      );
    }
  } else if (kind === 'handover.confirmed' && typeof body.handover === 'string') {
    const handover = await ctx.store.entryByLeafHash(logId, body.handover);
    if (handover?.event.event.kind !== 'handover.completed') return;
    const handed = handover.event.event.body as Record<string, unknown>;
    const to = typeof handed.to === 'string' ? await ctx.store.actor(logId, handed.to) : undefined;
    const through = throughOf(handed, () => to?.role === 'intermediary');
    if (!through.includes(actor)) {
      throw new HttpProblem(
        422,
        'event-not-permitted',
        `Intermediary "${actor}" cannot confirm handover ${body.handover.slice(0, 12)}…: it went ${through.length ? `through ${through.map((t) => `"${t}"`).join(' and ')}` : 'through no intermediary (no via)'}. Only the intermediary a handover went through (its via, or its to) confirms it.`,
      );
    }
  }
}
