/**
 * `thread-stance analyze`: every input becomes one thread, analyzed and written to
 * `<out>/<slug>/{thread.json, comments.csv, authors.csv, summary.md}`, plus `<out>/index.md` over
 * the run. An input that fails is reported (`thread-stance: file:line: message`) and the others
 * are still analyzed. Every file is written atomically.
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { ThreadStanceError } from '../errors.js';
import type { AnalyzedThread, InputFormat, Warning } from '../model.js';
import { analyzeText } from '../pipeline.js';
import { loadSchema, type StanceSchema } from '../stance/index.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import { authorsCsvChunks, commentsCsvChunks, type CsvDialect } from '../report/csv.js';
import { terminalSafe } from '../report/escape.js';
import { indexEntry, indexMarkdown, type FailedInput, type IndexEntry } from '../report/index-markdown.js';
import { threadJsonChunks } from '../report/json.js';
import { summaryMarkdown } from '../report/markdown.js';
import { SlugAllocator } from '../report/slug.js';
import { expandInputs, type InputRef } from './inputs.js';
import { readInput, type CliIo } from './io.js';

export type ReportFormat = 'csv' | 'md' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'md', 'json'];

export interface AnalyzeCommand {
  inputs: string[];
  out: string;
  formats: ReportFormat[];
  schemaFile?: string;
  inputFormat: InputFormat | 'auto';
  excel: boolean;
  quiet: boolean;
  failOnWarnings: boolean;
}

/** Warnings printed per input; all of them are in `thread.json`. */
const WARNINGS_PRINTED_PER_INPUT = 10;

/** `thread-stance: <message>` on stderr, with terminal control characters shown, not obeyed. */
export function printError(io: CliIo, message: string): void {
  io.stderr(`thread-stance: ${terminalSafe(message)}\n`);
}

/** The message to print for an error raised while handling `source`: located, no stack trace. */
export function describeError(error: unknown, source: string): string {
  if (error instanceof ThreadStanceError) {
    if (error.file === undefined) error.file = source;
    return error.located;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && error instanceof Error) return `${source}: ${error.message}`;
  // Anything else is a bug in thread-stance, not the user's mistake: say so, still without a stack.
  return `${source}: internal error: ${error instanceof Error ? error.message : String(error)}`;
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

/** The files a thread's reports consist of, for the chosen formats. */
function reportFiles(formats: ReportFormat[]): string[] {
  const files: string[] = [];
  if (formats.includes('csv')) files.push('comments.csv', 'authors.csv');
  if (formats.includes('json')) files.push('thread.json');
  return files;
}

/** Writes the reports of one thread into `dir` (created), atomically file by file. */
function writeThreadReports(thread: AnalyzedThread, dir: string, command: AnalyzeCommand, labels: string[]): void {
  fs.mkdirSync(dir, { recursive: true });
  const dialect: CsvDialect = command.excel ? 'excel' : 'rfc4180';
  if (command.formats.includes('json')) writeFileAtomic(path.join(dir, 'thread.json'), threadJsonChunks(thread));
  if (command.formats.includes('csv')) {
    writeFileAtomic(path.join(dir, 'comments.csv'), commentsCsvChunks(thread, { dialect, labels }));
    writeFileAtomic(path.join(dir, 'authors.csv'), authorsCsvChunks(thread, { dialect, labels }));
  }
  if (command.formats.includes('md')) {
    writeFileAtomic(path.join(dir, 'summary.md'), summaryMarkdown(thread, { labels, dataFiles: reportFiles(command.formats) }));
  }
}

function inputName(input: InputRef): string {
  return input.kind === 'stdin' ? 'stdin' : input.path;
}

/** A folder for a thread's reports, checked to lie inside `out` whatever the slug. */
function threadDir(out: string, slug: string): string {
  const dir = path.join(out, slug);
  const relative = path.relative(out, dir);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ThreadStanceError('OUTPUT_OUTSIDE', `report folder "${slug}" would fall outside ${out}`);
  }
  return dir;
}

