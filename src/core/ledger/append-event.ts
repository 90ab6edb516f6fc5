/**
 * A signed event as an append takes it: parsed once from its bytes, with everything the append's
 * checks and rows need of it computed once (its leaf hash, the bytes its signature signs, what it
 * refers to, when it occurred), however many times the append is planned.
 */
import { type Crypto, toHex, utf8 } from '../crypto/crypto.ts';
import { referencesOf } from './check-event.ts';
import type { SignedEvent } from './event.ts';
import { parseCanonicalEvent } from './event-sign.ts';
import { type Hash, leafHash } from './tlog.ts';

/** A signed event ready to append: parsed, with its leaf hash (bytes and hex). */
export interface ParsedEvent {
  event: SignedEvent;
  /** Its canonical bytes, as received and as stored. */
  bytes: Uint8Array;
  /** The bytes as text: the stored row's event. */
  text: string;
  /** The canonical bytes of the envelope, which the signature signs: a slice of `bytes`. */
  message: Uint8Array;
  leaf: Hash;
  hex: string;
  /** The leaf hashes of the earlier events it refers to (referencesOf). */
  refs: string[];
  /** Its occurredAt in epoch milliseconds. */
  occurredMs: number;
}

/** `{"event":`, the start of every signed event's canonical text. */
const EVENT_MEMBER = '{"event":'.length;

/**
 * Parses a signed event's bytes for an append (parseSignedEvent: they must be its canonical form),
 * canonicalising it once: the envelope's canonical bytes, which its signature is verified over,
 * are a slice of the bytes themselves.
 */
export function parseForAppend(crypto: Crypto, bytes: Uint8Array): ParsedEvent {
  const { signed, text, envelope } = parseCanonicalEvent(bytes);
  // As many bytes as characters when the text is ASCII; else the envelope's own UTF-8 length.
  const length = text.length === bytes.length ? envelope.length : utf8(envelope).length;
  const leaf = leafHash(crypto.sha256, bytes);
  return {
    event: signed,
    bytes,
    text,
    message: bytes.subarray(EVENT_MEMBER, EVENT_MEMBER + length),
    leaf,
    hex: toHex(leaf),
    refs: referencesOf(signed.event),
    occurredMs: Date.parse(signed.event.occurredAt),
  };
}
