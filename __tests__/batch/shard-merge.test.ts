import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { inShard, parseShard } from '../../src/batch/shard.js';
import { listTree, run, treeDifferences } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-shard-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `run` with the report folder in the summary line replaced, to compare runs into different folders. */
async function runAs(args: string[], out: string, shownAs: string) {
  const result = await run(args);
  return { ...result, stdout: result.stdout.split(out).join(shownAs) };
}

describe('--shard K/N', () => {
  test.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    [' 10 / 12 ', { index: 10, count: 12 }],
  ])('%j parses', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  test.each(['0/2', '3/2', '1/0', '1', 'a/b', '-1/2', '1.5/2'])('%j is refused', (text) => {
    expect(() => parseShard(text)).toThrow(`--shard: expected K/N with 1 <= K <= N (e.g. 2/4), found "${text}"`);
  });

  test('input p goes to shard p mod N + 1', () => {
    const positions = [0, 1, 2, 3, 4, 5, 6];
    expect([1, 2, 3].map((k) => positions.filter((p) => inShard(p, { index: k, count: 3 })))).toEqual([[0, 3, 6], [1, 4], [2, 5]]);
  });

  test('a usage error for a bad --shard', async () => {
    expect(await run(['analyze', 'corpus', '--shard', '3/2'])).toEqual({
      code: 2, stdout: '', stderr: 'thread-stance: --shard: expected K/N with 1 <= K <= N (e.g. 2/4), found "3/2"\nRun "thread-stance --help" for usage.\n',
    });
  });
});

