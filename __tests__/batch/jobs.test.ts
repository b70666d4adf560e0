import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTasks } from '../../src/batch/pool.js';
import type { InputTask, RunSettings, TaskOutcome } from '../../src/batch/task.js';
import { loadSchema } from '../../src/stance/index.js';
import { listTree, run, treeDifferences } from './helpers.js';
import { TS_WORKER } from './ts-worker.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-jobs-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FAKE_WORKER = { script: new URL('./fake-worker.mjs', import.meta.url) };
const SETTINGS: RunSettings = { out: '/nonexistent', formats: ['json'], excel: false, rulesOnly: false, labels: [], inputFormat: 'auto' };

function tasks(sources: string[]): InputTask[] {
  return sources.map((source, position) => ({ position, source, slug: `t${position}`, ...(source.startsWith('stdin') ? { bytes: Buffer.from('abc') } : {}) }));
}

describe('worker pool', () => {
  test('outcomes come back in task order whatever order the workers finish in; a crashed worker fails its task only', async () => {
    const delivered: TaskOutcome[] = [];
    const progress: number[] = [];
    await runTasks(tasks(['a:150', 'b:0', 'crash', 'stdin:40', 'c:0', 'd:10']), SETTINGS, {
      jobs: 2, launcher: FAKE_WORKER, schema: loadSchema(),
      onOutcome: (o) => delivered.push(o),
      onProgress: (done) => progress.push(done),
    });
    expect(delivered).toEqual([
      { position: 0, source: 'a:150', ok: false, message: 'done a:150 (0 bytes)' },
      { position: 1, source: 'b:0', ok: false, message: 'done b:0 (0 bytes)' },
      { position: 2, source: 'crash', ok: false, message: 'crash: internal error: the analysis worker stopped (exit code 3)' },
      { position: 3, source: 'stdin:40', ok: false, message: 'done stdin:40 (3 bytes)' },
      { position: 4, source: 'c:0', ok: false, message: 'done c:0 (0 bytes)' },
      { position: 5, source: 'd:10', ok: false, message: 'done d:10 (0 bytes)' },
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('no tasks: resolves at once, nothing delivered', async () => {
    const delivered: TaskOutcome[] = [];
    await runTasks([], SETTINGS, { jobs: 4, launcher: FAKE_WORKER, schema: loadSchema(), onOutcome: (o) => delivered.push(o) });
    expect(delivered).toEqual([]);
  });
});

describe('--jobs', () => {
  test('corpus/ and a bad file on 2 worker threads: the same files, bytes, messages and exit code as --jobs 1', async () => {
    // The bad file comes first, so its error must wait for nothing and the threads after it keep their order.
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(bad, '{"id":"a","author":"Zoé","text":"ok"}\n{"id":"b","author":\n');
    const args = ['analyze', bad, 'corpus', 'corpus/nope.txt'];
    const one = await run([...args, '--out', path.join(dir, 'one'), '--jobs', '1']);
    const two = await run([...args, '--out', path.join(dir, 'two'), '--jobs', '2'], TS_WORKER);
    expect(one.code).toBe(1);
    expect(one.stdout).toBe(`thread-stance: 5 threads, 48 comments, 0 warnings, 2 inputs not analyzed; reports in ${path.join(dir, 'one')}\n`);
    expect(one.stderr.split('\n').map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
      'thread-stance: corpus/nope.txt', `thread-stance: ${bad}:2`, '',
    ]);
    expect({ ...two, stdout: two.stdout.replace(path.join(dir, 'two'), path.join(dir, 'one')) }).toEqual(one);
    expect(listTree(path.join(dir, 'two')).length).toBe(3 + 5 * 4);
    expect(treeDifferences(path.join(dir, 'one'), path.join(dir, 'two'))).toEqual([]);
  });

  test('--jobs must be a whole number of at least 1', async () => {
    expect(await run(['analyze', 'corpus', '--jobs', '0'])).toEqual({
      code: 2, stdout: '', stderr: 'thread-stance: --jobs: expected a whole number of at least 1, found "0"\nRun "thread-stance --help" for usage.\n',
    });
  });
});
