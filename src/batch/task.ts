/**
 * One unit of a batch run: one input read, decoded, analyzed and written to its report folder.
 * The same function runs in the main thread (`--jobs 1`) and inside a worker thread, so the bytes
 * of the reports cannot depend on where an input was analyzed. It returns a small outcome (the
 * index entry, counts, the warnings to print, or the located error) and keeps nothing of the
 * thread: once its reports are written, the analyzed thread is garbage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { types } from 'node:util';
import { ThreadStanceError } from '../errors.js';
import { decodeInputWithWarnings } from '../input/decode.js';
import type { AnalyzedThread, InputFormat, Thread, Warning } from '../model.js';
import { threadOf } from '../pipeline.js';
import { analyzeAndWriteReports } from './thread-reports.js';
import { analyzeMacgStream } from './stream-macg.js';
import type { SentimentWorker } from './sentiment-worker.js';
import { inputBytes, WORKER_MIN_INPUT_BYTES } from './input-size.js';
import type { StanceSchema } from '../stance/index.js';
import { detachedString } from '../input/detach.js';
import { indexEntry, type IndexEntry } from '../report/index-markdown.js';

export type ReportFormat = 'csv' | 'md' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'md', 'json'];

/** What every task of a run shares; plain data, so it crosses to worker threads as is. */
export interface RunSettings {
  /** Absolute report folder. */
  out: string;
  formats: ReportFormat[];
  excel: boolean;
  /** Labels from the rules alone (no learned label models). */
  rulesOnly: boolean;
  /** Stance labels of the schema, in schema order (CSV columns, index order). */
  labels: string[];
  /** The `--schema` file, loaded again by each worker (a compiled schema does not cross threads). */
  schemaFile?: string;
  inputFormat: InputFormat | 'auto';
}

/** One input to analyze. */
export interface InputTask {
  /** Position of the input in the run's full input list (over all shards). */
  position: number;
  /** Name used in messages and reports: the path as given, or `stdin`. */
  source: string;
  /** Report folder name under `out`, allocated over the full input list. */
  slug: string;
  /** File to read; absent when `bytes` holds the input (standard input, read by the main thread). */
  file?: string;
  bytes?: Uint8Array;
}

/** Warnings printed per input; all of them are in `thread.json`. */
export const WARNINGS_PRINTED_PER_INPUT = 10;

/** What the main thread needs to know about a finished task. */
export type TaskOutcome =
  | { position: number; source: string; ok: true; entry: IndexEntry; comments: number; warnings: number; printedWarnings: Warning[] }
  | { position: number; source: string; ok: false; message: string };

/** The message to print for an error raised while handling `source`: located, no stack trace. */
export function describeError(error: unknown, source: string): string {
  if (error instanceof ThreadStanceError) {
    if (error.file === undefined) error.file = source;
    return error.located;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // isNativeError, not instanceof: an fs error made in another realm (a vm context, jest's module
  // sandbox) is still the user's missing file, not an internal error.
  const isError = error instanceof Error || types.isNativeError(error);
  if (typeof code === 'string' && isError) return `${source}: ${(error as Error).message}`;
  // Anything else is a bug in thread-stance, not the user's mistake: say so, still without a stack.
  return `${source}: internal error: ${isError ? (error as Error).message : String(error)}`;
}

/** A folder for a thread's reports, checked to lie inside `out` whatever the slug. */
export function threadDir(out: string, slug: string): string {
  const dir = path.join(out, slug);
  const relative = path.relative(out, dir);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ThreadStanceError('OUTPUT_OUTSIDE', `report folder "${slug}" would fall outside ${out}`);
  }
  return dir;
}

/**
 * Reads, decodes and parses one input and builds its reply tree. The raw bytes and the decoded
 * text are locals of this function only, so nothing of them outlives it except what the comments
 * hold.
 */
function threadOfInput(task: InputTask, settings: RunSettings): Thread {
  const bytes = task.bytes ?? fs.readFileSync(task.file as string);
  task.bytes = undefined;
  const decoded = decodeInputWithWarnings(bytes, task.source);
  const thread = threadOf(decoded.text, task.source, { format: settings.inputFormat });
  if (decoded.warnings.length > 0) thread.warnings = [...decoded.warnings, ...thread.warnings];
  return thread;
}

/**
 * A MacG page file analyzed while it is read (see `stream-macg.ts`), or null when the input is
 * not one (or is standard input): it is then read whole.
 */
function streamed(task: InputTask, settings: RunSettings, schema: StanceSchema, dir: string, sentimentWorker?: SentimentWorker): Promise<AnalyzedThread | null> | null {
  if (task.file === undefined || (settings.inputFormat !== 'auto' && settings.inputFormat !== 'macg')) return null;
  return analyzeMacgStream(task.file, task.source, schema, dir, settings, { format: settings.inputFormat, sentimentWorker });
}

/**
 * Reads, decodes and analyzes one input and writes its reports. Never throws: a failure becomes
 * an outcome with the located message, so one bad input never stops the others. With
 * `sentimentWorker`, an input of at least {@link WORKER_MIN_INPUT_BYTES} has its sentiment
 * stage run on the worker it returns (same reports, see `sentiment-worker.ts`).
 */
export async function runTask(task: InputTask, settings: RunSettings, schema: StanceSchema, sentimentWorker?: () => SentimentWorker): Promise<TaskOutcome> {
  const { position, source } = task;
  try {
    const dir = threadDir(settings.out, task.slug);
    const worker = sentimentWorker !== undefined && inputBytes(task) >= WORKER_MIN_INPUT_BYTES ? sentimentWorker() : undefined;
    const thread = (await streamed(task, settings, schema, dir, worker)) ?? (await analyzeAndWriteReports(threadOfInput(task, settings), schema, dir, settings, undefined, worker));
    return {
      position, source, ok: true,
      entry: indexEntry(thread, task.slug, settings.formats.includes('md')),
      comments: thread.comments.length,
      warnings: thread.warnings.length,
      printedWarnings: thread.warnings.slice(0, WARNINGS_PRINTED_PER_INPUT),
    };
  } catch (error) {
    // Kept until index.md is written: detached, as it may quote a slice of the input.
    return { position, source, ok: false, message: detachedString(describeError(error, source)) };
  }
}
