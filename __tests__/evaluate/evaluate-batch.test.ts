import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type CliIo } from '../../src/cli.js';
import { goldPathFor } from '../../src/cli/evaluate.js';
import type { EvaluationReport, FieldEvaluation } from '../../src/evaluate/compare.js';
import { formatPooledEvaluation } from '../../src/evaluate/format.js';
import { classificationMetrics, pooledMetrics, type ClassificationMetrics } from '../../src/evaluate/metrics.js';
import { poolEvaluations, type PooledEvaluation } from '../../src/evaluate/pool.js';

const BATCH = '__tests__/fixtures/evaluate-batch';
const ONE = `${BATCH}/one.jsonl`;
const TWO = `${BATCH}/two.jsonl`;
const LONELY = `${BATCH}/lonely.jsonl`;
const BAD_GOLD = `${BATCH}/badgold.jsonl`;
const SENTIMENT = ['positive', 'negative', 'neutral'];

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function pairs(gold: string[], predicted: string[]) {
  return gold.map((g, i) => ({ gold: g, predicted: predicted[i] }));
}

/** A thread's field evaluation built from label pairs (mismatch lists play no part in pooling). */
function field(name: FieldEvaluation['field'], scope: string, metrics: ClassificationMetrics): FieldEvaluation {
  return { field: name, scope, metrics, mismatches: [] };
}

// Thread A: sentiment gold pos, pos, neg / predicted pos, neg, neg: confusion (pos, neg) [[1,1],[0,1]],
// per-thread macro-F1 (2/3 + 2/3) / 2 = 2/3. Agreement gold agree, none / predicted agree, agree.
// Thread B: sentiment gold neu, pos / predicted pos, pos: confusion (pos, neu) [[1,0],[1,0]],
// per-thread macro-F1 (2/3 + 0) / 2 = 1/3.
const SENTIMENT_A = classificationMetrics(pairs(['positive', 'positive', 'negative'], ['positive', 'negative', 'negative']), SENTIMENT);
const SENTIMENT_B = classificationMetrics(pairs(['neutral', 'positive'], ['positive', 'positive']), SENTIMENT);
const AGREEMENT_A = classificationMetrics(pairs(['agree', 'none'], ['agree', 'agree']), ['agree', 'disagree', 'none']);

function reportA(): EvaluationReport {
  return {
    input: 'a.txt', goldFile: 'a.gold.jsonl', goldRecords: 3, comments: 4,
    parent: {
      compared: 3, correct: 2, accuracy: 2 / 3,
      byEvidence: [{ evidence: 'id', comments: 2, correct: 1, accuracy: 0.5 }, { evidence: 'none', comments: 1, correct: 1, accuracy: 1 }],
      mismatches: [{ index: 3, gold: '1', predicted: '2', evidence: 'id' }],
    },
    fields: [field('sentiment', 'all labelled comments', SENTIMENT_A), field('agreement', 'replies only', AGREEMENT_A)],
  };
}

function reportB(): EvaluationReport {
  return {
    input: 'b.txt', goldFile: 'b.gold.jsonl', goldRecords: 2, comments: 3,
    parent: {
      compared: 2, correct: 2, accuracy: 1,
      byEvidence: [{ evidence: 'mention', comments: 1, correct: 1, accuracy: 1 }, { evidence: 'none', comments: 1, correct: 1, accuracy: 1 }],
      mismatches: [],
    },
    fields: [field('sentiment', 'all labelled comments', SENTIMENT_B)],
  };
}

