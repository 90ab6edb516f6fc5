import type { Crypto } from '../../../src/core/crypto/crypto.ts';
import { isCosignatureBy } from '../../../src/core/ledger/cosignature.ts';
import { parseVerifierKey, splitNote } from '../../../src/core/ledger/signed-note.ts';
import type { TrustedLog } from './trust.ts';

/** The files of a `truce export` folder this reads: log.json, events.jsonl, checkpoints.json. */
export interface ExportFiles {
  log: { id: string; origin: string; logKey: string };
  events: string[];
  checkpoints: { size: number; note: string; cosignatures: { witness: string; line: string }[] }[];
}

/**
 * The trust to pin for a published log, from its export: the operator key of log.json; the
 * witnesses registered in the log (role witness, not revoked, cosignature/v1 keys); and as quorum,
 * how many of them cosigned its latest checkpoint (each cosignature is checked by the verifier,
 * not here).
 */
export function trustFromExport(crypto: Crypto, x: ExportFiles): TrustedLog {
  const witnesses = new Map<string, string>();
  for (const line of x.events) {
    const { event } = JSON.parse(line) as { event: { kind: string; body: Record<string, string> } };
    if (event.kind === 'actor.registered' && event.body.role === 'witness')
      witnesses.set(event.body.actor!, event.body.key!);
    if (event.kind === 'actor.revoked') witnesses.delete(event.body.actor!);
  }
  const keys = [...witnesses.values()].sort();
  const latest = x.checkpoints.at(-1);
  let quorum = 0;
  if (latest) {
    const text = splitNote(latest.note).text;
    const lines = latest.cosignatures.map((c) => c.line).join('');
    const sigs = lines ? splitNote(`${text}\n${lines}`).signatures : [];
    quorum = keys.filter((k) => sigs.some((s) => isCosignatureBy(parseVerifierKey(crypto, k), s))).length;
  }
  return { logId: x.log.id, origin: x.log.origin, logKey: x.log.logKey, witnesses: keys, quorum };
}
