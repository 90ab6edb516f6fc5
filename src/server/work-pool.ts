import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ComplianceError } from '../core/compliance/index.ts';
import { PlanError, type PlanErrorCode } from '../core/plan/plan-error.ts';
import { HttpProblem } from './problem.ts';
import type { WorkAnswer, WorkTask } from './work-task.ts';

export interface WorkPoolOptions {
  /** Worker threads, started as work comes (default: the cores, at least 2, at most 4). */
  workers?: number;
  /** Tasks that may wait for a free worker; one more is refused (503) at once (default 32). */
  queue?: number;
  /** The heap a worker may use, in MiB; a task that needs more is refused (default 2048: a worker may hold the evaluator of a log of a million events). */
  heapMb?: number;
  /** The space for a worker's newly created objects, in MiB (default: V8's, some 48 MiB once a worker has been busy). */
  youngMb?: number;
  /** Budgets other than WORK_BUDGET_MS, by kind of task. */
  budgetMs?: Partial<Record<WorkTask['kind'], number>>;
  /** What runs each task's budget (default: a timer); tests end a budget when they choose. */
  budgetClock?: BudgetClock;
  /** The worker's module (default work-worker.ts) and what it is given (tests gate it so). */
  script?: URL;
  workerData?: unknown;
  /** Told of each worker's start and stop, numbered from 1 in the order they were asked for. */
  onLifecycle?: (step: LifecycleStep) => void;
}

/**
 * Starts the budget of a task that a worker has just been given: `expire` is called when it has
 * run out, unless the returned function (called when the task is answered) stops it first.
 */
export type BudgetClock = (expire: () => void, ms: number) => () => void;

/** A timer: while a task is under way, it keeps the process alive. */
const timerBudget: BudgetClock = (expire, ms) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};

/** One step in the life of a pool's worker thread. */
export interface LifecycleStep {
  worker: number;
  step: 'starting' | 'started' | 'stopping' | 'stopped';
}

/** The time budget of each kind of task, in milliseconds of a worker's time. */
export const WORK_BUDGET_MS: Record<WorkTask['kind'], number> = {
  check: 5000,
  plan: 10_000,
  diff: 10_000,
  // One step of judging a log: a page of its events, or the evaluation at a moment (seconds for a
  // log of a million events).
  evaluate: 30_000,
};

/** What a refused task is called in a problem's code and message. */
const NAMES: Record<WorkTask['kind'], { code: string; what: string }> = {
  check: { code: 'agreement-too-complex', what: 'The agreement took' },
  plan: { code: 'plan-too-complex', what: 'The plan took' },
  diff: { code: 'diff-too-complex', what: 'The comparison took' },
  evaluate: { code: 'status-too-complex', what: 'Judging the log took' },
};

/** How long a refused client is asked to wait before asking again when every worker is busy. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** How a task is run: its budget (default its kind's), what moves to the worker, which worker. */
export interface RunOptions {
  budgetMs?: number;
  transfer?: readonly ArrayBuffer[];
  /** The worker (0 to size − 1) that must do it: the one that holds the state the task builds on. */
  worker?: number;
}

interface Job {
  task: WorkTask;
  budgetMs: number;
  worker: number | undefined;
  transfer: readonly ArrayBuffer[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  /** The worker's number in its pool (from 1). */
  id: number;
  /** The worker, once it has started and said it is ready. */
  ready: Promise<Worker>;
  job: Job | undefined;
}

/**
 * Every start and stop of a worker thread in this process, one after another. Node can crash the
 * whole process (SIGSEGV) when one thread creates a worker's isolate while another worker is being
 * terminated (nodejs/node#56312), and stopping a worker that is still loading its modules is the
 * same kind of race. So a worker is started only once every earlier start and stop has finished,
 * and stopped only once it has started. Workers start rarely (the first tasks, and after a task
 * past its budget), so the wait costs little.
 */
let lifecycle: Promise<void> = Promise.resolve();

/** Runs `step` after every start and stop asked for before it; the next waits for it in turn. */
function inTurn<T>(step: () => Promise<T>): Promise<T> {
  const done = lifecycle.then(step);
  lifecycle = done.then(
    () => {},
    () => {},
  );
  return done;
}

/**
 * A few worker threads for the work a request can make long: parsing and checking agreement text,
 * plans and comparisons. The event loop only hands tasks over and sends their answers, so that the
 * worst allowed request leaves every other request (and /api/health) answering. Each task has a
 * time budget: past it, its worker is stopped (and replaced on the next task) and the request is
 * refused with a problem that says so. Tasks wait for a free worker in a bounded queue; when that
 * is full the request is refused at once (503 `server-busy`, with Retry-After).
 */
export class WorkPool {
  readonly size: number;
  readonly queueLimit: number;
  readonly #heapMb: number;
  readonly #youngMb: number | undefined;
  readonly #budgetMs: Record<WorkTask['kind'], number>;
  readonly #budgetClock: BudgetClock;
  readonly #script: URL;
  readonly #workerData: unknown;
  readonly #slots: (Slot | undefined)[];
  readonly #queue: Job[] = [];
  readonly #onLifecycle: (step: LifecycleStep) => void;
  #spawned = 0;
  #closed = false;

