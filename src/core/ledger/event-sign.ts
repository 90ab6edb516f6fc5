import { type Crypto, fromBase64, toBase64 } from '../crypto/crypto.ts';
import { canonicalBytes, canonicalize } from './canonical-json.ts';
import { type EventEnvelope, MAX_EVENT_BYTES, SignedEvent } from './event.ts';
import { EventBodies, type EventKind } from './event-kinds.ts';
import { LedgerError } from './ledger-error.ts';
import type { Signer, Verifier } from './signed-note.ts';

function nfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), nfc(v)])) as T;
  }
  return value;
}

function issues(e: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return e.issues.map((i) => `${i.path.map(String).join('.') || '(top)'}: ${i.message}`).join('; ');
}

/** Checks an envelope and its body against the schema of its kind; strings come back in NFC. */
export function checkEnvelope(envelope: unknown): EventEnvelope {
  const parsed = SignedEvent.shape.event.safeParse(nfc(envelope));
  if (!parsed.success)
    throw new LedgerError('event-invalid', `The event is not valid: ${issues(parsed.error)}.`);
  return checkBody(parsed.data);
}

/** Checks the body of an envelope the envelope schema has already given back, against the schema of its kind. */
function checkBody(envelope: EventEnvelope): EventEnvelope {
  const body = EventBodies[envelope.kind as EventKind].safeParse(envelope.body);
  if (!body.success) {
    throw new LedgerError(
      'event-invalid',
      `The body of a ${envelope.kind} event is not valid: ${issues(body.error)}.`,
    );
  }
  return { ...envelope, body: body.data as Record<string, unknown> };
}

/**
 * Whether JSON text is ASCII with no \u escape: each string it holds is then ASCII, which NFC
 * leaves as it is. (An escaped backslash before a "u" also says no: only a cheaper path is lost.)
 */
function plainAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 || (b === 0x5c && bytes[i + 1] === 0x75)) return false;
  }
  return true;
}

/** `name+hash` of a key, as signatures name their signer. */
export function keyId(v: Verifier): string {
  return `${v.name}+${v.keyHash.toString(16).padStart(8, '0')}`;
}

/** Signs an envelope with the actor's key over its RFC 8785 bytes. */
export function signEvent(crypto: Crypto, envelope: EventEnvelope, signer: Signer): SignedEvent {
  return signCheckedEvent(crypto, checkEnvelope(envelope), signer);
}

/** Signs an envelope that checkEnvelope has already given back (an importer checks each row first). */
export function signCheckedEvent(crypto: Crypto, event: EventEnvelope, signer: Signer): SignedEvent {
  const signed = {
    event,
    signature: { key: keyId(signer), sig: toBase64(crypto.ed25519Sign(signer.seed, canonicalBytes(event))) },
  };
  if (canonicalBytes(signed).length > MAX_EVENT_BYTES) {
    throw new LedgerError('event-too-large', `A signed event may be at most ${MAX_EVENT_BYTES} bytes.`);
  }
  return signed;
}

/** UTF-8 as parseSignedEvent reads it: bytes that are not UTF-8 are refused (one decoder for every call). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses stored or submitted bytes as a signed event; they must be exactly its canonical form. */
export function parseSignedEvent(bytes: Uint8Array): SignedEvent {
  if (bytes.length > MAX_EVENT_BYTES) {
    throw new LedgerError(
      'event-too-large',
      `The event is ${bytes.length} bytes; at most ${MAX_EVENT_BYTES} are accepted.`,
    );
  }
  let text: string;
  let value: unknown;
  try {
    text = strictUtf8.decode(bytes);
    value = JSON.parse(text);
  } catch {
    throw new LedgerError('event-invalid', 'The event is not valid UTF-8 JSON.');
  }
  const parsed = SignedEvent.safeParse(value);
  if (!parsed.success)
    throw new LedgerError('event-invalid', `The event is not valid: ${issues(parsed.error)}.`);
  // The envelope in NFC, checked again, then its body (checkEnvelope); when the text is plain
  // ASCII its strings are NFC already, and the envelope schema's own output passes it unchanged:
  // only the body is left to check.
  const event = plainAscii(bytes) ? checkBody(parsed.data.event) : checkEnvelope(parsed.data.event);
  const signed = { event, signature: parsed.data.signature };
  // The canonical text, compared as text (canonicalize refuses what UTF-8 could not carry).
  if (canonicalize(signed) !== text) {
    throw new LedgerError(
      'event-not-canonical',
      'The event is not in RFC 8785 canonical form (or not in Unicode NFC).',
    );
  }
  return signed;
}

/** Checks the signature of an event against the key its actor registered. */
export function verifyEventSignature(crypto: Crypto, signed: SignedEvent, key: Verifier): void {
  if (signed.signature.key !== keyId(key)) {
    throw new LedgerError(
      'event-bad-signature',
      `The event is signed with key ${signed.signature.key}, not with ${keyId(key)} of actor "${signed.event.actor}".`,
    );
  }
  const sig = fromBase64(signed.signature.sig);
  if (!sig || !crypto.ed25519Verify(key.publicKey, canonicalBytes(signed.event), sig)) {
    throw new LedgerError(
      'event-bad-signature',
      `The signature of actor "${signed.event.actor}" on this event is not valid.`,
    );
  }
}
