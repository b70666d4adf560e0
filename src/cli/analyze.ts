/**
 * `thread-stance analyze`: every input becomes one thread, analyzed and written to
 * `<out>/<slug>/{thread.json, comments.csv, authors.csv, summary.md}`, plus, over the run,
 * `<out>/index.md` and the combined `<out>/comments.csv` and `<out>/authors.csv` (a `thread` column
 * first). An input that fails is reported (`thread-stance: file:line: message`) and the others are
 * still analyzed. Every file is written atomically.
 *
 * Inputs run on `--jobs` worker threads (default: every core, for a batch of 1 MiB or more);
 * messages, `index.md`, the combined
 * CSV and the exit code come out in input order, the same as with `--jobs 1`. With `--shard K/N`
 * only the K-th slice of the inputs is analyzed and a `shard.json` manifest replaces the run-level
 * files, which `thread-stance merge` writes once all shards are done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { MANIFEST_FILE, manifestJson, type ShardManifest } from '../batch/manifest.js';
import { defaultSentimentLauncher } from '../batch/sentiment-worker.js';
import { inputBytes, WORKER_MIN_INPUT_BYTES } from '../batch/input-size.js';
import { defaultWorkerLauncher, poolSize, runTasks } from '../batch/pool.js';
import { writeRunReports } from '../batch/run-reports.js';
import { inShard, inputsDigest, type Shard } from '../batch/shard.js';
import { describeError, REPORT_FORMATS, WARNINGS_PRINTED_PER_INPUT, type InputTask, type ReportFormat, type RunSettings, type TaskOutcome } from '../batch/task.js';
import type { InputFormat, Warning } from '../model.js';
import { loadSchema, type StanceSchema } from '../stance/index.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import { terminalSafe } from '../report/escape.js';
import type { FailedInput, IndexEntry } from '../report/index-markdown.js';
import { SlugAllocator } from '../report/slug.js';
import { expandInputs } from './inputs.js';
import { readStdinBytes, type CliIo } from './io.js';
import { packageVersion } from './version.js';

export { describeError, REPORT_FORMATS, type ReportFormat };

export interface AnalyzeCommand {
  inputs: string[];
  out: string;
  formats: ReportFormat[];
  schemaFile?: string;
  inputFormat: InputFormat | 'auto';
  excel: boolean;
  /** Labels from the rules alone (no learned label models). */
  rulesOnly: boolean;
  quiet: boolean;
  failOnWarnings: boolean;
  /** Inputs analyzed at once (worker threads); default: the cores available. 1: in-process. */
  jobs?: number;
  /** Analyze only this slice of the inputs and write `shard.json` instead of the run-level files. */
  shard?: Shard;
}

/** `--jobs` when not given: every core for a batch big enough to gain from it, else 1. */
function defaultJobs(tasks: InputTask[]): number {
  const cores = os.availableParallelism();
  if (cores < 2 || tasks.length < 2) return 1;
  let total = 0;
  for (const task of tasks) {
    total += inputBytes(task);
    if (total >= WORKER_MIN_INPUT_BYTES) return cores;
  }
  return 1;
}

/**
 * Whether a run whose inputs go one after the other may still use a second core for the
 * sentiment stage of a large input: not with `--jobs 1` (one thread asked), nor on one core.
 */
function spareCore(jobsAsked: number | undefined): boolean {
  return (jobsAsked ?? os.availableParallelism()) >= 2;
}

/** `thread-stance: <message>` on stderr, with terminal control characters shown, not obeyed. */
export function printError(io: CliIo, message: string): void {
  io.stderr(`thread-stance: ${terminalSafe(message)}\n`);
}

/** Loads the stance schema, or prints why not and gives the usage-error exit code. */
export function loadSchemaOrReport(file: string | undefined, io: CliIo): StanceSchema | number {
  try {
    return loadSchema(file);
  } catch (error) {
    printError(io, describeError(error, file ?? 'default schema'));
    return 2;
  }
}

/** The first warnings of an input (with file and line), then how many more are in `thread.json`. */
function printWarnings(io: CliIo, source: string, printed: Warning[], total: number): void {
  for (const w of printed) printError(io, `${source}${w.line > 0 ? `:${w.line}` : ''}: warning: ${w.message}`);
  if (total > WARNINGS_PRINTED_PER_INPUT) printError(io, `${source}: ${total - WARNINGS_PRINTED_PER_INPUT} more warnings in thread.json`);
}

/** A progress bar on stderr, only for a batch on a terminal and without `--quiet`. */
function progressBar(io: CliIo, quiet: boolean, total: number): cliProgress.SingleBar | undefined {
  if (quiet || !io.stderrIsTTY || total < 2) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: 'thread-stance {bar} {value}/{total} threads | {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return bar;
}

/**
 * The closing line of a run: `thread-stance: 5 threads, 48 comments, 0 warnings; reports in out`,
 * with the inputs not analyzed when there are some. `merge` prints the same line as a single run.
 */
export function summaryLine(entries: IndexEntry[], failedCount: number, out: string, prefix = ''): string {
  const comments = entries.reduce((sum, e) => sum + e.comments, 0);
  const warnings = entries.reduce((sum, e) => sum + e.warnings, 0);
  const failures = failedCount > 0 ? `, ${failedCount} input${failedCount === 1 ? '' : 's'} not analyzed` : '';
  return (
    `thread-stance: ${prefix}${entries.length} thread${entries.length === 1 ? '' : 's'}, ${comments} comments, ` +
    `${warnings} warning${warnings === 1 ? '' : 's'}${failures}; reports in ${terminalSafe(out)}\n`
  );
}