function printWarnings(io: CliIo, source: string, warnings: Warning[]): void {
  for (const w of warnings.slice(0, WARNINGS_PRINTED_PER_INPUT)) {
    printError(io, `${source}${w.line > 0 ? `:${w.line}` : ''}: warning: ${w.message}`);
  }
  if (warnings.length > WARNINGS_PRINTED_PER_INPUT) {
    printError(io, `${source}: ${warnings.length - WARNINGS_PRINTED_PER_INPUT} more warnings in thread.json`);
  }
}

/** A progress bar on stderr, only for a batch on a terminal and without `--quiet`. */
function progressBar(io: CliIo, command: AnalyzeCommand, total: number): cliProgress.SingleBar | undefined {
  if (command.quiet || !io.stderrIsTTY || total < 2) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: 'thread-stance {bar} {value}/{total} threads | {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return bar;
}

/** Runs `analyze`; returns the exit code (0 ok, 1 an input failed or a warning with `--fail-on-warnings`, 2 usage). */
export async function runAnalyze(command: AnalyzeCommand, io: CliIo): Promise<number> {
  const schema = loadSchemaOrReport(command.schemaFile, io);
  if (typeof schema === 'number') return schema;
  const labels = schema.labels.map((l) => l.id);
  const out = path.resolve(command.out);
  try {
    fs.mkdirSync(out, { recursive: true });
  } catch (error) {
    printError(io, `--out ${command.out}: cannot create the report folder: ${(error as Error).message}`);
    return 2;
  }

  const { inputs, problems } = expandInputs(command.inputs, out);
  const failed: FailedInput[] = [];
  for (const p of problems) {
    printError(io, `${p.source}: ${p.message}`);
    failed.push({ source: p.source, message: p.message });
  }
  const entries: IndexEntry[] = [];
  const slugs = new SlugAllocator();
  let comments = 0;
  let warnings = 0;
  const bar = progressBar(io, command, inputs.length);
  for (const input of inputs) {
    const source = inputName(input);
    bar?.update(entries.length + failed.length - problems.length, { file: terminalSafe(path.basename(source)) });
    try {
      const { text, warnings: decodeWarnings } = await readInput(input, io);
      const thread = analyzeText(text, source, { format: command.inputFormat, schema });
      if (decodeWarnings.length > 0) thread.warnings = [...decodeWarnings, ...thread.warnings];
      const slug = slugs.allocate(source);
      writeThreadReports(thread, threadDir(out, slug), command, labels);
      entries.push(indexEntry(thread, slug, command.formats.includes('md')));
      comments += thread.comments.length;
      warnings += thread.warnings.length;
      if (!command.quiet) printWarnings(io, source, thread.warnings);
    } catch (error) {
      const message = describeError(error, source);
      printError(io, message);
      failed.push({ source, message });
    }
  }
  bar?.update(inputs.length);
  bar?.stop();

  if (command.formats.includes('md')) {
    try {
      writeFileAtomic(path.join(out, 'index.md'), indexMarkdown(entries, failed, { labels }));
    } catch (error) {
      printError(io, describeError(error, path.join(command.out, 'index.md')));
      failed.push({ source: 'index.md', message: (error as Error).message });
    }
  }
  if (!command.quiet) {
    const failures = failed.length > 0 ? `, ${failed.length} input${failed.length === 1 ? '' : 's'} not analyzed` : '';
    io.stdout(
      `thread-stance: ${entries.length} thread${entries.length === 1 ? '' : 's'}, ${comments} comments, ` +
        `${warnings} warning${warnings === 1 ? '' : 's'}${failures}; reports in ${terminalSafe(command.out)}\n`,
    );
  }
  if (failed.length > 0) return 1;
  if (command.failOnWarnings && warnings > 0) return 1;
  return 0;
}
