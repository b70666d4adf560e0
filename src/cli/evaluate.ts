/**
 * `thread-stance evaluate`: analyzes inputs and compares their labels with a person's (see
 * `src/evaluate/`), printed as text tables or, with `--json`, as JSON.
 *
 * - One input (a file or `-`) with `--gold FILE.jsonl`: that thread's report.
 * - Several inputs (files, folders, globs, expanded as for `analyze`): each `X.txt` (any extension)
 *   is paired with `X.gold.jsonl` beside it; each thread's report, then the pooled figures. An
 *   input that cannot be evaluated is reported on stderr and skipped; the others still are.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InputFormat } from '../model.js';
import { analyzeText } from '../pipeline.js';
import type { StanceSchema } from '../stance/index.js';
import { evaluateThread, type EvaluationReport } from '../evaluate/compare.js';
import { formatEvaluation, formatPooledEvaluation, type SkippedInput } from '../evaluate/format.js';
import { parseGold, type GoldRecord } from '../evaluate/gold.js';
import { poolEvaluations } from '../evaluate/pool.js';
import { ThreadStanceError } from '../errors.js';
import { terminalSafe } from '../report/escape.js';
import { describeError, loadSchemaOrReport, printError } from './analyze.js';
import { expandInputs, type InputRef } from './inputs.js';
import { readInput, type CliIo } from './io.js';

export interface EvaluateCommand {
  /** As given on the command line: files, folders, globs, `-`. */
  inputs: string[];
  /** Gold labels of the one input; refused with several inputs. */
  goldFile?: string;
  schemaFile?: string;
  inputFormat: InputFormat | 'auto';
  json: boolean;
  /** Measure the rules' labels (no learned label models). */
  rulesOnly?: boolean;
}

/** Ending of the gold file paired with each input of a several-thread evaluation. */
export const GOLD_SUFFIX = '.gold.jsonl';

/**
 * The gold file paired with a thread file: `X.gold.jsonl` beside `X.txt` (the last extension
 * replaced; a name without one gets the suffix added).
 */
export function goldPathFor(input: string): string {
  const ext = path.extname(input);
  return `${ext === '' ? input : input.slice(0, -ext.length)}${GOLD_SUFFIX}`;
}

/**
 * Whether the arguments name one thread in the way `--gold` can label: a single file or `-`
 * (a folder or a glob pattern stands for several, even if it happens to match one).
 */
