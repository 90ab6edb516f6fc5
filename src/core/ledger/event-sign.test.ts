import { describe, expect, it } from 'vitest';
import { ledgerFixture } from '../../../test/helpers/ledger-fixture.ts';
import { seededRandom, testSeed } from '../../../test/helpers/seeded-random.ts';
import { canonicalBytes } from './canonical-json.ts';
import { SignedEvent } from './event.ts';
import { checkEnvelope, parseSignedEvent } from './event-sign.ts';
import { LedgerError } from './ledger-error.ts';

/**
 * parseSignedEvent as it was before plain ASCII text took a shorter path: the envelope always
 * checked twice, the second time in NFC, and the canonical form compared as decoded bytes.
 */
function parseSignedEventBefore(bytes: Uint8Array): SignedEvent {
  if (bytes.length > 60 * 1024) throw new LedgerError('event-too-large', 'too large');
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

/** What parsing gives: the event as JSON text (its members in their order), or the error's code and message. */
function outcome(parse: (b: Uint8Array) => SignedEvent, bytes: Uint8Array): string {
  try {
    return `ok ${JSON.stringify(parse(bytes))}`;
  } catch (e) {
    return `error ${(e as LedgerError).code} ${(e as Error).message}`;
  }
}

describe('parseSignedEvent', () => {
  const f = ledgerFixture();
  const events = [
    ...f.genesis(),
    f.event('monitor', 'aid.delivered', { date: '2023-11-25', quantity: 200, unit: 'truck' }),
    f.event('monitor', 'statement', { text: 'quote " and backslash \\ and tab \t' }, { note: 'n' }),
    f.event('monitor', 'statement', { text: 'قافلة مساعدات — 救援 🚚' }, { note: 'ملاحظة' }),
    f.event('monitor', 'statement', { text: 'café' }),
  ];
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  const bytes = (t: string) => new TextEncoder().encode(t);

  it('gives what it gave before for valid events, ASCII or not', () => {
    for (const b of events) {
      expect(outcome(parseSignedEvent, b)).toBe(outcome(parseSignedEventBefore, b));
      expect(outcome(parseSignedEvent, b)).toMatch(/^ok /);
    }
  });

  it('refuses as before: escapes, text not in NFC, lengths that NFC changes, bad bodies', () => {
    const cafe = text(events.at(-1)!);
    const statement = text(events.at(-3)!);
    const cases = [
      cafe.replace('café', 'caf\\u00e9'),
      cafe.replace('café', 'cafe\u0301'),
      cafe.replace('café', 'cafe\\u0301'),
      statement.replace('"monitor"', '"monitor\\u0301"'),
      statement.replace('"actor":"monitor"', `"actor":"${'m'.repeat(64)}"`),
      statement.replace('"actor":"monitor"', `"actor":"${'m'.repeat(63)}é"`),
      statement.replace('"actor":"monitor"', `"actor":"${'m'.repeat(63)}e\u0301"`),
      statement.replace('"kind":"statement"', '"kind":"statment"'),
      statement.replace('"text":', '"txt":'),
      statement.replace('"v":1', '"v":1.0'),
      statement.replace('{"event":', '{ "event":'),
      `${statement} `,
      statement.replace('"log"', '"\\u006cog"'),
    ];
    for (const c of cases) {
      const b = bytes(c);
      expect(outcome(parseSignedEvent, b)).toBe(outcome(parseSignedEventBefore, b));
      // All but the 64-letter actor, which is valid (the signature is not parsing's to check).
      expect(outcome(parseSignedEvent, b).startsWith('error ')).toBe(!c.includes('m'.repeat(64)));
    }
  });

  it('gives what it gave before for events with bytes changed at random (seeded)', () => {
    const seed = testSeed(20261207);
    const random = seededRandom(seed);
    const alphabet = [
      'a',
      'Z',
      '0',
      '9',
      '"',
      '\\',
      'u',
      ' ',
      ',',
      ':',
      '{',
      '}',
      'é',
      '\u0301',
      '.',
      '-',
      'e',
    ];
    let differentOutcomes = 0;
    for (let round = 0; round < 3000; round++) {
      let t = text(events[random(events.length)]!);
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(t.length);
        const ch = alphabet[random(alphabet.length)]!;
        const op = random(3);
        t =
          op === 0
            ? t.slice(0, at) + ch + t.slice(at + 1)
            : op === 1
              ? t.slice(0, at) + ch + t.slice(at)
              : t.slice(0, at) + t.slice(at + 1);
      }
      const b = bytes(t);
      const now = outcome(parseSignedEvent, b);
      expect(now, `seed ${seed}, round ${round}: ${t}`).toBe(outcome(parseSignedEventBefore, b));
      if (!now.startsWith('error event-invalid The event is not valid UTF-8 JSON')) differentOutcomes++;
    }
    // The edits reach past JSON.parse often enough to test the schema and canonical checks.
    expect(differentOutcomes).toBeGreaterThan(300);
  });
});
