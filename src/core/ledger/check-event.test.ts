import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { toHex } from '../crypto/crypto.ts';
import { canonicalBytes } from './canonical-json.ts';
import { type AppendView, checkEvent } from './check-event.ts';
import type { EventEnvelope } from './event.ts';
import { parseSignedEvent, signEvent } from './event-sign.ts';
import { formatVerifierKey, generateSigner } from './signed-note.ts';
import { leafHash } from './tlog.ts';

const operator = generateSigner(crypto, 'operator');
const party = generateSigner(crypto, 'party-a');
const envelope = (over: Partial<EventEnvelope>): EventEnvelope => ({
  v: 1,
  log: 'truce.example/log/t',
  kind: 'statement',
  occurredAt: '2023-11-24T07:00:00+02:00',
  recordedAt: '2023-11-24T05:00:00Z',
  actor: 'party-a',
  body: { text: 'Batch 1 is on its way.' },
  ...over,
});
const view = (over: Partial<AppendView> = {}): AppendView => ({
  log: 'truce.example/log/t',
  size: 3,
  operatorKey: formatVerifierKey(operator),
  actor: { actor: 'party-a', name: 'Party A', role: 'party', key: formatVerifierKey(party), revoked: false },
  refs: new Map(),
  ...over,
});

describe('checkEvent', () => {
  it('given a registered party, when it signs a statement, then it may be appended', () => {
    expect(() => checkEvent(crypto, signEvent(crypto, envelope({}), party), view())).not.toThrow();
  });

  it('the first event must register the operator, self-signed, with the log key', () => {
    const first = envelope({
      kind: 'actor.registered',
      actor: 'operator',
      body: { actor: 'operator', name: 'Operator', role: 'operator', key: formatVerifierKey(operator) },
    });
    expect(() => checkEvent(crypto, signEvent(crypto, first, operator), view({ size: 0 }))).not.toThrow();
    expect(() => checkEvent(crypto, signEvent(crypto, envelope({}), party), view({ size: 0 }))).toThrow(
      /first event/,
    );
  });

  it.each([
    [
      'a forged signature',
      () => {
        const signed = signEvent(crypto, envelope({}), party);
        return { ...signed, event: { ...signed.event, body: { text: 'Batch 1 was handed over.' } } };
      },
      {},
      'event-bad-signature',
    ],
    [
      'a key that is not the actor’s',
      () => signEvent(crypto, envelope({}), operator),
      {},
      'event-bad-signature',
    ],
    [
      'an unknown actor',
      () => signEvent(crypto, envelope({}), party),
      { actor: undefined },
      'event-unknown-actor',
    ],
    [
      'a revoked actor',
      () => signEvent(crypto, envelope({}), party),
      {
        actor: {
          actor: 'party-a',
          name: 'A',
          role: 'party' as const,
          key: formatVerifierKey(party),
          revoked: true,
        },
      },
      'event-unknown-actor',
    ],
    [
      'a replay from another log',
      () => signEvent(crypto, envelope({ log: 'other' }), party),
      {},
      'event-wrong-log',
    ],
    [
      'a role not allowed the kind',
      () => signEvent(crypto, envelope({ kind: 'actor.revoked', body: { actor: 'x' } }), party),
      {},
      'event-not-permitted',
    ],
    [
      'a reference to nothing',
      () => signEvent(crypto, envelope({ kind: 'acknowledgement', body: { of: 'a'.repeat(64) } }), party),
      {},
      'event-unknown-reference',
    ],
  ] as const)('refuses %s', (_, make, over, code) => {
    expect(() => checkEvent(crypto, make() as never, view(over as Partial<AppendView>))).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('refuses disputing one’s own event, allows disputing another’s', () => {
    const ref = 'b'.repeat(64);
    const dispute = signEvent(
      crypto,
      envelope({ kind: 'dispute', body: { of: ref, reason: 'Only 65 trucks.' } }),
      party,
    );
    expect(() =>
      checkEvent(
        crypto,
        dispute,
        view({ refs: new Map([[ref, { actor: 'party-a', kind: 'aid.delivered' }]]) }),
      ),
    ).toThrow(/own event/);
    expect(() =>
      checkEvent(
        crypto,
        dispute,
        view({ refs: new Map([[ref, { actor: 'party-b', kind: 'aid.delivered' }]]) }),
      ),
    ).not.toThrow();
  });
});

describe('signed events', () => {
  it('round-trip through their canonical bytes, and their leaf hash is stable', () => {
    const signed = signEvent(crypto, envelope({}), party);
    const bytes = canonicalBytes(signed);
    expect(parseSignedEvent(bytes)).toEqual(signed);
    expect(toHex(leafHash(crypto.sha256, bytes))).toBe(
      toHex(leafHash(crypto.sha256, canonicalBytes(parseSignedEvent(bytes)))),
    );
  });

  it('refuses invalid UTF-8, non-canonical bytes, oversized events and bodies of the wrong shape', () => {
    const bytes = canonicalBytes(signEvent(crypto, envelope({}), party));
    expect(() => parseSignedEvent(new Uint8Array([...bytes.slice(0, 20), 0xff, ...bytes.slice(21)]))).toThrow(
      /UTF-8/,
    );
    const spaced = new TextEncoder().encode(
      JSON.stringify(JSON.parse(new TextDecoder().decode(bytes)), null, 1),
    );
    expect(() => parseSignedEvent(spaced)).toThrow(expect.objectContaining({ code: 'event-not-canonical' }));
    expect(() => parseSignedEvent(new Uint8Array(70_000))).toThrow(
      expect.objectContaining({ code: 'event-too-large' }),
    );
    expect(() => signEvent(crypto, envelope({ body: { text: 'x'.repeat(70_000) } }), party)).toThrow();
    expect(() =>
      signEvent(crypto, envelope({ kind: 'aid.delivered', body: { quantity: 3 } }), party),
    ).toThrow(/aid.delivered/);
    expect(() => signEvent(crypto, envelope({ body: { text: 'hi', name: 'Someone' } }), party)).toThrow(
      /body/,
    );
  });
});
