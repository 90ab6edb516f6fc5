import { z } from 'zod';
import { type Crypto, fromBase64, toBase64 } from '../crypto/crypto.ts';
import { canonicalBytes, canonicalize } from './canonical-json.ts';
import { type EventEnvelope, MAX_EVENT_BYTES, SignedEvent } from './event.ts';
import { APPROXIMATE_KINDS, EventBodies, type EventKind } from './event-kinds.ts';
import { LedgerError } from './ledger-error.ts';
import { sameData, schemasGive } from './signed-event-shape.ts';
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
  return checkNfcEnvelope(nfc(envelope));
}

/** checkEnvelope of an envelope whose strings are all in NFC already (nothing to normalise). */
function checkNfcEnvelope(envelope: unknown): EventEnvelope {
  const parsed = SignedEvent.shape.event.safeParse(envelope);
  if (!parsed.success)
    throw new LedgerError('event-invalid', `The event is not valid: ${issues(parsed.error)}.`);
  const body = EventBodies[parsed.data.kind as EventKind].safeParse(parsed.data.body);
  if (!body.success) {
    throw new LedgerError(
      'event-invalid',
      `The body of a ${parsed.data.kind} event is not valid: ${issues(body.error)}${approximateHint(parsed.data.kind as EventKind, parsed.data.body)}.`,
    );
  }
  return { ...parsed.data, body: body.data as Record<string, unknown> };
}

/** What `uncertain` is for, when it is given to a kind that records no figure it could mark. */
function approximateHint(kind: EventKind, body: unknown): string {
  if (!body || typeof body !== 'object' || !('uncertain' in body) || APPROXIMATE_KINDS.includes(kind))
    return '';
  return ` (\`uncertain\` marks a figure as approximate, and a ${kind} event records none it could mark; it may be given to ${APPROXIMATE_KINDS.join(', ')})`;
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

/** A signed event's outer shape, its envelope left to checkEnvelope. */
const SignedShell = z.strictObject({ event: z.unknown(), signature: SignedEvent.shape.signature });

/**
 * A signed event parsed from bytes that are exactly its canonical form, with that form as text and
 * the canonical text of its envelope (what its signature signs: the bytes from `{"event":` on, up
 * to `,"signature":`).
 */
export interface CanonicalEvent {
  signed: SignedEvent;
  /** The bytes as text: the canonical form of `signed`. */
  text: string;
  /** The canonical text of `signed.event`. */
  envelope: string;
}

/** `,"signature":` : in a canonical signed event, where its envelope ends (see parseOnce). */
const SIGNATURE_MEMBER = ',"signature":{';

/**
 * The signed event `value` (parsed from `text`) is when it is valid and `text` is its canonical
 * form, with its envelope checked once (checkEnvelope) instead of twice, and the canonical form
 * checked on the parsed value itself: `text` is the canonical text of `value` (whose members are
 * in the order of the text, so a canonical text is written again by the engine in one call, no
 * member sorted), and what the schemas give back is the same data as `value` (nothing normalised
 * to NFC, nothing changed by a schema), so `text` is the canonical form of the event the schemas
 * give. Undefined otherwise, for the full parse to say what is wrong. When this succeeds the full
 * parse does too, with the same result. A text of ASCII alone (`ascii`) is in NFC as it is: its
 * strings are not normalised first (a \u escape of another character makes the canonical text,
 * which writes it as itself, differ from `text`, and the full parse judges it). The envelope's
 * canonical text is the slice of `text` between `{"event":` and its last `,"signature":{` (inside
 * a string of canonical JSON a quote is escaped, and the signature's members hold no object).
 */
function parseOnce(value: unknown, text: string, ascii: boolean): CanonicalEvent | undefined {
  try {
    if (canonicalize(value) !== text) return undefined;
    // The outer objects' rules by hand where it is sure of them (schemasGive), else by the schemas.
    let signed = ascii ? schemasGive(value) : undefined;
    if (!signed) {
      const shell = SignedShell.safeParse(value);
      if (!shell.success) return undefined;
      const event = ascii ? checkNfcEnvelope(shell.data.event) : checkEnvelope(shell.data.event);
      const given = value as { event: unknown; signature: unknown };
      if (!sameData(event, given.event) || !sameData(shell.data.signature, given.signature)) return undefined;
      signed = { event, signature: shell.data.signature };
    }
    return {
      signed,
      text,
      envelope: text.slice('{"event":'.length, text.lastIndexOf(SIGNATURE_MEMBER)),
    };
  } catch {
    return undefined;
  }
}

/** UTF-8 that refuses malformed bytes; one for all (a decode that is not streamed keeps no state). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses stored or submitted bytes as a signed event; they must be exactly its canonical form. */
export function parseSignedEvent(bytes: Uint8Array): SignedEvent {
  return parseCanonicalEvent(bytes).signed;
}

/**
 * parseSignedEvent, with the bytes as text and the envelope's canonical text (what the signature
 * is verified over), for an append that needs them: each computed once.
 */
export function parseCanonicalEvent(bytes: Uint8Array): CanonicalEvent {
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
  // As many UTF-16 units as bytes: every character is ASCII.
  const quick = parseOnce(value, text, text.length === bytes.length);
  if (quick) return quick;
  // Not a valid canonical signed event: judged again in full, to say what is wrong.
  const parsed = SignedEvent.safeParse(value);
  if (!parsed.success)
    throw new LedgerError('event-invalid', `The event is not valid: ${issues(parsed.error)}.`);
  const event = checkEnvelope(parsed.data.event);
  const signed = { event, signature: parsed.data.signature };
  if (new TextDecoder().decode(canonicalBytes(signed)) !== text) {
    throw new LedgerError(
      'event-not-canonical',
      'The event is not in RFC 8785 canonical form (or not in Unicode NFC).',
    );
  }
  return { signed, text, envelope: canonicalize(event) };
}

/**
 * Checks the signature of an event against the key its actor registered. `message`, when the
 * caller has it, is the canonical bytes of `signed.event` (parseCanonicalEvent's envelope, a slice
 * of the event's own bytes): not canonicalised again.
 */
export function verifyEventSignature(
  crypto: Crypto,
  signed: SignedEvent,
  key: Verifier,
  message?: Uint8Array,
): void {
  if (signed.signature.key !== keyId(key)) {
    throw new LedgerError(
      'event-bad-signature',
      `The event is signed with key ${signed.signature.key}, not with ${keyId(key)} of actor "${signed.event.actor}".`,
    );
  }
  const sig = fromBase64(signed.signature.sig);
  if (!sig || !crypto.ed25519Verify(key.publicKey, message ?? canonicalBytes(signed.event), sig)) {
    throw new LedgerError(
      'event-bad-signature',
      `The signature of actor "${signed.event.actor}" on this event is not valid.`,
    );
  }
}
