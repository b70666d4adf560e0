/**
 * A launcher for analysis workers under jest: the worker runs `src/batch/worker.ts` through the
 * TypeScript hooks of `ts-loader-hooks.mjs`, so tests exercise the real worker code path.
 */
import type { WorkerLauncher } from '../../src/batch/pool.js';

export const TS_WORKER: WorkerLauncher = {
  script: new URL('../../src/batch/worker.ts', import.meta.url),
  execArgv: ['--import', new URL('./ts-loader-register.mjs', import.meta.url).href],
};

/** The sentiment worker (`src/batch/sentiment-thread.ts`) run from the TypeScript sources the same way. */
export const TS_SENTIMENT_WORKER: WorkerLauncher = {
  script: new URL('../../src/batch/sentiment-thread.ts', import.meta.url),
  execArgv: TS_WORKER.execArgv,
};
