/**
 * The command-line interface: argument parsing and dispatch. The only module (with the files under
 * `src/cli/`) that reads and writes files and prints; it returns the exit code instead of exiting,
 * so tests call `main([...])` in-process.
 *
 * Exit codes: 0 success; 1 some input could not be analyzed (the others still were), or a
 * warning under `--fail-on-warnings`; 2 usage error (unknown option, missing argument, bad schema).
 */
import yargs from 'yargs';
import { parseShard, type Shard } from './batch/shard.js';
import { REPORT_FORMATS, runAnalyze, type ReportFormat } from './cli/analyze.js';
import { runCompare } from './cli/compare.js';
import { runEvaluate } from './cli/evaluate.js';
import { processIo, type CliIo } from './cli/io.js';
import { runMerge } from './cli/merge.js';
import { packageVersion } from './cli/version.js';
import { terminalSafe } from './report/escape.js';
import type { InputFormat } from './model.js';

export type { CliIo } from './cli/io.js';

const INPUT_FORMATS = ['auto', 'macg', 'article', 'jsonl', 'csv'] as const;

/** `--jobs N`: a whole number of at least 1. */
function parseJobs(value: unknown): number {
  const jobs = Number(value);
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new Error(`--jobs: expected a whole number of at least 1, found "${String(value)}"`);
  return jobs;
}

/** `--shard K/N`, validated (yargs turns a throw in `coerce` into a usage error). */
function coerceShard(value: unknown): Shard | undefined {
  if (value === undefined) return undefined;
  try {
    return parseShard(String(value));
  } catch (error) {
    throw new Error((error as Error).message);
  }
}

/** `--format csv,md` or `--format csv --format md`: the report formats, each once, validated. */
function parseFormats(value: string | string[]): ReportFormat[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
  const formats: ReportFormat[] = [];
  for (const part of parts) {
    if (!(REPORT_FORMATS as readonly string[]).includes(part)) {
      throw new Error(`--format: unknown report format "${part}" (expected some of ${REPORT_FORMATS.join(', ')})`);
    }
    if (!formats.includes(part as ReportFormat)) formats.push(part as ReportFormat);
  }
  if (formats.length === 0) throw new Error(`--format: give at least one of ${REPORT_FORMATS.join(', ')}`);
  return formats;
}

/**
 * yargs drops a bare `-` given to a variadic positional (`analyze - other.txt` gives `inputs:
 * ['other.txt']`), so `-` is swapped for this token before parsing and swapped back after.
 */
const STDIN_TOKEN = '\u0000stdin';

function restoreDash(value: unknown): string {
  return value === STDIN_TOKEN ? '-' : String(value);
}

/** Thrown from yargs' failure handler so a usage error reaches `main` as a value, not an exit. */
class UsageError extends Error {}