/** Exit code of a finished run: 1 when an input failed, or a warning under `--fail-on-warnings`. */
export function runExitCode(entries: IndexEntry[], failedCount: number, failOnWarnings: boolean): number {
  if (failedCount > 0) return 1;
  if (failOnWarnings && entries.some((e) => e.warnings > 0)) return 1;
  return 0;
}

/** Runs `analyze`; returns the exit code (0 ok, 1 an input failed or a warning with `--fail-on-warnings`, 2 usage). */
export async function runAnalyze(command: AnalyzeCommand, io: CliIo): Promise<number> {
  const schema = loadSchemaOrReport(command.schemaFile, io);
  if (typeof schema === 'number') return schema;
  const labels = schema.labels.map((l) => l.id);
  const out = createOutFolder(command.out, io);
  if (out === undefined) return 2;

  const { inputs, problems } = expandInputs(command.inputs, out);
  const failed: FailedInput[] = [];
  for (const p of problems) {
    printError(io, `${p.source}: ${p.message}`);
    failed.push({ source: p.source, message: p.message });
  }
  // Folder names over the full list, before any shard is cut from it: see src/batch/shard.ts.
  const slugs = new SlugAllocator();
  const sources = inputs.map((input) => (input.kind === 'stdin' ? 'stdin' : input.path));
  const allSlugs = sources.map((source) => slugs.allocate(source));
  const tasks: InputTask[] = [];
  for (let position = 0; position < inputs.length; position++) {
    if (command.shard && !inShard(position, command.shard)) continue;
    const input = inputs[position];
    const task: InputTask = { position, source: sources[position], slug: allSlugs[position] };
    if (input.kind === 'file') task.file = input.path;
    else task.bytes = await readStdinBytes(io);
    tasks.push(task);
  }

  const settings: RunSettings = {
    out, formats: command.formats, excel: command.excel, rulesOnly: command.rulesOnly, labels, schemaFile: command.schemaFile, inputFormat: command.inputFormat,
  };
  const entries: IndexEntry[] = [];
  const manifestThreads: ShardManifest['threads'] = [];
  const manifestFailed: ShardManifest['failed'] = [];
  const bar = progressBar(io, command.quiet, tasks.length);
  const jobs = poolSize(command.jobs ?? defaultJobs(tasks), tasks.length);
  await runTasks(tasks, settings, {
    jobs,
    launcher: jobs > 1 ? io.analysisWorker ?? defaultWorkerLauncher() : undefined,
    sentimentLauncher: jobs === 1 && spareCore(command.jobs) ? io.sentimentWorker ?? defaultSentimentLauncher() : undefined,
    schema,
    onProgress: (done, outcome) => bar?.update(done, { file: terminalSafe(path.basename(outcome.source)) }),
    onOutcome: (outcome: TaskOutcome) => {
      if (outcome.ok) {
        entries.push(outcome.entry);
        manifestThreads.push({ position: outcome.position, entry: outcome.entry });
        if (!command.quiet) printWarnings(io, outcome.source, outcome.printedWarnings, outcome.warnings);
      } else {
        printError(io, outcome.message);
        failed.push({ source: outcome.source, message: outcome.message });
        manifestFailed.push({ position: outcome.position, source: outcome.source, message: outcome.message });
      }
    },
  });
  bar?.stop();

  if (command.shard) {
    const manifest: ShardManifest = {
      manifest: 'thread-stance shard', version: packageVersion(), shard: command.shard,
      inputCount: inputs.length, inputsDigest: inputsDigest(sources, allSlugs, problems),
      formats: command.formats, excel: command.excel, rulesOnly: command.rulesOnly, labels, problems, threads: manifestThreads, failed: manifestFailed,
    };
    try {
      writeFileAtomic(path.join(out, MANIFEST_FILE), manifestJson(manifest));
    } catch (error) {
      printError(io, describeError(error, path.join(command.out, MANIFEST_FILE)));
      failed.push({ source: MANIFEST_FILE, message: (error as Error).message });
    }
    if (!command.quiet) io.stdout(summaryLine(entries, failed.length, command.out, `shard ${command.shard.index}/${command.shard.count}: `));
    return runExitCode(entries, failed.length, command.failOnWarnings);
  }

  return finishRun(io, command, entries, failed, () => writeRunReports(out, entries, failed, settings));
}

/**
 * Creates the `--out` folder (and its parents); on failure prints why and returns undefined
 * (a usage error: exit 2).
 */
export function createOutFolder(outOption: string, io: CliIo): string | undefined {
  const out = path.resolve(outOption);
  try {
    fs.mkdirSync(out, { recursive: true });
  } catch (error) {
    printError(io, `--out ${outOption}: cannot create the report folder: ${(error as Error).message}`);
    return undefined;
  }
  return out;
}

/**
 * The end of a run that writes run-level files (`analyze` without `--shard`, and `merge`):
 * writes them, reports a failed write as one more failed input, prints the summary line and
 * returns the exit code.
 */
export function finishRun(
  io: CliIo,
  command: { out: string; quiet: boolean; failOnWarnings: boolean },
  entries: IndexEntry[],
  failed: FailedInput[],
  writeFiles: () => void,
): number {
  try {
    writeFiles();
  } catch (error) {
    const file = (error as NodeJS.ErrnoException).path ?? command.out;
    printError(io, describeError(error, file));
    failed.push({ source: path.basename(file), message: (error as Error).message });
  }
  if (!command.quiet) io.stdout(summaryLine(entries, failed.length, command.out));
  return runExitCode(entries, failed.length, command.failOnWarnings);
}
