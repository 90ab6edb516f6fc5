import type { Crypto } from '../crypto/crypto.ts';
import type { SignedEvent } from './event.ts';
import { verifyEventSignature } from './event-sign.ts';
import { LedgerError } from './ledger-error.ts';
import { parseVerifierKey, type Verifier } from './signed-note.ts';

export type ActorRole = 'operator' | 'mediator' | 'party' | 'intermediary' | 'monitor' | 'witness';

/** An actor as registered in a log by an actor.registered event. */
export interface ActorRecord {
  actor: string;
  name: string;
  role: ActorRole;
  party?: string;
  key: string;
  revoked: boolean;
}

/** What the log knows that an event is checked against, loaded by the store for this one event. */
export interface AppendView {
  log: string;
  size: number;
  /** The operator key the log was created with (verifier key text). */
  operatorKey: string;
  /**
   * The registration of the actor who signed the event in force when the event occurred (by
   * occurredAt, actor-registry.ts), if any; revoked when a revocation had occurred by then.
   */
  actor: (ActorRecord & { from?: string; revokedFrom?: string }) | undefined;
  /** When the actor was not registered when the event occurred: when its first registration occurred. */
  registeredLater?: string;
  /** Referenced leaf hashes that are in the log, with the actor and kind of each. */
  refs: { get(leafHash: string): { actor: string; kind: string } | undefined };
}

/**
 * How checkEvent gets a key and checks a signature, when the caller knows better than parsing the
 * key and verifying anew (verify keeps one verifier per key and has signatures checked on other
 * threads). Each must throw exactly what parseVerifierKey and verifyEventSignature throw.
 */
export interface SignatureChecks {
  verifier(key: string): Verifier;
  signature(signed: SignedEvent, key: string, verifier: Verifier): void;
}

/** Roles that may record each kind; kinds not listed may be recorded by any registered actor. */
const ALLOWED: Partial<Record<string, ActorRole[]>> = {
  'actor.registered': ['operator'],
  'actor.revoked': ['operator'],
  'agreement.adopted': ['operator', 'mediator'],
  'phase.started': ['operator', 'mediator'],
  'phase.ended': ['operator', 'mediator'],
  'extension.agreed': ['operator', 'mediator'],
  'handover.confirmed': ['intermediary'],
  'list.accepted': ['party', 'mediator'],
  'list.rejected': ['party', 'mediator'],
  'list.submitted': ['party', 'operator'],
  'handover.completed': ['party', 'operator'],
  'allegation.resolved': ['mediator', 'operator'],
};

/** Kinds that refer (by `of`) to an allegation, and who may record them. */
const ABOUT_ALLEGATION = new Set(['allegation.withdrawn', 'allegation.resolved']);

/** The body members that refer to earlier events, by their leaf hashes. */
const REFERRING = ['of', 'list', 'handover', 'proposal'];

/** Every earlier event an event points at: its refs and the references inside its body. */
export function referencesOf(event: SignedEvent['event']): string[] {
  // Each once, in order (refs, then the body's): one array, no set and no copies (verify asks
  // this of every event, and most refer to none).
  const out: string[] = [];
  const refs = event.refs;
  if (refs) for (const r of refs) if (!out.includes(r)) out.push(r);
  const body = event.body as Record<string, unknown>;
  for (const k of REFERRING) {
    const v = body[k];
    if (typeof v === 'string' && !out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * Decides whether a signed event may be appended to a log in the state `view`: it names this log,
 * its actor is registered, not revoked and allowed this kind, its signature holds, and everything
 * it refers to is already in the log. The very first event registers the operator, self-signed.
 */
export function checkEvent(
  crypto: Crypto,
  signed: SignedEvent,
  view: AppendView,
  checks: SignatureChecks = {
    verifier: (key) => parseVerifierKey(crypto, key),
    signature: (s, _key, verifier) => verifyEventSignature(crypto, s, verifier),
  },
): void {
  const { event } = signed;
  if (event.log !== view.log) {
    throw new LedgerError(
      'event-wrong-log',
      `The event is for log "${event.log}", not "${view.log}": it cannot be replayed here.`,
    );
  }
  if (view.size === 0) {
    const body = event.body as { role?: string; key?: string; actor?: string };
    if (event.kind !== 'actor.registered' || body.role !== 'operator' || body.actor !== event.actor) {
      throw new LedgerError(
        'event-not-permitted',
        'The first event of a log registers its operator (actor.registered, role operator).',
      );
    }
    if (body.key !== view.operatorKey) {
      throw new LedgerError(
        'event-not-permitted',
        'The first event must register the operator key the log was created with.',
      );
    }
    checks.signature(signed, view.operatorKey, checks.verifier(view.operatorKey));
    return;
  }
  const actor = view.actor;
  if (!actor && view.registeredLater)
    throw new LedgerError(
      'event-before-registration',
      `Actor "${event.actor}" is registered from ${view.registeredLater} (when its actor.registered occurred), but this event occurred at ${event.occurredAt}, before that: a key is valid from its registration's occurredAt. Date the registration earlier (truce record actor.registered --occurred-at, truce log init --occurred-at) or give the event the time it occurred.`,
    );
  if (!actor)
    throw new LedgerError('event-unknown-actor', `Actor "${event.actor}" is not registered in this log.`);
  if (actor.revoked)
    throw new LedgerError(
      'event-unknown-actor',
      actor.revokedFrom
        ? `Actor "${event.actor}" was revoked from ${actor.revokedFrom} (when its actor.revoked occurred), and this event occurred at ${event.occurredAt}, after that: a revoked key records nothing from the revocation's occurredAt.`
        : `Actor "${event.actor}" has been revoked.`,
    );
  checks.signature(signed, actor.key, checks.verifier(actor.key));
  const allowed = ALLOWED[event.kind];
  if (allowed && !allowed.includes(actor.role)) {
    throw new LedgerError(
      'event-not-permitted',
      `A ${actor.role} may not record ${event.kind}; it is recorded by: ${allowed.join(', ')}.`,
    );
  }
  for (const ref of referencesOf(event)) {
    const target = view.refs.get(ref);
    if (!target)
      throw new LedgerError(
        'event-unknown-reference',
        `The event refers to ${ref}, which is not in this log.`,
      );
    if (ABOUT_ALLEGATION.has(event.kind) && ref === (event.body as { of?: string }).of) {
      if (target.kind !== 'violation.alleged') {
        throw new LedgerError(
          'event-not-permitted',
          `${event.kind} refers to a ${target.kind} event; it must refer to a violation.alleged event.`,
        );
      }
      if (event.kind === 'allegation.withdrawn' && target.actor !== event.actor) {
        throw new LedgerError(
          'event-not-permitted',
          `Only "${target.actor}", who made the allegation, can withdraw it; "${event.actor}" can dispute or acknowledge it.`,
        );
      }
    }
    if ((event.kind === 'acknowledgement' || event.kind === 'dispute') && target.actor === event.actor) {
      throw new LedgerError(
        'event-not-permitted',
        `An actor cannot ${event.kind === 'dispute' ? 'dispute' : 'acknowledge'} its own event.`,
      );
    }
  }
}
