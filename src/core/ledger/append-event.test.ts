import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { toHex } from '../crypto/crypto.ts';
import { parseForAppend } from './append-event.ts';
import { canonicalBytes } from './canonical-json.ts';
import { referencesOf } from './check-event.ts';
import type { EventEnvelope } from './event.ts';
import { parseSignedEvent, signEvent } from './event-sign.ts';
import { generateSigner } from './signed-note.ts';
import { leafHash } from './tlog.ts';

const signer = generateSigner({ ...crypto, randomBytes: (n) => new Uint8Array(n).fill(9) }, 'party-a');

const bytesOf = (body: Record<string, unknown>, over: Partial<EventEnvelope> = {}) =>
  canonicalBytes(
    signEvent(
      crypto,
      {
        v: 1,
        log: 'truce.example/log/t',
        kind: 'statement',
        occurredAt: '2023-11-24T07:00:00+02:00',
        recordedAt: '2023-11-24T05:00:00Z',
        actor: 'party-a',
        body,
        ...over,
      },
      signer,
    ),
  );

describe('parseForAppend', () => {
  it.each([
    ['ASCII', { text: 'Batch 1 is on its way.' }],
    ['Arabic and Hebrew', { text: 'قافلة المساعدات — שיירה' }],
    ['a character out of the BMP', { text: 'aid 🚚 arrived' }],
  ])(
    'gives, with %s text, the bytes the signature signs as a slice of the event, not made again',
    (_, body) => {
      const ref = 'ab'.repeat(32);
      const bytes = bytesOf(body, { refs: [ref] });
      const p = parseForAppend(crypto, bytes);
      const signed = parseSignedEvent(bytes);
      expect(p.event).toEqual(signed);
      expect(p.message).toEqual(canonicalBytes(signed.event));
      // A view of the event's own bytes: the same memory, from just after `{"event":`.
      expect(p.message.buffer).toBe(bytes.buffer);
      expect(p.message.byteOffset).toBe(bytes.byteOffset + '{"event":'.length);
      expect(p.text).toBe(new TextDecoder().decode(bytes));
      expect(p.leaf).toEqual(leafHash(crypto.sha256, bytes));
      expect(p.hex).toBe(toHex(p.leaf));
      expect(p.refs).toEqual(referencesOf(signed.event));
      expect(p.refs).toEqual([ref]);
      expect(p.occurredMs).toBe(Date.parse('2023-11-24T05:00:00Z'));
    },
  );

  it('refuses what parseSignedEvent refuses, with its code and message', () => {
    const bytes = bytesOf({ text: 'x' });
    const spoiled = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('{', '{ '));
    const refusal = (f: () => unknown) => {
      try {
        f();
        return undefined;
      } catch (e) {
        return { code: (e as { code?: string }).code, message: (e as Error).message };
      }
    };
    expect(refusal(() => parseForAppend(crypto, spoiled))).toEqual(refusal(() => parseSignedEvent(spoiled)));
    expect(refusal(() => parseForAppend(crypto, spoiled))).toMatchObject({ code: 'event-not-canonical' });
  });
});