  constructor(options: WorkPoolOptions = {}) {
    this.size = options.workers ?? Math.min(4, Math.max(2, availableParallelism()));
    this.queueLimit = options.queue ?? 32;
    this.#heapMb = options.heapMb ?? 2048;
    this.#youngMb = options.youngMb;
    this.#budgetMs = { ...WORK_BUDGET_MS, ...options.budgetMs };
    this.#budgetClock = options.budgetClock ?? timerBudget;
    this.#script = options.script ?? new URL('./work-worker.ts', import.meta.url);
    this.#workerData = options.workerData;
    this.#onLifecycle = options.onLifecycle ?? (() => {});
    if (!Number.isInteger(this.size) || this.size < 1)
      throw new Error('A work pool needs at least one worker.');
    this.#slots = Array.from({ length: this.size }, () => undefined);
  }

  /** Tasks running now, and waiting for a worker. */
  get load(): { running: number; waiting: number } {
    return { running: this.#slots.filter((s) => s?.job).length, waiting: this.#queue.length };
  }

  /**
   * The heap of each worker that has started: what it uses and what V8 has reserved for it, in
   * bytes (what a worker adds to the process's memory beyond its code).
   */
  async heaps(): Promise<{ worker: number; used: number; total: number }[]> {
    const started = await Promise.all(
      this.#slots.map(async (slot) => {
        if (!slot) return [];
        try {
          const s = await (await slot.ready).getHeapStatistics();
          return [{ worker: slot.id, used: s.used_heap_size, total: s.total_heap_size }];
        } catch {
          // A worker stopped meanwhile has no heap left to count.
          return [];
        }
      }),
    );
    return started.flat();
  }

  /** The answer of `task`, computed on a worker thread within its time budget. */
  run<T>(task: WorkTask, options: RunOptions = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('The work pool is closed.'));
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        task,
        budgetMs: options.budgetMs ?? this.#budgetMs[task.kind],
        worker: options.worker === undefined ? undefined : options.worker % this.size,
        transfer: options.transfer ?? [],
        resolve: resolve as (v: unknown) => void,
        reject,
      };
      const free = this.#slots.findIndex((s, i) => !s?.job && (job.worker === undefined || job.worker === i));
      if (free >= 0) return this.#start(free, job);
      if (this.#queue.length >= this.queueLimit) {
        return reject(
          new HttpProblem(
            503,
            'server-busy',
            `The server is computing ${this.size} plans, comparisons, statuses or agreement checks and has ${this.queueLimit} more waiting; ask again in ${BUSY_RETRY_AFTER_SECONDS} s.`,
            undefined,
            BUSY_RETRY_AFTER_SECONDS,
          ),
        );
      }
      this.#queue.push(job);
    });
  }

  /** Stops every worker; tasks under way or waiting are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('The work pool was closed.'));
    await Promise.all(
      this.#slots.map(async (slot, i) => {
        this.#slots[i] = undefined;
        slot?.job?.reject(new Error('The work pool was closed.'));
        if (slot) await this.#stop(slot);
      }),
    );
  }

  /** A worker, started in its turn; it says 'ready' once its modules are loaded. */
  #spawn(): Slot {
    const id = ++this.#spawned;
    const ready = inTurn(
      () =>
        new Promise<Worker>((resolve, reject) => {
          this.#onLifecycle({ worker: id, step: 'starting' });
          const worker = new Worker(this.#script, {
            workerData: this.#workerData,
            resourceLimits: {
              maxOldGenerationSizeMb: this.#heapMb,
              ...(this.#youngMb ? { maxYoungGenerationSizeMb: this.#youngMb } : {}),
            },
          });
          // Idle workers do not keep the process alive; a task under way holds a timer that does.
          worker.unref();
          const failed = (e: unknown) => {
            worker.off('message', started);
            reject(e instanceof Error ? e : new Error('A worker stopped before it was ready.'));
          };
          const started = (m: unknown) => {
            worker.off('error', failed);
            worker.off('exit', failed);
            if (m === 'ready') {
              this.#onLifecycle({ worker: id, step: 'started' });
              resolve(worker);
            } else reject(new Error('A worker did not start.'));
          };
          worker.once('message', started);
          worker.once('error', failed);
          worker.once('exit', failed);
        }),
    );
    ready.catch(() => {});
    return { id, ready, job: undefined };
  }

  /** Stops a slot's worker in its turn, once it has started (a worker that never started is gone). */
  #stop(slot: Slot): Promise<void> {
    return slot.ready.then(
      (worker) =>
        inTurn(async () => {
          this.#onLifecycle({ worker: slot.id, step: 'stopping' });
          await worker.terminate();
          this.#onLifecycle({ worker: slot.id, step: 'stopped' });
        }),
      () => {},
    );
  }

  #start(index: number, job: Job): void {
    let slot = this.#slots[index];
    if (!slot) {
      slot = this.#spawn();
      this.#slots[index] = slot;
    }
    slot.job = job;
    const current = slot;
    let stopBudget = () => {};
    let worker: Worker | undefined;
    const settle = (outcome: () => void, retire: boolean) => {
      stopBudget();
      worker?.off('message', onMessage);
      worker?.off('error', onError);
      worker?.off('exit', onExit);
      current.job = undefined;
      if (retire && this.#slots[index] === current) {
        this.#slots[index] = undefined;
        void this.#stop(current);
      }
      outcome();
      this.#next(index);
    };
    const onMessage = (answer: WorkAnswer) =>
      settle(() => (answer.ok ? job.resolve(answer.value) : job.reject(errorOf(answer.error))), false);
    const onError = (e: Error) => settle(() => job.reject(failure(job.task, e, job.budgetMs)), true);
    const onExit = () => settle(() => job.reject(new Error('A worker stopped.')), true);
    current.ready.then(
      (started) => {
        if (current.job !== job) return;
        worker = started;
        worker.on('message', onMessage);
        worker.once('error', onError);
        worker.once('exit', onExit);
        stopBudget = this.#budgetClock(
          () => settle(() => job.reject(overBudget(job.task, job.budgetMs)), true),
          job.budgetMs,
        );
        worker.postMessage(job.task, [...job.transfer]);
      },
      (e: unknown) => settle(() => job.reject(e), true),
    );
  }

  #next(index: number): void {
    const at = this.#queue.findIndex((job) => job.worker === undefined || job.worker === index);
    if (at >= 0) this.#start(index, this.#queue.splice(at, 1)[0]!);
  }
}

