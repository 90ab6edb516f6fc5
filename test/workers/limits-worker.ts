/**
 * A WorkPool worker for the pool's memory test: whatever the task, it answers the resource limits
 * it was started with.
 */
import { parentPort, resourceLimits } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('limits-worker.ts runs as a worker thread.');
port.on('message', () => port.postMessage({ ok: true, value: resourceLimits }));
port.postMessage('ready');
