import { canonicalBytes } from '../../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../../src/core/ledger/event.ts';
import { signEvent } from '../../src/core/ledger/event-sign.ts';
import { formatVerifierKey, generateSigner, type Signer } from '../../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../../src/platform/node-crypto.ts';
import type { LedgerStore } from '../../src/store/ledger-store.ts';

export const crypto = nodeCrypto;

/** Keys and event makers for one test log: an operator, two parties, an intermediary, a monitor. */
export function ledgerFixture(logId = 'test-log') {
  const keys: Record<string, Signer> = {
    operator: generateSigner(crypto, 'operator'),
    'party-a': generateSigner(crypto, 'party-a'),
    'party-b': generateSigner(crypto, 'party-b'),
    icrc: generateSigner(crypto, 'icrc'),
    monitor: generateSigner(crypto, 'monitor'),
    // Not in genesis(): a test that needs a mediator registers it with register('mediator').
    mediator: generateSigner(crypto, 'mediator'),
  };
  let clock = Date.parse('2023-11-24T05:00:00Z');
  const event = (
    actor: string,
    kind: string,
    body: Record<string, unknown>,
    over: Partial<EventEnvelope> = {},
  ) => {
    clock += 1000;
    const at = new Date(clock).toISOString();
    return canonicalBytes(
      signEvent(
        crypto,
        { v: 1, log: logId, kind, occurredAt: at, recordedAt: at, actor, body, ...over } as EventEnvelope,
        keys[actor] ?? keys.operator!,
      ),
    );
  };
  const roles: Record<string, string> = {
    operator: 'operator',
    'party-a': 'party',
    'party-b': 'party',
    icrc: 'intermediary',
    monitor: 'monitor',
    mediator: 'mediator',
  };
  const register = (actor: string) =>
    event('operator', 'actor.registered', {
      actor,
      name: actor,
      role: roles[actor],
      key: formatVerifierKey(keys[actor]!),
      ...(roles[actor] === 'party' ? { party: actor } : {}),
    });
  /** The events that open a log: the operator registers itself, then every other actor. */
  const genesis = () => ['operator', 'party-a', 'party-b', 'icrc', 'monitor'].map(register);
  const operatorKey = formatVerifierKey(keys.operator!);
  /** Creates this fixture's log (origin truce.example/<log id>) in a store. */
  const createLog = (store: LedgerStore) =>
    store.createLog({
      id: logId,
      origin: `truce.example/${logId}`,
      logKey: operatorKey,
      createdAt: '2023-11-24T00:00:00Z',
    });
  /** The fixture's clock: when its last event was recorded (a server under test reads its time from it). */
  const now = () => clock;
  return { logId, keys, event, register, genesis, operatorKey, createLog, now };
}
