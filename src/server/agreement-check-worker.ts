/**
 * The worker thread of AgreementChecker: parses and checks agreement text, one document a message,
 * and answers the ParseResult. It says `ready` once loaded.
 */
import { parentPort } from 'node:worker_threads';
import { parseAgreement } from '../core/agreement/index.ts';

const port = parentPort;
if (!port) throw new Error('agreement-check-worker.ts runs as a worker thread of the server.');
port.on('message', ({ text, file }: { text: string; file: string }) => {
  port.postMessage(parseAgreement(text, file));
});
port.postMessage('ready');
