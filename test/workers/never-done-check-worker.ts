/**
 * A stand-in for agreement-check-worker.ts in the checker's test: it checks documents as the real
 * worker does, except a document holding the text `process.env.TRUCE_NEVER_DONE`, on which it never
 * answers (it spins). The test thus has a document certain to outlast any timeout, on any machine.
 */
import { parentPort } from 'node:worker_threads';
import { parseAgreement } from '../../src/core/agreement/index.ts';

const port = parentPort;
const marker = process.env.TRUCE_NEVER_DONE;
if (!port || !marker)
  throw new Error('never-done-check-worker.ts runs as a worker thread, with TRUCE_NEVER_DONE set.');
port.on('message', ({ text, file }: { text: string; file: string }) => {
  while (text.includes(marker)) {
    // Never done: only the checker's timeout ends this document.
  }
  port.postMessage(parseAgreement(text, file));
});
port.postMessage('ready');
