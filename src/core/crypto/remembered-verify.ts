import { bytesEqual, type Crypto, toHex } from './crypto.ts';

/**
 * `crypto` with an Ed25519 verification that remembers its answers, for work that may check the
 * same signatures again (an append planned anew when another writer got there first). An answer
 * is given back only for the very same key, signature and message (compared byte for byte).
 */
export function rememberingVerify(crypto: Crypto): Crypto {
  const answers = new Map<string, { message: Uint8Array; ok: boolean }[]>();
  return {
    ...crypto,
    ed25519Verify(publicKey, message, signature) {
      const id = `${toHex(publicKey)}:${toHex(signature)}`;
      const known = answers.get(id)?.find((a) => bytesEqual(a.message, message));
      if (known) return known.ok;
      const ok = crypto.ed25519Verify(publicKey, message, signature);
      const list = answers.get(id) ?? [];
      list.push({ message: message.slice(), ok });
      answers.set(id, list);
      return ok;
    },
  };
}
