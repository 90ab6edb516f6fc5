import type { EventEnvelope, SignedEvent } from '../core/ledger/event.ts';
import { signEvent } from '../core/ledger/event-sign.ts';
import type { Principal } from './auth/principal.ts';
import type { ServerContext } from './context.ts';
import { HttpProblem } from './problem.ts';

/** An append body without a signature: `{ "event": {…} }` and nothing else. */
export function isUnsignedBody(body: object): body is { event: unknown } {
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === 'event';
}

/**
 * Signs an event sent without a signature with the custodial key of the token's actor: the key
 * the server holds (--keys) whose verifier is the one the log registered for that actor. The log's
 * rules are checked on the append as for any event (a revoked actor is refused there).
 */
export async function signCustodially(
  ctx: ServerContext,
  logId: string,
  principal: Principal,
  event: unknown,
): Promise<SignedEvent> {
  const actor = principal.actor ?? '';
  await ctx.store.requireLog(logId);
  const registered = await ctx.store.actor(logId, actor);
  const signer = registered ? ctx.keyring.signerFor(registered.key) : undefined;
  if (!signer) {
    throw new HttpProblem(
      422,
      'custodial-key-missing',
      `The event has no signature, and this server holds no key of actor ${JSON.stringify(actor)} to sign it with: sign it client-side and send {event, signature}, or start the server with --keys DIR holding that actor's key file.`,
    );
  }
  return signEvent(ctx.crypto, event as EventEnvelope, signer);
}
