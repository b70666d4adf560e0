import fs from 'node:fs';
import path from 'node:path';
import { benchJson, benchMarkdown, type GeneratorInfo, type SizeResult } from '../../src/bench/results.js';
import { readSeedThread } from '../../src/bench/seed-thread.js';
import type { StageSeconds } from '../../src/bench/measure.js';

const STAGES: StageSeconds = { parse: 1, tree: 1, sentiment: 4, sentimentWait: 0, stance: 2, summary: 0, reportCsv: 1, reportMarkdown: 0, reportJson: 1 };
const MACHINE = { cpuModel: 'test cpu', cpus: 2, memoryGb: 8, node: 'v20', platform: 'linux-x64' };
const seedPage = fs.readFileSync(path.resolve('corpus', 'macg-altman-microsoft-comments.txt'), 'utf8');
const GENERATOR: GeneratorInfo = { seed: 1, splitter: 'parseThread', shape: readSeedThread(seedPage, 'seed.txt').shape };

function baseline(words: number, seconds: number) {
  return { comments: words / 50, words, seconds, repetitions: 1, peakRssMb: 100, loadAverage: [1, 1] };
}

/** One size: 50 words per comment, the pipeline taking `pipelineSeconds`, the baselines 1, 0.25 and 0.1 s per 10,000 comments. */
function size(comments: number, pipelineSeconds: number, peakRssMb: number): SizeResult {
  const words = comments * 50;
  const scale = comments / 10_000;
  return {
    generation: { comments, words, bytes: words * 6, mentions: 0, quotes: 0, emptyComments: 0, authors: 10 },
    generationSeconds: 0,
    pipeline: { comments, seconds: pipelineSeconds, stages: STAGES, repetitions: 1, peakRssMb, loadAverage: [1, 1], sentimentWorker: false, workerSentimentSeconds: 0 },
    tokenize: baseline(words, 0.25 * scale),
    winkDefault: baseline(words, 1 * scale),
    sentiment: baseline(words, 0.1 * scale),
    errors: [],
  };
}

describe('bench.json', () => {
  // 10k: pipeline 2 s; 1M: 250 s (1.25x the seconds per comment). Tokenization alone takes 0.25 s
  // per 10k comments, wink's default pipe 1 s: the pipeline runs at 12.5% of the first and 50% of the second.
  const json = benchJson([size(1_000_000, 250, 1_000), size(10_000, 2, 200)], MACHINE, '2026-11-22', GENERATOR);

  test('headline figures come from the largest thread; the target ratio is against tokenization alone', () => {
    expect(json.headlineComments).toBe(1_000_000);
    expect(json.pipelineWordsPerSec).toBe(200_000);
    expect(json.tokenizeOnlyWordsPerSec).toBe(2_000_000);
    expect(json.winkDefaultPipeWordsPerSec).toBe(500_000);
    expect(json.sentimentOnlyWordsPerSec).toBe(5_000_000);
    expect(json.pipelineToTokenize).toBe(0.1);
    expect(json.pipelineToWinkDefaultPipe).toBe(0.4);
    expect(json.scaling).toEqual([
      { comments: 10_000, secondsPerComment: 0.0002, peakRssMb: 200 },
      { comments: 1_000_000, secondsPerComment: 0.00025, peakRssMb: 1_000 },
    ]);
  });

  test('targets: the speed ratio fails at 10%, linearity (1.25x) and memory pass', () => {
    expect(json.targets.map((t) => [t.measured, t.status])).toEqual([
      ['10.0%', 'FAIL'], ['1.25x', 'PASS'], ['1000 MB', 'PASS'],
    ]);
  });

  test('with the sentiment worker, the CPU ratio counts both threads\' busy seconds', () => {
    // 10k comments, 1.5 s of wall time of which 0.5 s waiting for the worker, which scored for 1 s:
    // 2 busy seconds, so 250,000 words/s of processor time against 333,333 words/s of wall time.
    const twoThreads = size(10_000, 1.5, 200);
    twoThreads.pipeline = { ...twoThreads.pipeline!, stages: { ...STAGES, sentimentWait: 0.5 }, sentimentWorker: true, workerSentimentSeconds: 1 };
    const two = benchJson([twoThreads], MACHINE, '2026-11-22', GENERATOR);
    expect(two.pipelineCpuWordsPerSec).toBe(250_000);
    expect(two.pipelineCpuToTokenize).toBe(0.125);
    expect(two.pipelineToTokenize).toBeCloseTo(1 / 6, 12);
    const rows = benchMarkdown(two).split('\n').filter((line) => line.startsWith('| 10,000 |'));
    expect(rows[0]).toBe('| 10,000 | 500,000 | 2.9 | 2 | 1.500 | 6,667 | 333,333 | 2,000,000 | 500,000 | 5,000,000 | 16.7% | 12.5% | 66.7% | 6.7% | 150.0 µs | 200 / 100 / 100 / 100 |');
    expect(rows[1]).toBe('| 10,000 | 1.000 (66.7%) | 1.000 (66.7%) | 4.000 (266.7%) | 0.500 (33.3%) | 2.000 (133.3%) | 0.000 (0.0%) | 1.000 (66.7%) | 0.000 (0.0%) | 1.000 (66.7%) | 1.500 | 1.000 |');
  });

  test('a baseline that did not run leaves its ratio unmeasured', () => {
    const partial = size(10_000, 2, 200);
    delete partial.tokenize;
    const one = benchJson([partial], MACHINE, '2026-11-22', GENERATOR);
    expect(one.pipelineToTokenize).toBeNull();
    expect(one.targets[0].status).toBe('NOT MEASURED');
  });
});

describe('bench.md', () => {
  test('the throughput row shows both wink baselines and their ratios', () => {
    const md = benchMarkdown(benchJson([size(10_000, 2, 200)], MACHINE, '2026-11-22', GENERATOR));
    const row = md.split('\n').find((line) => line.startsWith('| 10,000 | 500,000 |'));
    expect(row).toBe('| 10,000 | 500,000 | 2.9 | 1 | 2.000 | 5,000 | 250,000 | 2,000,000 | 500,000 | 5,000,000 | 12.5% | 12.5% | 50.0% | 5.0% | 200.0 µs | 200 / 100 / 100 / 100 |');
  });
});
