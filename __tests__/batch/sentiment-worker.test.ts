/**
 * The sentiment stage on a worker thread (`sentiment-worker.ts`): the reports must be the same
 * bytes as a one-thread run, and a worker that fails must fail its input with a message, writing
 * nothing, never hang or take the other inputs down.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeMacgStream } from '../../src/batch/stream-macg.js';
import { analyzeAndWriteReports, type ReportSettings } from '../../src/batch/thread-reports.js';
import { SentimentWorker } from '../../src/batch/sentiment-worker.js';
import { WORKER_MIN_INPUT_BYTES } from '../../src/batch/input-size.js';
import { scoreTexts, unpackPolarities, unpackSentiments } from '../../src/sentiment/packed.js';
import { dataFile } from '../../src/data/locate.js';
import { scoreCommentSentiment } from '../../src/sentiment/index.js';
import { decodeInputWithWarnings } from '../../src/input/decode.js';
import { threadOf } from '../../src/pipeline.js';
import { loadSchema } from '../../src/stance/index.js';
import { readSeedThread } from '../../src/bench/seed-thread.js';
import { syntheticThreadText } from '../../src/bench/generate.js';
import type { Comment } from '../../src/model.js';
import { listTree, run, treeDifferences } from './helpers.js';
import { TS_SENTIMENT_WORKER } from './ts-worker.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED_PAGE = path.join(ROOT, 'corpus', 'macg-altman-microsoft-comments.txt');
const CRASHING = { script: new URL('./fake-sentiment-crash.mjs', import.meta.url) };
const FAILING = { script: new URL('./fake-sentiment-error.mjs', import.meta.url) };
const schema = loadSchema();
const settings: ReportSettings = { formats: ['csv', 'md', 'json'], excel: false, rulesOnly: false, labels: schema.labels.map((l) => l.id) };

let work: string;
let worker: SentimentWorker;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-sentiment-worker-'));
  worker = new SentimentWorker(TS_SENTIMENT_WORKER);
});
afterAll(async () => {
  await worker.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A synthetic MacG page of `comments` comments built from the seed thread (as the benchmark does). */
function syntheticPage(comments: number, seed: number): string {
  const thread = readSeedThread(fs.readFileSync(SEED_PAGE, 'utf8'), 'seed.txt');
  return [...syntheticThreadText(thread, { comments, seed })].join('');
}

describe('packed scores', () => {
  test('scores packed for another thread unpack to the values the one-thread stage gives', () => {
    const texts = ["C'était pas mal du tout 👍🏽", '', 'Le CA a flingué la boîte. Bien joué Satya !', 'Nul, vraiment nul.'];
    const packed = scoreTexts(texts);
    const polarities = unpackPolarities(packed);
    texts.forEach((text, i) => {
      const comment = { ownText: text } as Comment;
      const polarity = scoreCommentSentiment(comment);
      expect(packed.sentiments[i]).toEqual(comment.sentiment);
      expect(polarities[i].between(0, text.length)).toEqual(polarity.between(0, text.length));
      expect([...polarities[i].hitStarts, ...polarities[i].wordStarts]).toEqual([...polarity.hitStarts, ...polarity.wordStarts]);
      expect([...polarities[i].hitValues]).toEqual([...polarity.hitValues]);
    });
  });
});

describe('the same reports as one thread, byte for byte', () => {
  test.each([
    ['the real seed page', () => fs.readFileSync(SEED_PAGE, 'utf8')],
    ['a generated page of 700 comments (many batches in flight)', () => syntheticPage(700, 11)],
  ])('%s, read as a stream and whole', async (_, page) => {
    const dir = fs.mkdtempSync(path.join(work, 'same-'));
    const file = path.join(dir, 'page.txt');
    fs.writeFileSync(file, page());
    await analyzeMacgStream(file, 'page.txt', schema, path.join(dir, 'one'), settings, { format: 'auto' });
    await analyzeMacgStream(file, 'page.txt', schema, path.join(dir, 'streamed'), settings, { format: 'auto', sentimentWorker: worker });
    const thread = threadOf(decodeInputWithWarnings(fs.readFileSync(file), 'page.txt').text, 'page.txt');
    await analyzeAndWriteReports(thread, schema, path.join(dir, 'whole'), settings, undefined, worker);
    expect(listTree(path.join(dir, 'one'))).toEqual(['authors.csv', 'comments.csv', 'summary.md', 'thread.json']);
    expect(treeDifferences(path.join(dir, 'one'), path.join(dir, 'streamed'))).toEqual([]);
    expect(treeDifferences(path.join(dir, 'one'), path.join(dir, 'whole'))).toEqual([]);
  });
});

