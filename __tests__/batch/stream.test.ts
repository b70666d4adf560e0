/**
 * A MacG page analyzed while it is read (`analyzeMacgStream`) must write exactly the reports of
 * the whole-page path (decode, parse, tree, `analyzeAndWriteReports`): same bytes in every file,
 * same errors. Checked on every real MacG page of the repository, on line-end and byte-order-mark
 * variants read in tiny pieces, and on generated pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyzeMacgStream } from '../../src/batch/stream-macg.js';
import { analyzeAndWriteReports, type ReportSettings } from '../../src/batch/thread-reports.js';
import { decodeInputWithWarnings } from '../../src/input/decode.js';
import { threadOf } from '../../src/pipeline.js';
import { loadSchema } from '../../src/stance/index.js';
import { ThreadStanceError } from '../../src/errors.js';
import { anyText, macgThread } from '../hostile/arbitraries.js';
import { readSeedThread } from '../../src/bench/seed-thread.js';
import { syntheticThreadText } from '../../src/bench/generate.js';
import { SNIFF_LINES } from '../../src/parse/index.js';
import type { SentimentWorker } from '../../src/batch/sentiment-worker.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = loadSchema();
const settings: ReportSettings = { formats: ['csv', 'md', 'json'], excel: false, rulesOnly: false, labels: schema.labels.map((l) => l.id) };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-stream-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every file of a report folder, by name (temporary files would show up here too). */
function folder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).sort()) out[name] = fs.readFileSync(path.join(dir, name), 'latin1');
  return out;
}

type Outcome = { files: Record<string, string>; error?: string } | null;

/** The reports (or the error) of the whole-page path, as `runTask` takes it. */
async function wholePage(file: string, format: 'auto' | 'macg', dir: string, sentimentWorker?: SentimentWorker): Promise<Outcome> {
  try {
    const decoded = decodeInputWithWarnings(fs.readFileSync(file), path.basename(file));
    const thread = threadOf(decoded.text, path.basename(file), { format });
    thread.warnings = [...decoded.warnings, ...thread.warnings];
    await analyzeAndWriteReports(thread, schema, dir, settings, undefined, sentimentWorker);
  } catch (error) {
    return { files: folder(dir), error: error instanceof ThreadStanceError ? `${error.code} ${error.message}` : String(error) };
  }
  return { files: folder(dir) };
}

/** The reports (or the error) of the streaming path; null when it declines the input. */
async function streamedPage(file: string, format: 'auto' | 'macg', dir: string, readBytes?: number, sentimentWorker?: SentimentWorker): Promise<Outcome> {
  try {
    if ((await analyzeMacgStream(file, path.basename(file), schema, dir, settings, { format, readBytes, sentimentWorker })) === null) return null;
  } catch (error) {
    return { files: folder(dir), error: error instanceof ThreadStanceError ? `${error.code} ${error.message}` : String(error) };
  }
  return { files: folder(dir) };
}

let runs = 0;
/** Writes `bytes` to a file named `name` and checks both paths agree on it. */
async function expectSamePaths(name: string, bytes: Buffer | string, options: { format?: 'auto' | 'macg'; readBytes?: number; streams?: boolean } = {}): Promise<void> {
  const dir = path.join(work, String(runs++));
  fs.mkdirSync(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const format = options.format ?? 'auto';
  const streamed = await streamedPage(file, format, path.join(dir, 'streamed'), options.readBytes);
  const whole = await wholePage(file, format, path.join(dir, 'whole'));
  if (options.streams !== undefined) expect(streamed !== null).toBe(options.streams);
  if (streamed !== null) expect(streamed).toEqual(whole);
  else expect(folder(path.join(dir, 'streamed'))).toEqual({});
}

const REAL_PAGES = [
  'corpus/macg-altman-microsoft-comments.txt',
  '__tests__/fixtures/dev-blind/altman-thread.txt',
  '__tests__/fixtures/dev-blind/apple-thread.txt',
  '__tests__/fixtures/dev-blind-2/altman-forum.txt',
  '__tests__/fixtures/dev-blind-2/teletravail.txt',
  '__tests__/fixtures/heldout/altman-press.txt',
  '__tests__/fixtures/heldout/jeux-video.txt',
];

test.each(REAL_PAGES)('%s: the streamed reports are the whole-page reports, byte for byte', async (page) => {
  await expectSamePaths(path.basename(page), fs.readFileSync(path.join(ROOT, page)), { streams: true });
});

test('a page longer than the lines format detection reads, with more comments than one batch', async () => {
  const seed = readSeedThread(fs.readFileSync(path.join(ROOT, REAL_PAGES[0]), 'utf8'), 'seed.txt');
  const page = [...syntheticThreadText(seed, { comments: 700, seed: 7 })].join('');
  expect(page.split('\n').length).toBeGreaterThan(SNIFF_LINES);
  const dir = path.join(work, 'long');
  const file = path.join(work, 'long.txt');
  fs.writeFileSync(file, page);
  const analyzed = await analyzeMacgStream(file, 'long.txt', schema, dir, settings, { format: 'auto' });
  expect(analyzed?.comments.length).toBe(700);
  await expectSamePaths('long.txt', page, { streams: true });
});

describe('line ends, byte-order marks and pieces of any size', () => {
  const seed = fs.readFileSync(path.join(ROOT, REAL_PAGES[0]), 'utf8');
  test.each([
    ['CRLF line ends', seed.replace(/\n/g, '\r\n')],
    ['lone CR line ends', seed.replace(/\n/g, '\r')],
    ['a byte-order mark', `\ufeff${seed}`],
    ['two byte-order marks', `\ufeff\ufeff${seed}`],
    ['spaces at line ends', seed.replace(/\n/g, '  \n')],
    ['a final line end', `${seed}\n`],
  ])('%s, read 7 bytes at a time', async (_, text) => {
    await expectSamePaths('page.txt', Buffer.from(text, 'utf8'), { readBytes: 7, streams: true });
  });

  test('a forced MacG read of a file with nothing visible fails as the whole-page path does, writing nothing', async () => {
    await expectSamePaths('blank.txt', ' \n\u200b\n\n', { format: 'macg', streams: true });
  });
});

describe('inputs the streaming path leaves to the whole-page path, having written nothing', () => {
  const seed = fs.readFileSync(path.join(ROOT, REAL_PAGES[0]));
  test.each([
    ['Windows-1252 bytes', Buffer.from('avatar Zoé\u00a0|\u00a0\n\nCafé\n', 'latin1'), 'page.txt'],
    ['UTF-16 with its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.toString('utf8'), 'utf16le')]), 'page.txt'],
    ['a NUL byte', Buffer.concat([seed, Buffer.from([0])]), 'page.txt'],
    ['a JSONL export', Buffer.from('{"id":"1","author":"A","text":"avatar B\u00a0|\u00a0"}\n'), 'thread.jsonl'],
    ['a press article (no comment block)', Buffer.from('Titre\n\nUn article sans commentaires.\n'), 'article.txt'],
  ])('%s', async (_, bytes, name) => {
    await expectSamePaths(name, bytes, { streams: false });
  });
});

test('generated pages and hostile texts: both paths write the same reports or fail alike', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(macgThread.map((c) => c.text), anyText), fc.constantFrom(3, 64, 1 << 22), async (text, readBytes) => {
      await expectSamePaths('generated.txt', Buffer.from(text, 'utf8'), { readBytes });
    }),
    { numRuns: 60 },
  );
});
