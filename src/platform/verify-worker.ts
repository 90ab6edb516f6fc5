/**
 * A thread of the verify pool (verify-pool.ts): checks batches of a log's entries on their own
 * (parse, canonical form, leaf hash, then the batch's Ed25519 verifications in one run: checkEntries),
 * with the keys it has been given so far. Its answer
 * to a batch is one buffer (the leaf hashes, then where each entry's text ends) and one text (each
 * entry's CheckedEntry as JSON, end to end): moved or copied whole, nothing cloned an entry at a time.
 */
import { parentPort } from 'node:worker_threads';
import { type CheckedEntry, checkEntries, KeyRing } from '../core/ledger/entry-check.ts';
import { nodeCrypto } from './node-crypto.ts';
import type { VerifyAnswer, VerifyJob } from './verify-pool.ts';

const ring = new KeyRing(nodeCrypto);

parentPort!.on('message', (job: VerifyJob) => {
  try {
    for (const k of job.keys) ring.add(k);
    const data = new Uint8Array(job.data);
    const n = job.ends.length;
    const answer = new ArrayBuffer(36 * n);
    const leaves = new Uint8Array(answer, 0, 32 * n);
    const ends = new Uint32Array(answer, 32 * n, n);
    const entries: Uint8Array[] = new Array(n);
    let start = 0;
    for (let k = 0; k < n; k++) {
      entries[k] = data.subarray(start, job.ends[k]);
      start = job.ends[k]!;
    }
    let text = '';
    for (const [k, checked] of checkEntries(nodeCrypto, entries, ring).entries()) {
      leaves.set(checked.leaf, 32 * k);
      // The leaf goes in the buffer: JSON leaves out a member that is undefined (no copy without it).
      (checked as Partial<CheckedEntry>).leaf = undefined;
      text += JSON.stringify(checked);
      ends[k] = text.length;
    }
    parentPort!.postMessage({ id: job.id, answer, text } satisfies VerifyAnswer, [answer]);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, failed: (e as Error).stack ?? String(e) } satisfies VerifyAnswer);
  }
});
