import { type Crypto, toHex } from '../../../src/core/crypto/crypto.ts';
import { ActorRegistry } from '../../../src/core/ledger/actor-registry.ts';
import { type ActorRecord, checkEvent } from '../../../src/core/ledger/check-event.ts';
import type { SignedEvent } from '../../../src/core/ledger/event.ts';
import { parseSignedEvent } from '../../../src/core/ledger/event-sign.ts';
import type { ProofErrorCode } from './proof-result.ts';

export type ActorCheck =
  | { ok: true; actor: ActorRecord; event: SignedEvent }
  | { ok: false; code: ProofErrorCode; message: string };

const REGISTRY_KINDS = new Set(['actor.registered', 'actor.revoked']);

const CODES: Partial<Record<string, ProofErrorCode>> = {
  'event-unknown-actor': 'actor-unknown',
  'event-before-registration': 'actor-unknown',
  'event-bad-signature': 'actor-bad-signature',
  'event-not-permitted': 'actor-not-permitted',
};

/**
 * Checks event `index` as the log checked it when it was appended, from entries already verified
 * against a signed checkpoint: the actor registry is replayed from the log's own registrations
 * (each checked in turn: the first self-signed with the pinned operator key, the others signed by
 * the operator), then the event must name this log, be signed by the key its actor had registered
 * and not revoked, be of a kind the actor's role may record, and refer only to earlier events.
 */
export function checkActor(
  crypto: Crypto,
  logId: string,
  operatorKey: string,
  entries: Uint8Array[],
  leaves: Uint8Array[],
  index: number,
): ActorCheck {
  const registry = new ActorRegistry();
  const refs = new Map<string, { actor: string; kind: string }>();
  const view = (size: number, signed: SignedEvent) => ({
    log: logId,
    size,
    operatorKey,
    ...registry.at(signed.event.actor, signed.event.occurredAt),
    refs,
  });
  for (let i = 0; i < index; i++) {
    let signed: SignedEvent;
    try {
      signed = parseSignedEvent(entries[i]!);
    } catch (e) {
      return {
        ok: false,
        code: 'registry-invalid',
        message: `Entry ${i} of the log: ${(e as Error).message}`,
      };
    }
    if (REGISTRY_KINDS.has(signed.event.kind)) {
      try {
        checkEvent(crypto, signed, view(i, signed));
      } catch (e) {
        return {
          ok: false,
          code: 'registry-invalid',
          message: `The registration at entry ${i} does not hold: ${(e as Error).message}`,
        };
      }
      registry.apply(signed);
    }
    refs.set(toHex(leaves[i]!), { actor: signed.event.actor, kind: signed.event.kind });
  }
  let signed: SignedEvent;
  try {
    signed = parseSignedEvent(entries[index]!);
    checkEvent(crypto, signed, view(index, signed));
  } catch (e) {
    const code = CODES[(e as { code?: string }).code ?? ''] ?? 'event-invalid';
    return { ok: false, code, message: (e as Error).message };
  }
  const actor: ActorRecord =
    registry.at(signed.event.actor, signed.event.occurredAt).actor ??
    // The first event registers the operator itself.
    ({
      actor: signed.event.actor,
      name: signed.event.actor,
      role: 'operator',
      key: operatorKey,
      revoked: false,
    } as const);
  return { ok: true, actor, event: signed };
}
