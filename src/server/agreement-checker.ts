import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../core/agreement/index.ts';
import { HttpProblem } from './problem.ts';

/** How long one document may take to parse and check; an agreement takes milliseconds. */
export const CHECK_TIMEOUT_MS = 5000;
/** The worker stops after this long without work, and starts again on the next document. */
const IDLE_MS = 60_000;

/**
 * Parses and checks agreement text on a worker thread, one document at a time, so that text that
 * is slow to read (the YAML parser takes seconds on some 256 KiB documents) never stalls the
 * server's other requests. A document that takes longer than CHECK_TIMEOUT_MS is refused (422
 * `agreement-too-complex`) and the worker is replaced.
 */
export interface AgreementCheckerOptions {
  /** How long one document may take (default CHECK_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The worker's module (default agreement-check-worker.ts); it says `ready`, then answers a ParseResult a document. */
  workerUrl?: URL;
}

export class AgreementChecker {
  readonly #timeoutMs: number;
  readonly #workerUrl: URL;
  #worker: Promise<Worker> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #idle: NodeJS.Timeout | undefined;

  constructor(options: AgreementCheckerOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
    this.#workerUrl = options.workerUrl ?? new URL('./agreement-check-worker.ts', import.meta.url);
  }

  /** The ParseResult of `parseAgreement(text, file)`, computed off the main thread. */
  check(text: string, file: string): Promise<ParseResult> {
    const run = this.#queue.then(() => this.#run(text, file));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Stops the worker, if one is running. */
  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.then(
      (w) => w.terminate(),
      () => {},
    );
  }

  #start(): Promise<Worker> {
    const worker = new Worker(this.#workerUrl);
    worker.unref();
    return new Promise((resolve, reject) => {
      worker.once('message', (m) =>
        m === 'ready' ? resolve(worker) : reject(new Error('The agreement checker did not start.')),
      );
      worker.once('error', reject);
    });
  }

  async #run(text: string, file: string): Promise<ParseResult> {
    clearTimeout(this.#idle);
    this.#worker ??= this.#start();
    let worker: Worker;
    try {
      worker = await this.#worker;
    } catch (e) {
      this.#worker = undefined;
      throw e;
    }
    try {
      return await new Promise<ParseResult>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onFailure);
          worker.off('exit', onFailure);
        };
        const onMessage = (result: ParseResult) => {
          done();
          resolve(result);
        };
        const onFailure = (e: unknown) => {
          done();
          void this.close();
          reject(e instanceof Error ? e : new Error('The agreement checker stopped.'));
        };
        const timer = setTimeout(() => {
          done();
          void this.close();
          reject(
            new HttpProblem(
              422,
              'agreement-too-complex',
              `The agreement took more than ${this.#timeoutMs / 1000} s to read, where an agreement takes milliseconds: it holds far more keys, items or nesting than any agreement needs. Simplify it and upload it again.`,
            ),
          );
        }, this.#timeoutMs);
        worker.on('message', onMessage);
        worker.once('error', onFailure);
        worker.once('exit', onFailure);
        worker.postMessage({ text, file });
      });
    } finally {
      // A failure may have stopped the worker meanwhile: only a running one waits to go idle.
      if ((this.#worker as Promise<Worker> | undefined) !== undefined)
        this.#idle = setTimeout(() => void this.close(), IDLE_MS).unref();
    }
  }
}

/** The server's one checker: a worker thread shared by every app of the process. */
export const agreementChecker = new AgreementChecker();