describe('pooling confusion matrices', () => {
  test('two tables over different labels: summed over the union, metrics from the sum', () => {
    const m = pooledMetrics([SENTIMENT_A, SENTIMENT_B], SENTIMENT);
    // By hand: rows gold (pos, neg, neu), columns predicted. pos: 1+1 pos, 1 neg; neg: 1 neg; neu: 1 pos.
    expect(m.labels).toEqual(['positive', 'negative', 'neutral']);
    expect(m.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect([m.total, m.correct, m.accuracy]).toEqual([5, 3, 0.6]);
    // pos: tp 2 of 3 predicted, 3 gold: P = R = F1 = 2/3. neg: tp 1 of 2 predicted, 1 gold: P 0.5,
    // R 1, F1 2/3. neu: never predicted, F1 0. Macro-F1 (2/3 + 2/3 + 0) / 3 = 4/9.
    expect(m.perLabel.map((l) => [l.label, l.support, l.predicted])).toEqual([['positive', 3, 3], ['negative', 1, 2], ['neutral', 1, 0]]);
    expect(m.perLabel.map((l) => [l.precision, l.recall])).toEqual([[2 / 3, 2 / 3], [0.5, 1], [0, 0]]);
    expect(m.macroF1).toBeCloseTo(4 / 9, 12);
    // Kappa: n 5, 3 agreed, rows 3, 1, 1, columns 3, 2, 0: Σ row·col = 9 + 2 + 0 = 11;
    // (5·3 − 11) / (5² − 11) = 4/14 = 2/7.
    expect(m.kappa).toBeCloseTo(2 / 7, 12);
  });

  test('pooling one table gives that table back; pooling none gives zeros', () => {
    expect(pooledMetrics([SENTIMENT_A], SENTIMENT)).toEqual(SENTIMENT_A);
    expect(pooledMetrics([])).toEqual(classificationMetrics([]));
  });
});

describe('pooling thread reports', () => {
  test('parent pooled by evidence, each field pooled and the per-thread macro-F1 mean beside it', () => {
    const pooled = poolEvaluations([reportA(), reportB()]) as PooledEvaluation;
    expect([pooled.threads, pooled.comments, pooled.goldRecords]).toEqual([2, 7, 5]);
    expect(pooled.parent).toEqual({
      threads: 2, compared: 5, correct: 4, accuracy: 0.8,
      byEvidence: [
        { evidence: 'id', comments: 2, correct: 1, accuracy: 0.5 },
        { evidence: 'mention', comments: 1, correct: 1, accuracy: 1 },
        { evidence: 'none', comments: 2, correct: 2, accuracy: 1 },
      ],
    });
    expect(pooled.fields.map((f) => [f.field, f.scope, f.threads, f.metrics.total])).toEqual([
      ['sentiment', 'all labelled comments', 2, 5],
      ['agreement', 'replies only', 1, 2],
    ]);
    // Pooled 4/9 (every comment weighs the same) against the mean (2/3 + 1/3) / 2 = 1/2 (every thread).
    expect(pooled.fields[0].metrics.macroF1).toBeCloseTo(4 / 9, 12);
    expect(pooled.fields[0].meanMacroF1).toBeCloseTo(0.5, 12);
    // Agreement in thread A only: agree F1 2/3 (P 1/2, R 1), none F1 0, macro 1/3, both ways.
    expect(pooled.fields[1].meanMacroF1).toBeCloseTo(1 / 3, 12);
    expect(pooled.fields[1].metrics.macroF1).toBeCloseTo(1 / 3, 12);
  });

  test('different scopes are all named; no report gives no pooled figures', () => {
    const b = reportB();
    b.fields.push(field('agreement', "replies only (the analyzer's parent)", classificationMetrics(pairs(['none'], ['none']))));
    expect((poolEvaluations([reportA(), b]) as PooledEvaluation).fields[1].scope).toBe("replies only; replies only (the analyzer's parent)");
    expect(poolEvaluations([])).toBe(undefined);
  });

  test('the pooled section as text, exactly', () => {
    const text = formatPooledEvaluation(poolEvaluations([reportA(), reportB()]), [{ input: 'c.txt', error: 'c.txt: no gold labels' }]);
    expect(text.split('\n')).toEqual([
      'pooled: 2 threads (7 comments, 5 labelled comments)',
      'skipped 1 of 3 threads (errors above, not in the pooled figures): c.txt',
      'pooled = confusion matrices summed, every comment weighs the same; mean = mean of the per-thread macro-F1, every thread weighs the same',
      '',
      'parent: 5 comments in 2 threads, accuracy 0.800 (4/5)',
      '  evidence used  comments  correct  accuracy',
      '  id                    2        1     0.500',
      '  mention               1        1     1.000',
      '  none                  2        2     1.000',
      '',
      'sentiment: 5 comments (all labelled comments; 2 threads), accuracy 0.600 (3/5), macro-F1 0.444 pooled, 0.500 mean, kappa 0.286',
      '  label     precision  recall     F1  gold  predicted',
      '  positive      0.667   0.667  0.667     3          3',
      '  negative      0.500   1.000  0.667     1          2',
      '  neutral       0.000   0.000  0.000     1          0',
      '  confusion matrix (rows: gold, columns: predicted)',
      '  gold \\ predicted  positive  negative  neutral',
      '  positive                 2         1        0',
      '  negative                 0         1        0',
      '  neutral                  1         0        0',
      '',
      // Kappa: n 2, 1 agreed, rows 1, 1, columns 2, 0: (2·1 − 2) / (4 − 2) = 0.
      'agreement: 2 comments (replies only; 1 thread), accuracy 0.500 (1/2), macro-F1 0.333 pooled, 0.333 mean, kappa 0.000',
      '  label  precision  recall     F1  gold  predicted',
      '  agree      0.500   1.000  0.667     1          2',
      '  none       0.000   0.000  0.000     1          0',
      '  confusion matrix (rows: gold, columns: predicted)',
      '  gold \\ predicted  agree  none',
      '  agree                 1     0',
      '  none                  1     0',
      '',
    ]);
  });

  test('nothing evaluated: said so, with the skipped inputs', () => {
    expect(formatPooledEvaluation(undefined, [{ input: 'c.txt', error: 'x' }])).toBe(
      'pooled: no thread could be evaluated\nskipped 1 of 1 thread (errors above, not in the pooled figures): c.txt\n',
    );
  });
});

test('the gold file beside an input: last extension replaced by .gold.jsonl', () => {
  expect([goldPathFor('d/x.txt'), goldPathFor('d/x.y.csv'), goldPathFor('d/x')]).toEqual(['d/x.gold.jsonl', 'd/x.y.gold.jsonl', 'd/x.gold.jsonl']);
});

interface BatchJson {
  threads: EvaluationReport[];
  pooled: PooledEvaluation;
  skipped: { input: string; error: string }[];
}

describe('evaluate on several threads (command line)', () => {
  test('two hand-labelled threads: each report, then the pooled figures; exit 0', async () => {
    const result = await run(['evaluate', ONE, TWO, '--json']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const json = JSON.parse(result.stdout) as BatchJson;
    expect(json.threads.map((t) => [t.input, t.goldFile, t.goldRecords])).toEqual([[ONE, `${BATCH}/one.gold.jsonl`, 3], [TWO, `${BATCH}/two.gold.jsonl`, 2]]);
    expect(json.skipped).toEqual([]);
    // Parents come from the files' explicit ids (evidence "id"; top-level comments "none"). By hand:
    // one.jsonl: #1 top (gold 0, right), #2 → #1 (right), #3 → #2 but the person says #1 (wrong);
    // two.jsonl: #1 top, #2 → #1, both right. Pooled 4/5; id 1 of 2 + 1 of 1 = 2/3, none 2/2.
    expect(json.pooled.parent).toEqual({
      threads: 2, compared: 5, correct: 4, accuracy: 0.8,
      byEvidence: [{ evidence: 'id', comments: 3, correct: 2, accuracy: 2 / 3 }, { evidence: 'none', comments: 2, correct: 2, accuracy: 1 }],
    });
    const sentiment = json.pooled.fields[0];
    // Gold supports (pos, neg, neu) are facts of the gold files: one has 1, 1, 1 and two 1, 0, 1.
    expect([sentiment.field, sentiment.threads, sentiment.metrics.total, sentiment.metrics.labels.filter((l, i) => sentiment.metrics.perLabel[i].support > 0)]).toEqual([
      'sentiment', 2, 5, ['positive', 'negative', 'neutral'],
    ]);
    expect(sentiment.metrics.perLabel.map((l) => [l.label, l.support])).toEqual([['positive', 2], ['negative', 1], ['neutral', 2]]);
    // Whatever the analyzer predicts: the pooled matrix is the per-thread matrices summed, label by
    // label, and the mean is the mean of the two per-thread macro-F1.
    const [m1, m2] = json.threads.map((t) => t.fields[0].metrics);
    expect(sentiment.metrics).toEqual(pooledMetrics([m1, m2], SENTIMENT));
    expect(sentiment.meanMacroF1).toBe((m1.macroF1 + m2.macroF1) / 2);
    expect(json.pooled.fields.length).toBe(1);
  });

  test('the text form: the thread reports in input order, then the pooled section', async () => {
    const result = await run(['evaluate', TWO, ONE]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('evaluate: ') || l.startsWith('pooled'))).toEqual([
      `evaluate: ${TWO} (2 comments) against ${BATCH}/two.gold.jsonl (2 labelled comments)`,
      `evaluate: ${ONE} (3 comments) against ${BATCH}/one.gold.jsonl (3 labelled comments)`,
      'pooled: 2 threads (5 comments, 5 labelled comments)',
      'pooled = confusion matrices summed, every comment weighs the same; mean = mean of the per-thread macro-F1, every thread weighs the same',
    ]);
    const pooledAt = lines.indexOf('pooled: 2 threads (5 comments, 5 labelled comments)');
    expect(lines.slice(pooledAt + 2, pooledAt + 8)).toEqual([
      '',
      'parent: 5 comments in 2 threads, accuracy 0.800 (4/5)',
      '  evidence used  comments  correct  accuracy',
      '  id                    3        2     0.667',
      '  none                  2        2     1.000',
      '',
    ]);
  });

  test('an input without its gold file: error naming both, exit 1, the other thread still evaluated and pooled', async () => {
    const result = await run(['evaluate', LONELY, ONE]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`thread-stance: ${LONELY}: no gold labels for this thread: expected them in ${BATCH}/lonely.gold.jsonl\n`);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`evaluate: ${ONE} (3 comments) against ${BATCH}/one.gold.jsonl (3 labelled comments)`);
    expect(lines.filter((l) => l.startsWith('pooled: ') || l.startsWith('skipped '))).toEqual([
      'pooled: 1 thread (3 comments, 3 labelled comments)',
      `skipped 1 of 2 threads (errors above, not in the pooled figures): ${LONELY}`,
    ]);
    const json = JSON.parse((await run(['evaluate', LONELY, ONE, '--json'])).stdout) as BatchJson;
    expect(json.skipped).toEqual([{ input: LONELY, error: `${LONELY}: no gold labels for this thread: expected them in ${BATCH}/lonely.gold.jsonl` }]);
    expect([json.threads.map((t) => t.input), json.pooled.threads, json.pooled.parent?.compared]).toEqual([[ONE], 1, 3]);
  });

  test('a gold file with a bad line: the gold error (file and line), exit 1, the others evaluated', async () => {
    const result = await run(['evaluate', BAD_GOLD, TWO, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`thread-stance: ${BATCH}/badgold.gold.jsonl:2: "sentiment" must be one of positive, negative, neutral; found "joyeux"\n`);
    const json = JSON.parse(result.stdout) as BatchJson;
    expect([json.threads.map((t) => t.input), json.skipped.map((s) => s.input), json.pooled.comments]).toEqual([[TWO], [BAD_GOLD], 2]);
  });

  test('a folder: its threads sorted by path, the label files beside them (one.gold.jsonl, one.coder2.jsonl) not taken as threads', async () => {
    const result = await run(['evaluate', BATCH, '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as BatchJson;
    expect(json.threads.map((t) => t.input)).toEqual([path.join(BATCH, 'one.jsonl'), path.join(BATCH, 'two.jsonl')]);
    expect(json.skipped.map((s) => s.input)).toEqual([path.join(BATCH, 'badgold.jsonl'), path.join(BATCH, 'lonely.jsonl')]);
  });

  test('a gold file that exists but cannot be read (here a folder of that name): GOLD_UNREADABLE names the gold file, the others evaluated', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-gold-dir-'));
    try {
      const thread = path.join(dir, 'one.jsonl');
      fs.copyFileSync(ONE, thread);
      fs.mkdirSync(path.join(dir, 'one.gold.jsonl'));
      const result = await run(['evaluate', thread, TWO, '--json']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`thread-stance: ${dir}/one.gold.jsonl: cannot read the gold labels: EISDIR: illegal operation on a directory, read\n`);
      const json = JSON.parse(result.stdout) as BatchJson;
      expect([json.threads.map((t) => t.input), json.skipped.map((s) => s.input)]).toEqual([[TWO], [thread]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an argument that names nothing is skipped like a thread without gold', async () => {
    const missing = `${BATCH}/nothing-here.txt`;
    const result = await run(['evaluate', missing, TWO, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`thread-stance: ${missing}: no such file or folder\n`);
    expect((JSON.parse(result.stdout) as BatchJson).skipped).toEqual([{ input: missing, error: `${missing}: no such file or folder` }]);
  });

  test('--gold with several inputs, or with a folder, is a usage error (exit 2)', async () => {
    const stderr = 'thread-stance: --gold labels one thread; with several inputs each X.txt is paired with X.gold.jsonl beside it, so leave --gold out\nRun "thread-stance --help" for usage.\n';
    expect(await run(['evaluate', ONE, TWO, '--gold', `${BATCH}/one.gold.jsonl`])).toEqual({ code: 2, stdout: '', stderr });
    expect(await run(['evaluate', BATCH, '--gold', `${BATCH}/one.gold.jsonl`])).toEqual({ code: 2, stdout: '', stderr });
  });

  test('two real labelled threads: pooled comment counts per field are those of the gold files', async () => {
    const result = await run(['evaluate', '__tests__/fixtures/dev-blind/altman-thread.txt', '__tests__/fixtures/dev-blind/apple-thread.txt', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as BatchJson;
    // Counted in the gold files: altman 60 records, all with parent, sentiment, stance, and 30 with a
    // comment as gold parent; apple 40 records with parent and sentiment, no stance, 20 replies.
    expect([json.pooled.threads, json.pooled.goldRecords, json.pooled.parent?.compared]).toEqual([2, 100, 100]);
    expect(json.pooled.fields.map((f) => [f.field, f.threads, f.metrics.total])).toEqual([
      ['sentiment', 2, 100],
      ['stance', 1, 60],
      ['agreement', 2, 50],
    ]);
  });
});
