import type { Crypto } from '../../../src/core/crypto/crypto.ts';
import { ALG_COSIGNATURE_V1, ALG_ED25519, parseVerifierKey } from '../../../src/core/ledger/signed-note.ts';
import type { TrustedLog, TrustRoot } from './trust.ts';

/**
 * Keys a reader pins for a log this build does not pin, in this browser only: typed in by the
 * reader from a source they trust (never taken from the server). A log the build pins keeps the
 * build's keys: a reader cannot be talked into replacing them.
 */
const KEY = (logId: string) => `truce.proof.trust.${logId}`;

export interface PinInput {
  logId: string;
  origin: string;
  logKey: string;
  /** Witness verifier keys, one per line. */
  witnesses: string;
  quorum: string;
}

/** Checks what a reader typed: an Ed25519 log key, cosignature/v1 witness keys, a quorum they can meet. */
export function parsePin(
  crypto: Crypto,
  input: PinInput,
): { ok: true; log: TrustedLog } | { ok: false; error: string } {
  const origin = input.origin.trim();
  if (!origin || origin.includes('\n'))
    return { ok: false, error: 'The origin is one line, e.g. truce.example/log/ID.' };
  try {
    const logKey = input.logKey.trim();
    if (parseVerifierKey(crypto, logKey).algorithm !== ALG_ED25519)
      return { ok: false, error: 'The log key must be an Ed25519 key (truce keygen), not a witness key.' };
    const witnesses = input.witnesses
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const w of witnesses) {
      if (parseVerifierKey(crypto, w).algorithm !== ALG_COSIGNATURE_V1)
        return { ok: false, error: `"${w.split('+')[0]}" is not a witness key (truce keygen --witness).` };
    }
    const quorum = input.quorum.trim() === '' ? witnesses.length : Number(input.quorum.trim());
    if (!Number.isInteger(quorum) || quorum < 0 || quorum > witnesses.length)
      return { ok: false, error: `The quorum is a whole number from 0 to ${witnesses.length}.` };
    return { ok: true, log: { logId: input.logId, origin, logKey, witnesses, quorum } };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** What the reader pinned for `logId` in this browser, if it still parses. */
export function readPin(crypto: Crypto, logId: string): TrustedLog | null {
  const text = storage()?.getItem(KEY(logId));
  if (!text) return null;
  try {
    const saved = JSON.parse(text) as TrustedLog;
    const parsed = parsePin(crypto, {
      logId,
      origin: saved.origin,
      logKey: saved.logKey,
      witnesses: saved.witnesses.join('\n'),
      quorum: String(saved.quorum),
    });
    return parsed.ok ? parsed.log : null;
  } catch {
    return null;
  }
}

export function savePin(log: TrustedLog): void {
  storage()?.setItem(KEY(log.logId), JSON.stringify(log));
}

export function forgetPin(logId: string): void {
  storage()?.removeItem(KEY(logId));
}

/** The build's trust, with the reader's pin for `logId` added when the build pins nothing for it. */
export function withPin(trust: TrustRoot, pin: TrustedLog | null): TrustRoot {
  if (!pin || Object.hasOwn(trust.logs, pin.logId)) return trust;
  return { logs: { ...trust.logs, [pin.logId]: pin } };
}