function parser(argv: string[]) {
  return yargs(argv)
    .scriptName('thread-stance')
    .usage('$0 <command> [options]\n\nRebuilds the reply tree of a French reader-comment thread and measures the sentiment and stance of every comment, author and thread.')
    .command('analyze <inputs..>', 'analyze threads and write CSV, Markdown and JSON reports', (y) =>
      y
        .positional('inputs', { describe: 'files, folders (walked recursively for .txt .jsonl .ndjson .csv), glob patterns, or - for stdin', type: 'string', array: true })
        .option('out', { alias: 'o', describe: 'folder for the reports (one sub-folder per thread, plus index.md)', type: 'string', default: 'reports' })
        .option('format', { alias: 'f', describe: 'report formats, comma-separated', type: 'string', default: 'csv,md,json', coerce: parseFormats })
        .option('schema', { describe: 'stance schema JSON file (default: the Altman/Microsoft debate)', type: 'string' })
        .option('input-format', { describe: 'input format', choices: INPUT_FORMATS, default: 'auto' as const })
        .option('excel', { describe: 'CSV for a French-locale spreadsheet: UTF-8 BOM, ";" separator, decimal comma', type: 'boolean', default: false })
        .option('rules-only', { describe: 'labels from the rules alone, without the learned label models', type: 'boolean', default: false })
        .option('quiet', { alias: 'q', describe: 'no progress bar, warnings or summary line (errors are still printed)', type: 'boolean', default: false })
        .option('fail-on-warnings', { describe: 'exit with 1 when any input produced a warning', type: 'boolean', default: false })
        .option('jobs', { alias: 'j', describe: 'inputs analyzed at once, on worker threads (default: the cores available when the inputs total 1 MiB or more, else 1; 1: in-process, one thread, no sentiment worker)', type: 'string', coerce: parseJobs })
        .option('shard', { describe: 'analyze only the K-th of N slices of the inputs (input p goes to shard p mod N + 1) and write shard.json for "merge"', type: 'string', coerce: coerceShard })
        .example('$0 analyze corpus --out reports', 'every thread file under corpus/ into reports/')
        .example('$0 analyze "exports/**/*.jsonl" --format csv --excel', 'spreadsheet-ready CSV for JSONL exports (quote globs)')
        .example('cat thread.txt | $0 analyze - --format md', 'a thread from stdin, Markdown summary only')
        .example('$0 analyze archive --shard 2/4 --out out-2', 'the second quarter of an archive (one job of a CI matrix)'),
    )
    .command('merge <shards..>', 'combine the report folders of "analyze --shard K/N" runs into one run\'s reports', (y) =>
      y
        .positional('shards', { describe: 'the --out folders of the shard runs (each holds a shard.json)', type: 'string', array: true })
        .option('out', { alias: 'o', describe: 'folder for the merged reports (may be one of the shard folders)', type: 'string', default: 'reports' })
        .option('move', { describe: 'move the thread folders instead of copying them', type: 'boolean', default: false })
        .option('quiet', { alias: 'q', describe: 'no summary line (errors are still printed)', type: 'boolean', default: false })
        .option('fail-on-warnings', { describe: 'exit with 1 when any input produced a warning', type: 'boolean', default: false })
        .example('$0 merge out-1 out-2 out-3 out-4 --out reports', 'index.md, comments.csv and authors.csv over all threads, as one run would write them'),
    )
    .command('evaluate <input..>', "compare the analyzer's labels with a person's (gold JSONL), for one thread or pooled over several", (y) =>
      y
        // `<input..>`, not `<inputs..>`: one character longer would widen the command column of --help.
        .positional('input', { describe: 'the thread file the gold labels are for (or - for stdin); or several files, folders, globs, each X.txt paired with X.gold.jsonl beside it', type: 'string', array: true })
        .option('gold', { describe: 'gold labels of the one input, one {"index", "parent"?, "sentiment"?, "stance"?, "agreement"?} per line (not with several inputs)', type: 'string' })
        .option('schema', { describe: 'stance schema JSON file (default: the Altman/Microsoft debate)', type: 'string' })
        .option('input-format', { describe: 'input format', choices: INPUT_FORMATS, default: 'auto' as const })
        .option('json', { describe: 'print the report as JSON', type: 'boolean', default: false })
        .option('rules-only', { describe: "measure the rules' labels, without the learned label models", type: 'boolean', default: false })
        .example('$0 evaluate corpus/macg-altman-microsoft-comments.txt --gold __tests__/fixtures/macg-altman-microsoft.gold.jsonl', 'accuracy, macro-F1 and confusion matrices on the seed thread')
        .example('$0 evaluate __tests__/fixtures/dev-blind/altman-thread.txt __tests__/fixtures/dev-blind/apple-thread.txt', 'each thread against its X.gold.jsonl, then the figures pooled over both'),
    )
    .command('compare <a> <b>', 'compare two label files of the same thread (two coders): accuracy, macro-F1, kappa, confusion matrices; no analyzer run', (y) =>
      y
        .positional('a', { describe: "coder A's labels (the reference for precision, recall and F1), gold JSONL", type: 'string' })
        .positional('b', { describe: "coder B's labels for the same comments, gold JSONL", type: 'string' })
        .option('schema', { describe: 'stance schema JSON file whose labels the stance values must use (default: the Altman/Microsoft debate)', type: 'string' })
        .option('json', { describe: 'print the comparison as JSON', type: 'boolean', default: false })
        .example('$0 compare __tests__/fixtures/macg-altman-microsoft.gold.jsonl __tests__/fixtures/macg-altman-microsoft.coder2.jsonl', 'how far two coders agree on the seed thread'),
    )
    .demandCommand(1, 'give a command: analyze, merge, evaluate or compare')
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    .exitProcess(false)
    .wrap(null)
    .strict()
    .fail((message, error) => {
      throw new UsageError(message ?? error?.message ?? 'invalid arguments');
    });
}

/**
 * Runs the CLI on `argv` (without the `node` and script paths) and returns the exit code.
 * Output goes through `io` (the process's streams by default).
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  argv = argv.map((arg) => (arg === '-' ? STDIN_TOKEN : arg));
  let helpText = '';
  let args: Awaited<ReturnType<ReturnType<typeof parser>['parseAsync']>>;
  try {
    args = await parser(argv).parseAsync(argv, {}, (_error: Error | undefined, _argv: unknown, output: string) => {
      helpText = output;
    });
  } catch (error) {
    io.stderr(`thread-stance: ${terminalSafe(error instanceof Error ? error.message : String(error))}\nRun "thread-stance --help" for usage.\n`);
    return 2;
  }
  if (args.help || args.version) {
    io.stdout(`${helpText}\n`);
    return 0;
  }
  const command = String(args._[0]);
  const inputFormat = args['input-format'] as InputFormat | 'auto';
  if (command === 'analyze') {
    return runAnalyze(
      {
        inputs: (args.inputs as string[]).map(restoreDash),
        out: restoreDash(args.out),
        formats: args.format as ReportFormat[],
        schemaFile: args.schema === undefined ? undefined : restoreDash(args.schema),
        inputFormat,
        excel: Boolean(args.excel),
        rulesOnly: Boolean(args['rules-only']),
        quiet: Boolean(args.quiet),
        failOnWarnings: Boolean(args['fail-on-warnings']),
        jobs: args.jobs as number | undefined,
        shard: args.shard as Shard | undefined,
      },
      io,
    );
  }
  if (command === 'merge') {
    return runMerge(
      {
        shardDirs: (args.shards as string[]).map(restoreDash),
        out: restoreDash(args.out),
        move: Boolean(args.move),
        quiet: Boolean(args.quiet),
        failOnWarnings: Boolean(args['fail-on-warnings']),
      },
      io,
    );
  }
  if (command === 'compare') {
    return runCompare(
      {
        fileA: restoreDash(args.a),
        fileB: restoreDash(args.b),
        schemaFile: args.schema === undefined ? undefined : restoreDash(args.schema),
        json: Boolean(args.json),
      },
      io,
    );
  }
  return runEvaluate(
    {
      inputs: (args.input as string[]).map(restoreDash),
      goldFile: args.gold === undefined ? undefined : restoreDash(args.gold),
      schemaFile: args.schema === undefined ? undefined : restoreDash(args.schema),
      inputFormat,
      json: Boolean(args.json),
      rulesOnly: Boolean(args['rules-only']),
    },
    io,
  );
}
