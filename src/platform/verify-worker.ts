/**
 * A thread of the verify pool (verify-pool.ts): checks batches of a log's entries on their own
 * (parse, canonical form, leaf hash, Ed25519), with the keys it has been given so far.
 */
import { parentPort } from 'node:worker_threads';
import { checkEntry, KeyRing } from '../core/ledger/entry-check.ts';
import { nodeCrypto } from './node-crypto.ts';
import type { VerifyAnswer, VerifyJob } from './verify-pool.ts';

const ring = new KeyRing(nodeCrypto);

parentPort!.on('message', (job: VerifyJob) => {
  try {
    for (const k of job.keys) ring.add(k);
    const data = new Uint8Array(job.data);
    const leaves = new Uint8Array(32 * job.ends.length);
    const checked = [];
    let start = 0;
    for (const [k, end] of job.ends.entries()) {
      const { leaf, ...rest } = checkEntry(nodeCrypto, data.subarray(start, end), ring);
      leaves.set(leaf, 32 * k);
      checked.push(rest);
      start = end;
    }
    const answer: VerifyAnswer = { id: job.id, leaves: leaves.buffer, checked: JSON.stringify(checked) };
    parentPort!.postMessage(answer, [leaves.buffer]);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, failed: (e as Error).stack ?? String(e) } satisfies VerifyAnswer);
  }
});
