import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type CliIo } from '../../src/cli.js';
import { ThreadStanceError } from '../../src/errors.js';
import { compareCoders } from '../../src/evaluate/compare-coders.js';
import { parseGold } from '../../src/evaluate/gold.js';

const root = path.resolve(import.meta.dirname, '..', '..');
// Two hand-written label files of six imaginary comments; they differ on purpose (see their README).
const A = '__tests__/fixtures/evaluate-compare/a.gold.jsonl';
const B = '__tests__/fixtures/evaluate-compare/b.gold.jsonl';

/** An in-process CLI run from the repository root: exit code and everything printed. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, readStdin: async () => Buffer.alloc(0) };
  const cwd = process.cwd();
  process.chdir(root);
  try {
    return { code: await main(args, io), stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-compare-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('compare: two coders of the same thread', () => {
  test('the text report, exactly (figures computed by hand below)', async () => {
    // parent: A 0 1 1 0 4 3, B 0 1 0 0 4 3; 5/6 agree. Rows (0, 1, 3, 4) 2, 2, 1, 1, columns
    //   3, 1, 1, 1: Σ row·col = 10; kappa = (6·5 − 10) / (36 − 10) = 20/26 = 0.769.
    // sentiment: only #4 differs (negative→neutral). Rows (pos, neg, neu) 2, 3, 1, columns 2, 2, 2:
    //   Σ = 12; kappa = (30 − 12) / (36 − 12) = 0.75. F1 (B against A): 1, 0.8, 2/3; mean 0.822.
    // stance: only #3 differs (neutral→sceptical). Rows (pro-microsoft, sceptical, neutral) 2, 3, 1,
    //   columns 2, 4, 0: Σ = 16; kappa = (30 − 16) / (36 − 16) = 0.7. F1 1, 6/7, 0; mean 0.619.
    // agreement: replies for both coders are #2, #5, #6 (B puts #3 under the article); #5 differs.
    //   Rows (agree, disagree) 2, 1, columns 1, 2: Σ = 4; kappa = (3·2 − 4) / (9 − 4) = 0.4.
    const result = await run(['compare', A, B]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toBe(
      [
        `compare: A = ${A}, B = ${B} (6 labelled comments in each)`,
        '',
        'parent: 6 comments (labelled by both coders), accuracy 0.833 (5/6), kappa 0.769',
        '  differs on: #3 A 1 B 0',
        '',
        'sentiment: 6 comments (labelled by both coders), accuracy 0.833 (5/6), macro-F1 0.822, kappa 0.750',
        '  label     precision  recall     F1  A  B',
        '  positive      1.000   1.000  1.000  2  2',
        '  negative      1.000   0.667  0.800  3  2',
        '  neutral       0.500   1.000  0.667  1  2',
        '  confusion matrix (rows: A, columns: B)',
        '  A \\ B     positive  negative  neutral',
        '  positive         2         0        0',
        '  negative         0         2        1',
        '  neutral          0         0        1',
        '  differs on: #4 negative→neutral',
        '',
        'stance: 6 comments (labelled by both coders), accuracy 0.833 (5/6), macro-F1 0.619, kappa 0.700',
        '  label          precision  recall     F1  A  B',
        '  pro-microsoft      1.000   1.000  1.000  2  2',
        '  sceptical          0.750   1.000  0.857  3  4',
        '  neutral            0.000   0.000  0.000  1  0',
        '  confusion matrix (rows: A, columns: B)',
        '  A \\ B          pro-microsoft  sceptical  neutral',
        '  pro-microsoft              2          0        0',
        '  sceptical                  0          3        0',
        '  neutral                    0          1        0',
        '  differs on: #3 neutral→sceptical',
        '',
        'agreement: 3 comments (replies for both coders: no coder gives parent 0), accuracy 0.667 (2/3), macro-F1 0.667, kappa 0.400',
        '  label     precision  recall     F1  A  B',
        '  agree         1.000   0.500  0.667  2  1',
        '  disagree      0.500   1.000  0.667  1  2',
        '  confusion matrix (rows: A, columns: B)',
        '  A \\ B     agree  disagree',
        '  agree         1         1',
        '  disagree      0         1',
        '  differs on: #5 agree→disagree',
        '',
      ].join('\n'),
    );
  });

  test('--json: the same figures, exact, with every difference', async () => {
    const result = await run(['compare', A, B, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      fileA: string;
      fileB: string;
      records: number;
      fields: { field: string; metrics: { total: number; correct: number; kappa: number; labels: string[]; confusion: number[][] }; differences: unknown[] }[];
    };
    expect([report.fileA, report.fileB, report.records]).toEqual([A, B, 6]);
    expect(report.fields.map((f) => [f.field, f.metrics.total, f.metrics.correct, f.metrics.kappa])).toEqual([
      ['parent', 6, 5, 20 / 26],
      ['sentiment', 6, 5, 0.75],
      ['stance', 6, 5, 0.7],
      ['agreement', 3, 2, 0.4],
    ]);
    expect([report.fields[0].metrics.labels, report.fields[0].metrics.confusion]).toEqual([
      ['0', '1', '3', '4'],
      [
        [2, 0, 0, 0],
        [1, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
      ],
    ]);
    expect(report.fields.map((f) => f.differences)).toEqual([
      [{ index: 3, a: '1', b: '0' }],
      [{ index: 4, a: 'negative', b: 'neutral' }],
      [{ index: 3, a: 'neutral', b: 'sceptical' }],
      [{ index: 5, a: 'agree', b: 'disagree' }],
    ]);
  });

  test('a field is compared only when both files carry it; without parents agreement covers every comment', () => {
    const a = parseGold('{"index":1,"sentiment":"neutral","agreement":"none"}\n{"index":2,"sentiment":"negative","agreement":"disagree"}', 'a.jsonl');
    const b = parseGold('{"index":2,"stance":"sceptical","agreement":"agree"}\n{"index":1,"agreement":"none"}', 'b.jsonl');
    const comparison = compareCoders(a, b, 'a.jsonl', 'b.jsonl');
    expect(comparison.fields.map((f) => [f.field, f.scope, f.metrics.total, f.metrics.correct, f.differences])).toEqual([
      ['agreement', 'replies for both coders: no coder gives parent 0', 2, 1, [{ index: 2, a: 'disagree', b: 'agree' }]],
    ]);
  });

  test('files of different lengths: exit 1, the longer file and the line of its first extra comment', async () => {
    const a = write('a.jsonl', ['{"index":1,"sentiment":"neutral"}', '{"index":2,"sentiment":"neutral"}']);
    const b = write('b.jsonl', ['{"index":1,"sentiment":"neutral"}', '', '{"index":2,"sentiment":"positive"}', '{"index":3,"sentiment":"neutral"}']);
    const result = await run(['compare', a, b]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `thread-stance: ${b}:4: ${a} labels 2 comments and ${b} labels 3; comment 3 is labelled here but not in ${a} (both files must label the same comments of the same thread)\n`,
    });
  });

  test('same length, other comments: an error at the first line of A that B lacks', () => {
    const a = parseGold('{"index":1,"sentiment":"neutral"}\n{"index":2,"sentiment":"neutral"}', 'a.jsonl');
    const b = parseGold('{"index":1,"sentiment":"neutral"}\n{"index":3,"sentiment":"neutral"}', 'b.jsonl');
    let caught: unknown;
    try {
      compareCoders(a, b, 'a.jsonl', 'b.jsonl');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ThreadStanceError);
    expect([(caught as ThreadStanceError).code, (caught as ThreadStanceError).located]).toEqual([
      'CODERS_INDEX_MISMATCH',
      'a.jsonl:2: comment 2 is labelled here but not in b.jsonl (both files must label the same comments of the same thread)',
    ]);
  });

  test("a bad line in B is reported like evaluate's gold errors: exit 1, B's file and line", async () => {
    const b = write('b.jsonl', ['{"index":1,"sentiment":"neutral"}', '{"index":2,"stance":"pro-msft"}']);
    const result = await run(['compare', A, b]);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      1,
      '',
      `thread-stance: ${b}:2: "stance" must be one of pro-microsoft, pro-board, sceptical, neutral; found "pro-msft"\n`,
    ]);
  });

  test('a missing file: exit 1, named', async () => {
    const missing = path.join(dir, 'nope.jsonl');
    const result = await run(['compare', A, missing]);
    // Under jest's VM modules a Node fs error comes from another realm: still the user's missing
    // file, not an "internal error" (describeError checks with isNativeError).
    expect([result.code, result.stderr]).toEqual([1, `thread-stance: ${missing}: ENOENT: no such file or directory, open '${missing}'\n`]);
  });

  test('one file only is a usage error (exit 2)', async () => {
    const result = await run(['compare', A]);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([2, 'thread-stance: Not enough non-option arguments: got 1, need at least 2']);
  });
});
