/**
 * A worker thread of the WorkPool: does one task a message (work-task.ts) and answers it. It says
 * `ready` once loaded. On Linux it first lowers its own scheduling priority (10 nicer than the server), so that on
 * a machine with few cores the thread that answers requests keeps the CPU it needs while the
 * workers compute.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { answerOf, type WorkTask } from './work-task.ts';

/** How much nicer than the server's own thread a worker is (19 is the lowest priority). */
const WORKER_NICENESS = 10;

const port = parentPort;
if (!port) throw new Error('work-worker.ts runs as a worker thread of the server.');
try {
  // /proc/thread-self names this thread's id; setpriority on a thread id affects that thread only.
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + WORKER_NICENESS));
} catch {
  // Not Linux, or not permitted: the workers run at the server's priority.
}
port.on('message', (task: WorkTask) => {
  const { answer, transfer } = answerOf(task);
  port.postMessage(answer, transfer);
});
port.postMessage('ready');
