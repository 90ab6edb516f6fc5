/**
 * A WorkPool worker for the tests that need a task held in flight: it counts each task it takes
 * (gate[1]), then waits until the test opens the gate (gate[0] = 1) before doing it as the
 * server's worker does (work-task.ts). The gate is a SharedArrayBuffer in workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerOf, type WorkTask } from '../../src/server/work-task.ts';

const gate = new Int32Array((workerData as { gate: SharedArrayBuffer }).gate);
const port = parentPort;
if (!port) throw new Error('gated-work-worker.ts runs as a worker thread.');
port.on('message', async (task: WorkTask) => {
  Atomics.add(gate, 1, 1);
  // Polled rather than blocked on (Atomics.wait): a worker stopped while it waits stops cleanly.
  while (Atomics.load(gate, 0) === 0) await new Promise((r) => setTimeout(r, 10));
  const { answer, transfer } = answerOf(task);
  port.postMessage(answer, transfer);
});
port.postMessage('ready');
