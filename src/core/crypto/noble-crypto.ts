import * as ed from '@noble/ed25519';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { Crypto } from './crypto.ts';

ed.hashes.sha512 = sha512;

/** The Crypto of the browser: pure JavaScript (@noble), synchronous, audited. */
export const nobleCrypto: Crypto = {
  sha256: (data) => sha256(data),
  hmacSha256: (key, data) => hmac(sha256, key, data),
  ed25519PublicKey: (seed) => ed.getPublicKey(seed),
  ed25519Sign: (seed, message) => ed.sign(message, seed),
  ed25519Verify: (publicKey, message, signature) => {
    try {
      return ed.verify(signature, message, publicKey);
    } catch {
      return false;
    }
  },
  randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
};
