import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeCrypto as crypto } from '../../platform/node-crypto.ts';
import { canonicalBytes, canonicalize } from './canonical-json.ts';
import { MAX_EVENT_BYTES, SignedEvent } from './event.ts';
import { checkEnvelope, parseCanonicalEvent, parseSignedEvent, signEvent } from './event-sign.ts';
import { LedgerError } from './ledger-error.ts';
import { generateSigner } from './signed-note.ts';

// A fixed key: the seed comes from a randomBytes that gives sevens.
const signer = generateSigner({ ...crypto, randomBytes: (n) => new Uint8Array(n).fill(7) }, 'party-a');

/** The parse as it was before it checked the envelope once: every step in full, in order (the oracle). */
function fullParse(bytes: Uint8Array): SignedEvent {
  if (bytes.length > MAX_EVENT_BYTES) throw new LedgerError('event-too-large', 'too large');
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    value = JSON.parse(text);
  } catch {
    throw new LedgerError('event-invalid', 'The event is not valid UTF-8 JSON.');
  }
  const parsed = SignedEvent.safeParse(value);
  if (!parsed.success)
    throw new LedgerError(
      'event-invalid',
      `The event is not valid: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(top)'}: ${i.message}`).join('; ')}.`,
    );
  const signed = { event: checkEnvelope(parsed.data.event), signature: parsed.data.signature };
  if (new TextDecoder().decode(canonicalBytes(signed)) !== text)
    throw new LedgerError(
      'event-not-canonical',
      'The event is not in RFC 8785 canonical form (or not in Unicode NFC).',
    );
  return signed;
}

const outcome = (f: () => SignedEvent) => {
  try {
    return { event: f() };
  } catch (e) {
    return { code: (e as LedgerError).code, message: (e as Error).message };
  }
};

/** Ways to spoil a signed event's text, or none. */
const mutations: ((signed: Record<string, unknown>, text: string) => string)[] = [
  (_, text) => text,
  (_, text) => text.replace('{', '{ '),
  (s) => JSON.stringify({ signature: s.signature, event: s.event }),
  (s) => JSON.stringify({ ...s, extra: 1 }),
  (s) => JSON.stringify({ event: s.event }),
  (s) => JSON.stringify({ ...s, event: { ...(s.event as object), kind: 'no.such.kind' } }),
  (s) => JSON.stringify({ ...s, event: { ...(s.event as object), body: { text: 5 } } }),
  (s) => JSON.stringify({ ...s, event: { ...(s.event as object), body: { text: 'e\u0301' } } }),
  (s) => JSON.stringify({ ...s, event: { ...(s.event as object), v: 2 } }),
  (s) => JSON.stringify({ ...s, signature: { key: 'party-a+00000000', sig: 'not base64!' } }),
  (s) => JSON.stringify({ ...s, event: 'an event' }),
  (_, text) => text.slice(0, -1),
  // Canonical, with every optional member of the envelope (an object and an array among them).
  (s) =>
    canonicalize({
      ...s,
      event: {
        ...(s.event as object),
        id: 'row-1',
        note: 'n',
        refs: ['ab'.repeat(32)],
        source: { name: 'UN 2720 mechanism', method: 'trucks collected' },
      },
    }),
  // A member named __proto__ (an own member of what JSON.parse gives), in the body and the envelope.
  (_, text) => text.replace('"body":{', '"body":{"__proto__":{"a":1},'),
  (_, text) => text.replace('{"event":{', '{"event":{"__proto__":{"a":1},'),
  // ASCII text that is not canonical: every character outside printable ASCII written as a \u escape.
  (_, text) => text.replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
];

describe('parseSignedEvent', () => {
  it('checks the envelope once and answers exactly as every step in full does, valid or not', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
        fc.integer({ min: 0, max: mutations.length - 1 }),
        (text, m) => {
          const signed = signEvent(
            crypto,
            {
              v: 1,
              log: 'truce.example/log/t',
              kind: 'statement',
              occurredAt: '2023-11-24T07:00:00+02:00',
              recordedAt: '2023-11-24T05:00:00Z',
              actor: 'party-a',
              body: { text },
            },
            signer,
          );
          const canonical = new TextDecoder().decode(canonicalBytes(signed));
          const bytes = new TextEncoder().encode(mutations[m]!(JSON.parse(canonical), canonical));
          const full = outcome(() => fullParse(bytes));
          expect(outcome(() => parseSignedEvent(bytes))).toEqual(full);
          // With the text, and the envelope's canonical text (what the signature signs), made once.
          expect(outcome(() => parseCanonicalEvent(bytes).signed)).toEqual(full);
          if (full.event) {
            const parsed = parseCanonicalEvent(bytes);
            expect(parsed.text).toBe(new TextDecoder().decode(bytes));
            expect(parsed.envelope).toBe(canonicalize(full.event.event));
          }
        },
      ),
      { seed: 14, numRuns: 400 },
    );
  });
});
