import { type Crypto, fromBase64 } from '../crypto/crypto.ts';
import type { SignedEvent } from './event.ts';
import { keyId, parseSignedEvent } from './event-sign.ts';
import { type Hash, leafHash } from './merkle.ts';
import { parseVerifierKey, type Verifier } from './signed-note.ts';

/**
 * What verify learns of one stored entry on its own, apart from the rest of the log: its leaf
 * hash, the event its bytes hold (or why they hold none), and whether its signature holds under
 * each key it was tried with. This is the costly, order-free part of verifying a log (parsing,
 * canonical form, Ed25519), so it can be done for many entries at once, on other threads; what
 * needs the entries before it (right to append, registry, references, tree) stays in order.
 */
export interface CheckedEntry {
  leaf: Hash;
  /** The event, with only what verify's ordered checks read of it (see `essentials`). */
  signed?: SignedEvent;
  /** Why the bytes are no event: the code and message parseSignedEvent threw. */
  error?: { code: string | undefined; message: string };
  /** Key text → whether the signature holds under it, for each key whose name+hash the event is signed with. */
  signatures: Record<string, boolean>;
}

/**
 * A batch of checked entries, in the order they were given: an array, or a checker's own form
 * that makes each entry when it is asked for (`at`, read once each, in order), so that a batch
 * waiting its turn holds no object per entry.
 */
export interface CheckedBatch {
  readonly length: number;
  at(k: number): CheckedEntry | undefined;
}

/**
 * Checks a batch of entries, in order, trying each event's signature with the keys given whose
 * name+hash it names (the keys registered in the log so far, as the caller knows them). A
 * key not given is no fault: the ordered check verifies that signature itself.
 */
export type EntryChecker = (entries: Uint8Array[], keys: string[]) => Promise<CheckedBatch>;

/** Keys by their name+hash, each parsed once. */
export class KeyRing {
  readonly #byId = new Map<string, { text: string; verifier: Verifier }[]>();
  readonly #known = new Set<string>();
  readonly #crypto: Crypto;

  constructor(crypto: Crypto) {
    this.#crypto = crypto;
  }

  add(text: string): void {
    if (this.#known.has(text)) return;
    this.#known.add(text);
    let verifier: Verifier;
    try {
      verifier = parseVerifierKey(this.#crypto, text);
    } catch {
      return; // a malformed key verifies nothing; the ordered check names it
    }
    const id = keyId(verifier);
    const list = this.#byId.get(id) ?? [];
    list.push({ text, verifier });
    this.#byId.set(id, list);
  }

  withId(id: string): { text: string; verifier: Verifier }[] {
    return this.#byId.get(id) ?? [];
  }
}

/** Body members verify's ordered checks read of an event that registers or revokes no actor. */
const REFERRING = ['of', 'list', 'handover', 'proposal'];

/**
 * The parts of a signed event that verify's ordered checks read (checkEvent, the actor registry,
 * the references index): the whole body of actor.registered and actor.revoked events, of the
 * others only the members that refer to earlier events; of the signature, the key it names, not
 * the signature itself (an empty text: whether it holds under each key is checked with the entry,
 * in CheckedEntry.signatures, and an entry checked under no key is checked again from its bytes).
 * Smaller to pass between threads.
 */
export function essentials(signed: SignedEvent): SignedEvent {
  const { event, signature } = signed;
  let body = event.body;
  if (event.kind !== 'actor.registered' && event.kind !== 'actor.revoked') {
    body = {};
    for (const k of REFERRING) if (event.body[k] !== undefined) body[k] = event.body[k];
  }
  return {
    event: {
      v: event.v,
      log: event.log,
      kind: event.kind,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      body,
      ...(event.refs ? { refs: event.refs } : {}),
    },
    signature: { key: signature.key, sig: '' },
  };
}

/** `,"signature":{` in UTF-8. */
const SIGNATURE_MEMBER = new TextEncoder().encode(',"signature":{');

/**
 * Where the signature member starts in the bytes of a signed event that parseSignedEvent took:
 * its last member, and the last place these bytes occur (inside a string a quote is escaped).
 */
function signatureAt(bytes: Uint8Array): number {
  const n = SIGNATURE_MEMBER.length;
  search: for (let at = bytes.length - n; at >= 0; at--) {
    for (let i = 0; i < n; i++) if (bytes[at + i] !== SIGNATURE_MEMBER[i]) continue search;
    return at;
  }
  throw new Error('A signed event without its signature member.');
}

/** An entry's Ed25519 work, left for later: the keys to try, the message and the signature. */
interface SignatureWork {
  signatures: Record<string, boolean>;
  candidates: { text: string; verifier: Verifier }[];
  message: Uint8Array;
  sig: Uint8Array | null;
}

/**
 * One entry checked on its own: parsed once (parseSignedEvent, which also proves the bytes are
 * the event's canonical form), its leaf hashed, and its signature verified over the event's
 * canonical bytes, which are a slice of the entry's bytes (`{"event":…,"signature":…}`), so the
 * event is never canonicalised again.
 */
export function checkEntry(crypto: Crypto, bytes: Uint8Array, keys: KeyRing): CheckedEntry {
  return checkEntries(crypto, [bytes], keys)[0]!;
}

/**
 * Entries checked on their own, in order, as checkEntry checks each (a key an entry registers is
 * tried on the entries after it): everything but Ed25519 first, entry by entry, then every
 * signature of the batch in one run, whose curve code and tables then stay in the processor's
 * caches instead of being pushed out by the parsing between two verifications.
 */
export function checkEntries(crypto: Crypto, entries: Uint8Array[], keys: KeyRing): CheckedEntry[] {
  const out: CheckedEntry[] = new Array(entries.length);
  const work: SignatureWork[] = [];
  for (let i = 0; i < entries.length; i++) out[i] = prepareEntry(crypto, entries[i]!, keys, work);
  // As verifyEventSignature decides it: a signature that is no base64 holds under no key.
  for (const w of work)
    for (const k of w.candidates)
      w.signatures[k.text] = w.sig !== null && crypto.ed25519Verify(k.verifier.publicKey, w.message, w.sig);
  return out;
}

/** An entry checked but for its signatures, whose work goes to `work` (its `signatures` is filled in later). */
function prepareEntry(crypto: Crypto, bytes: Uint8Array, keys: KeyRing, work: SignatureWork[]): CheckedEntry {
  const leaf = leafHash(crypto.sha256, bytes);
  let signed: SignedEvent;
  try {
    signed = parseSignedEvent(bytes);
  } catch (e) {
    return {
      leaf,
      error: { code: (e as { code?: string }).code, message: (e as Error).message },
      signatures: {},
    };
  }
  // A key registered here may sign the entries after it: try it on them too (a key tried is only
  // a hint; the ordered check decides whose key an event must be signed with).
  if (signed.event.kind === 'actor.registered' && typeof signed.event.body.key === 'string')
    keys.add(signed.event.body.key);
  const signatures: Record<string, boolean> = {};
  // The keys known now (a key the entries after this one register is not tried on it).
  const candidates = keys.withId(signed.signature.key).slice();
  if (candidates.length > 0)
    work.push({
      signatures,
      candidates,
      message: bytes.subarray('{"event":'.length, signatureAt(bytes)),
      sig: fromBase64(signed.signature.sig),
    });
  return { leaf, signed: essentials(signed), signatures };
}
