/**
 * Runs the tasks of a batch on several cores: a pool of worker threads (`node:worker_threads`),
 * each analyzing one input at a time and taking the next when it is done. Inputs finish in any
 * order, but outcomes are handed back strictly in task order, so everything the main thread prints
 * or writes from them (messages, `index.md`, combined CSV, exit code) is the same as in a one-core
 * run. With one job, one task, or no runnable worker file, the tasks run in the calling thread.
 *
 * A worker is a compiled file (`dist/batch/worker.js`); under the TypeScript sources (jest) there
 * is none, so the default is in-process there, and tests pass a launcher that can run TypeScript.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StanceSchema } from '../stance/index.js';
import { runTask, type InputTask, type RunSettings, type TaskOutcome } from './task.js';
import { SentimentWorker } from './sentiment-worker.js';

/** How to start an analysis worker: its module and extra Node options (e.g. a loader for tests). */
export interface WorkerLauncher {
  script: URL;
  execArgv?: string[];
}

/** The compiled worker beside this module, or undefined when running from the TypeScript sources. */
export function defaultWorkerLauncher(): WorkerLauncher | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const script = new URL('./worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(script)) ? { script } : undefined;
}

export interface PoolOptions {
  /** Most tasks analyzed at once; 1 runs them in the calling thread. */
  jobs: number;
  /** How to start workers; without one, tasks run in the calling thread. */
  launcher?: WorkerLauncher;
  /**
   * How to start a sentiment worker for tasks run in the calling thread (see
   * `sentiment-worker.ts`): the second core of a one-input run. Without one, none is started.
   */
  sentimentLauncher?: WorkerLauncher;
  /** The compiled schema, for tasks run in the calling thread (workers load their own). */
  schema: StanceSchema;
  /** Each outcome, in task order. */
  onOutcome: (outcome: TaskOutcome) => void;
  /** Called as tasks finish, in completion order, with how many are done (for a progress bar). */
  onProgress?: (done: number, outcome: TaskOutcome) => void;
}

/** Outcomes of tasks finished out of order, handed on in task order. */
class InOrder {
  private readonly waiting = new Map<number, TaskOutcome>();
  private next = 0;
  private done = 0;

  constructor(private readonly options: PoolOptions) {}

  get delivered(): number {
    return this.next;
  }

  accept(ordinal: number, outcome: TaskOutcome): void {
    this.options.onProgress?.(++this.done, outcome);
    this.waiting.set(ordinal, outcome);
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.next++;
      this.options.onOutcome(ready);
    }
  }
}

/** The workers to start: never more than the tasks, at least one. */
export function poolSize(jobs: number, tasks: number): number {
  return Math.max(1, Math.min(jobs, tasks));
}

/**
 * Runs the tasks one after the other in the calling thread, each with the sentiment worker if
 * `options.sentimentLauncher` is given: started on the first input large enough to use it, and
 * started again if it died on an earlier input.
 */
async function runInThisThread(tasks: InputTask[], settings: RunSettings, options: PoolOptions, order: InOrder): Promise<void> {
  const launcher = options.sentimentLauncher;
  let worker: SentimentWorker | undefined;
  const sentimentWorker = launcher === undefined ? undefined : (): SentimentWorker => {
    if (worker === undefined || !worker.running) worker = new SentimentWorker(launcher);
    return worker;
  };
  try {
    for (let i = 0; i < tasks.length; i++) order.accept(i, await runTask(tasks[i], settings, options.schema, sentimentWorker));
  } finally {
    await worker?.close();
  }
}

/**
 * Runs every task and resolves once all outcomes were handed to `onOutcome` (in task order).
 * A worker that dies (a crash, an out-of-memory) fails the task it held with an internal-error
 * message and is replaced, so the other tasks still run.
 */
export function runTasks(tasks: InputTask[], settings: RunSettings, options: PoolOptions): Promise<void> {
  const order = new InOrder(options);
  const size = poolSize(options.jobs, tasks.length);
  const launcher = options.launcher;
  if (size === 1 || launcher === undefined) return runInThisThread(tasks, settings, options, order);
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    const settle = (ordinal: number, outcome: TaskOutcome): void => {
      try {
        order.accept(ordinal, outcome);
      } catch (error) {
        reject(error);
        return;
      }
      if (order.delivered === tasks.length) resolve();
    };
    const start = (): void => {
      const worker = new Worker(launcher.script, { workerData: { settings }, execArgv: launcher.execArgv });
      let current: number | undefined;
      let stopped = false;
      const feed = (): void => {
        if (next >= tasks.length) {
          current = undefined;
          stopped = true;
          void worker.terminate();
          return;
        }
        current = next++;
        const { bytes, ...rest } = tasks[current];
        worker.postMessage(bytes === undefined ? rest : { ...rest, bytes });
        tasks[current].bytes = undefined; // the worker has its own copy now
      };
      const died = (reason: string): void => {
        if (stopped) return;
        stopped = true;
        const held = current;
        current = undefined;
        if (held !== undefined) {
          const { position, source } = tasks[held];
          settle(held, { position, source, ok: false, message: `${source}: internal error: the analysis worker stopped (${reason})` });
        }
        if (next < tasks.length) start();
      };
      worker.on('message', (outcome: TaskOutcome) => {
        const ordinal = current as number;
        feed();
        settle(ordinal, outcome);
      });
      worker.on('error', (error) => died(error.message));
      worker.on('exit', (code) => died(`exit code ${code}`));
      feed();
    };
    for (let i = 0; i < size; i++) start();
  });
}