function namesOneThread(args: string[]): boolean {
  if (args.length !== 1) return false;
  const [arg] = args;
  if (arg === '-') return true;
  try {
    return !fs.statSync(arg).isDirectory();
  } catch {
    return !/[*?[]/.test(arg);
  }
}

/** A usage error printed the way `main` prints yargs' own. */
function usageError(io: CliIo, message: string): number {
  io.stderr(`thread-stance: ${terminalSafe(message)}\nRun "thread-stance --help" for usage.\n`);
  return 2;
}

/** Runs `evaluate`; returns the exit code (0 ok, 1 an input or a gold file is unusable, 2 usage). */
export async function runEvaluate(command: EvaluateCommand, io: CliIo): Promise<number> {
  const single = namesOneThread(command.inputs);
  // One input keeps the one-thread form, whose --gold yargs used to demand: same message.
  if (single && command.goldFile === undefined) return usageError(io, 'Missing required argument: gold');
  if (!single && command.goldFile !== undefined) {
    return usageError(io, `--gold labels one thread; with several inputs each X.txt is paired with X${GOLD_SUFFIX} beside it, so leave --gold out`);
  }
  const schema = loadSchemaOrReport(command.schemaFile, io);
  if (typeof schema === 'number') return schema;
  if (single) return evaluateOne(command, command.goldFile as string, schema, io);
  return evaluateSeveral(command, schema, io);
}

async function evaluateOne(command: EvaluateCommand, goldFile: string, schema: StanceSchema, io: CliIo): Promise<number> {
  const stanceLabels = schema.labels.map((l) => l.id);
  const inputArg = command.inputs[0];
  let gold;
  try {
    gold = parseGold(fs.readFileSync(goldFile, 'utf8'), goldFile, { stanceLabels });
  } catch (error) {
    printError(io, describeError(error, goldFile));
    return 1;
  }
  const source = inputArg === '-' ? 'stdin' : inputArg;
  try {
    const input = inputArg === '-' ? ({ kind: 'stdin' } as const) : ({ kind: 'file', path: inputArg } as const);
    const report = await analyzeAndEvaluate(input, source, gold, goldFile, command, schema, io);
    io.stdout(command.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvaluation(report));
    return 0;
  } catch (error) {
    printError(io, describeError(error, source));
    return 1;
  }
}

/**
 * One input of a several-thread evaluation against its paired gold file. Throws (a
 * `ThreadStanceError` located in the input or the gold file) when it cannot be evaluated.
 */
async function evaluatePaired(input: InputRef, command: EvaluateCommand, schema: StanceSchema, io: CliIo): Promise<EvaluationReport> {
  const stanceLabels = schema.labels.map((l) => l.id);
  if (input.kind === 'stdin') {
    throw new ThreadStanceError('GOLD_MISSING', `standard input has no file name to pair with a gold file; evaluate it alone, with --gold`, { file: 'stdin' });
  }
  const goldFile = goldPathFor(input.path);
  let goldText: string;
  try {
    goldText = fs.readFileSync(goldFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ThreadStanceError('GOLD_MISSING', `no gold labels for this thread: expected them in ${goldFile}`, { file: input.path });
    }
    // The gold file exists but cannot be read (permissions, a folder of that name): name it, not the thread.
    throw new ThreadStanceError('GOLD_UNREADABLE', `cannot read the gold labels: ${(error as Error).message}`, { file: goldFile });
  }
  const gold = parseGold(goldText, goldFile, { stanceLabels });
  return analyzeAndEvaluate(input, input.path, gold, goldFile, command, schema, io);
}

/** Reads and analyzes one input (named `source` in its thread) and compares it with its gold labels. */
async function analyzeAndEvaluate(
  input: InputRef,
  source: string,
  gold: GoldRecord[],
  goldFile: string,
  command: EvaluateCommand,
  schema: StanceSchema,
  io: CliIo,
): Promise<EvaluationReport> {
  const { text } = await readInput(input, io);
  const thread = analyzeText(text, source, { format: command.inputFormat, schema, labelModels: command.rulesOnly ? null : undefined });
  return evaluateThread(thread, gold, goldFile, { stanceLabels: schema.labels.map((l) => l.id) });
}

/**
 * Whether a file found in a folder or by a glob holds labels of another thread rather than a
 * thread: `X.gold.jsonl`, or any `X.<name>.jsonl` beside a thread file `X.<ext>` of the same
 * inputs (a second coder's `X.coder2.jsonl`, see `thread-stance compare`).
 */
function isLabelFile(file: string, inputs: readonly InputRef[]): boolean {
  if (file.endsWith(GOLD_SUFFIX)) return true;
  if (!file.endsWith('.jsonl')) return false;
  const stem = file.slice(0, -'.jsonl'.length);
  const dot = stem.lastIndexOf('.');
  if (dot <= stem.lastIndexOf(path.sep)) return false;
  const thread = stem.slice(0, dot);
  return inputs.some((i) => i.kind === 'file' && i.path !== file && i.path.slice(0, i.path.length - path.extname(i.path).length) === thread);
}

async function evaluateSeveral(command: EvaluateCommand, schema: StanceSchema, io: CliIo): Promise<number> {
  const { inputs, problems } = expandInputs(command.inputs);
  const skipped: SkippedInput[] = [];
  for (const problem of problems) {
    const error = `${problem.source}: ${problem.message}`;
    printError(io, error);
    skipped.push({ input: problem.source, error });
  }
  const reports: EvaluationReport[] = [];
  // Folders and globs take .jsonl files, label files among them: those are labels, not threads.
  // A file named on the command line is kept, and fails visibly (it has no gold file itself).
  const named = new Set(command.inputs);
  const threads = inputs.filter((i) => i.kind === 'stdin' || named.has(i.path) || !isLabelFile(i.path, inputs));
  for (const input of threads) {
    const source = input.kind === 'stdin' ? 'stdin' : input.path;
    try {
      const report = await evaluatePaired(input, command, schema, io);
      reports.push(report);
      if (!command.json) io.stdout(`${formatEvaluation(report)}\n`);
    } catch (error) {
      const message = describeError(error, source);
      printError(io, message);
      skipped.push({ input: source, error: message });
    }
  }
  const pooled = poolEvaluations(reports, { stanceLabels: schema.labels.map((l) => l.id) });
  if (command.json) io.stdout(`${JSON.stringify({ threads: reports, pooled: pooled ?? null, skipped }, null, 2)}\n`);
  else io.stdout(formatPooledEvaluation(pooled, skipped));
  return skipped.length === 0 ? 0 : 1;
}