describe('merge', () => {
  let single: { code: number; stdout: string; stderr: string };
  const singleOut = () => path.join(dir, 'single');
  beforeAll(async () => {
    single = await run(['analyze', 'corpus', '--out', singleOut(), '--jobs', '1']);
  });

  test.each([2, 3])('corpus/ in %i shards, then merged: every file byte-identical to a single run', async (count) => {
    expect(single.code).toBe(0);
    const shardDirs: string[] = [];
    const lines: string[] = [];
    for (let k = 1; k <= count; k++) {
      const out = path.join(dir, `n${count}-shard${k}`);
      shardDirs.push(out);
      const shard = await run(['analyze', 'corpus', '--shard', `${k}/${count}`, '--out', out, '--jobs', '1']);
      expect([shard.code, shard.stderr]).toEqual([0, '']);
      lines.push(shard.stdout.replace(/, \d+ comments, /, ', N comments, '));
      expect(listTree(out)).toContain('shard.json');
      expect(listTree(out)).not.toContain('index.md');
    }
    // Five inputs dealt round-robin: 3+2 with two shards, 2+2+1 with three.
    const threadsPerShard = count === 2 ? [3, 2] : [2, 2, 1];
    expect(lines).toEqual(threadsPerShard.map((n, i) => `thread-stance: shard ${i + 1}/${count}: ${n} thread${n === 1 ? '' : 's'}, N comments, 0 warnings; reports in ${shardDirs[i]}\n`));
    const merged = path.join(dir, `n${count}-merged`);
    const result = await runAs(['merge', ...shardDirs.reverse(), '--out', merged], merged, singleOut());
    expect(result).toEqual(single);
    expect(treeDifferences(singleOut(), merged)).toEqual([]);
  });

  test('merging into one of the shard folders gives the single run too, and drops its manifest', async () => {
    const a = path.join(dir, 'into-1');
    const b = path.join(dir, 'into-2');
    await run(['analyze', 'corpus', '--shard', '1/2', '--out', a, '--quiet']);
    await run(['analyze', 'corpus', '--shard', '2/2', '--out', b, '--quiet']);
    const result = await runAs(['merge', a, b, '--out', a], a, singleOut());
    expect(result).toEqual(single);
    expect(treeDifferences(singleOut(), a)).toEqual([]);
    expect(fs.existsSync(path.join(b, 'shard.json'))).toBe(true);
  });

  test('failed inputs and arguments that named nothing: the same messages, index and exit code as a single run', async () => {
    const data = path.join(dir, 'mixed');
    fs.mkdirSync(data);
    fs.writeFileSync(path.join(data, 'a.jsonl'), '{"id":"a","author":"Zoé","text":"Très bien"}\n');
    fs.writeFileSync(path.join(data, 'b.jsonl'), '{"id":"a","author":"Zoé","text":"ok"}\n{"id":"b","author":\n');
    fs.writeFileSync(path.join(data, 'c.jsonl'), '{"id":"a","author":"Inès","text":"=1+1 \\"dit\\"\\r\\nMarc"}\n{"id":"b","parentId":"a","author":"Marc","text":"@Inès non"}\n');
    const missing = path.join(dir, 'missing.txt');
    const args = ['analyze', data, missing, '--format', 'csv,md'];
    const one = await run([...args, '--out', path.join(dir, 'mixed-single')]);
    expect(one.code).toBe(1);
    expect(one.stderr.split('\n').map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
      `thread-stance: ${missing}`, `thread-stance: ${data}/b.jsonl:2`, '',
    ]);
    const shards = [1, 2].map((k) => path.join(dir, `mixed-${k}`));
    const shardRuns = [await run([...args, '--shard', '1/2', '--out', shards[0]]), await run([...args, '--shard', '2/2', '--out', shards[1]])];
    // Both shards see the missing argument; the bad file is input #2, so shard 2/2's.
    expect(shardRuns.map((r) => [r.code, r.stderr.split('\n').length - 1])).toEqual([[1, 1], [1, 2]]);
    const merged = await runAs(['merge', ...shards, '--out', path.join(dir, 'mixed-merged')], path.join(dir, 'mixed-merged'), path.join(dir, 'mixed-single'));
    expect(merged).toEqual(one);
    expect(treeDifferences(path.join(dir, 'mixed-single'), path.join(dir, 'mixed-merged'))).toEqual([]);
    // The combined CSV: per-thread records with the thread folder in front, a line end and quotes inside a cell kept.
    const combined = parse(fs.readFileSync(path.join(dir, 'mixed-merged', 'comments.csv')), { columns: true }) as Record<string, string>[];
    expect(combined.map((r) => [r.thread, r.index, r.author, r.text])).toEqual([
      ['a', '1', 'Zoé', 'Très bien'],
      ['c', '1', 'Inès', '\'=1+1 "dit"\nMarc'],
      ['c', '2', 'Marc', "'@Inès non"],
    ]);
  });

  test('shards that do not make one batch are refused (exit 2), nothing written', async () => {
    const a = path.join(dir, 'bad-1');
    const b = path.join(dir, 'bad-2');
    const other = path.join(dir, 'bad-other');
    await run(['analyze', 'corpus', '--shard', '1/3', '--out', a, '--quiet', '--format', 'json']);
    await run(['analyze', 'corpus', '--shard', '2/3', '--out', b, '--quiet', '--format', 'json']);
    await run(['analyze', 'corpus/macg-altman-microsoft-comments.txt', '--shard', '3/3', '--out', other, '--quiet', '--format', 'json']);
    const out = path.join(dir, 'bad-merged');
    const usage = (message: string) => ({ code: 2, stdout: '', stderr: `thread-stance: ${message}\n` });
    expect(await run(['merge', a, b, '--out', out])).toEqual(usage('expected all 3 shards, missing 3/3: the merged index would leave inputs out'));
    expect(await run(['merge', a, b, a, '--out', out])).toEqual(usage(`${a}/shard.json: shard 1/3 is given twice (also ${a}/shard.json)`));
    expect((await run(['merge', a, b, other, '--out', out])).stderr).toMatch(
      new RegExp(`^thread-stance: ${other}/shard\\.json: this shard belongs to another run: its input count is 1, the first shard's is 5\\n$`),
    );
    const rulesOnly = path.join(dir, 'bad-rules');
    await run(['analyze', 'corpus', '--shard', '3/3', '--out', rulesOnly, '--quiet', '--format', 'json', '--rules-only']);
    expect((await run(['merge', a, b, rulesOnly, '--out', out])).stderr).toBe(
      `thread-stance: ${rulesOnly}/shard.json: this shard belongs to another run: its --rules-only setting is true, the first shard's is false\n`,
    );
    expect((await run(['merge', a, 'corpus', '--out', out])).stderr.startsWith(
      'thread-stance: corpus/shard.json: expected a shard manifest written by "analyze --shard K/N", found none (',
    )).toBe(true);
    expect(fs.existsSync(out)).toBe(false);
  });
});
