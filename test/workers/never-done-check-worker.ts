/**
 * A stand-in for work-worker.ts in the agreement checker's test: it answers tasks as the real
 * worker does, except a check of a document holding the text `process.env.TRUCE_NEVER_DONE`, on
 * which it never answers (it spins). The test thus has a document certain to outlast any time
 * budget, on any machine, without depending on how fast this one parses.
 */
import { parentPort } from 'node:worker_threads';
import { answerOf, type WorkTask } from '../../src/server/work-task.ts';

const port = parentPort;
const marker = process.env.TRUCE_NEVER_DONE;
if (!port || !marker)
  throw new Error('never-done-check-worker.ts runs as a worker thread, with TRUCE_NEVER_DONE set.');
port.on('message', (task: WorkTask) => {
  while (task.kind === 'check' && task.text.includes(marker)) {
    // Never done: only the pool's time budget ends this document.
  }
  const { answer, transfer } = answerOf(task);
  port.postMessage(answer, transfer);
});
port.postMessage('ready');
