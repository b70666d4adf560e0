import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../src/report/atomic-write.js';
import { threadJson, threadJsonObject } from '../../src/report/json.js';
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