function overBudget(task: WorkTask, budgetMs: number): HttpProblem {
  const { code, what } = NAMES[task.kind];
  return new HttpProblem(
    422,
    code,
    `${what} more than ${budgetMs / 1000} s, the most one request may take: it holds far more days, provisions, keys or nesting than any agreement needs. Ask for fewer days or a smaller what-if, or simplify the agreement.`,
  );
}

/** A worker that failed on a task: out of its memory is the task's size, anything else a fault. */
function failure(task: WorkTask, e: Error, budgetMs: number): Error {
  if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const { code, what } = NAMES[task.kind];
    return new HttpProblem(
      422,
      code,
      `${what} more memory than one request may use (within ${budgetMs / 1000} s): ask for fewer days or a smaller what-if, or simplify the agreement.`,
    );
  }
  return e;
}

/** The error a worker answered, as the main thread throws it (a refusal keeps its code). */
function errorOf(error: { name: string; code?: string; message: string }): Error {
  if (error.name === 'PlanError') return new PlanError(error.code as PlanErrorCode, error.message);
  if (error.name === 'ComplianceError')
    return new ComplianceError(error.code ?? 'compliance-error', error.message);
  return new Error(error.message);
}

/**
 * The memory of the shared pools' workers. A worker keeps the heap it has grown to, so what it
 * may grow to is what the server holds under a stream of the largest requests: the worst plan
 * allowed (3,654 days, a 10 MB answer) uses some 120 MiB of heap, and with V8's defaults four
 * busy workers held a gigabyte between them. Plans, comparisons and agreement checks get 512 MiB
 * of heap; judging keeps 2 GiB (the evaluator of a log of a million events). Both get a young
 * generation of 16 MiB: collected more often, it is much less memory held.
 */
export const WORK_POOL_MEMORY = { heapMb: 512, youngMb: 16 } as const;
export const JUDGING_POOL_MEMORY = { heapMb: 2048, youngMb: 16 } as const;

/** The process's pool for plans, comparisons and agreement checks, shared by every app not given one. */
export const sharedWorkPool = new WorkPool(WORK_POOL_MEMORY);

/**
 * The process's pool for judging logs (statuses, reports, event streams' status changes), apart
 * from the plans: each log is judged by one worker that keeps its evaluator, and a status as of
 * now must not wait behind the largest plan allowed.
 */
export const sharedJudgingPool = new WorkPool(JUDGING_POOL_MEMORY);
