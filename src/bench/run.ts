/**
 * `npm run bench`: generates synthetic threads at each size, measures the pipeline and the
 * baselines on each in separate child processes, and writes `reports/bench.json` and
 * `reports/bench.md`. This is the benchmark's I/O edge (a script, like the CLI).
 *
 * Usage: node --expose-gc dist/bench/run.js [--sizes 1000,10000,100000,1000000] [--seed N]
 *        [--out reports] [--work .bench-tmp] [--keep]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readSeedThread, type SeedThread } from './seed-thread.js';
import { syntheticComments, writeSyntheticThread, type GenerationStats } from './generate.js';
import { measurePipeline, measureSentimentOnly, measureTokenizeOnly, measureWinkDefaultPipe, type BaselineMeasure, type PipelineMeasure } from './measure.js';
import { benchJson, benchMarkdown, type InProcess, type SizeResult } from './results.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED_PAGE = path.join(PACKAGE_ROOT, 'corpus', 'macg-altman-microsoft-comments.txt');
const DEFAULT_SIZES = [1_000, 10_000, 100_000, 1_000_000];
const DEFAULT_SEED = 20231120;
/** Marks the one stdout line of a child that carries its result. */
const RESULT_MARK = 'BENCH-RESULT ';
type ChildKind = 'pipeline' | 'tokenize' | 'winkDefault' | 'sentiment';
const CHILD_KINDS: ChildKind[] = ['pipeline', 'tokenize', 'winkDefault', 'sentiment'];
const BASELINES = { tokenize: measureTokenizeOnly, winkDefault: measureWinkDefaultPipe, sentiment: measureSentimentOnly };

function seedThread(): { seed: SeedThread; page: string } {
  const page = fs.readFileSync(SEED_PAGE, 'utf8');
  return { seed: readSeedThread(page, path.basename(SEED_PAGE)), page };
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A child process: one measurement, its result as one marked JSON line on stdout. */
async function runChild(kind: ChildKind, file: string, comments: number, seedValue: number, work: string): Promise<void> {
  const loadAtStart = os.loadavg()[0];
  const { seed } = seedThread();
  let result: object;
  if (kind === 'pipeline') {
    result = await measurePipeline(file, comments, path.join(work, `out-${comments}`), SEED_PAGE);
  } else {
    // The same comment texts the file holds, regenerated from the same seed (a test checks that
    // the file's blocks are exactly these texts), so the baselines need not parse anything.
    const texts: string[] = [];
    for (const c of syntheticComments(seed, { comments, seed: seedValue })) texts.push(c.text);
    const warmUp = seed.comments.map((c) => c.ownLines.join('\n'));
    result = BASELINES[kind](texts, warmUp);
  }
  const loadAverage = [loadAtStart, os.loadavg()[0]];
  process.stdout.write(`${RESULT_MARK}${JSON.stringify({ ...result, peakRssMb: peakRssMb(), loadAverage })}\n`);
}

/** Runs one measurement in a fresh process, so sizes and measurements don't share memory. */
function spawnMeasure(kind: ChildKind, file: string, comments: number, seedValue: number, work: string): { value?: InProcess<PipelineMeasure | BaselineMeasure>; error?: string } {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url),
    '--child', kind, '--file', file, '--sizes', String(comments), '--seed', String(seedValue), '--work', work], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (child.status === 0 && line) return { value: JSON.parse(line.slice(RESULT_MARK.length)) as InProcess<PipelineMeasure | BaselineMeasure> };
  // A thrown error names itself on some line; a crash (out of memory) says most in its last lines.
  const lines = (child.stderr || '').trim().split('\n').filter((l) => l.trim() !== '');
  const named = lines.find((l) => /Error\b/.test(l));
  const why = named ?? (lines.slice(-3).join(' / ') || `exit ${child.status ?? child.signal}`);
  return { error: `${kind}: ${why}` };
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** The parent: generate each size, measure it four ways, write the reports. */
function runBench(sizes: number[], seedValue: number, outDir: string, work: string, keep: boolean): void {
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const { seed } = seedThread();
  const results: SizeResult[] = [];
  for (const comments of sizes) {
    const file = path.join(work, `macg-synthetic-${comments}.txt`);
    const start = performance.now();
    const generation: GenerationStats = writeSyntheticThread(file, seed, { comments, seed: seedValue });
    const generationSeconds = (performance.now() - start) / 1000;
    log(`bench: ${comments} comments, ${generation.words} words, ${(generation.bytes / 1048576).toFixed(1)} MB generated in ${generationSeconds.toFixed(1)} s`);
    const result: SizeResult = { generation, generationSeconds, errors: [] };
    for (const kind of CHILD_KINDS) {
      const measured = spawnMeasure(kind, file, comments, seedValue, work);
      if (measured.error !== undefined) {
        result.errors.push(measured.error);
        log(`bench:   ${measured.error}`);
        continue;
      }
      const value = measured.value as InProcess<PipelineMeasure | BaselineMeasure>;
      if (kind === 'pipeline') result.pipeline = value as InProcess<PipelineMeasure>;
      else result[kind] = value as InProcess<BaselineMeasure>;
      if ('words' in value && value.words !== generation.words) result.errors.push(`${kind}: counted ${value.words} words, the file has ${generation.words}`);
      if (kind === 'pipeline' && value.comments !== comments) result.errors.push(`pipeline: parsed ${value.comments} comments, the file has ${comments}`);
      log(`bench:   ${kind} ${value.seconds.toFixed(3)} s, ${Math.round(generation.words / value.seconds).toLocaleString('en-US')} words/s, peak RSS ${Math.round(value.peakRssMb)} MB, load ${value.loadAverage.map((l) => l.toFixed(1)).join('→')}`);
    }
    results.push(result);
    if (!keep) fs.rmSync(file, { force: true });
    fs.rmSync(path.join(work, `out-${comments}`), { recursive: true, force: true });
  }
  const cpus = os.cpus();
  const json = benchJson(results, {
    cpuModel: cpus[0]?.model ?? 'unknown', cpus: cpus.length, memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version, platform: `${process.platform}-${process.arch}`,
  }, new Date().toISOString(), { seed: seedValue, splitter: seed.splitter, shape: seed.shape });
  fs.writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify(json, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'bench.md'), benchMarkdown(json));
  for (const t of json.targets) log(`bench: ${t.status} ${t.name}: ${t.measured} (target ${t.target})`);
  log(`bench: wrote ${path.join(outDir, 'bench.md')} and bench.json`);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, work: { type: 'string' },
      keep: { type: 'boolean' }, child: { type: 'string' }, file: { type: 'string' },
    },
    strict: true,
  });
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.replace(/_/g, ''))) : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    log(`bench: --sizes expects positive integers separated by commas, got "${values.sizes}"`);
    return 2;
  }
  const seedValue = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const work = path.resolve(values.work ?? path.join(PACKAGE_ROOT, '.bench-tmp'));
  if (values.child !== undefined) {
    if (!CHILD_KINDS.includes(values.child as ChildKind) || values.file === undefined) {
      log(`bench: bad child invocation (${values.child})`);
      return 2;
    }
    await runChild(values.child as ChildKind, values.file, sizes[0], seedValue, work);
    return 0;
  }
  runBench(sizes, seedValue, path.resolve(values.out ?? path.join(PACKAGE_ROOT, 'reports')), work, values.keep === true);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