describe('a worker that fails', () => {
  test('a crashed worker fails the input with the reason and leaves no report; later batches are refused at once', async () => {
    const crashing = new SentimentWorker(CRASHING);
    const dir = path.join(work, 'crash');
    await expect(analyzeMacgStream(SEED_PAGE, 'seed.txt', schema, dir, settings, { format: 'auto', sentimentWorker: crashing }))
      .rejects.toThrow('the sentiment worker stopped (exit code 3)');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(crashing.running).toBe(false);
    await expect(crashing.score(['encore'])).rejects.toThrow('the sentiment worker stopped (exit code 3)');
  });

  test('a stance schema the worker cannot load fails the batch with the loader\'s message; the worker goes on', async () => {
    const missing = path.join(work, 'no-such-schema.json');
    await expect(worker.score(['Bien vu.'], missing)).rejects.toThrow(`sentiment stage failed: ${missing}: cannot read stance schema: no such file`);
    const scored = await worker.score(['Bien vu.']);
    expect(scored.readings).toBe(undefined);
    expect(unpackSentiments(scored.packed.sentiments).map((s) => s.label)).toEqual(['positive']);
  });

  test('a batch whose scoring throws fails the input with the error of the worker', async () => {
    const failing = new SentimentWorker(FAILING);
    try {
      await expect(analyzeMacgStream(SEED_PAGE, 'seed.txt', schema, path.join(work, 'error'), settings, { format: 'auto', sentimentWorker: failing }))
        .rejects.toThrow('sentiment stage failed: lexicon table missing');
    } finally {
      await failing.close();
    }
  });
});

describe('thread-stance analyze on one large input', () => {
  let big: string;
  beforeAll(() => {
    big = path.join(work, 'big.txt');
    fs.writeFileSync(big, syntheticPage(3300, 5));
  });

  test('the page is large enough to use the worker', () => {
    expect(fs.statSync(big).size).toBeGreaterThanOrEqual(WORKER_MIN_INPUT_BYTES);
  });

  test('with the sentiment worker: the same files, bytes and messages as --jobs 1', async () => {
    const one = await run(['analyze', big, '--out', path.join(work, 'cli-one'), '--jobs', '1', '--quiet']);
    const two = await run(['analyze', big, '--out', path.join(work, 'cli-two'), '--quiet'], undefined, TS_SENTIMENT_WORKER);
    expect(one).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(two).toEqual(one);
    expect(treeDifferences(path.join(work, 'cli-one'), path.join(work, 'cli-two'))).toEqual([]);
  });

  test('the worker is used by default (a crashing one fails the input, exit 1) and not with --jobs 1', async () => {
    const used = await run(['analyze', big, '--out', path.join(work, 'cli-crash'), '--quiet'], undefined, CRASHING);
    expect(used).toEqual({ code: 1, stdout: '', stderr: `thread-stance: ${big}: internal error: the sentiment worker stopped (exit code 3)\n` });
    // The run's own reports (index.md names the failure), no folder for the input.
    expect(listTree(path.join(work, 'cli-crash'))).toEqual(['authors.csv', 'comments.csv', 'index.md']);
    const notUsed = await run(['analyze', big, '--out', path.join(work, 'cli-jobs-1'), '--jobs', '1', '--quiet'], undefined, CRASHING);
    expect(notUsed).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('with a --schema file, the worker reads each text with that schema: the same files as --jobs 1', async () => {
    // The default debate with another threshold and clause weight, beside its discourse file:
    // read with the default schema instead, many comments would change label.
    const schemas = path.join(work, 'schemas');
    fs.mkdirSync(schemas);
    const json = JSON.parse(fs.readFileSync(dataFile('schemas', 'altman-microsoft.json'), 'utf8'));
    fs.writeFileSync(path.join(schemas, 'variant.json'), JSON.stringify({ ...json, threshold: 0.7, clauseSentimentWeight: 1.2 }));
    fs.copyFileSync(dataFile('schemas', 'discourse-fr.json'), path.join(schemas, 'discourse-fr.json'));
    const file = path.join(schemas, 'variant.json');
    const one = await run(['analyze', big, '--out', path.join(work, 'schema-one'), '--schema', file, '--jobs', '1', '--quiet']);
    const two = await run(['analyze', big, '--out', path.join(work, 'schema-two'), '--schema', file, '--quiet'], undefined, TS_SENTIMENT_WORKER);
    expect(one).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(two).toEqual(one);
    expect(treeDifferences(path.join(work, 'schema-one'), path.join(work, 'schema-two'))).toEqual([]);
    const defaultRun = await run(['analyze', big, '--out', path.join(work, 'schema-default'), '--jobs', '1', '--quiet']);
    expect(defaultRun.code).toBe(0);
    const slug = listTree(path.join(work, 'schema-one')).find((f) => f.endsWith('/comments.csv')) as string;
    expect(fs.readFileSync(path.join(work, 'schema-one', slug), 'utf8')).not.toBe(fs.readFileSync(path.join(work, 'schema-default', slug), 'utf8'));
  });

  test('a small input does not start the worker', async () => {
    expect(await run(['analyze', SEED_PAGE, '--out', path.join(work, 'cli-small'), '--quiet'], undefined, CRASHING)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
