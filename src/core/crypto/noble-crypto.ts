import * as ed from '@noble/ed25519';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { Crypto } from './crypto.ts';

// @noble/ed25519 v3 hashes with this hook; setting it makes the synchronous API usable.
ed.hashes.sha512 = sha512;

function seed32(seed: Uint8Array): Uint8Array {
  if (seed.length !== 32) throw new Error('An Ed25519 seed is 32 bytes.');
  return seed;
}

/**
 * The Crypto of the browser: pure JavaScript (@noble), synchronous, audited.
 *
 * Verification is strict RFC 8032 (`zip215: false`), as OpenSSL's is: with noble's default
 * (ZIP-215) a browser would accept signatures under small-order or non-canonically encoded keys
 * that the server refuses, and the two would disagree about what the log holds.
 */
export const nobleCrypto: Crypto = {
  sha256: (data) => sha256(data),
  hmacSha256: (key, data) => hmac(sha256, key, data),
  ed25519PublicKey: (seed) => ed.getPublicKey(seed32(seed)),
  ed25519Sign: (seed, message) => ed.sign(message, seed32(seed)),
  ed25519Verify: (publicKey, message, signature) => {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    try {
      return ed.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
  randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
};
