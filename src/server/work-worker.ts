/**
 * A worker thread of the WorkPool: does one task a message (work-task.ts) and answers it. It says
 * `ready` once loaded.
 */
import { parentPort } from 'node:worker_threads';
import { answerOf, type WorkTask } from './work-task.ts';

const port = parentPort;
if (!port) throw new Error('work-worker.ts runs as a worker thread of the server.');
port.on('message', (task: WorkTask) => {
  const { answer, transfer } = answerOf(task);
  port.postMessage(answer, transfer);
});
port.postMessage('ready');
