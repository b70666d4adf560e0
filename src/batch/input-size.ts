/**
 * How large an input is, and from what size a worker thread pays off: the rule both the pool's
 * default `--jobs` (several inputs on several workers) and the sentiment worker of a one-input run
 * follow.
 */
import fs from 'node:fs';
import type { InputTask } from './task.js';

/**
 * Below this much input, no worker thread is started unless `--jobs` asks for one: each worker
 * loads the NLP model and lexicons again (about 0.5-0.6 s), more than a few small threads take to
 * analyze (corpus/: 1.4 s in-process, 2.0 s on two workers).
 */
export const WORKER_MIN_INPUT_BYTES = 1 << 20;

/** The input's size in bytes (0 when it cannot be read: its task reports why). */
export function inputBytes(task: InputTask): number {
  if (task.bytes !== undefined) return task.bytes.length;
  try {
    return fs.statSync(task.file as string).size;
  } catch {
    return 0;
  }
}
