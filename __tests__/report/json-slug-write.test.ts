import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AtomicFile, writeFileAtomic } from '../../src/report/atomic-write.js';
import { detachedString } from '../../src/input/detach.js';
import { threadJson, threadJsonChunks, threadJsonObject } from '../../src/report/json.js';
import { SlugAllocator, threadSlug } from '../../src/report/slug.js';
import { threadWithHostileText, threadWithManyComments } from '../fixtures/report/builders.js';

describe('thread.json', () => {
  test('contract key order, 2-space indent, trailing newline', () => {
    const json = threadJson(threadWithHostileText());
    expect(json.startsWith('{\n  "source": "tests/hostile.txt",\n  "format": "macg",\n  "title": "Un fil # hostile | <i>",\n  "article": {\n    "author": "Rédaction",')).toBe(true);
    expect(json.endsWith('\n}\n')).toBe(true);
    const parsed = JSON.parse(json) as Record<string, unknown> & { comments: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['source', 'format', 'title', 'article', 'comments', 'warnings', 'authors', 'summary', 'lines']);
    expect(Object.keys(parsed.comments[0])).toEqual([
      'index', 'id', 'author', 'parentIndex', 'depth', 'replyEvidence', 'line', 'text', 'ownText', 'quotes', 'sentiment', 'stance', 'agreement',
    ]);
  });

  test('written one comment at a time, identical to JSON.stringify of the ordered object', () => {
    for (const thread of [threadWithHostileText(), threadWithManyComments(0, () => ''), threadWithManyComments(3, (i) => `a\n"${i}"`)]) {
      expect(threadJson(thread)).toBe(`${JSON.stringify(threadJsonObject(thread), null, 2)}\n`);
      expect(JSON.parse(threadJson(thread))).toEqual(JSON.parse(JSON.stringify(thread)));
    }
  });

  test('fields a later stage adds come after the contract keys, in the order they were added', () => {
    const thread = threadWithHostileText();
    Object.assign(thread.comments[0], { zeta: 1, alpha: 2 });
    Object.assign(thread, { shard: '1/2' });
    const parsed = JSON.parse(threadJson(thread)) as Record<string, unknown> & { comments: Record<string, unknown>[] };
    expect(Object.keys(parsed).slice(-1)).toEqual(['shard']);
    expect(Object.keys(parsed.comments[0]).slice(-3)).toEqual(['agreement', 'zeta', 'alpha']);
  });

  test('every top-level array, and arrays inside top-level objects, is streamed one element at a time', () => {
    const thread = threadWithManyComments(2, (i) => `t${i}`);
    const ranges = Array.from({ length: 5000 }, (_, i) => ({ start: 2 * i + 1, end: 2 * i + 2 }));
    thread.lines = { ...thread.lines, comments: ranges };
    thread.summary.replyPairs = Array.from({ length: 3000 }, (_, i) => ({ from: `a${i}`, to: `b${i}`, count: 1 }));
    thread.warnings = Array.from({ length: 3000 }, (_, i) => ({ line: i + 1, code: 'W', message: `m${i}` }));
    Object.assign(thread.article.meta, { empty: undefined });
    const chunks = [...threadJsonChunks(thread)];
    expect(chunks.join('')).toBe(`${JSON.stringify(threadJsonObject(thread), null, 2)}\n`);
    // The largest piece is one comment (about 1.5 kB here), not a whole array of thousands of entries.
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(2000);
  });

  test('empty arrays and objects are written as JSON.stringify writes them', () => {
    const thread = threadWithManyComments(0, () => '');
    thread.summary.replyPairs = [];
    thread.article.meta = {};
    expect(threadJson(thread)).toBe(`${JSON.stringify(threadJsonObject(thread), null, 2)}\n`);
    expect(threadJson(thread)).toContain('"meta": {}');
  });

  test('the same thread gives the same bytes', () => {
    expect(threadJson(threadWithHostileText())).toBe(threadJson(threadWithHostileText()));
  });
});

