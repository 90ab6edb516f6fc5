import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { ActorRegistry } from './actor-registry.ts';
import { checkEvent } from './check-event.ts';
import type { EventEnvelope, SignedEvent } from './event.ts';
import { signEvent } from './event-sign.ts';
import { formatVerifierKey, generateSigner } from './signed-note.ts';

const operator = generateSigner(crypto, 'operator');
const oldKey = generateSigner(crypto, 'monitor');
const newKey = generateSigner(crypto, 'monitor');
const LOG = 'truce.example/log/t';
const envelope = (occurredAt: string, over: Partial<EventEnvelope> = {}): EventEnvelope => ({
  v: 1,
  log: LOG,
  kind: 'statement',
  occurredAt,
  recordedAt: '2026-12-06T12:00:00Z',
  actor: 'monitor',
  body: { text: 'Seen.' },
  ...over,
});
const register = (occurredAt: string, key = oldKey, role = 'monitor'): SignedEvent =>
  signEvent(
    crypto,
    envelope(occurredAt, {
      kind: 'actor.registered',
      actor: 'operator',
      body: { actor: 'monitor', name: 'Monitor', role, key: formatVerifierKey(key) },
    }),
    operator,
  );
const revoke = (occurredAt: string): SignedEvent =>
  signEvent(
    crypto,
    envelope(occurredAt, { kind: 'actor.revoked', actor: 'operator', body: { actor: 'monitor' } }),
    operator,
  );

/** checkEvent of the monitor's statement at `occurredAt`, against the registry. */
const check = (registry: ActorRegistry, occurredAt: string, key = oldKey) =>
  checkEvent(crypto, signEvent(crypto, envelope(occurredAt), key), {
    log: LOG,
    size: 5,
    operatorKey: formatVerifierKey(operator),
    ...registry.at('monitor', occurredAt),
    refs: new Map(),
  });

describe('ActorRegistry: a key by when its registration and revocation occurred', () => {
  it('given a registration dated in the past, recorded after other events, the key holds from its occurredAt, not before', () => {
    const r = new ActorRegistry();
    r.apply(register('2023-11-24T10:00:00+02:00'));
    expect(() => check(r, '2023-11-24T10:00:00+02:00')).not.toThrow();
    expect(() => check(r, '2023-11-25T09:00:00Z')).not.toThrow();
    expect(() => check(r, '2023-11-24T09:59:59+02:00')).toThrow(
      'Actor "monitor" is registered from 2023-11-24T10:00:00+02:00 (when its actor.registered occurred), but this event occurred at 2023-11-24T09:59:59+02:00, before that',
    );
    expect(() => check(r, '2023-11-23T00:00:00Z')).toThrow(
      expect.objectContaining({ code: 'event-before-registration' }),
    );
  });

  it('a revocation stops the key from its own occurredAt, even when recorded before later events of the past', () => {
    const r = new ActorRegistry();
    r.apply(register('2023-11-24T10:00:00+02:00'));
    // Recorded first (a sheet of keys), occurred later.
    r.apply(revoke('2023-11-26T00:00:00+02:00'));
    expect(() => check(r, '2023-11-25T23:59:59+02:00')).not.toThrow();
    expect(() => check(r, '2023-11-26T00:00:00+02:00')).toThrow(
      'Actor "monitor" was revoked from 2023-11-26T00:00:00+02:00 (when its actor.revoked occurred), and this event occurred at 2023-11-26T00:00:00+02:00',
    );
    expect(r.latest('monitor')?.revoked).toBe(true);
  });

  it('a key replaced later signs what occurred before the replacement, the new key what occurred after; the cache holds the latest', () => {
    const r = new ActorRegistry();
    r.apply(register('2023-11-25T00:00:00Z', newKey, 'mediator'));
    // Back-filled after the replacement: the first key, dated earlier.
    r.apply(register('2023-11-24T00:00:00Z', oldKey));
    expect(() => check(r, '2023-11-24T12:00:00Z', oldKey)).not.toThrow();
    expect(() => check(r, '2023-11-24T12:00:00Z', newKey)).toThrow(/signed with key/);
    expect(() => check(r, '2023-11-25T12:00:00Z', newKey)).not.toThrow();
    expect(r.standing('monitor', Date.parse('2023-11-24T12:00:00Z'))?.role).toBe('monitor');
    expect(r.latest('monitor')).toMatchObject({
      role: 'mediator',
      key: formatVerifierKey(newKey),
      revoked: false,
    });
    expect([...r.current().keys()]).toEqual(['monitor']);
  });

  it('a re-registration after a revocation makes the key valid again from its occurredAt', () => {
    const r = new ActorRegistry();
    r.apply(register('2023-11-24T00:00:00Z'));
    r.apply(revoke('2023-11-25T00:00:00Z'));
    r.apply(register('2023-11-26T00:00:00Z'));
    expect(() => check(r, '2023-11-24T12:00:00Z')).not.toThrow();
    expect(() => check(r, '2023-11-25T12:00:00Z')).toThrow(/revoked from 2023-11-25T00:00:00Z/);
    expect(() => check(r, '2023-11-26T12:00:00Z')).not.toThrow();
    expect(r.latest('monitor')?.revoked).toBe(false);
  });
});