describe('slugs', () => {
  test.each([
    ['corpus/macg-altman-microsoft-comments.txt', 'macg-altman-microsoft-comments'],
    ['../../etc/passwd', 'passwd'],
    ['..', 'thread'],
    ['a/b/..txt', 'thread'],
    ['Fil de discussion – Été 2023.JSONL', 'fil-de-discussion-ete-2023'],
    ['C:\\exports\\reddit thread.csv', 'reddit-thread'],
    ['.hidden.txt', 'hidden'],
    ['-', 'stdin'],
    ['x\u001B[31my.ndjson', 'x-31my'],
    [`${'a'.repeat(100)}.txt`, 'a'.repeat(80)],
  ])('threadSlug(%j) is %j', (source, slug) => {
    expect(threadSlug(source)).toBe(slug);
  });

  test('unique within a run', () => {
    const slugs = new SlugAllocator();
    expect(['a/fil.txt', 'b/fil.txt', 'fil.jsonl', 'fil-2.txt'].map((s) => slugs.allocate(s))).toEqual(['fil', 'fil-2', 'fil-3', 'fil-2-2']);
  });

  test('never the name of a run-level file beside the thread folders', () => {
    const slugs = new SlugAllocator();
    expect(['index.md.txt', 'comments.csv.txt', 'authors.csv.jsonl', 'shard.json.txt', 'index.txt'].map((s) => slugs.allocate(s))).toEqual([
      'index.md-2', 'comments.csv-2', 'authors.csv-2', 'shard.json-2', 'index',
    ]);
  });
});

describe('detached strings', () => {
  test('the same code units, lone surrogates and emoji included', () => {
    for (const text of ['', 'Titre à accents', 'x\uD800y', '\uDFFF', '👏 fin']) expect(detachedString(text)).toBe(text);
    const page = `${'z'.repeat(1000)}Le titre${'z'.repeat(1000)}`;
    expect(detachedString(page.slice(1000, 1008))).toBe('Le titre');
  });
});

describe('atomic writes', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-atomic-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes a string or chunks, leaving no temporary file', () => {
    writeFileAtomic(path.join(dir, 'a.txt'), 'héllo');
    writeFileAtomic(path.join(dir, 'b.txt'), ['x'.repeat(70_000), 'ü', 'z']);
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('héllo');
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe(`${'x'.repeat(70_000)}üz`);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });

  test('byte chunks are written as they are, between text chunks', () => {
    writeFileAtomic(path.join(dir, 'c.bin'), ['é', Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'z']);
    expect([...fs.readFileSync(path.join(dir, 'c.bin'))]).toEqual([0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0x41, 0x7a]);
  });

  test('a write interrupted half-way keeps the previous complete file and cleans up', () => {
    const file = path.join(dir, 'report.csv');
    writeFileAtomic(file, 'old complete report\n');
    function* failingHalfWay(): Generator<string> {
      yield 'x'.repeat(100_000);
      throw new Error('interrupted');
    }
    expect(() => writeFileAtomic(file, failingHalfWay())).toThrow('interrupted');
    expect(fs.readFileSync(file, 'utf8')).toBe('old complete report\n');
    expect(fs.readdirSync(dir)).toEqual(['report.csv']);
  });
});

describe('atomic writes flushed to disk in the background', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-atomic-sync-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Descriptors open in this process (Linux). */
  const openDescriptors = (): number => fs.readdirSync('/proc/self/fd').length;
  /** Waits until the descriptors open are `count` again (the background flushes have ended), at most 5 s. */
  async function descriptorsBackTo(count: number): Promise<number> {
    for (let waited = 0; waited < 5000 && openDescriptors() !== count; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    return openDescriptors();
  }
  /** Chunks of text and bytes larger than the write buffer (256 KiB) in all, several background flushes' worth. */
  const chunks = (): (string | Uint8Array)[] =>
    Array.from({ length: 40 }, (_, i) => (i % 5 === 4 ? Buffer.from(`<${i}>`.repeat(3000)) : `${i}é\u{1F44F}`.repeat(5000)));

  test('the file holds every chunk in order, and the flushes\' descriptor is closed after commit', async () => {
    const before = openDescriptors();
    const file = path.join(dir, 'thread.json');
    const out = new AtomicFile(file, 100_000);
    for (const chunk of chunks()) out.write(chunk);
    out.commit();
    expect(fs.readFileSync(file)).toEqual(Buffer.concat(chunks().map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))));
    expect(fs.readdirSync(dir)).toEqual(['thread.json']);
    expect(await descriptorsBackTo(before)).toBe(before);
  });

  test('abort during background flushes keeps the previous file, removes the temporary one and closes its descriptors', async () => {
    const file = path.join(dir, 'comments.csv');
    writeFileAtomic(file, 'old complete report\n');
    const before = openDescriptors();
    const out = new AtomicFile(file, 100_000);
    for (const chunk of chunks()) out.write(chunk);
    out.abort();
    out.abort();
    expect(fs.readFileSync(file, 'utf8')).toBe('old complete report\n');
    expect(fs.readdirSync(dir)).toEqual(['comments.csv']);
    expect(await descriptorsBackTo(before)).toBe(before);
  });
});
